"""Plain-dict (JSON-ready) forms of the model, for storage, audit entries and export.

The dict forms use only str/int/float/bool/None/list/dict; dates are ISO 8601 text.
``*_from_dict`` re-validates everything, so a tampered or hand-written record is rejected
with the model's own message.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date, datetime
from enum import Enum
from typing import Any, cast

from bodymap.model._validate import stored_records
from bodymap.model.errors import ValidationError
from bodymap.model.marks import MARK_TYPES, EStim, Mark, NeedleSite, PainZone
from bodymap.model.patient import Patient
from bodymap.model.visit import Addendum, Visit

_DATETIME_FIELDS = {"created_at", "updated_at", "started_at", "signed_at"}
_DATE_FIELDS = {"date_of_birth", "consent_date"}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def mark_to_dict(mark: Mark) -> dict[str, Any]:
    d = cast(dict[str, Any], _plain(mark))
    d["kind"] = mark.kind
    return d


def patient_to_dict(patient: Patient) -> dict[str, Any]:
    return cast(dict[str, Any], _plain(patient))


def addendum_to_dict(addendum: Addendum) -> dict[str, Any]:
    return cast(dict[str, Any], _plain(addendum))


def visit_to_dict(visit: Visit, *, with_marks: bool = True) -> dict[str, Any]:
    # Field by field, not through a re-validated copy: a stored visit over today's limits
    # (``read_problems``) still exports as it is.
    d = {f.name: _plain(getattr(visit, f.name)) for f in dataclasses.fields(visit)}
    d["marks"] = [mark_to_dict(m) for m in visit.marks] if with_marks else []
    if not with_marks:
        del d["marks"]
    return d


def _parse_times(d: dict[str, Any], where: str) -> dict[str, Any]:
    out = dict(d)
    for k in _DATETIME_FIELDS & out.keys():
        if out[k] is not None:
            out[k] = _exact(datetime, k, out[k], where, "an ISO date-time such as "
                                                       "2026-01-05T09:00:00+01:00")
    for k in _DATE_FIELDS & out.keys():
        if out[k] is not None:
            out[k] = _exact(date, k, out[k], where, "an ISO date such as 2026-01-05")
    return out


def _exact(kind: type[date], field: str, text: Any, where: str, form: str) -> date:
    """``text`` parsed as a date (or date-time) only when it is exactly the ISO form
    bodymap writes: Python's parser also reads "20260105" or a "Z" offset, which would
    be stored as another text than the record says."""
    try:
        value = kind.fromisoformat(text)
    except (TypeError, ValueError):
        value = None
    if value is None or value.isoformat() != text:
        raise ValidationError(field, f"{where}: {field} is not {form}: {text!r}")
    return value


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _construct(cls: type, d: dict[str, Any], where: str) -> Any:
    if not isinstance(d, dict):
        raise ValidationError(where, f"{where} must be an object")
    names = _field_names(cls)
    unknown = set(d) - names
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"{where}: unknown field "
                                                  f"{sorted(unknown)[0]!r}")
    try:
        return cls(**d)
    except TypeError as exc:  # a required field missing
        raise ValidationError(where, f"{where}: {exc}") from None


def mark_from_dict(d: dict[str, Any]) -> Mark:
    if not isinstance(d, dict):
        raise ValidationError("marks", "A mark must be an object")
    d = dict(d)
    kind = d.pop("kind", None)
    cls = MARK_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValidationError("kind", f"Unknown mark kind {kind!r}")
    d = _parse_times(d, "mark")
    if cls is NeedleSite and d.get("estim") is not None:
        d["estim"] = _construct(EStim, d["estim"], "e-stim")
    if cls is PainZone and "points" in d:
        pts = d["points"]
        if not isinstance(pts, list):
            raise ValidationError("points", "A pain zone's points must be a list")
        d["points"] = tuple(tuple(p) if isinstance(p, list) else p for p in pts)
    return cast(Mark, _construct(cls, d, cls.kind.replace("_", " ")))


def _marks_from_list(marks: list[Any]) -> list[Mark]:
    """Marks in drawing order; a refusal names the mark by its number ("mark 3: ..."),
    which is how the printed marks table numbers it."""
    out = []
    for number, d in enumerate(marks, start=1):
        try:
            out.append(mark_from_dict(d))
        except ValidationError as exc:
            raise ValidationError(exc.field, f"mark {number}: {exc.message}") from None
    return out


def patient_from_dict(d: dict[str, Any], *, stored: bool = False) -> Patient:
    """A Patient from its dict form. ``stored=True`` for records read back from storage:
    they were validated when written, so a date in the future (a fast clock) is kept."""
    if stored:
        with stored_records():
            return patient_from_dict(d)
    return cast(Patient, _construct(Patient, _parse_times(d, "patient"), "patient"))


def addendum_from_dict(d: dict[str, Any]) -> Addendum:
    return cast(Addendum, _construct(Addendum, _parse_times(d, "addendum"), "addendum"))


def visit_from_dict(d: dict[str, Any], *, stored: bool = False) -> Visit:
    """A Visit (with marks and addenda) from its dict form; ``stored`` as for patients,
    and a stored text longer than today's limit is kept and named in ``read_problems``."""
    if stored:
        with stored_records() as problems:
            visit = visit_from_dict(d)
        object.__setattr__(visit, "read_problems", tuple(problems))
        return visit
    if not isinstance(d, dict):
        raise ValidationError("visit", "A visit must be an object")
    d = _parse_times(d, "visit")
    marks = d.pop("marks", [])
    addenda = d.pop("addenda", [])
    if not isinstance(marks, list) or not isinstance(addenda, list):
        raise ValidationError("visit", "A visit's marks and addenda must be lists")
    d["marks"] = _marks_from_list(marks)
    d["addenda"] = [addendum_from_dict(a) for a in addenda]
    if "adverse_events" in d:
        events = d["adverse_events"]
        if not isinstance(events, (list, tuple, set, frozenset)):
            raise ValidationError("adverse_events", "visit: adverse_events must be a list "
                                                    f"(empty for none), not {events!r}")
        d["adverse_events"] = frozenset(events)
    return cast(Visit, _construct(Visit, d, "visit"))
