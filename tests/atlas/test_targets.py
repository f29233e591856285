"""Click targets (bodymap.atlas.targets): the largest disc a click reaches in each region, in
its layer, and the scale each view opens at in the visit window."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from bodymap.atlas import Atlas, atlas_versions, load_atlas
from bodymap.atlas.geometry import distance_to_boundary, polygon_bbox
from bodymap.atlas.targets import (
    DEFAULT_CHART_VIEWPORT,
    default_px_per_unit,
    fit_scale,
    region_target,
    target_diameters,
)
from bodymap.atlas.versions import _read

ROOT = Path(__file__).resolve().parents[2]


def _clearance(atlas: Atlas, region, x: float, y: float) -> float:
    """Brute force: how far (x, y) is from every edge that bounds what a click there
    reaches, or -1 where a click does not reach `region`."""
    if atlas.region_at(region.view, x, y, region.depth) is not region:
        return -1.0
    stack = atlas.hit_stack(region.view, region.depth)
    k = next(i for i, (r, _) in enumerate(stack) if r is region)
    d = distance_to_boundary(x, y, region.outline)
    for _, poly in stack[k + 1:]:
        x0, y0, x1, y1 = polygon_bbox(poly)
        if x0 - d < x < x1 + d and y0 - d < y < y1 + d:
            d = min(d, distance_to_boundary(x, y, poly))
    return d


def test_full_body_views_open_at_the_scale_measured_in_the_visit_window() -> None:
    # 373 x 594 px viewport, 600 x 1040 units grown by 8 on every side, Qt's 2 px inset
    assert DEFAULT_CHART_VIEWPORT == (373, 594)
    assert fit_scale(600, 1040) == pytest.approx((594 - 4) / 1056)
    assert round(fit_scale(600, 1040), 4) == 0.5587
    # a wide view is limited by the viewport's width instead
    assert fit_scale(2000, 100) == pytest.approx((373 - 4) / 2016)
    atlas = load_atlas(1)
    assert default_px_per_unit(atlas.view("anterior")) == fit_scale(600, 1040)


@pytest.mark.parametrize("rid", ["anterior.upper_trapezius.L", "posterior.splenius_cervicis.R",
                                 "posterior.multifidi.L", "anterior.pectoralis_major.R",
                                 "hand_palmar.adductor_pollicis.L",
                                 "left_lateral.gluteus_medius.L"])
def test_the_disc_is_reached_everywhere_and_none_larger_is_found(rid: str) -> None:
    atlas = load_atlas(1)
    region = atlas.region(rid)
    radius, (cx, cy) = region_target(atlas, region)
    assert radius > 0
    # every point of the disc is a click on the region
    for k in range(96):
        for f in (0.98, 0.6, 0.25):
            a = k * math.pi / 48
            assert atlas.region_at(region.view, cx + f * radius * math.cos(a),
                                   cy + f * radius * math.sin(a)) is region
    # and the disc touches what bounds it (it could grow otherwise)
    assert _clearance(atlas, region, cx, cy) == pytest.approx(radius, abs=1e-9)
    # a dense brute-force search finds no larger disc
    x0, y0, x1, y1 = region.bbox
    n = 48
    best = max(_clearance(atlas, region, x0 + (x1 - x0) * (i + 0.5) / n,
                          y0 + (y1 - y0) * (j + 0.5) / n)
               for i in range(n) for j in range(n))
    assert best <= radius + 0.02, (best, radius)


def test_a_deep_muscle_frees_the_superficial_one_over_it(atlas_v2: Atlas) -> None:
    """The synthetic version 2 moves gluteus minimus (drawn over half of medius in version 1)
    into the deep layer: medius's target grows, minimus's is counted in the deep layer."""
    v1, v2 = target_diameters(load_atlas(1)), target_diameters(atlas_v2)
    medius, minimus = "posterior.gluteus_medius.L", "posterior.gluteus_minimus.L"
    assert v2[medius] > 1.5 * v1[medius]
    assert v2[minimus] == pytest.approx(v1[minimus], abs=0.05)  # nothing above it either way
    radius, centre = region_target(atlas_v2, atlas_v2.region(minimus))
    assert atlas_v2.region_at("posterior", *centre, layer="deep").id == minimus
    assert atlas_v2.region_at("posterior", *centre).muscle == "gluteus_medius"


def test_computed_once_per_atlas() -> None:
    atlas = load_atlas(1)
    first = target_diameters(atlas)
    assert target_diameters(atlas) is first
    assert set(first) == {r.id for r in atlas.regions}
    assert all(d >= 0 for d in first.values())


def _stored_versions() -> list[int]:
    """Shipped atlas versions whose catalogue stores each region's target diameter."""
    return [v for v in atlas_versions()
            if all("target_diameter" in r
                   for r in json.loads(_read(v, "catalogue.json"))["regions"])]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Atlas, dict[str, float]]:
    """The atlas tools/anatomy/generate.py draws now, written to a scratch folder, and the
    target diameters its catalogue stores."""
    out = tmp_path_factory.mktemp("generated")
    script = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
              "import generate; generate.OUT = Path(sys.argv[2]) / "
              "f'v{generate.CATALOGUE_VERSION}'; "
              # a scratch folder: the released version may be drawn again there
              "generate.RELEASED = generate.CATALOGUE_VERSION - 1; sys.exit(generate.main())")
    subprocess.run([sys.executable, "-c", script, str(ROOT / "tools" / "anatomy"), str(out)],
                   check=True, capture_output=True, timeout=300)
    from bodymap.atlas.versions import read_atlas, use_anatomy_root

    (folder,) = out.iterdir()
    use_anatomy_root(out)
    try:
        atlas = read_atlas(int(folder.name[1:]))
    finally:
        use_anatomy_root(None)
    catalogue = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
    return atlas, {r["id"]: r["target_diameter"] for r in catalogue["regions"]}


def _agrees(atlas: Atlas, stored: dict[str, float]) -> None:
    computed = target_diameters(atlas)
    assert set(stored) == set(computed)
    # the stored disc is one a click reaches: never larger than the largest (0.05 rounding)
    over = {rid: (stored[rid], round(computed[rid], 2)) for rid in stored
            if stored[rid] > computed[rid] + 0.1}
    assert not over, over
    # the small targets (which decide the 8 px rule) agree within a unit
    small = [rid for rid in sorted(stored) if stored[rid] < 10.0]
    assert len(small) >= 10
    off = {rid: (stored[rid], round(computed[rid], 2)) for rid in small
           if abs(stored[rid] - computed[rid]) > 1.0}
    assert not off, off


@pytest.mark.parametrize("version", _stored_versions())
def test_agrees_with_the_diameters_a_shipped_catalogue_stores(version: int) -> None:
    catalogue = json.loads(_read(version, "catalogue.json"))
    _agrees(load_atlas(version), {r["id"]: r["target_diameter"] for r in catalogue["regions"]})


def test_agrees_with_the_diameters_the_generator_stores(generated) -> None:
    _agrees(*generated)
