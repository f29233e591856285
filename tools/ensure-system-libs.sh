#!/bin/sh
# Make sure the Debian packages Qt needs are installed.
#   base: what Qt needs even offscreen (tests);  gui: base + what a real X11 window needs.
# As root, installs what is missing with apt-get; otherwise prints the exact command and fails.
set -eu
mode=${1:-base}
pkgs="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0"
if [ "$mode" = gui ]; then
    pkgs="$pkgs libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "bodymap: not a Debian-like system; make sure Qt 6's runtime libraries are installed." >&2
    exit 0
fi

# python3 -m venv needs ensurepip, which Debian ships separately in python3-venv.
python=${PYTHON:-python3}
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    pkgs="$pkgs python3-venv"
fi

missing=""
for p in $pkgs; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "bodymap: installing system libraries Qt needs:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "bodymap: Qt needs these system packages, which are missing:$missing" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get install -y$missing" >&2
    exit 1
fi
