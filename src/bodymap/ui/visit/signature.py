"""The signature block: draft or signed (with override reasons), and the addenda under it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bodymap.model import Changes
from bodymap.model.timetext import time_text
from bodymap.ui.document import VisitDocument
from bodymap.ui.visit.signing import unmet_requirements


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def signature_html(doc: VisitDocument) -> str:
    """The signature (or draft status) of the open visit, with override reasons."""
    visit = doc.visit
    if not visit.signed:
        unmet = unmet_requirements(visit)
        todo = "".join(f"<li>{escape(r.label)}</li>" for r in unmet)
        return ("<b style='color:#9a5b00'>DRAFT — not signed</b>"
                + (f"<br>Before signing:<ul style='margin:2px'>{todo}</ul>" if todo else
                   "<br>Ready to sign."))
    html = (f"<b>Signed by {escape(visit.signed_by or '')}</b><br>"
            f"{escape(time_text(visit.signed_at))}" if visit.signed_at else "")
    for req, reason in visit.sign_overrides.items():
        html += (f"<br><span style='color:#7a0010'>Override — {escape(req.label)}:</span> "
                 f"{_text(reason)}")
    return html


def addenda_html(doc: VisitDocument) -> str:
    """Addenda in order, each dated and attributed."""
    return "".join(
        f"<p style='margin:4px 0'><b>Addendum {escape(time_text(a.created_at))}, "
        f"{escape(a.author)}</b><br>{_text(a.text)}</p>" for a in doc.visit.addenda)


class SignatureBlock(QGroupBox):
    """Shows who signed and when (or that the visit is a draft), the addenda under the
    original, and the Sign / Add addendum buttons that apply."""

    sign_requested = Signal()
    addendum_requested = Signal()

    def __init__(self, doc: VisitDocument, parent: QWidget | None = None) -> None:
        super().__init__("Signature", parent)
        self.doc = doc
        self.signature = QLabel()
        self.signature.setObjectName("signature")
        self.signature.setWordWrap(True)
        self.addenda_title = QLabel("<b>Addenda</b>")
        self.addenda = QLabel()
        self.addenda.setObjectName("addenda")
        self.addenda.setWordWrap(True)
        self.addenda.setStyleSheet("border-left:3px solid #888; padding-left:6px;")
        self.sign_button = QPushButton("Sign…")
        self.sign_button.setObjectName("signVisitButton")
        self.sign_button.clicked.connect(self.sign_requested)
        self.addendum_button = QPushButton("Add addendum…")
        self.addendum_button.setObjectName("addAddendumButton")
        self.addendum_button.clicked.connect(self.addendum_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.addendum_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.signature)
        layout.addWidget(self.addenda_title)
        layout.addWidget(self.addenda)
        layout.addLayout(buttons)
        doc.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        # The draft's to-do list follows consent, counts and review as they are edited.
        self.refresh()

    def refresh(self) -> None:
        self.signature.setText(signature_html(self.doc))
        addenda = addenda_html(self.doc)
        self.addenda.setText(addenda)
        self.addenda.setVisible(bool(addenda))
        self.addenda_title.setVisible(bool(addenda))
        self.sign_button.setVisible(not self.doc.read_only)
        self.addendum_button.setVisible(self.doc.read_only)
