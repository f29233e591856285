"""Writing a whole patient record (patient, visits, marks, addenda) that arrives from an
export file, in one transaction, audited as an import.

The repositories' ordinary paths cannot do this: ``VisitRepository.save`` refuses signed
visits and ``sign`` stamps the signature with the signer and time of *now*. An imported
signed visit keeps its original signature. The schema's triggers stay as they are: a
signed visit's row is never updated. Because the triggers refuse marks inserted under a
signed visit, each visit row is inserted as a draft, its marks are inserted, and the row
then makes the one transition the schema allows (draft -> signed, the same update signing
makes) before its addenda go in. It all happens in one transaction, so no other reader ever
sees the draft state, and any refusal rolls the whole record back.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from typing import Any

from bodymap.model import Patient, ValidationError, Visit, VisitStatus
from bodymap.model.codec import addendum_to_dict, patient_to_dict
from bodymap.storage import audit
from bodymap.storage.audit import AuditRecord
from bodymap.storage.database import Database
from bodymap.storage.patients import PatientRepository
from bodymap.storage.visits import _V_COLS, _encode, _visit_fields, _visit_row, started_key

IMPORT_ACTION = "import"


def _refuse_existing(conn: sqlite3.Connection, patient: Patient,
                     visits: Sequence[Visit]) -> None:
    """ValidationError naming the first id (or chart number) already in the database."""
    row = conn.execute("SELECT chart_number FROM patients WHERE id = ?",
                       (patient.id,)).fetchone()
    if row is not None:
        raise ValidationError("id", f"Patient {patient.id} is already in this database "
                                    f"(chart number {row[0]})")
    if conn.execute("SELECT 1 FROM patients WHERE chart_number = ?",
                    (patient.chart_number,)).fetchone():
        raise ValidationError("chart_number", f"Chart number {patient.chart_number} is "
                                              "already used by another patient")
    checks = [("visits", "Visit", [v.id for v in visits]),
              ("marks", "Mark", [m.id for v in visits for m in v.marks]),
              ("addenda", "Addendum", [a.id for v in visits for a in v.addenda])]
    for table, label, ids in checks:
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[i:i + 500]
            hit = conn.execute(f"SELECT id FROM {table} WHERE id IN "
                               f"({', '.join('?' * len(chunk))}) LIMIT 1", chunk).fetchone()
            if hit is not None:
                raise ValidationError(table, f"{label} {hit[0]} is already in this database")


def _insert_visit(conn: sqlite3.Connection, visit: Visit) -> list[AuditRecord]:
    scope: dict[str, Any] = {"patient_id": visit.patient_id, "visit_id": visit.id}
    fields = _visit_fields(visit)
    draft = dataclasses.replace(visit, status=VisitStatus.DRAFT, signed_by=None,
                                signed_at=None, marks=[], addenda=[])
    conn.execute(f"INSERT INTO visits ({', '.join(_V_COLS)}, started_key, data) "
                 f"VALUES ({', '.join('?' * (len(_V_COLS) + 2))})",
                 _visit_row(draft, _visit_fields(draft)))
    records = [AuditRecord(IMPORT_ACTION, "visit", visit.id, **scope, after=fields)]
    for position, mark in enumerate(visit.marks):
        enc = _encode(mark)
        conn.execute("INSERT INTO marks (id, kind, view, region_id, muscle, side, position, "
                     "data, visit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (*enc.row(position), visit.id))
        records.append(AuditRecord(IMPORT_ACTION, "mark", mark.id, **scope,
                                   after={**enc.as_dict, "position": position}))
    if visit.signed:
        # The one change the triggers allow on a visit row: draft -> signed.
        conn.execute(f"UPDATE visits SET {', '.join(f'{c} = ?' for c in _V_COLS)}, "
                     "started_key = ?, data = ? WHERE id = ? AND status = 'draft'",
                     (*_visit_row(visit, fields), visit.id))
    for addendum in visit.addenda:
        d = addendum_to_dict(addendum)
        conn.execute("INSERT INTO addenda (id, visit_id, author, text, created_at) "
                     "VALUES (?, ?, ?, ?, ?)",
                     (d["id"], d["visit_id"], d["author"], d["text"], d["created_at"]))
        records.append(AuditRecord(IMPORT_ACTION, "addendum", addendum.id, **scope, after=d))
    return records


def import_record(db: Database, patient: Patient, visits: Sequence[Visit], *,
                  source: str = "") -> None:
    """Store a new patient with their visits (marks, signatures, addenda exactly as given)
    in one transaction, every entity audited with action "import" (``source``, e.g. the
    file name, goes into the patient's audit entry).

    The caller has validated the record. Raises ValidationError, writing nothing, when the
    patient, chart number or any visit, mark or addendum id already exists, when a visit
    belongs to another patient, or when a draft visit carries addenda."""
    for visit in visits:
        if visit.patient_id != patient.id:
            raise ValidationError("patient_id", f"Visit {visit.id} belongs to another patient")
        if visit.addenda and not visit.signed:
            raise ValidationError("addenda", f"Visit {visit.id} is a draft but has addenda "
                                             "(addenda are for signed visits)")
    ordered = sorted(visits, key=lambda v: (started_key(v.started_at), v.id))
    with db.transaction() as conn:
        _refuse_existing(conn, patient, ordered)
        d = patient_to_dict(patient)
        PatientRepository(db)._insert(conn, patient, d)
        after = {**d, "import_source": source} if source else d
        records = [AuditRecord(IMPORT_ACTION, "patient", patient.id, patient_id=patient.id,
                               after=after)]
        try:
            for visit in ordered:
                records += _insert_visit(conn, visit)
        except sqlite3.IntegrityError as exc:  # validated above; a last line of defence
            raise ValidationError("import", f"The record could not be stored ({exc})") \
                from None
        audit.append(conn, db.user, records)
