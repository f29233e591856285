"""The single-writer lock: a file beside the database held with an OS advisory lock.

``flock`` (``msvcrt.locking`` on Windows) is released by the kernel when the holding process
dies, however it dies, so a crash never leaves a stale lock behind. The file's content
(pid, user, host, start time) only serves the message shown to the second instance; the
lock itself is the OS lock, never the file's existence.

Caveat: advisory locks over network file systems (SMB, some NFS set-ups) may not be seen
by other machines; a shared database belongs on a server backend, not a shared folder.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from bodymap.model.timetext import time_text
from bodymap.storage.errors import DatabaseLockedError, ReadOnlyDirectoryError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


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


class WriterLock:
    """Holds the exclusive lock of one database until :meth:`release`."""

    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self.path = lock_path_for(database_path)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock or raise DatabaseLockedError naming the process that holds it."""
        try:
            # "a+" creates the file without truncating it: the holder's details stay readable
            # until we actually own the lock.
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open
        except PermissionError:
            raise ReadOnlyDirectoryError(
                f"bodymap cannot create its lock file in {self.path.parent} (permission "
                "denied). Choose a data folder you may write to; nothing was changed.",
                path=self.path) from None
        if not _try_lock(handle):
            handle.seek(0)
            text = handle.read()
            handle.close()
            try:
                holder = json.loads(text) if text.strip() else {}
            except ValueError:  # caught mid-write by the holder
                holder = {}
            raise DatabaseLockedError(
                f"{self.database_path.name} is in use by {describe_holder(holder)}. Close "
                "bodymap there first, then try again; nothing was changed.",
                path=self.database_path, holder=holder)
        info = {"pid": os.getpid(), "user": _os_user(), "host": _host_name(),
                "since": datetime.now().astimezone().isoformat(timespec="seconds")}
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock up (idempotent). The file stays: deleting it would race a waiter."""
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.flush()
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None
