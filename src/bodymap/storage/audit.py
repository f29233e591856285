"""The audit log: an append-only, hash-chained record of every change to clinical data.

Each entry's ``hash`` is SHA-256 over a canonical JSON of the entry (its stored text, so
the hash covers exactly the bytes on disk) including ``prev_hash``, the previous entry's
hash. The chain head (entry count and last hash) is stored in ``meta`` in the same
transaction as the entries, so removing entries from the end is detected too.

Since schema v5 each entry also records ``content``: the hash of the changed row as it stands
once the change is made (:mod:`bodymap.storage.content`), so a clinical row edited outside
bodymap no longer matches its latest entry. Older entries have none, and their hashes are
computed as they were written, without it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bodymap.model import clock
from bodymap.storage.content import row_content

if TYPE_CHECKING:
    from bodymap.storage.database import Database

GENESIS_HASH = "0" * 64
_HEAD_KEY = "audit_head"
_COLUMNS = ("seq", "at", "who", "action", "entity_type", "entity_id", "patient_id",
            "visit_id", "before", "after", "prev_hash", "hash", "content")


def to_json(value: Any) -> str:
    """The one JSON form bodymap stores: UTF-8 text as is, sorted keys, no NaN."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)


@dataclass(frozen=True)
class AuditRecord:
    """One change about to be logged (the part the caller knows)."""

    action: str  # create | update | delete | sign | addendum
    entity_type: str  # patient | visit | mark | addendum
    entity_id: str
    patient_id: str | None = None
    visit_id: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One stored audit entry."""

    seq: int
    at: datetime
    who: str
    action: str
    entity_type: str
    entity_id: str
    patient_id: str | None
    visit_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditVerification:
    """Result of :func:`verify`: ``problem`` names the first bad entry when not ``ok``."""

    ok: bool
    checked: int
    problem: str | None = None
    bad_seq: int | None = None


def entry_hash(row: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a stored row (every column but ``hash``; ``content``
    only when there is one, as entries written before v5 have none)."""
    import hashlib  # here, not at the top: OpenSSL costs start-up 4 ms before any write

    payload = {k: row.get(k) for k in _COLUMNS
               if k != "hash" and not (k == "content" and row.get(k) is None)}
    return hashlib.sha256(to_json(payload).encode("utf-8")).hexdigest()


def head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The chain head recorded with the log: (entry count, last hash), None if absent."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_HEAD_KEY,)).fetchone()
    if row is None:
        return None
    head = json.loads(row[0])
    return int(head["count"]), str(head["hash"])


def append(conn: sqlite3.Connection, who: str, records: list[AuditRecord]) -> None:
    """Append ``records`` inside the caller's open write transaction."""
    if not records:
        return
    count, prev = head(conn) or (0, GENESIS_HASH)
    at = clock.now().isoformat()
    rows = []
    for rec in records:
        count += 1
        row: dict[str, Any] = {
            "seq": count, "at": at, "who": who, "action": rec.action,
            "entity_type": rec.entity_type, "entity_id": rec.entity_id,
            "patient_id": rec.patient_id, "visit_id": rec.visit_id,
            "before": None if rec.before is None else to_json(rec.before),
            "after": None if rec.after is None else to_json(rec.after),
            "prev_hash": prev,
            "content": row_content(conn, rec.entity_type, rec.entity_id)}
        row["hash"] = prev = entry_hash(row)
        rows.append(tuple(row[k] for k in _COLUMNS))
    conn.executemany(f"INSERT INTO audit ({', '.join(_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(_COLUMNS))})", rows)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                 (_HEAD_KEY, to_json({"count": count, "hash": prev})))


def _entry(row: sqlite3.Row | tuple[Any, ...]) -> AuditEntry:
    d = dict(zip(_COLUMNS, row))
    return AuditEntry(
        seq=d["seq"], at=datetime.fromisoformat(d["at"]), who=d["who"], action=d["action"],
        entity_type=d["entity_type"], entity_id=d["entity_id"], patient_id=d["patient_id"],
        visit_id=d["visit_id"],
        before=None if d["before"] is None else json.loads(d["before"]),
        after=None if d["after"] is None else json.loads(d["after"]),
        prev_hash=d["prev_hash"], hash=d["hash"])


