"""Bytes that are not UTF-8 in the audit log or a visit's text: verify reports each damaged
row, names it, and goes on to check the rest (SQLite raises "Could not decode to UTF-8"
for such text when it is read as text)."""

from __future__ import annotations

from pathlib import Path

from storage_helpers import fill_visit
from verify_helpers import flip_bytes, run_cli

from bodymap.services.records import Records


def test_verify_reports_each_damaged_row_and_goes_on(data_dir: Path):
    with Records.open(data_dir, user="x") as records:
        patient = records.create_patient(chart_number="1", family_name="Qqqpatientqqq")
        visit = fill_visit(records.start_visit(patient.id, clinician="Dr. Qqqvisitqqq"))
        records.save_visit(visit)
        records.sign_visit(visit.id)
        first_entries = len(records.audit_trail())
    db = data_dir / "bodymap.sqlite"
    flip_bytes(db, "Qqqpatientqqq", b"Qqq\xffatientqqq")
    flip_bytes(db, "Dr. Qqqvisitqqq", b"Dr. Qqq\xfe\xffsitqqq")
    proc = run_cli(data_dir, "verify")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "OperationalError" not in proc.stderr
    damaged = [line for line in proc.stderr.splitlines() if line.startswith("DAMAGED ROW:")]
    assert f"DAMAGED ROW: patient {patient.id}: damaged bytes (not valid UTF-8) in " \
           "family_name" in damaged
    assert f"DAMAGED ROW: visit {visit.id}: damaged bytes (not valid UTF-8) in " \
           "clinician" in damaged
    assert "DAMAGED ROW: audit entry #1: damaged bytes (not valid UTF-8) in after" in damaged
    assert any(line.startswith("DAMAGED ROW: audit entry #2:") for line in damaged)
    assert first_entries > 2
