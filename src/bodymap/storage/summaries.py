"""Light list rows (no notes, no marks) for patient lists and visit histories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bodymap.model import VisitStatus


@dataclass(frozen=True)
class PatientSummary:
    """One line of the patient list."""

    id: str
    chart_number: str
    display_name: str
    date_of_birth: date | None
    is_demo: bool
    last_visit: datetime | None
    visit_count: int


@dataclass(frozen=True)
class VisitSummary:
    """One line of a patient's visit history."""

    id: str
    patient_id: str
    started_at: datetime
    clinician: str
    status: VisitStatus
    nprs_before: int | None
    nprs_after: int | None
    needles_used: int | None
    mark_count: int
    addendum_count: int
    patient_name: str = ""  # filled by lists that span patients (e.g. unsigned visits)
