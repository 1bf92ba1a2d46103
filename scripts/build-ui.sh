#!/usr/bin/env bash
# Builds the web UI into ui/dist (the folder src-tauri/tauri.conf.json names as frontendDist).
# The Tauri build embeds ui/dist, so run this before `cargo build -p tenken-app`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$TENKEN_ROOT/ui"

log "ui: vite build"
npm run --silent build
