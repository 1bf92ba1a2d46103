#!/usr/bin/env bash
# Builds and starts tenken: setup, UI, CLI and app (debug), demo data on an empty store, window.
#
#   scripts/run.sh [--data-dir DIR]
#
# The store is DIR, else $TENKEN_DATA_DIR, else the platform's default data folder.
# Without a display (no $DISPLAY, e.g. over ssh) the app runs inside a virtual X server
# (xvfb-run) so that it at least starts; nothing is visible then.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$TENKEN_ROOT"

data_dir_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) [ $# -ge 2 ] || die "--data-dir needs a folder"; data_dir_args=(--data-dir "$2"); shift 2 ;;
    --data-dir=*) data_dir_args=(--data-dir "${1#--data-dir=}"); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (usage: scripts/run.sh [--data-dir DIR])" ;;
  esac
done

bash scripts/setup.sh
bash scripts/build-ui.sh

log "cargo build -p tenken-cli -p tenken-app (the first build takes about 10 minutes)"
cargo build -p tenken-cli -p tenken-app

bin="${CARGO_TARGET_DIR:-target}/debug"
tenken=("$bin/tenken" "${data_dir_args[@]}")
if [ "$("${tenken[@]}" assessment list --json | tr -d '[:space:]')" = "[]" ]; then
  log "the store is empty: creating demo data (tenken demo)"
  "${tenken[@]}" demo
fi

app=("$bin/tenken-app" "${data_dir_args[@]}")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  warn "no DISPLAY: starting tenken-app inside a virtual X server (xvfb-run); the window is not visible."
  warn "run this script from a desktop session to see the window."
  exec xvfb-run -a -s "-screen 0 1366x768x24" "${app[@]}"
fi
log "starting ${app[*]}"
exec "${app[@]}"
