"""Checks made before bodymap writes to a database file: none of them modifies the file.

A file that is not SQLite, is damaged, comes from a newer bodymap, belongs to another
program or may not be written gets a specific :class:`StorageError` and stays byte for byte
as it was: the header is read with plain ``open(..., "rb")`` and SQLite only ever sees the
file through a read-only (``mode=ro``) connection here.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from bodymap.storage.backup_files import backups_folder, latest_backup
from bodymap.storage.errors import (
    AlteredSchemaError,
    CorruptDatabaseError,
    NewerSchemaError,
    NotABodymapDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    ReadOnlyDirectoryError,
)
from bodymap.storage.files import FOLDER_MODE, check_entry, open_regular
from bodymap.storage.schema import APPLICATION_ID, LATEST_VERSION, schema_differences

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_UNCHANGED = "the file has not been changed"


def is_read_only(path: Path) -> bool:
    """True when ``path`` may not be written.

    Besides ``os.access`` (false for root on a writable file system), a file or folder with
    no write permission bit at all counts as read-only: somebody marked it so on purpose,
    and bodymap respects that even when it runs with the rights to override it.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not os.access(path, os.W_OK) or not (mode & (stat.S_IWUSR | stat.S_IWGRP
                                                        | stat.S_IWOTH))


def ensure_writable_directory(data_dir: Path) -> None:
    """Create ``data_dir`` if needed; raise ReadOnlyDirectoryError if bodymap may not write
    there (the journal, the lock file and the backups live beside the database)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    except PermissionError:
        raise ReadOnlyDirectoryError(
            f"bodymap cannot create its data folder {data_dir} (permission denied). Choose a "
            "folder you may write to.", path=data_dir) from None
    except FileExistsError:
        raise ReadOnlyDirectoryError(
            f"{data_dir} is a file, not a folder. Choose a folder for bodymap's data.",
            path=data_dir) from None
    except OSError as exc:  # a file where a parent folder should be, a full or odd disk
        raise ReadOnlyDirectoryError(
            f"bodymap cannot create its data folder {data_dir} "
            f"({exc.strerror or exc}). Choose a folder you may write to; nothing was "
            "changed.", path=data_dir) from None
    if is_read_only(data_dir):
        raise ReadOnlyDirectoryError(
            f"The data folder {data_dir} is read-only. bodymap needs to write there (journal, "
            "lock and backups). Make it writable or choose another folder; nothing was "
            "changed.", path=data_dir)


def restore_advice(path: Path) -> str:
    """What to do when the database ``path`` (DATA_DIR/bodymap.sqlite) cannot be used:
    restore the newest backup, named with its folder, or, when the data folder has no
    backups, say so and how to go on without one."""
    data_dir, folder = path.parent, backups_folder(path.parent)
    latest = latest_backup(data_dir)
    if latest is not None:
        return (f"Restore the latest backup from the folder {folder} (the newest is "
                f"{latest.name}; 'bodymap restore' puts it in place and keeps a copy of "
                "this file)")
    where = (f"the folder {folder} holds none" if folder.is_dir()
             else f"the data folder {data_dir} has no backups folder")
    return (f"There are no backups to restore ({where}). Restore {path.name} from the "
            "clinic's own backup of this computer if there is one; otherwise move "
            f"{path.name} out of {data_dir} (keep it: it may still be rescued) and start "
            "bodymap again, which begins an empty database")


def compare_advice(path: Path) -> str:
    """What to do when the open database ``path`` fails an integrity or audit check: keep
    it and compare with a backup, if there is one."""
    latest = latest_backup(path.parent)
    if latest is not None:
        return (f"Keep this database as it is and restore the latest backup ({latest}) "
                "into a new data folder to compare (bodymap --data-dir NEW-FOLDER restore "
                "BACKUP).")
    return (f"Keep this database as it is and copy {path.name} somewhere safe. There are "
            f"no backups in {backups_folder(path.parent)} to compare with; look for a "
            "copy in the clinic's own backup of this computer.")


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` without any right to write it."""
    return path.resolve().as_uri() + "?mode=ro"


def reader_uri(path: Path) -> str:
    """A SQLite URI that reads ``path`` and creates nothing beside it. With no -wal file
    beside it, no bodymap has it open and no committed write waits in a journal: it is
    read as immutable (a read-only connection would otherwise leave an empty -wal and
    -shm behind). With a -wal, it is read through the log, as SQLite readers do beside a
    running writer."""
    uri = read_only_uri(path)
    return uri if Path(f"{path}-wal").exists() else uri + "&immutable=1"


def _truncation(path: Path, head: bytes, size: int) -> str | None:
    """Why the header says the file is incomplete, or None. The page size (bytes 16-17)
    divides the size of every whole file, and the page count (bytes 28-31, valid when the
    change counter at 24 equals the version at 92) times the page size is its size."""
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return None  # not a page size at all: SQLite will call the file damaged
    if size % page_size:
        return f"{size:,} bytes is not a whole number of {page_size:,}-byte pages"
    pages = int.from_bytes(head[28:32], "big")
    if pages and head[24:28] == head[92:96] and size < pages * page_size:
        return f"{size:,} bytes where its header counts {pages:,} pages of {page_size:,}"
    return None


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    return [] if problems == ["ok"] else problems


