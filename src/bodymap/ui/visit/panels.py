"""The visit's form panels: who and when, screening and consent, outcome measures."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Changes, Patient, Visit, clock
from bodymap.model.coding import (
    NO_CODE,
    PROCEDURE_CODES,
    counted_muscles,
    procedure_code,
    short_text,
    suggested_procedure_code,
)
from bodymap.model.timetext import zone_text
from bodymap.ui.date_field import DateField
from bodymap.ui.messages import MessageArea, message_label
from bodymap.ui.visit.binding import (
    ERROR_STYLE,
    Binding,
    CheckBinding,
    DateBinding,
    IntBinding,
    IntField,
    LineBinding,
    TextBinding,
    VisitBinder,
    set_spin_read_only,
)
from bodymap.ui.visit.notes import note_editor


class DateTimeBinding(Binding):
    """When the visit took place, edited in local time and stored in UTC. Pushed when
    editing finishes, so spinning through the minutes is one edit."""

    def __init__(self, binder: VisitBinder, field: str, editor: QDateTimeEdit,
                 zone: QLabel) -> None:
        self.binder, self.field, self.widget, self.zone = binder, field, editor, zone
        editor.setDisplayFormat("yyyy-MM-dd HH:mm")
        editor.setCalendarPopup(True)
        editor.editingFinished.connect(self._edited)

    def _edited(self) -> None:
        value = self.widget.dateTime().toPython()  # type: ignore[attr-defined]
        moment = value.astimezone()  # the edit shows local time; make it aware
        current: datetime = getattr(self.binder.doc.visit, self.field)
        if moment.replace(second=0, microsecond=0) == \
                current.astimezone().replace(second=0, microsecond=0):
            return  # unchanged to the minute shown: keep the stored seconds
        if self.binder.push(self, **{self.field: moment}) is not None:
            self.refresh(self.binder.doc.visit)

    def set_read_only(self, read_only: bool) -> None:
        set_spin_read_only(self.widget, read_only)  # type: ignore[arg-type]

    def refresh(self, visit: Visit) -> None:
        moment: datetime = getattr(visit, self.field)
        self.widget.setDateTime(QDateTime(moment.astimezone()).toTimeZone(  # type: ignore[attr-defined]
            QTimeZone.systemTimeZone()))
        self.zone.setText(zone_text(moment))  # the local offset on that day (summer time)


class HeaderPanel(QGroupBox):
    """Date and time of the visit and the treating clinician."""

    def __init__(self, binder: VisitBinder, parent: QWidget | None = None) -> None:
        super().__init__("Visit", parent)
        self.started_at = QDateTimeEdit()
        self.started_at.setObjectName("startedAt")
        self.zone = QLabel()
        self.zone.setObjectName("startedAtZone")
        binder.add(DateTimeBinding(binder, "started_at", self.started_at, self.zone))
        self.clinician = QLineEdit()
        self.clinician.setObjectName("clinician")
        self.clinician_error = message_label(ERROR_STYLE)
        self.clinician_error.hide()
        binder.add(LineBinding(binder, "clinician", self.clinician, self.clinician_error))
        form = QFormLayout(self)
        when = QHBoxLayout()
        when.addWidget(self.started_at)
        when.addWidget(self.zone)
        when.addStretch(1)
        form.addRow("Date and time", when)
        form.addRow("Clinician", self.clinician)
        form.addRow("", MessageArea([self.clinician_error], lines=1))


class ScreeningPanel(QGroupBox):
    """Consent for dry needling (with its date) and this visit's precaution review, next to
    the patient's standing precautions that the review is about."""

    def __init__(self, binder: VisitBinder, patient: Patient,
                 parent: QWidget | None = None) -> None:
        super().__init__("Screening and consent", parent)
        self.consent = QCheckBox("Written consent for dry needling obtained")
        self.consent.setObjectName("consent")
        self.consent_date = DateField(maximum=clock.local_today)
        self.consent_date.setObjectName("consentDate")

        def consent_date(checked: bool) -> dict[str, Any]:
            # Checking the box records today unless a date is already there; unchecking
            # removes the date too, so the record never shows a date for no consent.
            if not checked:
                return {"consent_date": None}
            return {"consent_date": binder.doc.visit.consent_date or clock.local_today()}

        binder.add(CheckBinding(binder, "consent_obtained", self.consent, consent_date))
        self.consent_date_binding = binder.add(
            DateBinding(binder, "consent_date", self.consent_date))
        self.reviewed = QCheckBox("Precautions and contraindications reviewed this visit")
        self.reviewed.setObjectName("precautionsReviewed")
        binder.add(CheckBinding(binder, "precautions_reviewed", self.reviewed))
        standing = "; ".join(escape(f.label + (f" ({n})" if n else ""))
                             for f, n in patient.precautions.items())
        self.standing = QLabel(f"Standing precautions: <b>{standing}</b>" if standing else
                               "No standing precautions recorded for this patient.")
        self.standing.setWordWrap(True)
        self.standing.setObjectName("standingPrecautions")
        date_row = QHBoxLayout()
        consent_label = QLabel("Consent date")
        date_row.addWidget(consent_label, 0, Qt.AlignmentFlag.AlignTop)
        date_row.addWidget(self.consent_date, 1)  # its message gets the panel's width
        consent_label.setMinimumHeight(self.consent_date.edit.sizeHint().height())
        layout = QVBoxLayout(self)
        layout.addWidget(self.consent)
        layout.addLayout(date_row)
        layout.addWidget(self.reviewed)
        layout.addWidget(self.standing)


