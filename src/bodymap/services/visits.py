"""Visit use cases beyond one record: copy a treatment forward, find unsigned visits.

Clinicians treat in series of 4-8 visits; the next visit usually starts from the last one's
plan (and often its chart). A draft left unsigned is an incomplete legal record, so the
app lists drafts older than a day until someone signs them.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

from bodymap.model import Mark, PainZone, Visit, add_mark, set_visit_fields
from bodymap.model._validate import new_id, utcnow
from bodymap.model.safety import estim_dropped_message, estim_refusal, estim_sites, without_estim
from bodymap.services.records import Records, VisitSummary
from bodymap.storage import VisitRepository

__all__ = ["copied_marks", "copy_forward", "count_needing_attention", "needs_attention"]


def copied_marks(marks: list[Mark]) -> list[Mark]:
    """Copies of ``marks`` with fresh ids and creation times, in the same drawing order.
    A pain zone that named a copied trigger point as its source names the copy."""
    now = utcnow()
    new_ids = {m.id: new_id() for m in marks}
    copies: list[Mark] = []
    for m in marks:
        changes: dict[str, Any] = {"id": new_ids[m.id], "created_at": now}
        if isinstance(m, PainZone) and m.source_id is not None:
            changes["source_id"] = new_ids.get(m.source_id)
        copies.append(dataclasses.replace(m, **changes))
    return copies


def copy_forward(records: Records, previous_visit_id: str, *, clinician: str,
                 copy_marks: bool, started_at: datetime | None = None,
                 notices: list[str] | None = None) -> Visit:
    """Start and store a new draft visit of the same patient from a previous visit: its
    plan is carried over (the clinician edits it), and with ``copy_marks`` its chart marks
    are copied with new ids. Consent, screening, counts, scores and adverse events are not
    copied: each visit records its own. For a patient whose record now lists an electrical
    implant, copied needle sites lose their e-stim (never overridable), and what was dropped
    is appended to ``notices`` for the clinician to read. Marks charted on an older atlas
    version are carried onto today's (bodymap.atlas.mapping): the new visit is charted on the
    current version, and what had to move is told in ``notices`` too."""
    previous = records.open_visit(previous_visit_id)
    visit = records.start_visit(previous.patient_id, clinician=clinician,
                                started_at=started_at)  # today's anatomy, the patient's figure
    set_visit_fields(visit, plan=previous.plan, instructions=previous.instructions)
    if copy_marks:
        copies = copied_marks(previous.marks)
        if (previous.atlas_version, previous.figure) != (visit.atlas_version, visit.figure):
            copies = _carried(copies, previous, visit, notices)
        if estim_refusal(records.get_patient(previous.patient_id)) is not None:
            dropped = estim_sites(copies)
            copies = [without_estim(m) for m in copies]
            if dropped and notices is not None:
                notices.append(estim_dropped_message(dropped))
        for mark in copies:
            add_mark(visit, mark)
    records.save_visit(visit)
    return visit


def _carried(marks: list[Mark], previous: Visit, visit: Visit,
             notices: list[str] | None) -> list[Mark]:
    """Copies charted on the previous visit's atlas carried onto the new visit's (today's
    anatomy, perhaps another figure: bodymap.atlas.mapping); what had to move, or could not
    come, is told in `notices`."""
    from bodymap.atlas import visit_atlas
    from bodymap.atlas.mapping import carry_marks

    carried = carry_marks(marks, visit_atlas(previous), visit_atlas(visit))
    gone = set(carried.left_behind)
    out = [dataclasses.replace(m, source_id=None)
           if isinstance(m, PainZone) and m.source_id in gone else m for m in carried.marks]
    if carried.notices and notices is not None:
        if previous.atlas_version != visit.atlas_version:
            drawing = (f"an older anatomy drawing (atlas version {previous.atlas_version}); "
                       f"its marks were carried onto today's (version {visit.atlas_version})")
        else:
            drawing = (f"the {previous.figure} figure; its marks were carried onto the "
                       f"{visit.figure} figure")
        notices.append(f"The earlier chart was drawn on {drawing} by muscle and position. "
                       "Check these:\n" + "\n".join(f"• {line}" for line in carried.notices))
    return out


def needs_attention(records: Records, *, older_than: timedelta = timedelta(days=1),
                    now: datetime | None = None, limit: int | None = None
                    ) -> list[VisitSummary]:
    """Unsigned (draft) visits of every patient started more than ``older_than`` ago,
    oldest first (at most ``limit``), each with the patient's name."""
    cutoff = (now or utcnow()) - older_than
    return VisitRepository(records._db).list_unsigned(started_before=cutoff, limit=limit)


def count_needing_attention(records: Records, *, older_than: timedelta = timedelta(days=1),
                            now: datetime | None = None) -> int:
    """How many visits needs_attention would list without a limit."""
    cutoff = (now or utcnow()) - older_than
    return VisitRepository(records._db).count_unsigned(started_before=cutoff)
