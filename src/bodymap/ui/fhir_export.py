"""File ▸ Export FHIR bundle…: which visits of the selected patient go into the bundle.

The bundle itself is built by export/fhir.py; this dialog only asks what to include: every
visit or the one selected in the patient's visit table, and whether unsigned drafts go in
(marked as drafts in the bundle).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Patient, VisitStatus
from bodymap.model.timetext import date_text
from bodymap.services import VisitSummary


class FhirExportDialog(QDialog):
    """Choose the visits of ``patient`` to export; ``selected`` is the visit selected in the
    patient's visit table (None: no choice of one visit)."""

    def __init__(self, patient: Patient, summaries: list[VisitSummary],
                 selected: VisitSummary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export FHIR bundle")
        self.setObjectName("fhirExportDialog")
        self.summaries = summaries
        self.selected = selected
        signed = sum(1 for s in summaries if s.status is VisitStatus.SIGNED)
        drafts = len(summaries) - signed
        intro = QLabel(f"A FHIR R4 bundle of <b>{patient.display_name}</b> "
                       f"({patient.chart_number}) for the clinic's other systems: the visits "
                       "with their needling, pain scores, adverse events, procedure code and "
                       "printed chart.")
        intro.setWordWrap(True)
        self.all_visits = QRadioButton(f"All visits ({signed} signed"
                                       + (f", {drafts} draft{'s' if drafts != 1 else ''})"
                                          if drafts else ")"))
        self.all_visits.setObjectName("fhirAllVisits")
        if selected is None:
            one = "Only the selected visit (none is selected)"
        else:
            one = f"Only the selected visit, of {date_text(selected.started_at)}"
            one += "" if selected.status is VisitStatus.SIGNED else " (draft)"
        self.one_visit = QRadioButton(one)
        self.one_visit.setObjectName("fhirSelectedVisit")
        self.one_visit.setEnabled(selected is not None)
        group = QButtonGroup(self)
        group.addButton(self.all_visits)
        group.addButton(self.one_visit)
        self.all_visits.setChecked(True)
        self.drafts = QCheckBox("Include unsigned drafts (marked as drafts in the bundle)")
        self.drafts.setObjectName("fhirIncludeDrafts")
        self.drafts.setEnabled(drafts > 0)
        self.note = QLabel()
        self.note.setObjectName("fhirExportNote")
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("fhirExportButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.all_visits, self.one_visit, self.drafts, self.note):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        for button in (self.all_visits, self.one_visit, self.drafts):
            button.toggled.connect(self._update)
        self._update()

    def visit_ids(self) -> list[str]:
        if self.one_visit.isChecked() and self.selected is not None:
            return [self.selected.id]
        return [s.id for s in self.summaries]

    def include_drafts(self) -> bool:
        return self.drafts.isChecked()

    def _update(self) -> None:
        chosen = [s for s in self.summaries if s.id in set(self.visit_ids())]
        count = sum(1 for s in chosen
                    if s.status is VisitStatus.SIGNED or self.include_drafts())
        if count == 0:
            self.note.setText("Nothing to export: the chosen visit is an unsigned draft. "
                              "Sign it, or include drafts.")
        else:
            self.note.setText(f"{count} visit{'s' if count != 1 else ''} will be exported.")
        self.export_button.setEnabled(count > 0)
