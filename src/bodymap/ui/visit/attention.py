"""The "needs attention" list: unsigned visits older than a day, for every patient.

An unsigned visit is an incomplete legal record; listing it in the main window keeps it in
front of the clinic until someone signs it (or deletes a visit started by mistake).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from bodymap.model import clock
from bodymap.model.timetext import date_text
from bodymap.services import StorageError
from bodymap.services.records import Records, VisitSummary
from bodymap.services.visits import count_needing_attention, needs_attention

HEADING_COLOUR = QColor("#7a4a00")
_Index = QModelIndex | QPersistentModelIndex


def _age(started: datetime, now: datetime) -> str:
    days = (now - started).days
    return f"{days} day{'s' if days != 1 else ''} ago"


SHOWN = 100  # the oldest this many are listed; the heading counts them all


class AttentionModel(QAbstractListModel):
    """The listed visits, one line each, formatted when the view asks for a row (a model,
    not a hundred list items built up front: the list is part of the first window)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VisitSummary] = []
        self.now = clock.now()

    def set_rows(self, rows: list[VisitSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.now = clock.now()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        # Date and age first: a line too long for the panel loses its end (the
        # clinician), and the tooltip holds it whole.
        row = self.rows[index.row()]
        return (f"{date_text(row.started_at)} ({_age(row.started_at, self.now)}) "
                f"{row.patient_name} — {row.clinician}")

    def text(self, row: int) -> str:
        return str(self.data(self.index(row)))


class NeedsAttentionPanel(QWidget):
    """A heading with the count and a list of the visits; double-click opens one."""

    visit_opened = Signal(str, str)  # patient id, visit id

    def __init__(self, records: Records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.heading = QLabel()
        self.heading.setObjectName("needsAttention")
        # A palette and a bold font, not a style sheet: the same look without the style
        # sheet engine, which costs the first window about 3 ms.
        palette = self.heading.palette()
        palette.setColor(QPalette.ColorRole.WindowText, HEADING_COLOUR)
        self.heading.setPalette(palette)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)  # wraps in a narrow pane rather than widening it
        self.heading.setToolTip("Visits not signed a day after they started. Open one "
                                "to complete and sign it.")
        self.model = AttentionModel(self)
        self.list = QListView()
        self.list.setObjectName("needsAttentionList")
        self.list.setModel(self.model)
        # No sideways scrolling: a horizontal scroll bar would take the height of a row
        # from a list sized to its rows. A line too long for the panel is elided instead.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Rows span the list's width whatever their text (no sideways scrolling), so one
        # row's height serves for all: the view then measures no row up front (4 ms less
        # for the first window with 100 rows).
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(self._activated)  # double-click or Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the unsigned visits (one query, names included)."""
        try:
            rows = needs_attention(self.records, older_than=timedelta(days=1), limit=SHOWN)
            total = (len(rows) if len(rows) < SHOWN else
                     count_needing_attention(self.records, older_than=timedelta(days=1)))
        except StorageError:
            rows, total = [], 0
        self.model.set_rows(rows)
        # Exactly as tall as the rows, up to five (no part-row at the foot); the patient
        # list keeps the rest of the height.
        shown = max(1, min(total, 5))
        row = self.list.sizeHintForRow(0)
        if row <= 0:  # no rows: the panel is hidden anyway
            row = self.list.fontMetrics().height()
        self.list.setFixedHeight(shown * row + 2 * self.list.frameWidth())
        more = f" (oldest {SHOWN} listed)" if total > len(rows) else ""
        plural = "s" if total != 1 else ""
        self.heading.setText(f"⚠ Needs attention: {total:,} unsigned visit{plural} older than "
                             f"a day{more}" if total else "")
        self.setVisible(bool(total))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.rows[index.row()]
            self.visit_opened.emit(row.patient_id, row.id)
