"""Fixtures for review UI tests: a realistic course of treatment in a real database."""

from __future__ import annotations

import pytest
from review_factory import Course, make_course

from bodymap.services.records import Records


@pytest.fixture
def course(records: Records) -> Course:
    return make_course(records)
