"""Fixtures for export/import tests: an open Records and an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap.services.records import Records


@pytest.fixture
def records(tmp_path: Path) -> Iterator[Records]:
    r = Records.open(tmp_path / "data", user="Anna Berg, PT")
    yield r
    if not r.closed:
        r.close()


@pytest.fixture
def empty_records(tmp_path: Path) -> Iterator[Records]:
    r = Records.open(tmp_path / "empty", user="Importer")
    yield r
    if not r.closed:
        r.close()
