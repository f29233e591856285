"""Pure validation of a patient export (docs/export-format.md) before anything is written.

Every field goes through the model's own validators (model/codec.py), then the checks the
model cannot make alone: the format and version, ids unique across the whole file,
references between patient, visits, marks and addenda, views the atlas knows, positions
on their view's diagram, and times in order (no signature or addendum before the visit
started). The first problem found is raised as :class:`ImportRejected` with a message
naming it: the patient's chart number, the visit (its number in the file and its date)
and the mark (its number in the visit, as the printed marks table numbers it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bodymap.atlas import Atlas, UnknownAtlasVersion, View, visit_atlas
from bodymap.model import (
    Mark,
    PainZone,
    Patient,
    PointMark,
    TriggerPoint,
    ValidationError,
    Visit,
    check_signable,
)
from bodymap.model._validate import is_canonical_id
from bodymap.model.codec import (
    mark_to_dict,
    patient_from_dict,
    patient_to_dict,
    visit_from_dict,
    visit_to_dict,
)
from bodymap.model.safety import check_estim
from bodymap.services.chart_checks import over_hazard, over_thorax

FORMAT = "bodymap-patient-export"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024  # a patient's whole record is kilobytes; 50 MB is garbage
MAX_VISITS = 10_000
MAX_MARKS = 2_000  # per visit
MAX_ADDENDA = 1_000  # per visit
# A lasso or brush stroke, or a drag, may end a little past the diagram's edge; a position
# further out than this share of the diagram's width or height is on no diagram at all.
EDGE_MARGIN = 0.10
ID_FIELDS = {"id", "patient_id", "visit_id", "source_id"}
TOP_LEVEL = {"format", "version", "exported_at", "exported_by", "app_version",
             "audit_anchor", "patient", "visits"}


class ImportRejected(ValueError):
    """An export file that cannot be imported; ``message`` says why, for the person
    importing it. Nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PatientRecord:
    """A validated patient with their visits (marks and addenda inside), oldest first."""

    patient: Patient
    visits: list[Visit]


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ImportRejected(f"The file repeats the key {key!r} inside one object; "
                                 "it is ambiguous which value is meant")
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    raise ImportRejected(f"The file contains {name}, which is not a number JSON allows")


def parse_export(raw: bytes) -> Any:
    """The JSON value of an export file's bytes: UTF-8, strict JSON (no NaN/Infinity, no
    repeated keys), at most MAX_FILE_BYTES."""
    if len(raw) > MAX_FILE_BYTES:
        raise ImportRejected(f"The file is too large ({len(raw) / 1e6:,.1f} MB; the limit is "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MB)")
    try:
        text = raw.decode("utf-8-sig")  # tolerate a BOM some editors add
    except UnicodeDecodeError as exc:
        raise ImportRejected(f"The file is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ImportRejected(f"The file is not valid JSON: {exc.msg} at line {exc.lineno}, "
                             f"column {exc.colno}") from None
    except RecursionError:
        raise ImportRejected("The file is nested too deeply to be an export") from None
    except ValueError as exc:  # e.g. an integer literal thousands of digits long
        raise ImportRejected(f"The file holds a value JSON cannot represent here ({exc})") \
            from None


def _check_text_encodable(value: Any, where: str = "", depth: int = 0) -> None:
    """Every string must be storable as UTF-8: JSON can spell a lone surrogate
    (\\ud800), which no database or PDF can hold; and every id must be in the canonical
    form bodymap stores, or the stored record would differ from the file. A refusal names
    the field by its path in the file, e.g. ``visits[2].subjective``."""
    if depth > 50:
        raise ImportRejected("The file is nested too deeply to be an export")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ImportRejected(f"{where or 'The file'}: the text contains an invalid "
                                 f"character (a lone UTF-16 surrogate at position "
                                 f"{exc.start + 1}), so it cannot be stored") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            _check_text_encodable(key, f"a field name in {where or 'the file'}", depth + 1)
            _require(key not in ID_FIELDS or not isinstance(item, str) or is_canonical_id(item),
                     f"{path}: {item!r} is not a UUID in canonical form (lower-case, "
                     "8-4-4-4-12 hexadecimal digits); bodymap stores ids exactly as written")
            _check_text_encodable(item, path, depth + 1)
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            _check_text_encodable(item, f"{where}[{number}]", depth + 1)


def _require(cond: bool, message: str) -> None:
    if not cond:
        raise ImportRejected(message)


