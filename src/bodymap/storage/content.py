"""The content hash of a clinical row: what the audit log records of a patient, visit, mark
or addendum as it stood after each change, so ``verify`` can tell a row edited outside
bodymap from one its log accounts for.

The hash covers every stored column (name, SQLite type and exact value; text and blobs as
their bytes, so a row whose text is damaged still hashes) except those derived for search.
A migration that rewrites clinical rows must log their new hashes (as v5 did for the rows
that existed then).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

# entity type (as the audit log names it) -> table
TABLES = {"patient": "patients", "visit": "visits", "mark": "marks", "addendum": "addenda"}
ABSENT = "absent"  # the content of a row that was deleted (or never written)
_DERIVED = {"patients": frozenset({"sort_key"})}


# table -> [(column, declared type)] per connection, read once: PRAGMA table_info costs as
# much as the row's own SELECT, on every audited write. Kept with the connection itself (an
# id can be reused once a connection is gone); schema.migrate forgets it after changing a
# table. A column added behind bodymap's back is then left out of the hashes written until
# the next start, so verify reports those rows as changed outside bodymap: as it should
# (verify also reports the altered schema).
_COLUMN_CACHE: dict[tuple[int, str], tuple[sqlite3.Connection, list[tuple[str, str]]]] = {}


def forget_columns() -> None:
    """Drop the cached column lists (after a migration changed a table)."""
    _COLUMN_CACHE.clear()


def _typed_columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    cached = _COLUMN_CACHE.get((id(conn), table))
    if cached is not None and cached[0] is conn:
        return cached[1]
    derived = _DERIVED.get(table, frozenset())
    columns = [(r[1], str(r[2]).upper()) for r in conn.execute(f"PRAGMA table_info({table})")
               if r[1] not in derived]
    if len(_COLUMN_CACHE) > 64:  # connections come and go (tests, readers): stay small
        _COLUMN_CACHE.clear()
    _COLUMN_CACHE[(id(conn), table)] = (conn, columns)
    return columns


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [name for name, _ in _typed_columns(conn, table)]


def _select(columns: list[str]) -> str:
    # typeof() and the value, text and blobs as bytes: no decoding, so no decode error.
    return ", ".join(f"typeof({c}), CASE WHEN typeof({c}) IN ('text', 'blob') "
                     f"THEN CAST({c} AS BLOB) ELSE {c} END" for c in columns)


def _digest(columns: list[str], values: tuple[object, ...]) -> str:
    import hashlib  # here, not at the top: OpenSSL costs start-up time before any write

    parts = []
    for i, name in enumerate(columns):
        kind, value = values[2 * i], values[2 * i + 1]
        data = value if isinstance(value, bytes) else repr(value).encode("ascii")
        for part in (name.encode("utf-8"), str(kind).encode("ascii"), data):
            parts.append(len(part).to_bytes(8, "big"))
            parts.append(part)
    return hashlib.sha256(b"".join(parts)).hexdigest()


def row_content(conn: sqlite3.Connection, entity_type: str, entity_id: str) -> str:
    """The content hash of one stored row, or ABSENT when there is no such row."""
    table = TABLES[entity_type]
    columns = _columns(conn, table)
    row = conn.execute(f"SELECT {_select(columns)} FROM {table} WHERE id = ?",
                       (entity_id,)).fetchone()
    return ABSENT if row is None else _digest(columns, row)


def all_contents(conn: sqlite3.Connection, entity_type: str) -> Iterator[tuple[str, str]]:
    """(id, content hash) of every row of one entity type; an id with damaged bytes is
    given with its damage replaced (it is named, not looked up)."""
    table = TABLES[entity_type]
    columns = _columns(conn, table)
    for raw_id, *values in conn.execute(f"SELECT CAST(id AS BLOB), {_select(columns)} "
                                        f"FROM {table}"):
        name = (raw_id or b"").decode("utf-8", errors="replace")
        yield name, _digest(columns, tuple(values))


def _text(value: object) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else str(value)


def records_against_log(conn: sqlite3.Connection) -> list[str]:
    """Every patient, visit, mark and addendum that is not as its latest audit entry
    recorded it: changed, added or deleted outside bodymap. [] when all agree."""
    latest: dict[tuple[str, str], tuple[str, int]] = {}
    for kind, ident, content, seq in conn.execute(
            "SELECT CAST(entity_type AS BLOB), CAST(entity_id AS BLOB), CAST(content AS BLOB), "
            "seq FROM audit WHERE content IS NOT NULL ORDER BY seq"):
        latest[(_text(kind), _text(ident))] = (_text(content), seq)
    problems = []
    for kind in TABLES:
        seen = set()
        for ident, digest in all_contents(conn, kind):
            seen.add(ident)
            logged = latest.get((kind, ident))
            if logged is None:
                problems.append(f"{kind} {ident} is not in the audit log: it was added "
                                "outside bodymap.")
            elif logged[0] != digest:
                problems.append(f"{kind} {ident} is not as audit entry #{logged[1]} recorded "
                                "it: it was changed outside bodymap.")
        for (logged_kind, ident), (content, seq) in latest.items():
            if logged_kind == kind and content != ABSENT and ident not in seen:
                problems.append(f"{kind} {ident} is missing (audit entry #{seq} recorded it): "
                                "it was deleted outside bodymap.")
    return problems
