"""Everything a clinician enters comes back byte for byte, after closing and reopening."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import IST, aware, fill_visit, full_patient

from bodymap.model import Side, ValidationError, Visit, move_mark, remove_mark, update_mark
from bodymap.model.codec import patient_to_dict, visit_to_dict
from bodymap.services.records import Records


def exact(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def test_patient_round_trips_every_field_in_every_script(records: Records, data_dir: Path):
    names = [("Ångström", "Zoë"), ("الأحمد", "سارة"), ("王", "小明"), ("O'Brien 🍀", "Seán")]
    made = [records.create_patient(**full_patient(chart_number=f"C-{i}", family_name=f,
                                                  given_names=g))
            for i, (f, g) in enumerate(names)]
    records.close()
    with Records.open(data_dir, user="someone else") as again:
        for patient in made:
            loaded = again.get_patient(patient.id)
            assert exact(patient_to_dict(loaded)) == exact(patient_to_dict(patient))
            assert loaded.family_name.encode() == patient.family_name.encode()
        assert again.find_patient_by_chart_number("C-2").given_names == "小明"


def test_visit_round_trips_fields_marks_order_and_zone(records: Records, data_dir: Path):
    patient = records.create_patient(**full_patient())
    visit = records.start_visit(patient.id, clinician="د. سارة — 王医生 🩺",
                                started_at=aware(2026, 3, 1, 9, 30).astimezone(IST))
    fill_visit(visit)
    records.save_visit(visit)
    records.close()
    with Records.open(data_dir, user="x") as again:
        loaded = again.open_visit(visit.id)
    assert exact(visit_to_dict(loaded)) == exact(visit_to_dict(visit))
    assert loaded == visit
    # the zone the visit was charted in survives (not silently converted to UTC)
    assert loaded.started_at.utcoffset() == IST.utcoffset(None)
    assert [m.kind for m in loaded.marks] == ["trigger_point", "needle_site", "pain_zone",
                                              "text_note"]
    assert loaded.marks[1].estim.duration_min == 15  # type: ignore[union-attr]


def test_saving_the_difference_of_marks(records: Records):
    patient = records.create_patient(chart_number="1", family_name="Doe")
    visit = fill_visit(records.start_visit(patient.id))
    records.save_visit(visit)
    tp, needle, zone, note = visit.marks
    remove_mark(visit, note.id)
    move_mark(visit, needle.id, 5, -5)
    update_mark(visit, tp.id, tenderness=1)
    visit.marks.insert(0, visit.marks.pop())  # the zone now drawn first (below the others)
    records.save_visit(visit)
    loaded = records.open_visit(visit.id)
    assert [m.id for m in loaded.marks] == [zone.id, tp.id, needle.id]
    assert loaded.mark(needle.id).x == needle.x + 5  # type: ignore[attr-defined]
    assert loaded.mark(tp.id).tenderness == 1  # type: ignore[attr-defined]
    assert loaded == visit


def test_saving_unchanged_visit_writes_nothing(records: Records):
    patient = records.create_patient(chart_number="1", family_name="Doe")
    visit = fill_visit(records.start_visit(patient.id))
    records.save_visit(visit)
    before = len(records.audit_trail())
    records.save_visit(records.open_visit(visit.id))
    assert len(records.audit_trail()) == before


def test_visit_list_newest_first_across_time_zones(records: Records):
    patient = records.create_patient(chart_number="1", family_name="Doe")
    # 10:00 in India is 04:30 UTC: earlier than 08:00 UTC although "10" > "08" as text
    india = records.start_visit(patient.id, started_at=aware(2026, 3, 1, 4, 30).astimezone(IST))
    utc = records.start_visit(patient.id, started_at=aware(2026, 3, 1, 8, 0))
    older = records.start_visit(patient.id, started_at=aware(2025, 12, 24, 8, 0))
    assert [s.id for s in records.list_visits(patient.id)] == [utc.id, india.id, older.id]


def test_new_visit_is_a_stored_draft(records: Records):
    patient = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(patient.id)
    assert isinstance(visit, Visit) and visit.clinician == "Dr. Zoë Ångström"
    assert records.open_visit(visit.id) == visit
    (summary,) = records.list_visits(patient.id)
    assert (summary.status.value, summary.mark_count) == ("draft", 0)


def test_fast_visit_encoding_matches_the_codec(records: Records):
    from bodymap.model import sign_visit
    from bodymap.storage.visits import _visit_fields

    patient = records.create_patient(**full_patient())
    visit = fill_visit(records.start_visit(patient.id, started_at=aware(2026, 3, 1, 9, 30)
                                           .astimezone(IST)))
    visit.pain_extent = {"posterior": 3.25, "total": 1.5}
    visit.needles_removed = 1  # one short: signing needs a written override
    sign_visit(visit, "Dr. X", overrides={"needle_count": "found in sharps bin"})
    assert visit.sign_overrides
    expected = visit_to_dict(visit, with_marks=False)
    del expected["addenda"]
    assert exact(_visit_fields(visit)) == exact(expected)


def test_mark_stored_before_the_region_rule_opens_and_can_be_corrected(records: Records):
    """Import once accepted a mark whose region says left and whose side says right, so a
    database may hold one. Its visit still opens; a new edit must agree with the region,
    and the clinician's correction of the side is kept."""
    patient = records.create_patient(**full_patient())
    visit = fill_visit(records.start_visit(patient.id, clinician="A"))
    records.save_visit(visit)
    tp = visit.marks[0]
    assert (tp.region_id, tp.side.value) == ("posterior.upper_trapezius.L", "L")
    with records._db.transaction() as conn:  # as a pre-rule import left it
        conn.execute("UPDATE marks SET side = 'R' WHERE id = ?", (tp.id,))
    opened = records.open_visit(visit.id)
    assert opened.marks[0].side is Side.RIGHT
    with pytest.raises(ValidationError, match="patient's left, but the mark's side is right"):
        update_mark(opened, tp.id, note="taut band")
    update_mark(opened, tp.id, side=Side.LEFT)
    records.save_visit(opened)
    assert records.open_visit(visit.id).marks[0].side is Side.LEFT
