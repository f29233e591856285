"""Shared builders for export and print tests: a fully charted patient, row counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bodymap.atlas import load_atlas
from bodymap.model import (
    EStim,
    NeedleSite,
    PainZone,
    Patient,
    TextNote,
    TriggerPoint,
    Visit,
    add_mark,
    set_visit_fields,
)
from bodymap.services.records import Records


def chart(visit: Visit, region_id: str, *, note: str = "") -> None:
    """A trigger point, a needle site (e-stim) and its referral zone on one region."""
    atlas = load_atlas()
    region = atlas.region(region_id)
    view, muscle, side = region_id.split(".")
    common = dict(view=view, region_id=region_id, muscle=muscle, side=side)
    x, y = region.anchor
    tp = TriggerPoint(x=x, y=y, tp_kind="active", tenderness=3, note=note, **common)
    add_mark(visit, tp)
    add_mark(visit, NeedleSite(x=x + 3, y=y + 2, needle_length_mm=40, needle_diameter_mm=0.25,
                               depth_mm=15, needle_count=2, technique="estim",
                               estim=EStim(frequency_hz=2, intensity_ma=3, duration_min=10),
                               ltr_elicited=True, ltr_count=2, response="familiar pain",
                               **common))
    zone = atlas.referral(region_id) or [[(x, y), (x + 30, y), (x + 15, y + 40)]]
    add_mark(visit, PainZone(view=view, points=tuple(map(tuple, zone[0])), intensity=6,
                             quality="burning", source_id=tp.id))


def make_patient(records: Records, chart_number: str = "ZA-1001", *, visits: int = 2
                 ) -> Patient:
    """A patient in several scripts with ``visits`` visits: all but the last signed (the
    first with an addendum), the last a draft; each charted on two muscles plus a note."""
    patient = records.create_patient(
        chart_number=chart_number, family_name="Ångström-Núñez", given_names="Zoë",
        date_of_birth=date(1984, 2, 29), sex="female", phone="+46 70 123",
        precautions={"anticoagulants": "apixaban"}, notes="左肩 — ملاحظة")
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for n in range(visits):
        visit = records.start_visit(patient.id, clinician="Anna Berg, PT",
                                    started_at=start + timedelta(days=7 * n))
        chart(visit, "posterior.upper_trapezius.L", note=f"visit {n + 1}")
        chart(visit, "posterior.infraspinatus.R")
        add_mark(visit, TextNote(view="anterior", x=300, y=200, text="bruise from fall"))
        set_visit_fields(visit, consent_obtained=True, consent_date=date(2026, 1, 5),
                         precautions_reviewed=True, nprs_before=7, nprs_after=3,
                         needles_used=4, needles_removed=4, subjective="Neck pain.",
                         objective="TrP L upper trapezius.", assessment="MPS.",
                         plan="Weekly.", adverse_events=frozenset({"bruising"}),
                         adverse_event_notes="small bruise")
        records.save_visit(visit)
        if n < visits - 1:
            records.sign_visit(visit.id, signed_by="Anna Berg, PT")
            if n == 0:
                records.add_addendum(visit.id, "Phoned next day: headache gone.")
    return patient


def row_counts(records: Records) -> dict[str, int]:
    """Rows in every clinical table and the audit log: "nothing written" means equal."""
    with records._db.snapshot() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("patients", "patient_terms", "visits", "marks", "addenda", "audit")}
