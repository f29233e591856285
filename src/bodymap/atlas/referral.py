"""Referral patterns: where a muscle's trigger points refer pain, and where those trigger
points typically lie; and the reverse question, which muscles refer to a spot.

The patterns are knowledge, not drawing: they are written once (referral_data.py) as areas
of the body named by the atlas's own parts (a muscle's outline, a disc round a bony landmark,
a band between two landmarks), and resolved on whichever atlas version and figure a visit is
drawn on, on every view where the part is drawn. So a released atlas version never changes,
and a pattern follows the anatomy it is drawn on.

Each pattern has an essential zone (where nearly every patient with an active trigger
point in the muscle feels the pain) and a spillover zone (where some do), and the muscle's
typical trigger-point locations. A trigger point refers to its own side. Qt-free.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field

from bodymap.atlas.atlas import Atlas, View
from bodymap.atlas.geometry import Point, point_in_polygon, polygon_area

ESSENTIAL, SPILLOVER = "essential", "spillover"


# -- the parts a pattern is made of ------------------------------------------------------------
@dataclass(frozen=True)
class M:
    """A muscle's outline in the view, on the trigger point's side (``other=True``: the
    other side). ``layer``: which layer's region (superficial first, else deep)."""

    muscle: str
    other: bool = False


@dataclass(frozen=True)
class D:
    """A disc of radius ``r`` (diagram units) round a bony landmark, shifted by (dx, dy)
    with dx pointing laterally (away from the midline) on front and back views and to the
    front of the body on lateral views (offset_sign)."""

    landmark: str
    r: float
    dx: float = 0.0
    dy: float = 0.0


@dataclass(frozen=True)
class B:
    """A band ``width`` wide from one landmark to another."""

    a: str
    b: str
    width: float


Part = M | D | B
#: view aliases: a lateral view is the one showing the trigger point's side
VIEWS = ("front", "back", "lateral", "hn_front", "hn_back", "hn_lateral", "forearm_front",
         "forearm_back", "leg_front", "leg_back", "hand_palm", "hand_back", "foot_sole",
         "foot_top")


@dataclass(frozen=True)
class Pattern:
    """One muscle's referral: per zone kind, (view alias, part) pairs; the typical
    trigger-point locations as (view alias, muscle, medial-to-lateral fraction, top-to-bottom
    fraction) within the muscle's outline; and the source."""

    muscle: str
    source: str
    essential: tuple[tuple[str, Part], ...]
    spillover: tuple[tuple[str, Part], ...] = ()
    trigger_points: tuple[tuple[str, str, float, float], ...] = ()
    note: str = ""


@dataclass
class Resolved:
    """A pattern drawn on one atlas, for one side: polygons per view and zone kind, and the
    typical trigger-point locations per view."""

    muscle: str
    side: str
    source: str
    zones: dict[str, dict[str, list[list[Point]]]] = field(default_factory=dict)
    trigger_points: dict[str, list[Point]] = field(default_factory=dict)

    def views(self) -> list[str]:
        return list(self.zones)

    def covers(self, view: str, x: float, y: float) -> str | None:
        """ESSENTIAL, SPILLOVER or None for the point (essential wins)."""
        per_kind = self.zones.get(view, {})
        for kind in (ESSENTIAL, SPILLOVER):
            if any(point_in_polygon(x, y, poly) for poly in per_kind.get(kind, ())):
                return kind
        return None


def view_id(alias: str, side: str) -> str:
    lateral = "left" if side == "L" else "right"
    return {"front": "anterior", "back": "posterior", "lateral": f"{lateral}_lateral",
            "hn_front": "head_neck_anterior", "hn_back": "head_neck_posterior",
            "hn_lateral": f"head_neck_{lateral}_lateral",
            "forearm_front": "forearms_anterior", "forearm_back": "forearms_posterior",
            "leg_front": "lower_limbs_anterior", "leg_back": "lower_limbs_posterior",
            "hand_palm": "hand_palmar", "hand_back": "hand_dorsal",
            "foot_sole": "foot_plantar", "foot_top": "foot_dorsal"}[alias]


def _landmark(atlas: Atlas, view: str, name: str, side: str) -> Point | None:
    named = atlas.landmarks.get(view, {})
    return named.get(f"{name}.{side}") or named.get(name)


def offset_sign(view: View, side: str) -> float:
    """The x direction of a part's dx: on a front or back view dx points laterally (+1 where
    that is towards larger x: the patient's left is on the page's right in a front view); on
    a lateral view it points to the front of the body (smaller x on the left side's view)."""
    if view.facing == "left":
        return -1.0
    if view.facing == "right":
        return 1.0
    return 1.0 if (side == "L") == (view.facing == "anterior") else -1.0


def _disc(c: Point, r: float, n: int = 20) -> list[Point]:
    return [(round(c[0] + r * math.cos(2 * math.pi * i / n), 2),
             round(c[1] + r * math.sin(2 * math.pi * i / n), 2)) for i in range(n)]


def part_polygon(atlas: Atlas, view: str, part: Part, side: str) -> list[Point] | None:
    if isinstance(part, M):
        s = ("R" if side == "L" else "L") if part.other else side
        rid = f"{view}.{part.muscle}.{s}"
        try:
            return list(atlas.region(rid).outline)
        except KeyError:
            return None
    if isinstance(part, D):
        c = _landmark(atlas, view, part.landmark, side)
        if c is None:
            return None
        sign = offset_sign(atlas.view(view), side)
        return _disc((c[0] + sign * part.dx, c[1] + part.dy), part.r)
    a = _landmark(atlas, view, part.a, side)
    b = _landmark(atlas, view, part.b, side)
    if a is None or b is None or a == b:
        return None
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    nx, ny = -dy / length * part.width / 2, dx / length * part.width / 2
    return [(a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny), (b[0] - nx, b[1] - ny),
            (a[0] - nx, a[1] - ny)]


