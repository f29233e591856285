"""Click targets: how large a spot each region offers a click, and how large the chart shows
each view at first (no Qt).

A region's target diameter is the diameter of the largest disc inside the part of the region
a click reaches in its layer: inside its outline and outside everything drawn over it in its
layer's hit stack (`Atlas.hit_stack`), in diagram units. Times the view's default scale
(`default_px_per_unit`) it is the size, in screen pixels, of the spot a clinician must hit on
the chart as it opens in the visit window.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Sequence

from bodymap.atlas.atlas import Atlas, Region, View
from bodymap.atlas.geometry import Point, crossings_at

#: The screen the default visit window is sized for (a small laptop).
DEFAULT_SCREEN = (1280, 800)
#: The chart canvas's viewport, in pixels, in the visit window at its default size on
#: DEFAULT_SCREEN (1264 x 752: `fitted_size(window, 1600, 1000)`). The UI measures it, the core
#: cannot: tests/ui/visit/test_default_scale.py opens the real window and checks this value.
DEFAULT_CHART_VIEWPORT = (373, 594)
#: Diagram units of room the canvas leaves round a view when fitting it to the window
#: (ChartCanvas.fit_to_window fits the scene rect grown by this on every side).
FIT_MARGIN = 8.0
#: Pixels Qt's QGraphicsView.fitInView keeps clear inside the viewport on every side.
FIT_INSET_PX = 2
#: The smallest click target, in screen pixels at the default window, every muscle should
#: offer in at least one view.
MIN_TARGET_PX = 8.0


def fit_scale(width: float, height: float,
              viewport: tuple[float, float] = DEFAULT_CHART_VIEWPORT) -> float:
    """Pixels per diagram unit at which the chart shows a `width` x `height` view fitted
    into a viewport of `viewport` pixels (as ChartCanvas.fit_to_window does)."""
    room_w = viewport[0] - 2 * FIT_INSET_PX
    room_h = viewport[1] - 2 * FIT_INSET_PX
    return min(room_w / (width + 2 * FIT_MARGIN), room_h / (height + 2 * FIT_MARGIN))


def default_px_per_unit(view: View) -> float:
    """The scale of `view` in the chart as the visit window opens at its default size on a
    DEFAULT_SCREEN screen."""
    return fit_scale(view.width, view.height)


# -- the largest disc a click reaches ----------------------------------------------------------

SEEDS = 4  # samples refined per region

Edge = tuple[float, float, float, float]


class _EdgeGrid:
    """The edges near one region, bucketed on a grid over its bounding box, for the
    distance from a point inside it to the nearest edge."""

    def __init__(self, bbox: tuple[float, float, float, float], edges: list[Edge],
                 cell: float) -> None:
        x0, y0, x1, y1 = bbox
        self.x0, self.y0 = x0, y0
        size = max(x1 - x0, y1 - y0, 1e-6)
        self.cell = min(max(cell, size / 64.0), size / 4.0)
        self.cols = max(1, math.ceil((x1 - x0) / self.cell))
        self.rows = max(1, math.ceil((y1 - y0) / self.cell))
        cells: dict[tuple[int, int], list[Edge]] = {}
        for e in edges:
            ax, ay, bx, by = e
            c0, c1 = self._span(min(ax, bx) - x0, max(ax, bx) - x0, self.cols)
            r0, r1 = self._span(min(ay, by) - y0, max(ay, by) - y0, self.rows)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    cells.setdefault((c, r), []).append(e)
        self.cells = cells
        self.reach = max(self.cols, self.rows)

    def _span(self, lo: float, hi: float, n: int) -> tuple[int, int]:
        """The cells (first, last) from `lo` to `hi` along one axis, kept on the grid (an
        edge on the box's far side belongs to its last cell)."""
        inv = 1.0 / self.cell
        return (min(n - 1, max(0, int(lo * inv))), min(n - 1, max(0, int(hi * inv))))

    def distance(self, x: float, y: float, floor: float = 0.0) -> float:
        """Distance from (x, y) (inside the box) to the nearest edge; once it is known to
        be at most `floor`, some distance at most `floor` (the caller wants only more)."""
        floor2 = floor * floor
        inv = 1.0 / self.cell
        ci = min(self.cols - 1, max(0, int((x - self.x0) * inv)))
        ri = min(self.rows - 1, max(0, int((y - self.y0) * inv)))
        best = math.inf
        cells = self.cells
        for ring in range(self.reach + 1):
            for c in range(ci - ring, ci + ring + 1):
                for r in ((ri - ring, ri + ring) if ring and not abs(c - ci) == ring
                          else range(ri - ring, ri + ring + 1)):
                    for ax, ay, bx, by in cells.get((c, r), ()):
                        ex, ey = bx - ax, by - ay
                        length2 = ex * ex + ey * ey
                        px, py = x - ax, y - ay
                        t = 0.0 if length2 == 0.0 else (px * ex + py * ey) / length2
                        if t < 0.0:
                            t = 0.0
                        elif t > 1.0:
                            t = 1.0
                        dx, dy = px - t * ex, py - t * ey
                        d2 = dx * dx + dy * dy
                        if d2 < best:
                            best = d2
                    if best <= floor2:
                        return math.sqrt(best)
            # every cell of the next ring lies at least ring * cell away
            if best <= (ring * self.cell) ** 2:
                break
        return math.sqrt(best)


def _edges(poly: Sequence[Point], box: tuple[float, float, float, float]) -> Iterable[Edge]:
    x0, y0, x1, y1 = box
    px, py = poly[-1]
    for qx, qy in poly:
        if not (max(px, qx) < x0 or min(px, qx) > x1 or max(py, qy) < y0 or min(py, qy) > y1):
            yield (px, py, qx, qy)
        px, py = qx, qy


def _transpose(poly: Sequence[Point]) -> list[Point]:
    return [(y, x) for x, y in poly]


def region_target(atlas: Atlas, region: Region, lines: int = 24) -> tuple[float, Point]:
    """(radius, centre) of the largest disc inside the part of `region` a click reaches in
    its own layer, in diagram units; (0, anchor) if no click reaches it.

    Candidate centres are the midpoints and quarter points of the region's spans along
    `lines` rows and `lines` columns (so a thin strap at any angle is met), kept where a
    click there reaches the region; the best few are then refined by a pattern search to
    a hundredth of a unit."""
    view, depth = region.view, region.depth
    stack = atlas.hit_stack(view, depth)
    k = next(i for i, (r, _) in enumerate(stack) if r is region)
    box = region.bbox
    edges = list(_edges(region.outline, box))
    for _, poly in stack[k + 1:]:
        edges.extend(_edges(poly, box))
    # cells about as large as the widest disc can be (2 area / perimeter is its diameter
    # for a strap, its radius for a round shape): a query then looks at a few cells only
    perimeter = sum(math.dist(p, q) for p, q in zip(region.outline, region.outline[1:]))
    grid = _EdgeGrid(box, edges, 2.0 * region.area / max(perimeter, 1e-6))

    def clearance(x: float, y: float, floor: float = 0.0) -> float:
        if atlas.region_at(view, x, y, depth) is not region:
            return -1.0
        return grid.distance(x, y, floor)

    x0, y0, x1, y1 = box
    outline_t = _transpose(region.outline)
    candidates: list[tuple[float, Point]] = []
    for i in range(lines):
        f = (i + 0.5) / lines
        for along, poly, flip in ((y0 + (y1 - y0) * f, region.outline, False),
                                  (x0 + (x1 - x0) * f, outline_t, True)):
            xs = crossings_at(poly, along)
            for a in range(0, len(xs) - 1, 2):
                for t in (0.5, 0.25, 0.75):
                    u = xs[a] + (xs[a + 1] - xs[a]) * t
                    x, y = (along, u) if flip else (u, along)
                    d = clearance(x, y)
                    if d > 0.0:
                        candidates.append((d, (x, y)))
    if not candidates:
        # nothing sampled reached it: try the anchor (a point chosen visible)
        d = clearance(*region.anchor)
        if d <= 0.0:
            return 0.0, region.anchor
        candidates.append((d, region.anchor))
    candidates.sort(reverse=True)
    best_d, best_p = candidates[0]
    # refine the best few samples that lie apart (each its own hump of clearance)
    seeds: list[tuple[float, Point]] = []
    for d, p in candidates:
        if all(math.dist(p, q) > d for _, q in seeds):
            seeds.append((d, p))
            if len(seeds) == SEEDS:
                break
    first_step = max(x1 - x0, y1 - y0) / lines / 2.0
    steps = [(math.cos(a * math.pi / 4), math.sin(a * math.pi / 4)) for a in range(8)]
    for d, (x, y) in seeds:
        step = max(first_step, d / 2.0)
        while step > 0.01:
            if d + 2.0 * step < best_d:
                break  # a hump lower than the best found (clearance is 1-Lipschitz)
            moved = None
            for ux, uy in steps:
                dq = clearance(x + ux * step, y + uy * step, d)
                if dq > d:
                    d, moved = dq, (x + ux * step, y + uy * step)
            if moved is None:
                step /= 3.0
            else:
                x, y = moved
        if d > best_d:
            best_d, best_p = d, (x, y)
    return best_d, best_p


_DIAMETERS: weakref.WeakKeyDictionary[Atlas, dict[str, float]] = weakref.WeakKeyDictionary()


def target_diameters(atlas: Atlas) -> dict[str, float]:
    """Region id -> target diameter (diagram units) for every region of `atlas`, computed
    once per atlas (about a second for a whole atlas)."""
    found = _DIAMETERS.get(atlas)
    if found is None:
        found = {r.id: 2.0 * region_target(atlas, r)[0] for r in atlas.regions}
        _DIAMETERS[atlas] = found
    return found


def target_px(atlas: Atlas) -> dict[str, float]:
    """Region id -> target diameter in screen pixels at the view's default scale."""
    diameters = target_diameters(atlas)
    scale = {v.id: default_px_per_unit(v) for v in atlas.views}
    return {r.id: diameters[r.id] * scale[r.view] for r in atlas.regions}


def best_targets(atlas: Atlas) -> dict[str, tuple[float, str]]:
    """Muscle id -> (pixels, region id) of its largest click target in any view at the
    default window, in the region's layer."""
    px = target_px(atlas)
    best: dict[str, tuple[float, str]] = {}
    for r in atlas.regions:
        if r.muscle not in best or px[r.id] > best[r.muscle][0]:
            best[r.muscle] = (px[r.id], r.id)
    return best


def small_targets(atlas: Atlas, minimum: float = MIN_TARGET_PX) -> dict[str, tuple[float, str]]:
    """The muscles whose best click target is under `minimum` pixels at the default window
    (muscle id -> (pixels, region id)), smallest first."""
    small = {m: t for m, t in best_targets(atlas).items() if t[0] < minimum}
    return dict(sorted(small.items(), key=lambda item: item[1]))
