"""Benchmark: atlas hit-testing (`Atlas.region_at`) over random points in every view.

Run as a script to print the figure: `python bench/bench_atlas.py`.
"""

from __future__ import annotations

import json
import random
import statistics
import time

from bodymap.atlas import current_atlas_version, load_atlas
from bodymap.atlas.versions import read_atlas


def bench_hit_test_us(points: int = 120_000, rounds: int = 5, seed: int = 3) -> float:
    """Median microseconds per `region_at` query over `points` random points spread evenly
    across all views (uniform in each view's whole canvas), median of `rounds` passes."""
    atlas = load_atlas()
    rng = random.Random(seed)
    views = atlas.views
    queries = []
    for i in range(points):
        v = views[i % len(views)]
        queries.append((v.id, rng.uniform(0, v.width), rng.uniform(0, v.height)))
    region_at = atlas.region_at
    timings = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for vid, x, y in queries:
            region_at(vid, x, y)
        timings.append((time.perf_counter() - t0) / len(queries) * 1e6)
    return statistics.median(timings)


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
    print(json.dumps({"atlas_hit_test_us": round(bench_hit_test_us(), 3),
                      "atlas_load_ms": round(bench_load_ms(), 1),
                      "atlas_first_hit_all_views_ms": round(bench_first_hit_ms(), 1)}))
