"""Fixtures for print tests: a Qt application, records, and poppler's readers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))

from bodymap.services.records import Records


@pytest.fixture(scope="session")
def gui_app(qapp: object) -> object:
    """Drawing needs a Q(Gui)Application; pytest-qt's QApplication serves widgets too."""
    return qapp


@pytest.fixture
def records(tmp_path: Path) -> Iterator[Records]:
    r = Records.open(tmp_path / "data", user="Anna Berg, PT")
    yield r
    if not r.closed:
        r.close()
