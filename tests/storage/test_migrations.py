"""Each migration, run on a database made by the previous version, keeps every record."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from storage_helpers import fill_visit, new_patient

from bodymap.model import Visit
from bodymap.model.codec import mark_to_dict, patient_to_dict, visit_to_dict
from bodymap.services.records import Records
from bodymap.storage import MigrationError, audit, schema
from bodymap.storage.audit import AuditRecord
from bodymap.storage.visits import started_key


def _append_as_v1(conn: sqlite3.Connection, who: str, records: list[AuditRecord]) -> None:
    """Audit entries as version-1 bodymap wrote them: no content hash."""
    prev = audit.GENESIS_HASH
    for seq, rec in enumerate(records, start=1):
        row = {"seq": seq, "at": "2026-01-05T09:00:00+00:00", "who": who,
               "action": rec.action, "entity_type": rec.entity_type,
               "entity_id": rec.entity_id, "patient_id": rec.patient_id,
               "visit_id": rec.visit_id, "before": None, "after": audit.to_json(rec.after),
               "prev_hash": prev}
        row["hash"] = prev = audit.entry_hash(row)
        conn.execute(f"INSERT INTO audit ({', '.join(row)}) VALUES "
                     f"({', '.join('?' * len(row))})", tuple(row.values()))
    conn.execute("INSERT INTO meta (key, value) VALUES ('audit_head', ?)",
                 (audit.to_json({"count": len(records), "hash": prev}),))


def make_v1_database(path: Path) -> tuple[list, Visit]:
    """A version-1 database holding what version-1 bodymap wrote: patients, a visit with
    marks, and their audit entries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    assert schema.migrate(conn, target=1) == 0
    patients = [new_patient(chart_number="V1-A"),
                new_patient(chart_number="V1-B", family_name="Nguyễn", given_names="Thị Lan"),
                new_patient(chart_number="V1-C", family_name="王", given_names="小明")]
    visit = fill_visit(Visit(patient_id=patients[0].id, clinician="Dr. v1"))
    conn.execute("BEGIN IMMEDIATE")
    records = []
    for p in patients:
        d = patient_to_dict(p)
        cols = ("id", "chart_number", "family_name", "given_names", "date_of_birth",
                "is_demo", "created_at", "updated_at")
        rest = {k: v for k, v in d.items() if k not in cols}
        conn.execute("INSERT INTO patients VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (*(d[c] for c in cols), json.dumps(rest, ensure_ascii=False)))
        records.append(AuditRecord("create", "patient", p.id, patient_id=p.id, after=d))
    vd = visit_to_dict(visit, with_marks=False)
    vcols = ("id", "patient_id", "started_at", "clinician", "status", "signed_by",
             "signed_at", "nprs_before", "nprs_after", "needles_used", "needles_removed",
             "created_at", "updated_at")
    rest = {k: v for k, v in vd.items() if k not in vcols and k != "addenda"}
    conn.execute(f"INSERT INTO visits ({', '.join(vcols)}, started_key, data) VALUES "
                 f"({', '.join('?' * 15)})",
                 (*(vd[c] for c in vcols), started_key(visit.started_at), json.dumps(rest)))
    for pos, m in enumerate(visit.marks):
        md = mark_to_dict(m)
        mcols = ("id", "kind", "view", "region_id", "muscle", "side")
        conn.execute("INSERT INTO marks (id, visit_id, position, kind, view, region_id, "
                     "muscle, side, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (md["id"], visit.id, pos, *(md[c] for c in mcols[1:]),
                      json.dumps({k: v for k, v in md.items() if k not in mcols})))
    _append_as_v1(conn, "v1-user", records)
    conn.execute("COMMIT")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    return patients, visit


def test_v1_database_migrates_to_v2_with_every_record(data_dir: Path):
    patients, visit = make_v1_database(data_dir / "bodymap.sqlite")
    with Records.open(data_dir, user="x") as records:
        for p in patients:
            assert records.get_patient(p.id) == p
        assert records.open_visit(visit.id) == visit
        # v2's search keys were built for the old patients
        assert [s.chart_number for s in records.search_patients("nguyen lan")] == ["V1-B"]
        assert [s.chart_number for s in records.search_patients("王")] == ["V1-C"]
        assert [s.chart_number for s in records.search_patients("")] == ["V1-A", "V1-B",
                                                                         "V1-C"]
        # v1's three entries, then v5's baseline of every row (3 patients, 1 visit, 4
        # marks), then v6's of every visit (its row gained atlas_version)
        assert records.verify_audit().ok and records.verify_audit().checked == 3 + 8 + 1
        baseline = records.audit_trail()[3:]
        assert {e.action for e in baseline} == {"baseline"}
        assert sorted(e.entity_type for e in baseline[:8]) == ["mark"] * 4 \
            + ["patient"] * 3 + ["visit"]
        assert [(e.entity_type, e.entity_id, e.who) for e in baseline[8:]] == [
            ("visit", visit.id, "bodymap (schema v6)")]
        # charted before atlas versions existed: drawn on version 1
        assert records.open_visit(visit.id).atlas_version == 1
        assert records.verify_file().ok
        records.create_patient(chart_number="V2-new", family_name="Zeta")
        assert records.verify_file().ok
        assert records.search_patients("zet")[0].chart_number == "V2-new"
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
    conn.close()


def test_a_copy_of_the_old_file_is_kept_before_migrating(data_dir: Path):
    make_v1_database(data_dir / "bodymap.sqlite")
    Records.open(data_dir, user="x").close()
    (kept,) = (data_dir / "backups").glob(f"bodymap-pre-v{schema.LATEST_VERSION}-*.sqlite")
    conn = sqlite3.connect(f"file:{kept}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 3
    conn.close()


def test_a_failing_migration_leaves_the_previous_version(data_dir: Path, monkeypatch):
    patients, _ = make_v1_database(data_dir / "bodymap.sqlite")

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE patients ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
        raise RuntimeError("power cut")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    with pytest.raises(MigrationError, match="keeps its previous version"):
        Records.open(data_dir, user="x")
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(patients)")]
    assert "sort_key" not in columns
    conn.close()
    monkeypatch.undo()
    with Records.open(data_dir, user="x") as records:  # the lock was released; retry works
        assert records.patient_count() == len(patients)


def test_fresh_database_is_built_by_the_same_migrations(data_dir: Path):
    Records.open(data_dir, user="x").close()
    fresh = sqlite3.connect(data_dir / "bodymap.sqlite")
    stepwise_path = data_dir.parent / "stepwise.sqlite"
    stepwise = sqlite3.connect(stepwise_path, isolation_level=None)
    schema.migrate(stepwise, target=1)
    schema.migrate(stepwise)
    query = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    assert fresh.execute(query).fetchall() == stepwise.execute(query).fetchall()
    assert fresh.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    fresh.close()
    stepwise.close()
