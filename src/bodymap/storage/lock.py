"""The single-writer lock: a file beside the database held with an OS advisory lock.

``flock`` (``msvcrt.locking`` on Windows) is released by the kernel when the holding process
dies, however it dies, so a crash never leaves a stale lock behind. The file's content
(pid, user, host, start time) only serves the message shown to the second instance; the
lock itself is the OS lock, never the file's existence.

Caveat: advisory locks over network file systems (SMB, some NFS set-ups) may not be seen
by other machines; a shared database belongs on a server backend, not a shared folder.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from bodymap.model.timetext import time_text
from bodymap.storage.errors import DatabaseLockedError, WriteFailedError, os_reason
from bodymap.storage.files import FILE_MODE, open_regular

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock_fd(fd: int, *, shared: bool) -> bool:
        if shared:  # Windows locks byte ranges exclusively: readers take none
            return True
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock_fd(fd: int, *, shared: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(database_path: Path) -> Path:
    """Where the lock file of ``database_path`` lives."""
    return database_path.with_name(database_path.name + ".lock")


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): the lock still works
        return "unknown"


def _host_name() -> str:
    """This computer's name, for the lock file. os.uname() on POSIX; the socket module
    (4 ms to import, before the first window) only where there is no uname."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def describe_holder(holder: dict[str, Any]) -> str:
    """"bodymap (pid 4242, user anna, host frontdesk, since 2026-12-04 09:14 +01:00)" from
    lock-file content."""
    if not holder:
        return "another bodymap"
    since = str(holder.get("since", ""))
    try:
        since = time_text(datetime.fromisoformat(since))
    except ValueError:
        pass  # not a moment with its zone: shown as written
    return (f"bodymap (pid {holder.get('pid', '?')}, user {holder.get('user', '?')}, "
            f"host {holder.get('host', '?')}, since {since or '?'})")


def _wait_for_lock(fd: int, *, shared: bool, seconds: float) -> bool:
    """Try to lock the open file ``fd`` for up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        if _try_lock_fd(fd, shared=shared):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


class WriterLock:
    """Holds the exclusive lock of one database until :meth:`release`.

    Two locks, both released by the kernel when the process dies: the lock file's (whose
    content names the holder for the message the next one sees), and the database file's
    own, so deleting or renaming the lock file while bodymap runs lets no second one in.
    Readers (``info``, ``verify``, ``print``, ``export``) share the database file's lock
    for a moment; a writer starting then waits for them (:attr:`READER_WAIT` seconds).
    """

    READER_WAIT = 10.0

    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self.path = lock_path_for(database_path)
        self._fd: int | None = None
        self._database_fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise DatabaseLockedError naming the process that holds it;
        UnusableFileError when the lock file is a link, a folder or cannot be made."""
        # O_CREAT without O_TRUNC: the holder's details stay readable until we own the lock
        fd = open_regular(self.path, os.O_RDWR | os.O_CREAT)
        if not _try_lock_fd(fd, shared=False):
            holder = _read_holder(fd)
            os.close(fd)
            raise self._in_use(holder)
        self._fd = fd
        try:
            self.lock_database()
            self._write_details(fd)
        except BaseException:
            self.release()
            raise

    def lock_database(self) -> None:
        """Lock the database file itself as well (called again once a new database has
        been made). Nothing when there is no database file yet."""
        if (self._database_fd is not None or not self.database_path.exists()
                or sys.platform == "win32"):  # Windows byte locks would bar SQLite's reads
            return
        fd = open_regular(self.database_path)
        if not _wait_for_lock(fd, shared=False, seconds=self.READER_WAIT):
            os.close(fd)
            raise self._in_use({})
        self._database_fd = fd

    def _in_use(self, holder: dict[str, Any]) -> DatabaseLockedError:
        return DatabaseLockedError(
            f"{self.database_path.name} is in use by {describe_holder(holder)}. Close "
            "bodymap there first, then try again; nothing was changed.",
            path=self.database_path, holder=holder)

    def _write_details(self, fd: int) -> None:
        info = {"pid": os.getpid(), "user": _os_user(), "host": _host_name(),
                "since": datetime.now().astimezone().isoformat(timespec="seconds")}
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, FILE_MODE)
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        except OSError as exc:
            raise WriteFailedError(
                f"bodymap cannot write in its data folder {self.path.parent} "
                f"({os_reason(exc)}), so it could not save anything either. Free some "
                "space (or fix the disk) and try again; nothing was changed.",
                path=self.path) from None

    def release(self) -> None:
        """Give the lock up (idempotent). The file stays: deleting it would race a waiter."""
        if self._database_fd is not None:
            os.close(self._database_fd)  # closing drops its lock
            self._database_fd = None
        if self._fd is None:
            return
        try:
            with contextlib.suppress(OSError):  # a full disk cannot keep the lock held
                os.ftruncate(self._fd, 0)
            _unlock_fd(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


class ReaderLock:
    """A reader's share of the database file's lock, held while it reads (see
    :class:`WriterLock`). When a running bodymap holds the file, the reader takes no lock:
    it reads beside the writer through the write-ahead log, and ``writer_running`` says so.
    Nothing is created or written."""

    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self._fd: int | None = open_regular(database_path)
        self.writer_running = not _try_lock_fd(self._fd, shared=True)
        if self.writer_running:
            os.close(self._fd)
            self._fd = None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _read_holder(fd: int) -> dict[str, Any]:
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8", "replace")
        return json.loads(text) if text.strip() else {}
    except (OSError, ValueError):  # caught mid-write by the holder
        return {}