class OutcomePanel(QGroupBox):
    """NPRS before and after treatment; optional pressure pain threshold and ROM notes."""

    def __init__(self, binder: VisitBinder, parent: QWidget | None = None) -> None:
        super().__init__("Outcome measures", parent)
        self.nprs_before = IntField("0-10")
        self.nprs_before.edit.setObjectName("nprsBefore")
        self.nprs_after = IntField("0-10")
        self.nprs_after.edit.setObjectName("nprsAfter")
        binder.add(IntBinding(binder, "nprs_before", self.nprs_before, "NPRS before"))
        binder.add(IntBinding(binder, "nprs_after", self.nprs_after, "NPRS after"))
        self.ppt = note_editor("pressurePainThreshold", 44)
        self.ppt.setPlaceholderText("e.g. L upper trapezius 2.1 kg/cm² (R 3.4)")
        self.rom = note_editor("rangeOfMotion", 44)
        self.rom.setPlaceholderText("e.g. cervical rotation L 60° → 70°")
        binder.add(TextBinding(binder, "pressure_pain_threshold", self.ppt))
        binder.add(TextBinding(binder, "range_of_motion", self.rom))
        nprs = QHBoxLayout()
        nprs.addWidget(QLabel("before"))
        nprs.addWidget(self.nprs_before)
        nprs.addSpacing(16)
        nprs.addWidget(QLabel("after"))
        nprs.addWidget(self.nprs_after)
        nprs.addStretch(1)
        self.messages = MessageArea([self.nprs_before.error, self.nprs_after.error], lines=3)
        form = QFormLayout(self)
        form.addRow("NPRS (0-10)", nprs)
        form.addRow(self.messages)
        form.addRow("Pressure pain\nthreshold", self.ppt)
        form.addRow("Range of motion", self.rom)


def _muscle_list(muscles: list[str]) -> str:
    return ", ".join(m.replace("_", " ") for m in muscles)


class ProcedureCodeBinding(Binding):
    """The visit's procedure code: "Suggested" follows the muscles needled as the chart
    changes; a code (or "No procedure code") chosen here is kept as chosen. A signed visit
    shows the code stored at signing. The rule is the core's (model/coding.py)."""

    SUGGESTED = "suggested"

    def __init__(self, binder: VisitBinder, combo: QComboBox, explain: QLabel) -> None:
        self.binder, self.field, self.widget, self.explain = (binder, "procedure_code",
                                                              combo, explain)
        combo.activated.connect(self._edited)  # activated: the person's choice only
        binder.doc.changed.connect(self._chart_changed)

    def _chart_changed(self, changes: Changes) -> None:
        # the suggestion follows the needle sites; refreshing on every change is cheap
        self.refresh(self.binder.doc.visit)

    def _edited(self, index: int) -> None:
        data = self.widget.itemData(index)
        value = None if data == self.SUGGESTED else data
        self.binder.push(self, "Procedure code", own_step=True, **{self.field: value})
        self.refresh(self.binder.doc.visit)  # the record's value, whether taken or refused

    def refresh(self, visit: Visit) -> None:
        combo = self.widget
        suggested = suggested_procedure_code(visit.marks)
        muscles = counted_muscles(visit.marks)
        combo.blockSignals(True)
        combo.clear()
        if visit.signed:
            code = procedure_code(visit)
            if visit.procedure_code is None:
                combo.addItem("Not recorded (signed before codes were kept)", None)
            else:
                combo.addItem(short_text(code) if code else "No procedure code",
                              visit.procedure_code)
            self.explain.setText("Stored when the visit was signed.")
        else:
            combo.addItem("Suggested: " + (short_text(suggested) if suggested
                                           else "none (no muscle needled)"), self.SUGGESTED)
            for code in PROCEDURE_CODES:
                combo.addItem(short_text(code), code)
            combo.addItem("No procedure code", NO_CODE)
            chosen = self.SUGGESTED if visit.procedure_code is None else visit.procedure_code
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            counted = (f"Muscles needled: {len(muscles)} ({_muscle_list(muscles)}). "
                       if muscles else "No muscle needled yet. ")
            note = ("Parts of one muscle count once, and so does a muscle needled on both "
                    "sides.")
            if visit.procedure_code is not None and procedure_code(visit) != suggested:
                note += (f" <b>Your choice differs from the suggestion "
                         f"({suggested or 'none'}).</b>")
            self.explain.setText(counted + note)
        for i in range(combo.count()):  # the full CPT descriptor on each code
            code = combo.itemData(i)
            code = suggested if code == self.SUGGESTED else code
            if code in PROCEDURE_CODES:
                combo.setItemData(i, f"CPT {code}: {PROCEDURE_CODES[code]}",
                                  Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)
        self.refresh(self.binder.doc.visit)


class ProcedureCodePanel(QGroupBox):
    """The CPT code the visit is billed with, suggested from the muscles needled."""

    def __init__(self, binder: VisitBinder, parent: QWidget | None = None) -> None:
        super().__init__("Procedure code (CPT)", parent)
        self.combo = QComboBox()
        self.combo.setObjectName("procedureCode")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.explain = QLabel()
        self.explain.setObjectName("procedureCodeExplain")
        self.explain.setWordWrap(True)
        self.binding = binder.add(ProcedureCodeBinding(binder, self.combo, self.explain))
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.explain)
