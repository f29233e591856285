"""An optional date typed as YYYY-MM-DD or picked from a calendar.

QDateEdit with a "not recorded" special value made typing a date of birth impossible
("not recorded19520314") and opened its calendar in January 1900. Here the clinician types
the date (or leaves it blank for "not recorded"), or picks it from a calendar that opens at
a sensible month; a date that cannot be read is said inline and never turned into another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import clock
from bodymap.ui.messages import MessageArea, message_label

ERROR_STYLE = "color:#a4000f;"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_date(text: str) -> date | None:
    """``""`` -> None (not recorded); "1952-03-14" or "19520314" -> that date.
    ValueError with a message for anything else."""
    text = text.strip()
    if not text:
        return None
    match = _ISO.fullmatch(text) or _DIGITS.fullmatch(text)
    if match is None:
        raise ValueError(f"“{text}” is not a date: type it as YYYY-MM-DD, e.g. 1952-03-14")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{text} is not a day of the calendar (check month and day)") from None


class DateField(QWidget):
    """Text field + calendar button + inline error. ``edited`` carries the new value
    (a date or None) when typing ends with a readable entry, or a day is picked."""

    edited = Signal(object)

    def __init__(self, *, calendar_start: Callable[[], date] = clock.local_today,
                 maximum: Callable[[], date] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar_start = calendar_start
        self.maximum = maximum
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setToolTip("Type the date as YYYY-MM-DD, or leave it blank if not recorded")
        self.edit.setMaxLength(10)
        self.edit.setMinimumWidth(110)
        self.edit.setMaximumWidth(130)
        self.button = QToolButton()
        self.button.setText("Calendar…")
        self.button.setToolTip("Pick the date from a calendar")
        self.button.clicked.connect(self.pick)
        self.error = message_label(ERROR_STYLE)
        self.error.hide()
        # the message has a place of its own: it moves no field below when it comes or goes
        self.messages = MessageArea([self.error], lines=2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.messages)
        self.setFocusProxy(self.edit)
        # As tall as its content, never stretched.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._shown: date | None = None  # the value the text stands for, when readable
        self.edit.editingFinished.connect(self._finished)
        self.edit.textEdited.connect(lambda _text: self.error.hide())

    # -- value ------------------------------------------------------------------------------
    def value(self) -> date | None:
        """The date shown (None: not recorded). ValueError if the text is not a date."""
        return parse_date(self.edit.text())

    def set_value(self, value: date | None) -> None:
        self._shown = value
        self.edit.setText("" if value is None else value.isoformat())
        self.error.hide()

    def problem(self) -> str | None:
        """Why the text is not a date, or None."""
        try:
            self.value()
        except ValueError as exc:
            return str(exc)
        return None

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setVisible(not read_only)

    # -- editing ----------------------------------------------------------------------------
    def _finished(self) -> None:
        try:
            value = self.value()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error(None)
        if value is not None:
            self.edit.setText(value.isoformat())  # "19520314" reads back as 1952-03-14
        if value != self._shown:
            self._shown = value
            self.edited.emit(value)

    def pick(self) -> None:
        """Open the calendar at the date shown, else at ``calendar_start()``."""
        popup = QDialog(self, Qt.WindowType.Popup)
        calendar = QCalendarWidget(popup)
        calendar.setGridVisible(True)
        if self.maximum is not None:
            top = self.maximum()
            calendar.setMaximumDate(QDate(top.year, top.month, top.day))
        try:
            start = self.value() or self.calendar_start()
        except ValueError:
            start = self.calendar_start()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.setCurrentPage(start.year, start.month)
        QVBoxLayout(popup).addWidget(calendar)
        self.calendar = calendar  # for tests

        def chosen(qdate: QDate) -> None:
            popup.accept()
            self.edit.setText(qdate.toString("yyyy-MM-dd"))
            self._finished()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.open()
