"""FHIR R4 export: every bundle validates with fhir.resources' R4B models, and what the
database holds (NPRS, laterality, the procedure code, names in any script) arrives in it."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from export_factory import make_patient
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from bodymap.export.csv_export import marks_csv
from bodymap.export.fhir import NothingToExport, patient_bundle, write_bundle
from bodymap.export.fhir_codes import LATERALITY_EXTENSION, REGION_SYSTEM, TAG_SYSTEM
from bodymap.model import TriggerPoint, Visit, add_mark, set_visit_fields
from bodymap.services.records import Records


def _pdf(visit: Visit) -> bytes:
    # the printing layer draws the real one (tests/printing, the CLI test below)
    return b"%PDF-1.4 chart of " + visit.id.encode()


# The models check structure and types but not codes from required value sets: these are the
# R4 required bindings of the coded elements bodymap writes (hl7.org/fhir/R4, each resource's
# page), checked here.
REQUIRED_CODES = {
    ("Bundle", "type"): {"document", "message", "transaction", "transaction-response",
                         "batch", "batch-response", "history", "searchset", "collection"},
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("Encounter", "status"): {"planned", "arrived", "triaged", "in-progress", "onleave",
                              "finished", "cancelled", "entered-in-error", "unknown"},
    ("Procedure", "status"): {"preparation", "in-progress", "not-done", "on-hold", "stopped",
                              "completed", "entered-in-error", "unknown"},
    ("Observation", "status"): {"registered", "preliminary", "final", "amended", "corrected",
                                "cancelled", "entered-in-error", "unknown"},
    ("Consent", "status"): {"draft", "proposed", "active", "rejected", "inactive",
                            "entered-in-error"},
    ("AdverseEvent", "actuality"): {"actual", "potential"},
    ("ChargeItem", "status"): {"planned", "billable", "not-billable", "aborted", "billed",
                               "entered-in-error", "unknown"},
    ("DocumentReference", "status"): {"current", "superseded", "entered-in-error"},
    ("DocumentReference", "docStatus"): {"preliminary", "final", "amended",
                                         "entered-in-error"},
}


def _check_codes(resource: dict) -> None:
    for (kind, element), allowed in REQUIRED_CODES.items():
        if resource["resourceType"] == kind and element in resource:
            assert resource[element] in allowed, f"{kind}.{element} = {resource[element]!r}"


def validated(bundle: dict) -> Bundle:
    """The bundle through the R4B models: the Bundle, and each resource by its own class."""
    parsed = Bundle.model_validate(bundle)
    _check_codes(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        _check_codes(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    ids = {e["fullUrl"] for e in bundle["entry"]}
    for ref in _references(bundle):
        assert ref in ids, f"{ref} points outside the bundle"
    return parsed


def _references(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []


def of_type(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_signed_visits_validate_and_carry_every_part(records: Records):
    patient = make_patient(records, visits=3)  # two signed, the last a draft
    bundle = patient_bundle(records, patient.id, pdf_for=_pdf)
    validated(bundle)
    kinds = sorted({e["resource"]["resourceType"] for e in bundle["entry"]})
    assert kinds == ["AdverseEvent", "ChargeItem", "Consent", "DocumentReference",
                     "Encounter", "Observation", "Patient", "Practitioner", "Procedure"]
    assert len(of_type(bundle, "Encounter")) == 2  # drafts only when asked for
    assert len(of_type(bundle, "Patient")) == len(of_type(bundle, "Practitioner")) == 1
    assert len(of_type(bundle, "Consent")) == 1  # both visits name the same consent
    assert len(of_type(bundle, "Procedure")) == 4  # 2 muscles x 2 visits
    docs = of_type(bundle, "DocumentReference")
    attachment = docs[0]["content"][0]["attachment"]
    assert attachment["contentType"] == "application/pdf"
    assert base64.b64decode(attachment["data"]).startswith(b"%PDF")
    event = of_type(bundle, "AdverseEvent")[0]
    assert event["event"]["text"] == "Bruising"
    assert event["seriousness"]["coding"][0]["code"] == "non-serious"


def test_nprs_laterality_and_code_round_trip_from_the_database(records: Records):
    patient = make_patient(records, visits=2)
    signed = records.open_visit(
        next(s.id for s in records.list_visits(patient.id) if s.status.value == "signed"))
    bundle = patient_bundle(records, patient.id, pdf_for=_pdf)
    scores = {o["code"]["text"]: o for o in of_type(bundle, "Observation")
              if o["code"]["coding"][0]["code"] == "72514-3"}
    before, after = scores["NPRS before treatment"], scores["NPRS after treatment"]
    assert (before["valueInteger"], after["valueInteger"]) == (signed.nprs_before,
                                                              signed.nprs_after) == (7, 3)
    assert before["code"]["coding"][0]["system"] == "http://loinc.org"
    assert datetime.fromisoformat(before["effectiveDateTime"]) == signed.started_at
    assert datetime.fromisoformat(after["effectivePeriod"]["end"]) == signed.signed_at
    sites = {}
    for proc in of_type(bundle, "Procedure"):
        body = proc["bodySite"][0]
        laterality = body["extension"][0]
        assert laterality["url"] == LATERALITY_EXTENSION
        sites[body["coding"][0]["code"]] = (
            body["text"], laterality["valueCodeableConcept"]["coding"][0]["code"])
        assert body["coding"][0]["system"] == REGION_SYSTEM
    assert sites == {"posterior.upper_trapezius.L": ("Left upper trapezius", "7771000"),
                     "posterior.infraspinatus.R": ("Right infraspinatus", "24028007")}
    assert signed.procedure_code == "20560"  # stored at signing: two muscles
    (charge,) = of_type(bundle, "ChargeItem")
    assert charge["code"]["coding"][0] == {
        "system": "http://www.ama-assn.org/go/cpt", "code": "20560",
        "display": "Needle insertion(s) without injection(s); 1 or 2 muscle(s)"}
    assert charge["status"] == "billable" and len(charge["service"]) == 2


def test_needle_details_as_notes_and_extension(records: Records):
    patient = make_patient(records, visits=2)
    bundle = patient_bundle(records, patient.id, pdf_for=_pdf)
    proc = next(p for p in of_type(bundle, "Procedure")
                if p["bodySite"][0]["text"] == "Left upper trapezius")
    parts = {p["url"]: p for p in proc["extension"][0]["extension"]}
    assert parts["needles"]["valueInteger"] == 2
    assert parts["depth"]["valueQuantity"] == {"value": 15, "unit": "mm",
                                               "system": "http://unitsofmeasure.org",
                                               "code": "mm"}
    assert parts["technique"]["valueCode"] == "estim"
    assert parts["estim-frequency"]["valueQuantity"]["value"] == 2
    notes = " ".join(n["text"] for n in proc["note"])
    assert "2 needles 0.25 × 40 mm, depth 15 mm, electrical stimulation" in notes
    assert "Response: familiar pain" in notes


def test_drafts_only_when_asked_and_marked_as_drafts(records: Records):
    patient = make_patient(records, visits=2)
    draft_id = next(s.id for s in records.list_visits(patient.id) if s.status.value == "draft")
    with pytest.raises(NothingToExport, match="no signed visit"):
        patient_bundle(records, patient.id, visit_ids=[draft_id], pdf_for=_pdf)
    bundle = patient_bundle(records, patient.id, include_drafts=True, pdf_for=_pdf)
    validated(bundle)
    encounter = next(e for e in of_type(bundle, "Encounter")
                     if e["identifier"][0]["value"] == draft_id)
    assert encounter["status"] == "in-progress"
    assert encounter["meta"]["tag"][0] == {"system": TAG_SYSTEM, "code": "draft",
                                           "display": "Unsigned draft"}
    tagged = [e["resource"] for e in bundle["entry"] if "meta" in e["resource"]]
    assert {r["resourceType"] for r in tagged} == {
        "Encounter", "Procedure", "Observation", "AdverseEvent", "ChargeItem",
        "DocumentReference"}
    doc = next(d for d in of_type(bundle, "DocumentReference") if "meta" in d)
    assert doc["docStatus"] == "preliminary"
    charge = next(c for c in of_type(bundle, "ChargeItem") if "meta" in c)
    assert charge["status"] == "planned"


def test_a_visit_with_no_needling_gets_no_procedure_code(records: Records):
    patient = records.create_patient(chart_number="NN-1", family_name="Lee")
    visit = records.start_visit(patient.id, clinician="Anna Berg, PT",
                                started_at=datetime(2026, 2, 1, 9, tzinfo=UTC))
    add_mark(visit, TriggerPoint(view="posterior", x=300, y=300, muscle="upper_trapezius",
                                 side="R"))
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True, needles_used=0,
                     needles_removed=0, subjective="Assessment only.", nprs_before=4)
    records.save_visit(visit)
    records.sign_visit(visit.id, signed_by="Anna Berg, PT")
    stored = records.open_visit(visit.id)
    assert stored.procedure_code == "none"
    bundle = patient_bundle(records, patient.id, pdf_for=_pdf)
    validated(bundle)
    assert of_type(bundle, "ChargeItem") == [] and of_type(bundle, "Procedure") == []
    assert of_type(bundle, "Consent") and of_type(bundle, "Observation")
    rows = marks_csv(stored).splitlines()
    assert rows[0].endswith(",procedure_code") and rows[1].endswith(",")


@pytest.mark.parametrize(("family", "given"), [("Ångström-Núñez", "Zoë Åsa"),
                                               ("الحداد", "ليلى"), ("陈", "伟"),
                                               ("O'Connor", "Siobhán")])
def test_names_in_any_script_survive_the_file(records: Records, tmp_path: Path, family,
                                              given):
    patient = records.create_patient(chart_number="U-1", family_name=family,
                                     given_names=given, date_of_birth=date(1990, 1, 2))
    visit = records.start_visit(patient.id, clinician="Åsa Öberg, PT",
                                started_at=datetime(2026, 2, 1, 9, tzinfo=UTC))
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     needles_used=0, needles_removed=0, subjective="x")
    records.save_visit(visit)
    records.sign_visit(visit.id, signed_by="Åsa Öberg, PT")
    out = tmp_path / "bundle.json"
    write_bundle(patient_bundle(records, patient.id, pdf_for=_pdf), out)
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # patient data: owner only
    bundle = json.loads(out.read_text(encoding="utf-8"))
    parsed = validated(bundle)
    (pat,) = of_type(bundle, "Patient")
    assert pat["name"][0]["family"] == family and pat["name"][0]["given"] == given.split()
    assert pat["birthDate"] == "1990-01-02"
    assert of_type(bundle, "Practitioner")[0]["name"][0]["text"] == "Åsa Öberg, PT"
    assert parsed.entry[0].resource.name[0].family == family


def test_exporting_twice_gives_the_same_resource_ids(records: Records):
    patient = make_patient(records, visits=2)
    first = patient_bundle(records, patient.id, pdf_for=_pdf)
    second = patient_bundle(records, patient.id, pdf_for=_pdf)
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    assert first["id"] == second["id"]


def test_the_example_in_docs_validates():
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "fhir-bundle.json"
    bundle = json.loads(example.read_text(encoding="utf-8"))
    validated(bundle)
    assert {"Patient", "Encounter", "Procedure", "Observation", "ChargeItem",
            "DocumentReference"} <= {e["resource"]["resourceType"] for e in bundle["entry"]}
