"""Copy forward and the needs-attention list, on a real Records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bodymap.model import (
    AdverseEvent,
    NeedleSite,
    PainZone,
    SignRequirement,
    TriggerPoint,
    add_mark,
    set_visit_fields,
)
from bodymap.services.records import Records
from bodymap.services.visits import copy_forward, count_needing_attention, needs_attention


def _treated_visit(records: Records):
    patient = records.create_patient(chart_number="CF-1", family_name="Ångström",
                                     given_names="Zoë")
    visit = records.start_visit(patient.id, clinician="Anna Berg, PT")
    tp = TriggerPoint(view="posterior", x=250, y=196, muscle="upper_trapezius", side="L")
    site = NeedleSite(view="posterior", x=251, y=197, muscle="upper_trapezius", side="L",
                      needle_count=3, depth_mm=15)
    zone = PainZone(view="posterior", points=[(240, 90), (280, 90), (262, 140)],
                    source_id=tp.id)
    for mark in (tp, site, zone):
        add_mark(visit, mark)
    set_visit_fields(visit, plan="DN upper trapezius x4 — 每周一次 🙂", subjective="neck",
                     consent_obtained=True, precautions_reviewed=True, nprs_before=7,
                     needles_used=3, needles_removed=3,
                     adverse_events=frozenset({AdverseEvent.BRUISING}),
                     instructions="Soreness 24-48 h is expected.")
    records.save_visit(visit)
    return patient, visit


def test_copy_forward_carries_the_plan_and_copies_marks_with_new_ids(records: Records):
    patient, old = _treated_visit(records)
    records.sign_visit(old.id)
    new = copy_forward(records, old.id, clinician="Omar Haddad, DPT", copy_marks=True)
    stored = records.open_visit(new.id)
    assert stored.patient_id == patient.id and not stored.signed
    assert stored.clinician == "Omar Haddad, DPT"
    assert stored.plan == "DN upper trapezius x4 — 每周一次 🙂"
    assert stored.instructions == "Soreness 24-48 h is expected."
    # each visit records its own consent, screening, scores, counts and events
    assert (stored.subjective, stored.consent_obtained, stored.precautions_reviewed,
            stored.nprs_before, stored.needles_used, stored.adverse_events) == \
        ("", False, False, None, None, frozenset())
    assert [m.kind for m in stored.marks] == [m.kind for m in old.marks]
    assert not {m.id for m in stored.marks} & {m.id for m in old.marks}
    tp, site, zone = stored.marks
    assert zone.source_id == tp.id  # the link follows the copy
    assert (site.muscle, site.side, site.needle_count) == ("upper_trapezius", old.marks[1].side, 3)
    assert stored.charted_needles() == 3
    # the signed original is untouched
    assert records.open_visit(old.id).marks == old.marks


def test_copy_forward_without_marks(records: Records):
    _, old = _treated_visit(records)
    new = copy_forward(records, old.id, clinician="Anna Berg, PT", copy_marks=False)
    stored = records.open_visit(new.id)
    assert stored.marks == [] and stored.plan == old.plan
    assert len(records.list_visits(old.patient_id)) == 2


def test_needs_attention_lists_only_old_unsigned_visits(records: Records):
    now = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
    p = records.create_patient(chart_number="NA-1", family_name="Lee")
    q = records.create_patient(chart_number="NA-2", family_name="Okafor")
    old_draft = records.start_visit(p.id, started_at=now - timedelta(days=3))
    older_draft = records.start_visit(q.id, started_at=now - timedelta(days=9))
    records.start_visit(p.id, started_at=now - timedelta(hours=5))  # today: not yet due
    signed = records.start_visit(q.id, started_at=now - timedelta(days=4))
    records.sign_visit(signed.id, overrides={r: "test" for r in SignRequirement})
    due = needs_attention(records, now=now)
    assert [v.id for v in due] == [older_draft.id, old_draft.id]
    assert [v.patient_name for v in due] == ["Okafor", "Lee"]
    assert [v.id for v in needs_attention(records, now=now, limit=1)] == [older_draft.id]
    assert count_needing_attention(records, now=now) == 2
    assert all(v.status.value == "draft" for v in due)
    assert [v.id for v in needs_attention(records, now=now, older_than=timedelta(days=5))] \
        == [older_draft.id]
    assert needs_attention(records, now=now - timedelta(days=30)) == []
