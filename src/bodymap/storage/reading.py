"""Opening a database only to read it: what ``info``, ``verify``, ``print`` and ``export``
do, beside a running bodymap or on a write-protected copy.

A reader takes no writer lock, creates nothing in the data folder and changes no byte of
it: no journal switch, no migration, no backup. While a bodymap has the file open, the
reader goes through its write-ahead log as SQLite readers do; otherwise it holds a share of
the database file's lock (a writer starting meanwhile waits) and reads the file as
immutable. A file of an older schema is upgraded in memory, never on disk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bodymap.storage.errors import StorageError
from bodymap.storage.files import DATABASE_NAME, check_data_folder
from bodymap.storage.lock import ReaderLock
from bodymap.storage.opening import inspect_existing, read_only_uri, reader_uri
from bodymap.storage.schema import LATEST_VERSION, migrate


def open_reader(data_dir: Path, *, check_schema: bool = True
                ) -> tuple[sqlite3.Connection, ReaderLock, Path]:
    """(connection, lock to release after closing it, database path) for reading
    DATA_DIR/bodymap.sqlite (``check_schema`` as for :func:`inspect_existing`). Raises a
    StorageError subclass, having changed nothing."""
    data_dir = Path(data_dir)
    path = data_dir / DATABASE_NAME
    if not data_dir.is_dir():
        raise StorageError(f"There is no data folder {data_dir}: nothing to read. Check "
                           "the --data-dir given, or start the app once.", path=data_dir)
    check_data_folder(data_dir)
    if not path.exists():
        raise StorageError(f"{data_dir} holds no database ({DATABASE_NAME}) yet: nothing "
                           "to read.", path=path)
    reader = ReaderLock(path)
    try:
        version = inspect_existing(path, check_writable=False, check_schema=check_schema)
        uri = read_only_uri(path) if reader.writer_running else reader_uri(path)
        conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                               check_same_thread=False, timeout=10)
        try:
            conn.execute("PRAGMA query_only = ON")
            if version < LATEST_VERSION:
                conn = _upgraded_in_memory(conn)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        reader.release()
        raise
    return conn, reader, path


def _upgraded_in_memory(source: sqlite3.Connection) -> sqlite3.Connection:
    """A copy of an older file in memory, brought to this version's schema: read as this
    version reads, while the file itself keeps its version until the app opens it."""
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        source.backup(copy)
        migrate(copy)
        copy.execute("PRAGMA query_only = ON")
    except BaseException:
        copy.close()
        raise
    finally:
        source.close()
    return copy
