"""Atlas versions: where each released anatomy lives, which one is current, loading them.

Every released atlas is a folder ``assets/anatomy/v<N>/`` holding one SVG per view,
catalogue.json and outlines.json. A released folder is frozen: a visit charted on version N
is drawn on version N's files for ever, so a signed chart never moves. A new release is a
new folder; the versions are discovered from the folders present and the current one (what
new visits are charted on) is the newest. No Qt here.
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

from bodymap.atlas.atlas import OUTLINES_FILE, OUTLINES_SCALE, Atlas
from bodymap.model.visit import FIGURES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from bodymap.model import Visit

#: Corrections to a frozen version's catalogue, applied when it is loaded (the files stay
#: byte for byte as released). Version 1's hand and foot views were catalogued with the
#: upright body's `facing`, but the hands and feet are drawn as seen from that surface,
#: fingers and toes up: on the palmar hands and the dorsal feet the patient's left is on
#: the viewer's left ("posterior" in `View.facing`'s terms), on the dorsal hands and the
#: plantar feet on the viewer's right ("anterior"). The regions' sides were right.
FACING_CORRECTIONS: dict[int, dict[str, str]] = {
    1: {
        "hand_palmar": "posterior",
        "hand_dorsal": "anterior",
        "foot_plantar": "anterior",
        "foot_dorsal": "posterior",
    },
}

_VERSION_DIR = re.compile(r"v([1-9][0-9]*)")
_SOURCE_ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "assets", "anatomy")
_root: str | None = None  # another anatomy root (tests); None = the package's own
_versions: tuple[int, ...] | None = None
# per root: version (standard figure) or (version, figure) -> atlas
_caches: dict[str | None, dict[object, Atlas]] = {None: {}}
_loaded = _caches[None]
# (root, version) -> the figures it draws (atlas_figures)
_figures: dict[tuple[str | None, int], tuple[str, ...]] = {}


class UnknownAtlasVersion(LookupError):
    """A chart names an atlas version that this bodymap does not ship."""

    def __init__(self, version: object, known: tuple[int, ...]) -> None:
        self.version = version
        self.shipped = ", ".join(str(v) for v in known) or "none"
        super().__init__(f"anatomy atlas version {version!r} is not part of this bodymap "
                         f"(it ships version {self.shipped}); a newer bodymap is needed")

    def charted(self, what: str) -> str:
        """The message for a record charted on this version: `what` names it ("This
        visit", "Visit 2 of the file")."""
        return (f"{what} was charted on anatomy atlas version {self.version}, which this "
                f"bodymap does not have (it has version {self.shipped}). Open it with a "
                "newer bodymap.")


def _base() -> Traversable | str:
    """The folder holding the v<N> folders: a plain directory when there is one (fast: no
    importlib.resources), else the package's resources (e.g. a zipped install)."""
    if _root is not None:
        return _root
    if os.path.isdir(_SOURCE_ROOT):
        return _SOURCE_ROOT
    from importlib.resources import files

    return files("bodymap") / "assets" / "anatomy"


def atlas_versions() -> tuple[int, ...]:
    """Every atlas version shipped, oldest first (folders v<N> holding a catalogue)."""
    global _versions
    if _versions is None:
        base = _base()
        found = []
        if isinstance(base, str):
            names = [n for n in os.listdir(base)
                     if os.path.isfile(os.path.join(base, n, "catalogue.json"))]
        else:
            names = [p.name for p in base.iterdir() if (p / "catalogue.json").is_file()]
        for name in names:
            match = _VERSION_DIR.fullmatch(name)
            if match:
                found.append(int(match.group(1)))
        _versions = tuple(sorted(found))
    return _versions


def current_atlas_version() -> int:
    """The newest atlas version shipped: the one new visits are charted on."""
    versions = atlas_versions()
    if not versions:
        raise UnknownAtlasVersion(None, versions)
    return versions[-1]


#: The newest atlas version this bodymap ships (derived from the folders present).
CURRENT_ATLAS_VERSION: int = current_atlas_version()


def check_atlas_version(version: object) -> int:
    """`version` as a shipped atlas version (UnknownAtlasVersion if it is not one)."""
    if isinstance(version, bool) or not isinstance(version, int) \
            or version not in atlas_versions():
        raise UnknownAtlasVersion(version, atlas_versions())
    return version


def assets_dir(version: int | None = None) -> Traversable:
    """The folder of one atlas version's files (the current one by default)."""
    name = f"v{check_atlas_version(current_atlas_version() if version is None else version)}"
    if _root is not None:
        from pathlib import Path

        return Path(_root) / name
    from importlib.resources import files

    return files("bodymap") / "assets" / "anatomy" / name


def _read(version: int, name: str) -> str:
    base = _base()
    if isinstance(base, str):
        with open(os.path.join(base, f"v{version}", name), encoding="utf-8") as fh:
            return fh.read()
    return (base / f"v{version}" / name).read_text(encoding="utf-8")


# FIGURES (bodymap.model): the figures a version may draw its full-body views in: the
# standard one and, where the version has a female/ folder, the female one (same regions,
# a woman's proportions)


def atlas_figures(version: int) -> tuple[str, ...]:
    """The figures atlas `version` draws: ("standard",) or ("standard", "female"). Looked
    up once per version (each new visit and each visit window asks)."""
    check_atlas_version(version)
    key = (_root, version)
    figures = _figures.get(key)
    if figures is None:
        try:
            _read(version, "female/figure.json")
        except OSError:
            figures = FIGURES[:1]
        else:
            figures = FIGURES
        _figures[key] = figures
    return figures


def read_atlas(version: int, figure: str = "standard") -> Atlas:
    """Load one atlas version from its files, uncached: catalogue.json (with the version's
    FACING_CORRECTIONS), one SVG per view (and one per deep layer) and the precomputed outlines
    (the SVGs are parsed instead where those are missing or stale)."""
    check_atlas_version(version)
    catalogue = json.loads(_read(version, "catalogue.json"))
    fixes = FACING_CORRECTIONS.get(version, {})
    for view in catalogue["views"]:
        view["facing"] = fixes.get(view["id"], view["facing"])
    svgs = {v["id"]: _read(version, f"{v['id']}.svg") for v in catalogue["views"]}
    for v in catalogue["views"]:
        if "deep" in v.get("layers", ()):
            svgs[f"{v['id']}.deep"] = _read(version, f"{v['id']}.deep.svg")
    outlines = None
    try:
        table = json.loads(_read(version, OUTLINES_FILE))
    except (OSError, ValueError):
        table = {}
    if table.get("scale") == OUTLINES_SCALE:
        outlines = table["views"]
    if figure != "standard":
        if figure not in atlas_figures(version):
            raise UnknownAtlasVersion(f"{version} ({figure} figure)", atlas_versions())
        outlines = _with_figure(version, figure, catalogue, svgs, outlines)
    return Atlas(catalogue, svgs, outlines, version=version, figure=figure)


def _with_figure(version: int, figure: str, catalogue: dict, svgs: dict[str, str],
                 outlines: dict | None) -> dict | None:
    """Put the `figure` drawing of its views into the standard catalogue and SVGs (in
    place): their SVGs, region anchors and click targets, landmarks and referral areas.
    Returns the outline table with the figure's entries."""
    data = json.loads(_read(version, f"{figure}/figure.json"))
    by_id = {v["id"]: v for v in catalogue["views"]}
    for vid in data["views"]:
        svgs[vid] = _read(version, f"{figure}/{vid}.svg")
        if "deep" in by_id[vid].get("layers", ()):
            svgs[f"{vid}.deep"] = _read(version, f"{figure}/{vid}.deep.svg")
        catalogue.setdefault("landmarks", {})[vid] = data["landmarks"].get(vid, {})
    for region in catalogue["regions"]:
        if region["id"] in data["regions"]:
            region.update(data["regions"][region["id"]])
    for muscle in catalogue["muscles"]:
        drawn = data["referrals"].get(muscle["id"], {})
        referral = muscle.setdefault("referral", {})
        for side in set(referral) | set(drawn):
            per_view = referral.setdefault(side, {})
            for vid in data["views"]:  # the figure's own areas, none carried over
                if vid in drawn.get(side, {}):
                    per_view[vid] = drawn[side][vid]
                else:
                    per_view.pop(vid, None)
    try:
        table = json.loads(_read(version, f"{figure}/{OUTLINES_FILE}"))
    except (OSError, ValueError):
        return None  # parsed from the SVGs instead
    if table.get("scale") != OUTLINES_SCALE or outlines is None:
        return None
    return {**outlines, **table["views"]}


def load_atlas(version: int | None = None, figure: str = "standard") -> Atlas:
    """The atlas of `version` (default: the current one) drawn in `figure`, loaded once
    each."""
    version = current_atlas_version() if version is None else check_atlas_version(version)
    key = version if figure == "standard" else (version, figure)
    atlas = _loaded.get(key)
    if atlas is None:
        atlas = _loaded[key] = read_atlas(version, figure)
    return atlas


def visit_atlas(visit: Visit) -> Atlas:
    """The atlas a visit was charted on: its version, in its figure."""
    return load_atlas(visit.atlas_version, visit.figure)


def loaded_atlas_versions() -> tuple[int, ...]:
    """The versions loaded so far in this process (each is loaded once)."""
    return tuple(sorted({k if isinstance(k, int) else k[0] for k in _loaded}))


def use_anatomy_root(path: str | os.PathLike | None) -> None:
    """Read the atlas versions from another folder of v<N> folders (None: the package's
    own again, with the atlases it had loaded). For tests that ship a synthetic version."""
    global _root, _versions, _loaded
    _root = None if path is None else os.fspath(path)
    _versions = None
    for key in [k for k in _figures if k[0] == _root]:  # the folder is read afresh
        del _figures[key]
    _loaded = _caches.setdefault(_root, {})
