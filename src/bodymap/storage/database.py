"""The open database: checks on open, the single-writer lock, transactions, backups.

Opening order matters for the promise that a bad file is never modified: folder checks,
then the lock, then read-only inspection of an existing file (header, version, quick_check),
then a backup of the file before any migration, and only then a read-write connection.

The desktop app opens with ``check_in_background=True``: SQLite's quick_check, whose time
grows with the file (about 40 ms for 10,000 patients), then runs on a thread of its own,
started once the first window has painted (:meth:`Database.start_check`), and every write
and backup waits for it to pass. A damaged file is still never written to; it only takes
the window a moment longer to say so.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bodymap.model import SignedVisitError
from bodymap.storage import backup as backups
from bodymap.storage.damaged_text import damaged_text_error, is_decode_error
from bodymap.storage.errors import MigrationError, StorageError, WriteFailedError
from bodymap.storage.files import DATABASE_NAME, check_data_folder, open_regular, tighten
from bodymap.storage.lock import ReaderLock, WriterLock
from bodymap.storage.opening import (
    damaged,
    ensure_writable_directory,
    in_wal_mode,
    inspect_existing,
    quick_check_problems,
    read_only_uri,
)
from bodymap.storage.reading import open_reader
from bodymap.storage.schema import LATEST_VERSION, SIGNED_VISIT_MESSAGE, migrate

# SQLite result codes that mean "the disk refused", as opposed to a bug in a statement.
_DISK_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN",
                "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOTADB", "SQLITE_CORRUPT")


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves.
    # check_same_thread=False: an autosave worker may write; Database serialises access.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        conn.close()
        raise StorageError(f"{path.name} cannot use a write-ahead journal here (journal mode "
                           f"{mode}). Keep the data folder on a local disk.", path=path)
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _create(path: Path) -> None:
    """Make a new, fully migrated database under a temporary name, then rename it into
    place: a crash never leaves a half-made (or 0-byte) bodymap.sqlite behind."""
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    # made owner-only before SQLite writes to it (its journal files take its mode)
    os.close(open_regular(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL))
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        migrate(conn)
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    backups.fsync_path(tmp)
    os.replace(tmp, path)
    backups.fsync_path(path.parent)


class Database:
    """One open bodymap database, held exclusively by this process until :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, user: str,
                 lock: WriterLock | ReaderLock | None = None,
                 keep_backups: int = backups.DEFAULT_KEEP) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._lock = lock
        self.read_only = isinstance(lock, ReaderLock)
        self._mutex = threading.RLock()
        self.path = path
        self.data_dir = path.parent
        self.user = user
        self.keep_backups = keep_backups
        # Committed writes not yet in a backup: the automatic backup copies only a
        # database that changed (a copy of an unchanged one would only push older days out).
        self._writes_since_backup = False
        self._auto_backup: Path | None = None  # this session's latest automatic copy
        self._checked = threading.Event()
        self._checked.set()
        self._check_pending = False  # a background check not started yet
        self._problems: list[str] = []

    @classmethod
    def open(cls, data_dir: Path, *, user: str, keep_backups: int = backups.DEFAULT_KEEP,
             check_in_background: bool = False, check_schema: bool = True) -> Database:
        """Open (or create) DATA_DIR/bodymap.sqlite for writing as ``user``.

        Raises a StorageError subclass, leaving any existing file untouched, when the
        folder or file is read-only, another bodymap holds the lock, or the file is not a
        sound bodymap database this version can read.

        With ``check_in_background``, a file that needs no migration returns before its
        quick_check has run: the check starts on a thread of its own with
        :meth:`start_check`, or at the first write, backup or :meth:`check_result`,
        whichever comes first. A damaged file then raises CorruptDatabaseError from the
        first write or backup (and from :meth:`check_result`) instead of from here.
        """
        data_dir = Path(data_dir)
        if not user or not user.strip():
            raise ValueError("a user name is required: the audit log records who wrote")
        ensure_writable_directory(data_dir)
        check_data_folder(data_dir)
        path = data_dir / DATABASE_NAME
        lock = WriterLock(path)
        lock.acquire()
        try:
            for stale in data_dir.glob(f".{DATABASE_NAME}.*-*"):  # left by a crash
                stale.unlink(missing_ok=True)
            background = False
            if path.exists():
                version = inspect_existing(path, quick_check=not check_in_background,
                                           check_schema=check_schema)
                # A migration writes, and so does the switch to WAL of a file in another
                # journal mode (a backup put in place by hand): check first, here.
                writes_now = version < LATEST_VERSION or not in_wal_mode(path)
                if writes_now and check_in_background:
                    problems = quick_check_problems(path)
                    if problems:
                        raise damaged(path, problems)
                background = check_in_background and not writes_now
                if version < LATEST_VERSION:
                    source = sqlite3.connect(read_only_uri(path), uri=True)
                    try:
                        backups.take_backup(source, data_dir,
                                            prefix=f"bodymap-pre-v{LATEST_VERSION}")
                    finally:
                        source.close()
            else:
                _create(path)
                lock.lock_database()
            conn = _connect(path)
            try:
                migrate(conn)
            except Exception as exc:
                conn.close()
                raise MigrationError(
                    f"bodymap could not upgrade {path.name} to schema {LATEST_VERSION} "
                    f"({exc}). The file keeps its previous version and a copy was kept in "
                    "the backups folder; report this problem.", path=path) from exc
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise
        tighten(data_dir)
        db = cls(conn, path, user=user, lock=lock, keep_backups=keep_backups)
        if background:
            db._checked.clear()
            db._check_pending = True
        return db

    @classmethod
    def open_read_only(cls, data_dir: Path, *, user: str, check_schema: bool = True
                       ) -> Database:
        """Open DATA_DIR/bodymap.sqlite only to read it (see storage.reading): beside a
        running bodymap, on a write-protected copy, changing nothing in the folder. Every
        write and backup is refused."""
        conn, reader, path = open_reader(Path(data_dir), check_schema=check_schema)
        return cls(conn, path, user=user, lock=reader)

    # -- the quick_check that may run beside start-up -----------------------------------------
    def start_check(self) -> None:
        """Start the background quick_check now, if it is still to run (idempotent). The
        app calls this once its window has painted: on a small machine the check would
        otherwise compete with building the first window for the CPU and the disk."""
        with self._mutex:
            if not self._check_pending:
                return
            self._check_pending = False

        def run() -> None:
            try:
                self._problems = quick_check_problems(self.path)
            finally:
                self._checked.set()

        threading.Thread(target=run, name="bodymap-quick-check", daemon=True).start()

    @property
    def check_finished(self) -> bool:
        """Whether the file's quick_check has finished (always, unless it runs in the
        background and is still going)."""
        return self._checked.is_set()

    def check_result(self) -> None:
        """Wait for the quick_check (starting it if need be), then raise
        CorruptDatabaseError if it found damage."""
        self.start_check()
        self._checked.wait()
        if self._problems:
            raise damaged(self.path, self._problems)

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT); rolled back on any error.

        A write refused by the signed-visit triggers becomes SignedVisitError; a disk or
        I/O failure becomes WriteFailedError (the last committed state is intact)."""
        self._refuse_if_read_only()
        self.check_result()  # never write to a file that failed its check
        with self._mutex:
            conn = self._require_open()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                    self._writes_since_backup = True
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.IntegrityError as exc:
                if SIGNED_VISIT_MESSAGE in str(exc):
                    raise SignedVisitError("This visit is signed and cannot be changed; add "
                                           "an addendum instead.") from exc
                raise
            except sqlite3.OperationalError as exc:
                if not getattr(exc, "sqlite_errorname", "").startswith(_DISK_ERRORS):
                    raise  # a programming error: let it show as one
                raise WriteFailedError(
                    f"bodymap could not save to {self.path.name} ({exc}). Check free disk "
                    "space and that the data folder is still reachable; the last saved "
                    "state is intact.", path=self.path) from exc

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one consistent state. A read that meets a damaged page
        raises CorruptDatabaseError (possible while the background quick_check runs)."""
        with self._mutex:
            conn = self._require_open()
            try:
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    if conn.in_transaction:
                        conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                    raise damaged(self.path, [str(exc)]) from exc
                if is_decode_error(exc):
                    raise damaged_text_error(conn, self.path) from None
                raise

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise StorageError(f"{self.path.name} was opened only to read it; nothing can "
                               "be saved or backed up this way.", path=self.path)

    def _require_open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageError("The database is closed.", path=self.path)
        return self._conn

    def integrity_problems(self, limit: int = 10) -> list[str]:
        """SQLite's full integrity check of the file: [] when sound, else up to ``limit``
        problems as SQLite words them."""
        with self.snapshot() as conn:
            rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
        return [] if rows == ["ok"] else rows

    # -- backups and closing ------------------------------------------------------------------
    def backup_now(self) -> Path:
        """Back up into DATA_DIR/backups now and rotate; returns the backup's path.
        Raises CorruptDatabaseError, keeping every backup, if the file failed its check:
        rotating a damaged copy in would push a sound one out."""
        self._refuse_if_read_only()
        self.check_result()
        with self._mutex:
            path = backups.take_backup(self._require_open(), self.data_dir)
            self._writes_since_backup = False
            backups.rotate(self.data_dir, self.keep_backups)
            return path

    def backup_if_due(self) -> Path | None:
        """The automatic backup (hourly while the app is open, and on closing): a copy
        when this session has written since its last one, or when there is no backup at
        all; nothing when nothing changed (a read-only verb, an idle app), so copies of
        an unchanged database never push older days out of the rotation. The session's
        previous automatic copy from the same day is replaced, not kept beside it; backups
        taken on request and other sessions' copies are never touched."""
        if not self._writes_since_backup and (backups.regular_backups(self.data_dir)
                                              or self._empty()):
            return None
        previous = self._auto_backup
        path = self.backup_now()
        self._auto_backup = path
        if previous is not None and backups.backup_day(previous) == backups.backup_day(path):
            previous.unlink(missing_ok=True)
        return path

    def _empty(self) -> bool:
        """No patient at all (a folder just created): nothing worth a copy."""
        with self.snapshot() as conn:
            return bool(conn.execute("SELECT NOT EXISTS (SELECT 1 FROM patients)").fetchone()[0])

    def _sound(self) -> bool:
        self.start_check()
        self._checked.wait()
        return not self._problems

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self, *, backup: bool = True) -> None:
        """Take the automatic backup (if due), close the connection and release the lock."""
        with self._mutex:
            if self._conn is None:
                return
            try:
                if backup and not self.read_only and self._sound():
                    self.backup_if_due()
            finally:
                try:
                    self._conn.close()  # checkpoints the WAL into the database file
                finally:
                    self._conn = None
                    if self._lock is not None:
                        self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
