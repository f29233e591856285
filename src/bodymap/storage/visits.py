"""Visits with their marks and addenda.

A visit is a row (indexed columns + JSON for the notes); each mark is a row (common columns
view/region_id/muscle/side/kind + JSON for the kind-specific fields, via model/codec.py) with
its ``position`` in the chart's drawing order. Saving writes the visit's fields and the
difference between the stored and the given marks, plus their audit entries, in one
transaction. Signed visits are refused here and, independently, by the schema's triggers.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from bodymap.model import (
    Addendum,
    Mark,
    SignedVisitError,
    SignRequirement,
    ValidationError,
    Visit,
    VisitStatus,
)
from bodymap.model import sign_visit as model_sign_visit
from bodymap.model.codec import addendum_to_dict, mark_to_dict, visit_from_dict, visit_to_dict
from bodymap.model.patient import display_name
from bodymap.model.timetext import time_text
from bodymap.storage import audit
from bodymap.storage.audit import AuditRecord, to_json
from bodymap.storage.database import Database
from bodymap.storage.errors import RecordNotFoundError
from bodymap.storage.schema import ADDENDUM_MESSAGE
from bodymap.storage.summaries import VisitSummary

_V_COLS = ("id", "patient_id", "started_at", "clinician", "status", "signed_by", "signed_at",
           "nprs_before", "nprs_after", "needles_used", "needles_removed", "created_at",
           "updated_at", "atlas_version")
_M_COLS = ("id", "kind", "view", "region_id", "muscle", "side")
_SELECT_VISIT = f"SELECT {', '.join(_V_COLS)}, data FROM visits WHERE id = ?"
_SELECT_MARKS = (f"SELECT {', '.join(_M_COLS)}, position, data FROM marks "
                 "WHERE visit_id = ? ORDER BY position, id")


def started_key(moment: datetime) -> str:
    """Fixed-width UTC text: sorts visits correctly whatever zone they were charted in."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_VISIT_FIELDS = tuple(f.name for f in dataclasses.fields(Visit)
                      if f.name not in ("marks", "addenda"))
_SCALARS = (str, int, float, bool, type(None))


class _NotSimple(Exception):
    pass


def _simple(value: Any) -> Any:
    """codec's plain form for the value types a visit's own fields use."""
    if isinstance(value, Enum):  # first: str-based enums are str too
        return value.value
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(_simple(v) for v in value)
    if isinstance(value, dict):
        return {str(_simple(k)): _simple(v) for k, v in value.items()}
    raise _NotSimple


def _visit_fields(visit: Visit) -> dict[str, Any]:
    """The visit's own fields (no marks or addenda) in codec form. Computed directly
    because this runs on every autosave and the codec copies (and re-validates) the whole
    visit; a field of any other type falls back to the codec. A test checks both agree."""
    try:
        return {name: _simple(getattr(visit, name)) for name in _VISIT_FIELDS}
    except _NotSimple:
        d = visit_to_dict(visit, with_marks=False)
        del d["addenda"]
        return d


def _visit_row(visit: Visit, d: dict[str, Any]) -> tuple[Any, ...]:
    rest = {k: v for k, v in d.items() if k not in _V_COLS}
    return (*(d[k] for k in _V_COLS), started_key(visit.started_at), to_json(rest))


def _fields_from_row(row: tuple[Any, ...]) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(row[-1])
    d.update(zip(_V_COLS, row[:-1]))
    return d


@dataclass(frozen=True)
class _Encoded:
    """A mark's stored form: its dict (for the audit log) and its row minus position."""

    mark: Mark
    as_dict: dict[str, Any]
    columns: tuple[Any, ...]
    data: str

    def row(self, position: int) -> tuple[Any, ...]:
        return (*self.columns, position, self.data)


def _encode(mark: Mark) -> _Encoded:
    d = mark_to_dict(mark)
    rest = {k: v for k, v in d.items() if k not in _M_COLS}
    return _Encoded(mark, d, tuple(d[k] for k in _M_COLS), to_json(rest))


def _mark_from_row(row: tuple[Any, ...]) -> dict[str, Any]:
    d: dict[str, Any] = json.loads(row[-1])
    d.update(zip(_M_COLS, row[:len(_M_COLS)]))
    return d


