#!/usr/bin/env bash
# Regenerates the zh_CN translation: lupdate over ui/, fill from the tables, lrelease.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ts=resources/i18n/window_clerk_zh_CN.ts
.venv/bin/pyside6-lupdate $(find ui -name '*.py' | sort) -ts "$ts" -no-obsolete
.venv/bin/python scripts/translate_fill.py "$ts"
.venv/bin/pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
