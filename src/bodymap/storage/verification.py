"""What ``bodymap verify`` checks inside the database file, besides SQLite's integrity check
and the audit chain (:func:`bodymap.storage.audit.verify`): that the schema is the one
bodymap defines, that every stored text is readable, and that every patient, visit, mark
and addendum is as its latest audit entry recorded it. Each check reports every problem it
finds, naming the row, and never stops at the first."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from bodymap.storage.content import records_against_log
from bodymap.storage.schema import schema_differences

# The tables verify reads row by row, with the column that names a row.
_TABLES = {"patients": "id", "visits": "id", "marks": "id", "addenda": "id", "audit": "seq",
           "meta": "key"}
_ROW_NAMES = {"patients": "patient", "visits": "visit", "marks": "mark",
              "addenda": "addendum", "audit": "audit entry #", "meta": "meta entry"}


@dataclass(frozen=True)
class FileFindings:
    """Problems found in the file: ``schema`` (tables, indexes, triggers, views that differ
    from bodymap's), ``damaged`` (rows whose text is not valid UTF-8) and ``records``
    (clinical rows that are not as the audit log recorded them)."""

    schema: tuple[str, ...] = ()
    damaged: tuple[str, ...] = ()
    records: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.schema and not self.damaged and not self.records


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def row_name(table: str, key: object) -> str:
    """How a report names one row: "patient 1b2c…", "audit entry #12"."""
    label = _ROW_NAMES[table]
    return f"{label}{key}" if label.endswith("#") else f"{label} {key}"


def text(value: object) -> str:
    """A stored value for a message, whatever bytes it holds."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def undecodable_rows(conn: sqlite3.Connection) -> list[str]:
    """Every row holding text that is not valid UTF-8 (which SQLite hands to Python as an
    OperationalError), named with its columns. The values are read as bytes, so a damaged
    row cannot stop the scan."""
    problems = []
    for table, key in _TABLES.items():
        cols = columns(conn, table)
        casts = ", ".join(f"CAST({c} AS BLOB)" for c in cols)
        for raw_key, *values in conn.execute(f"SELECT CAST({key} AS BLOB), {casts} "
                                             f"FROM {table}"):
            bad = [c for c, v in zip(cols, values) if isinstance(v, bytes) and not _utf8(v)]
            if bad:
                problems.append(f"{row_name(table, text(raw_key))}: damaged bytes (not "
                                f"valid UTF-8) in {', '.join(bad)}")
    return problems


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_file(conn: sqlite3.Connection) -> FileFindings:
    """The schema and the readability of every row of the database behind ``conn``."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return FileFindings(tuple(schema_differences(conn, version)),
                        tuple(undecodable_rows(conn)), tuple(records_against_log(conn)))
