#!/bin/sh
# Install (or remove) this bodymap bundle with its menu entry and icons.
#
#   ./install.sh                 as a normal user: for that user, under ~/.local
#   sudo ./install.sh            for every user of this computer, under /usr/local
#   ./install.sh --prefix DIR    under DIR instead
#   ./install.sh --uninstall     remove what an install under the same prefix put there
#
# Layout under the prefix: lib/bodymap/ (the bundle), bin/bodymap (a link to it),
# share/applications, share/metainfo and share/icons/hicolor (desktop integration).
set -eu
APP_ID=app.bodymap.Bodymap
here=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix="${HOME}/.local"; fi
action=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
appdir="$prefix/lib/bodymap"
share="$prefix/share"

refresh_caches() {
    # Menus and icon themes pick changes up sooner with fresh caches; neither is required.
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ] &&
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$appdir"
    rm -f "$prefix/bin/bodymap" "$share/applications/$APP_ID.desktop" \
        "$share/metainfo/$APP_ID.metainfo.xml"
    find "$share/icons/hicolor" -name "$APP_ID.*" -path '*/apps/*' -delete 2>/dev/null || true
    refresh_caches
    echo "bodymap removed from $prefix (charts and settings are kept)."
    exit 0
fi

[ -x "$here/bodymap" ] || { echo "install.sh: run it from the unpacked bodymap folder" >&2; exit 1; }

# Replace any earlier version as a whole, so no stale library survives an upgrade.
rm -rf "$appdir.new"
mkdir -p "$appdir.new"
cp -R "$here/bodymap" "$here/_internal" "$appdir.new/"
rm -rf "$appdir"
mv "$appdir.new" "$appdir"

mkdir -p "$prefix/bin" "$share/applications" "$share/metainfo"
ln -sf "$appdir/bodymap" "$prefix/bin/bodymap"
# Absolute paths, so the menu entry works even when $prefix/bin is not on the PATH.
sed -e "s|^Exec=bodymap|Exec=$appdir/bodymap|" -e "s|^TryExec=bodymap|TryExec=$appdir/bodymap|" \
    "$here/share/applications/$APP_ID.desktop" >"$share/applications/$APP_ID.desktop"
chmod 644 "$share/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
(cd "$here/share/icons" && find hicolor -name "$APP_ID.*" -type f) | while read -r icon; do
    mkdir -p "$share/icons/$(dirname "$icon")"
    cp "$here/share/icons/$icon" "$share/icons/$icon"
done
refresh_caches
echo "bodymap installed in $appdir; it is in the applications menu as \"bodymap\"."
