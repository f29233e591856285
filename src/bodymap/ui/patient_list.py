"""The patient list: type-ahead search over every patient, one keystroke one query."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from bodymap.model.timetext import date_text
from bodymap.services.records import PatientSummary, Records

SEARCH_LIMIT = 200
PatientIdRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


ROW_PADDING = QSize(16, 8)  # room the item delegate keeps around the text


def _format_date(d: date | None) -> str:
    return d.isoformat() if d else "date of birth not recorded"


def text_size(text: str, font: QFont) -> QSize:
    """The room ``text`` takes in ``font`` *with the fallback fonts that draw it*, laid out
    as the list draws it (one paragraph, lines split at line separators). A Chinese,
    Japanese or Korean name is drawn in a CJK font whose lines are taller than the list
    font's, and the digits of the next line follow it into that font; the list font's own
    metrics tell neither."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    width = height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(1e6)
        width = max(width, line.naturalTextWidth())
        height += line.height()
    layout.endLayout()
    return QSize(int(width + 0.999), int(height + 0.999))


class PatientListModel(QAbstractListModel):
    """Rows are PatientSummary values from the last search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PatientSummary] = []
        self.font = QFont()
        self.row_size = QSize()

    def set_rows(self, rows: list[PatientSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        # Rows have one size (fast with thousands of patients), so it must fit the row
        # that needs the most room, in whichever script its name is written.
        needed = QSize()
        for row in range(len(rows)):
            needed = needed.expandedTo(text_size(self._text(rows[row]), self.font))
        self.row_size = needed + ROW_PADDING
        self.endResetModel()

    def summary(self, row: int) -> PatientSummary:
        return self._rows[row]

    def row_of(self, patient_id: str) -> int | None:
        for i, s in enumerate(self._rows):
            if s.id == patient_id:
                return i
        return None

    @staticmethod
    def _text(s: PatientSummary) -> str:
        demo = "   [DEMO]" if s.is_demo else ""
        last = (f" · last visit {date_text(s.last_visit)}" if s.last_visit else
                " · no visits yet")
        return (f"{s.display_name}{demo}\n"
                f"#{s.chart_number} · {_format_date(s.date_of_birth)}{last}")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s)
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.row_size
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{s.display_name}, chart {s.chart_number}, {s.visit_count} visit(s)"
        if role == PatientIdRole:
            return s.id
        return None


class PatientListPanel(QWidget):
    """Search box over a list of patients. Typing narrows the list at once; Up/Down in the
    search box move the selection, Enter opens the selected patient."""

    patient_selected = Signal(str)  # patient id

    def __init__(self, records: Records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.search = QLineEdit(self)
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText("Search name or chart number…")
        self.search.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setObjectName("patientList")
        self.model = PatientListModel(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("patientCount")
        small = QFont(self.count_label.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.count_label.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)  # a font change re-measures the rows
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.refresh()

    def refresh(self, *_: object) -> None:
        """Run the search again (after typing, or after a patient was added or changed)."""
        current = self.current_patient_id()
        text = self.search.text().strip()
        rows = self.records.search_patients(text, limit=SEARCH_LIMIT)
        self.model.font = self.list.font()
        self.model.set_rows(rows)
        total = self.records.patient_count()
        if text:
            more = "+" if len(rows) >= SEARCH_LIMIT else ""
            self.count_label.setText(f"{len(rows)}{more} of {total:,} patients match")
        else:
            shown = f"first {len(rows)} of " if len(rows) < total else ""
            self.count_label.setText(f"{shown}{total:,} patient{'' if total == 1 else 's'}")
        if current is not None:
            self.select(current)
        elif rows and text:
            self.list.setCurrentIndex(self.model.index(0))

    def current_patient_id(self) -> str | None:
        index = self.list.currentIndex()
        return self.model.summary(index.row()).id if index.isValid() else None

    def select(self, patient_id: str) -> bool:
        row = self.model.row_of(patient_id)
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.patient_selected.emit(self.model.summary(current.row()).id)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        if watched is self.list and isinstance(event, QEvent) \
                and event.type() == QEvent.Type.FontChange:
            self.refresh()
        if watched is self.search and isinstance(event, QKeyEvent) \
                and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.list.currentIndex().row()
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            new = max(0, min(self.model.rowCount() - 1, row + step))
            if self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(new))
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
