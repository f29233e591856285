"""Graphics items of the chart: the view's diagram, marks, hover highlight, referral overlay.

Scene units are the view's SVG user units (the diagram sits at 0,0 at scale 1), so a mark's
stored x, y is its scene position. Point marks ignore the view's zoom (constant size on
screen); pain zones are areas and scale with the body.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from bodymap.atlas import Atlas
from bodymap.atlas.qt import UNDER_DEEP_OPACITY, polygon_path
from bodymap.model import Mark, NeedleSite, PainZone, TextNote, TriggerPoint, TriggerPointKind
from bodymap.ui.chart import style

Z_BACKGROUND, Z_ZONE, Z_HOVER, Z_REFERRAL, Z_POINT, Z_DRAFT = 0, 10, 15, 16, 20, 30


_RENDERERS: dict[str, QSvgRenderer] = {}


def _renderer(svg: str) -> QSvgRenderer:
    """One parsed renderer per diagram for the whole session (parsing costs milliseconds;
    reopening a visit should not pay it again)."""
    renderer = _RENDERERS.get(svg)
    if renderer is None:
        renderer = _RENDERERS[svg] = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    return renderer


class DiagramPixmaps:
    """The diagrams as rendered for the screen, shared by every chart of the session.

    Rendering a body view's SVG takes several milliseconds; a chart opened at the size and
    zoom of one opened before (the usual case: visit after visit, fitted to the same
    window) reuses that pixmap instead. Kept to a byte budget, least recently used first
    out; a diagram zoomed so far that one pixmap would exceed ``MAX_ONE`` is not cached and
    is painted as vectors instead.
    """

    MAX_ONE = 16 * 1024 * 1024  # bytes: about 2,000 x 2,000 device pixels
    BUDGET = 48 * 1024 * 1024

    def __init__(self) -> None:
        self._pixmaps: OrderedDict[tuple[str, int, int, float], QPixmap] = OrderedDict()
        self._bytes = 0
        self.renders = 0  # how many times an SVG was rendered into the cache

    def get(self, svg: str, width: int, height: int, dpr: float) -> QPixmap | None:
        if width <= 0 or height <= 0 or width * height * 4 > self.MAX_ONE:
            return None
        key = (svg, width, height, dpr)
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        _renderer(svg).render(painter, QRectF(0, 0, width, height))
        painter.end()
        pixmap.setDevicePixelRatio(dpr)
        self.renders += 1
        self._pixmaps[key] = pixmap
        self._bytes += width * height * 4
        while self._bytes > self.BUDGET and len(self._pixmaps) > 1:
            (_, w, h, _), _ = self._pixmaps.popitem(last=False)
            self._bytes -= w * h * 4
        return pixmap

    def clear(self) -> None:
        self._pixmaps.clear()
        self._bytes = 0
        self.renders = 0


PIXMAPS = DiagramPixmaps()


class DiagramItem(QGraphicsItem):
    """The view's SVG. Painted from a session-wide pixmap rendered at the current zoom and
    pixel ratio (crisp at any zoom, rendered once per zoom level and shared between
    charts), or as vectors when no pixmap fits the budget."""

    def __init__(self, atlas: Atlas, view_id: str) -> None:
        super().__init__()
        view = atlas.view(view_id)
        self._rect = QRectF(0, 0, view.width, view.height)
        self._svg = view.svg
        self._deep_svg = view.deep_svg
        self._deep = False
        self.setZValue(Z_BACKGROUND)

    @property
    def deep(self) -> bool:
        """Whether the deep layer is shown (the default picture faded, the deep muscles
        over it, as bodymap.atlas.qt.paint_layers draws it)."""
        return self._deep

    def set_deep(self, deep: bool) -> None:
        deep = deep and self._deep_svg is not None
        if deep != self._deep:
            self._deep = deep
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._deep and self._deep_svg is not None:
            painter.save()
            painter.setOpacity(painter.opacity() * UNDER_DEEP_OPACITY)
            self._paint_svg(painter, self._svg)
            painter.restore()
            self._paint_svg(painter, self._deep_svg)
        else:
            self._paint_svg(painter, self._svg)

    def _paint_svg(self, painter: QPainter, svg: str) -> None:
        transform = painter.worldTransform()
        pixmap = None
        if transform.type().value <= QTransform.TransformationType.TxScale.value:
            target = transform.mapRect(self._rect)
            dpr = painter.device().devicePixelRatio()
            pixmap = PIXMAPS.get(svg, round(target.width() * dpr),
                                 round(target.height() * dpr), dpr)
        if pixmap is None:
            _renderer(svg).render(painter, self._rect)
            return
        painter.save()
        painter.resetTransform()  # pixel for pixel, on whole device pixels
        painter.drawPixmap(QPointF(round(target.x()), round(target.y())), pixmap)
        painter.restore()


class MarkItem(QGraphicsItem):
    """Base of the items that show one mark; ``set_mark`` refreshes it from the model."""

    paints = 0  # paint calls of all mark items (the click-to-paint benchmark reads it)

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(False)

    @property
    def mark_id(self) -> str:
        return self.mark.id

    def set_mark(self, mark: Mark, **state: bool) -> None:
        raise NotImplementedError


class PointItem(MarkItem):
    """A trigger point, needle site or text note symbol (constant size on screen)."""

    _font: QFont | None = None  # shared by all notes (made after the QApplication)

    @classmethod
    def label_font(cls) -> QFont:
        if cls._font is None:
            cls._font = QFont()
            cls._font.setPixelSize(12)
        return cls._font

    def __init__(self, mark: Mark, *, caution: bool = False, incomplete: bool = False) -> None:
        super().__init__(mark)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(Z_POINT)
        self._rect = QRectF()
        self.set_mark(mark, caution=caution, incomplete=incomplete)

    def set_mark(self, mark: Mark, *, caution: bool = False,  # type: ignore[override]
                 incomplete: bool = False) -> None:
        self.prepareGeometryChange()
        self.mark, self.caution, self.incomplete = mark, caution, incomplete
        if isinstance(mark, TriggerPoint):
            self._symbol = "trp_active" if mark.tp_kind is TriggerPointKind.ACTIVE else "trp_latent"
        elif isinstance(mark, NeedleSite):
            self._symbol = "needle_incomplete" if incomplete else \
                "needle_caution" if caution else "needle"
        else:
            self._symbol = "note"
        x, y = mark.anchor
        self.setPos(x, y)
        s = style.SYMBOL_PX
        rect = QRectF(-s, -s * 1.1, 2 * s, 2.2 * s)  # room for halo, ring and badge
        if isinstance(mark, TextNote):
            width = QFontMetricsF(self.label_font()).horizontalAdvance(self._label()) + 8
            rect = rect.united(QRectF(s / 2, -9, width, 18))
        self._rect = rect
        if isinstance(mark, TextNote):
            self.setToolTip(mark.text)
        self.update()

    def _label(self) -> str:
        text = self.mark.text if isinstance(self.mark, TextNote) else ""
        return text if len(text) <= 40 else text[:39] + "…"

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        s = style.SYMBOL_PX
        path.addEllipse(QPointF(0, 0), s * 0.7, s * 0.7)  # a forgiving click target
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        MarkItem.paints += 1
        mark = self.mark
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(style.SYMBOL_BOX.topLeft(), style.symbol_pixmap(self._symbol, dpr))
        if isinstance(mark, TextNote):
            painter.setFont(self.label_font())
            rect = QRectF(style.SYMBOL_PX / 2 + 4, -9, self._rect.right(), 18)
            painter.setPen(style.NOTE_COLOR.darker(160))
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, self._label())
        if self.isSelected():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(style.SELECT_COLOR, 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), style.SYMBOL_PX * 0.8, style.SYMBOL_PX * 0.8)


class ZoneItem(MarkItem):
    """A referred-pain zone: its polygon, hatched by quality, opacity by intensity."""

    def __init__(self, mark: PainZone) -> None:
        super().__init__(mark)
        self.setZValue(Z_ZONE)
        self._path = QPainterPath()
        self.set_mark(mark)

    def set_mark(self, mark: Mark, **state: bool) -> None:
        assert isinstance(mark, PainZone)
        self.prepareGeometryChange()
        self.mark = mark
        self.setPos(0, 0)
        self._path = polygon_path(mark.points)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._path.boundingRect().adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        return self._path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        MarkItem.paints += 1
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        zone = self.mark
        assert isinstance(zone, PainZone)
        painter.setPen(style.zone_pen())
        painter.setBrush(style.zone_brush(zone.quality, zone.intensity))
        painter.drawPath(self._path)
        if self.isSelected():
            pen = QPen(style.SELECT_COLOR, 2.0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)


def make_item(mark: Mark, *, caution: bool = False, incomplete: bool = False) -> MarkItem:
    """The item that shows ``mark``."""
    if isinstance(mark, PainZone):
        return ZoneItem(mark)
    return PointItem(mark, caution=caution, incomplete=incomplete)


def outline_item(polygons: Sequence[Sequence[tuple[float, float]]], *, fill: QColor | QBrush,
                 line: QColor, z: float, dashed: bool = False,
                 pen_style: Qt.PenStyle | None = None) -> QGraphicsPathItem:
    """A non-interactive overlay (hover highlight, referral pattern, zone being drawn)."""
    path = QPainterPath()
    for poly in polygons:
        path.addPath(polygon_path(poly))
    item = QGraphicsPathItem(path)
    style = pen_style or (Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen = QPen(line, 1.5, style)
    pen.setCosmetic(True)
    item.setPen(pen)
    item.setBrush(fill)
    item.setZValue(z)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return item


def side_label_items(atlas: Atlas, view_id: str, width: float
                     ) -> list[QGraphicsSimpleTextItem]:
    """The patient's sides at the diagram's top corners ("R" at the viewer's left on the
    front view), or the one side a lateral view shows, as items to add to a scene: left
    and right are read off the chart at a glance, not only by hovering."""
    corners = atlas.side_corners(view_id)
    one = atlas.one_side(view_id)
    if corners:
        texts = [(corners[0], 6.0, False), (corners[1], width - 6.0, True)]
    elif one:
        texts = [(f"Patient's {'left' if one == 'L' else 'right'} side", 6.0, False)]
    else:
        return []
    font = QFont()
    font.setPixelSize(15)
    font.setBold(True)
    items = []
    for text, x, right_aligned in texts:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setBrush(QColor(40, 40, 40))
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setZValue(Z_DRAFT + 1)
        item.setToolTip("The patient's right (R) and left (L)")
        if right_aligned:  # its right edge at x, whatever the zoom
            item.setTransform(QTransform.fromTranslate(-item.boundingRect().width(), 0))
        item.setPos(x, 4.0)
        items.append(item)
    return items
