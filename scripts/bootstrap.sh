#!/usr/bin/env bash
# Make a local virtual environment (.venv) with everything the app and its tests need.
# As root on Debian/Ubuntu it also installs the system libraries Qt needs; otherwise it prints
# the exact apt-get line. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRAS="${1:-test}"
VENV=.venv
PY="${PYTHON:-python3}"

# System libraries for Qt's xcb and offscreen platforms, Xvfb for the tests, a CJK font.
APT_PACKAGES="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 \
xvfb xauth fonts-noto-cjk"
# Debian's own python3 has no venv module unless python3-venv is installed.
"$PY" -c "import ensurepip" 2>/dev/null || APT_PACKAGES="$APT_PACKAGES python3-venv"

missing_system_packages() {
    command -v dpkg-query >/dev/null || return 0
    local pkg missing=""
    for pkg in $APT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    echo "$missing"
}

missing="$(missing_system_packages)"
if [ -n "${missing// /}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "bootstrap: installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "bootstrap: Qt needs system libraries that are missing. Install them with:" >&2
        echo "  sudo apt-get install -y$missing" >&2
    fi
fi

stamp="$VENV/.bootstrap-$EXTRAS"
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[$EXTRAS]"
    touch "$stamp"
fi
