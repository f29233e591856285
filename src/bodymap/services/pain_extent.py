"""Pain extent: the drawn referred-pain area as a percentage of the body outline.

Pain-drawing research (shared DOMAIN.md, "Pain extent") measures extent as drawn pain area
over body-outline area, per view and in total. What this module reports, and why:

- **Per view**: the area covered by the union of the view's pain zones, clipped to the
  view's body outline, as % of that outline. Overlapping zones count once (a patient who
  draws two overlapping areas does not hurt twice as much there), and paint outside the body
  counts for nothing.
- **Total**: covered area summed over the standard pain-drawing views (anterior and
  posterior, :data:`TOTAL_VIEWS`) over the sum of *their* outline areas, whether or not
  they hold zones. A fixed denominator keeps the number comparable from visit to visit,
  which is what a progress plot needs; dividing by "views that have zones" would make the
  total jump when the patient's pain merely moves from front to back. Lateral and detail
  views show the same skin again at another angle or scale, so counting them in the total
  would double-count; they get their own per-view figure only.

The computation is exact in x and integrates in y with the midpoint rule on rows of
``row_step`` units (0.5 by default: well under 0.1 % of a body outline in error). No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

Point = tuple[float, float]
Polygon = Sequence[Point]

TOTAL_VIEWS = ("anterior", "posterior")
TOTAL_KEY = "total"


def _row_crossings(polygon: Polygon, y0: float, step: float,
                   rows: int) -> dict[int, list[float]]:
    """x positions where the polygon's edges cross each row centre y0 + (i + 0.5) * step.

    Each edge visits only the rows between its end points, so the cost is the number of
    crossings, not rows x edges.
    """
    out: dict[int, list[float]] = {}
    n = len(polygon)
    if n < 3:
        return out
    px, py = polygon[-1]
    for qx, qy in polygon:
        if py != qy:
            lo, hi = (py, qy) if py < qy else (qy, py)
            # rows whose centre c satisfies lo <= c < hi (half-open: a vertex counts once)
            first = max(0, math.ceil((lo - y0) / step - 0.5))
            last = min(rows, math.ceil((hi - y0) / step - 0.5))
            slope = (qx - px) / (qy - py)
            for i in range(first, last):
                yc = y0 + (i + 0.5) * step
                out.setdefault(i, []).append(px + (yc - py) * slope)
        px, py = qx, qy
    return out


def _spans(xs: list[float]) -> list[tuple[float, float]]:
    xs = sorted(xs)
    return [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]


def _union(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _intersection_length(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    """Total length of the overlap of two sorted, disjoint span lists."""
    total, i, j = 0.0, 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def covered_area(zones: Sequence[Polygon], outline: Polygon, *,
                 row_step: float = 0.5) -> float:
    """Area of the union of ``zones`` inside ``outline`` (square diagram units)."""
    zones = [z for z in zones if len(z) >= 3]
    if not zones or len(outline) < 3:
        return 0.0
    y_min = min(p[1] for z in zones for p in z)
    y_max = max(p[1] for z in zones for p in z)
    rows = max(1, math.ceil((y_max - y_min) / row_step))
    per_zone = [_row_crossings(z, y_min, row_step, rows) for z in zones]
    pain_rows: dict[int, list[tuple[float, float]]] = {}
    for crossings in per_zone:
        for i, xs in crossings.items():
            pain_rows.setdefault(i, []).extend(_spans(xs))
    body = _row_crossings(outline, y_min, row_step, rows)
    total = 0.0
    for i, spans in pain_rows.items():
        body_xs = body.get(i)
        if body_xs:
            total += _intersection_length(_union(spans), _spans(body_xs))
    return total * row_step


def outline_area(outline: Polygon) -> float:
    """Shoelace area of a simple polygon (always >= 0)."""
    total = 0.0
    if len(outline) < 3:
        return 0.0
    px, py = outline[-1]
    for x, y in outline:
        total += px * y - x * py
        px, py = x, y
    return abs(total) / 2.0


def pain_extent(zones_by_view: Mapping[str, Sequence[Polygon]],
                outlines: Mapping[str, Polygon], *, row_step: float = 0.5,
                total_views: Sequence[str] = TOTAL_VIEWS) -> dict[str, float]:
    """Percent of the body outline covered by pain, per view holding zones, plus
    ``"total"`` over ``total_views`` (see the module docstring for why). Values are
    rounded to 0.01 %; an empty chart gives ``{}``. Views missing from ``outlines`` are
    skipped (an atlas without that view cannot measure it)."""
    result: dict[str, float] = {}
    covered: dict[str, float] = {}
    for view, zones in zones_by_view.items():
        outline = outlines.get(view)
        if not zones or outline is None:
            continue
        area = covered_area(zones, outline, row_step=row_step)
        covered[view] = area
        body = outline_area(outline)
        result[view] = round(min(100.0, 100.0 * area / body), 2) if body > 0 else 0.0
    if not result:
        return {}
    denominators = [outline_area(outlines[v]) for v in total_views if v in outlines]
    body_total = sum(denominators)
    pain_total = sum(covered.get(v, 0.0) for v in total_views if v in outlines)
    result[TOTAL_KEY] = round(min(100.0, 100.0 * pain_total / body_total), 2) if body_total else 0.0
    return result


def format_extent(percent: float) -> str:
    """A pain extent as printed and shown: one decimal, but a drawn zone too small for
    that reads "<0.1 %" rather than a "0.0 %" that would deny it exists."""
    return "<0.1 %" if 0 < percent < 0.05 else f"{percent:.1f} %"

