"""A charted view on any paint device: the atlas diagram as vectors, the marks on top,
each numbered (the number is the marks table's row) with labels placed so none covers
another, the view's title and the patient's sides at the top corners. Printing and PNG
export both draw views with this."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from bodymap.atlas import Atlas
from bodymap.atlas.qt import paint_view
from bodymap.model import Mark
from bodymap.render.marks import SYMBOL_PT, number_label_size, paint_mark, paint_number_label


def _pt(unit: float, points: float) -> float:
    return unit * points


def _sized(font: QFont, size_pt: float, *, bold: bool = False) -> QFont:
    out = QFont(font)
    out.setPointSizeF(size_pt)
    out.setBold(bold)
    return out


def paint_charted_view(p: QPainter, atlas: Atlas, view_id: str, rect: QRectF,
                       marks: Sequence[tuple[int, Mark]], hazards: set[str], *,
                       unit: float, font: QFont) -> None:
    """One view in ``rect``: diagram, marks (numbered), its title and the patient's sides;
    also used for PNG export."""
    view = atlas.view(view_id)
    title_font = _sized(font, 7.5, bold=True)
    title_h = QFontMetricsF(title_font, p.device()).height() * 1.3
    area = QRectF(rect.x(), rect.y(), rect.width(), rect.height() - title_h)
    p.save()
    p.setClipRect(area, Qt.ClipOperation.IntersectClip)  # nothing strays over the footer
    paint_view(p, view_id, area, atlas=atlas)
    scale = min(area.width() / view.width, area.height() / view.height)
    ox = area.x() + (area.width() - view.width * scale) / 2
    oy = area.y() + (area.height() - view.height * scale) / 2
    p.save()
    p.translate(ox, oy)
    p.scale(scale, scale)
    # zones first (areas under the point symbols), then points in chart order
    ordered = sorted(marks, key=lambda nm: nm[1].kind != "pain_zone")
    for _number, mark in ordered:
        paint_mark(p, mark, scale, hazard=mark.id in hazards, unit=unit)
    p.restore()
    p.restore()  # the clip
    anchors = [(n, QPointF(ox + m.anchor[0] * scale, oy + m.anchor[1] * scale), m)
               for n, m in marks]
    place_labels(p, anchors, area, unit)
    p.setPen(QColor("black"))
    p.setFont(title_font)
    p.drawText(QRectF(rect.x(), area.bottom(), rect.width(), title_h),
               Qt.AlignmentFlag.AlignCenter, view.title)
    corners = atlas.side_corners(view_id)
    if corners:
        p.setFont(_sized(font, 8, bold=True))
        body = QRectF(ox, area.y(), view.width * scale, _pt(unit, 12))
        p.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, corners[0])
        p.drawText(body, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, corners[1])
    p.setPen(QPen(QColor(170, 170, 170), _pt(unit, 0.5)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(_pt(unit, 1), 0, -_pt(unit, 1), 0))


def place_labels(p: QPainter, anchors: Sequence[tuple[int, QPointF, Mark]],
                 bounds: QRectF, unit: float) -> None:
    """Number every mark without covering another label or symbol: try spots around the
    symbol at growing distance; a label that had to move away gets a leader line. Marks
    close together (a trigger point and the needle placed on it) are the common case."""
    size = _pt(unit, SYMBOL_PT)
    half = size / 2
    obstacles = [QRectF(a.x() - half, a.y() - half, size, size)
                 for _, a, m in anchors if m.kind != "pain_zone"]
    placed: list[QRectF] = []
    for number, at, mark in anchors:
        w, h = number_label_size(p, number, unit)
        gap = half if mark.kind != "pain_zone" else 0.0
        best: QRectF | None = None
        far = False
        for ring in range(6):
            d = gap + ring * h * 1.1
            spots = [(d + 1, -h / 2), (-d - w - 1, -h / 2), (-w / 2, -d - h - 1),
                     (-w / 2, d + 1), (d, -d - h), (d, d), (-d - w, -d - h), (-d - w, d)]
            for dx, dy in spots:
                rect = QRectF(at.x() + dx, at.y() + dy, w, h)
                if not bounds.contains(rect):
                    continue
                if any(rect.intersects(o) for o in placed) or \
                        any(rect.intersects(o) for o in obstacles):
                    continue
                best, far = rect, ring > 0
                break
            if best is not None:
                break
        if best is None:  # crowded beyond reason: overlap rather than drop the number
            best = QRectF(at.x() + gap, at.y() - h / 2, w, h)
        if far:
            p.setPen(QPen(QColor(60, 60, 60), _pt(unit, 0.4)))
            p.drawLine(at, best.center())
        paint_number_label(p, number, best, unit)
        placed.append(best)
