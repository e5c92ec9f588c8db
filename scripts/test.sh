#!/usr/bin/env bash
# Installs Window Clerk with its test tools (if needed), runs every quality gate, then the tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/bootstrap.sh test
export PATH="$root/.venv/bin:$PATH"
export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1

echo "== ruff check" && ruff check .
echo "== ruff format --check" && ruff format --check .
echo "== mypy --strict" && mypy
echo "== import-linter" && lint-imports --no-logo
echo "== pytest"
# Test processes: one per CPU, at most 4 (pytest-xdist); a module's tests stay in one process, so
# its registry and databases are set up once. `-n 0` (passed through) runs them in this one.
# A test process that dies (a native crash) ends the run at once, failed: pytest-xdist 3.8 can
# hang for good when it replaces a crashed process under --dist loadscope (pytest-xdist#1323,
# #1327; fixed after 3.8), and a hung run would only end at the CI's time limit.
exec pytest -n auto --maxprocesses 4 --dist loadscope --max-worker-restart 0 \
    --cov --cov-report=term-missing:skip-covered --cov-fail-under=95 --durations=25 "$@"
