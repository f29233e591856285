"""JSON export/import: the round trip is exact, and every kind of bad file is refused with
a message naming the problem and nothing written."""

from __future__ import annotations

import copy
import json
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from export_factory import make_patient, row_counts

from bodymap.export.json_export import (
    ImportRejected,
    export_patient,
    import_file,
    import_patient,
    read_export,
    write_export,
)
from bodymap.export.validate import MAX_FILE_BYTES, SCHEMA_VERSION
from bodymap.services.records import Records

_VOLATILE = ("exported_at", "exported_by", "app_version", "audit_anchor")


def _record(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _VOLATILE}


def test_round_trip_into_an_empty_data_dir_is_identical(records: Records,
                                                        empty_records: Records,
                                                        tmp_path: Path):
    patient = make_patient(records, visits=3)
    original = export_patient(records, patient.id)
    assert original["version"] == SCHEMA_VERSION
    assert [v["status"] for v in original["visits"]] == ["signed", "signed", "draft"]
    assert original["visits"][0]["addenda"][0]["text"] == "Phoned next day: headache gone."
    path = tmp_path / "zoe.json"
    write_export(original, path)
    imported = import_file(empty_records, path)
    assert imported.id == patient.id
    again = export_patient(empty_records, patient.id)
    assert _record(again) == _record(original)
    # byte-for-byte in the canonical form, too (floats, unicode, order of marks)
    assert json.dumps(_record(again), ensure_ascii=False) == \
        json.dumps(_record(original), ensure_ascii=False)
    assert empty_records.verify_audit().ok
    actions = {e.action for e in empty_records.audit_trail(patient_id=patient.id)}
    assert actions == {"import"}


def test_imported_signed_visit_stays_signed_and_takes_addenda(records: Records,
                                                              empty_records: Records):
    patient = make_patient(records)
    import_patient(empty_records, export_patient(records, patient.id))
    first = empty_records.list_visits(patient.id)[-1]
    visit = empty_records.open_visit(first.id)
    assert visit.signed and visit.signed_by == "Anna Berg, PT"
    empty_records.add_addendum(visit.id, "After import: checked.")
    assert len(empty_records.open_visit(visit.id).addenda) == 2


def test_existing_patient_refused(records: Records):
    patient = make_patient(records)
    data = export_patient(records, patient.id)
    before = row_counts(records)
    with pytest.raises(ImportRejected, match="already in this database"):
        import_patient(records, data)
    data["patient"]["id"] = "0b7f6a48-5e4c-4d8e-9a57-0d5a0a0e0001"
    for v in data["visits"]:
        v["patient_id"] = data["patient"]["id"]
    with pytest.raises(ImportRejected, match="Chart number ZA-1001 is already used"):
        import_patient(records, data)
    assert row_counts(records) == before


def _mutate(path: str, value: Any) -> Any:
    """A mutation setting data[path] (dotted, list indices as numbers) to value."""
    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if isinstance(node, list) else last] = value
    return apply


def _mutations(*changes: tuple[str, Any]) -> Any:
    """Several _mutate changes applied in order."""
    steps = [_mutate(path, value) for path, value in changes]

    def apply(data: dict[str, Any]) -> None:
        for step in steps:
            step(data)
    return apply


_DELETE = object()


def _dup_visit(data: dict[str, Any]) -> None:
    data["visits"].append(copy.deepcopy(data["visits"][0]))


def _dup_mark(data: dict[str, Any]) -> None:
    marks = data["visits"][1]["marks"]
    marks[1]["id"] = data["visits"][0]["marks"][0]["id"]


def _dangling_zone(data: dict[str, Any]) -> None:
    zone = next(m for m in data["visits"][0]["marks"] if m["kind"] == "pain_zone")
    zone["source_id"] = "0b7f6a48-5e4c-4d8e-9a57-0d5a0a0e0009"


