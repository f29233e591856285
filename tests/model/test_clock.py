"""The stated rule for "in the future" (DOMAIN.md, "Dates"): after today's date in the
workstation's local time zone; checked on either side of local midnight."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bodymap.model import ValidationError
from bodymap.model.clock import FixedClock, is_future_date, local_today, now, use_clock
from tests.model.test_validation import patient


@pytest.mark.parametrize("zone,midnight_utc", [
    ("Pacific/Kiritimati", datetime(2026, 12, 4, 10, 0, tzinfo=UTC)),  # UTC+14
    ("Pacific/Pago_Pago", datetime(2026, 12, 5, 11, 0, tzinfo=UTC)),  # UTC-11
    ("Europe/Berlin", datetime(2026, 12, 4, 23, 0, tzinfo=UTC)),  # UTC+1
])
def test_a_date_is_in_the_future_after_todays_local_date(local_zone, clock, zone,
                                                          midnight_utc):
    """Local midnight into 5 December 2026: one second before it, the 5th is tomorrow; at
    it, the 5th is today and the 6th tomorrow, whatever UTC's date is then."""
    local_zone(zone)
    fifth = date(2026, 12, 5)
    clock.set(midnight_utc - timedelta(seconds=1))
    assert local_today() == date(2026, 12, 4)
    assert is_future_date(fifth)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        patient(date_of_birth=fifth)
    clock.set(midnight_utc)
    assert local_today() == fifth
    assert not is_future_date(fifth) and is_future_date(date(2026, 12, 6))
    assert patient(date_of_birth=fifth).date_of_birth == fifth


def test_the_clock_is_the_one_the_test_installs():
    """Inside use_clock every reading comes from the installed clock, never the wall's."""
    far = datetime(2031, 6, 1, 8, 0, tzinfo=UTC)
    with use_clock(FixedClock(far, step=timedelta(0))):
        assert now() == far and now() == far
    assert now() != far


def test_a_fixed_clock_needs_an_aware_time():
    with pytest.raises(ValueError):
        FixedClock(datetime(2026, 1, 1))
