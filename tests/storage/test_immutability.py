"""Signed visits are immutable in the database itself, not only in the application."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_helpers import fill_visit

from bodymap.model import SignedVisitError, SignRequirement
from bodymap.services.records import Records


@pytest.fixture
def signed(records: Records) -> tuple[Records, str, str]:
    """A signed visit with marks and one addendum; returns (records, visit id, mark id)."""
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = fill_visit(records.start_visit(p.id))
    records.save_visit(visit)
    records.sign_visit(visit.id)
    records.add_addendum(visit.id, "late entry")
    return records, visit.id, visit.marks[0].id


STATEMENTS = [
    "UPDATE visits SET data = json_set(data, '$.subjective', 'rewritten') WHERE id = :v",
    "UPDATE visits SET status = 'draft', signed_by = NULL, signed_at = NULL WHERE id = :v",
    "UPDATE visits SET nprs_after = 0 WHERE id = :v",
    "DELETE FROM visits WHERE id = :v",
    "UPDATE marks SET side = 'R' WHERE id = :m",
    "DELETE FROM marks WHERE id = :m",
    "INSERT INTO marks (id, visit_id, position, kind, view, data) VALUES "
    "('6f1c0d36-7c5e-4a43-9d55-2f1f0f0a0001', :v, 9, 'text_note', 'anterior', "
    "'{\"x\": 1, \"y\": 1, \"text\": \"added later\", \"note\": \"\", "
    "\"created_at\": \"2026-01-01T00:00:00+00:00\"}')",
    "UPDATE addenda SET text = 'rewritten' WHERE visit_id = :v",
    "DELETE FROM addenda WHERE visit_id = :v",
]


@pytest.mark.parametrize("statement", STATEMENTS)
def test_raw_sql_cannot_change_a_signed_visit(signed, data_dir: Path, statement: str):
    records, visit_id, mark_id = signed
    before = records.open_visit(visit_id)
    records.close()
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    with pytest.raises(sqlite3.IntegrityError, match="bodymap: "):
        conn.execute(statement, {"v": visit_id, "m": mark_id})
    conn.commit()
    conn.close()
    with Records.open(data_dir, user="x") as again:
        assert again.open_visit(visit_id) == before


def test_trigger_refusal_reaches_the_application_as_signed_visit_error(signed):
    records, visit_id, _ = signed
    # Bypass the repository's own status check: the database still refuses.
    with pytest.raises(SignedVisitError):
        with records._db.transaction() as conn:
            conn.execute("DELETE FROM marks WHERE visit_id = ?", (visit_id,))
    assert len(records.open_visit(visit_id).marks) == 4


def test_drafts_stay_editable_and_signing_is_one_transition(records: Records, data_dir: Path):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = fill_visit(records.start_visit(p.id))
    records.save_visit(visit)
    records.close()
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    conn.execute("UPDATE marks SET side = 'R' WHERE visit_id = ?", (visit.id,))
    conn.execute("UPDATE visits SET status = 'signed', signed_by = 'x', signed_at = "
                 "'2026-01-01T00:00:00+00:00' WHERE id = ?", (visit.id,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE visits SET status = 'signed', signed_by = 'y' WHERE id = ?",
                     (visit.id,))
    conn.close()


def test_addendum_is_the_way_to_add_to_a_signed_visit(signed):
    records, visit_id, _ = signed
    records.add_addendum(visit_id, "second addendum ✓", author="Dr. B")
    texts = [(a.author, a.text) for a in records.open_visit(visit_id).addenda]
    assert texts == [("Dr. Zoë Ångström", "late entry"), ("Dr. B", "second addendum ✓")]


def test_overrides_cannot_be_added_after_signing(signed):
    records, visit_id, _ = signed
    with pytest.raises(SignedVisitError):
        records.sign_visit(visit_id, overrides={SignRequirement.CONSENT: "retro"})
