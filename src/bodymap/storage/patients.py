"""Patients: stored as indexed columns for what lists and search need, plus a JSON column
(via model/codec.py) for the rest. Every write is audited in its own transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from bodymap.model import Patient, ValidationError
from bodymap.model.codec import patient_from_dict, patient_to_dict
from bodymap.model.patient import display_name
from bodymap.storage import audit, searchkey
from bodymap.storage.audit import AuditRecord, to_json
from bodymap.storage.database import Database
from bodymap.storage.errors import RecordNotFoundError
from bodymap.storage.summaries import PatientSummary

_COLUMNS = ("id", "chart_number", "family_name", "given_names", "date_of_birth", "is_demo",
            "created_at", "updated_at")
_SELECT = f"SELECT {', '.join(_COLUMNS)}, data FROM patients"
_SUMMARY = ("SELECT p.id, p.chart_number, p.family_name, p.given_names, p.date_of_birth, "
            "p.is_demo, (SELECT started_at FROM visits v WHERE v.patient_id = p.id "
            "ORDER BY v.started_key DESC LIMIT 1), "
            "(SELECT count(*) FROM visits v WHERE v.patient_id = p.id)")


def _row(patient: Patient, d: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """Column values in _COLUMNS order, then sort_key and data."""
    d = patient_to_dict(patient) if d is None else d
    rest = {k: v for k, v in d.items() if k not in _COLUMNS}
    return (*(d[k] for k in _COLUMNS), searchkey.sort_key(patient.family_name,
                                                          patient.given_names), to_json(rest))


def _term_rows(patient: Patient) -> list[tuple[str, str, str]]:
    key = searchkey.sort_key(patient.family_name, patient.given_names)
    return [(t, key, patient.id) for t in searchkey.terms_for(
        patient.family_name, patient.given_names, patient.chart_number)]


def _patient(row: tuple[Any, ...]) -> Patient:
    d = json.loads(row[-1])
    d.update(zip(_COLUMNS, row[:-1]))
    d["is_demo"] = bool(d["is_demo"])
    return patient_from_dict(d, stored=True)


def _diff(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in new if old.get(k) != new[k]]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


class PatientRepository:
    """Reads and writes patients; the only code that knows how they are stored."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _insert(self, conn: sqlite3.Connection, patient: Patient, d: dict[str, Any]) -> None:
        try:
            conn.execute(f"INSERT INTO patients ({', '.join(_COLUMNS)}, sort_key, data) "
                         f"VALUES ({', '.join('?' * (len(_COLUMNS) + 2))})", _row(patient, d))
        except sqlite3.IntegrityError as exc:
            self._duplicate(conn, patient, exc)
        conn.executemany("INSERT INTO patient_terms (term, sort_key, patient_id) "
                         "VALUES (?, ?, ?)", _term_rows(patient))

    @staticmethod
    def _duplicate(conn: sqlite3.Connection, patient: Patient, exc: Exception) -> None:
        if "chart_number" in str(exc):
            raise ValidationError("chart_number", f"Chart number {patient.chart_number} is "
                                                  "already used by another patient") from None
        if "patients.id" in str(exc):
            raise ValidationError("id", f"A patient with id {patient.id} already exists") \
                from None
        raise exc

    @staticmethod
    def _index(conn: sqlite3.Connection, patient: Patient) -> None:
        conn.execute("DELETE FROM patient_terms WHERE patient_id = ?", (patient.id,))
        conn.executemany("INSERT INTO patient_terms (term, sort_key, patient_id) "
                         "VALUES (?, ?, ?)", _term_rows(patient))

    def add(self, patient: Patient) -> None:
        """Store a new patient (audited)."""
        self.add_many([patient])

    def add_many(self, patients: Iterable[Patient]) -> None:
        """Store new patients in one transaction (an import, a test set-up)."""
        with self.db.transaction() as conn:
            records = []
            for p in patients:
                d = patient_to_dict(p)
                self._insert(conn, p, d)
                records.append(AuditRecord("create", "patient", p.id, patient_id=p.id,
                                           after=d))
            audit.append(conn, self.db.user, records)

    def update(self, patient: Patient) -> bool:
        """Write ``patient`` over its stored version; audits only the changed fields.
        Returns False (and writes nothing) when nothing changed."""
        new = patient_to_dict(patient)
        with self.db.transaction() as conn:
            old_row = conn.execute(_SELECT + " WHERE id = ?", (patient.id,)).fetchone()
            if old_row is None:
                raise RecordNotFoundError(f"Patient {patient.id} is not in the database.")
            before, after = _diff(patient_to_dict(_patient(old_row)), new)
            if not before:
                return False
            try:
                conn.execute(f"UPDATE patients SET {', '.join(f'{c} = ?' for c in _COLUMNS)}, "
                             "sort_key = ?, data = ? WHERE id = ?",
                             (*_row(patient, new), patient.id))
            except sqlite3.IntegrityError as exc:
                self._duplicate(conn, patient, exc)
            if {"family_name", "given_names", "chart_number"} & after.keys():
                self._index(conn, patient)
            audit.append(conn, self.db.user, [AuditRecord(
                "update", "patient", patient.id, patient_id=patient.id, before=before,
                after=after)])
            return True

    def get(self, patient_id: str) -> Patient:
        """The stored patient, or RecordNotFoundError."""
        with self.db.snapshot() as conn:
            row = conn.execute(_SELECT + " WHERE id = ?", (patient_id,)).fetchone()
        if row is None:
            raise RecordNotFoundError(f"Patient {patient_id} is not in the database.")
        return _patient(row)

    def find_by_chart_number(self, chart_number: str) -> Patient | None:
        with self.db.snapshot() as conn:
            row = conn.execute(_SELECT + " WHERE chart_number = ?",
                               (chart_number.strip(),)).fetchone()
        return None if row is None else _patient(row)

    def count(self) -> int:
        with self.db.snapshot() as conn:
            return int(conn.execute("SELECT count(*) FROM patients").fetchone()[0])

    def search(self, text: str, *, limit: int = 200) -> list[PatientSummary]:
        """Patients whose family name, given names or chart number has a word starting
        with each word of ``text`` (accent/case-insensitive), ordered by family name.
        Blank ``text`` lists everyone."""
        tokens = sorted(set(searchkey.query_tokens(text)))
        with self.db.snapshot() as conn:
            if not tokens:
                rows = conn.execute(_SUMMARY + " FROM patients p ORDER BY p.sort_key, p.id "
                                    "LIMIT ?", (limit,)).fetchall()
            else:
                # The token with the fewest matching terms drives: its index range yields
                # (sort_key, patient) pairs to sort; the other tokens are checked per match
                # through the patient_id index.
                def matches(t: str) -> int:
                    return int(conn.execute(
                        "SELECT count(*) FROM (SELECT 1 FROM patient_terms WHERE term >= ? "
                        "AND term < ? LIMIT 50000)", (t, t + searchkey.PREFIX_END)
                    ).fetchone()[0])

                driver = min(tokens, key=matches)
                others = [t for t in tokens if t != driver]
                check = "".join(" AND EXISTS (SELECT 1 FROM patient_terms x WHERE "
                                "x.patient_id = h.patient_id AND x.term >= ? AND "
                                "x.term < ?)" for _ in others)
                args = [b for t in [driver, *others] for b in (t, t + searchkey.PREFIX_END)]
                rows = conn.execute(
                    _SUMMARY + " FROM (SELECT DISTINCT sort_key, patient_id FROM "
                    "patient_terms h WHERE term >= ? AND term < ?" + check +
                    " ORDER BY sort_key, patient_id LIMIT ?) h "
                    "JOIN patients p ON p.id = h.patient_id ORDER BY h.sort_key, h.patient_id",
                    (*args, limit)).fetchall()
        return [PatientSummary(
            id=r[0], chart_number=r[1],
            display_name=display_name(r[2], r[3]),
            date_of_birth=None if r[4] is None else date.fromisoformat(r[4]),
            is_demo=bool(r[5]),
            last_visit=None if r[6] is None else datetime.fromisoformat(r[6]),
            visit_count=r[7]) for r in rows]
