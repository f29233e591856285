"""Review queries: a fixed number of statements whatever the history's length, index use
for searches across patients, and the v2 -> v3 migration that adds those indexes."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage_helpers import fill_visit, new_patient
from test_migrations import make_v1_database

from bodymap.model import NeedleSite, Visit, add_mark
from bodymap.services.records import Records
from bodymap.storage import schema
from bodymap.storage.review import ReviewQueries

T0 = datetime(2026, 1, 5, 9, tzinfo=UTC)


def _statements(records: Records) -> list[str]:
    seen: list[str] = []
    records._db._conn.set_trace_callback(seen.append)  # type: ignore[union-attr]
    return seen


def _visit_with_needles(records: Records, patient_id: str, day: int, *muscles: str) -> str:
    visit = records.start_visit(patient_id, started_at=T0 + timedelta(days=day))
    for muscle in muscles:
        add_mark(visit, NeedleSite(view="posterior", x=300, y=500, side="L", muscle=muscle,
                                   region_id=f"posterior.{muscle}.L", needle_count=2))
    records.save_visit(visit)
    return visit.id


def test_timeline_is_one_statement_for_any_number_of_visits(records: Records):
    p = records.create_patient(**{"chart_number": "T-1", "family_name": "Many"})
    for day in range(40):
        _visit_with_needles(records, p.id, day, "piriformis", "gluteus_medius")
    seen = _statements(records)
    rows = ReviewQueries(records._db).timeline(p.id)
    records._db._conn.set_trace_callback(None)  # type: ignore[union-attr]
    assert len(rows) == 40 and all(r.needles_charted == 4 for r in rows)
    assert len([s for s in seen if s not in ("BEGIN", "COMMIT")]) == 1


def test_needle_counts_window_is_half_open(records: Records):
    p = records.create_patient(chart_number="T-2", family_name="Window")
    for day in range(3):
        _visit_with_needles(records, p.id, day, "piriformis")
    q = ReviewQueries(records._db)
    counts = q.needle_counts(p.id, since=T0 + timedelta(days=1), until=T0 + timedelta(days=2))
    assert counts == {("piriformis", "L"): 2}
    assert q.needle_counts(p.id) == {("piriformis", "L"): 6}


def test_muscle_and_date_searches_use_the_v3_indexes(records: Records):
    p = records.create_patient(chart_number="T-3", family_name="Plan")
    _visit_with_needles(records, p.id, 0, "piriformis")
    seen = _statements(records)
    ReviewQueries(records._db).search_visits(muscle="piriformis", side="L")
    ReviewQueries(records._db).search_visits(since=T0, until=T0 + timedelta(days=1))
    conn = records._db._conn
    conn.set_trace_callback(None)  # type: ignore[union-attr]
    muscle_sql, date_sql = [s for s in seen if s.startswith("SELECT")]
    plans = ["\n".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + s))  # type: ignore
             for s in (muscle_sql, date_sql)]
    assert "marks_muscle" in plans[0], plans[0]
    assert "visits_started" in plans[1], plans[1]


def test_v2_database_migrates_to_v3_and_its_marks_are_searchable(data_dir: Path):
    patients, visit = make_v1_database(data_dir / "bodymap.sqlite")
    conn = sqlite3.connect(data_dir / "bodymap.sqlite", isolation_level=None)
    assert schema.migrate(conn, target=2) == 1  # the file version-2 bodymap leaves
    conn.close()
    with Records.open(data_dir, user="x") as records:
        assert records.open_visit(visit.id) == visit
        hits = ReviewQueries(records._db).search_visits(muscle="upper_trapezius", side="L").rows
        assert [h.visit_id for h in hits] == [visit.id]
        assert hits[0].matched_needles == 2  # fill_visit's e-stim site has two needles
        assert records.verify_audit().ok
        # new writes after the migration are found too
        later = fill_visit(Visit(patient_id=patients[1].id, clinician="Dr. v3"))
        records.save_visit(later)
        assert len(ReviewQueries(records._db).search_visits(muscle="upper_trapezius").rows) == 2
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"marks_muscle", "visits_started"} <= names
    conn.close()
    (kept,) = (data_dir / "backups").glob(f"bodymap-pre-v{schema.LATEST_VERSION}-*.sqlite")
    old = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 2
    old.close()


def test_new_patient_helper_is_searchable_by_name_after_migration(records: Records):
    p = new_patient(chart_number="T-4", family_name="Ørsted", given_names="Hans")
    records._patients.add(p)
    _visit_with_needles(records, p.id, 0, "soleus")
    hits = ReviewQueries(records._db).search_visits(name="orsted").rows
    assert [h.chart_number for h in hits] == ["T-4"]
