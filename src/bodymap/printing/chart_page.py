"""The charted views of a visit as page pieces: each diagram drawn as vectors from the
atlas (QSvgRenderer through ``atlas.qt.paint_view``), the marks on top, numbered like the
marks table, the patient's sides named at the top corners, and the legend below.

Which views: those holding marks, in atlas order; a chart without marks prints the
anterior and posterior views, so an empty chart is visibly empty rather than missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from bodymap.atlas import Atlas, visit_atlas
from bodymap.model import Mark, Visit
from bodymap.printing.layout import Piece, Typeset
from bodymap.render.chart import paint_charted_view
from bodymap.render.marks import legend_entries, legend_height, paint_legend
from bodymap.services.chart_checks import depth_required

EMPTY_CHART_VIEWS = ("anterior", "posterior")
PER_ROW = 4


def chart_views(visit: Visit, atlas: Atlas) -> list[str]:
    """Views to print: those with marks, in atlas order (anterior, posterior if none)."""
    used = {m.view for m in visit.marks}
    views = [v.id for v in atlas.views if v.id in used]
    return views or list(EMPTY_CHART_VIEWS)


def hazard_mark_ids(marks: Sequence[Mark], atlas: Atlas) -> list[str]:
    """Needle sites over a hazard region (their symbol carries a caution badge)."""
    return [m.id for m in marks if depth_required(m, atlas)]


def chart_pieces(ts: Typeset, visit: Visit, width: float, max_height: float,
                 numbers: dict[str, int], atlas: Atlas | None = None) -> list[Piece]:
    """Rows of diagrams (at most PER_ROW views a row) and the legend, as pieces."""
    atlas = atlas or visit_atlas(visit)
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
                paint_charted_view(p, atlas, view_id, rect, by_view[view_id], hazards,
                                   unit=ts.unit, font=ts.font())
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
