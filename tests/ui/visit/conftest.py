"""Fixtures for visit-window tests: a patient with precautions and an open draft visit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bodymap.model import Patient, Precaution, Visit
from bodymap.ui.visit import VisitWindow

NAME = ("Ångström", "Zoë")


@pytest.fixture
def patient(records) -> Patient:
    return records.create_patient(
        chart_number="Z-1", family_name=NAME[0], given_names=NAME[1],
        precautions={Precaution.ANTICOAGULANTS: "apixaban 5 mg",
                     Precaution.ELECTRICAL_IMPLANT: "pacemaker 2021"})


@pytest.fixture
def open_window(qtbot, records, settings, patient) -> Callable[[Visit | None], VisitWindow]:
    """Open a VisitWindow on ``visit`` (default: a new draft) as the app would."""

    def opener(visit: Visit | None = None) -> VisitWindow:
        visit = visit or records.start_visit(patient.id, clinician=settings.clinician)
        window = VisitWindow(records, settings, records.get_patient(patient.id),
                             records.open_visit(visit.id))
        qtbot.addWidget(window)
        window.show()
        return window

    return opener


@pytest.fixture
def window(open_window) -> VisitWindow:
    return open_window()

