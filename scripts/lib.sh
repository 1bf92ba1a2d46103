# Shared helpers for scripts/*.sh (sourced, not run).

# Repository root, whatever the caller's working directory.
TENKEN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TENKEN_ROOT

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) for: $*"
  fi
}

# Python tools of the test command (check-jsonschema), in their own virtual environment.
TENKEN_TOOLS_VENV="${TENKEN_TOOLS_VENV:-$HOME/.cache/tenken/tools-venv}"
export TENKEN_TOOLS_VENV

# Seconds since the epoch with decimals, for the timings the scripts print.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# Makes cargo's and rustup's binaries reachable in a fresh (non-login) shell.
if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
export PATH
