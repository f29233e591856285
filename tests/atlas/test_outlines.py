"""The precomputed outlines (outlines.json) match the SVG artwork, and loading falls back
to parsing the SVGs when they are missing or stale."""

import json

from bodymap.atlas import Atlas, assets_dir
from bodymap.atlas.atlas import OUTLINES_FILE, _svg_shapes, outline_table


def _assets() -> tuple[dict, dict, dict]:
    base = assets_dir()
    catalogue = json.loads((base / "catalogue.json").read_text(encoding="utf-8"))
    svgs = {v["id"]: (base / f"{v['id']}.svg").read_text(encoding="utf-8")
            for v in catalogue["views"]}
    for v in catalogue["views"]:  # the deep layers' overlays too
        if "deep" in v.get("layers", ()):
            svgs[f"{v['id']}.deep"] = (base / f"{v['id']}.deep.svg").read_text(encoding="utf-8")
    table = json.loads((base / OUTLINES_FILE).read_text(encoding="utf-8"))
    return catalogue, svgs, table


def test_outlines_match_the_svgs() -> None:
    _, svgs, table = _assets()
    # regenerated from the committed SVGs: identical (rerun tools/anatomy/generate.py)
    assert table == json.loads(json.dumps(outline_table(svgs)))
    for vid, svg in svgs.items():
        shapes = _svg_shapes(svg)
        stored = table["views"][vid]["shapes"]
        assert list(stored) == list(shapes), f"{vid}: same elements, same order"
        for el_id, (cls, poly) in shapes.items():
            flat = stored[el_id][1]
            assert stored[el_id][0] == cls and len(flat) == 2 * len(poly), el_id
            for (x, y), sx, sy in zip(poly, flat[0::2], flat[1::2]):
                assert abs(x - sx / table["scale"]) <= 0.006 and \
                    abs(y - sy / table["scale"]) <= 0.006, el_id


def test_loading_with_and_without_outlines_agrees(atlas: Atlas) -> None:
    catalogue, svgs, table = _assets()
    parsed = Atlas(catalogue, svgs)  # no table: every view parsed from its SVG
    stale = json.loads(json.dumps(table["views"]))
    stale["posterior"]["svg"] = "0-0"  # as if the SVG had been edited by hand
    stale["posterior"]["shapes"] = {}
    mixed = Atlas(catalogue, svgs, stale)
    for other in (parsed, mixed):
        assert [r.id for r in other.regions] == [r.id for r in atlas.regions]
        for r in atlas.regions:
            o = other.region(r.id)
            assert o.z == r.z and abs(o.area - r.area) < 0.05 * max(1.0, r.area / 100)
            assert all(abs(a - b) < 0.01 for a, b in zip(o.bbox, r.bbox))
            assert other.region_at(r.view, *r.anchor, layer=r.depth) is o
        assert abs(other.silhouette_area("posterior") - atlas.silhouette_area("posterior")) < 1
