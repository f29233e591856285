#!/bin/sh
# Build the one-folder bundle (dist/bodymap/) and the Linux tarball a clinic downloads
# (dist/bodymap-VERSION-linux-ARCH.tar.gz). Called by `make package` with the packaging
# environment's Python, which has PyInstaller and bodymap's dependencies.
set -eu
python=${1:?usage: packaging/build.sh PYTHON}
cd "$(dirname "$0")/.."
APP_ID=app.bodymap.Bodymap

version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

# A regular (not editable) install of this tree, so PyInstaller collects the package data
# and dist-info exactly as the wheel has them.
"$python" -m pip install --quiet --no-deps --force-reinstall .

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/bodymap.spec

bundle=dist/bodymap
mkdir -p "$bundle/share/applications" "$bundle/share/metainfo" "$bundle/share/icons"
cp "packaging/linux/$APP_ID.desktop" "$bundle/share/applications/"
cp "packaging/linux/$APP_ID.metainfo.xml" "$bundle/share/metainfo/"
cp -R packaging/icons/hicolor "$bundle/share/icons/"
cp packaging/linux/install.sh "$bundle/"

tarball="dist/bodymap-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" bodymap
echo "bundle:  $bundle ($(du -sh "$bundle" | cut -f1))"
echo "tarball: $tarball ($(du -sh "$tarball" | cut -f1))"
