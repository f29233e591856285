"""Treatment heat map: a body diagram with each muscle filled by how many needles went into
it over a chosen date range, a legend, and the counts as a list.

The colour ramp runs from pale yellow to dark red with luminance falling steadily, so the
order still reads on a grayscale printout; each treated muscle also carries its number.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bodymap.atlas import Atlas, load_atlas
from bodymap.atlas.qt import region_path
from bodymap.model import clock
from bodymap.services.records import Records
from bodymap.services.review import needling_counts, timeline
from bodymap.ui.review.painting import FULL_VIEWS, fit_rect

# Light to dark, luminance strictly decreasing (checked by a test).
RAMP = (QColor(255, 237, 160), QColor(254, 178, 76), QColor(240, 59, 32), QColor(128, 0, 38))
VIEW_TITLES = {"posterior": "Back", "anterior": "Front", "left_lateral": "Left side",
               "right_lateral": "Right side"}


def ramp_color(fraction: float) -> QColor:
    """The ramp colour at ``fraction`` (0..1) by linear interpolation between stops."""
    f = min(1.0, max(0.0, fraction)) * (len(RAMP) - 1)
    i = min(int(f), len(RAMP) - 2)
    t = f - i
    a, b = RAMP[i], RAMP[i + 1]
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))



def place_count_labels(labels: list[tuple[QPointF, str]]
                       ) -> list[tuple[QRectF, QPointF, str]]:
    """A box for each count label (anchor, text), highest counts first: a label that
    would cover one already placed moves to the nearest free spot around its muscle (the
    caller draws a leader line), so no count hides another (upper trapezius's under
    levator scapulae's)."""
    placed: list[tuple[QRectF, QPointF, str]] = []
    for p, text in sorted(labels, key=lambda pt: -int(pt[1])):
        box = QRectF(p.x() - 11, p.y() - 8, 22, 16)
        for dx, dy in _LABEL_SPOTS:
            moved = box.translated(dx, dy)
            if not any(moved.adjusted(-1, -1, 1, 1).intersects(o) for o, _, _ in placed):
                box = moved
                break
        placed.append((box, p, text))
    return placed


# Where a count label may go around its muscle's anchor, nearest first (device pixels).
_LABEL_SPOTS = [(0, 0)] + [(dx * r, dy * r) for r in (18, 30, 44)
                           for dx, dy in ((0, -1), (0, 1), (1.4, 0), (-1.4, 0),
                                          (1.2, -1), (-1.2, -1), (1.2, 1), (-1.2, 1))]

class HeatMapCanvas(QWidget):
    """Paints one view with its regions filled by count, and the legend beside it."""

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.view_id = "posterior"
        self.counts: dict[tuple[str, str], int] = {}
        self.setMinimumSize(360, 480)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 720)

    @property
    def maximum(self) -> int:
        return max(self.counts.values(), default=0)

    def count_for(self, region_id: str) -> int:
        """Needles into the muscle and side of ``region_id`` in the range shown."""
        region = self.atlas.region(region_id)
        return self.counts.get((region.muscle, region.side), 0)

    def fill_for(self, region_id: str) -> QColor | None:
        """The fill of a region: None for an untreated muscle."""
        n = self.count_for(region_id)
        return ramp_color(n / self.maximum) if n and self.maximum else None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        legend_w = 92.0
        body = QRectF(8, 8, self.width() - legend_w - 24, self.height() - 16)
        self._paint_body(painter, body)
        self._paint_legend(painter, QRectF(body.right() + 12, 16, legend_w, body.height()))
        painter.end()

    def _paint_body(self, painter: QPainter, target: QRectF) -> None:
        from bodymap.atlas.qt import svg_renderer

        view = self.atlas.view(self.view_id)
        scale, origin = fit_rect(self.atlas, self.view_id, target)
        painter.save()
        painter.setOpacity(0.45)  # the anatomy as a quiet background; the colour is the data
        svg_renderer(self.view_id, self.atlas).render(painter, QRectF(origin.x(), origin.y(),
                                                          view.width * scale,
                                                          view.height * scale))
        painter.restore()
        painter.save()
        painter.translate(origin)
        painter.scale(scale, scale)
        labels: list[tuple[QPointF, str]] = []
        for region in self.atlas.regions_in(self.view_id):
            color = self.fill_for(region.id)
            if color is None:
                continue
            painter.setPen(QPen(QColor(60, 20, 20), 1.2 / scale))
            painter.setBrush(color)
            painter.drawPath(region_path(region.id, self.atlas))
            labels.append((QPointF(*region.anchor), str(self.count_for(region.id))))
        painter.restore()
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(12)
        painter.setFont(font)
        at = [(QPointF(origin.x() + a.x() * scale, origin.y() + a.y() * scale), text)
              for a, text in labels]  # in device pixels so numbers stay legible
        for box, p, text in place_count_labels(at):
            painter.setPen(QPen(QColor(40, 40, 40), 1))
            if box.center() != p:
                painter.drawLine(p, box.center())
            painter.setBrush(QColor(255, 255, 255, 230))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor("black"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_legend(self, painter: QPainter, rect: QRectF) -> None:
        top = rect.top()
        painter.setPen(QColor("black"))
        font = QFont(self.font())
        font.setPixelSize(12)
        painter.setFont(font)
        painter.drawText(QRectF(rect.left(), top, rect.width(), 34),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         "Needles\nper muscle")
        bar = QRectF(rect.left(), top + 44, 22, min(260.0, rect.height() - 60))
        maximum = self.maximum
        if maximum == 0:
            painter.drawText(QRectF(rect.left(), bar.top(), rect.width(), 40),
                             Qt.TextFlag.TextWordWrap, "No needling in this range")
            return
        gradient = QLinearGradient(bar.bottomLeft(), bar.topLeft())
        for i, stop in enumerate(RAMP):
            gradient.setColorAt(i / (len(RAMP) - 1), stop)
        painter.setPen(QPen(QColor(80, 80, 80), 1))
        painter.setBrush(gradient)
        painter.drawRect(bar)
        ticks = sorted({1, maximum, *(round(maximum * f) for f in (0.25, 0.5, 0.75))} - {0})
        for value in ticks:
            y = bar.bottom() - bar.height() * (value / maximum)
            painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 5, y))
            painter.drawText(QRectF(bar.right() + 8, y - 8, 50, 16),
                             Qt.AlignmentFlag.AlignVCenter, str(value))


