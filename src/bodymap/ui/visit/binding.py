"""Bind form widgets to fields of the open visit.

Each widget edit becomes ``doc.push(SetVisitFields(doc, field=value))``: the value is
validated before anything is pushed (an impossible value shows an inline message and the
undo stack is untouched). Widgets refresh from ``doc.changed`` except the one whose edit
caused the change, so a note being typed never has its cursor reset under the fingers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Changes, SignedVisitError, ValidationError, Visit
from bodymap.ui.commands import SetVisitFields
from bodymap.ui.date_field import ERROR_STYLE, DateField
from bodymap.ui.document import VisitDocument
from bodymap.ui.messages import message_label


class Binding:
    """One widget showing one visit field (``field``); subclasses fill in the widget."""

    field: str
    widget: QWidget

    def refresh(self, visit: Visit) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)

    def problem(self) -> str | None:
        """What the widget shows that the record does not hold (an entry refused as
        impossible), or None."""
        return None


class VisitBinder(QObject):
    """Routes widget edits to the document and document changes back to the widgets."""

    def __init__(self, doc: VisitDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.bindings: list[Binding] = []
        self._origin: Binding | None = None
        doc.changed.connect(self._changed)
        doc.read_only_changed.connect(self._read_only_changed)

    def add(self, binding: Binding) -> Binding:
        self.bindings.append(binding)
        binding.refresh(self.doc.visit)
        binding.set_read_only(self.doc.read_only)
        return binding

    def push(self, origin: Binding | None, text: str = "", *, own_step: bool = False,
             **values: Any) -> str | None:
        """Push an edit of ``values``; returns the message for the person when the value is
        impossible (nothing pushed), else None. ``origin`` is not refreshed by it.
        ``own_step`` keeps the edit from merging with typing before or after it."""
        visit = self.doc.visit
        if all(getattr(visit, k) == v for k, v in values.items()):
            return None  # re-setting a value is not an edit worth an undo step
        try:
            command = SetVisitFields(self.doc, text, **values)
        except ValidationError as exc:
            return exc.message
        self._origin = origin
        if own_step and not self.doc.read_only:
            # A macro is never merged into, and its first child has nothing to merge with.
            self.doc.undo_stack.beginMacro(text or command.text())
        try:
            self.doc.push(command)
        except SignedVisitError as exc:
            return str(exc)
        finally:
            self._origin = None
            if own_step and not self.doc.read_only:
                self.doc.undo_stack.endMacro()
        return None

    def refresh_all(self) -> None:
        for b in self.bindings:
            b.refresh(self.doc.visit)

    def problems(self) -> list[str]:
        """Entries on screen that were refused and so are not in the record."""
        return [p for b in self.bindings if (p := b.problem()) is not None]

    def _changed(self, changes: Changes) -> None:
        every = "*" in changes.fields
        for b in self.bindings:
            if b is not self._origin and (every or b.field in changes.fields):
                b.refresh(self.doc.visit)

    def _read_only_changed(self, read_only: bool) -> None:
        for b in self.bindings:
            b.set_read_only(read_only)


class TextBinding(Binding):
    """A multi-line note (QPlainTextEdit): every keystroke is an edit; runs merge."""

    def __init__(self, binder: VisitBinder, field: str, editor: QPlainTextEdit) -> None:
        self.binder, self.field, self.widget = binder, field, editor
        self.editor = editor
        editor.textChanged.connect(self._edited)
        self._refreshing = False

    def _edited(self) -> None:
        if not self._refreshing:
            self.binder.push(self, **{self.field: self.editor.toPlainText()})

    def refresh(self, visit: Visit) -> None:
        value = getattr(visit, self.field)
        if self.editor.toPlainText() != value:
            self._refreshing = True
            try:
                self.editor.setPlainText(value)
                # Where the clinician would go on writing, not before what is there.
                self.editor.moveCursor(QTextCursor.MoveOperation.End)
            finally:
                self._refreshing = False

    def set_read_only(self, read_only: bool) -> None:
        # Read-only rather than disabled: a signed note stays legible and selectable.
        self.editor.setReadOnly(read_only)


class LineBinding(Binding):
    """A one-line text field (QLineEdit); ``required`` fields show why an empty value is
    refused instead of pushing it."""

    def __init__(self, binder: VisitBinder, field: str, editor: QLineEdit,
                 error: QLabel) -> None:
        self.binder, self.field, self.widget, self.error = binder, field, editor, error
        self._problem: str | None = None
        editor.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        message = self.binder.push(self, **{self.field: text})
        # A refused entry (an emptied required field) leaves the record's value in place;
        # the form then shows what the record does not hold, and signing waits for it.
        self._problem = message
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def problem(self) -> str | None:
        return self._problem

    def refresh(self, visit: Visit) -> None:
        value = getattr(visit, self.field)
        if self.widget.text() != value:  # type: ignore[attr-defined]
            self.widget.setText(value)  # type: ignore[attr-defined]
        self.error.hide()
        self._problem = None

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)  # type: ignore[attr-defined]


class IntField(QWidget):
    """A whole number or empty. Its error message is not laid out here: the panel puts the
    messages of its fields in one MessageArea, so a message moves and widens no field."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(6)
        self.edit.setMaximumWidth(90)
        self.error = message_label(ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)


