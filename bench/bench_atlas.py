"""Benchmark: atlas hit-testing (`Atlas.region_at`) over random points in every view, in
each layer, and the smallest muscle click target at the default visit window.

Run as a script to print the figures: `python bench/bench_atlas.py`. With the environment
variable BENCH_ANATOMY_ROOT naming a folder of v<N> atlas folders (e.g. a generator's
output), the figures are those of that release instead of the package's own.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time

from bodymap.atlas import current_atlas_version, load_atlas
from bodymap.atlas.versions import read_atlas, use_anatomy_root

if os.environ.get("BENCH_ANATOMY_ROOT"):
    use_anatomy_root(os.environ["BENCH_ANATOMY_ROOT"])


def bench_hit_test_us(points: int = 120_000, rounds: int = 5, seed: int = 3,
                      layer: str = "superficial") -> float | None:
    """Median microseconds per `region_at` query over `points` random points spread evenly
    across the views that have `layer` (uniform in each view's whole canvas), median of
    `rounds` passes; None when no view has that layer."""
    atlas = load_atlas()
    rng = random.Random(seed)
    views = [v for v in atlas.views if layer in v.layers]
    if not views:
        return None
    queries = []
    for i in range(points):
        v = views[i % len(views)]
        queries.append((v.id, rng.uniform(0, v.width), rng.uniform(0, v.height)))
    for v in views:
        atlas.prepare_hit_testing(v.id, layer)
    region_at = atlas.region_at
    timings = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for vid, x, y in queries:
            region_at(vid, x, y, layer)
        timings.append((time.perf_counter() - t0) / len(queries) * 1e6)
    return statistics.median(timings)


def hit_test_layers() -> dict[str, object]:
    """`region_at` in the default picture over every view, and with the deep layer shown
    over the views that have one: the slower of the two is the figure."""
    atlas = load_atlas()
    superficial = bench_hit_test_us()
    deep = bench_hit_test_us(layer="deep")
    return {"value": round(max(superficial, deep or 0.0), 2),
            "superficial_us": round(superficial, 2),
            "deep_us": None if deep is None else round(deep, 2),
            "deep_views": [v.id for v in atlas.views if "deep" in v.layers],
            "atlas_version": atlas.version}


def bench_min_target_px() -> dict[str, object]:
    """The smallest, over muscles, of each muscle's best click target (pixels at the default
    visit window, in its view's default scale and its own layer), for the current atlas
    and for version 1, with the muscles under the 8 px goal."""
    from bodymap.atlas.targets import MIN_TARGET_PX, best_targets, small_targets

    out: dict[str, object] = {}
    t0 = time.perf_counter()
    for key, version in (("current", None), ("v1", 1)):
        atlas = load_atlas(version)
        best = best_targets(atlas)
        muscle = min(best, key=lambda m: best[m])
        px, region = best[muscle]
        small = small_targets(atlas, MIN_TARGET_PX)
        out[key] = {"atlas_version": atlas.version, "min_target_px": round(px, 2),
                    "muscle": muscle, "region": region, "muscles_under_goal": len(small),
                    "under_goal": {m: round(p, 1) for m, (p, _) in small.items()}}
    current = out["current"]
    assert isinstance(current, dict)
    return {"value": current["min_target_px"], "muscle": current["muscle"],
            "region": current["region"], **out,
            "compute_s": round(time.perf_counter() - t0, 1)}


def bench_load_ms() -> float:
    """Milliseconds to load the atlas from its assets (cold, cache bypassed)."""
    t0 = time.perf_counter()
    read_atlas(current_atlas_version())
    return (time.perf_counter() - t0) * 1e3


def bench_first_hit_ms() -> float:
    """Milliseconds for the first `region_at` in every view of a freshly loaded atlas (the
    hit-test index of a view is built on first use)."""
    atlas = read_atlas(current_atlas_version())
    t0 = time.perf_counter()
    for v in atlas.views:
        atlas.region_at(v.id, v.width / 2, v.height / 2)
    return (time.perf_counter() - t0) * 1e3


if __name__ == "__main__":
    print(json.dumps({"atlas_hit_test": hit_test_layers(),
                      "min_target": bench_min_target_px(),
                      "atlas_load_ms": round(bench_load_ms(), 1),
                      "atlas_first_hit_all_views_ms": round(bench_first_hit_ms(), 1)}))
