"""The charted views of a visit as page pieces: each diagram drawn as vectors from the
atlas (QSvgRenderer through ``atlas.qt.paint_view``), the marks on top, numbered like the
marks table, the patient's sides named at the top corners, and the legend below.

Which views: those holding marks, in atlas order; a chart without marks prints the
anterior and posterior views, so an empty chart is visibly empty rather than missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from bodymap.atlas import Atlas, load_atlas
from bodymap.atlas.qt import paint_view
from bodymap.model import Mark, Visit
from bodymap.printing.layout import Piece, Typeset
from bodymap.render.marks import (
    SYMBOL_PT,
    legend_entries,
    legend_height,
    number_label_size,
    paint_legend,
    paint_mark,
    paint_number_label,
)
from bodymap.services.chart_checks import depth_required

EMPTY_CHART_VIEWS = ("anterior", "posterior")
PER_ROW = 4
# patient's side shown at the viewer's (left, right) top corners
_CORNERS = {"anterior": ("R", "L"), "posterior": ("L", "R")}


def chart_views(visit: Visit, atlas: Atlas) -> list[str]:
    """Views to print: those with marks, in atlas order (anterior, posterior if none)."""
    used = {m.view for m in visit.marks}
    views = [v.id for v in atlas.views if v.id in used]
    return views or list(EMPTY_CHART_VIEWS)


def hazard_mark_ids(marks: Sequence[Mark], atlas: Atlas) -> list[str]:
    """Needle sites over a hazard region (their symbol carries a caution badge)."""
    return [m.id for m in marks if depth_required(m, atlas)]


def _paint_slot(p: QPainter, ts: Typeset, atlas: Atlas, view_id: str, rect: QRectF,
                marks: Sequence[tuple[int, Mark]], hazards: set[str]) -> None:
    view = atlas.view(view_id)
    title_font = ts.font(7.5, bold=True)
    title_h = ts.metrics(title_font).height() * 1.3
    area = QRectF(rect.x(), rect.y(), rect.width(), rect.height() - title_h)
    paint_view(p, view_id, area)
    scale = min(area.width() / view.width, area.height() / view.height)
    ox = area.x() + (area.width() - view.width * scale) / 2
    oy = area.y() + (area.height() - view.height * scale) / 2
    p.save()
    p.translate(ox, oy)
    p.scale(scale, scale)
    # zones first (areas under the point symbols), then points in chart order
    ordered = sorted(marks, key=lambda nm: nm[1].kind != "pain_zone")
    for _number, mark in ordered:
        paint_mark(p, mark, scale, hazard=mark.id in hazards, unit=ts.unit)
    p.restore()
    anchors = [(n, QPointF(ox + m.anchor[0] * scale, oy + m.anchor[1] * scale), m)
               for n, m in marks]
    place_labels(p, ts, anchors, area)
    p.setPen(QColor("black"))
    p.setFont(title_font)
    p.drawText(QRectF(rect.x(), area.bottom(), rect.width(), title_h),
               Qt.AlignmentFlag.AlignCenter, view.title)
    corners = _CORNERS.get(view.facing)
    if corners:
        p.setFont(ts.font(8, bold=True))
        body = QRectF(ox, area.y(), view.width * scale, ts.pt(12))
        p.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, corners[0])
        p.drawText(body, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, corners[1])
    p.setPen(QPen(QColor(170, 170, 170), ts.pt(0.5)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(ts.pt(1), 0, -ts.pt(1), 0))


def place_labels(p: QPainter, ts: Typeset, anchors: Sequence[tuple[int, QPointF, Mark]],
                 bounds: QRectF) -> None:
    """Number every mark without covering another label or symbol: try spots around the
    symbol at growing distance; a label that had to move away gets a leader line. Marks
    close together (a trigger point and the needle placed on it) are the common case."""
    size = ts.pt(SYMBOL_PT)
    half = size / 2
    obstacles = [QRectF(a.x() - half, a.y() - half, size, size)
                 for _, a, m in anchors if m.kind != "pain_zone"]
    placed: list[QRectF] = []
    for number, at, mark in anchors:
        w, h = number_label_size(p, number, ts.unit)
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
            p.setPen(QPen(QColor(60, 60, 60), ts.pt(0.4)))
            p.drawLine(at, best.center())
        paint_number_label(p, number, best, ts.unit)
        placed.append(best)


def chart_pieces(ts: Typeset, visit: Visit, width: float, max_height: float,
                 numbers: dict[str, int], atlas: Atlas | None = None) -> list[Piece]:
    """Rows of diagrams (at most PER_ROW views a row) and the legend, as pieces."""
    atlas = atlas or load_atlas()
    views = chart_views(visit, atlas)
    hazards = set(hazard_mark_ids(visit.marks, atlas))
    by_view: dict[str, list[tuple[int, Mark]]] = {v: [] for v in views}
    for mark in visit.marks:
        by_view[mark.view].append((numbers[mark.id], mark))
    pieces = []
    gap = ts.pt(6)
    for start in range(0, len(views), PER_ROW):
        row = views[start:start + PER_ROW]
        slot_w = (width - gap * (len(row) - 1)) / len(row)
        # tall enough for the tallest view at the slot's width, capped to keep the marks
        # table on the first page where it fits
        natural = max(slot_w * atlas.view(v).height / atlas.view(v).width for v in row)
        height = min(natural + ts.pt(14), max_height)

        def draw(p: QPainter, x: float, y: float, w: float, _row: list[str] = row,
                 _slot: float = slot_w, _h: float = height) -> None:
            for k, view_id in enumerate(_row):
                rect = QRectF(x + k * (_slot + gap), y, _slot, _h)
                _paint_slot(p, ts, atlas, view_id, rect, by_view[view_id], hazards)
        pieces.append(Piece(height + gap, draw))
    entries = legend_entries(visit.marks, sorted(hazards))
    font = ts.font(7.5)
    legend_h = legend_height(entries, font, ts.device, unit=ts.unit)

    def draw_legend(p: QPainter, x: float, y: float, w: float) -> None:
        paint_legend(p, QRectF(x, y, w, legend_h), entries, font=font, unit=ts.unit)
        p.setFont(ts.font(7, italic=True))
        p.setPen(QColor(60, 60, 60))
        p.drawText(QRectF(x, y + legend_h, w, ts.pt(10)), Qt.AlignmentFlag.AlignLeft,
                   "Numbers are the rows of the marks table. Sides are the patient's (R = "
                   "patient's right, L = patient's left). Darker pain zone = more intense.")
    pieces.append(Piece(legend_h + ts.pt(16), draw_legend))
    return pieces
