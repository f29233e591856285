"""Chart checks that need the atlas: hazard zones at a needle's point (by location, not by
muscle: bodymap.atlas.hazards; version-1 charts keep their muscles' flags), needle sites
missing a depth, the requirements for signing, pain extent of a visit.

No Qt here, so signing (or a report) asks the same questions the editor shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bodymap.atlas import Atlas, Muscle, visit_atlas
from bodymap.atlas.hazards import HAZARD_TYPES, THORAX, ZoneShape, has_zones, zones_at
from bodymap.model import Mark, NeedleSite, PainZone, PointMark, Side, SignRequirement, Visit
from bodymap.services.pain_extent import pain_extent


def muscle_of(mark: Mark, atlas: Atlas) -> Muscle | None:
    """The atlas muscle a mark names (None off the muscles or for an unknown id)."""
    if not mark.muscle:
        return None
    try:
        return atlas.muscle(mark.muscle)
    except KeyError:
        return None


def hazard_zones(mark: Mark, atlas: Atlas) -> list[ZoneShape]:
    """The hazard zones under a needle site or trigger point (bodymap.atlas.hazards), most
    demanding first; [] off every zone, and on an atlas without zones (version 1)."""
    if not isinstance(mark, PointMark) or not has_zones(atlas):
        return []
    return zones_at(atlas, mark.view, mark.x, mark.y)


def hazards_of(mark: Mark, atlas: Atlas, *, by_muscle: bool = False) -> tuple[str, ...]:
    """Hazard flags at the mark: the types of the zones at its point ("thorax" for the lung
    and pleura), or, on an atlas without zones or with ``by_muscle``, the flags of the
    mark's muscle (how version-1 charts were checked)."""
    if by_muscle or not has_zones(atlas):
        muscle = muscle_of(mark, atlas)
        return muscle.hazards if muscle else ()
    types = dict.fromkeys("thorax" if z.zone.type == THORAX else z.zone.type
                          for z in hazard_zones(mark, atlas))
    return tuple(types)


def caution_text(mark: Mark, atlas: Atlas) -> str | None:
    """What a needle placed here risks: the zones' structures and depth guidance, then the
    catalogue's advice for the muscle (its needling technique); on an atlas without zones,
    the catalogue's text alone."""
    muscle = muscle_of(mark, atlas)
    if not has_zones(atlas):
        return muscle.caution if muscle else None
    zones = hazard_zones(mark, atlas)
    if not zones:
        return None
    parts = []
    for z in zones:
        depth = (f": it may lie within {z.zone.depth_mm:g} mm" if z.zone.depth_mm is not None
                 else "")
        parts.append(f"{z.zone.structure}{depth}")
    advice = f" {muscle.caution}" if muscle and muscle.caution else ""
    return "; ".join(parts) + "." + advice


def zone_names(mark: Mark, atlas: Atlas) -> str:
    """The hazard zones at a needle site, named for the printed marks table ("" for none)."""
    return "; ".join(HAZARD_TYPES[z.zone.type] for z in hazard_zones(mark, atlas))


def depth_beyond_guidance(mark: Mark, atlas: Atlas, depth_mm: float | None = None
                          ) -> str | None:
    """When the depth recorded (or about to be) at a needle site goes beyond a zone's depth
    guidance: what to confirm; else None."""
    depth = depth_mm if depth_mm is not None else getattr(mark, "depth_mm", None)
    if depth is None:
        return None
    for z in hazard_zones(mark, atlas):
        if z.zone.depth_mm is not None and depth > z.zone.depth_mm:
            return (f"{depth:g} mm is deeper than the {z.zone.depth_mm:g} mm within which "
                    f"{z.zone.structure[0].lower()}{z.zone.structure[1:]} may lie. Confirm the "
                    "depth you recorded.")
    return None


def depth_required(mark: Mark, atlas: Atlas, *, by_muscle: bool = False) -> bool:
    """A needle site over a hazard needs a recorded depth."""
    return isinstance(mark, NeedleSite) and bool(hazards_of(mark, atlas, by_muscle=by_muscle))


def is_incomplete(mark: Mark, atlas: Atlas) -> bool:
    """A needle site in a hazard region with no depth recorded."""
    return depth_required(mark, atlas) and mark.depth_mm is None  # type: ignore[attr-defined]


def over_hazard(atlas: Atlas, *, by_muscle: bool = False) -> Callable[[Mark], bool]:
    """The predicate signing uses: is this needle site over a hazard? (``by_muscle``: as
    visits were checked before zones by location existed.)"""
    return lambda mark: depth_required(mark, atlas, by_muscle=by_muscle)


def over_thorax(atlas: Atlas, *, by_muscle: bool = False) -> Callable[[Mark], bool]:
    """Is this needle site over the lung (a pneumothorax risk)?"""
    return lambda mark: (isinstance(mark, NeedleSite)
                         and "thorax" in hazards_of(mark, atlas, by_muscle=by_muscle))


def bilateral_thorax(visit: Visit, atlas: Atlas) -> dict[Side, list[str]]:
    """When the visit has needle sites over the thorax on both sides, the muscles needled
    on each side (DOMAIN: do not needle both sides of the thorax in one session); else {}."""
    thoracic = over_thorax(atlas)
    if len(visit.thorax_sides(thoracic)) < 2:
        return {}
    sides: dict[Side, list[str]] = {Side.LEFT: [], Side.RIGHT: []}
    for m in visit.marks:
        if isinstance(m, NeedleSite) and m.side in sides and thoracic(m):
            muscle = muscle_of(m, atlas)
            name = muscle.name if muscle else (m.muscle or "thorax")
            if name not in sides[m.side]:
                sides[m.side].append(name)
    return sides


def unmet_sign_requirements(visit: Visit, atlas: Atlas | None = None) -> list[SignRequirement]:
    """Everything signing checks, including depth at needle sites over hazards and the
    thorax needled on both sides."""
    atlas = atlas or visit_atlas(visit)
    return visit.unmet_requirements(over_hazard(atlas), over_thorax(atlas))


def incomplete_needle_sites(visit: Visit, atlas: Atlas) -> list[Mark]:
    """Needle sites in hazard regions without a depth: signing should refuse these."""
    return [m for m in visit.marks if is_incomplete(m, atlas)]


def zones_by_view(marks: Sequence[Mark]) -> dict[str, list[tuple[tuple[float, float], ...]]]:
    """Pain-zone outlines grouped by view."""
    out: dict[str, list[tuple[tuple[float, float], ...]]] = {}
    for m in marks:
        if isinstance(m, PainZone):
            out.setdefault(m.view, []).append(m.points)
    return out


def outlines(atlas: Atlas) -> Mapping[str, Sequence[tuple[float, float]]]:
    """Body outline (silhouette) of every atlas view."""
    return {v.id: atlas.silhouette(v.id) for v in atlas.views}


def visit_pain_extent(visit: Visit, atlas: Atlas) -> dict[str, float]:
    """Pain extent of the visit's zones (see services/pain_extent.py)."""
    return pain_extent(zones_by_view(visit.marks), outlines(atlas))