def _trigger_point(atlas: Atlas, view: str, muscle: str, side: str, fm: float,
                   fy: float) -> Point | None:
    try:
        region = atlas.region(f"{view}.{muscle}.{side}")
    except KeyError:
        return None
    x0, y0, x1, y1 = region.bbox
    v = atlas.view(view)
    if v.facing in ("anterior", "posterior"):
        lateral_right = region.centroid[0] >= v.midline_x
        x = x0 + fm * (x1 - x0) if lateral_right else x1 - fm * (x1 - x0)
    else:
        x = x0 + fm * (x1 - x0)
    point = (round(x, 2), round(y0 + fy * (y1 - y0), 2))
    if not point_in_polygon(point[0], point[1], region.outline):
        return region.anchor
    return point


def resolve(pattern: Pattern, atlas: Atlas, side: str) -> Resolved:
    """The pattern drawn on ``atlas`` for a trigger point on ``side`` ("L"/"R")."""
    views = {v.id for v in atlas.views}
    out = Resolved(pattern.muscle, side, pattern.source)
    for kind, parts in ((ESSENTIAL, pattern.essential), (SPILLOVER, pattern.spillover)):
        for alias, part in parts:
            view = view_id(alias, side)
            if view not in views:
                continue
            poly = part_polygon(atlas, view, part, side)
            if poly and len(poly) >= 3 and polygon_area(poly) > 0:
                out.zones.setdefault(view, {}).setdefault(kind, []).append(poly)
    for alias, muscle, fm, fy in pattern.trigger_points:
        view = view_id(alias, side)
        if view in views and (p := _trigger_point(atlas, view, muscle, side, fm, fy)):
            out.trigger_points.setdefault(view, []).append(p)
    return out


def patterns() -> dict[str, Pattern]:
    """Every charted pattern, by muscle id."""
    from bodymap.atlas.referral_data import PATTERNS

    return PATTERNS


_resolved: weakref.WeakKeyDictionary[Atlas, dict[tuple[str, str], Resolved]] = \
    weakref.WeakKeyDictionary()


def pattern_for(atlas: Atlas, muscle: str, side: str) -> Resolved | None:
    """The muscle's pattern on ``atlas`` for ``side``, or None when none is charted (each
    resolved once per atlas: selecting a trigger point asks for it on every click)."""
    pattern = patterns().get(muscle)
    if pattern is None:
        return None
    per_atlas = _resolved.setdefault(atlas, {})
    key = (muscle, side)
    if key not in per_atlas:
        per_atlas[key] = resolve(pattern, atlas, side)
    return per_atlas[key]


@dataclass(frozen=True)
class Culprit:
    """A muscle whose pattern covers a spot: how (essential or spillover), how much of the
    asked area its zone covers, and its typical trigger points on that side."""

    muscle: str
    side: str
    kind: str
    overlap: float
    resolved: Resolved


def what_refers_here(atlas: Atlas, view: str, points: Sequence[Point]) -> list[Culprit]:
    """The muscles whose patterns cover the spot (one point) or the zone (its outline's
    points and a grid inside it), ranked: essential before spillover, then by the share of
    the spot covered, then those whose main area on this view (the first essential part the
    pattern lists for it) covers the spot, then by the zone's smaller extent (the more
    specific pattern)."""
    samples = _samples(points)
    drawn = {m.id for m in atlas.muscles}  # the muscles this version charts
    found: list[tuple[int, float, int, float, Culprit]] = []
    for side in ("L", "R"):
        for pattern in patterns().values():
            if pattern.muscle not in drawn:
                continue
            resolved = pattern_for(atlas, pattern.muscle, side)
            if resolved is None or view not in resolved.zones:
                continue
            best: tuple[int, float] | None = None
            for rank, kind in enumerate((ESSENTIAL, SPILLOVER)):
                polys = resolved.zones[view].get(kind, [])
                inside = sum(1 for x, y in samples
                             if any(point_in_polygon(x, y, p) for p in polys))
                if inside:
                    best = (rank, inside / len(samples))
                    break
            if best is None:
                continue
            kind_polys = resolved.zones[view].get((ESSENTIAL, SPILLOVER)[best[0]], [])
            extent = sum(polygon_area(p) for p in kind_polys)
            main = kind_polys[0]
            in_main = sum(1 for x, y in samples if point_in_polygon(x, y, main))
            found.append((best[0], -best[1], 0 if in_main else 1, extent, Culprit(
                pattern.muscle, side, (ESSENTIAL, SPILLOVER)[best[0]], best[1], resolved)))
    found.sort(key=lambda t: t[:4])
    return [c for *_, c in found]


def _samples(points: Sequence[Point]) -> list[Point]:
    if len(points) < 3:
        return list(points)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    grid = [(x0 + (x1 - x0) * (i + 0.5) / 8, y0 + (y1 - y0) * (j + 0.5) / 8)
            for i in range(8) for j in range(8)]
    inside = [p for p in grid if point_in_polygon(p[0], p[1], points)]
    return inside or list(points)