def entries(conn: sqlite3.Connection, *, visit_id: str | None = None,
            patient_id: str | None = None) -> list[AuditEntry]:
    """Entries in order, optionally only those of one visit and/or one patient."""
    where, args = [], []
    if visit_id is not None:
        where.append("visit_id = ?")
        args.append(visit_id)
    if patient_id is not None:
        where.append("patient_id = ?")
        args.append(patient_id)
    sql = f"SELECT {', '.join(_COLUMNS)} FROM audit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_entry(r) for r in conn.execute(sql + " ORDER BY seq", args)]


def _stored_rows(conn: sqlite3.Connection) -> Iterator[tuple[dict[str, Any], bool]]:
    """Each entry as stored, in order, and whether any of its text is damaged (not UTF-8):
    the text is read as bytes, so a damaged entry cannot stop the walk."""
    casts = ", ".join(c if c == "seq" else f"CAST({c} AS BLOB)" for c in _COLUMNS)
    for raw in conn.execute(f"SELECT {casts} FROM audit ORDER BY seq"):
        row, damaged = {}, False
        for name, value in zip(_COLUMNS, raw):
            if isinstance(value, bytes):
                try:
                    value = value.decode("utf-8")
                except UnicodeDecodeError:
                    value, damaged = value.decode("utf-8", errors="replace"), True
            row[name] = value
        yield row, damaged


def verify(conn: sqlite3.Connection) -> AuditVerification:
    """Walk the chain and report the first entry that is not as it was written.

    Detects: an edited entry (its hash no longer matches), a deleted or inserted entry (a
    gap in the numbering, or a ``prev_hash`` that is not the previous entry's hash),
    reordered entries, and entries removed from the end (the count and last hash do not
    match the chain head kept in ``meta``).

    Cannot detect alone: someone with write access to the file who rewrites the whole
    chain consistently (recomputes every hash and the head). That is caught only against
    an anchor kept outside the file (:mod:`bodymap.storage.anchor`). Clinical rows edited
    without touching the log are caught by :func:`content.records_against_log`.
    """
    prev, expected, checked, last_seq = GENESIS_HASH, 1, 0, 0
    for row, damaged in _stored_rows(conn):
        seq = row["seq"]
        if seq != expected:
            return AuditVerification(False, checked, f"Audit entry #{expected} is missing "
                                     f"(the next entry is #{seq}): entries were deleted.",
                                     expected)
        # Bytes that are not UTF-8 (reported row by row by verification.undecodable_rows)
        # cannot be hashed as written; the walk goes on with the entry's stored hash.
        if not damaged and entry_hash(row) != row["hash"]:
            return AuditVerification(False, checked, f"Audit entry #{seq} was altered: its "
                                     "content does not match its hash.", seq)
        if row["prev_hash"] != prev:
            return AuditVerification(False, checked, f"Audit entry #{seq} does not follow "
                                     f"entry #{seq - 1}: entries were removed, inserted or "
                                     "reordered.", seq)
        prev, expected, checked, last_seq = row["hash"], expected + 1, checked + 1, seq
    found = head(conn)
    if found is None:
        if checked:
            return AuditVerification(False, checked, "The audit log's head record is "
                                     "missing from the database.", None)
        return AuditVerification(True, 0)
    count, head_hash = found
    if count != checked or head_hash != prev:
        if count > checked:
            lost = (f"entry #{count} was" if count == last_seq + 1
                    else f"entries #{last_seq + 1}-#{count} were")
            text = (f"The audit log ends at entry #{last_seq} but {count} entries were "
                    f"written: {lost} removed.")
        elif count == checked:
            text = (f"The last audit entry (#{last_seq}) does not match the chain head "
                    "recorded with it: the log or its head was altered.")
        else:
            text = (f"The audit log has {checked} entries but its head records {count}: "
                    "the log or its head was altered.")
        return AuditVerification(False, checked, text, min(count, checked) + 1)
    return AuditVerification(True, checked)


class AuditLog:
    """Read access to the audit log of an open database (writes happen inside the
    repositories' transactions)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(self, *, visit_id: str | None = None,
                patient_id: str | None = None) -> list[AuditEntry]:
        with self.db.snapshot() as conn:
            return entries(conn, visit_id=visit_id, patient_id=patient_id)

    def verify(self) -> AuditVerification:
        with self.db.snapshot() as conn:
            return verify(conn)
