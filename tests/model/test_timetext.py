"""One way to write a moment for people: local time with its offset from UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bodymap.model.timetext import clock_text, date_text, time_text, zone_text

WINTER = datetime(2026, 1, 5, 9, 0, 30, tzinfo=UTC)
SUMMER = datetime(2026, 7, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("zone", "moment", "text"), [
    ("Europe/Paris", WINTER, "2026-01-05 10:00 +01:00"),
    ("Europe/Paris", SUMMER, "2026-07-05 11:00 +02:00"),
    ("America/New_York", WINTER, "2026-01-05 04:00 \u221205:00"),
    ("Asia/Kolkata", WINTER, "2026-01-05 14:30 +05:30"),
    ("America/St_Johns", SUMMER, "2026-07-05 06:30 \u221202:30"),
    ("UTC", WINTER, "2026-01-05 09:00 +00:00"),
    ("Pacific/Kiritimati", WINTER, "2026-01-05 23:00 +14:00"),
])
def test_time_text_is_local_with_its_offset(zone, moment, text):
    assert time_text(moment, zone=ZoneInfo(zone)) == text


def test_a_moment_stored_in_another_zone_is_shown_in_the_local_one():
    charted_in_delhi = WINTER.astimezone(ZoneInfo("Asia/Kolkata"))
    assert time_text(charted_in_delhi, zone=ZoneInfo("Europe/Paris")) == \
        "2026-01-05 10:00 +01:00"


def test_seconds_clock_and_zone_heading():
    paris = ZoneInfo("Europe/Paris")
    assert time_text(WINTER, seconds=True, zone=paris) == "2026-01-05 10:00:30 +01:00"
    assert clock_text(WINTER, zone=paris) == "10:00:30 +01:00"
    assert zone_text(WINTER, ZoneInfo("America/Bogota")) == "UTC\u221205:00"


def test_the_workstation_zone_is_the_default(local_zone):
    local_zone("America/Bogota")
    assert time_text(WINTER) == "2026-01-05 04:00 \u221205:00"
    local_zone("Asia/Kolkata")
    assert time_text(WINTER) == "2026-01-05 14:30 +05:30"


def test_a_moment_without_a_zone_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        time_text(datetime(2026, 1, 5, 9, 0))


def test_date_text_is_the_local_day():
    evening_west = datetime(2026, 1, 6, 3, 30, tzinfo=UTC)
    assert date_text(evening_west, zone=ZoneInfo("America/Bogota")) == "2026-01-05"
    assert date_text(evening_west, zone=ZoneInfo("Asia/Tokyo")) == "2026-01-06"


def test_messages_about_a_signed_visit_speak_local_time(local_zone):
    """The refusal to change a signed visit names its signature time as the screen does."""
    from bodymap.model import NeedleSite, SignedVisitError, Visit, add_mark, sign_visit

    local_zone("Asia/Kolkata")
    visit = Visit(patient_id="00000000-0000-4000-8000-000000000001", clinician="PT",
                  started_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
                  consent_obtained=True, precautions_reviewed=True, subjective="Neck.",
                  needles_used=0, needles_removed=0)
    sign_visit(visit, "PT", at=datetime(2026, 1, 5, 9, 30, tzinfo=UTC))
    with pytest.raises(SignedVisitError, match="on 2026-01-05 15:00 \\+05:30 and cannot"):
        add_mark(visit, NeedleSite(view="posterior", x=1, y=1))