def damaged(path: Path, problems: list[str], advice: str | None = None
            ) -> CorruptDatabaseError:
    """The error for a file whose quick_check found ``problems``; ``advice`` says what to
    do (default: :func:`restore_advice`)."""
    lines = [line.strip() for problem in problems for line in problem.splitlines()]
    first = next((line for line in lines if line and not line.startswith("***")), "damaged")
    return CorruptDatabaseError(
        f"{path.name} is damaged ({first}). {advice or restore_advice(path)}; {_UNCHANGED}.",
        path=path)


def quick_check_problems(path: Path) -> list[str]:
    """SQLite's quick_check of ``path`` through a read-only connection of its own (so it
    may run on another thread), then the schema against bodymap's: [] when sound, else up
    to five problems. A file SQLite cannot even read counts as one problem."""
    try:
        conn = sqlite3.connect(reader_uri(path), uri=True, isolation_level=None)
        try:
            problems = _quick_check(conn)
            if not problems:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                problems = [f"its schema is not bodymap's: {difference}"
                            for difference in schema_differences(conn, version)]
            return problems
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [str(exc)]


def in_wal_mode(path: Path) -> bool:
    """Whether the file's header says write-ahead logging (bytes 18 and 19 are 2). Opening
    any other file for writing switches it to WAL, which rewrites its header."""
    with open(path, "rb") as f:
        head = f.read(20)
    return len(head) == 20 and head[18] == 2 and head[19] == 2


def inspect_existing(path: Path, *, check_writable: bool = True,
                     quick_check: bool = True, is_backup: bool = False,
                     check_schema: bool = True) -> int:
    """Check an existing database file without changing it and return its schema version.

    ``quick_check=False`` leaves out SQLite's quick_check, whose time grows with the file,
    and the schema comparison (a few milliseconds: it builds bodymap's schema in memory);
    the caller must then run :func:`quick_check_problems`, which makes both, before writing.
    ``is_backup`` for a backup about to be restored: a bad one calls for another backup, while a bad
    DATA_DIR/bodymap.sqlite calls for restoring one (:func:`restore_advice`).
    ``check_schema=False`` lets a file whose tables, indexes, triggers or views differ from
    bodymap's through (only ``verify`` does, to report everything it finds).

    Raises NotADatabaseError (empty, truncated or foreign file), CorruptDatabaseError
    (AlteredSchemaError when its schema is not bodymap's),
    NewerSchemaError, NotABodymapDatabaseError or ReadOnlyDatabaseError.
    """
    name = path.name

    def advice() -> str:  # only when refusing: it lists the backups folder
        return "Choose another backup" if is_backup else restore_advice(path)

    check_entry(path)  # a folder, pipe or link is refused before anything opens it
    fd = open_regular(path)  # UnusableFileError when it may not be read
    try:
        head = os.pread(fd, _HEADER_SIZE, 0)
        size = os.fstat(fd).st_size
    finally:
        os.close(fd)
    if not head:
        raise NotADatabaseError(
            f"{name} is empty (0 bytes): it is not a bodymap database. A crash or a copy "
            f"that did not finish can cause this. {advice()}; {_UNCHANGED}.", path=path)
    if not head.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            f"{name} is not a database file (it does not start with the SQLite header). "
            f"If it is the wrong file, put the right one in its place. {advice()}; "
            f"{_UNCHANGED}.", path=path)
    if len(head) < _HEADER_SIZE:
        raise NotADatabaseError(
            f"{name} is truncated ({len(head)} bytes): it is not a usable database. "
            f"{advice()}; {_UNCHANGED}.", path=path)
    cut = _truncation(path, head, size)
    if cut is not None:
        raise CorruptDatabaseError(
            f"{name} is damaged: truncated ({cut}), part of it is missing. {advice()}; "
            f"{_UNCHANGED}.", path=path)
    try:
        conn = sqlite3.connect(reader_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(
            f"{name} cannot be opened ({exc}). {advice()}; {_UNCHANGED}.",
            path=path) from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if version > LATEST_VERSION:
            raise NewerSchemaError(
                f"{name} was written by a newer bodymap (schema {version}; this version "
                f"reads up to {LATEST_VERSION}). Install the newer version; {_UNCHANGED}.",
                path=path, found=version, supported=LATEST_VERSION)
        if quick_check:
            problems = _quick_check(conn)
            if problems:
                raise damaged(path, problems, advice())
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
        altered = (schema_differences(conn, version)
                   if check_schema and quick_check and app_id == APPLICATION_ID else [])
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(
            f"{name} starts like a database but is damaged ({exc}). {advice()}; "
            f"{_UNCHANGED}.", path=path) from None
    finally:
        conn.close()
    if app_id != APPLICATION_ID and (version != 0 or has_tables):
        raise NotABodymapDatabaseError(
            f"{name} is a database of another program, not bodymap. Choose another data "
            f"folder; {_UNCHANGED}.", path=path)
    if altered:
        raise AlteredSchemaError(
            f"{name} does not have the structure bodymap defines for it: "
            f"{'; '.join(altered)}. It was changed outside bodymap and its records can no "
            f"longer be trusted. {advice()}; {_UNCHANGED}.", path=path)
    if check_writable and is_read_only(path):
        raise ReadOnlyDatabaseError(
            f"{name} is read-only, so bodymap cannot save to it. Make the file writable (or "
            f"copy it somewhere you may write) and open it again; {_UNCHANGED}.", path=path)
    return int(version)
