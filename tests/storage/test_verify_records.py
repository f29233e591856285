"""verify checks the clinical tables against the audit log, and the log against an anchor
kept outside the file (a backup, an export, the code in a PDF footer): each attack on the
log or the records that verify used to call "ok" is now named."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from storage_helpers import fill_visit, full_patient
from verify_helpers import run_cli

from bodymap.export.json_export import export_patient, write_export
from bodymap.services.records import Records
from bodymap.storage import audit
from bodymap.storage.content import row_content


@pytest.fixture
def made(data_dir: Path) -> dict[str, object]:
    """A patient with a signed visit and an addendum, a backup, an export and the anchor
    code, all taken before any attack."""
    with Records.open(data_dir, user="Dr. Zoë Ångström") as records:
        patient = records.create_patient(**full_patient(notes="Prefers Swedish"))
        visit = fill_visit(records.start_visit(patient.id))
        records.save_visit(visit)
        records.sign_visit(visit.id)
        addendum = records.add_addendum(visit.id, "Called: no soreness")
        backup = records.backup_now()
        export = data_dir.parent / "export.json"
        write_export(export_patient(records, patient.id), export)
        code = records.audit_anchor()
    return {"patient": patient.id, "addendum": addendum.id, "backup": backup,
            "export": export, "code": code, "db": data_dir / "bodymap.sqlite"}


def _as_bodymap_left_them(db: Path, change) -> None:
    """Run ``change`` on the file with the audit log's triggers lifted, then put them back
    exactly as they were: the schema check then sees nothing."""
    conn = sqlite3.connect(db, isolation_level=None)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND tbl_name = 'audit'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    change(conn)
    for _, sql in triggers:
        conn.execute(sql)
    conn.close()


def _head(conn: sqlite3.Connection, count: int, last: str) -> None:
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                 (audit.to_json({"count": count, "hash": last}),))


def _rechain(conn: sqlite3.Connection) -> None:
    """Rewrite every entry's content hash and chain hash as bodymap would have."""
    cols = ", ".join(audit._COLUMNS)
    rows = [dict(zip(audit._COLUMNS, r))
            for r in conn.execute(f"SELECT {cols} FROM audit ORDER BY seq")]
    prev = audit.GENESIS_HASH
    for row in rows:
        if row["content"] is not None:
            row["content"] = row_content(conn, row["entity_type"], row["entity_id"])
        row["prev_hash"] = prev
        row["hash"] = prev = audit.entry_hash(row)
        conn.execute("UPDATE audit SET content = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                     (row["content"], row["prev_hash"], row["hash"], row["seq"]))
    _head(conn, len(rows), prev)


def _verify_fails(data_dir: Path, *expected: str, against: str | None = None) -> str:
    proc = run_cli(data_dir, "verify", *(["--against", against] if against else []))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    for text in expected:
        assert text in proc.stderr, proc.stderr
    return proc.stderr


def test_a_clean_database_verifies_against_each_of_its_anchors(made, data_dir: Path):
    for anchor in (None, str(made["backup"]), str(made["export"]), str(made["code"])):
        proc = run_cli(data_dir, "verify", *(["--against", anchor] if anchor else []))
        assert proc.returncode == 0 and proc.stdout.startswith("ok:"), proc.stderr
    assert f"anchor: {made['code']}" in proc.stdout
    assert json.loads(Path(made["export"]).read_text())["audit_anchor"] == made["code"]


def test_one_changed_byte_in_a_patients_notes_is_named(made, data_dir: Path):
    conn = sqlite3.connect(made["db"], isolation_level=None)  # no trigger guards patients
    conn.execute("UPDATE patients SET data = replace(data, 'Prefers Swedish', "
                 "'Prefers Swedisk') WHERE id = ?", (made["patient"],))
    conn.close()
    _verify_fails(data_dir, f"RECORD CHANGED: patient {made['patient']} is not as audit "
                            "entry #1 recorded it: it was changed outside bodymap.")


def test_a_wiped_log_and_head_are_caught(made, data_dir: Path):
    _as_bodymap_left_them(made["db"], lambda c: (
        c.execute("DELETE FROM audit"), c.execute("DELETE FROM meta WHERE key = 'audit_head'")))
    _verify_fails(data_dir, f"RECORD CHANGED: patient {made['patient']} is not in the audit "
                            "log: it was added outside bodymap.")
    _verify_fails(data_dir, "ANCHOR MISMATCH: The audit log has 0 of the", against=made["code"])


def test_truncation_with_the_head_fixed_is_caught(made, data_dir: Path):
    def truncate(conn: sqlite3.Connection) -> None:
        count = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        conn.execute("DELETE FROM audit WHERE seq = ?", (count,))  # the addendum's entry
        last = conn.execute("SELECT hash FROM audit WHERE seq = ?", (count - 1,)).fetchone()
        _head(conn, count - 1, last[0])

    _as_bodymap_left_them(made["db"], truncate)
    _verify_fails(data_dir, f"RECORD CHANGED: addendum {made['addendum']} is not in the audit "
                            "log")
    for anchor in (made["code"], made["backup"], made["export"]):
        _verify_fails(data_dir, "ANCHOR MISMATCH: The audit log has", "entries were removed",
                      against=str(anchor))


def test_a_consistent_rechain_is_caught_only_against_an_anchor(made, data_dir: Path):
    def rewrite(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE patients SET data = replace(data, 'Prefers Swedish', "
                     "'Prefers Danish!') WHERE id = ?", (made["patient"],))
        _rechain(conn)

    _as_bodymap_left_them(made["db"], rewrite)
    alone = run_cli(data_dir, "verify")  # what verify cannot see (README: what it cannot)
    assert alone.returncode == 0, alone.stderr
    for anchor in (made["code"], made["backup"], made["export"]):
        _verify_fails(data_dir, "ANCHOR MISMATCH: Audit entry #", "the log was rewritten",
                      against=str(anchor))


@pytest.mark.parametrize("given", ["12-ABCD", "not-a-file.json"])
def test_an_unusable_anchor_gets_a_message(made, data_dir: Path, given: str):
    proc = run_cli(data_dir, "verify", "--against", given)
    assert proc.returncode == 1 and "neither an anchor code" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_pdf_footer_prints_the_anchor(made, data_dir: Path, tmp_path: Path):
    pdf = tmp_path / "chart.pdf"
    chart = json.loads(Path(made["export"]).read_text())["patient"]["chart_number"]
    proc = run_cli(data_dir, "print", "--patient", chart, "-o", str(pdf))
    assert proc.returncode == 0, proc.stderr
    import subprocess

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"bodymap audit {made['code']}" in text
