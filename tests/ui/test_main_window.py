"""The app shell driven through its widgets: find, create and edit patients, start visits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from bodymap.model import Precaution
from bodymap.ui.main_window import MainWindow
from bodymap.ui.patient_dialog import PatientDialog


@pytest.fixture
def window(qtbot, records, settings):
    w = MainWindow(records, settings)
    qtbot.addWidget(w)
    w.show()
    return w


def listed_names(window) -> list[str]:
    m = window.patients.model
    return [m.summary(r).display_name for r in range(m.rowCount())]


def test_type_ahead_narrows_the_list_accent_insensitively(qtbot, window, records):
    records.create_patient(chart_number="A-1", family_name="Ångström", given_names="Zoë")
    records.create_patient(chart_number="A-2", family_name="Andersen", given_names="Per")
    records.create_patient(chart_number="B-7", family_name="Brown", given_names="Amy")
    window.patients.refresh()
    assert len(listed_names(window)) == 3
    qtbot.keyClicks(window.patients.search, "angs")
    assert listed_names(window) == ["Ångström, Zoë"]
    window.patients.search.clear()
    qtbot.keyClicks(window.patients.search, "B-7")
    assert listed_names(window) == ["Brown, Amy"]
    # the first match is selected, so the patient is on screen without touching the mouse
    assert window.patient_panel.patient is not None
    assert window.patient_panel.patient.family_name == "Brown"
    assert "1 of 3 patients match" in window.patients.count_label.text()


def test_create_patient_through_the_dialog(qtbot, records):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.chart_number, "C-100")
    qtbot.keyClicks(dialog.family_name, "Al-Hassan")
    dialog.given_names.setText("ليلى")  # QTest types ASCII only; an IME commits text whole
    qtbot.keyClicks(dialog.dob.edit, "1984-02-29")  # typed, as a person does
    dialog.precaution_boxes[Precaution.ELECTRICAL_IMPLANT].setChecked(True)
    qtbot.keyClicks(dialog.precaution_notes[Precaution.ELECTRICAL_IMPLANT], "pacemaker 2021")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = records.find_patient_by_chart_number("C-100")
    assert saved is not None
    assert (saved.family_name, saved.given_names) == ("Al-Hassan", "ليلى")
    assert saved.date_of_birth == date(1984, 2, 29)
    assert saved.precautions == {Precaution.ELECTRICAL_IMPLANT: "pacemaker 2021"}


def test_dialog_keeps_what_was_typed_and_says_why_when_invalid(qtbot, records):
    records.create_patient(chart_number="D-1", family_name="Existing")
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.chart_number, "D-1")
    qtbot.keyClicks(dialog.family_name, "Newcomer")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "already belongs to Existing" in dialog.error.text()
    assert dialog.family_name.text() == "Newcomer"
    dialog.chart_number.clear()
    dialog.accept()
    assert "Chart number is required" in dialog.error.text()
    assert records.patient_count() == 1


def test_edit_patient_shows_precaution_banner(qtbot, monkeypatch, window, records):
    p = records.create_patient(chart_number="E-1", family_name="Okafor")
    window.patients.refresh()
    window.patients.select(p.id)
    assert window.patient_panel.banner.isHidden()

    def fill(dialog: PatientDialog) -> int:  # what a person does in the real dialog
        dialog.precaution_boxes[Precaution.ANTICOAGULANTS].click()
        qtbot.keyClicks(dialog.precaution_notes[Precaution.ANTICOAGULANTS], "apixaban")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PatientDialog, "exec", fill)
    window.edit_patient_action.trigger()  # Patient > Edit patient... (Ctrl+E)
    # the window updates itself: no refresh by hand
    assert not window.patient_panel.banner.isHidden()
    assert "anticoagulant use: apixaban" in window.patient_panel.banner.text()


def test_new_visit_appears_as_draft_with_clinician_from_profile(qtbot, window, records):
    p = records.create_patient(chart_number="F-1", family_name="Lee")
    window.patients.refresh()
    window.patients.select(p.id)
    assert window.patient_panel.empty.isVisible()
    qtbot.mouseClick(window.patient_panel.new_visit_button, Qt.MouseButton.LeftButton)
    visits = records.list_visits(p.id)
    assert len(visits) == 1 and visits[0].clinician == "Ana Ruiz, PT, DPT"
    model = window.patient_panel.visits
    assert model.rowCount() == 1
    assert model.data(model.index(0, 2)) == "Draft"
    assert not window.patient_panel.empty.isVisible()
    # the new visit opens for charting, with the standard instructions filled in
    opened = window.visit_windows[visits[0].id]
    assert opened.isVisible() and not opened.doc.read_only
    assert opened.form.header.clinician.text() == "Ana Ruiz, PT, DPT"
    assert "24-48 hours" in records.open_visit(visits[0].id).instructions


def test_open_visit_opens_a_visit_window_once(qtbot, window, records):
    from bodymap.services.demo import seed_demo

    seed_demo(records)
    window.patients.refresh()
    qtbot.keyClicks(window.patients.search, "DEMO")
    assert window.patients.model.rowCount() >= 5
    for row in range(window.patients.model.rowCount()):
        summary = window.patients.model.summary(row)
        if summary.visit_count:
            window.patients.select(summary.id)
            break
    window.patient_panel.table.selectRow(0)
    visit_id = window.patient_panel.visits.summary(0).id
    window.patient_panel.open_button.click()
    opened = window.visit_windows[visit_id]
    assert opened.isVisible() and opened.doc.visit.id == visit_id
    assert opened.doc.patient.id == summary.id
    window.patient_panel.open_button.click()
    assert list(window.visit_windows) == [visit_id]  # raised, not opened twice
    opened.close()
    assert window.visit_windows == {}
    # Enter on the selected visit opens it too
    window.patient_panel.table.setFocus()
    window.patient_panel.table.setCurrentIndex(window.patient_panel.visits.index(0, 0))
    qtbot.keyClick(window.patient_panel.table, Qt.Key.Key_Return)
    assert list(window.visit_windows) == [visit_id]
    window.visit_windows[visit_id].close()


def test_demo_patients_are_marked(qtbot, window, records):
    from bodymap.services.demo import seed_demo

    seed_demo(records)
    seed_demo(records)  # idempotent
    window.patients.refresh()
    rows = [window.patients.model.data(window.patients.model.index(r))
            for r in range(window.patients.model.rowCount())]
    assert rows and all("[DEMO]" in r for r in rows)
    assert records.patient_count() == len(rows)


def test_profile_change_names_the_new_clinician_in_the_audit_trail(qtbot, window, records,
                                                                  monkeypatch):
    from bodymap.ui.preferences import PreferencesDialog

    def accept_new_profile(dialog):
        window.settings.set("clinician_name", "Sam Okoro")
        window.settings.set("clinician_credentials", "DC")
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", accept_new_profile)
    window.edit_preferences()
    p = records.create_patient(chart_number="P-9", family_name="Audit")
    assert records.audit_trail(patient_id=p.id)[-1].who == "Sam Okoro, DC"


def test_start_up_does_not_load_the_chart_editor_or_plots(tmp_path):
    import subprocess
    import sys

    child = ("import sys; from bodymap.app import main; "
             f"rc = main(['--data-dir', {str(tmp_path / 'd')!r}, '--smoke-test']); "
             "heavy = [m for m in ('bodymap.ui.chart', 'bodymap.atlas.atlas', 'pyqtgraph') "
             "if m in sys.modules]; print('heavy:', heavy); sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120, env={**__import__("os").environ,
                                            "QT_QPA_PLATFORM": "offscreen",
                                            "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert proc.returncode == 0, proc.stderr
    assert "heavy: []" in proc.stdout


def test_verify_records_reports_intact_records(qtbot, window, records, monkeypatch):
    shown = []
    monkeypatch.setattr("bodymap.ui.main_window.QMessageBox.information",
                        lambda *args: shown.append(args[2]))
    records.create_patient(chart_number="V-1", family_name="Verify")
    window.verify_records()
    assert shown and "database file is intact" in shown[0]


def test_a_new_visit_without_a_clinician_profile_asks_for_one(qtbot, monkeypatch, records,
                                                             tmp_path):
    from bodymap.settings import Settings
    from bodymap.ui.preferences import PreferencesDialog

    settings = Settings(tmp_path / "fresh-settings.sqlite")  # no profile yet
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    patient = records.create_patient(chart_number="N-1", family_name="New")
    window.patient_panel.show_patient(patient)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.new_visit()
    assert records.list_visits(patient.id) == []  # not started under the login name

    def fill(dialog: PreferencesDialog) -> int:
        dialog.name.setText("Dana Kim")
        dialog.accept()
        return 1

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(PreferencesDialog, "exec", fill)
    monkeypatch.setattr(MainWindow, "open_visit", lambda self, visit_id: None)
    window.new_visit()
    (summary,) = records.list_visits(patient.id)
    assert records.open_visit(summary.id).clinician.startswith("Dana Kim")
    assert records.user.startswith("Dana Kim")
    settings.close()


def test_start_up_asks_for_the_profile_once_so_the_audit_names_the_clinician(
        qtbot, monkeypatch, records, tmp_path):
    from bodymap.settings import Settings
    from tests.ui.conftest import answer_profile_prompt

    settings = Settings(tmp_path / "fresh-settings.sqlite")
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    asked = answer_profile_prompt(monkeypatch, "Dana Kim")
    window.ask_for_profile_if_missing()
    assert len(asked) == 1 and "audit trail" in asked[0]
    assert records.user.startswith("Dana Kim")
    window.ask_for_profile_if_missing()  # set now: not asked again
    assert len(asked) == 1
    settings.close()

