"""A read-only chart view: one atlas view with one or more layers of marks (a faded earlier
visit under the current one), zoomable with the wheel and pannable by dragging.

Built from the atlas renderer and the shared mark painter rather than the chart editor's
canvas, so reviewing can never edit a record.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from bodymap.atlas import Atlas
from bodymap.atlas.qt import svg_renderer
from bodymap.model import Mark
from bodymap.ui.chart.items import side_label_items
from bodymap.ui.review.painting import paint_marks

MIN_ZOOM, MAX_ZOOM = 0.2, 12.0


class DiagramItem(QGraphicsItem):
    """The atlas diagram of one view, in its own units."""

    def __init__(self, atlas: Atlas, view_id: str) -> None:
        super().__init__()
        self.view_id = view_id
        self.atlas = atlas
        view = atlas.view(view_id)
        self._rect = QRectF(0, 0, view.width, view.height)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        svg_renderer(self.view_id, self.atlas).render(painter, self._rect)


class MarksItem(QGraphicsItem):
    """The marks of one visit on one view; symbols keep their size on screen at any zoom."""

    def __init__(self, rect: QRectF, view_id: str, marks: Sequence[Mark],
                 opacity: float = 1.0) -> None:
        super().__init__()
        self._rect = rect
        self.view_id = view_id
        self.marks = [m for m in marks if m.view == view_id]
        self.setOpacity(opacity)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-40, -40, 40, 40)  # symbols reach past the diagram edge

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        scale = painter.worldTransform().m11() or 1.0
        paint_marks(painter, self.marks, self.view_id, scale, unit=1.3)


class ReadOnlyChartView(QGraphicsView):
    """Shows ``layers`` of marks over one atlas view. ``zoom_changed`` is emitted for zooms
    the user makes (wheel, buttons), not for :meth:`set_zoom`, so two views can follow
    each other without echo."""

    zoom_changed = Signal(float)

    def __init__(self, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.atlas = atlas
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("white"))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.view_id = ""
        self.layers: list[MarksItem] = []

    def show_layers(self, view_id: str, layers: Sequence[tuple[Sequence[Mark], float]],
                    atlas: Atlas | None = None) -> None:
        """Show ``view_id`` with each (marks, opacity) layer, first at the bottom, drawn on
        ``atlas`` (the version the marks were charted on; default: the view's atlas)."""
        scene = self.scene()
        changed_view = view_id != self.view_id or (atlas is not None and atlas is not self.atlas)
        if atlas is not None:
            self.atlas = atlas
        scene.clear()
        self.view_id = view_id
        diagram = DiagramItem(self.atlas, view_id)
        scene.addItem(diagram)
        for label in side_label_items(self.atlas, view_id, diagram.boundingRect().width()):
            scene.addItem(label)  # R and L, as on the chart
        self.layers = []
        for z, (marks, opacity) in enumerate(layers, start=1):
            item = MarksItem(diagram.boundingRect(), view_id, marks, opacity)
            item.setZValue(z)
            scene.addItem(item)
            self.layers.append(item)
        scene.setSceneRect(diagram.boundingRect().adjusted(-20, -20, 20, 20))
        if changed_view:
            self.fit()

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Scale to ``zoom`` view pixels per diagram unit (no signal)."""
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if abs(zoom - self.zoom) > 1e-9:
            anchor = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(zoom / self.zoom, zoom / self.zoom)
            self.setTransformationAnchor(anchor)

    def zoom_by(self, factor: float) -> None:
        """Zoom as the user asked (emits ``zoom_changed``)."""
        self.set_zoom(self.zoom * factor)
        self.zoom_changed.emit(self.zoom)

    def fit(self) -> None:
        """Whole diagram in view."""
        if self.view_id:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.15 ** steps)
        event.accept()
