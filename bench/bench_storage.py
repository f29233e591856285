"""Storage benchmarks: autosave cost against a raw sqlite3 commit, type-ahead search over
100,000 patients, and listing a patient's 200 visits. Also the synthetic database generator.

    python -m bench.bench_storage          # prints the figures as JSON
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bodymap.model import NeedleSite, Patient, TriggerPoint, add_mark, move_mark, set_visit_fields
from bodymap.services.records import Records
from bodymap.storage import Database, PatientRepository
from bodymap.storage.audit import to_json

CACHE = Path(tempfile.gettempdir()) / "bodymap-bench"
FAMILY = ["Smith", "Ångström", "Müller", "Nguyễn", "O'Brien", "García", "Søndergaard",
          "Kowalski", "Okafor", "Chen", "Dubois", "Rossi", "Johansson", "Novák", "Yılmaz",
          "Papadopoulos", "Martin", "Brown", "Wilson", "Taylor", "Anderson", "Thomas",
          "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall",
          "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
          "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
          "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook",
          "王", "李", "张", "الحداد", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
          "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein"]
GIVEN = ["Zoë", "Anna", "Chinedu", "Mary Anne", "José", "Siobhán", "Lars", "Wei", "ليلى",
         "Hans-Jürgen", "Emma", "Olivia", "Noah", "Liam", "Sophia", "Mia", "Lucas", "Ella",
         "Mateo", "Amelia", "Elijah", "Chloé", "Björn", "Ingrid", "Ana", "Marco", "Giulia",
         "Thảo", "Minh", "Priya", "Arjun", "Fatima", "Omar", "Yuki", "Kenji", "Astrid"]
SEARCH_KEYS = ("s", "sm", "smi", "smit", "smith", "m", "ma", "mar", "a", "an", "ang", "1",
               "12", "123", "zo", "ch", "o", "ok", "oka", "w", "angstrom zo", "nguyen",
               "muller h", "ha")


def make_database(data_dir: Path, patients: int = 100_000, *, seed: int = 7) -> Path:
    """A synthetic database: ``patients`` patients (with accents and non-Latin names), a
    few visits for the first thousand, and patient DEMO-200 with 200 visits."""
    rng = random.Random(seed)
    data_dir = Path(data_dir)
    db = Database.open(data_dir, user="bench generator")
    # Synthetic bench data only: skip fsync so generating 100k patients takes seconds.
    db._conn.execute("PRAGMA synchronous = OFF")  # type: ignore[union-attr]
    repo = PatientRepository(db)
    created = datetime(2024, 1, 1, tzinfo=UTC)
    batch: list[Patient] = []
    for i in range(patients):
        batch.append(Patient(
            chart_number=f"{i + 1:06d}", family_name=rng.choice(FAMILY),
            given_names=rng.choice(GIVEN), created_at=created, updated_at=created,
            date_of_birth=date(1930, 1, 1) + timedelta(days=rng.randrange(30_000))))
        if len(batch) == 10_000:
            repo.add_many(batch)
            batch = []
    if batch:
        repo.add_many(batch)
    records = Records(db, user="bench generator")
    heavy = records.create_patient(chart_number="DEMO-200", family_name="Heavy",
                                   given_names="Two Hundred")
    start = datetime.now(UTC) - timedelta(days=800)
    for n in range(200):
        visit = records.start_visit(heavy.id, started_at=start + timedelta(days=4 * n))
        add_mark(visit, TriggerPoint(view="posterior", x=250, y=200, side="L"))
        set_visit_fields(visit, nprs_before=6, nprs_after=3, subjective="Neck pain " * 20)
        records.save_visit(visit)
    for summary in records.search_patients("", limit=1000):
        if summary.chart_number != "DEMO-200":
            records.start_visit(summary.id, started_at=start + timedelta(days=rng.randrange(700)))
    db.close(backup=False)
    return data_dir / "bodymap.sqlite"


def database(patients: int = 100_000) -> Path:
    """The cached synthetic data dir with ``patients`` patients."""
    data_dir = CACHE / f"patients-{patients}"
    if not (data_dir / "bodymap.sqlite").exists():
        make_database(data_dir, patients)
    return data_dir


def bench_search_ms(rounds: int = 3) -> dict[str, float]:
    """Median and p95 milliseconds of one type-ahead search (the service call) over
    100,000 patients."""
    records = Records.open(database(), user="bench")
    try:
        samples = []
        for _ in range(rounds):
            for text in SEARCH_KEYS:
                t0 = time.perf_counter()
                records.search_patients(text)
                samples.append((time.perf_counter() - t0) * 1000)
    finally:
        records.close(backup=False)
    samples.sort()
    return {"value": round(statistics.median(samples), 3),
            "p95_ms": round(samples[int(len(samples) * 0.95)], 3),
            "max_ms": round(samples[-1], 3)}


def bench_list_visits_ms(rounds: int = 20) -> float:
    """Median milliseconds to list a patient's 200 visits."""
    records = Records.open(database(), user="bench")
    try:
        heavy = records.find_patient_by_chart_number("DEMO-200")
        assert heavy is not None
        samples = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            assert len(records.list_visits(heavy.id)) == 200
            samples.append((time.perf_counter() - t0) * 1000)
    finally:
        records.close(backup=False)
    return round(statistics.median(samples), 3)


def bench_autosave_ratio(rounds: int = 60, marks: int = 30) -> dict[str, float]:
    """Median time of one edit (move a mark) saved through Records.save_visit, divided by
    the median raw sqlite3 commit of the same bytes with the same pragmas."""
    with tempfile.TemporaryDirectory(dir=CACHE.parent) as tmp:
        records = Records.open(Path(tmp) / "data", user="bench")
        patient = records.create_patient(chart_number="1", family_name="Bench")
        visit = records.start_visit(patient.id)
        for k in range(marks):
            add_mark(visit, NeedleSite(view="posterior", x=k, y=k, side="L", depth_mm=10,
                                       needle_length_mm=30))
        records.save_visit(visit)
        raw = sqlite3.connect(Path(tmp) / "raw.sqlite", isolation_level=None)
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("CREATE TABLE t (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
        ours, theirs = [], []
        for i in range(rounds):
            mark_id = visit.marks[i % marks].id
            move_mark(visit, mark_id, 1.0, 0.5)  # the edit (in memory, as the UI makes it)
            t0 = time.perf_counter()
            records.save_visit(visit)  # committing it: fields + marks + audit
            ours.append(time.perf_counter() - t0)
            # the same bytes: the changed mark and the visit row as JSON
            payload = to_json({"mark": str(visit.mark(mark_id)), "visit": str(visit.updated_at),
                               "pad": "x" * 400})
            t0 = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (mark_id, payload))
            raw.execute("COMMIT")
            theirs.append(time.perf_counter() - t0)
        raw.close()
        records.close(backup=False)
    ours_ms, raw_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    return {"value": round(ours_ms / raw_ms, 3), "save_ms": round(ours_ms, 3),
            "raw_commit_ms": round(raw_ms, 3)}


if __name__ == "__main__":
    t0 = time.perf_counter()
    database()
    print(json.dumps({"generate_or_cache_s": round(time.perf_counter() - t0, 1)}))
    print(json.dumps({"search_ms": bench_search_ms()}))
    print(json.dumps({"list_200_visits_ms": bench_list_visits_ms()}))
    print(json.dumps({"autosave_ratio": bench_autosave_ratio()}))
