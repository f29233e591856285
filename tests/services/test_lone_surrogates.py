"""A lone UTF-16 surrogate (which JSON and some pastes can carry, and no database or PDF
can hold) is refused as a ValidationError naming the field, on every way in; nothing is
written."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bodymap.export.json_export import ImportRejected, export_patient, import_patient
from bodymap.model import SignRequirement, TextNote, ValidationError, add_mark

BAD = "Zo\ud800ë"
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("field", ["family_name", "given_names", "notes", "address"])
def test_a_new_patient_with_a_lone_surrogate_is_refused(records, field):
    values = {"chart_number": "S-1", "family_name": "Ruiz", field: BAD}
    with pytest.raises(ValidationError) as caught:
        records.create_patient(**values)
    assert caught.value.field == field
    assert "invalid character" in caught.value.message
    assert records.patient_count() == 0


def test_visit_notes_marks_reasons_and_addenda_refuse_it(records):
    patient = records.create_patient(chart_number="S-2", family_name="Ruiz")
    with pytest.raises(ValidationError) as caught:
        records.update_patient(patient.id, notes=BAD)
    assert caught.value.field == "notes"
    visit = records.start_visit(patient.id, clinician="Dr A. Test", started_at=START)
    visit.subjective = BAD
    with pytest.raises(ValidationError) as caught:
        records.save_visit(visit)
    assert caught.value.field == "subjective"
    visit = records.open_visit(visit.id)
    assert visit.subjective == ""
    with pytest.raises(ValidationError) as caught:
        add_mark(visit, TextNote(view="anterior", x=1.0, y=1.0, text=BAD))
    assert caught.value.field == "text"
    with pytest.raises(ValidationError) as caught:
        records.sign_visit(visit.id, signed_by="Dr A. Test",
                           overrides={r: BAD for r in (SignRequirement.CONSENT,
                                                       SignRequirement.NEEDLE_COUNT,
                                                       SignRequirement.PRECAUTIONS_REVIEWED,
                                                       SignRequirement.SOAP_NOTES)})
    assert caught.value.field == "sign_overrides"
    assert not records.open_visit(visit.id).signed
    records.sign_visit(visit.id, signed_by="Dr A. Test",
                       overrides={r: "checked" for r in (SignRequirement.CONSENT,
                                                         SignRequirement.NEEDLE_COUNT,
                                                         SignRequirement.PRECAUTIONS_REVIEWED,
                                                         SignRequirement.SOAP_NOTES)})
    with pytest.raises(ValidationError) as caught:
        records.add_addendum(visit.id, BAD)
    assert caught.value.field == "text"
    assert records.open_visit(visit.id).addenda == []


def test_an_import_with_a_lone_surrogate_names_the_field(records):
    patient = records.create_patient(chart_number="S-3", family_name="Ruiz")
    records.start_visit(patient.id, clinician="Dr A. Test", started_at=START)
    data = export_patient(records, patient.id)
    data["patient"]["chart_number"] = "S-4"
    data["patient"]["id"] = "0b9bb5e0-8f9e-4a40-9d43-7b4e2f5c4a11"
    data["visits"] = []
    data["patient"]["given_names"] = BAD
    raw = json.loads(json.dumps(data))  # the JSON escape \ud800 survives the round trip
    with pytest.raises(ImportRejected, match=r"patient\.given_names: the text contains an "
                                             "invalid character"):
        import_patient(records, raw)
    assert records.patient_count() == 1
