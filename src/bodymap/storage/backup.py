"""Backups with the SQLite online backup API, rotation, and restore.

Every copy is written to a temporary name, fsynced and then renamed, so a file under its
final name is always a complete database (a crash mid-backup leaves only a ``.tmp``).
Regular backups are ``bodymap-YYYYmmdd-HHMMSS.sqlite`` (local time) and are rotated;
copies kept before a migration or a restore (``bodymap-pre-...``) are never rotated away.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from bodymap.storage.backup_files import (
    BACKUP_DIR_NAME,
    REGULAR_NAME,
    all_backups,
    latest_backup,
    regular_backups,
)
from bodymap.storage.errors import BackupError, StorageError, UnusableFileError, os_reason
from bodymap.storage.files import check_data_folder, make_private_folder, open_regular
from bodymap.storage.lock import WriterLock
from bodymap.storage.opening import ensure_writable_directory, inspect_existing, read_only_uri

__all__ = ["BACKUP_DIR_NAME", "DEFAULT_KEEP", "all_backups", "backup_dir",
           "copy_database", "fsync_path", "latest_backup",
           "regular_backups", "restore_backup", "rotate", "take_backup"]

DEFAULT_KEEP = 10
DAYS_KEPT = 30  # and the last copy of each of the 30 most recent days with backups


def fsync_path(path: Path) -> None:
    """Flush a file (or a directory entry, on POSIX) to stable storage."""
    if os.name == "nt":  # pragma: no cover - Windows: no directory fsync; files need write
        if path.is_dir():
            return
        fd = os.open(path, os.O_RDWR)
    else:
        fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unique(directory: Path, stem: str) -> Path:
    """``stem.sqlite``, or for a second backup within one second ``stem-N.sqlite`` with N
    above every N already used (rotation may have removed the lower ones)."""
    taken = [1 for _ in directory.glob(f"{stem}.sqlite")]
    taken += [int(m.group(1)) for p in directory.glob(f"{stem}-*.sqlite")
              if (m := re.fullmatch(rf"{re.escape(stem)}-(\d+)\.sqlite", p.name))]
    if not taken:
        return directory / f"{stem}.sqlite"
    return directory / f"{stem}-{max(taken) + 1}.sqlite"


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of the database behind ``source`` to ``dest`` atomically."""
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        tmp.unlink(missing_ok=True)
        # owner-only from the start: SQLite writes the copy (and its journal) into it
        os.close(open_regular(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL))
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # A self-contained file: in WAL mode (copied from the source) every reader
            # would leave -wal and -shm files beside it in the backups folder.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        fsync_path(tmp)
        os.replace(tmp, dest)
        fsync_path(dest.parent)
    except (OSError, sqlite3.Error, UnusableFileError) as exc:
        tmp.unlink(missing_ok=True)
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise BackupError(f"The backup {dest.name} could not be written ({reason}). Check "
                          "free disk space; the database itself is unchanged.",
                          path=dest) from exc
    return dest


def backup_dir(data_dir: Path) -> Path:
    """DATA_DIR/backups, made (0700) if missing; a link or a file there is refused
    (UnusableFileError): backups are never written through a symbolic link."""
    path = data_dir / BACKUP_DIR_NAME
    try:
        make_private_folder(path)
    except OSError as exc:
        raise BackupError(f"The backups folder {path} could not be made ({os_reason(exc)}). "
                          "The database itself is unchanged.", path=path) from None
    return path


