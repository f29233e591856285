"""How each mark type looks: one symbol painter shared by the canvas items and the legend.

Shapes differ, not only colours, so a chart printed in grayscale (or seen by a colour-blind
clinician) still tells the mark types apart: active trigger point = filled disc, latent
trigger point = ring, needle site = diamond with a needle stroke, text note = square tag.
Pain zones are areas: a translucent fill whose hatch pattern names the pain quality.
Symbols are drawn in screen pixels (the items ignore the view's zoom) so they stay legible
at every zoom level.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from bodymap.model import PainQuality

SYMBOL_PX = 16.0  # symbol diameter on screen
TRP_COLOR = QColor(198, 40, 40)  # dark red: reads as near-black in grayscale
NEEDLE_COLOR = QColor(21, 101, 192)  # dark blue
NOTE_COLOR = QColor(46, 125, 50)  # dark green
ZONE_COLOR = QColor(230, 110, 0)  # orange: reads as mid-grey, distinct from the symbols
CAUTION_COLOR = QColor(255, 193, 7)  # amber warning badge with a black "!"
SELECT_COLOR = QColor(0, 150, 255)
HOVER_COLOR = QColor(0, 120, 255, 60)
REFERRAL_COLOR = QColor(156, 39, 176)

QUALITY_PATTERN: dict[PainQuality, Qt.BrushStyle] = {
    PainQuality.ACHING: Qt.BrushStyle.SolidPattern,
    PainQuality.BURNING: Qt.BrushStyle.DiagCrossPattern,
    PainQuality.SHARP: Qt.BrushStyle.BDiagPattern,
    PainQuality.TINGLING: Qt.BrushStyle.Dense6Pattern,
    PainQuality.NUMBNESS: Qt.BrushStyle.HorPattern,
}


def _round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _halo(painter: QPainter, path: QPainterPath) -> None:
    # a white outline keeps dark symbols visible on dark muscle colours
    painter.setPen(QPen(QColor("white"), 3.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def trigger_point_path(size: float = SYMBOL_PX) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), size / 2, size / 2)
    return path


def paint_trigger_point(painter: QPainter, active: bool, size: float = SYMBOL_PX) -> None:
    """Active: filled disc with a white centre dot. Latent: thick ring."""
    path = trigger_point_path(size)
    _halo(painter, path)
    if active:
        painter.setPen(QPen(TRP_COLOR.darker(130), 1.2))
        painter.setBrush(TRP_COLOR)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, 0), size / 8, size / 8)
    else:
        inner = QPainterPath()
        inner.addEllipse(QPointF(0, 0), size / 2 - 2, size / 2 - 2)
        painter.setPen(QPen(TRP_COLOR, 3.2))
        painter.setBrush(QColor(255, 255, 255, 160))
        painter.drawPath(inner)


def needle_path(size: float = SYMBOL_PX) -> QPainterPath:
    r = size / 2
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0),
                               QPointF(0, -r)]))
    return path


def paint_needle_site(painter: QPainter, size: float = SYMBOL_PX, *,
                      incomplete: bool = False) -> None:
    """Diamond with a white needle stroke through it; an incomplete site (hazard region
    without a depth) gets a dashed ring around it."""
    path = needle_path(size)
    _halo(painter, path)
    painter.setPen(QPen(NEEDLE_COLOR.darker(140), 1.2))
    painter.setBrush(NEEDLE_COLOR)
    painter.drawPath(path)
    painter.setPen(_round_pen(QColor("white"), 1.8))
    painter.drawLine(QPointF(-size / 5, size / 5), QPointF(size / 5, -size / 5))
    if incomplete:
        pen = QPen(QColor("black"), 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), size * 0.85, size * 0.85)


def paint_caution_badge(painter: QPainter, size: float = SYMBOL_PX) -> None:
    """An amber warning triangle with a bold black "!" at the symbol's upper right."""
    s = size * 0.9
    ox, oy = size * 0.3, -size * 1.05
    tri = QPolygonF([QPointF(ox + s / 2, oy), QPointF(ox + s, oy + s * 0.88),
                     QPointF(ox, oy + s * 0.88)])
    painter.setPen(QPen(QColor("black"), 1.0))
    painter.setBrush(CAUTION_COLOR)
    painter.drawPolygon(tri)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(max(6, int(s * 0.62)))
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRectF(ox, oy + s * 0.2, s, s * 0.7), Qt.AlignmentFlag.AlignCenter, "!")


def note_rect(size: float = SYMBOL_PX) -> QRectF:
    return QRectF(-size / 2, -size / 2, size, size)


def paint_note_tag(painter: QPainter, size: float = SYMBOL_PX) -> None:
    """A square tag with a "T"."""
    rect = note_rect(size)
    path = QPainterPath()
    path.addRect(rect)
    _halo(painter, path)
    painter.setPen(QPen(NOTE_COLOR.darker(140), 1.2))
    painter.setBrush(QColor("white"))
    painter.drawRect(rect)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(size * 0.75))
    painter.setFont(font)
    painter.setPen(NOTE_COLOR.darker(120))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "T")


def zone_brush(quality: PainQuality, intensity: int) -> QBrush:
    """Fill for a pain zone: hatch by quality, opacity by intensity (0-10)."""
    color = QColor(ZONE_COLOR)
    pattern = QUALITY_PATTERN.get(quality, Qt.BrushStyle.SolidPattern)
    alpha = 60 + 12 * max(0, min(10, intensity))
    color.setAlpha(alpha if pattern is Qt.BrushStyle.SolidPattern else min(255, alpha + 60))
    return QBrush(color, pattern)


def zone_pen(cosmetic_width: float = 1.6) -> QPen:
    pen = QPen(ZONE_COLOR.darker(150), cosmetic_width)
    pen.setCosmetic(True)  # same width on screen at every zoom
    return pen


_SYMBOLS: dict[tuple[str, float], QPixmap] = {}
SYMBOL_BOX = QRectF(-SYMBOL_PX, -SYMBOL_PX * 1.1, 2 * SYMBOL_PX, 2.2 * SYMBOL_PX)


def symbol_pixmap(key: str, dpr: float) -> QPixmap:
    """A symbol rendered once per session at the screen's pixel ratio. Point marks keep a
    constant size on screen, so a pixmap at device resolution is as sharp as drawing the
    paths, and painting 500 marks becomes 500 blits. ``key``: "trp_active", "trp_latent",
    "needle", "needle_caution", "needle_incomplete", "note"."""
    cached = _SYMBOLS.get((key, dpr))
    if cached is not None:
        return cached
    box = SYMBOL_BOX
    pixmap = QPixmap(round(box.width() * dpr), round(box.height() * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(-box.x(), -box.y())
    if key.startswith("trp"):
        paint_trigger_point(painter, key == "trp_active")
    elif key.startswith("needle"):
        paint_needle_site(painter, incomplete=key == "needle_incomplete")
        if key in ("needle_caution", "needle_incomplete"):
            paint_caution_badge(painter)
    else:
        paint_note_tag(painter)
    painter.end()
    _SYMBOLS[(key, dpr)] = pixmap
    return pixmap
