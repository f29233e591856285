"""Which backups a data folder holds (DATA_DIR/backups), read from the file names alone.

Kept apart from backup.py, which writes and restores them with SQLite, so that the
messages about a damaged database (opening.py, which backup.py itself uses) can say where
the backups are, or that there are none.
"""

from __future__ import annotations

import re
from pathlib import Path

BACKUP_DIR_NAME = "backups"
REGULAR_NAME = re.compile(r"^bodymap-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")


def backups_folder(data_dir: Path) -> Path:
    """DATA_DIR/backups (which may not exist)."""
    return data_dir / BACKUP_DIR_NAME


def regular_backups(data_dir: Path) -> list[Path]:
    """Rotated backups, oldest first."""
    directory = backups_folder(data_dir)
    if not directory.is_dir():
        return []
    found = [(m, p) for p in directory.iterdir() if (m := REGULAR_NAME.match(p.name))]
    # Same second: "-2", "-3"... come after the unsuffixed name, in numeric order.
    found.sort(key=lambda mp: (mp[0].group(1), int(mp[0].group(2) or 1)))
    return [p for _, p in found]


def all_backups(data_dir: Path) -> list[Path]:
    """Every complete backup (regular, pre-migration, pre-restore), newest first."""
    directory = backups_folder(data_dir)
    if not directory.is_dir():
        return []
    found = [p for p in directory.glob("bodymap-*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)


def latest_backup(data_dir: Path) -> Path | None:
    """The backup to offer first: the newest regular one (taken from a sound database),
    else the newest of any kind; None when the data folder has no backups."""
    regular = regular_backups(data_dir)
    if regular:
        return regular[-1]
    found = all_backups(data_dir)
    return found[0] if found else None
