"""QPainter drawing of chart marks and their legend, for any paint device (PDF, printer,
image) and, later, the chart editor.

The look follows the chart editor (ui/chart/style.py) so a printed chart reads like the
screen: active trigger point = filled disc with a white centre, latent = thick ring,
needle site = diamond with a needle stroke, caution badge (triangle with "!") on a needle
site over a hazard region, dashed ring when such a site has no depth, text note = square
tag, pain zone = translucent area hatched by pain quality, darker with intensity. Shapes
differ, not only colours, so a grayscale photocopy still tells the kinds apart; every
colour is dark enough to print as a distinct grey.

Point symbols have a fixed size on the output (``SYMBOL_PT``) whatever the diagram's
scale, and can carry a number that links them to the marks table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from bodymap.atlas.qt import polygon_path
from bodymap.model import Mark, NeedleSite, PainQuality, PainZone, TriggerPoint, TriggerPointKind

SYMBOL_PT = 9.0  # symbol diameter on paper, in points (about 3 mm)
LABEL_PT = 6.5  # mark numbers beside the symbols
TRP_COLOR = QColor(198, 40, 40)
NEEDLE_COLOR = QColor(21, 101, 192)
NOTE_COLOR = QColor(46, 125, 50)
ZONE_COLOR = QColor(230, 110, 0)
CAUTION_COLOR = QColor(255, 193, 7)

QUALITY_PATTERN: dict[PainQuality, Qt.BrushStyle] = {
    PainQuality.ACHING: Qt.BrushStyle.SolidPattern,
    PainQuality.BURNING: Qt.BrushStyle.DiagCrossPattern,
    PainQuality.SHARP: Qt.BrushStyle.BDiagPattern,
    PainQuality.TINGLING: Qt.BrushStyle.Dense6Pattern,
    PainQuality.NUMBNESS: Qt.BrushStyle.HorPattern,
}

# Symbol keys (same names as the editor's): what a point mark looks like.
TRP_ACTIVE, TRP_LATENT = "trp_active", "trp_latent"
NEEDLE, NEEDLE_CAUTION, NEEDLE_INCOMPLETE, NOTE = (
    "needle", "needle_caution", "needle_incomplete", "note")


def symbol_key(mark: Mark, *, hazard: bool = False) -> str:
    """The symbol of a point mark; ``hazard``: the needle site lies over a hazard region."""
    if isinstance(mark, TriggerPoint):
        return TRP_ACTIVE if mark.tp_kind is TriggerPointKind.ACTIVE else TRP_LATENT
    if isinstance(mark, NeedleSite):
        if hazard:
            return NEEDLE_INCOMPLETE if mark.depth_mm is None else NEEDLE_CAUTION
        return NEEDLE
    return NOTE


def _halo(painter: QPainter, path: QPainterPath, size: float) -> None:
    # a white outline keeps a symbol visible on a dark muscle
    painter.setPen(QPen(QColor("white"), size * 0.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def _trigger_point(painter: QPainter, active: bool, size: float) -> None:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), size / 2, size / 2)
    _halo(painter, path, size)
    if active:
        painter.setPen(QPen(TRP_COLOR.darker(140), size * 0.08))
        painter.setBrush(TRP_COLOR)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, 0), size / 8, size / 8)
    else:
        painter.setPen(QPen(TRP_COLOR.darker(120), size * 0.2))
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawEllipse(QPointF(0, 0), size * 0.4, size * 0.4)


def _needle(painter: QPainter, size: float, *, incomplete: bool) -> None:
    r = size / 2
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0),
                               QPointF(0, -r)]))
    _halo(painter, path, size)
    painter.setPen(QPen(NEEDLE_COLOR.darker(150), size * 0.08))
    painter.setBrush(NEEDLE_COLOR)
    painter.drawPath(path)
    pen = QPen(QColor("white"), size * 0.12)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(-size / 5, size / 5), QPointF(size / 5, -size / 5))
    if incomplete:
        painter.setPen(QPen(QColor("black"), size * 0.1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), size * 0.85, size * 0.85)


def _caution_badge(painter: QPainter, size: float) -> None:
    s = size * 0.75
    ox, oy = size * 0.3, -size * 0.95
    tri = QPolygonF([QPointF(ox + s / 2, oy), QPointF(ox + s, oy + s * 0.88),
                     QPointF(ox, oy + s * 0.88)])
    painter.setPen(QPen(QColor("black"), size * 0.06))
    painter.setBrush(CAUTION_COLOR)
    painter.drawPolygon(tri)
    painter.setPen(QPen(QColor("black"), s * 0.12))
    painter.drawLine(QPointF(ox + s / 2, oy + s * 0.3), QPointF(ox + s / 2, oy + s * 0.6))
    painter.drawPoint(QPointF(ox + s / 2, oy + s * 0.75))


def _note_tag(painter: QPainter, size: float) -> None:
    rect = QRectF(-size / 2, -size / 2, size, size)
    path = QPainterPath()
    path.addRect(rect)
    _halo(painter, path, size)
    painter.setPen(QPen(NOTE_COLOR.darker(150), size * 0.12))
    painter.setBrush(QColor("white"))
    painter.drawRect(rect)
    painter.setPen(QPen(NOTE_COLOR.darker(150), size * 0.14))
    painter.drawLine(QPointF(-size * 0.25, -size * 0.2), QPointF(size * 0.25, -size * 0.2))
    painter.drawLine(QPointF(0, -size * 0.2), QPointF(0, size * 0.3))


def paint_symbol(painter: QPainter, key: str, size: float = SYMBOL_PT) -> None:
    """Draw a point symbol centred on the painter's origin, ``size`` units across."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if key in (TRP_ACTIVE, TRP_LATENT):
        _trigger_point(painter, key == TRP_ACTIVE, size)
    elif key.startswith("needle"):
        _needle(painter, size, incomplete=key == NEEDLE_INCOMPLETE)
        if key != NEEDLE:
            _caution_badge(painter, size)
    else:
        _note_tag(painter, size)
    painter.restore()


