"""How a moment is written for people, on screen and on paper: the workstation's local time
with its offset from UTC, e.g. "2026-12-04 14:05 +01:00".

Moments are stored in UTC; a clinician reads them in local time, and the offset says which
local time, so a record charted in winter and printed in summer (or on a laptop in another
zone) stays unambiguous. Every window, list and printout writes times through this module.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

MINUS = "\u2212"  # a true minus sign: the same width as "+", not a hyphen
# As wide as any time_text (digits share one width in the fonts used): for sizing columns.
SAMPLE_TIME_TEXT = f"2026-12-04 14:05 {MINUS}10:00"


def utc_offset_text(moment: datetime) -> str:
    """The moment's offset from UTC as "+01:00", "−05:00" or "+00:00" (aware moments only)."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a moment without a time zone has no UTC offset")
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else MINUS
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_moment(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` (aware) in ``zone``, by default the workstation's local time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a stored moment must carry its time zone")
    return moment.astimezone(zone)


def time_text(moment: datetime, *, seconds: bool = False, zone: tzinfo | None = None) -> str:
    """Date, time and UTC offset in local time: "2026-12-04 14:05 +01:00"."""
    local = local_moment(moment, zone)
    clock = f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"
    return f"{local:%Y-%m-%d} {clock} {utc_offset_text(local)}"


def date_text(moment: datetime, *, zone: tzinfo | None = None) -> str:
    """The local date of the moment, "2026-12-04" (the day the clinician lived it, not the
    UTC day, which differs in the evening west of Greenwich and the morning east of it)."""
    return f"{local_moment(moment, zone):%Y-%m-%d}"


def clock_text(moment: datetime, *, zone: tzinfo | None = None) -> str:
    """Time of day (with seconds) and UTC offset in local time: "14:05:09 +01:00"."""
    local = local_moment(moment, zone)
    return f"{local:%H:%M:%S} {utc_offset_text(local)}"


def zone_text(moment: datetime, zone: tzinfo | None = None) -> str:
    """The local zone at that moment as "UTC+01:00" / "UTC−05:00", for column headings."""
    return f"UTC{utc_offset_text(local_moment(moment, zone))}"
