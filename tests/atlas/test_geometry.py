"""Plain geometry helpers and the SVG path flattener."""

import math

import pytest

from bodymap.atlas.geometry import (
    interior_point,
    mirror_polygon,
    point_in_polygon,
    polygon_area,
    polygon_centroid,
)
from bodymap.atlas.index import GridIndex
from bodymap.atlas.svgpath import parse_path

SQUARE = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
L_SHAPE = [(0, 0), (10, 0), (10, 3), (3, 3), (3, 10), (0, 10)]


def test_area_centroid_and_containment() -> None:
    assert polygon_area(SQUARE) == 100
    assert polygon_centroid(SQUARE) == (5, 5)
    assert point_in_polygon(5, 5, SQUARE)
    assert not point_in_polygon(11, 5, SQUARE)
    assert polygon_area(L_SHAPE) == 51
    assert not point_in_polygon(6, 6, L_SHAPE)
    x, y = interior_point(L_SHAPE)
    assert point_in_polygon(x, y, L_SHAPE)


def test_mirror_keeps_area() -> None:
    m = mirror_polygon(L_SHAPE, 20)
    assert polygon_area(m) == pytest.approx(51)
    assert point_in_polygon(38.5, 1, m)


def test_parse_path_commands() -> None:
    abs_poly = parse_path("M0,0 L10,0 L10,10 L0,10 Z")[0]
    rel_poly = parse_path("m0 0 h10 v10 h-10 z")[0]
    assert polygon_area(abs_poly) == polygon_area(rel_poly) == 100
    # a circle from four cubic arcs: area close to pi r^2 once flattened finely
    k = 0.5522847498 * 10
    d = (f"M10,0 C10,{k} {k},10 0,10 S-10,{k} -10,0 C-10,{-k} {-k},-10 0,-10 "
         f"c{k},0 10,{10 - k} 10,10 Z")
    circle = parse_path(d, tolerance=0.005)[0]
    assert polygon_area(circle) == pytest.approx(math.pi * 100, rel=2e-3)
    q = parse_path("M0,0 Q5,10 10,0 T20,0 Z")[0]
    assert len(q) > 4
    assert len(parse_path("M0,0 L1,0 L1,1 Z M5,5 L6,5 L6,6 Z")) == 2
    with pytest.raises(ValueError):
        parse_path("M0,0 A5,5 0 0 1 10,0 Z")


def test_grid_index_matches_exact_test() -> None:
    shapes = [("big", [(1, 1), (40, 2), (45, 40), (3, 35)]), ("l", L_SHAPE)]
    index = GridIndex(50, 50, shapes, cell=4.0)
    for i in range(60):
        for j in range(60):
            x, y = i * 0.83 + 0.01, j * 0.83 + 0.02
            want = None
            for name, poly in shapes:
                if point_in_polygon(x, y, poly):
                    want = name
            assert index.query(x, y) == want, (x, y)
    assert index.query(-1, 5) is None and index.query(5, 99) is None
