"""Realistic visit histories for review tests: needle sites, trigger points and pain zones
on real atlas regions, NPRS falling over a course of treatment, most visits signed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bodymap.atlas import load_atlas
from bodymap.model import NeedleSite, PainZone, Patient, TriggerPoint, add_mark, set_visit_fields
from bodymap.services.chart_checks import visit_pain_extent
from bodymap.services.records import Records

# (region, needles) per visit of a low-back / buttock course of treatment
COURSE: list[list[tuple[str, int]]] = [
    [("posterior.piriformis.L", 2), ("posterior.gluteus_medius.R", 1)],
    [("posterior.piriformis.L", 1), ("posterior.quadratus_lumborum.L", 2)],
    [("posterior.gluteus_medius.R", 2)],
    [("posterior.piriformis.L", 3), ("posterior.piriformis.R", 1)],
    [("posterior.upper_trapezius.L", 2)],
    [("posterior.piriformis.L", 1)],
]
NPRS = [(8, 5), (7, 4), (6, 4), (5, 3), (4, 2), (3, 1)]


@dataclass
class Course:
    patient: Patient
    visit_ids: list[str]  # oldest first
    starts: list[datetime]


def make_course(records: Records, *, chart_number: str = "RV-001",
                family_name: str = "Lindqvist", given_names: str = "Maja",
                first: datetime | None = None, every_days: int = 7, sign_upto: int = 4,
                clinician: str = "Anna Berg, PT") -> Course:
    """A patient with six weekly visits following COURSE; the first ``sign_upto`` are
    signed, the rest drafts."""
    atlas = load_atlas()
    patient = records.create_patient(chart_number=chart_number, family_name=family_name,
                                     given_names=given_names)
    first = first or datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    ids, starts = [], []
    for n, plan in enumerate(COURSE):
        start = first + timedelta(days=every_days * n)
        visit = records.start_visit(patient.id, clinician=clinician, started_at=start)
        needles = 0
        for region_id, count in plan:
            view, muscle, side = region_id.split(".")
            x, y = atlas.region(region_id).anchor
            common = dict(view=view, region_id=region_id, muscle=muscle, side=side)
            tp = TriggerPoint(x=x - 3, y=y - 3, tp_kind="active", tenderness=2, **common)
            add_mark(visit, tp)
            add_mark(visit, NeedleSite(x=x + 3, y=y + 2, needle_length_mm=50, depth_mm=30,
                                       needle_diameter_mm=0.30, needle_count=count,
                                       ltr_elicited=True, ltr_count=1, **common))
            referral = atlas.referral(region_id)
            if referral and len(referral[0]) >= 3:
                add_mark(visit, PainZone(view=view, points=tuple(referral[0]), intensity=6,
                                         source_id=tp.id))
            needles += count
        set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                         subjective="Neck pain.",
                         nprs_before=NPRS[n][0], nprs_after=NPRS[n][1], needles_used=needles,
                         needles_removed=needles)
        visit.pain_extent = visit_pain_extent(visit, atlas)  # as the chart editor stores it
        records.save_visit(visit)
        if n < sign_upto:
            records.sign_visit(visit.id, signed_by=clinician)
        ids.append(visit.id)
        starts.append(start)
    return Course(patient, ids, starts)


def needles_at(region_id: str) -> int:
    """How many needles COURSE puts into one region."""
    return sum(count for plan in COURSE for rid, count in plan if rid == region_id)