def take_backup(source: sqlite3.Connection, data_dir: Path, *, prefix: str = "bodymap",
                now: datetime | None = None) -> Path:
    """Back the database up into DATA_DIR/backups/<prefix>-YYYYmmdd-HHMMSS.sqlite."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    directory = backup_dir(data_dir)
    for stale in directory.glob("*.sqlite.tmp"):  # left by a crash mid-backup
        stale.unlink(missing_ok=True)
    return copy_database(source, _unique(directory, f"{prefix}-{stamp}"))


def rotate(data_dir: Path, keep: int = DEFAULT_KEEP, days: int = DAYS_KEPT) -> list[Path]:
    """Delete regular backups that are neither among the newest ``keep`` nor the last
    copy of one of the ``days`` most recent days with backups; returns the removed. A busy
    day's many copies never push the earlier days' out."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    found = regular_backups(data_dir)  # oldest first
    kept = set(found[-keep:])
    last_of_day: dict[str, Path] = {}
    for path in found:
        last_of_day[backup_day(path) or ""] = path  # the later one of a day wins
    kept.update(last_of_day[day] for day in sorted(last_of_day)[-days:])
    doomed = [path for path in found if path not in kept]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def backup_day(path: Path) -> str | None:
    """The local date (YYYYmmdd) in a regular backup's name, else None."""
    match = REGULAR_NAME.match(path.name)
    return match.group(1)[:8] if match else None


def _preserve_current(db_path: Path, data_dir: Path) -> Path:
    """Keep the database about to be replaced, as a consistent copy if SQLite can still read
    it, otherwise as the raw files (database plus its -wal)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = _unique(backup_dir(data_dir), f"bodymap-pre-restore-{stamp}")
    try:
        source = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            return copy_database(source, dest)
        finally:
            source.close()
    except (sqlite3.Error, BackupError):
        pass
    import shutil  # rarely needed: not loaded at start-up

    for suffix in ("", "-wal"):  # damaged: keep the bytes exactly as they were
        src = Path(str(db_path) + suffix)
        if src.exists():
            dst = Path(str(dest) + suffix)
            shutil.copy2(src, dst)
            fsync_path(dst)
    fsync_path(dest.parent)
    return dest


def restore_backup(backup_file: Path, data_dir: Path,
                   database_name: str = "bodymap.sqlite") -> Path | None:
    """Replace DATA_DIR/bodymap.sqlite with ``backup_file`` (DATA_DIR is created if need be).

    Refuses (DatabaseLockedError) while a bodymap has the database open, and refuses a
    backup that is not a sound bodymap database (its file is never modified). The current
    database is first kept as backups/bodymap-pre-restore-*.sqlite, whose path is returned
    (None if there was no database). The swap is atomic: the restored copy is written to a
    temporary file in the data folder, fsynced, then renamed over the database.
    """
    backup_file = Path(backup_file)
    data_dir = Path(data_dir)
    db_path = data_dir / database_name
    if not backup_file.is_file():
        raise BackupError(f"The backup {backup_file} does not exist.", path=backup_file)
    # A new folder is how a backup is compared with a suspect database (see
    # opening.compare_advice); the lock file needs the folder to exist.
    ensure_writable_directory(data_dir)
    check_data_folder(data_dir, database_name)
    lock = WriterLock(db_path)
    lock.acquire()
    try:
        try:
            inspect_existing(backup_file, check_writable=False, is_backup=True)
        except StorageError as exc:
            raise BackupError(f"The backup {backup_file.name} cannot be restored: "
                              f"{exc.user_message}", path=backup_file) from exc
        # immutable: a backup is only read; no -wal or -shm is made beside it
        source = sqlite3.connect(read_only_uri(backup_file) + "&immutable=1", uri=True)
        try:
            bad = [r[0] for r in source.execute("PRAGMA integrity_check(5)")]
            if bad != ["ok"]:
                raise BackupError(f"The backup {backup_file.name} is damaged ({bad[0]}); "
                                  "choose another one. Nothing was changed.", path=backup_file)
            tmp = data_dir / f".{database_name}.restore-{os.getpid()}"
            copy_database(source, tmp)
        finally:
            source.close()
        try:
            kept = _preserve_current(db_path, data_dir) if db_path.exists() else None
            # A -wal left beside the new file would be replayed into it: remove the old
            # journal files, now that their content is preserved.
            for suffix in ("-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            os.replace(tmp, db_path)
            fsync_path(data_dir)
        finally:
            tmp.unlink(missing_ok=True)
        return kept
    finally:
        lock.release()
