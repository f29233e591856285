"""A damaged byte in a stored text: reading refuses with a message naming the record
(its row and column) instead of SQLite's bare "Could not decode to UTF-8"; export and
print refuse with it (non-zero exit, no output file); the app shows it, no traceback."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bodymap.model import TextNote, add_mark
from bodymap.services.records import Records
from bodymap.storage.damaged_text import DamagedTextError

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
sys.path.insert(0, str(Path(__file__).parents[1] / "export"))
from test_cli_export import bodymap  # noqa: E402  (the CLI as a clinic runs it)


def damage(path: Path, sql: str, *params: str) -> None:
    """Write bytes that are not UTF-8 into a text column, as a failing disk might."""
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def damaged_patient(records: Records) -> tuple[str, str]:
    patient = records.create_patient(chart_number="D-1", family_name="Damage")
    visit = records.start_visit(patient.id, clinician="Dr A. Test", started_at=START)
    visit.subjective = "Neck pain"
    records.save_visit(visit)
    damage(records.database_path, "UPDATE visits SET clinician = CAST(X'4472ff20' AS TEXT) "
                                  "WHERE id = ?", visit.id)
    return patient.id, visit.id


def test_reading_a_damaged_visit_names_it(records):
    patient_id, visit_id = damaged_patient(records)
    with pytest.raises(DamagedTextError) as caught:
        records.open_visit(visit_id)
    message = caught.value.user_message
    assert f"visit {visit_id}: damaged bytes (not valid UTF-8) in clinician" in message
    assert "Could not decode" not in message and "Nothing was changed" in message
    assert records.get_patient(patient_id).chart_number == "D-1"  # the rest still reads


def test_a_damaged_mark_is_named(records):
    patient = records.create_patient(chart_number="D-2", family_name="Damage")
    visit = records.start_visit(patient.id, clinician="Dr A. Test", started_at=START)
    note = TextNote(view="anterior", x=10.0, y=10.0, text="bruise")
    add_mark(visit, note)
    records.save_visit(visit)
    damage(records.database_path, "UPDATE marks SET muscle = CAST(X'64656cff' AS TEXT) "
                                  "WHERE id = ?", note.id)
    with pytest.raises(DamagedTextError, match=f"mark {note.id}: damaged bytes \\(not "
                                               "valid UTF-8\\) in muscle"):
        records.open_visit(visit.id)


@pytest.mark.parametrize("verb", ["export", "print"])
def test_export_and_print_refuse_naming_the_record(tmp_path, verb):
    data_dir = tmp_path / "clinic"
    with Records.open(data_dir, user="Dr A. Test") as records:
        _, visit_id = damaged_patient(records)
    out = tmp_path / ("out.json" if verb == "export" else "out.pdf")
    args = [verb, "--data-dir", str(data_dir), "--patient", "D-1", "-o", str(out)]
    if verb == "print":
        args += ["--visit", "all"]
    proc = bodymap(*args, tmp_path=tmp_path)
    assert proc.returncode != 0
    assert f"visit {visit_id}: damaged bytes (not valid UTF-8) in clinician" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()
