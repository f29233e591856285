"""Pain extent: union of zones, clipped to the body outline, per view and in total."""

from __future__ import annotations

import pytest

from bodymap.services.pain_extent import covered_area, outline_area, pain_extent


def rect(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


BODY = rect(0, 0, 100, 200)  # 20,000 units


def test_a_zone_inside_the_body_counts_its_own_area():
    assert covered_area([rect(10, 10, 30, 60)], BODY) == pytest.approx(1000, rel=1e-6)


def test_overlapping_zones_count_once():
    assert covered_area([rect(10, 10, 30, 60), rect(20, 10, 40, 60)], BODY) == \
        pytest.approx(1500, rel=1e-6)


def test_paint_outside_the_body_does_not_count():
    # half of this zone lies right of the body outline
    assert covered_area([rect(90, 0, 110, 100)], BODY) == pytest.approx(1000, rel=1e-6)


def test_concave_outline_and_triangle_zone():
    body_u = [(0, 0), (30, 0), (30, 100), (70, 100), (70, 0), (100, 0), (100, 150), (0, 150)]
    # a band across the notch of the U: the notch (40 wide x 40 tall) is not body
    zone = rect(0, 60, 100, 100)
    assert covered_area([zone], body_u) == pytest.approx(4000 - 1600, rel=1e-3)
    tri = [(10, 110), (50, 110), (10, 150)]
    assert covered_area([tri], body_u) == pytest.approx(800, rel=1e-2)


def test_per_view_and_total_use_a_fixed_denominator():
    outlines = {"anterior": BODY, "posterior": BODY, "hand_left": rect(0, 0, 10, 10)}
    ext = pain_extent({"anterior": [rect(0, 0, 20, 100)]}, outlines)
    assert ext == {"anterior": 10.0, "total": 5.0}  # 2,000 of 20,000; of 40,000
    ext = pain_extent({"anterior": [rect(0, 0, 20, 100)], "posterior": [rect(0, 0, 10, 100)],
                       "hand_left": [rect(0, 0, 5, 10)]}, outlines)
    # a detail view reports its own figure but never counts in the total (same skin again)
    assert ext == {"anterior": 10.0, "posterior": 5.0, "hand_left": 50.0, "total": 7.5}


def test_empty_chart_and_unknown_views():
    assert pain_extent({}, {"anterior": BODY}) == {}
    assert pain_extent({"nowhere": [rect(0, 0, 1, 1)]}, {"anterior": BODY}) == {}
    assert outline_area(BODY) == 20_000


def test_real_atlas_silhouette_is_measured_exactly_enough():
    from bodymap.atlas import load_atlas, polygon_area

    atlas = load_atlas()
    sil = atlas.silhouette("anterior")
    # the outline covering itself is 100 % within the integration error
    assert covered_area([sil], sil) == pytest.approx(polygon_area(sil), rel=2e-3)


def test_a_tiny_drawn_zone_is_not_shown_as_zero():
    from bodymap.services.pain_extent import format_extent

    assert format_extent(0.03) == "<0.1 %"
    assert format_extent(0.0) == "0.0 %"
    assert format_extent(0.05) == "0.1 %"
    assert format_extent(12.345) == "12.3 %"
