"""Painting a visit's chart read-only: the atlas diagram plus the stored marks, for
timeline thumbnails, the compare views and the overlay.

Marks are drawn with ``bodymap.render.marks.paint_mark``, the same symbols as print and
the chart editor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

from bodymap.atlas import Atlas
from bodymap.atlas.qt import svg_renderer
from bodymap.model import Mark, PainZone
from bodymap.render.marks import paint_mark

# Full-body views, the ones a thumbnail may show (details are too small to read there).
FULL_VIEWS = ("posterior", "anterior", "left_lateral", "right_lateral")


def main_view(marks: Iterable[Mark], atlas: Atlas) -> str:
    """The view holding most of the marks (the one a thumbnail shows); ties go to atlas
    order, and a chart without marks shows the back (where most needling happens)."""
    known = [v.id for v in atlas.views]
    counts = Counter(m.view for m in marks if m.view in known)
    if not counts:
        return "posterior" if "posterior" in known else known[0]
    return max(counts, key=lambda v: (counts[v], -known.index(v)))


def fit_rect(atlas: Atlas, view_id: str, target: QRectF) -> tuple[float, QPointF]:
    """Scale and top-left offset that fit the view's diagram in ``target``, centred."""
    view = atlas.view(view_id)
    scale = min(target.width() / view.width, target.height() / view.height)
    return scale, QPointF(target.x() + (target.width() - view.width * scale) / 2,
                          target.y() + (target.height() - view.height * scale) / 2)


def paint_marks(painter: QPainter, marks: Sequence[Mark], view_id: str, scale: float, *,
                unit: float = 1.0) -> None:
    """Draw the marks of ``view_id``; the painter is in that view's diagram units and
    ``scale`` is device pixels per diagram unit (symbols keep their size on screen).
    Zones first, so points stay on top."""
    ordered = sorted((m for m in marks if m.view == view_id),
                     key=lambda m: not isinstance(m, PainZone))
    for mark in ordered:
        painter.save()
        paint_mark(painter, mark, scale, unit=unit)
        painter.restore()


class ThumbnailPainter:
    """Renders small chart thumbnails. The diagram of each view is rendered once per size
    (the SVG is the expensive part); each thumbnail is that image plus the visit's marks."""

    def __init__(self, atlas: Atlas, size: QSize) -> None:
        self.atlas = atlas
        self.size = size
        self._bases: dict[str, QImage] = {}

    def _base(self, view_id: str) -> QImage:
        base = self._bases.get(view_id)
        if base is None:
            base = QImage(self.size, QImage.Format.Format_ARGB32_Premultiplied)
            base.fill(QColor("white"))
            painter = QPainter(base)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scale, origin = fit_rect(self.atlas, view_id, QRectF(0, 0, self.size.width(),
                                                                 self.size.height()))
            view = self.atlas.view(view_id)
            svg_renderer(view_id, self.atlas).render(painter, QRectF(origin.x(), origin.y(),
                                                         view.width * scale,
                                                         view.height * scale))
            painter.end()
            self._bases[view_id] = base
        return base

    def render(self, marks: Sequence[Mark]) -> QPixmap:
        """The thumbnail of a chart: its main view with its marks."""
        view_id = main_view(marks, self.atlas)
        image = self._base(view_id).copy()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale, origin = fit_rect(self.atlas, view_id, QRectF(0, 0, self.size.width(),
                                                             self.size.height()))
        painter.translate(origin)
        painter.scale(scale, scale)
        paint_marks(painter, marks, view_id, scale, unit=0.55)
        painter.end()
        return QPixmap.fromImage(image)


def placeholder(size: QSize) -> QPixmap:
    """What a row shows until its thumbnail is rendered: a light frame, no text to read."""
    pix = QPixmap(size)
    pix.fill(QColor(246, 246, 246))
    painter = QPainter(pix)
    painter.setPen(QPen(QColor(220, 220, 220), 1, Qt.PenStyle.DashLine))
    painter.drawRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1))
    painter.end()
    return pix
