"""The immutability holds against a raw SQLite connection with foreign keys off (the plain
``sqlite3`` shell): REPLACE removes a row without firing its delete trigger, so each
replace, id change and orphaning of signed visits has a trigger of its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_helpers import fill_visit

from bodymap.services.records import Records

_TABLES = ("patients", "visits", "marks", "addenda", "audit", "meta")


@pytest.fixture
def ids(records: Records) -> dict[str, str]:
    """A patient with a signed visit (marks, an addendum) and a draft visit, and a second
    patient; returns their ids by name."""
    p = records.create_patient(chart_number="1", family_name="Doe")
    other = records.create_patient(chart_number="2", family_name="Roe")
    signed = fill_visit(records.start_visit(p.id))
    records.save_visit(signed)
    records.sign_visit(signed.id)
    records.add_addendum(signed.id, "late entry")
    draft = fill_visit(records.start_visit(p.id))
    records.save_visit(draft)
    records.close()
    return {"p": p.id, "o": other.id, "v": signed.id, "m": signed.marks[0].id,
            "d": draft.id, "dm": draft.marks[0].id}


ATTACKS = {
    "signed visit replaced by a draft":
        "INSERT OR REPLACE INTO visits (id, patient_id, started_at, started_key, clinician, "
        "status, created_at, updated_at, data) SELECT id, patient_id, started_at, started_key, "
        "clinician, 'draft', created_at, updated_at, data FROM visits WHERE id = :v",
    "signed mark moved into a draft":
        "REPLACE INTO marks (id, visit_id, position, kind, view, region_id, muscle, side, data) "
        "SELECT id, :d, position, kind, view, region_id, muscle, side, data FROM marks "
        "WHERE id = :m",
    "addendum rewritten":
        "REPLACE INTO addenda (id, visit_id, author, text, created_at) SELECT id, visit_id, "
        "author, 'rewritten', created_at FROM addenda WHERE visit_id = :v",
    "audit entry rewritten":
        "REPLACE INTO audit SELECT seq, at, 'mallory', action, entity_type, entity_id, "
        "patient_id, visit_id, before, after, prev_hash, hash, content FROM audit WHERE seq = 1",
    "draft visit takes a signed visit's id":
        "UPDATE OR REPLACE visits SET id = :v WHERE id = :d",
    "draft mark takes a signed mark's id":
        "UPDATE OR REPLACE marks SET id = :m WHERE id = :dm",
    "patient with signed visits deleted": "DELETE FROM patients WHERE id = :p",
    "patient with signed visits re-keyed": "UPDATE patients SET id = 'x' WHERE id = :p",
    "patient replaced by one with the same id":
        "INSERT OR REPLACE INTO patients (id, chart_number, family_name, given_names, is_demo, "
        "created_at, updated_at, data) SELECT id, chart_number, 'Mallory', given_names, "
        "is_demo, created_at, updated_at, data FROM patients WHERE id = :p",
    "new patient takes the chart number":
        "INSERT OR REPLACE INTO patients (id, chart_number, family_name, given_names, is_demo, "
        "created_at, updated_at, data) VALUES ('x', '1', 'Mallory', '', 0, 'x', 'x', '{}')",
    "other patient takes the chart number":
        "UPDATE OR REPLACE patients SET chart_number = '1' WHERE id = :o",
}


def _dump(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in _TABLES}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_raw_sql_with_foreign_keys_off_is_refused(ids, data_dir: Path, attack: str):
    conn = sqlite3.connect(data_dir / "bodymap.sqlite", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    before = _dump(conn)
    with pytest.raises(sqlite3.IntegrityError, match="bodymap: "):
        conn.execute(ATTACKS[attack], ids)
    assert _dump(conn) == before
    conn.close()
    with Records.open(data_dir, user="x") as again:
        assert again.open_visit(ids["v"]).status == "signed"
        assert again.verify_audit().ok


def test_drafts_and_patients_without_visits_stay_free(ids, data_dir: Path):
    # the guards are for signed records only: a draft's marks, the draft and a patient
    # with no signed visit can still be changed and removed (each statement would raise
    # IntegrityError otherwise), and the signed visit is untouched by it
    conn = sqlite3.connect(data_dir / "bodymap.sqlite", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    signed_before = _dump(conn)["addenda"], conn.execute(
        "SELECT * FROM visits WHERE id = ?", (ids["v"],)).fetchall()
    conn.execute("UPDATE marks SET side = 'R' WHERE id = ?", (ids["dm"],))
    assert conn.execute("SELECT side FROM marks WHERE id = ?", (ids["dm"],)).fetchone() == ("R",)
    conn.execute("UPDATE patients SET chart_number = '3' WHERE id = ?", (ids["o"],))
    conn.execute("DELETE FROM marks WHERE visit_id = ?", (ids["d"],))
    conn.execute("DELETE FROM visits WHERE id = ?", (ids["d"],))
    conn.execute("DELETE FROM patients WHERE id = ?", (ids["o"],))
    assert conn.execute("SELECT count(*) FROM visits WHERE id = ?", (ids["d"],)).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM patients WHERE id = ?",
                        (ids["o"],)).fetchone() == (0,)
    assert (_dump(conn)["addenda"], conn.execute(
        "SELECT * FROM visits WHERE id = ?", (ids["v"],)).fetchall()) == signed_before
    conn.close()
