"""A synthetic atlas release for tests: a folder of v<N> folders holding today's version 1
byte for byte and a version 2 that is version 1 with one region moved (outline and anchor)
and the posterior gluteus minimus moved into a deep layer (posterior.deep.svg), with a
female figure (female/) whose front and back views are version 2's narrowed about the
midline (x scaled by FEMALE_SCALE).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from bodymap.atlas import assets_dir
from bodymap.atlas.atlas import OUTLINES_FILE, outline_table

MOVED_REGION = "anterior.biceps_brachii.L"
SHIFT = (4.0, 9.0)  # diagram units the region moves by in version 2
DEEP_REGIONS = ("posterior.gluteus_minimus.L", "posterior.gluteus_minimus.R")
FEMALE_SCALE = 0.95
FEMALE_VIEWS = ("anterior", "posterior")


def _move_to_deep(svg: str, el_ids: tuple[str, ...]) -> tuple[str, str]:
    """(the SVG without the elements `el_ids`, a deep-layer SVG holding just them)."""
    head = svg[:svg.index("<title>")]
    moved = []
    for el_id in el_ids:
        match = re.search(r'<path id="' + re.escape(el_id) + r'"[^>]*/>\n', svg)
        assert match, el_id
        moved.append(match.group(0))
        svg = svg[:match.start()] + svg[match.end():]
    return svg, head + "<title>deep layer</title>\n" + "".join(moved) + "</svg>\n"


def _shift_path(svg: str, el_id: str, dx: float, dy: float) -> str:
    """The SVG with the `d` of element `el_id` (absolute M/C/L/Z only) moved by (dx, dy)."""
    pattern = re.compile(r'(<path id="' + re.escape(el_id) + r'"[^>]* d=")([^"]*)(")')
    match = pattern.search(svg)
    assert match, el_id
    assert set(re.findall(r"[A-Za-z]", match.group(2))) <= set("MCLZ"), el_id
    moved = re.sub(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)",
                   lambda m: f"{float(m.group(1)) + dx:.2f},{float(m.group(2)) + dy:.2f}",
                   match.group(2))
    return svg[:match.start(2)] + moved + svg[match.end(2):]


def make_release(root: Path) -> Path:
    """Write root/v1 (today's files) and root/v2 (MOVED_REGION shifted by SHIFT)."""
    v1 = Path(str(assets_dir(1)))
    shutil.copytree(v1, root / "v1")
    v2 = root / "v2"
    shutil.copytree(v1, v2)
    catalogue = json.loads((v2 / "catalogue.json").read_text(encoding="utf-8"))
    catalogue["version"] = 2
    view = MOVED_REGION.split(".")[0]
    for region in catalogue["regions"]:
        if region["id"] == MOVED_REGION:
            region["anchor"] = [region["anchor"][0] + SHIFT[0], region["anchor"][1] + SHIFT[1]]
    for region in catalogue["regions"]:
        if region["id"] in DEEP_REGIONS:
            region["depth"] = "deep"
    for v in catalogue["views"]:
        v["layers"] = ["superficial", "deep"] if v["id"] == "posterior" else ["superficial"]
    (v2 / "catalogue.json").write_text(json.dumps(catalogue, indent=1), encoding="utf-8")
    svg_file = v2 / f"{view}.svg"
    svg_file.write_text(_shift_path(svg_file.read_text(encoding="utf-8"), MOVED_REGION,
                                    *SHIFT), encoding="utf-8")
    back, deep = _move_to_deep((v2 / "posterior.svg").read_text(encoding="utf-8"),
                               DEEP_REGIONS)
    (v2 / "posterior.svg").write_text(back, encoding="utf-8")
    (v2 / "posterior.deep.svg").write_text(deep, encoding="utf-8")
    svgs = {v["id"]: (v2 / f"{v['id']}.svg").read_text(encoding="utf-8")
            for v in catalogue["views"]}
    svgs["posterior.deep"] = deep
    (v2 / OUTLINES_FILE).write_text(json.dumps(outline_table(svgs)), encoding="utf-8")
    _female(v2, catalogue, svgs)
    return root


def _female(v2: Path, catalogue: dict, svgs: dict[str, str]) -> None:
    """v2/female/: the front and back views narrowed about the midline."""
    folder = v2 / "female"
    folder.mkdir()
    mids = {v["id"]: v["midline_x"] for v in catalogue["views"]}

    def fx(vid: str, x: float) -> float:
        return mids[vid] + (x - mids[vid]) * FEMALE_SCALE

    names = {}
    for vid in FEMALE_VIEWS:
        for name in (vid, f"{vid}.deep"):
            if name in svgs:
                names[name] = re.sub(
                    r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)",
                    lambda m, v=vid: f"{fx(v, float(m.group(1))):.3f},{m.group(2)}",
                    svgs[name])
                (folder / f"{name}.svg").write_text(names[name], encoding="utf-8")
    regions = {r["id"]: {"anchor": [fx(r["view"], r["anchor"][0]), r["anchor"][1]]}
               for r in catalogue["regions"] if r["view"] in FEMALE_VIEWS}
    referrals: dict = {}
    for m in catalogue["muscles"]:
        for side, per_view in m.get("referral", {}).items():
            for vid, polys in per_view.items():
                if vid in FEMALE_VIEWS:
                    referrals.setdefault(m["id"], {}).setdefault(side, {})[vid] = [
                        [[fx(vid, x), y] for x, y in poly] for poly in polys]
    figure = {"figure": "female", "views": list(FEMALE_VIEWS),
              "landmarks": {vid: {} for vid in FEMALE_VIEWS}, "regions": regions,
              "referrals": referrals}
    (folder / "figure.json").write_text(json.dumps(figure), encoding="utf-8")
    (folder / OUTLINES_FILE).write_text(json.dumps(outline_table(names)), encoding="utf-8")
