#!/usr/bin/env bash
# The whole test suite: setup, UI build + unit tests + type check, one workspace build,
# the Rust tests, then the end-to-end smoke test that drives the real window under Xvfb.
# Every step runs even when an earlier independent one failed; steps that need a build
# that failed are counted as failed. Ends with `N passed, N failed`; exit status 1 on any failure.
# Non-interactive (CI=true changes nothing but is respected by npm/vitest).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$TENKEN_ROOT"

passed=0
failed=0
failures=()
started_all="$(now)"

# step NAME COMMAND...: runs the command, records and reports the result with its duration.
step() {
  local name="$1"; shift
  local t; t="$(now)"
  log "$name"
  if "$@"; then
    passed=$((passed + 1)); log "$name: ok ($(elapsed "$t"))"; return 0
  else
    failed=$((failed + 1)); failures+=("$name"); log "$name: FAILED ($(elapsed "$t"))"; return 1
  fi
}
skip() { failed=$((failed + 1)); failures+=("$1 (skipped: $2)"); log "$1: skipped, $2"; }

step "setup" bash scripts/setup.sh || { echo "$passed passed, $failed failed"; exit 1; }

ui_ok=true
step "ui build" bash scripts/build-ui.sh || ui_ok=false
step "ui unit tests (vitest)" bash -c 'cd ui && npx --no-install vitest run' || true
step "ui type check (svelte-check)" bash -c 'cd ui && npm run --silent check' || true
step "ui lint (eslint, prettier --check)" bash -c 'cd ui && npm run --silent lint' || true
step "release workflow check (check-jsonschema, GitHub workflow schema)" \
  "$TENKEN_TOOLS_VENV/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml || true

step "rustfmt (cargo fmt --all --check)" cargo fmt --all --check || true

build_ok=false
if $ui_ok; then
  step "cargo build --workspace --all-targets" cargo build --workspace --all-targets && build_ok=true
else
  skip "cargo build --workspace --all-targets" "the UI (embedded by tenken-app) did not build"
fi

if $build_ok; then
  # One `cargo test --workspace`: the core, policy and CLI tests plus the shell's unit tests.
  # Not `--exclude tenken-app`: a different package selection unifies dependency features
  # differently and recompiles most dependencies (measured: +30 min on 2 cores), while the
  # build above has already compiled every test target of the workspace, Tauri included.
  step "cargo test --workspace (core, policy, cli, shell unit tests)" cargo test --workspace || true
  # Lints every target, the window shell included; a warning fails the step.
  step "clippy (cargo clippy --workspace --all-targets -- -D warnings)" \
    cargo clippy --workspace --all-targets -- -D warnings || true
  # The CLI suites again, every fresh store encrypted first (#13: the harness in tests/common).
  step "CLI suites on encrypted stores (TENKEN_TEST_ENCRYPTED=1)" env TENKEN_TEST_ENCRYPTED=1 \
    cargo test -p tenken-cli --test workflow --test bad_input --test backup --test hardening \
      --test report --test policy_import --test crash_restore_demo --test team || true
  step "end-to-end: start screen in the real window" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/start_screen.py || true
  step "end-to-end: an auditor's year in the real window" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/workflow.py || true
  step "end-to-end: scope per department in the real window" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/scope.py || true
  step "end-to-end: issuing reports and notices in the real window" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/reports.py || true
  step "end-to-end: the audit team's merge and conflict screen in the real window" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/team.py || true
  step "end-to-end: encrypted team packages (package passphrase) in the real window" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/team_encrypted.py || true
  step "end-to-end: About panel and the window's log" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/about.py || true
  step "end-to-end: unlock screen and auto-lock of an encrypted store" \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/unlock.py || true
  # "Remember on this computer" against a real Secret Service (gnome-keyring on a private bus).
  # --workspace, not -p tenken-app: the same feature set as the build above, so nothing recompiles.
  step "keychain: the OS keychain keeps, recalls and forgets a store's key" \
    dbus-run-session -- tests/e2e/with-keychain.sh env TENKEN_TEST_REAL_KEYCHAIN=1 \
    cargo test -q --workspace keychain || true
  step "end-to-end: encryption on/off, recovery key, recovery, remember on this computer" \
    dbus-run-session -- tests/e2e/with-keychain.sh \
    xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/e2e/encryption.py || true
  # The installers: one release build of tenken-app + tenken, bundled by Tauri (.deb, .rpm),
  # then the .deb installed into a clean folder and its window started.
  if step "package: .deb and .rpm (scripts/package.sh)" bash scripts/package.sh --no-setup; then
    step "install test: the .deb's files, versions and window" \
      xvfb-run -a -s "-screen 0 1366x768x24" python3 tests/install/install_test.py || true
  else
    skip "install test: the .deb's files, versions and window" "the package was not built"
  fi
else
  skip "cargo test --workspace (core, policy, cli, shell unit tests)" "the build failed"
  skip "clippy (cargo clippy --workspace --all-targets -- -D warnings)" "the build failed"
  skip "CLI suites on encrypted stores (TENKEN_TEST_ENCRYPTED=1)" "the build failed"
  skip "end-to-end: start screen in the real window" "the build failed"
  skip "end-to-end: an auditor's year in the real window" "the build failed"
  skip "end-to-end: scope per department in the real window" "the build failed"
  skip "end-to-end: issuing reports and notices in the real window" "the build failed"
  skip "end-to-end: the audit team's merge and conflict screen in the real window" "the build failed"
  skip "end-to-end: encrypted team packages (package passphrase) in the real window" "the build failed"
  skip "end-to-end: About panel and the window's log" "the build failed"
  skip "end-to-end: unlock screen and auto-lock of an encrypted store" "the build failed"
  skip "package: .deb and .rpm (scripts/package.sh)" "the build failed"
  skip "install test: the .deb's files, versions and window" "the build failed"
fi

log "total $(elapsed "$started_all")"
for f in "${failures[@]+"${failures[@]}"}"; do echo "failed: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
