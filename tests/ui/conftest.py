"""Fixtures for widget tests: a real Records on a temporary data dir, isolated preferences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap.services.records import Records
from bodymap.settings import Settings


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep preferences, logs and QSettings of tests out of the user's real folders."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def records(tmp_path: Path) -> Iterator[Records]:
    r = Records.open(tmp_path / "data", user="Test Clinician, PT")
    yield r
    r.close()


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    s = Settings(tmp_path / "settings.sqlite")
    s.set("clinician_name", "Ana Ruiz")
    s.set("clinician_credentials", "PT, DPT")
    yield s
    s.close()


def answer_profile_prompt(monkeypatch, name: str | None) -> list[str]:
    """Answer "Who is charting?" with Yes and fill Preferences with ``name`` (None:
    close Preferences without a name). Returns the prompts' texts as they are asked."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from bodymap.ui.preferences import PreferencesDialog

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(f"{a[1]} {a[2]}")
                        or QMessageBox.StandardButton.Yes)

    def fill(dialog: PreferencesDialog) -> int:
        if name is None:
            return QDialog.DialogCode.Rejected
        dialog.name.setText(name)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", fill)
    return asked

