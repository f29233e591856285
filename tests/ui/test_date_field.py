"""Dates are typed as YYYY-MM-DD (or picked from a calendar that opens at a sensible
month); blank is "not recorded"; what cannot be read is said, never turned into a date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from bodymap.model import Sex
from bodymap.ui.date_field import DateField, parse_date
from bodymap.ui.patient_dialog import PatientDialog


def test_parse_date():
    assert parse_date("") is None and parse_date("   ") is None
    assert parse_date("1952-03-14") == date(1952, 3, 14)
    assert parse_date(" 1952-3-4 ") == date(1952, 3, 4)
    assert parse_date("19520314") == date(1952, 3, 14)
    for bad, words in (("not recorded19520314", "YYYY-MM-DD"), ("14/03/1952", "YYYY-MM-DD"),
                       ("2026-02-30", "not a day")):
        with pytest.raises(ValueError, match=words):
            parse_date(bad)


def test_typing_a_date_of_birth_and_seeing_a_wrong_one_refused(qtbot, records):
    dialog = PatientDialog(records)
    qtbot.addWidget(dialog)
    assert dialog.sex.currentData() == Sex.UNKNOWN  # nobody chose a sex yet
    qtbot.keyClicks(dialog.chart_number, "C-7")
    qtbot.keyClicks(dialog.family_name, "Brandt")
    qtbot.keyClicks(dialog.dob.edit, "14.03.1952")
    dialog.accept()  # refused, the dialog stays open and says how to type it
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "YYYY-MM-DD" in dialog.error.text()
    assert records.find_patient_by_chart_number("C-7") is None
    dialog.dob.edit.clear()
    qtbot.keyClicks(dialog.dob.edit, "19520314")
    qtbot.keyClick(dialog.dob.edit, Qt.Key.Key_Return)
    assert dialog.dob.edit.text() == "1952-03-14"  # read back in the one format
    dialog.accept()
    saved = records.find_patient_by_chart_number("C-7")
    assert saved is not None and saved.date_of_birth == date(1952, 3, 14)
    assert saved.sex == Sex.UNKNOWN


def test_a_blank_date_is_not_recorded_and_edits_load_back(qtbot, records):
    patient = records.create_patient(chart_number="C-8", family_name="Ito", sex=Sex.MALE,
                                     date_of_birth=date(1990, 7, 1))
    dialog = PatientDialog(records, patient)
    qtbot.addWidget(dialog)
    assert dialog.dob.edit.text() == "1990-07-01" and dialog.sex.currentData() == Sex.MALE
    dialog.dob.edit.clear()
    dialog.accept()
    assert records.get_patient(patient.id).date_of_birth is None
    assert records.get_patient(patient.id).sex == Sex.MALE


def test_calendar_opens_at_the_shown_date_or_a_sensible_start(qtbot):
    field = DateField(calendar_start=lambda: date(1986, 1, 1), maximum=lambda: date(2026, 12, 2))
    qtbot.addWidget(field)
    field.show()
    seen: list[object] = []
    field.edited.connect(seen.append)
    field.pick()
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (1986, 1)
    assert field.calendar.maximumDate() == QDate(2026, 12, 2)
    field.calendar.clicked.emit(QDate(1986, 5, 17))
    assert field.edit.text() == "1986-05-17" and seen == [date(1986, 5, 17)]
    field.pick()
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (1986, 5)