def _addendum_on_draft(data: dict[str, Any]) -> None:
    add = copy.deepcopy(data["visits"][0]["addenda"][0])
    add["visit_id"] = data["visits"][1]["id"]
    add["id"] = "0b7f6a48-5e4c-4d8e-9a57-0d5a0a0e0010"
    data["visits"][1]["addenda"].append(add)


def _at(*when: int) -> str:
    """A UTC moment as messages write it: local time with its offset (model.timetext)."""
    from datetime import datetime

    from bodymap.model.timetext import time_text

    return time_text(datetime(*when, tzinfo=UTC))


BAD_DATA = {
    "wrong version": (_mutate("version", 2), "version 2"),
    "version as text": (_mutate("version", "1"), "whole number"),
    "not an export": (_mutate("format", "something-else"), "not a bodymap patient export"),
    "no patient": (_mutate("patient", _DELETE), "no patient"),
    "unknown top field": (_mutate("extra", 1), "Unknown top-level field 'extra'"),
    "nprs 11": (_mutate("visits.0.nprs_before", 11), "NPRS before treatment must be 0-10"),
    "negative depth": (_mutate("visits.0.marks.1.depth_mm", -3), "Depth"),
    "bad uuid": (_mutate("patient.id", "not-a-uuid"), "not a UUID in canonical form"),
    "future birth": (_mutate("patient.date_of_birth", "2999-01-01"), "future"),
    "bad date": (_mutate("visits.0.started_at", "yesterday"), "ISO date-time"),
    "unknown mark kind": (_mutate("visits.0.marks.0.kind", "laser"), "Unknown mark kind"),
    "unknown view": (_mutate("visits.0.marks.2.view", "moon"), "unknown view 'moon'"),
    "zone of two points": (_mutate("visits.0.marks.2.points", [[1, 2], [3, 4]]),
                           "at least 3 points"),
    "points not numbers": (_mutate("visits.0.marks.2.points", [["a", "b"]] * 3), "number"),
    "signed without signer": (_mutate("visits.0.signed_by", None), "Signed by"),
    "other patient's visit": (_mutate("visits.0.patient_id",
                                      "0b7f6a48-5e4c-4d8e-9a57-0d5a0a0e0002"),
                              "belongs to patient"),
    "duplicate visit id": (_dup_visit, "Duplicate id"),
    "duplicate mark id": (_dup_mark, "Duplicate id"),
    "dangling zone source": (_dangling_zone, "source trigger point"),
    "addendum on a draft": (_addendum_on_draft, "draft but has addenda"),
    "visits not a list": (_mutate("visits", {}), "must be a list"),
    # marks that contradict themselves: the printout would show the wrong side or muscle
    "region left, side right": (_mutate("visits.0.marks.0.side", "R"),
                                "Visit 1 (2026-01-05) of patient ZA-1001: mark 1: Region "
                                "posterior.upper_trapezius.L is on the patient's left, but "
                                "the mark's side is right"),
    "region of another view": (_mutate("visits.0.marks.0.view", "anterior"),
                               "mark 1: Region posterior.upper_trapezius.L is in the "
                               "posterior view, but the mark is on the anterior view"),
    "region of another muscle": (_mutate("visits.0.marks.1.muscle", "infraspinatus"),
                                 "mark 2: Region posterior.upper_trapezius.L is the upper "
                                 "trapezius, but the mark names infraspinatus"),
    "region id malformed": (_mutate("visits.0.marks.0.region_id", "trapezius"),
                            "not a body region"),
    "region not in the atlas": (_mutations(
        ("visits.0.marks.0.region_id", "posterior.upper_trapezius_x.L"),
        ("visits.0.marks.0.muscle", "upper_trapezius_x")),
        "Mark 1 (trigger point) of visit 1 (2026-01-05) of patient ZA-1001 names the region "
        "'posterior.upper_trapezius_x.L', which is not on this version's body diagrams"),
    "muscle not in the atlas": (_mutations(("visits.0.marks.0.region_id", None),
                                           ("visits.0.marks.0.muscle", "musculus_imaginarius")),
                                "names the muscle 'musculus_imaginarius', which this version "
                                "does not know"),
    # positions on no diagram
    "point far outside": (_mutate("visits.0.marks.0.x", -5000),
                          "Mark 1 (trigger point) of visit 1 (2026-01-05) of patient ZA-1001 "
                          "lies outside the Posterior (back) view diagram: the point (-5000, "),
    "zone far outside": (_mutate("visits.0.marks.2.points", [[10, 10], [20, 10], [0, 99999]]),
                         "Mark 3 (pain zone) of visit 1 (2026-01-05) of patient ZA-1001 lies "
                         "outside the Posterior (back) view diagram: the point (0, 99999)"),
    # times out of order
    "signed before it started": (_mutate("visits.0.signed_at", "2026-01-05T08:59:00+00:00"),
                                 "Visit 1 (2026-01-05) of patient ZA-1001: signed "
                                 f"{_at(2026, 1, 5, 8, 59)}, before the visit started "
                                 f"({_at(2026, 1, 5, 9, 0)})"),
    "addendum before the visit": (_mutate("visits.0.addenda.0.created_at",
                                          "2026-01-04T12:00:00+00:00"),
                                  "Visit 1 (2026-01-05) of patient ZA-1001: addendum 1 is "
                                  f"dated {_at(2026, 1, 4, 12, 0)}, before the visit started"),
    "lone surrogate": (_mutate("patient.notes", "\ud800"),
                       "patient.notes: the text contains an invalid character"),
}