def _check_header(data: Any) -> None:
    _require(isinstance(data, dict), "The file does not hold a bodymap export (the top "
                                     "level must be an object)")
    _require(data.get("format") == FORMAT, f"The file is not a bodymap patient export "
                                           f"(format {data.get('format')!r})")
    version = data.get("version")
    _require(isinstance(version, int) and not isinstance(version, bool),
             f"The export's version must be a whole number (got {version!r})")
    _require(version == SCHEMA_VERSION, f"The export has version {version}; this bodymap "
                                        f"reads version {SCHEMA_VERSION}"
             + (" (update bodymap to import it)" if version > SCHEMA_VERSION else ""))
    unknown = sorted(set(data) - TOP_LEVEL)
    _require(not unknown, f"Unknown top-level field {unknown[0]!r}" if unknown else "")
    for key in ("exported_at", "exported_by", "app_version", "audit_anchor"):
        _require(isinstance(data.get(key, ""), str), f"{key} must be text")
    _require(isinstance(data.get("patient"), dict), "The export has no patient object")
    _require(isinstance(data.get("visits"), list), "The export's visits must be a list")
    _require(len(data["visits"]) <= MAX_VISITS,
             f"The export has {len(data['visits']):,} visits (the limit is {MAX_VISITS:,})")


def _model(what: str, build: Any, d: Any) -> Any:
    try:
        return build(d)
    except ValidationError as exc:
        raise ImportRejected(f"{what}: {exc.message}") from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        # A value of the wrong JSON type deep inside (e.g. a list where a number belongs)
        # can surface as a plain TypeError from a validator; it is still a bad file.
        raise ImportRejected(f"{what}: malformed value ({exc})") from None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _visit_label(number: int, raw: Any, patient: Patient) -> str:
    """Which record a message is about, e.g. "visit 2 (2026-01-12) of patient ZA-1001".
    The date is read from the raw value, so it can name a visit the model then refuses."""
    started = raw.get("started_at") if isinstance(raw, dict) else None
    day = f" ({started[:10]})" if isinstance(started, str) and started[:10].strip() else ""
    return f"visit {number}{day} of patient {patient.chart_number}"


def _mark_label(number: int, mark: Mark, where: str) -> str:
    return f"Mark {number} ({mark.kind.replace('_', ' ')}) of {where}"


def _off_the_diagram(mark: Mark, view: View) -> tuple[float, float] | None:
    """The first of the mark's points that lies beyond its view's diagram (and margin)."""
    if isinstance(mark, PointMark):
        points: tuple[tuple[float, float], ...] = ((mark.x, mark.y),)
    elif isinstance(mark, PainZone):
        points = mark.points
    else:  # pragma: no cover - every mark kind is a point or a zone
        return None
    mx, my = view.width * EDGE_MARGIN, view.height * EDGE_MARGIN
    for x, y in points:
        if not (-mx <= x <= view.width + mx and -my <= y <= view.height + my):
            return (x, y)
    return None


def _known(lookup: Callable[[str], object], key: str) -> bool:
    try:
        lookup(key)
    except KeyError:
        return False
    return True


def _check_anatomy(mark: Mark, label: str, atlas: Atlas) -> None:
    """The region and muscle a mark names must be ones this atlas draws: the chart, the
    print and the searches name them, and an unknown one would show as a bare id."""
    if mark.region_id is not None and not _known(atlas.region, mark.region_id):
        raise ImportRejected(f"{label} names the region {mark.region_id!r}, which is not on "
                             "this version's body diagrams")
    if mark.muscle is not None and not _known(atlas.muscle, mark.muscle):
        raise ImportRejected(f"{label} names the muscle {mark.muscle!r}, which this version "
                             "does not know")


