"""Backups (SQLite backup API), rotation, the daily backup on close, and restore."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from storage_helpers import file_state, kill, make_database, spawn_holder

from bodymap.services.records import Records
from bodymap.storage import BackupError, DatabaseLockedError, regular_backups, restore_backup
from bodymap.storage.backup import rotate, take_backup


def chart_numbers(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT chart_number FROM patients")}
    finally:
        conn.close()


def test_backup_now_is_a_complete_consistent_copy(records: Records):
    records.create_patient(chart_number="A", family_name="Ångström")
    path = records.backup_now()
    assert path.parent == records.data_dir / "backups"
    assert path.name.startswith("bodymap-") and path.suffix == ".sqlite"
    assert chart_numbers(path) == {"A"}
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_rotation_keeps_the_newest_n(data_dir: Path):
    with Records.open(data_dir, user="x", keep_backups=3) as r:
        made = [r.backup_now() for _ in range(5)]  # same second: -2, -3 ... suffixes
        assert regular_backups(data_dir) == made[-3:]


def test_rotation_orders_by_time_not_by_name(data_dir: Path):
    make_database(data_dir)
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    stamps = [datetime(2026, 1, d, 8, 0) for d in (9, 10, 11, 12)]
    for when in reversed(stamps):
        take_backup(conn, data_dir, now=when)
    conn.close()
    # today's backup (made on close) and 12 January stay: the newest two, and the last two
    # days with backups
    removed = rotate(data_dir, keep=2, days=2)
    assert [p.name for p in removed] == ["bodymap-20260109-080000.sqlite",
                                         "bodymap-20260110-080000.sqlite",
                                         "bodymap-20260111-080000.sqlite"]
    assert regular_backups(data_dir)[0].name == "bodymap-20260112-080000.sqlite"


def test_a_close_without_writes_takes_no_backup(data_dir: Path):
    make_database(data_dir)  # it wrote, so its close made a backup
    assert len(regular_backups(data_dir)) == 1
    Records.open(data_dir, user="x").close()
    assert len(regular_backups(data_dir)) == 1


def test_restore_replaces_and_keeps_the_previous_database(data_dir: Path):
    with Records.open(data_dir, user="x") as r:
        r.create_patient(chart_number="A", family_name="Before")
        backup = r.backup_now()
        r.create_patient(chart_number="B", family_name="After")
    kept = restore_backup(backup, data_dir)
    assert kept is not None and chart_numbers(kept) == {"A", "B"}
    # backups are single files, and reading one leaves nothing beside it
    assert not [p.name for p in (data_dir / "backups").iterdir()
                if p.name.endswith(("-wal", "-shm"))]
    with Records.open(data_dir, user="x") as r:
        assert [p.chart_number for p in r.search_patients("")] == ["A"]
        assert r.verify_audit().ok
        for _ in range(12):  # rotation never removes the kept pre-restore copy
            r.backup_now()
    assert kept.exists()


def test_restore_into_a_new_data_folder_to_compare(data_dir: Path, tmp_path: Path):
    """What 'verify' advises after damage: restore the latest backup into a new folder."""
    make_database(data_dir)
    backup = regular_backups(data_dir)[0]
    fresh = tmp_path / "compare" / "data"
    assert restore_backup(backup, fresh) is None  # nothing was there to keep
    with Records.open(fresh, user="x") as r:
        assert r.patient_count() == 3 and r.verify_audit().ok


def test_restore_refused_while_bodymap_has_the_database_open(data_dir: Path):
    db = make_database(data_dir)
    backup = regular_backups(data_dir)[0]
    holder = spawn_holder(data_dir)
    try:
        before = file_state(db)
        with pytest.raises(DatabaseLockedError):
            restore_backup(backup, data_dir)
        assert file_state(db) == before
    finally:
        kill(holder)


def test_restore_refuses_a_damaged_backup_and_changes_nothing(data_dir: Path, tmp_path: Path):
    db = make_database(data_dir, patients=30)
    bad = tmp_path / "bad.sqlite"
    raw = bytearray(db.read_bytes())
    raw[4096 * 2:4096 * 4] = b"\xff" * 8192
    bad.write_bytes(bytes(raw))
    before, bad_before = file_state(db), file_state(bad)
    with pytest.raises(BackupError, match="cannot be restored") as caught:
        restore_backup(bad, data_dir)
    assert "Choose another backup" in caught.value.user_message  # not "restore a backup"
    assert file_state(db) == before and file_state(bad) == bad_before
    with pytest.raises(BackupError):
        restore_backup(tmp_path / "missing.sqlite", data_dir)


WRITER = """
import os, sys
from pathlib import Path
from bodymap.services.records import Records
r = Records.open(Path(sys.argv[1]), user="w")
r._db._conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep the commit in the -wal file
r.create_patient(chart_number="ONLY-IN-WAL", family_name="Late")
print("committed", flush=True)
sys.stdin.read()
"""


def test_restore_preserves_commits_still_in_the_journal(data_dir: Path):
    make_database(data_dir)
    backup = regular_backups(data_dir)[0]
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "committed"
    kill(proc)  # crashes with the commit only in bodymap.sqlite-wal
    assert (data_dir / "bodymap.sqlite-wal").stat().st_size > 0
    kept = restore_backup(backup, data_dir)
    assert kept is not None and "ONLY-IN-WAL" in chart_numbers(kept)
    with Records.open(data_dir, user="x") as r:
        assert r.find_patient_by_chart_number("ONLY-IN-WAL") is None
        assert r.patient_count() == 3


def test_list_backups_offers_every_kind_newest_first(data_dir: Path):
    from bodymap.services.records import list_backups

    with Records.open(data_dir, user="x") as r:
        r.create_patient(chart_number="A", family_name="Before")
        first = r.backup_now()
    kept = restore_backup(first, data_dir)
    listed = list_backups(data_dir)
    assert listed[0] == kept and first in listed


def test_a_busy_day_does_not_push_earlier_days_out(data_dir: Path):
    """Ten writing sessions in a day must not leave the clinic with today's copies only."""
    make_database(data_dir)
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    earlier = [take_backup(conn, data_dir, now=datetime(2026, 1, d, 18, 0)) for d in (5, 6, 7)]
    today = [take_backup(conn, data_dir, now=datetime(2026, 1, 8, 8 + h, 0)) for h in range(12)]
    conn.close()
    rotate(data_dir, keep=10)
    left = regular_backups(data_dir)
    assert all(p in left for p in earlier)  # each earlier day's last copy
    kept = [p for p in left if p in today]  # and the newest ten overall (the database's
    assert kept == today[-len(kept):] and len(kept) >= 9  # own close made one more)
    assert len(left) == 10 + len(earlier)

