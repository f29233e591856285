"""The legend (what each symbol means) and the live pain-extent readout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from bodymap.atlas import Atlas
from bodymap.model import PainQuality
from bodymap.services.pain_extent import TOTAL_KEY, format_extent
from bodymap.ui.chart import style


class Swatch(QWidget):
    """A symbol painted by one of the style functions, centred in a small square."""

    def __init__(self, paint: Callable[[QPainter], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paint = paint
        self.setFixedSize(QSize(30, 26))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(QPointF(self.width() / 2, self.height() / 2 + 2))
        self._paint(painter)
        painter.end()


def _zone(quality: PainQuality) -> Callable[[QPainter], None]:
    def paint(p: QPainter) -> None:
        p.setPen(style.zone_pen(1.2))
        p.setBrush(style.zone_brush(quality, 6))
        p.drawRoundedRect(QRectF(-12, -9, 24, 16), 4, 4)
    return paint


def _caution(p: QPainter) -> None:
    style.paint_needle_site(p, incomplete=True)
    style.paint_caution_badge(p)


ENTRIES: list[tuple[str, Callable[[QPainter], None]]] = [
    ("Trigger point, active", lambda p: style.paint_trigger_point(p, True)),
    ("Trigger point, latent", lambda p: style.paint_trigger_point(p, False)),
    ("Needle site", lambda p: style.paint_needle_site(p)),
    ("Hazard region, no depth yet", _caution),
    ("Text note", lambda p: style.paint_note_tag(p)),
] + [(f"Pain zone, {q.value}", _zone(q)) for q in PainQuality]


class Legend(QGroupBox):
    """Symbol key plus pain extent (per view and total), updated live by the editor."""

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__("Legend", parent)
        self.atlas = atlas
        outer = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        half = (len(ENTRIES) + 1) // 2
        for i, (label, paint) in enumerate(ENTRIES):
            row, col = i % half, (i // half) * 2
            grid.addWidget(Swatch(paint), row, col)
            text = QLabel(label)
            text.setStyleSheet("font-size: 11px")
            grid.addWidget(text, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        self.extent = QLabel()
        self.extent.setWordWrap(True)
        self.extent.setTextFormat(Qt.TextFormat.PlainText)
        self.extent.setToolTip("Drawn pain area as a share of the body outline (zones "
                               "clipped to the body, overlaps counted once). Total: front "
                               "and back views together.")
        outer.addWidget(self.extent)
        self.show_extent({})

    def show_extent(self, extent: dict[str, float]) -> None:
        """Show pain extent per view and in total (``services.pain_extent`` output)."""
        if not extent:
            self.extent.setText("Pain extent: no pain zones drawn.")
            return
        parts = []
        for view in self.atlas.views:
            if view.id in extent:
                parts.append(f"{view.title.split(' (')[0]} {format_extent(extent[view.id])}")
        parts.append(f"total {format_extent(extent.get(TOTAL_KEY, 0.0))}")
        self.extent.setText("Pain extent: " + ", ".join(parts))
