"""Hazard zones by location: where a needle can reach the lung, a kidney, the peritoneum, the
spinal canal, a great vessel or a nerve trunk, whatever muscle is charted there.

Like the referral patterns (referral.py), the zones are knowledge written once
(hazards_data.py) from bony landmarks and muscle outlines, and resolved on the atlas version
and figure a visit is drawn on, per view and side. The sign-off rules (a depth recorded at
every needle site over a hazard, never the thorax on both sides in one session) and the
cautions ask the zone at the needle's point (services/chart_checks.py). An atlas without
landmarks (version 1) has no zones: its visits keep the per-muscle flags they were charted
with. Qt-free.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from bodymap.atlas.atlas import Atlas
from bodymap.atlas.geometry import Point, point_in_polygon, polygon_area
from bodymap.atlas.referral import B, D, M, Part, offset_sign, part_polygon, view_id

#: zone types, with what a clinician is told
HAZARD_TYPES: dict[str, str] = {
    "lung_pleura": "Lung and pleura (pneumothorax)",
    "kidney": "Kidney",
    "peritoneum": "Peritoneal cavity",
    "neuraxis": "Spinal canal (neuraxis)",
    "vertebral_artery": "Vertebral artery",
    "carotid_sheath": "Carotid sheath (carotid artery, internal jugular vein, vagus nerve)",
    "brachial_plexus": "Brachial plexus",
    "femoral_neurovascular": "Femoral nerve, artery and vein",
    "popliteal_fossa": "Popliteal vessels and tibial nerve",
    "sciatic_nerve": "Sciatic nerve",
    "common_fibular_nerve": "Common fibular nerve",
    "ulnar_nerve": "Ulnar nerve",
    "median_nerve": "Median nerve",
}
THORAX = "lung_pleura"


@dataclass(frozen=True)
class H:
    """The convex hull of landmarks, each shifted by (dx, dy) (dx as for D: laterally on
    front and back views, to the front of the body on lateral views): (landmark, dx, dy)."""

    points: tuple[tuple[str, float, float], ...]


@dataclass(frozen=True)
class HazardZone:
    """One zone: the structure at risk, where (per view alias), the depth within which it
    may lie where the literature gives one (mm; None where it does not), and the source.
    ``midline``: one zone across the body's midline (resolved once, as the patient's right)."""

    id: str
    type: str
    structure: str
    parts: tuple[tuple[str, Part | H], ...]
    depth_mm: float | None
    source: str
    midline: bool = False


@dataclass(frozen=True)
class ZoneShape:
    """A zone drawn on one view of one atlas, for one side ("L", "R", or "" on the midline)."""

    zone: HazardZone
    side: str
    view: str
    polygons: tuple[tuple[Point, ...], ...]

    @property
    def id(self) -> str:
        return f"{self.zone.id}.{self.side}" if self.side else self.zone.id

    def contains(self, x: float, y: float) -> bool:
        return any(point_in_polygon(x, y, p) for p in self.polygons)


def _hull(points: list[Point]) -> list[Point]:
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _shape(atlas: Atlas, view: str, part: Part | H, side: str) -> list[Point] | None:
    if not isinstance(part, H):
        return part_polygon(atlas, view, part, side)
    sign = offset_sign(atlas.view(view), side)
    named = atlas.landmarks.get(view, {})
    pts = []
    for name, dx, dy in part.points:
        p = named.get(f"{name}.{side}") or named.get(name)
        if p is None:
            return None
        pts.append((round(p[0] + sign * dx, 2), round(p[1] + dy, 2)))
    hull = _hull(pts)
    return hull if len(hull) >= 3 else None


def resolve_zone(zone: HazardZone, atlas: Atlas) -> list[ZoneShape]:
    """The zone on every view of ``atlas`` where its parts are drawn, per side."""
    views = {v.id for v in atlas.views}
    out: list[ZoneShape] = []
    for side in ("R",) if zone.midline else ("L", "R"):
        per_view: dict[str, list[tuple[Point, ...]]] = {}
        for alias, part in zone.parts:
            view = view_id(alias, side)
            if view not in views:
                continue
            poly = _shape(atlas, view, part, side)
            if poly and len(poly) >= 3 and polygon_area(poly) > 0:
                per_view.setdefault(view, []).append(tuple(poly))
        out += [ZoneShape(zone, "" if zone.midline else side, view, tuple(polys))
                for view, polys in per_view.items()]
    return out


_cache: weakref.WeakKeyDictionary[Atlas, dict[str, list[ZoneShape]]] = weakref.WeakKeyDictionary()


def zones_on(atlas: Atlas) -> dict[str, list[ZoneShape]]:
    """Every zone shape of ``atlas``, by view (computed once per atlas)."""
    key = atlas
    if key not in _cache:
        from bodymap.atlas.hazards_data import ZONES

        by_view: dict[str, list[ZoneShape]] = {}
        # zones are placed by bony landmarks: an atlas without them (version 1) has none,
        # rather than a few placed by muscle outlines alone
        for zone in ZONES if any(atlas.landmarks.values()) else ():
            for shape in resolve_zone(zone, atlas):
                by_view.setdefault(shape.view, []).append(shape)
        _cache[key] = by_view
    return _cache[key]


def has_zones(atlas: Atlas) -> bool:
    """Whether this atlas draws hazard zones (every version with bony landmarks does)."""
    return bool(zones_on(atlas))


def zones_at(atlas: Atlas, view: str, x: float, y: float) -> list[ZoneShape]:
    """The zones containing the point, most demanding first (a depth guidance before none,
    the smaller depth first)."""
    found = [s for s in zones_on(atlas).get(view, []) if s.contains(x, y)]
    return sorted(found, key=lambda s: (s.zone.depth_mm is None,
                                        s.zone.depth_mm or math.inf, s.zone.id))


__all__ = ["B", "D", "H", "HAZARD_TYPES", "THORAX", "HazardZone", "M", "ZoneShape",
           "has_zones", "resolve_zone", "zones_at", "zones_on"]
