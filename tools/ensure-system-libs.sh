#!/bin/sh
# Make sure the Debian packages a make target needs are installed.
#   base:      what Qt needs even offscreen (tests), tzdata (the tests run in two time zones),
#              plus poppler-utils (the PDF tests read
#              printed charts with pdfinfo/pdftotext; they skip without it)
#   gui:       base + what a real X11 window needs (make run)
#   packaging: the validators and binutils the packaging targets use
# As root, installs what is missing with apt-get; otherwise prints the exact command and fails.
set -eu
mode=${1:-base}
qt="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0"
case "$mode" in
    base) pkgs="$qt poppler-utils tzdata" ;;
    gui) pkgs="$qt libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0" ;;
    packaging) pkgs="desktop-file-utils appstream binutils" ;;
    *) echo "usage: $0 base|gui|packaging" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "bodymap: not a Debian-like system; install the equivalent of: $pkgs" >&2
    exit 0
fi

# python3 -m venv needs ensurepip, which Debian ships separately in python3-venv.
python=${PYTHON:-python3}
if [ "$mode" != packaging ] && ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
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
    echo "bodymap ($mode): installing missing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    # Wait for another apt (a fresh machine's unattended upgrades, say) instead of failing.
    wait_lock="-o DPkg::Lock::Timeout=600"
    # shellcheck disable=SC2086
    apt-get $wait_lock update -qq
    # shellcheck disable=SC2086
    apt-get $wait_lock install -y -qq --no-install-recommends $missing
else
    echo "bodymap ($mode): these system packages are missing:$missing" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
