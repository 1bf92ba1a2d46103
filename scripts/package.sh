#!/usr/bin/env bash
# Builds the Linux installers with Tauri's own bundler:
#   target/release/bundle/deb/tenken_<version>_<arch>.deb
#   target/release/bundle/rpm/tenken-<version>-1.<arch>.rpm
# Each holds the window app (/usr/bin/tenken-app), the command line (/usr/bin/tenken), the
# desktop entry 「tenken 点検」 with its icons (src-tauri/icons, generated from
# assets/icon/tenken.svg by `tauri icon`), and in /usr/share/doc/tenken/ the IPA font licence and
# the third-party licence list (scripts/third-party-licenses.py). Version: the workspace's.
#
#   bash scripts/package.sh [--bundles LIST] [--no-setup]
#
# --bundles: what `tauri bundle` makes (default deb,rpm; the release workflow passes nsis,msi on
# Windows and dmg on macOS, where the licences go in as resources instead of /usr/share/doc).
# --no-setup: skip scripts/setup.sh (Debian packages; CI runners of other systems install their own).
#
# One release build of both binaries (cargo, about 15 minutes the first time on 2 cores;
# incremental afterwards), then `tauri bundle` (the Tauri CLI from npm, ui/node_modules) packages
# it: nothing is compiled twice and nothing is downloaded. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$TENKEN_ROOT"

bundles="deb,rpm"
setup=true
while [ $# -gt 0 ]; do
  case "$1" in
    --bundles) [ $# -ge 2 ] || die "--bundles needs a list"; bundles="$2"; shift 2 ;;
    --no-setup) setup=false; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (usage: scripts/package.sh [--bundles LIST] [--no-setup])" ;;
  esac
done

if $setup; then bash scripts/setup.sh; fi
bash scripts/build-ui.sh

target="$(cd "${CARGO_TARGET_DIR:-$TENKEN_ROOT/target}" 2>/dev/null && pwd || echo "$TENKEN_ROOT/target")"
t="$(now)"
log "cargo build --release -p tenken-app -p tenken-cli (the first build takes about 15 minutes)"
# custom-protocol: what `tauri build` would enable (the UI served by tauri://, not a dev server).
cargo build --release --locked -p tenken-app -p tenken-cli --features tenken-app/custom-protocol
log "release build: $(elapsed "$t")"

triple="$(rustc -vV | sed -n 's/^host: //p')"
stage="$target/package"
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/doc"
# The CLI goes in as Tauri's "external binary": <name>-<target triple>, installed as /usr/bin/tenken.
exe=""
case "$triple" in *windows*) exe=".exe" ;; esac
cp "$target/release/tenken$exe" "$stage/bin/tenken-$triple$exe"
cp assets/fonts/IPA_Font_License_Agreement_v1.0.txt "$stage/doc/"
"${PYTHON:-python3}" scripts/third-party-licenses.py "$stage/doc/THIRD-PARTY-LICENSES.txt"

# Merged over src-tauri/tauri.conf.json for packaging only (a plain `cargo build` must not need
# the external binary, which tauri-build would otherwise look for).
doc_files="$("${PYTHON:-python3}" - "$stage" <<'EOF'
import json, os, sys
stage = sys.argv[1]
docs = sorted(os.listdir(os.path.join(stage, "doc")))
files = {f"/usr/share/doc/tenken/{n}": os.path.join(stage, "doc", n) for n in docs}
bundle = {"active": True, "externalBin": [os.path.join(stage, "bin", "tenken")],
          "linux": {"deb": {"files": files}, "rpm": {"files": files}}}
if not sys.platform.startswith("linux"):
    # Windows / macOS: beside the app, in its resource folder `licenses/`.
    bundle["resources"] = {os.path.join(stage, "doc", n): f"licenses/{n}" for n in docs}
print(json.dumps({"bundle": bundle}, indent=2))
EOF
)"
printf '%s\n' "$doc_files" >"$stage/tauri.package.json"

for b in ${bundles//,/ }; do rm -rf "$target/release/bundle/$b"; done
t="$(now)"
log "tauri bundle --bundles $bundles"
# Extra configuration (e.g. signing, from the release workflow): TENKEN_BUNDLE_CONFIG=<file>.
extra=()
if [ -n "${TENKEN_BUNDLE_CONFIG:-}" ]; then extra=(--config "$TENKEN_BUNDLE_CONFIG"); fi
CI=true ui/node_modules/.bin/tauri bundle --bundles "$bundles" --config "$stage/tauri.package.json" \
  "${extra[@]+"${extra[@]}"}" --features custom-protocol
log "bundle: $(elapsed "$t")"

for b in ${bundles//,/ }; do ls -l "$target/release/bundle/$b"; done
