#!/bin/sh
# Make sure the Debian packages the packaging targets need are installed:
#   desktop-file-validate (desktop-file-utils), appstreamcli (appstream),
#   objdump (binutils, PyInstaller's binary analysis).
# As root, installs what is missing with apt-get; otherwise prints the exact command and fails.
set -eu
pkgs="desktop-file-utils appstream binutils"

if ! command -v dpkg-query >/dev/null 2>&1; then
    for tool in desktop-file-validate appstreamcli objdump; do
        command -v "$tool" >/dev/null 2>&1 && continue
        echo "bodymap packaging: $tool is missing; install it with your system's package manager." >&2
        exit 1
    done
    exit 0
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
    echo "bodymap packaging: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "bodymap packaging: these system packages are missing:$missing" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
