"""Plain polygon geometry shared by the atlas and by pain-extent code.

A polygon is a sequence of (x, y) points in SVG user units (y grows downwards); the closing
edge from the last point back to the first is implied. Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]
Polygon = Sequence[Point]
BBox = tuple[float, float, float, float]  # min_x, min_y, max_x, max_y


def signed_area(points: Polygon) -> float:
    """Shoelace area: positive when the points run clockwise on screen (y down)."""
    n = len(points)
    if n < 3:
        return 0.0
    total = 0.0
    px, py = points[-1]
    for x, y in points:
        total += px * y - x * py
        px, py = x, y
    return total / 2.0


def polygon_area(points: Polygon) -> float:
    """Area enclosed by a simple polygon, in square user units (always >= 0)."""
    return abs(signed_area(points))


def polygon_centroid(points: Polygon) -> Point:
    """Area centroid of a simple polygon (falls back to the vertex mean if degenerate).

    For a concave polygon the centroid can lie outside it; use `interior_point` when a
    point that is certainly inside is needed.
    """
    a = signed_area(points)
    if abs(a) < 1e-12:
        n = max(len(points), 1)
        return (sum(p[0] for p in points) / n, sum(p[1] for p in points) / n)
    cx = cy = 0.0
    px, py = points[-1]
    for x, y in points:
        cross = px * y - x * py
        cx += (px + x) * cross
        cy += (py + y) * cross
        px, py = x, y
    return (cx / (6.0 * a), cy / (6.0 * a))


def polygon_bbox(points: Polygon) -> BBox:
    """Axis-aligned bounding box of the points."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def point_in_polygon(x: float, y: float, points: Polygon) -> bool:
    """Even-odd ray-casting test: is (x, y) inside the polygon?

    Points exactly on an edge may go either way; callers that need a stable answer on
    shared borders resolve it with a z-order instead.
    """
    inside = False
    n = len(points)
    if n < 3:
        return False
    px, py = points[-1]
    for qx, qy in points:
        if (qy > y) != (py > y):
            # x of the edge at height y
            if x < px + (y - py) * (qx - px) / (qy - py):
                inside = not inside
        px, py = qx, qy
    return inside


def segments_cross(ax: float, ay: float, bx: float, by: float,
                   cx: float, cy: float, dx: float, dy: float) -> bool:
    """Do segments AB and CD properly intersect (touching endpoints do not count)?"""
    d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    if (d1 > 0) == (d2 > 0) or d1 == 0 or d2 == 0:
        return False
    d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    return (d3 > 0) != (d4 > 0) and d3 != 0 and d4 != 0


def mirror_polygon(points: Polygon, axis_x: float) -> list[Point]:
    """Reflect the polygon about the vertical line x = axis_x (point order reversed, so
    the winding direction is preserved)."""
    return [(2.0 * axis_x - x, y) for x, y in reversed(points)]


def distance_to_boundary(x: float, y: float, points: Polygon) -> float:
    """Shortest distance from (x, y) to any edge of the polygon."""
    best = float("inf")
    px, py = points[-1]
    for qx, qy in points:
        ex, ey = qx - px, qy - py
        length2 = ex * ex + ey * ey
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - px) * ex + (y - py) * ey) / length2))
        sx, sy = px + t * ex - x, py + t * ey - y
        d2 = sx * sx + sy * sy
        if d2 < best:
            best = d2
        px, py = qx, qy
    return best ** 0.5


def interior_point(points: Polygon, samples: int = 24) -> Point:
    """A point well inside the polygon (the sampled point farthest from its boundary).

    Scans horizontal lines across the polygon and takes the midpoint of each inside span,
    keeping the one with the largest clearance; good enough for label placement.
    """
    x0, y0, x1, y1 = polygon_bbox(points)
    best: Point = polygon_centroid(points)
    best_d = distance_to_boundary(*best, points) if point_in_polygon(*best, points) else -1.0
    for i in range(1, samples):
        y = y0 + (y1 - y0) * i / samples
        for a, b in _spans_at(points, y):
            mx = (a + b) / 2.0
            d = distance_to_boundary(mx, y, points)
            if d > best_d:
                best, best_d = (mx, y), d
    return best


def _spans_at(points: Polygon, y: float) -> list[tuple[float, float]]:
    xs = crossings_at(points, y)
    return [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]


def crossings_at(points: Polygon, y: float) -> list[float]:
    """Sorted x positions where the horizontal line at height y crosses the polygon's
    edges (same half-open rule as `point_in_polygon`)."""
    xs: list[float] = []
    px, py = points[-1]
    for qx, qy in points:
        if (qy > y) != (py > y):
            xs.append(px + (y - py) * (qx - px) / (qy - py))
        px, py = qx, qy
    xs.sort()
    return xs
