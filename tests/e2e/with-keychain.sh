#!/usr/bin/env bash
# Runs a command with a real OS keychain (the Secret Service of gnome-keyring), for the
# "remember on this computer" tests. Call it inside a private session bus:
#   dbus-run-session -- tests/e2e/with-keychain.sh COMMAND...
# The keyring daemon starts with a throwaway login password and unlocks the default keyring
# (stored under a temporary HOME's .local/share/keyrings, not the tester's).
set -euo pipefail
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || { echo "with-keychain.sh: no session bus (run it in dbus-run-session)" >&2; exit 1; }
keyring_home="$(mktemp -d -t tenken-keyring-XXXXXX)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data"
mkdir -p "$XDG_DATA_HOME"
printf 'tenken-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
