"""SOAP notes and post-treatment instructions, each with templates from Preferences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.settings import Settings
from bodymap.ui.visit.binding import TextBinding, VisitBinder

SOAP_FIELDS: tuple[tuple[str, str], ...] = (
    ("subjective", "Subjective"), ("objective", "Objective"),
    ("assessment", "Assessment"), ("plan", "Plan"))


def soap_templates(settings: Settings, field: str) -> dict[str, str]:
    """Templates (name -> text) for one SOAP field; malformed stored entries are skipped
    rather than trusted, since the settings file is user-editable."""
    stored = settings.get("soap_templates")
    chosen = stored.get(field, {}) if isinstance(stored, dict) else {}
    if not isinstance(chosen, dict):
        return {}
    return {k: v for k, v in chosen.items() if isinstance(k, str) and isinstance(v, str)}


def note_editor(name: str, height: int = 84) -> QPlainTextEdit:
    """A plain-text note box of a fixed height (the form scrolls, the box scrolls within)."""
    editor = QPlainTextEdit()
    editor.setObjectName(name)
    editor.setFixedHeight(height)
    editor.setTabChangesFocus(True)  # Tab moves on to the next field, as in a paper form
    return editor


class TemplatePicker(QComboBox):
    """A list of templates where choosing is deliberate: a plain combo box takes the
    arrow keys and the mouse wheel as choices too, so stepping through the list or
    scrolling the form past it would insert one template after another."""

    _BROWSE = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
               Qt.Key.Key_Home, Qt.Key.Key_End}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in self._BROWSE:
            self.showPopup()  # choose in the list; Return there inserts
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        event.ignore()  # the form scrolls on


class NoteWithTemplates(QWidget):
    """A labelled note editor with an "Insert template" picker beside the label."""

    def __init__(self, binder: VisitBinder, field: str, label: str,
                 templates: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = binder
        self.editor = note_editor(field)
        self.picker = TemplatePicker()
        self.picker.setObjectName(f"{field}Template")
        self.picker.addItem("Insert template…")
        for name, text in templates.items():
            self.picker.addItem(name, text)
        self.picker.setFixedWidth(170)  # the same width beside every field
        self.picker.setVisible(bool(templates))
        self.picker.activated.connect(self._insert)
        self.binding = binder.add(TextBinding(binder, field, self.editor))
        head = QHBoxLayout()
        head.addWidget(QLabel(f"<b>{label}</b>"))
        head.addStretch(1)
        head.addWidget(self.picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(head)
        layout.addWidget(self.editor)
        binder.doc.read_only_changed.connect(self._read_only)
        self._read_only(binder.doc.read_only)

    def _read_only(self, read_only: bool) -> None:
        self.picker.setEnabled(not read_only)

    def insert_template(self, text: str) -> None:
        """Insert ``text`` at the cursor, on lines of its own, as its own undo step: never
        glued to the text around it, which would then read as the answer to a prompt."""
        if self.binder.doc.read_only:
            return
        cursor = self.editor.textCursor()
        start = QTextCursor(self.editor.document())
        start.setPosition(cursor.selectionStart())
        end = QTextCursor(self.editor.document())
        end.setPosition(cursor.selectionEnd())
        text = ("" if start.atBlockStart() else "\n") + text + ("" if end.atBlockEnd() else "\n")
        # A macro keeps the insertion from merging into the typing before or after it.
        stack = self.binder.doc.undo_stack
        stack.beginMacro("Insert template")
        try:
            self.editor.insertPlainText(text)
        finally:
            stack.endMacro()
        self.editor.setFocus()

    def _insert(self, index: int) -> None:
        text = self.picker.itemData(index)
        self.picker.setCurrentIndex(0)
        if isinstance(text, str):
            self.insert_template(text)


class SoapPanel(QGroupBox):
    """Subjective, objective, assessment and plan."""

    def __init__(self, binder: VisitBinder, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__("SOAP notes", parent)
        self.notes: dict[str, NoteWithTemplates] = {}
        layout = QVBoxLayout(self)
        for field, label in SOAP_FIELDS:
            note = NoteWithTemplates(binder, field, label, soap_templates(settings, field))
            self.notes[field] = note
            layout.addWidget(note)


class InstructionsPanel(QGroupBox):
    """What the patient was told to expect and do after treatment."""

    def __init__(self, binder: VisitBinder, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__("Post-treatment instructions", parent)
        self.binder = binder
        self.settings = settings
        self.editor = note_editor("instructions", 130)
        binder.add(TextBinding(binder, "instructions", self.editor))
        self.use_template = QPushButton("Use standard instructions")
        self.use_template.setObjectName("useInstructionTemplate")
        self.use_template.setToolTip("Replace the text with the template from Preferences")
        self.use_template.clicked.connect(self.apply_template)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.use_template)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        binder.doc.read_only_changed.connect(lambda ro: self.use_template.setEnabled(not ro))
        self.use_template.setEnabled(not binder.doc.read_only)

    def apply_template(self) -> None:
        """Replace the instructions with the template (one undo step)."""
        template = self.settings.get("instruction_template")
        if isinstance(template, str) and not self.binder.doc.read_only:
            self.binder.push(None, "Use standard instructions", own_step=True,
                             instructions=template)
