"""Thin Qt adapter for the atlas: SVG renderers, painter paths, painting a view.

This is the only atlas module that imports PySide6.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

from bodymap.atlas.atlas import Atlas
from bodymap.atlas.geometry import Point

_renderers: dict[tuple[str, str], QSvgRenderer] = {}


def svg_renderer(view_id: str, atlas: Atlas, layer: str = "superficial") -> QSvgRenderer:
    """A cached QSvgRenderer for the view's diagram in `atlas` (the version the chart was
    drawn on: there is no default, so no caller can draw a chart on the wrong anatomy): its
    default picture, or with layer="deep" the deep muscles' overlay (KeyError for a view
    without one). One per distinct artwork (needs a QGuiApplication)."""
    view = atlas.view(view_id)
    svg = view.svg if layer == "superficial" else view.deep_svg
    if svg is None:
        raise KeyError(f"view {view_id} has no {layer} layer")
    renderer = _renderers.get((view_id, svg))  # the text's hash is cached by Python
    if renderer is None:
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        if not renderer.isValid():
            raise ValueError(f"cannot render {view_id} ({layer} layer)")
        _renderers[(view_id, svg)] = renderer
    return renderer


#: how strongly the default picture shows under the deep layer
UNDER_DEEP_OPACITY = 0.4


def paint_layers(painter: QPainter, view_id: str, bounds: QRectF, atlas: Atlas,
                 layer: str = "superficial") -> None:
    """Paint the view's artwork into `bounds`: the default picture, or (layer="deep", on a
    view that has one) the default picture faded with the deep muscles over it."""
    deep = layer == "deep" and "deep" in atlas.view(view_id).layers
    if deep:
        painter.save()
        painter.setOpacity(painter.opacity() * UNDER_DEEP_OPACITY)
    svg_renderer(view_id, atlas).render(painter, bounds)
    if deep:
        painter.restore()
        svg_renderer(view_id, atlas, "deep").render(painter, bounds)


def polygon_path(points: Sequence[Point]) -> QPainterPath:
    """A closed QPainterPath through the polygon's points (view coordinates)."""
    path = QPainterPath()
    if points:
        path.moveTo(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    return path


def region_path(region_id: str, atlas: Atlas) -> QPainterPath:
    """Outline of one region as a painter path (for highlighting and clipping)."""
    return polygon_path(atlas.region(region_id).outline)


def silhouette_path(view_id: str, atlas: Atlas) -> QPainterPath:
    """Body outline of a view as a painter path."""
    return polygon_path(atlas.silhouette(view_id))


def referral_path(region_id: str, atlas: Atlas) -> QPainterPath:
    """The referred-pain area of a region's muscle (its side, its view) as one path."""
    path = QPainterPath()
    for poly in atlas.referral(region_id):
        path.addPath(polygon_path(poly))
    return path


def paint_view(painter: QPainter, view_id: str, target: QRectF, *, atlas: Atlas,
               labels: bool = False, referral_of: str | None = None,
               layer: str = "superficial") -> None:
    """Paint a view's diagram of `atlas` into `target` (aspect ratio kept, centred),
    optionally with region labels and one region's referral overlay."""
    view = atlas.view(view_id)
    scale = min(target.width() / view.width, target.height() / view.height)
    ox = target.x() + (target.width() - view.width * scale) / 2
    oy = target.y() + (target.height() - view.height * scale) / 2
    paint_layers(painter, view_id, QRectF(ox, oy, view.width * scale, view.height * scale),
                 atlas, layer)
    painter.save()
    painter.translate(ox, oy)
    painter.scale(scale, scale)
    if referral_of:
        painter.setPen(QPen(QColor(170, 30, 30), 1.0 / scale * 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor(220, 40, 40, 90)))
        painter.drawPath(referral_path(referral_of, atlas))
    if labels:
        font = QFont("DejaVu Sans")
        size = 10.0 / scale  # about 10 px on the output
        font.setPointSizeF(max(size, 0.5))
        painter.setFont(font)
        metrics_h = size * 1.2
        shown = layer if layer in view.layers else "superficial"
        for region in atlas.regions_in(view_id):
            if region.depth != shown:
                continue
            x, y = region.anchor
            text = region.muscle.replace("_", " ") + "." + region.side
            painter.setPen(QPen(QColor(20, 20, 120), 0))
            painter.drawEllipse(QPointF(x, y), 1.2 / scale, 1.2 / scale)
            rect = QRectF(x - 200 / scale, y - metrics_h / 2, 400 / scale, metrics_h)
            painter.setPen(QColor(255, 255, 255, 200))
            for dx, dy in ((-0.6, 0), (0.6, 0), (0, -0.6), (0, 0.6)):
                painter.drawText(rect.translated(dx / scale, dy / scale),
                                 Qt.AlignmentFlag.AlignCenter, text)
            painter.setPen(QColor(10, 10, 90))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def render_view_image(view_id: str, height: int = 1600, *, atlas: Atlas,
                      labels: bool = False, referral_of: str | None = None,
                      layer: str = "superficial") -> QImage:
    """Render a view of `atlas` onto a white QImage `height` pixels tall."""
    view = atlas.view(view_id)
    width = max(1, round(height * view.width / view.height))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint_view(painter, view_id, QRectF(0, 0, width, height), labels=labels,
               referral_of=referral_of, atlas=atlas, layer=layer)
    painter.end()
    return image


def render_view_png(view_id: str, out: str, *, atlas: Atlas, labels: bool = False,
                    height: int = 1600, referral_of: str | None = None,
                    layer: str = "superficial") -> None:
    """Render a view to a PNG file (creates a QGuiApplication if none exists)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - keep alive
    image = render_view_image(view_id, height, labels=labels, referral_of=referral_of,
                              atlas=atlas, layer=layer)
    if not image.save(out):
        raise OSError(f"cannot write {out}")
