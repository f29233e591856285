"""A pain zone is named by the muscle it mostly lies on, not by its vertex mean."""

from __future__ import annotations

import pytest


def test_region_under_a_zone_is_what_it_mostly_covers():
    from bodymap.atlas import load_atlas

    atlas = load_atlas()
    for rid in ("anterior.biceps_brachii.R", "posterior.gluteus_maximus.L",
                "anterior.rectus_femoris.L", "posterior.latissimus_dorsi.R"):
        region = atlas.region(rid)
        assert atlas.region_under(region.view, region.outline).id == rid
    # a lasso round the whole right upper arm: its vertex mean may fall between muscles,
    # but it lies on the arm's muscles, on the patient's right
    x0, y0, x1, y1 = atlas.region("anterior.biceps_brachii.R").bbox
    ring = [(x0 - 6, y0), (x1 + 6, y0), (x1 + 6, y1), (x0 - 6, y1)]
    under = atlas.region_under("anterior", ring)
    assert under is not None and under.side == "R"
    assert atlas.region_under("anterior", [(1, 1), (20, 1), (20, 20)]) is None  # off the body
    assert atlas.region_under("anterior", [(1, 1), (2, 2)]) is None


@pytest.mark.parametrize("version", [1, 2])
def test_the_patients_sides_at_the_viewers_left_and_right(version: int):
    """The body from the front shows the patient's right at the viewer's left, from behind
    the other way round. The hands and feet are drawn fingers and toes up as each really
    looks from that surface. Version 1: palms and tops of the feet as the patient sees their
    own (L on the left); backs of the hands shown to the examiner and soles, R on the left.
    Version 2: the left hand and foot on the viewer's left in all four views (each labelled
    in words), so neither swaps sides between its two views."""
    from bodymap.atlas import load_atlas

    atlas = load_atlas(version)
    swap = ("R", "L") if version == 1 else ("L", "R")
    facing = {"anterior": ("R", "L"), "head_neck_anterior": ("R", "L"),
              "hand_dorsal": swap, "foot_plantar": swap,
              "posterior": ("L", "R"), "hand_palmar": ("L", "R"), "foot_dorsal": ("L", "R")}
    for view, corners in facing.items():
        assert atlas.side_corners(view) == corners, view
        assert atlas.one_side(view) is None
    for view in ("left_lateral", "head_neck_left_lateral"):
        assert atlas.side_corners(view) is None and atlas.one_side(view) == "L"
    for view in ("right_lateral", "head_neck_right_lateral"):
        assert atlas.one_side(view) == "R"
