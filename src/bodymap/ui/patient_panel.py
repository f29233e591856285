"""The selected patient: who they are, what to be careful of, and their visits."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Patient, Sex, clock
from bodymap.services.records import Records
from bodymap.ui.visit_table import VisitTableModel


def precautions_html(patient: Patient) -> str:
    """A one-line warning listing the patient's standing precautions, or "" if none."""
    import html  # loaded with the first patient shown, not at start-up

    items = [html.escape(flag.label + (f": {note}" if note else ""))
             for flag, note in patient.precautions.items()]
    return "⚠ <b>Precautions:</b> " + "; ".join(items) if items else ""


class PatientPanel(QWidget):
    """Header, precaution banner and visit table of one patient."""

    edit_requested = Signal()
    new_visit_requested = Signal()
    copy_forward_requested = Signal(str, bool)  # previous visit id, copy chart marks
    visit_opened = Signal(str)  # visit id

    def __init__(self, records: Records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.patient: Patient | None = None
        self.header = QLabel()
        self.header.setObjectName("patientHeader")
        self.header.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("precautionBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3cd; color:#5c4400; border:1px solid #e0b84c;"
                                  "border-radius:4px; padding:6px;")
        self.table = QTableView()
        self.table.setObjectName("visitTable")
        self.visits = VisitTableModel(self)
        self.table.setModel(self.visits)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # clinician
        # Double-click or Enter (the platform's "activate"), as in the needs-attention list.
        self.table.activated.connect(lambda i: self.visit_opened.emit(
            self.visits.summary(i.row()).id))
        self.empty = QLabel("No visits yet. Start one with “New visit”.")
        self.empty.setObjectName("noVisits")

        self.edit_button = QPushButton("Edit patient…")
        self.edit_button.clicked.connect(self.edit_requested)
        self.new_visit_button = QPushButton("New visit")
        self.new_visit_button.setObjectName("newVisitButton")
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        # Series of treatments: the next visit starts from the selected (or latest) one.
        self.copy_button = QPushButton("New visit from previous")
        self.copy_button.setObjectName("copyForwardButton")
        menu = QMenu(self.copy_button)
        self.copy_plan_action = menu.addAction("Carry the plan over",
                                               lambda: self._copy_forward(False))
        self.copy_all_action = menu.addAction("Carry the plan over and copy the chart",
                                              lambda: self._copy_forward(True))
        self.copy_button.setMenu(menu)
        self.open_button = QPushButton("Open visit")
        self.open_button.clicked.connect(self._open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_visit_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(QLabel("<b>Visits</b>"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.show_patient(None)

    def show_patient(self, patient: Patient | None) -> None:
        self.patient = patient
        enabled = patient is not None
        for w in (self.edit_button, self.new_visit_button, self.open_button, self.copy_button,
                  self.table):
            w.setEnabled(enabled)
        if patient is None:
            self.header.setText("<h2>No patient selected</h2>Find a patient on the left, or "
                                "create one with File ▸ New patient (Ctrl+N).")
            self.banner.hide()
            self.visits.set_rows([])
            self.empty.hide()
            return
        import html

        dob = patient.date_of_birth
        age = f", {patient.age_on(clock.local_today())} y" if dob else ""
        demo = " <span style='color:#a00'>[DEMO]</span>" if patient.is_demo else ""
        self.header.setText(
            f"<h2>{html.escape(patient.display_name)}{demo}</h2>"
            f"Chart {html.escape(patient.chart_number)} · born "
            f"{dob.isoformat() if dob else 'not recorded'}{age} · "
            f"{'sex not recorded' if patient.sex is Sex.UNKNOWN else patient.sex.label}")
        warning = precautions_html(patient)
        self.banner.setText(warning)
        self.banner.setVisible(bool(warning))
        self.refresh_visits()

    def refresh_visits(self) -> None:
        rows = self.records.list_visits(self.patient.id) if self.patient else []
        self.visits.set_rows(rows)
        self.empty.setVisible(self.patient is not None and not rows)
        self.open_button.setEnabled(bool(rows))
        self.copy_button.setEnabled(bool(rows))

    def select_visit(self, visit_id: str) -> None:
        for row in range(self.visits.rowCount()):
            if self.visits.summary(row).id == visit_id:
                self.table.selectRow(row)
                return

    def source_visit_id(self) -> str | None:
        """The visit a copy-forward starts from: the selected one, else the latest."""
        index = self.table.currentIndex()
        if index.isValid():
            return self.visits.summary(index.row()).id
        return self.visits.summary(0).id if self.visits.rowCount() else None

    def _copy_forward(self, copy_marks: bool) -> None:
        source = self.source_visit_id()
        if source is not None:
            self.copy_forward_requested.emit(source, copy_marks)

    def _open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.visit_opened.emit(self.visits.summary(index.row()).id)
