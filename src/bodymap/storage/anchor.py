"""The audit log's anchor: its head (entry count and last hash) kept outside the file, so a
log that was truncated, replaced or consistently re-chained is caught.

The short form is a code a person can copy from a printout, e.g. ``1234-K3JD-8F2Q-ZP4A``:
the entry count, then 12 base32 characters (60 bits) of the head hash. Every PDF footer
shows it, every JSON export carries it, and every backup holds the whole log it was taken
with. ``bodymap verify --against FILE|CODE`` checks the database against such an anchor.
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bodymap.storage.audit import GENESIS_HASH, head

_CODE = re.compile(r"\s*(\d+)\s*-\s*([A-Z2-7]{4})-?([A-Z2-7]{4})-?([A-Z2-7]{4})\s*",
                   re.IGNORECASE)
EXPORT_KEY = "audit_anchor"


def short_code(count: int, head_hash: str) -> str:
    """``COUNT-XXXX-XXXX-XXXX`` for a chain head."""
    letters = base64.b32encode(bytes.fromhex(head_hash)).decode("ascii")[:12]
    return f"{count}-{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def current_code(conn: sqlite3.Connection) -> str:
    """The anchor code of the database behind ``conn`` as it is now."""
    return short_code(*(head(conn) or (0, GENESIS_HASH)))


@dataclass(frozen=True)
class Anchor:
    """An earlier state of the log: its entry count and, for each entry it knows, the hash
    (a full hash, or the 12-character code of the last one)."""

    source: str
    count: int
    hashes: dict[int, str]  # seq -> hash (64 hex) or code letters (12 base32)


class AnchorError(ValueError):
    """What was given as an anchor is neither a code nor a backup or export holding one."""


def parse_code(text: str, source: str | None = None) -> Anchor | None:
    match = _CODE.fullmatch(text)
    if match is None:
        return None
    count, letters = int(match.group(1)), "".join(match.groups()[1:]).upper()
    return Anchor(source or f"the code {text.strip()}", count, {count: letters} if count else {})


def read_anchor(given: str) -> Anchor:
    """An anchor from a code, a backup (its whole log) or a JSON export (its code)."""
    code = parse_code(given)
    if code is not None:
        return code
    path = Path(given)
    if not path.is_file():
        raise AnchorError(f"{given} is neither an anchor code (like 1234-K3JD-8F2Q-ZP4A) nor "
                          "a backup or export file.")
    with open(path, "rb") as f:
        start = f.read(16)
    if start == b"SQLite format 3\x00":
        return _from_backup(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        anchor = parse_code(str(data[EXPORT_KEY]), source=f"the export {path.name}")
    except (OSError, ValueError, TypeError, KeyError):
        anchor = None
    if anchor is None:
        raise AnchorError(f"{path.name} holds no anchor: it is neither a bodymap backup nor "
                          "a bodymap export with an audit anchor.")
    return anchor


def _from_backup(path: Path) -> Anchor:
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            found = head(conn)
            hashes = dict(conn.execute("SELECT seq, CAST(hash AS BLOB) FROM audit"))
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, KeyError) as exc:
        raise AnchorError(f"{path.name} cannot be read as a bodymap backup ({exc}).") from None
    count = found[0] if found else 0
    return Anchor(f"the backup {path.name}", count,
                  {int(k): v.decode("ascii", errors="replace") for k, v in hashes.items()
                   if isinstance(k, int) and isinstance(v, bytes) and k <= count})


def check_against(conn: sqlite3.Connection, anchor: Anchor) -> list[str]:
    """How the log behind ``conn`` departs from ``anchor``: [] when every entry the anchor
    knows is still there, unchanged (the log may have grown since)."""
    count = (head(conn) or (0, GENESIS_HASH))[0]
    stored = dict(conn.execute("SELECT seq, CAST(hash AS BLOB) FROM audit WHERE seq <= ?",
                               (anchor.count,)))
    if count < anchor.count or len(stored) < anchor.count:
        have = min(count, len(stored))
        return [f"The audit log has {have} of the {anchor.count} entries {anchor.source} "
                "records: entries were removed (the log was truncated or replaced)."]
    for seq in sorted(anchor.hashes):
        now = stored[seq].decode("ascii", errors="replace")
        expected = anchor.hashes[seq]
        if len(expected) == 12:
            now = short_code(seq, now).split("-", 1)[1].replace("-", "") \
                if re.fullmatch(r"[0-9a-f]{64}", now) else now
        if now != expected:
            return [f"Audit entry #{seq} is not the one {anchor.source} records: the log was "
                    "rewritten since."]
    return []
