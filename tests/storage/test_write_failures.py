"""A write the disk refuses fails cleanly: a clear error, the last committed state intact,
and the database still usable."""

from __future__ import annotations

import pytest

from bodymap.model import NeedleSite, add_mark, set_visit_fields
from bodymap.services.records import Records
from bodymap.storage import WriteFailedError


def test_disk_full_keeps_the_last_saved_state(records: Records):
    patient = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(patient.id)
    set_visit_fields(visit, subjective="saved before the disk filled")
    records.save_visit(visit)
    trail = len(records.audit_trail())
    pages = records._db._conn.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[union-attr]
    records._db._conn.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[union-attr]
    add_mark(visit, NeedleSite(view="posterior", x=1, y=1, note="x" * 50_000))
    set_visit_fields(visit, subjective="y" * 90_000)
    with pytest.raises(WriteFailedError) as err:
        records.save_visit(visit)
    assert "free disk space" in err.value.user_message
    stored = records.open_visit(visit.id)
    assert stored.subjective == "saved before the disk filled" and stored.marks == []
    assert len(records.audit_trail()) == trail and records.verify_audit().ok
    records._db._conn.execute("PRAGMA max_page_count = 1073741823")  # type: ignore[union-attr]
    records.save_visit(visit)  # space again: the same edit now goes through
    assert records.open_visit(visit.id) == visit
