"""The one clock bodymap reads, and the rule for "in the future".

Everything that stamps or judges a time (a record's creation, a visit's start, "a consent date
cannot be in the future", "Saved 14:05 +01:00") asks this module, never ``datetime.now()`` or
``date.today()`` directly, so that a test can put the whole app at a chosen instant
(:func:`use_clock`) and the suite gives the same answer at every hour and in every time zone.

The rule (DOMAIN.md, "Dates"): a date (of birth, of consent, of a visit) is in the future when
it is after today's date in the workstation's local time zone. A point in time is in the
future when its date, in that zone, is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta


class Clock:
    """The workstation's clock: the current instant (aware, UTC) and the local date."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def local_today(self) -> date:
        """Today's date in the workstation's local time zone (the TZ of the process)."""
        return self.now().astimezone().date()


class FixedClock(Clock):
    """A clock for tests: it starts at ``start`` and moves only by ``step`` on each reading
    (a small step keeps records created one after another in order) or by :meth:`advance`."""

    def __init__(self, start: datetime, step: timedelta = timedelta(microseconds=1)) -> None:
        if start.tzinfo is None or start.utcoffset() is None:
            raise ValueError("a FixedClock needs an aware start time")
        self._at = start.astimezone(UTC)
        self._step = step

    def now(self) -> datetime:
        at = self._at
        self._at += self._step
        return at

    def peek(self) -> datetime:
        """The instant the next reading returns, without moving the clock."""
        return self._at

    def advance(self, delta: timedelta) -> None:
        self._at += delta

    def set(self, at: datetime) -> None:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError("the clock needs an aware time")
        self._at = at.astimezone(UTC)


_clock: Clock = Clock()


def current_clock() -> Clock:
    return _clock


@contextmanager
def use_clock(clock: Clock) -> Iterator[Clock]:
    """Within this block every reading of the time in bodymap comes from ``clock``."""
    global _clock
    previous, _clock = _clock, clock
    try:
        yield clock
    finally:
        _clock = previous


def now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return _clock.now()


def local_now() -> datetime:
    """The current instant in the workstation's local time zone."""
    return _clock.now().astimezone()


def local_today() -> date:
    """Today's date in the workstation's local time zone."""
    return _clock.local_today()


def is_future_date(value: date) -> bool:
    """True when ``value`` is after today's date in the workstation's local time zone."""
    return value > local_today()


def is_future_instant(value: datetime) -> bool:
    """True when the local date of ``value`` is after today's local date (a visit started
    later today is not refused: the clocks of two workstations may differ by minutes)."""
    return value.astimezone().date() > local_today()
