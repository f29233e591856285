"""The files of the data folder as bodymap expects them: regular files and a backups
folder, owned by the user and kept from everyone else.

Nothing in the data folder is followed through a symbolic link: a link planted as the
database, its journal, the lock file or the backups folder would send bodymap's writes to
wherever it points. A folder, pipe or device where a file belongs is refused before it is
opened (a FIFO would block the first read forever). The folder is kept 0700 and every
file in it 0600, whatever the umask: the records are nobody else's to read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bodymap.storage.backup_files import BACKUP_DIR_NAME
from bodymap.storage.errors import UnusableFileError, os_reason

FOLDER_MODE = 0o700
FILE_MODE = 0o600
DATABASE_NAME = "bodymap.sqlite"
# the database's own files beside it, and the lock file
COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device or special file"


def _unusable(path: Path, what: str) -> UnusableFileError:
    return UnusableFileError(
        f"{path} is {what}, where bodymap keeps a file of its own. bodymap does not use it "
        "(nothing was read or changed); move it away, or choose another data folder.",
        path=path)


def check_entry(path: Path, *, folder: bool = False) -> None:
    """Raise UnusableFileError unless ``path`` is absent or a regular file (a real folder
    with ``folder``); a symbolic link is refused either way. Only ``lstat`` is used."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnusableFileError(f"bodymap cannot look at {path} ({os_reason(exc)}); "
                                "nothing was changed.", path=path) from None
    wanted = stat.S_ISDIR(mode) if folder else stat.S_ISREG(mode)
    if not wanted:
        raise _unusable(path, _kind(mode) if folder or not stat.S_ISDIR(mode)
                        else "a folder")


def check_data_folder(data_dir: Path, database_name: str = DATABASE_NAME) -> None:
    """Check every entry of the data folder bodymap reads or writes (see :func:`check_entry`)."""
    for suffix in COMPANIONS:
        check_entry(data_dir / f"{database_name}{suffix}")
    check_entry(data_dir / BACKUP_DIR_NAME, folder=True)


def open_regular(path: Path, flags: int = os.O_RDONLY, mode: int = FILE_MODE) -> int:
    """``os.open`` that never follows a symbolic link, never blocks on a pipe and returns
    a descriptor of a regular file only; UnusableFileError otherwise (a missing file too,
    unless ``flags`` has O_CREAT). A file it creates gets ``mode`` (0600)."""
    try:
        fd = os.open(path, flags | _NOFOLLOW | _NONBLOCK, mode)
    except OSError as exc:
        if os.path.islink(path):
            raise _unusable(path, "a symbolic link") from None
        if os.path.isdir(path):
            raise _unusable(path, "a folder") from None
        raise UnusableFileError(f"bodymap cannot open {path} ({os_reason(exc)}); nothing "
                                "was changed.", path=path) from None
    try:
        found = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(found):
        os.close(fd)
        raise _unusable(path, _kind(found))
    if _NONBLOCK and hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd


def make_private_folder(path: Path) -> None:
    """Create ``path`` (0700) if missing; OSError as the OS raises it."""
    path.mkdir(mode=FOLDER_MODE, exist_ok=True)
    check_entry(path, folder=True)


def tighten(data_dir: Path) -> None:
    """Make the data folder and its backups folder 0700, and every regular file in them
    0600 (folders and files from older versions, another umask or a copy). Entries that
    are links or not ours to change are left alone: the checks on open deal with those."""
    if os.name == "nt":  # pragma: no cover - Windows keeps permissions in ACLs
        return
    folders = [data_dir, data_dir / BACKUP_DIR_NAME]
    for folder in folders:
        try:
            info = folder.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode):
            continue
        _chmod(folder, info, FOLDER_MODE)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                _chmod(Path(entry.path), info, FILE_MODE)


def _chmod(path: Path, info: os.stat_result, mode: int) -> None:
    if stat.S_IMODE(info.st_mode) == mode:
        return
    try:
        os.chmod(path, mode)  # a regular file or folder: lstat said so
    except OSError:
        pass  # not ours (another user's file on a shared disk): nothing to do about it here
