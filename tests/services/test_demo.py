"""Demo data: realistic, clearly marked, consistent, and seeded only once."""

from __future__ import annotations

from bodymap.model import NeedleSite, PainZone, Precaution, VisitStatus
from bodymap.services.demo import seed_demo
from bodymap.services.records import Records
from bodymap.services.review import timeline


def test_demo_patients_are_marked_and_realistic(records: Records):
    patients = seed_demo(records)
    assert 5 <= len(patients) <= 6
    assert all(p.is_demo and p.chart_number.startswith("DEMO-") for p in patients)
    assert all("Demo patient" in p.notes for p in patients)
    names = {p.display_name for p in patients}
    assert "Ångström, Zoë" in names
    assert any("\u0600" <= p.family_name[0] <= "\u06ff" for p in patients)  # Arabic
    assert any("\u4e00" <= p.family_name[0] <= "\u9fff" for p in patients)  # Chinese
    assert any(Precaution.ANTICOAGULANTS in p.precautions for p in patients)
    assert any(Precaution.ELECTRICAL_IMPLANT in p.precautions for p in patients)
    assert [s.display_name for s in records.search_patients("angstrom")] == ["Ångström, Zoë"]


def test_demo_visits_are_consistent_records(records: Records):
    statuses, addenda = [], 0
    for patient in seed_demo(records):
        summaries = records.list_visits(patient.id)
        assert 1 <= len(summaries) <= 4
        shown = {e.id: e.pain_extent for e in timeline(records, patient.id)}
        for s in summaries:
            visit = records.open_visit(s.id)
            statuses.append(visit.status)
            addenda += len(visit.addenda)
            charted = sum(m.needle_count for m in visit.marks if isinstance(m, NeedleSite))
            assert visit.needles_used == visit.needles_removed == charted > 0
            assert visit.nprs_after < visit.nprs_before  # type: ignore[operator]
            assert visit.subjective and visit.assessment and visit.plan
            for m in visit.marks:
                if isinstance(m, PainZone):  # referred pain: linked to its trigger point
                    assert visit.mark(m.source_id).view == m.view  # type: ignore[arg-type]
                else:
                    assert m.region_id.split(".") == [m.view, m.muscle, m.side]  # type: ignore[union-attr]
                x, y = m.anchor
                assert 0 <= x <= 600 and 0 <= y <= 1100
            if any(isinstance(m, PainZone) for m in visit.marks):  # as the editor stores it
                assert visit.pain_extent["total"] > 0
                assert shown[visit.id] == visit.pain_extent["total"]  # in the timeline
            if visit.signed:
                assert visit.signed_at >= visit.started_at  # type: ignore[operator]
    assert statuses.count(VisitStatus.DRAFT) == 1 and VisitStatus.SIGNED in statuses
    assert addenda >= 2
    assert records.verify_audit().ok


def test_seeding_twice_adds_nothing(records: Records):
    first = seed_demo(records)
    count, trail = records.patient_count(), len(records.audit_trail())
    second = seed_demo(records)
    assert [p.id for p in second] == [p.id for p in first]
    assert (records.patient_count(), len(records.audit_trail())) == (count, trail)