def _diff(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _signed_error(fields: dict[str, Any]) -> SignedVisitError:
    signed_at = time_text(datetime.fromisoformat(fields["signed_at"]))
    return SignedVisitError(f"This visit was signed by {fields['signed_by']} on "
                            f"{signed_at} and cannot be "
                            "changed; add an addendum instead.")


class VisitRepository:
    """Reads and writes visits, their marks and addenda."""

    # Encoded marks of the most recently saved visits. Marks are immutable values (an edit
    # replaces the object), so a cached encoding is valid exactly while ``entry.mark is
    # mark``; autosaving a 30-mark chart then encodes only the mark that changed.
    _CACHED_VISITS = 4

    def __init__(self, db: Database) -> None:
        self.db = db
        self._encoded: OrderedDict[str, dict[str, _Encoded]] = OrderedDict()

    def _encode_marks(self, visit: Visit) -> list[_Encoded]:
        cache = self._encoded.get(visit.id, {})
        out = []
        for mark in visit.marks:
            hit = cache.get(mark.id)
            out.append(hit if hit is not None and hit.mark is mark else _encode(mark))
        return out

    def _remember(self, visit_id: str, encoded: list[_Encoded]) -> None:
        self._encoded[visit_id] = {e.mark.id: e for e in encoded}
        self._encoded.move_to_end(visit_id)
        while len(self._encoded) > self._CACHED_VISITS:
            self._encoded.popitem(last=False)

    # -- reading --------------------------------------------------------------------------------
    def _load(self, conn: sqlite3.Connection, visit_id: str) -> Visit:
        row = conn.execute(_SELECT_VISIT, (visit_id,)).fetchone()
        if row is None:
            raise RecordNotFoundError(f"Visit {visit_id} is not in the database.")
        d = _fields_from_row(row)
        d["marks"] = [_mark_from_row(r) for r in conn.execute(_SELECT_MARKS, (visit_id,))]
        d["addenda"] = [dict(zip(("id", "visit_id", "author", "text", "created_at"), r))
                        for r in conn.execute(
                            "SELECT id, visit_id, author, text, created_at FROM addenda "
                            "WHERE visit_id = ? ORDER BY created_at, id", (visit_id,))]
        return visit_from_dict(d, stored=True)

    def get(self, visit_id: str) -> Visit:
        """The stored visit with its marks (in drawing order) and addenda."""
        with self.db.snapshot() as conn:
            return self._load(conn, visit_id)

    def list_for_patient(self, patient_id: str) -> list[VisitSummary]:
        """The patient's visits, newest first."""
        with self.db.snapshot() as conn:
            rows = conn.execute(
                "SELECT v.id, v.patient_id, v.started_at, v.clinician, v.status, "
                "v.nprs_before, v.nprs_after, v.needles_used, "
                "(SELECT count(*) FROM marks m WHERE m.visit_id = v.id), "
                "(SELECT count(*) FROM addenda a WHERE a.visit_id = v.id) "
                "FROM visits v WHERE v.patient_id = ? ORDER BY v.started_key DESC, v.id",
                (patient_id,)).fetchall()
        return [VisitSummary(id=r[0], patient_id=r[1], started_at=datetime.fromisoformat(r[2]),
                             clinician=r[3], status=VisitStatus(r[4]), nprs_before=r[5],
                             nprs_after=r[6], needles_used=r[7], mark_count=r[8],
                             addendum_count=r[9]) for r in rows]

    # -- writing --------------------------------------------------------------------------------
    def save(self, visit: Visit) -> bool:
        """Store a draft visit: its fields and its full set of marks (inserting, updating and
        deleting the difference), audited, in one transaction. Creates the visit if it is
        new. Returns False when nothing differed from the stored state."""
        if visit.signed:
            raise SignedVisitError("A signed visit cannot be saved again; corrections are "
                                   "added as addenda.")
        visit.validate()  # a field set directly on the object is checked like an edit
        fields = _visit_fields(visit)
        marks = self._encode_marks(visit)
        with self.db.transaction() as conn:
            old = conn.execute(_SELECT_VISIT, (visit.id,)).fetchone()
            scope: dict[str, Any] = {"patient_id": visit.patient_id, "visit_id": visit.id}
            records: list[AuditRecord] = []
            if old is None:
                self._insert_visit(conn, visit, fields)
                records.append(AuditRecord("create", "visit", visit.id, **scope, after=fields))
                stored: dict[str, tuple[Any, ...]] = {}
            else:
                old_fields = _fields_from_row(old)
                if old_fields["status"] == VisitStatus.SIGNED.value:
                    raise _signed_error(old_fields)
                if old_fields["patient_id"] != visit.patient_id:
                    raise ValidationError("patient_id", "A visit cannot be moved to another "
                                                        "patient")
                before, after = _diff(old_fields, fields)
                if before:
                    conn.execute(f"UPDATE visits SET {', '.join(f'{c} = ?' for c in _V_COLS)}, "
                                 "started_key = ?, data = ? WHERE id = ?",
                                 (*_visit_row(visit, fields), visit.id))
                    records.append(AuditRecord("update", "visit", visit.id, **scope,
                                               before=before, after=after))
                stored = {r[0]: r for r in conn.execute(_SELECT_MARKS, (visit.id,))}
            records += self._write_marks(conn, visit.id, marks, stored, scope)
            audit.append(conn, self.db.user, records)
        self._remember(visit.id, marks)  # only once committed
        return bool(records)

    def _insert_visit(self, conn: sqlite3.Connection, visit: Visit,
                      fields: dict[str, Any]) -> None:
        try:
            conn.execute(f"INSERT INTO visits ({', '.join(_V_COLS)}, started_key, data) "
                         f"VALUES ({', '.join('?' * (len(_V_COLS) + 2))})",
                         _visit_row(visit, fields))
        except sqlite3.IntegrityError as exc:
            if "FOREIGN KEY" in str(exc):
                raise RecordNotFoundError(f"Patient {visit.patient_id} is not in the "
                                          "database.") from None
            raise

    @staticmethod
    def _write_marks(conn: sqlite3.Connection, visit_id: str, marks: list[_Encoded],
                     stored: dict[str, tuple[Any, ...]], scope: dict[str, Any]
                     ) -> list[AuditRecord]:
        records = []
        wanted = {e.mark.id for e in marks}
        for mark_id, row in stored.items():
            if mark_id not in wanted:
                conn.execute("DELETE FROM marks WHERE id = ?", (mark_id,))
                before = {**_mark_from_row(row), "position": row[len(_M_COLS)]}
                records.append(AuditRecord("delete", "mark", mark_id, **scope, before=before))
        for position, enc in enumerate(marks):
            mark_id, row = enc.mark.id, enc.row(position)
            old = stored.get(mark_id)
            if old is None:
                try:
                    conn.execute("INSERT INTO marks (id, kind, view, region_id, muscle, side, "
                                 "position, data, visit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 (*row, visit_id))
                except sqlite3.IntegrityError as exc:
                    if "marks.id" in str(exc):
                        raise ValidationError("marks", f"Mark {mark_id} already belongs to "
                                                       "another visit") from None
                    raise
                records.append(AuditRecord("create", "mark", mark_id, **scope,
                                           after={**enc.as_dict, "position": position}))
            elif old != row:
                conn.execute("UPDATE marks SET kind = ?, view = ?, region_id = ?, muscle = ?, "
                             "side = ?, position = ?, data = ? WHERE id = ?",
                             (*row[1:], mark_id))
                before, after = _diff({**_mark_from_row(old), "position": old[len(_M_COLS)]},
                                      {**enc.as_dict, "position": position})
                records.append(AuditRecord("update", "mark", mark_id, **scope,
                                           before=before, after=after))
        return records

    def sign(self, visit_id: str, signed_by: str, *,
             overrides: dict[SignRequirement, str] | None = None,
             at: datetime | None = None,
             hazardous: Callable[[Mark], bool] | None = None,
             thoracic: Callable[[Mark], bool] | None = None) -> Visit:
        """Sign the stored draft (model rules: unmet requirements need a written override
        reason, else ValidationError). Allowed once; the signed visit is returned.
        ``hazardous`` and ``thoracic`` as for Visit.unmet_requirements."""
        with self.db.transaction() as conn:
            visit = self._load(conn, visit_id)
            if visit.signed:
                raise _signed_error(_visit_fields(visit))
            model_sign_visit(visit, signed_by, at=at, overrides=overrides, hazardous=hazardous,
                             thoracic=thoracic)
            fields = _visit_fields(visit)
            conn.execute(f"UPDATE visits SET {', '.join(f'{c} = ?' for c in _V_COLS)}, "
                         "started_key = ?, data = ? WHERE id = ? AND status = 'draft'",
                         (*_visit_row(visit, fields), visit_id))
            after = {k: fields[k] for k in ("status", "signed_by", "signed_at",
                                            "sign_overrides", "procedure_code")}
            audit.append(conn, self.db.user, [AuditRecord(
                "sign", "visit", visit_id, patient_id=visit.patient_id, visit_id=visit_id,
                before={"status": VisitStatus.DRAFT.value}, after=after)])
        return visit

    def add_addendum(self, addendum: Addendum) -> None:
        """Append an addendum to a signed visit (ValidationError on a draft)."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT status, patient_id FROM visits WHERE id = ?",
                               (addendum.visit_id,)).fetchone()
            if row is None:
                raise RecordNotFoundError(f"Visit {addendum.visit_id} is not in the database.")
            if row[0] != VisitStatus.SIGNED.value:
                raise ValidationError("addenda", "Addenda are for signed visits; edit the "
                                                 "draft directly")
            d = addendum_to_dict(addendum)
            try:
                conn.execute("INSERT INTO addenda (id, visit_id, author, text, created_at) "
                             "VALUES (?, ?, ?, ?, ?)", (d["id"], d["visit_id"], d["author"],
                                                        d["text"], d["created_at"]))
            except sqlite3.IntegrityError as exc:
                if ADDENDUM_MESSAGE in str(exc):
                    raise ValidationError("addenda", "Addenda are for signed visits") from None
                raise ValidationError("addenda", f"Addendum {addendum.id} already exists") \
                    from None
            audit.append(conn, self.db.user, [AuditRecord(
                "addendum", "addendum", addendum.id, patient_id=row[1],
                visit_id=addendum.visit_id, after=d)])

    def delete_draft(self, visit_id: str) -> None:
        """Delete a draft visit and its marks (audited); SignedVisitError if signed."""
        with self.db.transaction() as conn:
            old = conn.execute(_SELECT_VISIT, (visit_id,)).fetchone()
            if old is None:
                raise RecordNotFoundError(f"Visit {visit_id} is not in the database.")
            fields = _fields_from_row(old)
            if fields["status"] == VisitStatus.SIGNED.value:
                raise _signed_error(fields)
            scope: dict[str, Any] = {"patient_id": fields["patient_id"], "visit_id": visit_id}
            stored = {r[0]: r for r in conn.execute(_SELECT_MARKS, (visit_id,))}
            records = self._write_marks(conn, visit_id, [], stored, scope)
            conn.execute("DELETE FROM visits WHERE id = ?", (visit_id,))
            records.append(AuditRecord("delete", "visit", visit_id, **scope, before=fields))
            audit.append(conn, self.db.user, records)

    def count_unsigned(self, *, started_before: datetime) -> int:
        """How many draft visits started before ``started_before``."""
        with self.db.snapshot() as conn:
            return int(conn.execute("SELECT count(*) FROM visits WHERE status = ? AND "
                                    "started_key < ?", (VisitStatus.DRAFT.value,
                                                        started_key(started_before))).fetchone()[0])

    def list_unsigned(self, *, started_before: datetime, limit: int | None = None
                      ) -> list[VisitSummary]:
        """Draft visits of every patient started before ``started_before``, oldest first
        (the "needs attention" list: a record left unsigned), with the patient's name."""
        with self.db.snapshot() as conn:
            rows = conn.execute(
                "SELECT v.id, v.patient_id, v.started_at, v.clinician, v.status, "
                "v.nprs_before, v.nprs_after, v.needles_used, "
                "(SELECT count(*) FROM marks m WHERE m.visit_id = v.id), "
                "(SELECT count(*) FROM addenda a WHERE a.visit_id = v.id), "
                "p.family_name, p.given_names "
                "FROM visits v JOIN patients p ON p.id = v.patient_id "
                "WHERE v.status = ? AND v.started_key < ? "
                "ORDER BY v.started_key, v.id LIMIT ?",
                (VisitStatus.DRAFT.value, started_key(started_before),
                 -1 if limit is None else limit)).fetchall()
        return [VisitSummary(id=r[0], patient_id=r[1], started_at=datetime.fromisoformat(r[2]),
                             clinician=r[3], status=VisitStatus(r[4]), nprs_before=r[5],
                             nprs_after=r[6], needles_used=r[7], mark_count=r[8],
                             addendum_count=r[9], patient_name=display_name(r[10], r[11]))
                for r in rows]
