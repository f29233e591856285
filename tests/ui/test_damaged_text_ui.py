"""The app with a damaged byte in a visit's text: it starts, and selecting the patient
shows a message naming the damaged record instead of a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from bodymap.ui.main_window import MainWindow
from tests.storage.test_damaged_text import damaged_patient


def test_selecting_a_damaged_patient_shows_a_clear_message(qtbot, monkeypatch, records,
                                                           settings):
    patient_id, visit_id = damaged_patient(records)
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        box.show()
        box.grab().save("/tmp/bodymap_damaged_text.png")
        box.hide()
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.patients.select(patient_id)
    qtbot.waitUntil(lambda: bool(shown))
    assert f"visit {visit_id}: damaged bytes (not valid UTF-8) in clinician" in shown[-1]
    assert "Could not decode" not in shown[-1]
