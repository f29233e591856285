"""A trigger point's classic referral pattern, charted as pain zones in one undo step."""

from __future__ import annotations

from bodymap.atlas import Atlas, polygon_area
from bodymap.model import PainZone, Side, TriggerPoint
from bodymap.ui.chart.tools import with_extent
from bodymap.ui.commands import AddMark, Compound
from bodymap.ui.document import VisitDocument


def referral_zones(tp: TriggerPoint, atlas: Atlas) -> list[PainZone]:
    """Pain zones covering the atlas's referral pattern of the trigger point's region, in
    its view, linked to it (``source_id``). Empty if the atlas charts no pattern."""
    if not tp.region_id:
        return []
    zones = []
    for poly in atlas.referral(tp.region_id):
        if len(poly) < 3 or polygon_area(poly) <= 0:
            continue
        region = atlas.region_under(tp.view, poly)
        zones.append(PainZone(
            view=tp.view, points=tuple((round(x, 2), round(y, 2)) for x, y in poly),
            source_id=tp.id, region_id=region.id if region else None,
            muscle=region.muscle if region else None,
            side=Side(region.side) if region else None))
    return zones


def referral_zone_command(doc: VisitDocument, atlas: Atlas,
                          trigger_point_id: str) -> tuple[Compound, list[PainZone]] | None:
    """One undoable command adding the referral zones (and updating pain extent), or
    None when the trigger point's muscle has no charted referral pattern."""
    tp = doc.visit.mark(trigger_point_id)
    if not isinstance(tp, TriggerPoint):
        return None
    zones = referral_zones(tp, atlas)
    if not zones:
        return None
    adds = Compound("Add pain zone from referral pattern",
                    [AddMark(doc, zone) for zone in zones])
    return with_extent(doc, atlas, adds), zones
