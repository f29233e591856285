"""Signing and addenda: the dialogs that turn a draft into a record and correct it after.

Signing requires consent, a reconciled needle count and a precaution review; each unmet
requirement can be overridden only with a written reason, stored with the signature and
printed with the record.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import SignRequirement, Visit
from bodymap.model.coding import procedure_code, short_text
from bodymap.model.limits import limit
from bodymap.ui.visit.binding import ERROR_STYLE


def unmet_requirements(visit: Visit) -> list[SignRequirement]:
    """What signing will check, as the services check it (with the atlas's hazard
    regions when the chart checks are available), so the dialog asks for every reason
    the signature needs."""
    try:
        from bodymap.services.chart_checks import unmet_sign_requirements
    except ImportError:  # no atlas-aware checks in this build: the model's own list
        return visit.unmet_requirements()
    return unmet_sign_requirements(visit)


def requirement_detail(visit: Visit, req: SignRequirement) -> str:
    """Why ``req`` is unmet, in the visit's own numbers."""
    if req is SignRequirement.NEEDLE_COUNT:
        used = "not recorded" if visit.needles_used is None else str(visit.needles_used)
        removed = "not recorded" if visit.needles_removed is None else str(visit.needles_removed)
        return (f"Needles used: {used}; needles removed: {removed}; charted at needle "
                f"sites: {visit.charted_needles()}.")
    if req is SignRequirement.CONSENT:
        return "Consent for dry needling is not recorded for this visit."
    if req is SignRequirement.PRECAUTIONS_REVIEWED:
        return "The precaution review for this visit is not ticked."
    if req is SignRequirement.BILATERAL_THORAX:
        from bodymap.atlas import visit_atlas
        from bodymap.model import Side
        from bodymap.services.chart_checks import bilateral_thorax

        sides = bilateral_thorax(visit, visit_atlas(visit))
        return ("Needle sites over the thorax on both sides this session (left: "
                f"{', '.join(sides.get(Side.LEFT, []))}; right: "
                f"{', '.join(sides.get(Side.RIGHT, []))}). Guidance is one side per "
                "session (pneumothorax risk).")
    if req.value == "hazard_depth":
        return ("A needle site over a hazard region (thorax, spine, anterior hip, abdomen) "
                "has no depth recorded; record it in the chart inspector.")
    return req.label + "."


class SignDialog(QDialog):
    """Confirms signing; lists each unmet requirement with a field for the override
    reason. Sign is enabled only when every unmet requirement has a written reason."""

    def __init__(self, visit: Visit, signer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle("Sign visit")
        self.reasons: dict[SignRequirement, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(f"Sign as <b>{signer}</b>. After signing the visit cannot be "
                       "changed; corrections are added as dated addenda.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        code = procedure_code(visit)
        self.code = QLabel("Procedure code signed with it: "
                           + (f"<b>CPT {short_text(code)}</b>" if code else "<b>none</b>")
                           + (" (change it in the form before signing)"))
        self.code.setObjectName("signProcedureCode")
        self.code.setWordWrap(True)
        layout.addWidget(self.code)
        unmet = unmet_requirements(visit)
        if unmet:
            note = QLabel("These requirements are not met. Fix them in the form, or give a "
                          "written reason for each; the reason is stored and printed with "
                          "the signature.")
            note.setWordWrap(True)
            note.setStyleSheet(ERROR_STYLE)
            layout.addWidget(note)
        else:
            layout.addWidget(QLabel("✓ Every requirement for signing is met."))
        for req in unmet:
            box = QGroupBox(req.label)
            box.setObjectName(f"unmet_{req.value}")
            inner = QVBoxLayout(box)
            detail = QLabel(requirement_detail(visit, req))
            detail.setWordWrap(True)
            inner.addWidget(detail)
            reason = QPlainTextEdit()
            reason.setObjectName(f"reason_{req.value}")
            reason.setPlaceholderText("Reason for signing without this")
            reason.setFixedHeight(56)
            reason.setTabChangesFocus(True)
            reason.textChanged.connect(lambda edit=reason: self._cap_length(edit))
            reason.textChanged.connect(self._update)
            inner.addWidget(reason)
            self.reasons[req] = reason
            layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button: QPushButton = self.buttons.addButton(
            "Sign" if not unmet else "Sign with overrides",
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("signButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self._update()

    def overrides(self) -> dict[SignRequirement, str]:
        """The written reasons, one per unmet requirement (stripped)."""
        return {req: edit.toPlainText().strip() for req, edit in self.reasons.items()}

    @staticmethod
    def _cap_length(edit: QPlainTextEdit) -> None:
        """The reason box holds at most what the record stores (the core's limit): a
        longer paste is cut there, and the box says so."""
        most = limit("sign_overrides")
        text = edit.toPlainText()
        if len(text) <= most:
            return
        edit.blockSignals(True)
        edit.setPlainText(text[:most])
        edit.blockSignals(False)
        edit.moveCursor(QTextCursor.MoveOperation.End)
        edit.setToolTip(f"A reason holds at most {most:,} characters; the rest was cut.")

    def _update(self) -> None:
        self.sign_button.setEnabled(all(self.overrides().values()))

    def accept(self) -> None:
        if self.sign_button.isEnabled():
            super().accept()


class AddendumDialog(QDialog):
    """Write an addendum to a signed visit; it is dated now and attributed to ``author``."""

    def __init__(self, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addendumDialog")
        self.setWindowTitle("Add addendum")
        self.text = QPlainTextEdit()
        self.text.setObjectName("addendumText")
        self.text.setPlaceholderText("Correction or addition to the signed record")
        self.text.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("Add addendum",
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        info = QLabel(f"Author: <b>{author}</b>. The addendum is dated now and shown under "
                      "the original, which stays unchanged.")
        info.setWordWrap(True)
        layout.addWidget(info)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(480, 300)
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.text.toPlainText().strip()))

    def accept(self) -> None:
        if self.add_button.isEnabled():
            super().accept()