class HeatMapView(QWidget):
    """Date range pickers, a view chooser, the coloured diagram and the counts as a list."""

    range_changed = Signal()

    def __init__(self, records: Records, patient_id: str, atlas: Atlas | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.patient_id = patient_id
        self.atlas = atlas or load_atlas()
        self.canvas = HeatMapCanvas(self.atlas, self)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.view_choice = QComboBox(self)
        for view_id in FULL_VIEWS:
            self.view_choice.addItem(VIEW_TITLES[view_id], view_id)
        self.counts_list = QListWidget(self)
        self.counts_list.setMaximumWidth(280)
        self.summary = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("From"))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("to"))
        bar.addWidget(self.date_to)
        bar.addSpacing(16)
        bar.addWidget(QLabel("View"))
        bar.addWidget(self.view_choice)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addWidget(self.counts_list)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self._default_range()
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.view_choice.currentIndexChanged.connect(self._view_changed)
        self.refresh()

    def _default_range(self) -> None:
        """From the first visit to today (the whole course of treatment)."""
        entries = timeline(self.records, self.patient_id)
        today = clock.local_today()
        first = entries[0].started_at.astimezone().date() if entries else today
        for edit, day in ((self.date_from, first), (self.date_to, max(today, first))):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def set_range(self, since: date, until: date) -> None:
        """Show needling from ``since`` to ``until`` inclusive."""
        for edit, day in ((self.date_from, since), (self.date_to, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def set_view(self, view_id: str) -> None:
        self.view_choice.setCurrentIndex(self.view_choice.findData(view_id))

    def _view_changed(self) -> None:
        self.canvas.view_id = self.view_choice.currentData()
        self.canvas.update()

    def refresh(self) -> None:
        """Recount for the chosen range (one query) and repaint."""
        since = self.date_from.date().toPython()
        until = self.date_to.date().toPython()
        counts = needling_counts(self.records, self.patient_id, since=since, until=until)
        self.canvas.counts = counts
        self.counts_list.clear()
        for (muscle, side), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            try:
                name = self.atlas.muscle(muscle).name
            except KeyError:
                name = muscle.replace("_", " ")
            self.counts_list.addItem(f"{n:>3}  {name} ({'left' if side == 'L' else 'right'})")
        self.summary.setText(f"{sum(counts.values())} needles in {len(counts)} muscles")
        self.canvas.update()
        self.range_changed.emit()
