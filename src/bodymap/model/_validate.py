"""Small validators shared by the model's dataclasses (internal)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from bodymap.model import clock
from bodymap.model.errors import ValidationError
from bodymap.model.limits import MAX_TEXT

COORD_LIMIT = 100_000.0  # diagram units; far outside any view, still catches garbage


# "Not in the future" guards what a person types now. A record already stored was checked
# when it was written; re-checking it on load would lock a clinic out of a visit written on
# a workstation whose clock ran fast. The same holds for rules added after records were
# written (a mark's region agreeing with its side): a record stored before the rule must
# still open. Storage loads inside stored_records().
_CHECK_NEW: ContextVar[bool] = ContextVar("check_new_records", default=True)
# What a stored record breaks of today's rules (a text longer than today's limit): reading
# never refuses a stored record, so these are collected, and the record opens read-only
# with a warning naming each field.
_PROBLEMS: ContextVar[list[str] | None] = ContextVar("stored_record_problems", default=None)


@contextmanager
def stored_records() -> Iterator[list[str]]:
    """Within this block, dates are not refused for lying in the future, the rules only
    new records must meet (:func:`checking_new_records`) are not applied, and a text over
    its limit is kept; the block's value lists those texts, one message per field."""
    problems: list[str] = []
    token = _CHECK_NEW.set(False)
    problems_token = _PROBLEMS.set(problems)
    try:
        yield problems
    finally:
        _PROBLEMS.reset(problems_token)
        _CHECK_NEW.reset(token)


def checking_new_records() -> bool:
    """False while records already stored are being read back (stored_records())."""
    return _CHECK_NEW.get()


def new_id() -> str:
    """A stable random id (UUID4, canonical text form)."""
    import uuid  # here, not at the top: it costs start-up 3 ms and start-up makes no ids

    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Current time, timezone-aware UTC, from bodymap's clock (:mod:`bodymap.model.clock`)."""
    return clock.now()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_canonical_id(value: str) -> bool:
    """The UUID text form bodymap writes (lower-case 8-4-4-4-12 hex)."""
    return _CANONICAL_UUID.fullmatch(value) is not None


def check_id(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, f"{field} must be a UUID string")
    if _CANONICAL_UUID.fullmatch(value):  # the form we write: no need to re-parse
        return value
    import uuid

    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValidationError(field, f"{field} is not a valid UUID: {value!r}") from None


def check_text(field: str, value: object, *, limit: int = MAX_TEXT, required: bool = False,
               label: str | None = None) -> str:
    label = label or field
    if value is None and required:
        raise ValidationError(field, f"{label} is required")
    if not isinstance(value, str):
        raise ValidationError(field, f"{label} must be text")
    if "\x00" in value:
        raise ValidationError(field, f"{label} contains a NUL character")
    surrogate = _LONE_SURROGATE.search(value)
    if surrogate is not None:
        raise ValidationError(field, f"{label} contains an invalid character (a lone "
                                     f"UTF-16 surrogate at position {surrogate.start() + 1}); "
                                     "retype or paste the text again")
    if len(value) > limit:
        message = (f"{label} is too long ({len(value):,} characters; the limit is "
                   f"{limit:,})")
        problems = _PROBLEMS.get()
        if problems is None:
            raise ValidationError(field, message)
        problems.append(message)
    if required and not value.strip():
        raise ValidationError(field, f"{label} is required")
    return value


def check_int(field: str, value: object, lo: int, hi: int, *, label: str | None = None,
              optional: bool = True) -> int | None:
    label = label or field
    if value is None:
        if optional:
            return None
        raise ValidationError(field, f"{label} is required")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"{label} must be a whole number, {lo}-{hi} "
                                     f"(got {value!r})")
    if not lo <= value <= hi:
        raise ValidationError(field, f"{label} must be {lo}-{hi} (got {value})")
    return value


def check_float(field: str, value: object, lo: float, hi: float, *, label: str | None = None,
                optional: bool = True, lo_open: bool = False) -> float | None:
    label = label or field
    if value is None:
        if optional:
            return None
        raise ValidationError(field, f"{label} is required")
    bound = f"more than {lo:g}" if lo_open else f"at least {lo:g}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(field, f"{label} must be a number, {bound} and at most {hi:g} "
                                     f"(got {value!r})")
    v = float(value)
    if not math.isfinite(v):
        raise ValidationError(field, f"{label} must be a finite number, {bound} and at most "
                                     f"{hi:g} (got {value!r})")
    too_low = v <= lo if lo_open else v < lo
    if too_low or v > hi:
        raise ValidationError(field, f"{label} must be {bound} and at most {hi:g} (got {v:g})")
    return v


def check_coord(field: str, value: object) -> float:
    v = check_float(field, value, -COORD_LIMIT, COORD_LIMIT, optional=False)
    assert v is not None
    return v


def check_aware(field: str, value: object, *, label: str | None = None,
                optional: bool = False, not_future: bool = True) -> datetime | None:
    label = label or field
    if value is None:
        if optional:
            return None
        raise ValidationError(field, f"{label} is required")
    if not isinstance(value, datetime):
        raise ValidationError(field, f"{label} must be a date and time")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, f"{label} must carry a time zone")
    if not_future and _CHECK_NEW.get() and clock.is_future_instant(value):
        raise ValidationError(field, f"{label} is in the future ({value.isoformat()}; "
                                     f"today is {clock.local_today().isoformat()})")
    if value.year < 1900:
        raise ValidationError(field, f"{label} is before 1900 ({value.isoformat()})")
    return value


def check_date(field: str, value: object, *, label: str | None = None,
               optional: bool = True, not_future: bool = True) -> date | None:
    label = label or field
    if value is None:
        if optional:
            return None
        raise ValidationError(field, f"{label} is required")
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, f"{label} must be a date")
    if not_future and _CHECK_NEW.get() and clock.is_future_date(value):
        raise ValidationError(field, f"{label} cannot be in the future ({value.isoformat()}; "
                                     f"today is {clock.local_today().isoformat()})")
    if value.year < 1900:
        raise ValidationError(field, f"{label} is before 1900 ({value.isoformat()})")
    return value


