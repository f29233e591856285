"""Import stores exactly what the file says or refuses it, and enforces exactly what
signing enforces: a visit marked signed must meet every requirement or carry a written
reason for each, as signing in the app would have demanded."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from export_factory import make_patient, row_counts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.export.json_export import ImportRejected, export_patient, import_patient
from bodymap.model.limits import FIELD_LIMITS
from bodymap.services.records import Records

DOC = Path(__file__).parents[2] / "docs" / "export-format.md"
_VOLATILE = ("exported_at", "exported_by", "app_version", "audit_anchor")


def _records_of(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _VOLATILE}


@pytest.fixture
def exported(records: Records) -> dict[str, Any]:
    """A valid export: visit 1 signed with an addendum, visit 2 signed, visit 3 a draft."""
    patient = make_patient(records, visits=3)
    return json.loads(json.dumps(export_patient(records, patient.id)))


def _first_signed(data: dict[str, Any]) -> dict[str, Any]:
    return data["visits"][0]


def _unconsented(data: dict[str, Any]) -> None:
    _first_signed(data)["consent_obtained"] = False


def _count_off(data: dict[str, Any]) -> None:
    _first_signed(data)["needles_removed"] = 3


def _not_reviewed(data: dict[str, Any]) -> None:
    _first_signed(data)["precautions_reviewed"] = False


def _set(field: str, value: Any, where: str = "visit") -> Any:
    def apply(data: dict[str, Any]) -> None:
        node = data["patient"] if where == "patient" else _first_signed(data)
        node[field] = value
    return apply


def _upper_id(data: dict[str, Any]) -> None:
    data["patient"]["id"] = data["patient"]["id"].upper()
    for visit in data["visits"]:
        visit["patient_id"] = data["patient"]["id"]


def _braced_mark_id(data: dict[str, Any]) -> None:
    mark = _first_signed(data)["marks"][0]
    mark["id"] = "{" + mark["id"] + "}"


def _three_number_point(data: dict[str, Any]) -> None:
    zone = next(m for m in _first_signed(data)["marks"] if m["kind"] == "pain_zone")
    zone["points"][0] = [*zone["points"][0], 7.0]


REFUSED = {
    "signed without consent": (_unconsented, r"Visit 1 \(2026-01-05\) of patient ZA-1001 is "
                               "marked signed, but signing it is not allowed: Cannot sign: "
                               "consent for dry needling recorded is not met"),
    "signed with a count that does not reconcile": (_count_off, "needle count reconciled"),
    "signed without a precaution review": (_not_reviewed, "precautions reviewed this visit "
                                                          "is not met"),
    "upper-case uuid": (_upper_id, r"patient\.id: '[0-9A-F-]+' is not a UUID in canonical "
                                   "form"),
    "braced uuid": (_braced_mark_id, r"visits\[1\]\.marks\[1\]\.id: .* canonical form"),
    "unknown pain extent key": (_set("pain_extent", {"moon": 3.0, "total": 3.0}),
                                "pain_extent names 'moon'"),
    "three-number point": (_three_number_point, r"mark 3: Each point of a pain zone's "
                                                r"outline is one \[x, y\] pair"),
    "adverse events null": (_set("adverse_events", None), "adverse_events must be a list"),
    "basic-format date": (_set("consent_date", "20260105"),
                          "consent_date is not an ISO date such as 2026-01-05: '20260105'"),
    "basic-format birth date": (_set("date_of_birth", "19840229", "patient"),
                                "date_of_birth is not an ISO date"),
    "chart number with spaces": (_set("chart_number", " ZA-1001 ", "patient"),
                                 "Patient: chart_number would be stored as 'ZA-1001'"),
    "repeated adverse event": (_set("adverse_events", ["bruising", "bruising"]),
                               "adverse_events would be stored as"),
    "Z offset": (_set("started_at", "2026-01-05T09:00:00Z"), "started_at is not an ISO "
                                                              "date-time"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_what_import_cannot_store_exactly_is_refused(exported, empty_records, name):
    mutate, message = REFUSED[name]
    data = copy.deepcopy(exported)
    mutate(data)
    before = row_counts(empty_records)
    with pytest.raises(ImportRejected, match=message):
        import_patient(empty_records, data)
    assert row_counts(empty_records) == before


def test_a_signed_visit_with_a_written_reason_for_each_unmet_requirement_imports(
        exported, empty_records):
    data = copy.deepcopy(exported)
    _unconsented(data)
    _first_signed(data)["sign_overrides"] = {"consent": "Verbal consent, form signed later."}
    import_patient(empty_records, data)
    visit = empty_records.open_visit(_first_signed(data)["id"])
    assert visit.signed and not visit.consent_obtained
    assert [r.value for r in visit.sign_overrides] == ["consent"]


def test_the_format_document_states_every_limit():
    doc = DOC.read_text(encoding="utf-8")
    table = doc[doc.index("## Limits"):]
    for field, most in FIELD_LIMITS.items():
        row = re.search(rf"^\| `{field}` \|[^\n]*\| {most:,} \|$", table, re.MULTILINE)
        assert row, f"docs/export-format.md does not state the limit of {field} ({most:,})"
    assert "no limit" not in doc.lower()


# A file built from a valid export by changes a person or another program might make:
# some keep it valid, some must be refused. Whatever is accepted must export back equal.
CHANGES = [
    lambda d: None,
    _unconsented, _count_off, _upper_id, _three_number_point,
    _set("adverse_events", None), _set("adverse_events", []),
    _set("consent_date", "20260105"), _set("consent_date", None),
    _set("pain_extent", {"posterior": 1.5, "total": 0.75}),
    _set("pain_extent", {"posterior ": 1.5}),
    _set("subjective", "é" * 100_000), _set("subjective", "x" * 100_001),
    _set("sign_overrides", {"consent": "r" * 2_000}),
    _set("sign_overrides", {"consent": "r" * 2_001}),
    _set("nprs_after", 10), _set("nprs_after", 10.0),
    _set("started_at", "2026-01-05T09:00:00.5+00:00"),
    _set("started_at", "2026-01-05T10:00:00+01:00"),
    _set("notes", "\U0001F600" * 3, "patient"), _set("given_names", "", "patient"),
    _set("chart_number", " ZA-1001", "patient"),
    _set("adverse_events", ["nausea", "bruising"]), _set("adverse_events", ["pain"] * 2),
]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.sampled_from(range(len(CHANGES))), min_size=1, max_size=3))
def test_every_accepted_file_exports_back_equal(exported, tmp_path_factory, picks):
    data = copy.deepcopy(exported)
    for pick in picks:
        CHANGES[pick](data)
    with Records.open(tmp_path_factory.mktemp("import"), user="Importer") as target:
        try:
            patient = import_patient(target, copy.deepcopy(data))
        except ImportRejected:
            assert target.patient_count() == 0
            return
        again = export_patient(target, patient.id)
    assert _as_sets(json.loads(json.dumps(_records_of(again)))) == _as_sets(_records_of(data))


def _as_sets(data: dict[str, Any]) -> dict[str, Any]:
    """Adverse events are a set written as a list: their order carries no information."""
    for visit in data["visits"]:
        visit["adverse_events"] = sorted(visit["adverse_events"])
    return data