class IntBinding(Binding):
    """An optional whole number (NPRS, needle counts): "" means not recorded."""

    def __init__(self, binder: VisitBinder, field: str, widget: IntField,
                 label: str) -> None:
        self.binder, self.field, self.widget, self.label = binder, field, widget, label
        self._problem: str | None = None
        widget.edit.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        """Saved as typed, keystroke by keystroke. An impossible entry ("12" for NPRS,
        "x") is not saved, and neither is what was typed on the way to it: the field
        then records nothing (not the "1" typed before the "2") until corrected, and
        says so."""
        text = text.strip().replace("\u2212", "-")  # a typographic minus is a minus
        message: str | None
        if not text:
            message = self.binder.push(self, **{self.field: None})
        else:
            # The core says what is wrong, with the field's limits ("NPRS after treatment
            # must be 0-10 (got -3)"); text that is no number goes to it as typed.
            digits = text[1:] if text.startswith("-") else text
            value: int | str = int(text) if digits.isdecimal() else text
            message = self.binder.push(self, **{self.field: value})
            if message is not None:
                refused = self.binder.push(self, **{self.field: None})
                message = refused or f"{message}. Not saved (left blank)."
        self._problem = f"{self.label}: {message}" if message else None
        self.widget.error.setText(message or "")
        self.widget.error.setVisible(bool(message))

    def problem(self) -> str | None:
        return self._problem

    def refresh(self, visit: Visit) -> None:
        value = getattr(visit, self.field)
        self.widget.edit.setText("" if value is None else str(value))
        self.widget.error.hide()
        self._problem = None

    def set_read_only(self, read_only: bool) -> None:
        self.widget.edit.setReadOnly(read_only)


class CheckBinding(Binding):
    """A yes/no field; ``extra`` adds values pushed with it (e.g. today's consent date)."""

    def __init__(self, binder: VisitBinder, field: str, box: QCheckBox,
                 extra: Callable[[bool], dict[str, Any]] | None = None) -> None:
        self.binder, self.field, self.widget = binder, field, box
        self.extra = extra
        box.clicked.connect(self._edited)  # clicked: user action only, not setChecked

    def _edited(self, checked: bool) -> None:
        values = {self.field: checked, **(self.extra(checked) if self.extra else {})}
        if self.binder.push(self, **values) is not None:
            self.refresh(self.binder.doc.visit)

    def refresh(self, visit: Visit) -> None:
        self.widget.setChecked(bool(getattr(visit, self.field)))  # type: ignore[attr-defined]

    def set_read_only(self, read_only: bool) -> None:
        set_box_read_only(self.widget, read_only)


class DateBinding(Binding):
    """An optional date (a DateField: typed YYYY-MM-DD or picked; blank is "not
    recorded"). A date the record refuses (consent in the future) is said under the field
    and the field shows the record's date again."""

    def __init__(self, binder: VisitBinder, field: str, editor: DateField) -> None:
        self.binder, self.field, self.widget = binder, field, editor
        editor.edited.connect(self._edited)

    def _edited(self, value: date | None) -> None:
        message = self.binder.push(self, **{self.field: value})
        if message is not None:
            self.refresh(self.binder.doc.visit)
            self.widget.show_error(message)  # type: ignore[attr-defined]

    def problem(self) -> str | None:
        return self.widget.problem()  # type: ignore[attr-defined]

    def refresh(self, visit: Visit) -> None:
        self.widget.set_value(getattr(visit, self.field))  # type: ignore[attr-defined]

    def set_read_only(self, read_only: bool) -> None:
        self.widget.set_read_only(read_only)  # type: ignore[attr-defined]


def set_box_read_only(box: QWidget, read_only: bool) -> None:
    """A checkbox that shows its state at full contrast but ignores the mouse and the
    keyboard (a disabled box greys out what a signed record says)."""
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)


def set_spin_read_only(editor: QDateEdit, read_only: bool) -> None:
    """A date (time) edit that stays legible when read-only: no typing, no calendar."""
    editor.setReadOnly(read_only)
    editor.setCalendarPopup(not read_only)
    editor.setButtonSymbols(QDateEdit.ButtonSymbols.NoButtons if read_only
                            else QDateEdit.ButtonSymbols.UpDownArrows)

