"""Errors raised by storage. Each carries a ``user_message`` a dialog can show as is: what
happened, and what to do about it. ``str(error)`` is the same text."""

from __future__ import annotations

import errno
from pathlib import Path


class StorageError(Exception):
    """Base of every storage failure the UI should turn into a dialog (never a traceback)."""

    def __init__(self, user_message: str, *, path: Path | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.path = path


class NotADatabaseError(StorageError):
    """The file is not an SQLite database at all (wrong header, empty or truncated)."""


class NotABodymapDatabaseError(StorageError):
    """The file is a valid SQLite database written by some other program."""


class CorruptDatabaseError(StorageError):
    """The file starts like an SQLite database but is damaged."""


class AlteredSchemaError(CorruptDatabaseError):
    """The file's tables, indexes, triggers or views are not the ones bodymap defines."""


class NewerSchemaError(StorageError):
    """The file was written by a newer bodymap than this one."""

    def __init__(self, user_message: str, *, path: Path | None = None, found: int = 0,
                 supported: int = 0) -> None:
        super().__init__(user_message, path=path)
        self.found = found
        self.supported = supported


class MigrationError(StorageError):
    """Upgrading the file to this version's schema failed; the file keeps its old version."""


class ReadOnlyError(StorageError):
    """bodymap may not write where it needs to."""


class ReadOnlyDatabaseError(ReadOnlyError):
    """The database file itself is read-only."""


class ReadOnlyDirectoryError(ReadOnlyError):
    """The data folder is read-only (the journal, lock and backups live there)."""


class DatabaseLockedError(StorageError):
    """Another running bodymap has the database open for writing.

    ``holder`` is what that process wrote into the lock file (pid, user, host, since)."""

    def __init__(self, user_message: str, *, path: Path | None = None,
                 holder: dict[str, object] | None = None) -> None:
        super().__init__(user_message, path=path)
        self.holder = holder or {}


class RecordNotFoundError(StorageError, LookupError):
    """A patient, visit or addendum id that is not in the database."""


class UnusableFileError(StorageError):
    """A file bodymap needs is not one it may use: a folder, a pipe, a device or a symbolic
    link where a file of the data folder belongs, or a file it may not open."""


class WriteFailedError(StorageError):
    """A write could not be committed (disk full, I/O error); nothing of it was saved."""


class BackupError(StorageError):
    """A backup could not be made, or a file offered for restore is unusable."""


_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ELOOP: "it is a symbolic link",
    errno.EIO: "the disk reported an input/output error",
}


def os_reason(exc: OSError) -> str:
    """A few plain words for why the operating system refused (``the disk is full``)."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
