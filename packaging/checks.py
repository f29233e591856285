"""Checks for what a clinic installs: the desktop metadata, the PyInstaller bundle, the wheel.

    python packaging/checks.py desktop        validators + version agreement   (make package-test)
    python packaging/checks.py bundle [DIR]   the built bundle, installed and started offscreen
    python packaging/checks.py wheel          python -m build, install in a fresh venv, start it
                                              (make wheel-check; needs the `build` package)

Each start runs with a temporary data dir and a temporary HOME, so no check touches real
charts or settings. Standard library only: runs under any Python 3.11+.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "app.bodymap.Bodymap"
LINUX = ROOT / "packaging" / "linux"
ASSETS = ROOT / "src" / "bodymap" / "assets" / "anatomy"
ASSETS_IN_PACKAGE = "bodymap/assets/anatomy/"
SMOKE_OK = "bodymap smoke-test ok"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# Qt plugins the bundle cannot work without (platforms: X11, Wayland, the offscreen one the
# smoke test uses; SVG for the anatomy diagrams; print support for printing charts).
QT_PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqwayland.so",
    "platforms/libqoffscreen.so",
    "imageformats/libqsvg.so",
    "iconengines/libqsvgicon.so",
    "printsupport/libcupsprintersupport.so",
)
START_TIMEOUT_S = 120


class CheckFailed(Exception):
    pass


def step(message: str) -> None:
    print(f"-- {message}", flush=True)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def pyproject_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def source_assets() -> set[str]:
    """The anatomy files the source tree has, as paths relative to assets/anatomy."""
    if not ASSETS.is_dir():
        return set()
    return {
        p.relative_to(ASSETS).as_posix()
        for p in ASSETS.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def same_assets(found: set[str], where: str) -> None:
    expected = source_assets()
    if not expected:
        print(f"   note: {ASSETS.relative_to(ROOT)} has no files yet; nothing to compare")
    expect(
        found == expected,
        f"anatomy assets in {where} differ from the source tree: "
        f"missing {sorted(expected - found)}, unexpected {sorted(found - expected)}",
    )
    print(f"   {len(found)} anatomy asset(s) present in {where}")


def run(cmd: list[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("timeout", START_TIMEOUT_S)
    result = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode != 0:
        raise CheckFailed(
            f"{' '.join(map(str, cmd))} exited {result.returncode}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
    return result


def isolated_env(tmp: Path) -> dict[str, str]:
    """An environment whose home, config and data dirs are all under tmp, shown offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "PYTHON"))}
    home = tmp / "home"
    for sub in ("config", "data", "cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def start_app(command: list[str | Path], tmp: Path, cwd: Path) -> None:
    """`--version` names pyproject's version; `--smoke-test` opens the main window, exits 0."""
    env = isolated_env(tmp)
    version = run([*command, "--version"], env=env, cwd=cwd).stdout.strip()
    expect(
        version == f"bodymap {pyproject_version()}",
        f"--version printed {version!r}, expected 'bodymap {pyproject_version()}'",
    )
    print(f"   --version: {version}")
    data_dir = tmp / "data-dir"
    data_dir.mkdir(exist_ok=True)
    started = time.monotonic()
    result = run([*command, "--smoke-test", "--data-dir", data_dir], env=env, cwd=cwd)
    expect(
        SMOKE_OK in result.stdout,
        f"--smoke-test exited 0 but did not print {SMOKE_OK!r}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}",
    )
    # The records were opened where --data-dir said, not in the user's data dir.
    created = sorted(p.name for p in data_dir.iterdir())
    expect(bool(created), f"--smoke-test left {data_dir} empty: was --data-dir ignored?")
    print(f"   --smoke-test: ok in {time.monotonic() - started:.1f} s; data dir has {created}")


# -- desktop metadata ---------------------------------------------------------------------


def newest_release(metainfo: Path) -> str:
    releases = ET.parse(metainfo).getroot().findall("./releases/release")
    expect(bool(releases), f"{metainfo.name} has no <release>")
    return releases[0].get("version", "")


def check_desktop() -> None:
    desktop = LINUX / f"{APP_ID}.desktop"
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    for tool in ("desktop-file-validate", "appstreamcli"):
        expect(shutil.which(tool) is not None, f"{tool} is missing: run tools/ensure-system-libs.sh packaging")

    step(f"desktop-file-validate {desktop.relative_to(ROOT)}")
    out = run(["desktop-file-validate", desktop])
    # It exits 0 on hints and some warnings; treat any message as a failure.
    expect(not (out.stdout + out.stderr).strip(), out.stdout + out.stderr)
    print("   no errors, warnings or hints")

    step(f"appstreamcli validate --no-net {metainfo.relative_to(ROOT)}")
    # --no-net: the screenshot URL is the published one and is not fetched (see README).
    out = run(["appstreamcli", "validate", "--no-net", metainfo])
    print("   " + " ".join((out.stdout + out.stderr).split()))

    step("metainfo release notes cover pyproject's version")
    release = newest_release(metainfo)
    expect(
        release == pyproject_version(),
        f"newest <release> in {metainfo.name} is {release}, pyproject says "
        f"{pyproject_version()}: add release notes for it",
    )
    print(f"   newest release {release} == pyproject version")

    step("icons: scalable SVG and PNG sizes")
    hicolor = ROOT / "packaging" / "icons" / "hicolor"
    icons = [hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] + [
        hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES
    ]
    missing = [str(p.relative_to(ROOT)) for p in icons if not p.is_file()]
    expect(not missing, f"missing icons {missing}: run packaging/render_icons.py")
    print(f"   {len(icons)} icon files")


# -- the PyInstaller bundle ---------------------------------------------------------------


def check_bundle(bundle: Path) -> None:
    step(f"bundle layout: {bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle}")
    exe = bundle / "bodymap"
    internal = bundle / "_internal"
    expect(exe.is_file() and os.access(exe, os.X_OK), f"{exe} missing or not executable")
    plugins = internal / "PySide6" / "Qt" / "plugins"
    missing = [p for p in QT_PLUGINS if not (plugins / p).is_file()]
    expect(not missing, f"Qt plugins missing from the bundle: {missing}")
    print(f"   Qt plugins present: {', '.join(QT_PLUGINS)}")
    dist_info = internal / f"bodymap-{pyproject_version()}.dist-info"
    expect(dist_info.is_dir(), f"{dist_info.name} missing: --version would not find it")
    bundled = internal / ASSETS_IN_PACKAGE
    found = {p.relative_to(bundled).as_posix() for p in bundled.rglob("*") if p.is_file()}
    same_assets(found, "the bundle")
    size_mb = sum(
        p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
    ) / 2**20
    print(f"   bundle size {size_mb:.0f} MiB")

    with tempfile.TemporaryDirectory(prefix="bodymap-bundle-") as tmp_name:
        tmp = Path(tmp_name)
        step("install.sh --prefix TMP (what a clinic runs), then start the installed app")
        root = tmp / "root"
        prefix = root / "usr"
        run(["sh", bundle / "install.sh", "--prefix", prefix], env=isolated_env(tmp))
        # The installed metainfo, menu entry and icons, checked together as a software
        # centre would see them.
        out = run(["appstreamcli", "validate-tree", "--no-net", root])
        print("   appstreamcli validate-tree: " + " ".join((out.stdout + out.stderr).split()))
        installed = prefix / "share" / "applications" / f"{APP_ID}.desktop"
        out = run(["desktop-file-validate", installed])
        expect(not (out.stdout + out.stderr).strip(), out.stdout + out.stderr)
        exec_line = next(
            ln for ln in installed.read_text().splitlines() if ln.startswith("Exec=")
        )
        expect(
            exec_line == f"Exec={prefix}/lib/bodymap/bodymap",
            f"installed menu entry has {exec_line}",
        )
        hicolor = prefix / "share" / "icons" / "hicolor"
        icons = [hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] + [
            hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES
        ]
        for icon in icons:
            expect(icon.is_file(), f"{icon} not installed")
        print(f"   installed under {prefix}; menu entry valid, {exec_line}")
        # Through the bin/ link, from an unrelated directory, as a menu launch would.
        start_app([prefix / "bin" / "bodymap"], tmp, cwd=tmp)
        run(["sh", bundle / "install.sh", "--prefix", prefix, "--uninstall"],
            env=isolated_env(tmp))
        caches = {"mimeinfo.cache", "icon-theme.cache"}  # the desktop's, rebuilt by install.sh
        leftovers = [
            p for p in prefix.rglob("*") if (p.is_file() or p.is_symlink()) and p.name not in caches
        ]
        expect(not leftovers, f"--uninstall left {leftovers}")
        print("   --uninstall removed every installed file")


# -- the wheel ----------------------------------------------------------------------------


def check_wheel() -> None:
    with tempfile.TemporaryDirectory(prefix="bodymap-wheel-") as tmp_name:
        tmp = Path(tmp_name)
        step("python -m build (sdist, then a wheel built from the sdist)")
        started = time.monotonic()
        run([sys.executable, "-m", "build", "--outdir", tmp / "dist", ROOT], timeout=900)
        wheels = list((tmp / "dist").glob("bodymap-*.whl"))
        sdists = list((tmp / "dist").glob("bodymap-*.tar.gz"))
        expect(len(wheels) == 1 and len(sdists) == 1, f"build made {wheels + sdists}")
        print(f"   {wheels[0].name}, {sdists[0].name} in {time.monotonic() - started:.0f} s")

        with zipfile.ZipFile(wheels[0]) as whl:
            names = whl.namelist()
        same_assets(
            {n[len(ASSETS_IN_PACKAGE):] for n in names if n.startswith(ASSETS_IN_PACKAGE)},
            "the wheel",
        )
        with tarfile.open(sdists[0]) as sdist:
            marker = "/src/" + ASSETS_IN_PACKAGE
            in_sdist = {n.split(marker, 1)[1] for n in sdist.getnames() if marker in n}
        same_assets({n for n in in_sdist if n}, "the sdist")

        step("install the wheel into a fresh venv")
        started = time.monotonic()
        venv = tmp / "venv"
        run([sys.executable, "-m", "venv", venv])
        run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheels[0]], timeout=900)
        print(f"   installed in {time.monotonic() - started:.0f} s")

        step("the installed package reads its assets through importlib.resources")
        listing = run(
            [
                venv / "bin" / "python",
                "-c",
                "from importlib.resources import files\n"
                "root = files('bodymap') / 'assets' / 'anatomy'\n"
                "def walk(d, pre=''):\n"
                "    for e in (d.iterdir() if d.is_dir() else ()):\n"
                "        yield from walk(e, pre + e.name + '/') if e.is_dir() else [pre + e.name]\n"
                "print('\\n'.join(n for n in walk(root) if '__pycache__' not in n))",
            ],
            cwd=tmp,  # not the source tree, so only the installed copy can be found
            env=isolated_env(tmp),
        ).stdout.split()
        same_assets(set(listing), "the installed wheel")

        step("start the installed `bodymap` script offscreen")
        start_app([venv / "bin" / "bodymap"], tmp, cwd=tmp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("desktop", help="validate the .desktop file, metainfo and icons")
    bundle = sub.add_parser("bundle", help="check the built bundle and start it")
    bundle.add_argument("dir", nargs="?", type=Path, default=ROOT / "dist" / "bodymap")
    sub.add_parser("wheel", help="build the wheel, install it in a fresh venv, start it")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        if args.what == "desktop":
            check_desktop()
        elif args.what == "bundle":
            check_bundle(args.dir.resolve())
        else:
            check_wheel()
    except (CheckFailed, subprocess.TimeoutExpired) as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"{args.what} check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
