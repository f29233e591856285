"""Chart checks that need the atlas: hazard regions, needle sites missing a depth, the
requirements for signing, pain extent of a visit.

No Qt here, so signing (or a report) asks the same questions the editor shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bodymap.atlas import Atlas, Muscle, visit_atlas
from bodymap.model import Mark, NeedleSite, PainZone, Side, SignRequirement, Visit
from bodymap.services.pain_extent import pain_extent


def muscle_of(mark: Mark, atlas: Atlas) -> Muscle | None:
    """The atlas muscle a mark names (None off the muscles or for an unknown id)."""
    if not mark.muscle:
        return None
    try:
        return atlas.muscle(mark.muscle)
    except KeyError:
        return None


def hazards_of(mark: Mark, atlas: Atlas) -> tuple[str, ...]:
    """Hazard flags (e.g. "thorax") of the mark's muscle."""
    muscle = muscle_of(mark, atlas)
    return muscle.hazards if muscle else ()


def caution_text(mark: Mark, atlas: Atlas) -> str | None:
    """The catalogue's caution text for the mark's muscle, if it has one."""
    muscle = muscle_of(mark, atlas)
    return muscle.caution if muscle else None


def depth_required(mark: Mark, atlas: Atlas) -> bool:
    """A needle site over a hazard (thorax, spine, anterior hip, abdomen) needs a depth."""
    return isinstance(mark, NeedleSite) and bool(hazards_of(mark, atlas))


def is_incomplete(mark: Mark, atlas: Atlas) -> bool:
    """A needle site in a hazard region with no depth recorded."""
    return depth_required(mark, atlas) and mark.depth_mm is None  # type: ignore[attr-defined]


def over_hazard(atlas: Atlas) -> Callable[[Mark], bool]:
    """The predicate signing uses: is this needle site over a hazard region?"""
    return lambda mark: depth_required(mark, atlas)


def over_thorax(atlas: Atlas) -> Callable[[Mark], bool]:
    """Is this needle site over the thorax (a pneumothorax risk)?"""
    return lambda mark: isinstance(mark, NeedleSite) and "thorax" in hazards_of(mark, atlas)


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
