"""JSON export and import of one patient's whole record (docs/export-format.md).

Export reads through services; import validates the whole file first (validate.py) and
then writes it in ONE storage transaction, audited as an import. A patient that already
exists (same id or same chart number) is refused: merging two histories of a legal record
is a decision for a person, not for an importer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bodymap.export.validate import (
    FORMAT,
    MAX_FILE_BYTES,
    SCHEMA_VERSION,
    ImportRejected,
    PatientRecord,
    parse_export,
    validate_export,
)
from bodymap.model import Patient, ValidationError, clock
from bodymap.model.codec import patient_to_dict, visit_to_dict
from bodymap.services.output import write_output
from bodymap.services.records import Records

__all__ = ["FORMAT", "SCHEMA_VERSION", "ImportRejected", "PatientRecord", "export_patient",
           "import_file", "import_patient", "read_export", "write_export"]


def _app_version() -> str:
    import bodymap

    return str(bodymap.__version__)


def export_patient(records: Records, patient_id: str) -> dict[str, Any]:
    """The patient's whole record as a JSON-ready dict: patient, then every visit (oldest
    first) with its marks in drawing order and its addenda."""
    patient = records.get_patient(patient_id)
    summaries = sorted(records.list_visits(patient_id), key=lambda s: (s.started_at, s.id))
    visits = [visit_to_dict(records.open_visit(s.id)) for s in summaries]
    return {
        "format": FORMAT,
        "version": SCHEMA_VERSION,
        "exported_at": clock.now().isoformat(),
        "exported_by": records.user,
        "app_version": _app_version(),
        "audit_anchor": records.audit_anchor(),
        "patient": patient_to_dict(patient),
        "visits": visits,
    }


def write_export(data: dict[str, Any], path: Path) -> None:
    """Write an export (UTF-8, indented) through :func:`write_output`: owner-only, and
    never a partial file; OutputError (an OSError) says why when it cannot be written."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False, allow_nan=False)
    write_output(path, (text + "\n").encode("utf-8"))


def read_export(path: Path) -> Any:
    """The parsed JSON of an export file; ImportRejected if too large or not strict JSON.
    The size is checked before reading, so a huge file is never loaded."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRejected(f"{path.name} is too large ({size / 1e6:,.1f} MB; the "
                                 f"limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportRejected(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    return parse_export(raw)


def import_patient(records: Records, data: Any, *, source: str = "") -> Patient:
    """Validate ``data`` (a parsed export) completely, then store the record in one
    transaction. Raises ImportRejected naming the problem; then nothing was written."""
    record = validate_export(data)
    try:
        records.import_record(record.patient, list(record.visits), source=source)
    except ValidationError as exc:
        raise ImportRejected(exc.message) from None
    return record.patient


def import_file(records: Records, path: Path) -> Patient:
    """Read, validate and import an export file (see :func:`import_patient`)."""
    return import_patient(records, read_export(path), source=Path(path).name)

