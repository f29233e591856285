"""The deep layer: deep muscles are hidden and unclickable in the default picture, shown and
clicked first when the clinician turns the layer on; a click beside them still reaches the
superficial muscle under the faded picture."""

from __future__ import annotations

import pytest
from synthetic_atlas import DEEP_REGIONS

from bodymap.atlas import Atlas, load_atlas


def test_version_1_has_one_layer_everywhere() -> None:
    atlas = load_atlas(1)
    for view in atlas.views:
        assert atlas.layers(view.id) == ("superficial",) and view.deep_svg is None
    assert {r.depth for r in atlas.regions} == {"superficial"}
    # asking for the deep layer of a one-layer view finds what the default picture does
    for r in atlas.regions[::7]:
        assert atlas.region_at(r.view, *r.anchor, layer="deep") is r


def test_deep_muscles_are_clicked_only_in_the_deep_layer(atlas_v2: Atlas) -> None:
    assert atlas_v2.layers("posterior") == ("superficial", "deep")
    assert atlas_v2.layers("anterior") == ("superficial",)
    for rid in DEEP_REGIONS:
        deep = atlas_v2.region(rid)
        assert deep.depth == "deep"
        x, y = deep.anchor
        under = atlas_v2.region_at("posterior", x, y)
        assert under is not None and under.depth == "superficial"
        assert under.muscle == "gluteus_medius", under.id  # what lies over minimus
        assert atlas_v2.region_at("posterior", x, y, layer="deep") is deep
        # beside the deep muscle the deep layer still reaches the superficial one
        x0, y0, x1, y1 = deep.bbox
        beside = atlas_v2.region_at("posterior", x0 + (x1 - x0) / 2, y1 + 12, layer="deep")
        assert beside is not None and beside.depth == "superficial"


def test_unknown_layer_is_refused(atlas_v2: Atlas) -> None:
    with pytest.raises(ValueError, match="layer"):
        atlas_v2.region_at("posterior", 300, 500, layer="middle")


def test_deep_layer_renders_over_the_faded_picture(atlas_v2: Atlas, qapp) -> None:
    from bodymap.atlas.qt import render_view_image

    plain = render_view_image("posterior", 800, atlas=atlas_v2)
    deep = render_view_image("posterior", 800, atlas=atlas_v2, layer="deep")
    region = atlas_v2.region(DEEP_REGIONS[0])
    view = atlas_v2.view("posterior")
    scale = 800 / view.height
    ox = (plain.width() - view.width * scale) / 2
    x, y = region.anchor
    px, py = round(ox + x * scale), round(y * scale)
    # the deep muscle's blue fill shows only with the deep layer on (the default picture
    # shows the warm superficial muscle there)
    def blueness(image) -> int:
        colour = image.pixelColor(px, py)
        return colour.blue() - colour.red()

    assert blueness(plain) < -20
    assert blueness(deep) > blueness(plain) + 30
