"""The audit log records every clinical change and detects tampering with itself."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
from storage_helpers import fill_visit

from bodymap.model import NeedleSite, add_mark
from bodymap.services.records import Records
from bodymap.storage.audit import entry_hash

COLUMNS = ("seq", "at", "who", "action", "entity_type", "entity_id", "patient_id",
           "visit_id", "before", "after", "prev_hash", "hash", "content")


def populate(records: Records) -> None:
    p = records.create_patient(chart_number="1", family_name="Doe")
    records.update_patient(p.id, phone="555-0100")
    visit = fill_visit(records.start_visit(p.id))
    records.save_visit(visit)
    records.sign_visit(visit.id)
    records.add_addendum(visit.id, "addendum")


def test_every_clinical_change_is_logged_with_who_and_what(records: Records):
    populate(records)
    trail = records.audit_trail()
    assert [(e.action, e.entity_type) for e in trail] == [
        ("create", "patient"), ("update", "patient"), ("create", "visit"),
        ("update", "visit")] + [("create", "mark")] * 4 + [
        ("sign", "visit"), ("addendum", "addendum")]
    assert {e.who for e in trail} == {"Dr. Zoë Ångström"}
    assert all(e.at.utcoffset() == UTC.utcoffset(None) for e in trail)
    assert [e.seq for e in trail] == list(range(1, 11))
    assert trail[1].before == {"phone": "", "updated_at": trail[1].before["updated_at"]}
    assert trail[4].after["muscle"] == "upper_trapezius"  # type: ignore[index]
    assert records.verify_audit().ok and records.verify_audit().checked == 10


def test_mark_edits_are_logged_before_and_after(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    add_mark(visit, NeedleSite(view="posterior", x=10, y=20))
    records.save_visit(visit)
    from bodymap.model import update_mark
    update_mark(visit, visit.marks[0].id, depth_mm=15.0)
    records.save_visit(visit)
    last = records.audit_trail(visit_id=visit.id)[-1]
    assert (last.action, last.entity_type) == ("update", "mark")
    assert (last.before, last.after) == ({"depth_mm": None}, {"depth_mm": 15.0})


def test_the_log_refuses_update_and_delete(records: Records, data_dir: Path):
    populate(records)
    records.close()
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    for sql in ("UPDATE audit SET who = 'mallory'", "DELETE FROM audit WHERE seq = 10"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
    conn.close()


def _swap_rows(conn: sqlite3.Connection) -> None:
    """Exchange the contents of entries 3 and 4 (keeping their numbers)."""
    a, b = (conn.execute("SELECT * FROM audit WHERE seq = ?", (s,)).fetchone() for s in (3, 4))
    sets = ", ".join(f"{c} = ?" for c in COLUMNS[1:])
    conn.execute(f"UPDATE audit SET {sets} WHERE seq = 3", (*b[1:],))
    conn.execute(f"UPDATE audit SET {sets} WHERE seq = 4", (*a[1:],))


def _renumber(conn: sqlite3.Connection) -> None:
    """Reorder by renumbering, keeping every stored hash."""
    conn.execute("UPDATE audit SET seq = 100 WHERE seq = 3")
    conn.execute("UPDATE audit SET seq = 3 WHERE seq = 4")
    conn.execute("UPDATE audit SET seq = 4 WHERE seq = 100")


def _forge_tail_entry(conn: sqlite3.Connection) -> None:
    """Append a well-formed, correctly hashed entry without touching the chain head."""
    last = dict(zip(COLUMNS, conn.execute("SELECT * FROM audit ORDER BY seq DESC").fetchone()))
    row = {**last, "seq": last["seq"] + 1, "action": "delete", "prev_hash": last["hash"]}
    row["hash"] = entry_hash(row)
    conn.execute(f"INSERT INTO audit ({', '.join(COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(COLUMNS))})",
                 tuple(row[c] for c in COLUMNS))


TAMPERING: dict[str, tuple[Callable[[sqlite3.Connection], None], str, int]] = {
    "edited entry": (lambda c: c.execute(
        "UPDATE audit SET after = replace(after, '555-0100', '555-0199') WHERE seq = 2"),
        "#2 was altered", 2),
    "edited author": (lambda c: c.execute("UPDATE audit SET who = 'mallory' WHERE seq = 5"),
                      "#5 was altered", 5),
    "deleted entry": (lambda c: c.execute("DELETE FROM audit WHERE seq = 6"),
                      "#6 is missing", 6),
    "swapped entries": (_swap_rows, "#3", 3),
    "renumbered entries": (_renumber, "#3", 3),
    "truncated tail": (lambda c: c.execute("DELETE FROM audit WHERE seq > 7"),
                       "#8-#10 were removed", 8),
    "last entry removed": (lambda c: c.execute("DELETE FROM audit WHERE seq = 10"),
                           "entry #10 was removed", 10),
    "forged extra entry": (_forge_tail_entry, "head records 10", 11),
    "head removed": (lambda c: c.execute("DELETE FROM meta WHERE key = 'audit_head'"),
                     "head record is missing", None),  # type: ignore[dict-item]
}


@pytest.mark.parametrize("case", TAMPERING)
def test_verify_names_the_first_tampered_entry(records: Records, data_dir: Path, case: str):
    tamper, message, bad_seq = TAMPERING[case]
    populate(records)
    assert records.verify_audit().ok
    records.close()
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")  # as an attacker would
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    tamper(conn)
    conn.commit()
    conn.close()
    with Records.open(data_dir, user="auditor", check_schema=False) as again:
        result = again.verify_audit()
    assert not result.ok
    assert message in (result.problem or "")
    assert result.bad_seq == bad_seq
