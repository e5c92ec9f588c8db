#!/usr/bin/env bash
# Installs Window Clerk (if needed) and starts a counter on the embedded default.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/bootstrap.sh" runtime
exec "$root/.venv/bin/python" "$root/main.py" "$@"
