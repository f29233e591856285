"""Compare two visits of a patient: side by side with zoom and pan kept in step, or as an
overlay with the earlier visit's marks faded under the later chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.atlas import Atlas, UnknownAtlasVersion, load_atlas, visit_atlas
from bodymap.atlas.mapping import carry_marks
from bodymap.model import Visit
from bodymap.model.timetext import date_text, time_text
from bodymap.services.records import Records
from bodymap.services.review import TimelineEntry, timeline
from bodymap.ui.review.chart_view import ReadOnlyChartView
from bodymap.ui.review.painting import main_view

FADED = 0.3  # the earlier visit in the overlay: visible, clearly not the current chart
SIDE, OVERLAY = "side", "overlay"


def _label(entry: TimelineEntry) -> str:
    status = "signed" if entry.signed else "draft"
    return f"{time_text(entry.started_at)} ({status}, {entry.mark_count} marks)"


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("font-weight: bold; padding: 2px;")
    return label


class CompareView(QWidget):
    """Two visits of one patient, side by side or overlaid, on one atlas view at a time."""

    def __init__(self, records: Records, patient_id: str, atlas: Atlas | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.patient_id = patient_id
        self.atlas = atlas or load_atlas()
        self._visits: dict[str, Visit] = {}
        self._syncing = False
        self.earlier_choice, self.later_choice = QComboBox(self), QComboBox(self)
        self.view_choice = QComboBox(self)
        for view in self.atlas.views:
            self.view_choice.addItem(view.title, view.id)
        self.side_button = QRadioButton("Side by side", self)
        self.overlay_button = QRadioButton("Overlay", self)
        self.side_button.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.side_button)
        modes.addButton(self.overlay_button)
        self.left, self.right = ReadOnlyChartView(self.atlas), ReadOnlyChartView(self.atlas)
        self.overlay = ReadOnlyChartView(self.atlas)
        for view, name in ((self.left, "compareLeft"), (self.right, "compareRight"),
                           (self.overlay, "compareOverlay")):
            view.setObjectName(name)
        self.left_caption, self.right_caption = _caption(""), _caption("")
        self.overlay_caption = _caption("")
        self.stack = QStackedWidget(self)
        self._build()
        self._link(self.left, self.right)
        self._link(self.right, self.left)
        self.reload()

    def _build(self) -> None:
        bar = QHBoxLayout()
        for text, widget in (("Earlier", self.earlier_choice), ("Later", self.later_choice),
                             ("View", self.view_choice)):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.side_button)
        bar.addWidget(self.overlay_button)
        bar.addStretch(1)
        for text, tip, slot in (("−", "Zoom out", lambda: self._zoom(1 / 1.25)),
                                ("+", "Zoom in", lambda: self._zoom(1.25)),
                                ("Fit", "Whole diagram", self.fit)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        side = QSplitter(Qt.Orientation.Horizontal)
        for caption, view in ((self.left_caption, self.left), (self.right_caption, self.right)):
            pane = QWidget()
            col = QVBoxLayout(pane)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(caption)
            col.addWidget(view, 1)
            side.addWidget(pane)
        side.setChildrenCollapsible(False)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        over = QWidget()
        col = QVBoxLayout(over)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.overlay_caption)
        col.addWidget(self.overlay, 1)
        self.stack.addWidget(side)
        self.stack.addWidget(over)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.earlier_choice.currentIndexChanged.connect(self._show)
        self.later_choice.currentIndexChanged.connect(self._show)
        self.view_choice.currentIndexChanged.connect(self._show)
        self.overlay_button.toggled.connect(self._mode_changed)

    def _link(self, source: ReadOnlyChartView, target: ReadOnlyChartView) -> None:
        """Zoom and pan of ``source`` are copied to ``target``: same zoom, same diagram
        point at the centre (panes may differ in width by a few pixels)."""
        def follow(*_: object) -> None:
            if self._syncing:
                return
            self._syncing = True
            try:
                target.set_zoom(source.zoom)
                target.centerOn(source.mapToScene(source.viewport().rect().center()))
            finally:
                self._syncing = False

        source.zoom_changed.connect(follow)
        source.horizontalScrollBar().valueChanged.connect(follow)
        source.verticalScrollBar().valueChanged.connect(follow)

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Reread the patient's visits; default to the last two."""
        entries = list(reversed(timeline(self.records, self.patient_id)))  # newest first
        for combo in (self.earlier_choice, self.later_choice):
            combo.blockSignals(True)
            combo.clear()
            for e in entries:
                combo.addItem(_label(e), e.id)
            combo.blockSignals(False)
        if entries:
            self.later_choice.setCurrentIndex(0)
            self.earlier_choice.setCurrentIndex(min(1, len(entries) - 1))
        later = self.later_id()
        if later is not None:
            self.set_view(main_view(self._visit(later).marks, self.atlas))
        self._show()

    def _visit(self, visit_id: str) -> Visit:
        visit = self._visits.get(visit_id)
        if visit is None:
            visit = self._visits[visit_id] = self.records.open_visit(visit_id)
        return visit

    def earlier_id(self) -> str | None:
        return self.earlier_choice.currentData()

    def later_id(self) -> str | None:
        return self.later_choice.currentData()

    def set_visits(self, earlier_id: str, later_id: str) -> None:
        """Compare these two visits."""
        self.earlier_choice.setCurrentIndex(self.earlier_choice.findData(earlier_id))
        self.later_choice.setCurrentIndex(self.later_choice.findData(later_id))

    def set_view(self, view_id: str) -> None:
        self.view_choice.setCurrentIndex(self.view_choice.findData(view_id))

    def set_mode(self, mode: str) -> None:
        """SIDE (two views in step) or OVERLAY (earlier faded under later)."""
        (self.overlay_button if mode == OVERLAY else self.side_button).setChecked(True)

    @property
    def mode(self) -> str:
        return OVERLAY if self.overlay_button.isChecked() else SIDE

    def _mode_changed(self) -> None:
        self.stack.setCurrentIndex(1 if self.mode == OVERLAY else 0)
        self._show()

    def _show(self) -> None:
        earlier, later = self.earlier_id(), self.later_id()
        view_id = self.view_choice.currentData()
        if earlier is None or later is None or view_id is None:
            return
        a, b = self._visit(earlier), self._visit(later)
        date_a, date_b = date_text(a.started_at), date_text(b.started_at)
        try:
            atlas_a, atlas_b = visit_atlas(a), visit_atlas(b)
        except UnknownAtlasVersion as exc:
            for caption in (self.left_caption, self.right_caption, self.overlay_caption):
                caption.setText(exc.charted("One of these visits"))
            return
        if view_id not in {v.id for v in atlas_b.views}:
            view_id = atlas_b.views[0].id
        # side by side: each chart on the anatomy it was charted on; where the earlier
        # version lacks the view, and in the overlay, the earlier marks are carried onto
        # the later visit's anatomy, and the caption says how many had to move
        carried = carry_marks(a.marks, atlas_a, atlas_b)
        note = ""
        if atlas_a is not atlas_b:
            note = (f" — earlier chart on atlas version {atlas_a.version}, carried onto "
                    f"version {atlas_b.version}"
                    + (f"; {len(carried.notices)} marks moved or not shown"
                       if carried.notices else ""))
        if view_id in {v.id for v in atlas_a.views}:
            self.left.show_layers(view_id, [(a.marks, 1.0)], atlas_a)
            self.left_caption.setText(f"Earlier: {date_a}")
        else:
            self.left.show_layers(view_id, [(carried.marks, 1.0)], atlas_b)
            self.left_caption.setText(f"Earlier: {date_a}{note}")
        self.right.show_layers(view_id, [(b.marks, 1.0)], atlas_b)
        self.right_caption.setText(f"Later: {date_b}")
        self.overlay.show_layers(view_id, [(carried.marks, FADED), (b.marks, 1.0)], atlas_b)
        self.overlay_caption.setText(f"Faded: {date_a} (earlier)   •   Solid: {date_b} (later)"
                                     + note)

    def _zoom(self, factor: float) -> None:
        view = self.overlay if self.mode == OVERLAY else self.left
        view.zoom_by(factor)

    def fit(self) -> None:
        """Whole diagram in every view."""
        for view in (self.left, self.right, self.overlay):
            view.fit()
