"""A patient's visits as a table: date, clinician, status, pain scores, needles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from bodymap.model import VisitStatus
from bodymap.model.timetext import time_text
from bodymap.services.records import VisitSummary

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Date", "Clinician", "Status", "NPRS before → after", "Needles", "Marks")


def _nprs(v: VisitSummary) -> str:
    before = "–" if v.nprs_before is None else str(v.nprs_before)
    after = "–" if v.nprs_after is None else str(v.nprs_after)
    return f"{before} → {after}"


class VisitTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[VisitSummary] = []

    def set_rows(self, rows: list[VisitSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def summary(self, row: int) -> VisitSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        v = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            status = "Signed" if v.status is VisitStatus.SIGNED else "Draft"
            if v.addendum_count:
                status += f" + {v.addendum_count} addend{'um' if v.addendum_count == 1 else 'a'}"
            return (time_text(v.started_at), v.clinician, status, _nprs(v),
                    "–" if v.needles_used is None else str(v.needles_used),
                    str(v.mark_count))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 \
                and v.status is VisitStatus.DRAFT:
            return QBrush(QColor("#9a5b00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return Qt.AlignmentFlag.AlignCenter
        return None
