"""import_record: a whole patient record, signed visits and addenda included, in one
audited transaction; the signed-visit triggers still hold afterwards."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest
from storage_helpers import aware, fill_visit, full_patient

from bodymap.model import (
    Addendum,
    Patient,
    SignedVisitError,
    ValidationError,
    Visit,
    VisitStatus,
)
from bodymap.model.codec import patient_to_dict, visit_to_dict
from bodymap.services.records import Records
from bodymap.storage.importing import import_record


def _rows(records: Records) -> dict[str, int]:
    with records._db.snapshot() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("patients", "visits", "marks", "addenda", "audit", "patient_terms")}


def _record() -> tuple[Patient, list[Visit]]:
    patient = Patient(**full_patient())
    signed = fill_visit(Visit(patient_id=patient.id, clinician="A. Berg, PT",
                              started_at=aware(2026, 1, 5, 9)))
    signed = dataclasses.replace(signed, status=VisitStatus.SIGNED, signed_by="A. Berg, PT",
                                 signed_at=aware(2026, 1, 5, 10))
    signed.addenda = [Addendum(visit_id=signed.id, author="A. Berg, PT", text="Phoned: fine.",
                               created_at=aware(2026, 1, 6, 8))]
    draft = fill_visit(Visit(patient_id=patient.id, clinician="A. Berg, PT",
                             started_at=aware(2026, 1, 12, 9)))
    return patient, [signed, draft]


def test_whole_record_stored_as_given_and_audited(records: Records, data_dir: Path):
    patient, visits = _record()
    import_record(records._db, patient, visits, source="zoe.json")
    records.close()
    with Records.open(data_dir, user="x") as again:
        assert patient_to_dict(again.get_patient(patient.id)) == patient_to_dict(patient)
        for visit in visits:
            loaded = again.open_visit(visit.id)
            assert json.dumps(visit_to_dict(loaded), sort_keys=True) == \
                json.dumps(visit_to_dict(visit), sort_keys=True)
        trail = again.audit_trail(patient_id=patient.id)
        assert {e.action for e in trail} == {"import"}
        assert trail[0].after["import_source"] == "zoe.json"
        assert sum(e.entity_type == "mark" for e in trail) == 8
        assert again.verify_audit().ok
        assert [s.id for s in again.search_patients("Ångström")] == [patient.id]


def test_imported_signed_visit_is_still_immutable(records: Records):
    patient, visits = _record()
    import_record(records._db, patient, visits)
    signed = records.open_visit(visits[0].id)
    assert signed.signed and signed.signed_at == aware(2026, 1, 5, 10)
    with pytest.raises(SignedVisitError):
        records.save_visit(dataclasses.replace(signed, status=VisitStatus.DRAFT,
                                               signed_by=None, signed_at=None))
    # the schema's triggers themselves, below the repository
    with pytest.raises(SignedVisitError):
        with records._db.transaction() as conn:
            conn.execute("DELETE FROM marks WHERE visit_id = ?", (signed.id,))


@pytest.mark.parametrize("clash", ["patient_id", "chart_number", "visit_id", "mark_id"])
def test_existing_ids_refused_and_nothing_written(records: Records, clash: str):
    patient, visits = _record()
    import_record(records._db, patient, visits)
    before = _rows(records)
    other = Patient(**full_patient(chart_number="NEW-1"))
    other_visit = fill_visit(Visit(patient_id=other.id, clinician="B",
                                   started_at=aware(2026, 2, 1, 9)))
    if clash == "patient_id":
        other = dataclasses.replace(other, id=patient.id)
        other_visit = dataclasses.replace(other_visit, patient_id=patient.id)
    elif clash == "chart_number":
        other = dataclasses.replace(other, chart_number=patient.chart_number)
    elif clash == "visit_id":
        other_visit = dataclasses.replace(other_visit, id=visits[1].id)
    else:
        other_visit.marks[2] = dataclasses.replace(other_visit.marks[2],
                                                   id=visits[1].marks[0].id)
    with pytest.raises(ValidationError, match="already"):
        import_record(records._db, other, [other_visit])
    assert _rows(records) == before


def test_draft_with_addenda_refused(records: Records):
    patient, visits = _record()
    draft = visits[1]
    draft.addenda = [Addendum(visit_id=draft.id, author="x", text="y",
                              created_at=aware(2026, 1, 13, 8))]
    with pytest.raises(ValidationError, match="draft"):
        import_record(records._db, patient, visits)
    assert _rows(records)["patients"] == 0


def test_visit_sorted_by_start_whatever_the_order_given(records: Records):
    patient, visits = _record()
    visits[1] = dataclasses.replace(visits[1], started_at=visits[0].started_at
                                    - timedelta(days=3))
    import_record(records._db, patient, list(reversed(visits)))
    assert [s.id for s in records.list_visits(patient.id)] == [visits[0].id, visits[1].id]
