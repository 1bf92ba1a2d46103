#!/usr/bin/env bash
# Installs what tenken needs to build, run and test on Debian 12, only what is missing:
#   - Debian packages (build tools, WebKitGTK, Xvfb, WebKitWebDriver, Japanese fonts, poppler,
#     libdbus for the OS keychain, gnome-keyring + dbus-run-session to test it against a real one)
#   - tauri-driver (cargo install, ≈ 100 s the first time)
#   - the UI's npm packages (npm ci, when node_modules is missing or package-lock.json changed;
#     they include the Tauri CLI that scripts/package.sh bundles with, and ESLint/Prettier)
#   - check-jsonschema (PyPI, in $TENKEN_TOOLS_VENV) that checks .github/workflows/*.yml
# The Rust toolchain and Node.js are expected to be installed already.
# Safe to run again: a second run does nothing and takes about a second.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$TENKEN_ROOT"

APT_PACKAGES=(
  build-essential pkg-config libssl-dev libclang-dev libwebkit2gtk-4.1-dev
  xvfb xauth webkit2gtk-driver x11-apps netpbm
  fonts-ipaexfont-gothic fonts-ipaexfont-mincho
  poppler-utils python3-venv sqlite3
  libreoffice-calc libreoffice-writer-nogui
  libdbus-1-dev dbus-daemon gnome-keyring
)

command -v cargo >/dev/null || die "cargo not found: install Rust (https://rustup.rs) first"
command -v npm >/dev/null || die "npm not found: install Node.js 20 or newer first"

# --- Debian packages ---------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "apt: all ${#APT_PACKAGES[@]} packages present"
fi

# --- tauri-driver (WebDriver bridge for the end-to-end test) ------------------------------
if command -v tauri-driver >/dev/null 2>&1; then
  log "tauri-driver: present ($(command -v tauri-driver))"
else
  log "tauri-driver: cargo install tauri-driver --locked"
  cargo install tauri-driver --locked
fi

# --- npm packages of the UI -----------------------------------------------------------------
# package-lock.json lists the optional native packages of every platform (rollup, esbuild), so
# `npm ci` works on Windows and macOS too. ui/package.json pins rollup with "overrides" to a
# version whose platform packages all exist on the registry mirror used here; when upgrading,
# regenerate the lock from scratch (rm -rf node_modules package-lock.json; npm install).
stamp="ui/node_modules/.tenken-npm-ci-stamp"
lock_hash="$(sha256sum ui/package-lock.json | cut -d' ' -f1)"
if [ -d ui/node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  log "npm: ui/node_modules matches package-lock.json"
else
  log "npm: npm ci in ui/"
  (cd ui && npm ci --no-audit --no-fund)
  echo "$lock_hash" >"$stamp"
fi

# --- workflow checker (PyPI; its GitHub workflow schema ships inside the package) -------------
CHECK_JSONSCHEMA_VERSION="0.39.0"
if "$TENKEN_TOOLS_VENV/bin/check-jsonschema" --version 2>/dev/null | grep -q "$CHECK_JSONSCHEMA_VERSION"; then
  log "check-jsonschema: present ($TENKEN_TOOLS_VENV)"
else
  log "check-jsonschema: pip install check-jsonschema==$CHECK_JSONSCHEMA_VERSION into $TENKEN_TOOLS_VENV"
  python3 -m venv "$TENKEN_TOOLS_VENV"
  "$TENKEN_TOOLS_VENV/bin/pip" install -q --disable-pip-version-check "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi
