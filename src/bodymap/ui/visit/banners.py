"""Banners across the top of a visit window: the patient's standing precautions (always,
while a visit of theirs is open), the thorax needled on both sides (while it is), and,
once signed, that the record is read-only."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bodymap.atlas import visit_atlas
from bodymap.model import Changes, Patient, Precaution, Side
from bodymap.model.timetext import time_text
from bodymap.services.chart_checks import bilateral_thorax
from bodymap.ui.document import VisitDocument
from bodymap.ui.patient_panel import precautions_html

PRECAUTION_STYLE = ("background:#fff3cd; color:#5c4400; border:1px solid #e0b84c;"
                    "border-radius:4px; padding:6px;")
THORAX_STYLE = ("background:#fde2e1; color:#7a0b0b; border:1px solid #e08a85;"
                "border-radius:4px; padding:6px;")
SIGNED_STYLE = ("background:#e3ecf7; color:#1d3557; border:1px solid #9db4d3;"
                "border-radius:4px; padding:6px;")


def precaution_warning(patient: Patient) -> str:
    """The patient's precautions as a warning line, with the e-stim rule spelled out for
    an electrical implant (the one precaution that forbids a technique outright)."""
    html = precautions_html(patient)
    if patient.has(Precaution.ELECTRICAL_IMPLANT):
        html += " — <b>no electrical stimulation</b>"
    return html


class VisitBanners(QWidget):
    """The precaution warning and the signed/read-only notice."""

    addendum_requested = Signal()
    refreshed = Signal()  # a banner appeared or went: the window refits the strip

    def __init__(self, doc: VisitDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.precautions = QLabel(precaution_warning(doc.patient))
        self.precautions.setObjectName("visitPrecautionBanner")
        self.precautions.setWordWrap(True)
        self.precautions.setStyleSheet(PRECAUTION_STYLE)
        self.precautions.setVisible(bool(doc.patient.precautions))
        self.thorax = QLabel()
        self.thorax.setObjectName("bilateralThoraxBanner")
        self.thorax.setWordWrap(True)
        self.thorax.setStyleSheet(THORAX_STYLE)
        self.problems = QLabel()
        self.problems.setObjectName("recordProblemsBanner")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(THORAX_STYLE)
        self.signed = QLabel()
        self.signed.setObjectName("readOnlyBanner")
        self.signed.setWordWrap(True)
        self.addendum_button = QPushButton("Add addendum…")
        self.addendum_button.clicked.connect(self.addendum_requested)
        self.signed_row = QWidget()
        self.signed_row.setStyleSheet(f"QWidget#signedRow {{{SIGNED_STYLE}}}")
        self.signed_row.setObjectName("signedRow")
        row = QHBoxLayout(self.signed_row)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.signed, 1)
        row.addWidget(self.addendum_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(4)
        layout.addWidget(self.precautions)
        layout.addWidget(self.thorax)
        layout.addWidget(self.problems)
        layout.addWidget(self.signed_row)
        doc.read_only_changed.connect(lambda _ro: self.refresh())
        doc.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.marks_touched or "*" in changes.fields:
            self.refresh()

    @property
    def empty(self) -> bool:
        return (self.precautions.isHidden() and self.signed_row.isHidden()
                and self.thorax.isHidden() and self.problems.isHidden())

    def refresh(self) -> None:
        visit = self.doc.visit
        sides = bilateral_thorax(visit, visit_atlas(visit))
        if sides:
            self.thorax.setText(
                "⚠ <b>Both sides of the thorax are needled this session</b> (left: "
                f"{escape(', '.join(sides[Side.LEFT]))}; right: "
                f"{escape(', '.join(sides[Side.RIGHT]))}). Guidance is to needle one side "
                "of the thorax per session (pneumothorax risk); signing asks for a reason.")
        self.thorax.setVisible(bool(sides))
        if visit.signed and visit.signed_at is not None:
            self.signed.setText(
                f"<b>Signed by {escape(visit.signed_by or '')} on "
                f"{escape(time_text(visit.signed_at))}.</b> This record is read-only; "
                "corrections are added as addenda.")
        self.signed_row.setVisible(visit.signed)
        if visit.read_problems:
            self.problems.setText(
                "⚠ <b>This stored record does not meet today's rules, so it is shown "
                "read-only:</b> " + escape("; ".join(visit.read_problems), quote=False)
                + ". Nothing "
                "stored was changed; it prints and exports as it is.")
        self.problems.setVisible(bool(visit.read_problems))
        self.refreshed.emit()
