"""Helpers for the tests of ``bodymap verify`` and of tampered files: the real command."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``bodymap --data-dir DATA_DIR ARGS`` as a process, with its own settings folder."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(data_dir.parent / "config"),
           "XDG_STATE_HOME": str(data_dir.parent / "state")}
    return subprocess.run([sys.executable, "-m", "bodymap", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=120, env=env)


def tamper(db: Path, *statements: str) -> None:
    """Run SQL on a closed database as the plain ``sqlite3`` shell would."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def flip_bytes(db: Path, text: str, damaged: bytes) -> None:
    """Overwrite every occurrence of ``text`` in the file with ``damaged`` (same length), as
    a failing disk or an editor would: below SQLite, so nothing checks it."""
    raw, old = db.read_bytes(), text.encode("utf-8")
    assert len(damaged) == len(old) and old in raw
    db.write_bytes(raw.replace(old, damaged))
