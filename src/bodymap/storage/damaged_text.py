"""Text the database cannot decode. A damaged byte inside a stored text makes SQLite's
reader fail with "Could not decode to UTF-8", which says neither where nor what to do. The
reading paths (Database.snapshot) turn it into a DamagedTextError naming each damaged
record as ``bodymap verify`` does (verification.undecodable_rows): opening a patient,
export and print then refuse with that message, and nothing is written or changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bodymap.storage.errors import StorageError
from bodymap.storage.verification import undecodable_rows


class DamagedTextError(StorageError):
    """Stored text is not valid UTF-8 (a damaged byte); ``records`` names each one."""

    def __init__(self, user_message: str, *, path: Path | None = None,
                 records: tuple[str, ...] = ()) -> None:
        super().__init__(user_message, path=path)
        self.records = records


def is_decode_error(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's (or a text factory's) refusal to decode stored text."""
    return isinstance(exc, UnicodeDecodeError) or (
        isinstance(exc, sqlite3.OperationalError) and "decode to UTF-8" in str(exc))


def damaged_text_error(conn: sqlite3.Connection, path: Path) -> DamagedTextError:
    """The error to raise when a read met undecodable text, naming the damaged records."""
    found = undecodable_rows(conn)
    if found:
        shown = "; ".join(found[:5]) + (f"; and {len(found) - 5} more" if len(found) > 5
                                        else "")
        what = f"Damaged text in {path.name}: {shown}."
    else:
        what = f"{path.name} holds damaged text (bytes that are not valid UTF-8)."
    return DamagedTextError(
        f"{what} That record cannot be read, printed or exported until it is repaired or "
        "restored from a backup; other records are not affected. Nothing was changed.",
        path=path, records=tuple(found))
