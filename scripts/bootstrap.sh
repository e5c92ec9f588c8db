#!/usr/bin/env bash
# Installs what Window Clerk needs on a Debian machine: the system packages, then a virtual
# environment in .venv with the project installed (editable). Safe to run again: it only
# installs what is missing or what changed.
#
# Usage: scripts/bootstrap.sh runtime|test
set -euo pipefail

mode=${1:-runtime}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Qt's offscreen/xcb platforms and a CJK font so Chinese text renders on a machine without one.
debs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-wqy-microhei libasound2 libpulse0)
if [ "$mode" = test ]; then
    # poppler-utils and zbar-tools check real PDFs; cups + cups-pdf give a real print path;
    # postgresql is the registry's city-scale database, started by the tests themselves.
    debs+=(sqlite3 poppler-utils zbar-tools cups cups-client printer-driver-cups-pdf postgresql)
fi

missing=()
for pkg in "${debs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    echo "bootstrap: installing Debian packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "bootstrap: Python 3.11 or newer is required" >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi

extras=""
if [ "$mode" = test ]; then extras="[test]"; fi
stamp=".venv/.installed-$mode"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "bootstrap: installing Python packages ($mode)" >&2
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".$extras"
    echo "$want" >"$stamp"
fi