def _check_visit(visit: Visit, where: str, patient: Patient, atlas: Atlas,
                 ids: dict[str, str]) -> None:
    _require(visit.patient_id == patient.id, f"{_cap(where)} belongs to patient "
                                             f"{visit.patient_id}, not to {patient.id}")
    _require(len(visit.marks) <= MAX_MARKS, f"{_cap(where)} has {len(visit.marks):,} marks "
                                            f"(the limit is {MAX_MARKS:,})")
    _require(len(visit.addenda) <= MAX_ADDENDA, f"{_cap(where)} has too many addenda")
    _require(visit.signed or not visit.addenda, f"{_cap(where)} is a draft but has addenda "
                                                "(addenda belong to signed visits)")
    try:
        visit.check_time_order()
    except ValidationError as exc:
        raise ImportRejected(f"{_cap(where)}: {exc.message}") from None
    try:  # never overridable, signed or draft
        check_estim(patient, visit.marks)
    except ValidationError as exc:
        raise ImportRejected(f"{_cap(where)}: {exc.message}") from None
    if visit.signed:  # exactly what signing would have required
        try:
            check_signable(visit, visit.sign_overrides, over_hazard(atlas), over_thorax(atlas))
        except ValidationError as exc:
            try:  # signed before hazards were judged by location: as its muscles were then
                check_signable(visit, visit.sign_overrides, over_hazard(atlas, by_muscle=True),
                               over_thorax(atlas, by_muscle=True))
            except ValidationError:
                raise ImportRejected(f"{_cap(where)} is marked signed, but signing it is not "
                                     f"allowed: {exc.message}") from None
    entities = [(visit.id, _cap(where))]
    entities += [(m.id, f"mark {i + 1} of {where}") for i, m in enumerate(visit.marks)]
    entities += [(a.id, f"addendum {i + 1} of {where}") for i, a in enumerate(visit.addenda)]
    for entity_id, label in entities:
        _require(entity_id not in ids, f"Duplicate id {entity_id}: {label} and "
                                       f"{ids.get(entity_id)}")
        ids[entity_id] = label
    known_views = {v.id for v in atlas.views}
    for key in visit.pain_extent:
        _require(key in known_views or key == "total",
                 f"{_cap(where)}: pain_extent names {key!r}, which is neither a view of this "
                 "version's diagrams nor \"total\"")
    trigger_points = {m.id for m in visit.marks if isinstance(m, TriggerPoint)}
    for i, mark in enumerate(visit.marks):
        _require(mark.view in known_views, f"Mark {i + 1} of {where} is on an "
                                           f"unknown view {mark.view!r}")
        view = atlas.view(mark.view)
        _check_anatomy(mark, _mark_label(i + 1, mark, where), atlas)
        off = _off_the_diagram(mark, view)
        if off is not None:
            raise ImportRejected(
                f"{_mark_label(i + 1, mark, where)} lies outside the {view.title} diagram: "
                f"the point ({off[0]:g}, {off[1]:g}) is beyond its {view.width:g} × "
                f"{view.height:g} units, so it would be drawn nowhere on the chart")
        if isinstance(mark, PainZone) and mark.source_id is not None:
            _require(mark.source_id in trigger_points,
                     f"Pain zone (mark {i + 1}) of {where} names a source trigger "
                     f"point {mark.source_id} that is not in that visit")


# Sets written as lists: their order carries no information, so it is not compared.
_UNORDERED = {"adverse_events"}


def _stored_as_written(raw: dict[str, Any], stored: dict[str, Any], what: str) -> None:
    """Refuse a record the model would store differently from the file (a chart number
    with spaces around it, a repeated adverse event): stored must be exactly what it says."""
    for key, value in raw.items():
        if key in ("marks", "addenda"):
            continue
        mine = stored.get(key)
        if key in _UNORDERED and isinstance(value, list):
            value, mine = sorted(map(str, value)), sorted(map(str, mine or []))
        _require(value == mine, f"{what}: {key} would be stored as {mine!r}, not as the file "
                                f"writes it ({value!r}); correct the file")


def _check_as_written(raw: Any, visit: Visit, where: str) -> None:
    _stored_as_written(raw, visit_to_dict(visit, with_marks=False), _cap(where))
    for number, (raw_mark, mark) in enumerate(zip(raw.get("marks", []), visit.marks), 1):
        _stored_as_written(raw_mark, mark_to_dict(mark), f"Mark {number} of {where}")


def validate_export(data: Any) -> PatientRecord:
    """A validated :class:`PatientRecord` from a parsed export, or ImportRejected naming
    the first problem. Writes nothing."""
    _check_text_encodable(data)
    _check_header(data)
    patient = _model("Patient", patient_from_dict, data["patient"])
    _stored_as_written(data["patient"], patient_to_dict(patient), "Patient")
    ids: dict[str, str] = {patient.id: "the patient"}
    visits = []
    for n, raw in enumerate(data["visits"], start=1):
        where = _visit_label(n, raw, patient)
        visit = _model(_cap(where), visit_from_dict, raw)
        try:  # each visit is checked against the anatomy it was charted on
            atlas = visit_atlas(visit)
        except UnknownAtlasVersion as exc:
            raise ImportRejected(exc.charted(_cap(where))) from None
        _check_visit(visit, where, patient, atlas, ids)
        _check_as_written(raw, visit, where)
        visits.append(visit)
    return PatientRecord(patient, visits)