@pytest.mark.parametrize("kind", sorted(BAD_DATA))
def test_bad_record_rejected_with_reason_and_nothing_written(records: Records,
                                                            empty_records: Records,
                                                            kind: str):
    make_patient(records)
    data = export_patient(records, records.search_patients("")[0].id)
    mutate, reason = BAD_DATA[kind]
    mutate(data)
    before = row_counts(empty_records)
    with pytest.raises(ImportRejected) as caught:
        import_patient(empty_records, data)
    assert reason in caught.value.message
    assert row_counts(empty_records) == before


BAD_FILES = {
    "malformed": (b'{"format": "bodymap-patient-export", "version": 1,', "not valid JSON"),
    "not utf-8": (b'{"a": "\xff"}', "not UTF-8"),
    "NaN": (b'{"version": NaN}', "NaN"),
    "repeated key": (b'{"version": 1, "version": 1}', "repeats the key 'version'"),
    "a list": (b"[1, 2, 3]", "top level must be an object"),
    "deeply nested": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "huge integer": (b'{"version": ' + b"9" * 5000 + b"}", "cannot represent"),
    "empty": (b"", "not valid JSON"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_rejected(empty_records: Records, tmp_path: Path, kind: str):
    raw, reason = BAD_FILES[kind]
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    before = row_counts(empty_records)
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_records, path)
    assert reason in caught.value.message
    assert row_counts(empty_records) == before


def test_huge_file_refused_before_reading(empty_records: Records, tmp_path: Path):
    path = tmp_path / "huge.json"
    with path.open("wb") as f:  # sparse: no 50 MB actually written
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImportRejected, match="too large"):
        read_export(path)
    assert row_counts(empty_records)["patients"] == 0


def test_zone_drawn_just_past_the_diagram_edge_is_imported(records: Records,
                                                           empty_records: Records):
    """The chart lets a lasso stroke or a drag end a little beyond the diagram; such a
    record is the clinic's own and must move between databases."""
    patient = make_patient(records, visits=1)
    data = export_patient(records, patient.id)
    zone = next(m for m in data["visits"][0]["marks"] if m["kind"] == "pain_zone")
    zone["points"] = [[-25.0, 10.0], [40.0, -30.0], [30.0, 60.0]]  # posterior: 600 × 1040
    import_patient(empty_records, data)
    assert empty_records.open_visit(data["visits"][0]["id"]).mark(zone["id"]).points[0] == \
        (-25.0, 10.0)