def zone_brush(quality: PainQuality, intensity: int) -> QBrush:
    """Fill of a pain zone: hatch by quality, opacity by intensity (0-10)."""
    color = QColor(ZONE_COLOR)
    pattern = QUALITY_PATTERN.get(quality, Qt.BrushStyle.SolidPattern)
    alpha = 50 + 10 * max(0, min(10, intensity))
    color.setAlpha(alpha if pattern is Qt.BrushStyle.SolidPattern else min(255, alpha + 90))
    return QBrush(color, pattern)


def _label_font(painter: QPainter) -> QFont:
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(LABEL_PT)
    return font


def number_label_size(painter: QPainter, number: int, unit: float = 1.0) -> tuple[float, float]:
    """Width and height (device units) of the label :func:`paint_number_label` draws."""
    metrics = QFontMetricsF(_label_font(painter), painter.device())
    return metrics.horizontalAdvance(str(number)) + 2.5 * unit, metrics.height()


def paint_number_label(painter: QPainter, number: int, rect: QRectF, unit: float = 1.0) -> None:
    """A mark's number in ``rect`` (device units), white-backed so it reads on any muscle
    and framed so it reads as a label, not as part of the drawing."""
    painter.save()
    painter.setFont(_label_font(painter))
    painter.setPen(QPen(QColor(60, 60, 60), 0.4 * unit))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(rect, 1.5 * unit, 1.5 * unit)
    painter.setPen(QColor("black"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(number))
    painter.restore()


def paint_mark(painter: QPainter, mark: Mark, scale: float, *, hazard: bool = False,
               unit: float = 1.0) -> None:
    """Draw one mark. The painter is in the mark's view coordinates (diagram units);
    ``scale`` is device units per diagram unit and ``unit`` device units per point, so a
    point symbol comes out SYMBOL_PT points across at any diagram scale and a zone's
    outline keeps a constant line width. Numbers are placed by the caller
    (:func:`paint_number_label`), which knows where the other labels went."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if isinstance(mark, PainZone):
        painter.setPen(QPen(ZONE_COLOR.darker(170), 0.9 * unit / scale))
        painter.setBrush(zone_brush(mark.quality, mark.intensity))
        painter.drawPath(polygon_path(mark.points))
    else:
        x, y = mark.anchor
        painter.translate(x, y)
        painter.scale(1 / scale, 1 / scale)
        paint_symbol(painter, symbol_key(mark, hazard=hazard), SYMBOL_PT * unit)
    painter.restore()


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a symbol key (or a pain quality) and its words."""

    label: str
    symbol: str | None = None
    quality: PainQuality | None = None


POINT_LEGEND = [LegendEntry("Trigger point, active", TRP_ACTIVE),
                LegendEntry("Trigger point, latent", TRP_LATENT),
                LegendEntry("Needle site", NEEDLE),
                LegendEntry("Needle site over a hazard region", NEEDLE_CAUTION),
                LegendEntry("Hazard region, no depth recorded", NEEDLE_INCOMPLETE),
                LegendEntry("Text note", NOTE)]


def legend_entries(marks: Iterable[Mark], hazard_ids: Sequence[str] = ()) -> list[LegendEntry]:
    """The legend for a chart: the point symbols it uses (the trigger point and needle
    kinds always, so a reader learns the code) and one line per pain quality drawn."""
    hazards = set(hazard_ids)
    used = {symbol_key(m, hazard=m.id in hazards) for m in marks if not isinstance(m, PainZone)}
    used |= {TRP_ACTIVE, TRP_LATENT, NEEDLE}
    entries = [e for e in POINT_LEGEND if e.symbol in used]
    qualities = sorted({m.quality for m in marks if isinstance(m, PainZone)},
                       key=list(PainQuality).index)
    entries += [LegendEntry(f"Pain zone, {q.value}", quality=q)
                for q in qualities]
    return entries


def _legend_row_height(font: QFont, device: object, unit: float) -> float:
    metrics = QFontMetricsF(font, device)  # type: ignore[arg-type]
    return max(metrics.height(), SYMBOL_PT * unit) + 3 * unit


def paint_legend(painter: QPainter, rect: QRectF, entries: Sequence[LegendEntry], *,
                 font: QFont, columns: int = 3, unit: float = 1.0) -> float:
    """Draw the legend in ``rect`` (device units; ``unit`` device units per point),
    ``columns`` entries per row; returns the height used."""
    row_h = _legend_row_height(font, painter.device(), unit)
    size = SYMBOL_PT * unit
    col_w = rect.width() / columns
    painter.save()
    painter.setFont(font)
    for i, entry in enumerate(entries):
        row, col = divmod(i, columns)
        x, y = rect.x() + col * col_w, rect.y() + row * row_h
        centre = QPointF(x + size, y + row_h / 2)
        if entry.symbol is not None:
            painter.save()
            painter.translate(centre)
            paint_symbol(painter, entry.symbol, size)
            painter.restore()
        elif entry.quality is not None:
            painter.setPen(QPen(ZONE_COLOR.darker(170), 0.8 * unit))
            painter.setBrush(zone_brush(entry.quality, 6))
            painter.drawRect(QRectF(centre.x() - size * 0.8, centre.y() - size / 2,
                                    size * 1.6, size))
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(x + size * 2.2, y, col_w - size * 2.4, row_h),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                         entry.label)
    painter.restore()
    return ((len(entries) + columns - 1) // columns) * row_h


def legend_height(entries: Sequence[LegendEntry], font: QFont, device: object, *,
                  columns: int = 3, unit: float = 1.0) -> float:
    """Height :func:`paint_legend` will use on ``device``."""
    return ((len(entries) + columns - 1) // columns) * _legend_row_height(font, device, unit)


__all__ = ["LegendEntry", "number_label_size", "paint_number_label", "NEEDLE", "NEEDLE_CAUTION",
           "NEEDLE_INCOMPLETE", "NOTE",
           "SYMBOL_PT", "TRP_ACTIVE", "TRP_LATENT", "legend_entries", "legend_height",
           "paint_legend", "paint_mark", "paint_symbol", "symbol_key", "zone_brush"]
