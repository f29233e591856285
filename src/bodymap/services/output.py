"""Files written for people to take away: a patient's JSON export, a visit's CSV of marks,
a printed chart as PDF, a view as PNG. Every one of them is written by :func:`write_output`.

The content is made in memory first and then written to a temporary file beside the
target, created owner-only (0600: it holds patient data), flushed, fsynced and renamed over
the target. So the target is either the whole new file or what it was before: a full disk,
a folder that vanished or a refusal never leaves a partial or empty file under its name.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from bodymap.storage.errors import os_reason

OUTPUT_MODE = 0o600


class OutputError(OSError):
    """A file could not be written; nothing was left under its name. ``user_message``
    (also ``str(error)``) says which file, why, and that nothing was written."""

    def __init__(self, user_message: str, *, path: Path) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.path = path

    def __str__(self) -> str:
        return self.user_message


def _refuse(path: Path, why: str) -> OutputError:
    return OutputError(f"{path} could not be written: {why}. Nothing was written.", path=path)


def check_output_path(path: Path) -> None:
    """Raise OutputError if ``path`` cannot take a file: its folder is missing, is not a
    folder or is read-only, or the path itself is a folder or not a regular file. Checked
    before any content is made, so a long print job fails at once."""
    folder = path.parent
    if not folder.is_dir():
        raise _refuse(path, f"the folder {folder} does not exist" if not folder.exists()
                      else f"{folder} is not a folder")
    if not os.access(folder, os.W_OK) or not (folder.stat().st_mode & 0o222):
        # no write bit at all: somebody marked it read-only, which holds even for root
        raise _refuse(path, f"the folder {folder} is read-only")
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise _refuse(path, "it is a folder")
    if not stat.S_ISREG(mode):
        raise _refuse(path, "it exists and is not a regular file")


def write_output(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, owner-only; returns the path. Raises
    OutputError (an OSError) with a message for the user; the target is then unchanged
    and no temporary file is left."""
    path = Path(path)
    check_output_path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                        dir=path.parent)
    except OSError as exc:
        raise _refuse(path, os_reason(exc)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):  # mkstemp made it 0600 already; umask aside
                os.fchmod(out.fileno(), OUTPUT_MODE)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _refuse(path, os_reason(exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # the file is complete under its name; the folder's entry is the OS's to flush
    return path
