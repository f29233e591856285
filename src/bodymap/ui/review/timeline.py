"""A patient's timeline: every visit with its figures and a small thumbnail of its chart.

Opening a 200-visit timeline must stay fast, so the table shows at once and thumbnails
are rendered afterwards, only for rows that are painted (i.e. visible), a few per event
loop turn, newest request first, and cached per visit (a signed chart never changes; a
draft's thumbnail is refreshed by :meth:`TimelineView.refresh`).
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from bodymap.atlas import Atlas, UnknownAtlasVersion, current_atlas_version, load_atlas
from bodymap.model.timetext import SAMPLE_TIME_TEXT, time_text
from bodymap.services import StorageError
from bodymap.services.pain_extent import format_extent
from bodymap.services.records import Records
from bodymap.services.review import TimelineEntry, timeline
from bodymap.ui.review.painting import ThumbnailPainter, placeholder

_Index = QModelIndex | QPersistentModelIndex
THUMB = QSize(46, 80)  # the full-body diagrams are 600 x 1040
COLUMNS = ("Chart", "Date", "Clinician", "Status", "NPRS before → after", "Pain extent",
           "Needles")
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_BUDGET_S = 0.012  # render thumbnails for at most this long per event-loop turn


def _dash(value: object) -> str:
    return "–" if value is None else str(value)


class TimelineModel(QAbstractTableModel):
    """Timeline entries, newest first; the Chart column's decoration comes from
    ``thumbnail(visit_id)`` (a callable that may answer a placeholder)."""

    def __init__(self, thumbnail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineEntry] = []
        self._thumbnail = thumbnail

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        """Show ``entries`` (any order; shown newest first)."""
        self.beginResetModel()
        self._rows = sorted(entries, key=lambda e: e.started_at, reverse=True)
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def row_of(self, visit_id: str) -> int:
        return next(i for i, e in enumerate(self._rows) if e.id == visit_id)

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
        e = self._rows[index.row()]
        col = index.column()
        if role == VISIT_ID_ROLE:
            return e.id
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._thumbnail(e.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return None
            status = "Signed" if e.signed else "Draft"
            if e.addendum_count:
                status += f" + {e.addendum_count} addend{'um' if e.addendum_count == 1 else 'a'}"
            extent = "–" if e.pain_extent is None else format_extent(e.pain_extent)
            return (None, time_text(e.started_at), e.clinician, status,
                    f"{_dash(e.nprs_before)} → {_dash(e.nprs_after)}", extent,
                    str(e.needles))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{e.mark_count} marks, {e.needle_site_count} needle sites"
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and not e.signed:
            return QBrush(QColor("#9a5b00"))  # drafts stand out: a record left unsigned
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return Qt.AlignmentFlag.AlignCenter
        return None


class TimelineView(QWidget):
    """The patient's visits with thumbnails; activating a row emits ``visit_opened``."""

    visit_opened = Signal(str)  # visit id
    thumbnails_idle = Signal()  # every requested thumbnail is rendered (tests, benchmarks)

    def __init__(self, records: Records, patient_id: str, atlas: Atlas | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.patient_id = patient_id
        self._atlas = atlas  # loaded with the first thumbnail, not before the first paint
        self._painters: dict[tuple[int, str], ThumbnailPainter] = {}  # per version, figure
        self._thumbs: dict[str, QPixmap] = {}
        self._pending: list[str] = []  # newest request last; rendered first
        self._placeholder = placeholder(THUMB)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_some)
        self.model = TimelineModel(self.thumbnail, self)
        self.table = QTableView(self)
        self.table.setObjectName("timelineTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(THUMB)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed sizes: measuring 200 rows' contents would cost more than the whole open.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(THUMB.height() + 8)
        header = self.table.horizontalHeader()
        # Wide enough for a date and time with its UTC offset on one line.
        date_width = self.table.fontMetrics().horizontalAdvance(SAMPLE_TIME_TEXT)
        for col, width in enumerate((THUMB.width() + 16, date_width + 16, 190, 150, 140, 96,
                                     72)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COLUMNS.index("Clinician"), QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reread the visits (one query); drafts' thumbnails are redrawn when next shown."""
        entries = timeline(self.records, self.patient_id)
        for e in entries:
            if not e.signed:
                self._thumbs.pop(e.id, None)
        self.model.set_entries(entries)

    def entries(self) -> list[TimelineEntry]:
        """The rows as shown, newest first."""
        return [self.model.entry(r) for r in range(self.model.rowCount())]

    def select_visit(self, visit_id: str) -> None:
        self.table.selectRow(self.model.row_of(visit_id))

    def selected_visit_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()).id if rows else None

    def _activated(self, index: QModelIndex) -> None:
        self.visit_opened.emit(self.model.entry(index.row()).id)

    # -- thumbnails -------------------------------------------------------------------------
    def thumbnail(self, visit_id: str) -> QPixmap:
        """The cached thumbnail, or a placeholder while it is queued for rendering."""
        pix = self._thumbs.get(visit_id)
        if pix is not None:
            return pix
        if visit_id in self._pending:
            self._pending.remove(visit_id)
        self._pending.append(visit_id)
        if not self._timer.isActive():
            self._timer.start()
        return self._placeholder

    def painter_for(self, atlas_version: int, figure: str = "standard") -> ThumbnailPainter:
        """The thumbnail renderer of one atlas version and figure (loaded on first use):
        each chart is drawn on the anatomy it was charted on."""
        key = (atlas_version, figure)
        painter = self._painters.get(key)
        if painter is None:
            given = self._atlas
            atlas = given if given is not None and (given.version, given.figure) == key \
                else load_atlas(atlas_version, figure)
            painter = self._painters[key] = ThumbnailPainter(atlas, THUMB)
        return painter

    def has_thumbnail(self, visit_id: str) -> bool:
        return visit_id in self._thumbs

    def _render_some(self) -> None:
        deadline = time.perf_counter() + _BUDGET_S
        done: list[str] = []
        while self._pending and time.perf_counter() < deadline:
            visit_id = self._pending.pop()
            try:
                visit = self.records.open_visit(visit_id)
                marks, version, figure = visit.marks, visit.atlas_version, visit.figure
            except StorageError:
                # deleted meanwhile: an empty diagram, not an error box
                marks, version, figure = [], current_atlas_version(), "standard"
            try:
                painter = self.painter_for(version, figure)
            except UnknownAtlasVersion:  # charted on a newer bodymap's anatomy
                self._thumbs[visit_id] = self._placeholder
            else:
                self._thumbs[visit_id] = painter.render(marks)
            done.append(visit_id)
        for visit_id in done:
            try:
                row = self.model.row_of(visit_id)
            except StopIteration:
                continue
            idx = self.model.index(row, 0)
            self.model.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
        if self._pending:
            self._timer.start()
        else:
            self.thumbnails_idle.emit()
