"""Fixtures for storage tests: a data folder and an open Records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap.services.records import Records


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def records(data_dir: Path) -> Iterator[Records]:
    r = Records.open(data_dir, user="Dr. Zoë Ångström")
    yield r
    if not r.closed:
        r.close()
