"""Opening a bad, foreign, newer, read-only or locked file fails clearly and never changes
the file."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_helpers import file_state, kill, make_database, spawn_holder

from bodymap.services.records import Records
from bodymap.storage import (
    LATEST_VERSION,
    CorruptDatabaseError,
    DatabaseLockedError,
    NewerSchemaError,
    NotABodymapDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    ReadOnlyDirectoryError,
    StorageError,
    compare_advice,
    regular_backups,
)


def refused_unchanged(data_dir: Path, error: type[StorageError]) -> StorageError:
    """Open must raise ``error`` and leave bodymap.sqlite exactly as it was."""
    db = data_dir / "bodymap.sqlite"
    before = file_state(db)
    with pytest.raises(error) as caught:
        Records.open(data_dir, user="x")
    assert file_state(db) == before
    assert caught.value.user_message and str(caught.value) == caught.value.user_message
    return caught.value


def write(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "bodymap.sqlite").write_bytes(content)


def test_text_file_is_not_a_database(data_dir: Path):
    write(data_dir, b"Patient list exported 2026-01-01\n" * 200)
    err = refused_unchanged(data_dir, NotADatabaseError)
    assert "not a database" in err.user_message and "not been changed" in err.user_message


def test_zero_byte_file_is_not_treated_as_new(data_dir: Path):
    write(data_dir, b"")
    err = refused_unchanged(data_dir, NotADatabaseError)
    assert "empty (0 bytes)" in err.user_message
    assert (data_dir / "bodymap.sqlite").stat().st_size == 0


def test_truncated_header(data_dir: Path):
    write(data_dir, b"SQLite format 3\x00" + b"\x10\x00")
    assert "truncated" in refused_unchanged(data_dir, NotADatabaseError).user_message


def test_garbage_after_a_valid_header(data_dir: Path):
    db = make_database(data_dir)
    head = db.read_bytes()[:100]
    db.write_bytes(head + os.urandom(64 * 1024))
    refused_unchanged(data_dir, CorruptDatabaseError)


def test_corrupt_page_in_the_middle(data_dir: Path):
    db = make_database(data_dir, patients=40)
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    assert len(raw) > 6 * page
    raw[3 * page:5 * page] = os.urandom(2 * page)
    db.write_bytes(bytes(raw))
    err = refused_unchanged(data_dir, CorruptDatabaseError)
    assert "backup" in err.user_message


def _damage_pages(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[3 * page:5 * page] = os.urandom(2 * page)
    db.write_bytes(bytes(raw))


def test_damaged_file_names_the_backups_folder_and_the_newest_backup(data_dir: Path):
    db = make_database(data_dir, patients=40)  # closing it took a backup
    (newest,) = regular_backups(data_dir)
    _damage_pages(db)
    message = refused_unchanged(data_dir, CorruptDatabaseError).user_message
    assert message.startswith("bodymap.sqlite is damaged (")
    assert (f"Restore the latest backup from the folder {data_dir / 'backups'} (the newest "
            f"is {newest.name}; 'bodymap restore' puts it in place") in message
    assert message.endswith("; the file has not been changed.")


@pytest.mark.parametrize("backups", ["no folder", "empty folder"])
def test_damaged_file_with_no_backups_says_so_and_what_to_do_instead(data_dir: Path,
                                                                     backups: str):
    db = make_database(data_dir, patients=40)
    shutil.rmtree(data_dir / "backups")
    if backups == "empty folder":
        (data_dir / "backups").mkdir()
    _damage_pages(db)
    message = refused_unchanged(data_dir, CorruptDatabaseError).user_message
    assert "Restore the latest backup" not in message
    where = (f"the data folder {data_dir} has no backups folder" if backups == "no folder"
             else f"the folder {data_dir / 'backups'} holds none")
    assert f"There are no backups to restore ({where})." in message
    assert "from the clinic's own backup of this computer" in message
    assert f"move bodymap.sqlite out of {data_dir} (keep it" in message
    assert message.endswith("begins an empty database; the file has not been changed.")
    assert (data_dir / "backups").exists() == (backups == "empty folder")  # not created


def test_empty_file_in_a_folder_without_backups(data_dir: Path):
    write(data_dir, b"")
    message = refused_unchanged(data_dir, NotADatabaseError).user_message
    assert "There are no backups to restore" in message
    assert "move bodymap.sqlite out of" in message and "not been changed" in message


def test_integrity_advice_offers_a_backup_to_compare_only_when_there_is_one(data_dir: Path):
    db = make_database(data_dir)
    (newest,) = regular_backups(data_dir)
    assert f"restore the latest backup ({newest}) into a new data folder" in \
        compare_advice(db)
    shutil.rmtree(data_dir / "backups")
    advice = compare_advice(db)
    assert "restore the latest backup" not in advice
    assert f"There are no backups in {data_dir / 'backups'} to compare with" in advice


def test_truncated_database_body(data_dir: Path):
    db = make_database(data_dir, patients=40)
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 2])
    refused_unchanged(data_dir, CorruptDatabaseError)


def test_newer_schema(data_dir: Path):
    db = make_database(data_dir)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    err = refused_unchanged(data_dir, NewerSchemaError)
    assert err.user_message == (
        "bodymap.sqlite was written by a newer bodymap (schema 7; this version reads up to "
        f"{LATEST_VERSION}). Install the newer version; the file has not been changed.")


def test_database_of_another_program(data_dir: Path):
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    refused_unchanged(data_dir, NotABodymapDatabaseError)


@pytest.fixture
def restore_modes(data_dir: Path) -> Iterator[None]:
    yield
    for p in (data_dir, data_dir / "bodymap.sqlite"):
        if p.exists():
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_read_only_file(data_dir: Path, restore_modes: None):
    db = make_database(data_dir)
    db.chmod(0o444)
    err = refused_unchanged(data_dir, ReadOnlyDatabaseError)
    assert "read-only" in err.user_message


def test_read_only_directory(data_dir: Path, restore_modes: None):
    make_database(data_dir)
    listing = sorted(os.listdir(data_dir))
    data_dir.chmod(0o555)
    err = refused_unchanged(data_dir, ReadOnlyDirectoryError)
    assert str(data_dir) in err.user_message
    assert sorted(os.listdir(data_dir)) == listing


def test_locked_by_another_running_bodymap(data_dir: Path):
    make_database(data_dir)
    holder = spawn_holder(data_dir)
    try:
        err = refused_unchanged(data_dir, DatabaseLockedError)
        assert f"pid {holder.pid}" in err.user_message
        assert f"host {socket.gethostname()}" in err.user_message
        assert err.user_message.startswith("bodymap.sqlite is in use by bodymap (pid ")
        assert err.holder["pid"] == holder.pid  # type: ignore[attr-defined]
    finally:
        kill(holder)
    # The OS released the dead holder's lock: no stale lock to clear by hand.
    with Records.open(data_dir, user="x") as r:
        assert r.patient_count() == 3


def test_second_open_in_the_same_process_is_refused_too(records: Records, data_dir: Path):
    with pytest.raises(DatabaseLockedError, match=f"pid {os.getpid()}"):
        Records.open(data_dir, user="x")
    records.close()
    Records.open(data_dir, user="x").close()


def test_data_dir_is_created_and_a_fresh_database_is_usable(tmp_path: Path):
    data_dir = tmp_path / "a" / "b" / "new"
    with Records.open(data_dir, user="x") as r:
        assert r.patient_count() == 0 and r.database_path == data_dir / "bodymap.sqlite"
    conn = sqlite3.connect(data_dir / "bodymap.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()
    assert not [p for p in os.listdir(data_dir) if p.startswith(".bodymap")]


def test_a_file_where_a_parent_folder_should_be(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("oops")
    with pytest.raises(ReadOnlyDirectoryError) as refused:
        Records.open(tmp_path / "notes.txt" / "data", user="x")
    assert "cannot create its data folder" in refused.value.user_message
    assert (tmp_path / "notes.txt").read_text() == "oops"


def test_a_file_where_the_folder_should_be(tmp_path: Path):
    (tmp_path / "data").write_text("oops")
    with pytest.raises(ReadOnlyDirectoryError):
        Records.open(tmp_path / "data", user="x")
    assert (tmp_path / "data").read_text() == "oops"


# -- the desktop app's way: quick_check on a thread beside the first paint --------------------
def refused_in_background_unchanged(data_dir: Path) -> StorageError:
    """With the check in the background, a damaged file must either be refused at open or
    refuse every write and backup afterwards, and stay exactly as it was either way."""
    db = data_dir / "bodymap.sqlite"
    before = file_state(db)
    backups_before = sorted((data_dir / "backups").glob("*"))
    try:
        records = Records.open(data_dir, user="x", check_in_background=True)
    except CorruptDatabaseError as exc:
        caught: StorageError = exc
    else:
        try:
            with pytest.raises(CorruptDatabaseError) as write_refused:
                records.create_patient(chart_number="NEW-1", family_name="Doe",
                                       given_names="Jane")
            with pytest.raises(CorruptDatabaseError):
                records._db.backup_now()
            caught = write_refused.value
        finally:
            records.close()  # takes no backup of a damaged file
    assert file_state(db) == before
    assert sorted((data_dir / "backups").glob("*")) == backups_before
    assert "backup" in caught.user_message
    return caught


def test_background_check_finds_a_corrupt_page_before_anything_is_written(data_dir: Path):
    db = make_database(data_dir, patients=40)
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[3 * page:5 * page] = os.urandom(2 * page)
    db.write_bytes(bytes(raw))
    err = refused_in_background_unchanged(data_dir)
    assert "damaged" in err.user_message


def test_background_check_on_garbage_and_truncated_files(data_dir: Path, tmp_path: Path):
    db = make_database(data_dir, patients=40)
    raw = db.read_bytes()
    db.write_bytes(raw[:100] + os.urandom(64 * 1024))
    refused_in_background_unchanged(data_dir)
    db.write_bytes(raw[: len(raw) // 2])
    refused_in_background_unchanged(data_dir)


def test_background_check_on_a_sound_file_lets_writes_through(data_dir: Path):
    make_database(data_dir, patients=5)
    with Records.open(data_dir, user="x", check_in_background=True) as records:
        made = records.create_patient(chart_number="NEW-1", family_name="Doe",
                                      given_names="Jane")
        assert records.check_finished
        records.check_result()  # passes
    with Records.open(data_dir, user="x") as records:
        assert records.get_patient(made.id).chart_number == "NEW-1"


def test_background_check_waits_to_be_started(data_dir: Path):
    """The app starts the check once its window has painted; until then nothing runs it,
    and the first write starts it rather than waiting for ever."""
    import threading

    make_database(data_dir, patients=5)
    with Records.open(data_dir, user="x", check_in_background=True) as records:
        assert not records.check_finished
        assert "bodymap-quick-check" not in [t.name for t in threading.enumerate()]
        records.start_check()
        records.start_check()  # once is enough
        records.check_result()  # waits, then passes
        assert records.check_finished
    with Records.open(data_dir, user="x", check_in_background=True) as records:
        records.create_patient(chart_number="NEW-2", family_name="Doe", given_names="J")
        assert records.check_finished


def test_background_check_of_a_file_in_rollback_mode_runs_before_anything_is_written(
        data_dir: Path):
    """Opening for writing switches a file to WAL, which rewrites its header. A file in
    another journal mode (a backup put in place by hand) is therefore checked at open,
    and a damaged one is refused with its bytes unchanged."""
    import sqlite3

    db = make_database(data_dir, patients=40)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    raw = bytearray(db.read_bytes())
    assert raw[18] == raw[19] == 1
    page = int.from_bytes(raw[16:18], "big")
    raw[5 * page:8 * page] = os.urandom(3 * page)
    db.write_bytes(bytes(raw))
    err = refused_in_background_unchanged(data_dir)
    assert "damaged" in err.user_message
    assert db.read_bytes() == bytes(raw)


def test_a_sound_file_in_rollback_mode_opens_and_becomes_wal(data_dir: Path):
    import sqlite3

    db = make_database(data_dir, patients=3)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with Records.open(data_dir, user="x", check_in_background=True) as records:
        assert records.check_finished  # checked at open, before the switch
        assert records.patient_count() == 3
    assert db.read_bytes()[18:20] == b"\x02\x02"



def test_the_holder_of_the_lock_is_named_with_a_local_time_and_its_offset(local_zone):
    from bodymap.storage.lock import describe_holder

    local_zone("Asia/Kolkata")
    holder = {"pid": 4242, "user": "anna", "host": "frontdesk",
              "since": "2026-12-04T09:14:00+01:00"}
    assert describe_holder(holder) == ("bodymap (pid 4242, user anna, host frontdesk, "
                                       "since 2026-12-04 13:44 +05:30)")
    assert describe_holder({**holder, "since": "yesterday"}).endswith("since yesterday)")
