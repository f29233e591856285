"""Preferences: an unusable settings file or folder never stops the clinical record."""

from __future__ import annotations

from pathlib import Path

from bodymap.settings import Settings


def test_a_settings_folder_that_cannot_be_made_runs_on_defaults(tmp_path: Path):
    (tmp_path / "config").write_text("a file where the settings folder should be")
    settings = Settings(tmp_path / "config" / "bodymap" / "settings.sqlite")
    assert settings.get("backups_keep") == 10
    settings.set("clinic_name", "Harbour Physio")  # kept for the session
    assert settings.get("clinic_name") == "Harbour Physio"
    settings.close()
    assert (tmp_path / "config").read_text().startswith("a file")


def test_a_damaged_settings_file_runs_on_defaults(tmp_path: Path):
    path = tmp_path / "settings.sqlite"
    path.write_bytes(b"not a database" * 100)
    settings = Settings(path)
    assert settings.get("clinician_name") == ""
    settings.close()
    assert path.read_bytes() == b"not a database" * 100
