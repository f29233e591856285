"""A file whose schema is not bodymap's is refused by open and restore, naming the
difference, and reported by verify: a dropped trigger lifts the immutability of signed
visits, an added one can rewrite what is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from storage_helpers import file_state, make_database
from verify_helpers import run_cli, tamper

from bodymap.services.records import Records
from bodymap.storage import (
    AlteredSchemaError,
    BackupError,
    CorruptDatabaseError,
    regular_backups,
    restore_backup,
)

DROP = "DROP TRIGGER visits_signed_no_update"
ADD = ("CREATE TRIGGER rewrite_notes AFTER INSERT ON patients BEGIN UPDATE patients SET "
       "data = json_set(data, '$.notes', 'rewritten') WHERE id = NEW.id; END")
ALTER = ("DROP INDEX marks_visit", "CREATE INDEX marks_visit ON marks (visit_id)")

CRAFTED = {
    "immutability trigger dropped": ((DROP,), "trigger visits_signed_no_update is missing"),
    "trigger added": ((ADD,), "trigger rewrite_notes was added"),
    "index altered": (ALTER, "index marks_visit differs from bodymap's definition"),
}


@pytest.mark.parametrize("craft", list(CRAFTED))
def test_restore_refuses_a_crafted_backup_naming_the_difference(data_dir: Path,
                                                                 tmp_path: Path, craft: str):
    db = make_database(data_dir)
    with Records.open(data_dir, user="x") as records:
        backup = records.backup_now()
    statements, named = CRAFTED[craft]
    tamper(backup, *statements)
    before = file_state(db)
    with pytest.raises(BackupError, match=named):
        restore_backup(backup, data_dir)
    assert file_state(db) == before
    assert not (tmp_path / "fresh").exists()
    with pytest.raises(BackupError, match=named):
        restore_backup(backup, tmp_path / "fresh")
    assert not (tmp_path / "fresh" / "bodymap.sqlite").exists()


@pytest.mark.parametrize("craft", list(CRAFTED))
def test_open_refuses_an_altered_schema_and_changes_nothing(data_dir: Path, craft: str):
    db = make_database(data_dir)
    statements, named = CRAFTED[craft]
    tamper(db, *statements)
    before = file_state(db)
    with pytest.raises(AlteredSchemaError, match=named) as refused:
        Records.open(data_dir, user="x")
    assert "changed outside bodymap" in refused.value.user_message
    assert file_state(db) == before
    info = run_cli(data_dir, "info")
    assert info.returncode == 2 and named in info.stderr and "Traceback" not in info.stderr


def test_verify_names_every_schema_difference(data_dir: Path):
    db = make_database(data_dir)
    tamper(db, DROP, ADD)
    proc = run_cli(data_dir, "verify")
    assert proc.returncode == 1, proc.stderr
    assert "SCHEMA CHANGED: trigger visits_signed_no_update is missing" in proc.stderr
    assert "SCHEMA CHANGED: trigger rewrite_notes was added" in proc.stderr
    assert not proc.stdout.startswith("ok")


def test_a_file_migrated_from_an_older_version_passes(data_dir: Path):
    make_database(data_dir)
    with Records.open(data_dir, user="x") as records:
        assert records.verify_file().ok
    assert regular_backups(data_dir)


def test_the_background_check_finds_an_altered_schema_before_any_write(data_dir: Path):
    """The app opens with the checks on a thread of their own: the schema comparison is
    among them, and the first write waits for it."""
    db = make_database(data_dir)
    tamper(db, DROP)
    before = file_state(db)
    records = Records.open(data_dir, user="x", check_in_background=True)
    try:
        with pytest.raises(CorruptDatabaseError, match="trigger visits_signed_no_update is "
                                                       "missing"):
            records.create_patient(chart_number="new", family_name="Doe")
    finally:
        records.close()
    assert file_state(db) == before
