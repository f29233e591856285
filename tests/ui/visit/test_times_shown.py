"""Times on screen are local with their UTC offset, everywhere: the visit list, the visit
window, its signature and banner, the audit trail and the save status."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtWidgets import QDialog

from bodymap.model.timetext import time_text
from bodymap.ui.main_window import MainWindow
from tests.ui.visit.test_signing import sign_with_overrides

STARTED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
OFFSET = "\u221205:00"  # America/Bogota: no daylight saving, so any date of the year


def test_every_time_on_screen_is_local_with_its_offset(qtbot, monkeypatch, records, settings,
                                                       patient, local_zone):
    local_zone("America/Bogota")
    visit = records.start_visit(patient.id, clinician="Ana Ruiz", started_at=STARTED)
    main = MainWindow(records, settings)
    qtbot.addWidget(main)
    main.patients.refresh()
    main.patients.select(patient.id)
    table = main.patient_panel.visits
    assert table.data(table.index(0, 0)) == f"2026-01-05 04:00 {OFFSET}"

    window = main.open_visit(visit.id)
    assert window.form.header.zone.text() == f"UTC{OFFSET}"
    window.form.screening.reviewed.click()
    qtbot.waitUntil(lambda: window.save_state.text() != "")
    assert re.fullmatch(rf"Saved \d\d:\d\d:\d\d {OFFSET}", window.save_state.text())

    sign_with_overrides(monkeypatch, window)
    signed_at = window.doc.visit.signed_at
    assert signed_at is not None
    shown = time_text(signed_at)
    assert shown.endswith(OFFSET)
    assert shown in window.form.signature.signature.text()
    assert shown in window.banners.signed.text()
    assert f"on {shown}" in window.chart.banner.text()

    dialog = window.audit_dialog()
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert cells and all(re.fullmatch(
        rf"\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d {OFFSET}", cell) for cell in cells), cells
    dialog.done(QDialog.DialogCode.Accepted)


def test_dates_are_the_local_day_of_the_visit(qtbot, records, settings, patient, local_zone):
    local_zone("America/Bogota")
    late = datetime(2026, 1, 6, 3, 30, tzinfo=UTC)  # 22:30 on the 5th in Bogota
    visit = records.start_visit(patient.id, clinician="Ana Ruiz", started_at=late)
    main = MainWindow(records, settings)
    qtbot.addWidget(main)
    main.patients.refresh()
    main.patients.select(patient.id)
    listed = main.patients.model.index(0).data()
    assert "last visit 2026-01-05" in listed, listed
    window = main.open_visit(visit.id)
    assert window.windowTitle().startswith("Visit 2026-01-05 — ")
