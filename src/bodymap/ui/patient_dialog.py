"""Create or edit a patient: identification, contact, standing precautions."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Patient, Precaution, Sex, ValidationError, clock
from bodymap.services import StorageError
from bodymap.services.records import Records
from bodymap.ui.date_field import DateField
from bodymap.ui.errors import show_error


class PatientDialog(QDialog):
    """Form for a new patient (``patient=None``) or an existing one. On OK the change is
    saved through the services; an impossible value keeps the dialog open and says why."""

    def __init__(self, records: Records, patient: Patient | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.patient = patient
        self.saved: Patient | None = None
        self.setWindowTitle("Edit patient" if patient else "New patient")
        self.setObjectName("patientDialog")

        self.chart_number = QLineEdit()
        self.family_name = QLineEdit()
        self.given_names = QLineEdit()
        # Typed (YYYY-MM-DD) or picked; blank is "not recorded". The calendar opens forty
        # years back rather than in 1900.
        self.dob = DateField(calendar_start=lambda: date(clock.local_today().year - 40, 1, 1),
                             maximum=clock.local_today)
        self.sex = QComboBox()
        # "Unknown" first and by default: a form must not record a sex nobody chose.
        for s in sorted(Sex, key=lambda s: s is not Sex.UNKNOWN):
            self.sex.addItem(s.label, s)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)

        ident = QFormLayout()
        ident.addRow("Chart number*", self.chart_number)
        ident.addRow("Family name*", self.family_name)
        ident.addRow("Given names", self.given_names)
        ident.addRow("Date of birth", self.dob)
        ident.addRow("Sex", self.sex)
        ident.addRow("Phone", self.phone)
        ident.addRow("Email", self.email)
        ident.addRow("Address", self.address)
        ident.addRow("Notes", self.notes)

        self.precaution_boxes: dict[Precaution, QCheckBox] = {}
        self.precaution_notes: dict[Precaution, QLineEdit] = {}
        group = QGroupBox("Standing precautions and contraindications")
        grid = QGridLayout(group)
        for row, flag in enumerate(Precaution):
            box = QCheckBox(flag.label)
            note = QLineEdit()
            note.setPlaceholderText("note (drug, limb, date…)")
            note.setMinimumWidth(220)  # "apixaban 5 mg twice daily (AF)" fits
            note.setEnabled(False)
            box.toggled.connect(note.setEnabled)
            grid.addWidget(box, row, 0)
            grid.addWidget(note, row, 1)
            self.precaution_boxes[flag] = box
            self.precaution_notes[flag] = note

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        grid.setColumnStretch(1, 1)
        for field in (self.chart_number, self.family_name, self.given_names, self.phone,
                      self.email, self.address, self.notes):
            field.setMinimumWidth(240)
        columns = QHBoxLayout()
        columns.addLayout(ident, 2)
        columns.addWidget(group, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fields: dict[str, QWidget] = {
            "chart_number": self.chart_number, "family_name": self.family_name,
            "given_names": self.given_names, "date_of_birth": self.dob, "sex": self.sex,
            "phone": self.phone, "email": self.email, "address": self.address,
            "notes": self.notes,
        }
        if patient is not None:
            self._load(patient)

    def _load(self, p: Patient) -> None:
        self.chart_number.setText(p.chart_number)
        self.family_name.setText(p.family_name)
        self.given_names.setText(p.given_names)
        self.dob.set_value(p.date_of_birth)
        self.sex.setCurrentIndex(self.sex.findData(p.sex))
        self.phone.setText(p.phone)
        self.email.setText(p.email)
        self.address.setText(p.address)
        self.notes.setPlainText(p.notes)
        for flag, note in p.precautions.items():
            self.precaution_boxes[flag].setChecked(True)
            self.precaution_notes[flag].setText(note)

    def values(self) -> dict[str, Any]:
        """The form's content as model field values."""
        try:
            dob = self.dob.value()
        except ValueError as exc:
            raise ValidationError("date_of_birth", f"Date of birth: {exc}") from None
        return {
            "chart_number": self.chart_number.text().strip(),
            "family_name": self.family_name.text().strip(),
            "given_names": self.given_names.text().strip(),
            "date_of_birth": dob,
            "sex": self.sex.currentData(),
            "phone": self.phone.text().strip(),
            "email": self.email.text().strip(),
            "address": self.address.text().strip(),
            "notes": self.notes.toPlainText(),
            "precautions": {flag: self.precaution_notes[flag].text().strip()
                            for flag, box in self.precaution_boxes.items() if box.isChecked()},
        }

    def accept(self) -> None:
        try:
            values = self.values()
            other = self.records.find_patient_by_chart_number(values["chart_number"])
            if other is not None and (self.patient is None or other.id != self.patient.id):
                raise ValidationError("chart_number", f"Chart number {values['chart_number']}"
                                                      f" already belongs to "
                                                      f"{other.display_name}")
            if self.patient is None:
                self.saved = self.records.create_patient(**values)
            else:
                self.saved = self.records.update_patient(self.patient.id, **values)
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            widget = self._fields.get(exc.field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except StorageError as exc:
            # The form keeps what was typed, so nothing is lost; the person can retry.
            show_error(self, "The patient could not be saved", exc.user_message)
            return
        super().accept()
