"""The chart canvas: one QGraphicsScene per atlas view, shown in one QGraphicsView.

Scene coordinates are the view's diagram units, so ``mapToScene`` of a click is the mark's
stored position at any zoom, window size or screen. The canvas owns the items and keeps them
in step with the document's ``changed`` signal; it never edits the visit itself (the
ToolController pushes commands).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPainterPath,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QPinchGesture,
    QWidget,
)

from bodymap.atlas import Atlas
from bodymap.model import Changes, Mark
from bodymap.services import chart_checks as checks
from bodymap.ui.chart import style
from bodymap.ui.chart.items import (
    Z_DRAFT,
    Z_HOVER,
    DiagramItem,
    MarkItem,
    make_item,
    outline_item,
    side_label_items,
)
from bodymap.ui.chart.tools import ToolController
from bodymap.ui.document import VisitDocument

MIN_ZOOM, MAX_ZOOM = 0.1, 40.0


WARM_UP_MS = 200


class ChartScene(QGraphicsScene):
    """One atlas view: its diagram and the items of the marks drawn on it."""

    def __init__(self, atlas: Atlas, view_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_id = view_id
        view = atlas.view(view_id)
        self.setSceneRect(QRectF(0, 0, view.width, view.height))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.diagram = DiagramItem(atlas, view_id)
        self.addItem(self.diagram)
        self.side_labels = side_label_items(atlas, view_id, view.width)
        for item in self.side_labels:
            self.addItem(item)
        self.marks: dict[str, MarkItem] = {}
        self.hover: QGraphicsPathItem | None = None
        self.referral: QGraphicsItem | None = None
        self.hazards: QGraphicsItem | None = None  # the hazard zones, when shown
        self.draft: QGraphicsPathItem | None = None


class ChartCanvas(QGraphicsView):
    """Shows one view at a time; zoom (wheel, pinch, keys), pan (drag empty space or the
    middle button), fit-to-window, hover naming, and mouse events routed to the tools."""

    hovered = Signal(str)  # "Upper trapezius (left)" or "" off the muscles
    selection_changed = Signal(object)  # mark id or None

    def __init__(self, doc: VisitDocument, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.atlas = doc, atlas
        self.controller = ToolController(doc, atlas, self)
        self.scenes: dict[str, ChartScene] = {}
        self.view_id = ""
        self._fit = True
        self._pan: QPointF | None = None
        self._hover_region: str | None = None
        self._selected: str | None = None
        self._view_ids = {v.id for v in atlas.views}
        self._deep = False  # the clinician asked for the deep layer (where a view has one)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        self.setBackgroundBrush(QColor(236, 238, 241))
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        doc.changed.connect(self._on_changed)
        self.rebuild()

    # -- scenes and items ---------------------------------------------------------------------
    def scene_for(self, view_id: str) -> ChartScene:
        scene = self.scenes.get(view_id)
        if scene is None:
            # built on first use: opening a visit pays only for the view it shows
            scene = self.scenes[view_id] = ChartScene(self.atlas, view_id, self)
            scene.selectionChanged.connect(self._on_selection)
            for i, mark in enumerate(self.doc.visit.marks):
                if mark.view == view_id:
                    self._add_item(mark, i)
        return scene

    def scene_rect_of(self, view_id: str) -> QRectF:
        return self.scene_for(view_id).sceneRect()

    def set_view(self, view_id: str) -> None:
        """Show another atlas view (fitted to the window the first time)."""
        if view_id == self.view_id:
            return
        self.controller.cancel()
        self.clear_hover()
        if self.view_id:
            self.scene_for(self.view_id).clearSelection()
        self.view_id = view_id
        scene = self.scene_for(view_id)
        scene.diagram.set_deep(self._deep)
        self.setScene(scene)
        self.fit_to_window()
        # Build the view's hit-test index (~40 ms) once the chart is on screen and idle,
        # so neither the first paint nor the first hover or click waits for it.
        QTimer.singleShot(WARM_UP_MS, lambda v=view_id, layer=self.layer:
                          self.atlas.prepare_hit_testing(v, layer))

    # -- layers ---------------------------------------------------------------------------------
    @property
    def layer(self) -> str:
        """The layer shown, and so clicked, in the current view: "deep" when the clinician
        turned the deep layer on and the view has one, else "superficial"."""
        if self._deep and self.view_id and "deep" in self.atlas.layers(self.view_id):
            return "deep"
        return "superficial"

    def has_deep_layer(self, view_id: str | None = None) -> bool:
        """Whether a view (default: the current one) has a deep layer."""
        view_id = view_id or self.view_id
        return bool(view_id) and "deep" in self.atlas.layers(view_id)

    def set_deep(self, deep: bool) -> None:
        """Show (and click) the deep layer, on every view that has one, or not. The choice
        stays as the clinician switches views; a one-layer view shows its only layer."""
        if deep == self._deep:
            return
        self.controller.cancel()
        self._deep = deep
        if self.view_id:
            self.scene_for(self.view_id).diagram.set_deep(deep)
            self.clear_hover()
            if deep and self.has_deep_layer():  # the deep layer's index, before the pointer moves
                QTimer.singleShot(WARM_UP_MS, lambda v=self.view_id:
                                  self.atlas.prepare_hit_testing(v, "deep"))

    def _state(self, mark: Mark) -> dict[str, bool]:
        return {"caution": bool(checks.hazards_of(mark, self.atlas)),
                "incomplete": checks.is_incomplete(mark, self.atlas)} \
            if mark.kind == "needle_site" else {}

    def _add_item(self, mark: Mark, index: int | None = None) -> None:
        scene = self.scenes.get(mark.view)
        if scene is None:
            return  # not built yet (scene_for adds it then), or a view this atlas lacks
        item = make_item(mark, **self._state(mark))
        # the model's list order is the drawing order within each kind's layer
        if index is None:
            index = self.doc.visit.mark_index(mark.id)
        item.setZValue(item.zValue() + index / (len(self.doc.visit.marks) + 1))
        scene.marks[mark.id] = item
        scene.addItem(item)

    def item(self, mark_id: str, *, build: bool = True) -> MarkItem | None:
        """The item showing a mark (building its view's scene if ``build``)."""
        try:
            view = self.doc.visit.mark(mark_id).view
        except KeyError:
            view = None
        for scene in self.scenes.values():
            if mark_id in scene.marks:
                return scene.marks[mark_id]
        if build and view in self._view_ids and view not in self.scenes:
            return self.scene_for(view).marks.get(mark_id)
        return None

    def rebuild(self) -> None:
        """Recreate every mark item from the visit (open, reload, sign)."""
        for scene in self.scenes.values():
            for item in scene.marks.values():
                scene.removeItem(item)
            scene.marks.clear()
        for i, mark in enumerate(self.doc.visit.marks):
            self._add_item(mark, i)

    def _restack(self) -> None:
        n = len(self.doc.visit.marks) + 1
        for i, mark in enumerate(self.doc.visit.marks):
            item = self.item(mark.id, build=False)
            if item is not None:
                item.setZValue(item.zValue() // 1 + i / n)

    def _on_changed(self, changes: Changes) -> None:
        if "*" in changes.fields:
            self.rebuild()
            return
        for mark_id in changes.marks_removed:
            item = self.item(mark_id, build=False)
            if item is not None:
                scene = item.scene()
                scene.removeItem(item)
                del self.scenes[scene.view_id].marks[mark_id]  # type: ignore[attr-defined]
        for mark_id in changes.marks_added:
            self._add_item(self.doc.visit.mark(mark_id))
        for mark_id in changes.marks_updated:
            item = self.item(mark_id, build=False)
            if item is not None:
                mark = self.doc.visit.mark(mark_id)
                item.set_mark(mark, **self._state(mark))
        if changes.marks_added and len(changes.marks_added) > 1:
            self._restack()

    # -- selection ------------------------------------------------------------------------------
    def _on_selection(self) -> None:
        if not shiboken6.isValid(self):
            return  # a scene being torn down with its window clears its selection
        scene = self.scene()
        selected = [i for i in scene.selectedItems() if isinstance(i, MarkItem)] if scene else []
        mark_id = selected[0].mark_id if selected else None
        if mark_id != self._selected:
            self._selected = mark_id
            self.selection_changed.emit(mark_id)

    @property
    def selected_id(self) -> str | None:
        return self._selected

    def select(self, mark_id: str | None) -> None:
        """Select one mark (switching to its view), or none."""
        item = self.item(mark_id) if mark_id else None
        if item is not None and item.scene() is not self.scene():
            self.set_view(item.scene().view_id)  # type: ignore[attr-defined]
        scene = self.scene()
        if scene is None:
            return
        scene.blockSignals(True)
        scene.clearSelection()
        if item is not None:
            item.setSelected(True)
        scene.blockSignals(False)
        self._on_selection()

    # -- overlays -------------------------------------------------------------------------------
    def _replace_overlay(self, name: str, item: QGraphicsItem | None) -> None:
        if not self.view_id:
            return
        scene = self.scene_for(self.view_id)
        old = getattr(scene, name)
        if old is not None:
            scene.removeItem(old)
        setattr(scene, name, item)
        if item is not None:
            scene.addItem(item)

    def show_hazards(self, item: QGraphicsItem | None) -> None:
        """The hazard zones' overlay on the view shown (None hides it)."""
        self._replace_overlay("hazards", item)

    def show_referral(self, item: QGraphicsItem | None) -> None:
        """A referral pattern's overlay on the view shown (None hides it)."""
        self._replace_overlay("referral", item)

    def show_draft(self, stroke: list[tuple[float, float]] | None, brush: float = 0.0) -> None:
        """The lasso or brush stroke being drawn."""
        if not stroke:
            self._replace_overlay("draft", None)
            return
        scene = self.scene_for(self.view_id)
        if scene.draft is None:
            self._replace_overlay("draft", outline_item(
                [], fill=QColor(230, 110, 0, 60), line=style.ZONE_COLOR.darker(150), z=Z_DRAFT))
        path = QPainterPath(QPointF(*stroke[0]))
        for x, y in stroke[1:]:
            path.lineTo(x, y)
        if brush > 0:
            from PySide6.QtGui import QPainterPathStroker

            stroker = QPainterPathStroker()
            stroker.setWidth(brush)
            path = stroker.createStroke(path)
        scene.draft.setPath(path)  # type: ignore[union-attr]

    def preview_move(self, mark_id: str, delta: QPointF) -> None:
        """Show a mark displaced by ``delta`` during a drag (nothing is edited yet)."""
        item = self.item(mark_id, build=False)
        if item is None:
            return
        if item.mark.kind == "pain_zone":
            item.setPos(delta)
        else:
            x, y = item.mark.anchor
            item.setPos(x + delta.x(), y + delta.y())

    # -- hover ----------------------------------------------------------------------------------
    def clear_hover(self) -> None:
        if self._hover_region is not None:
            self._hover_region = None
            if self.view_id:
                self._replace_overlay("hover", None)
            self.hovered.emit("")

    def _hover(self, pos: QPointF) -> None:
        region = self.atlas.region_at(self.view_id, pos.x(), pos.y(), self.layer)
        rid = region.id if region else None
        if rid == self._hover_region:
            return
        self._hover_region = rid
        if region is None:
            self._replace_overlay("hover", None)
            self.hovered.emit("")
            return
        self._replace_overlay("hover", outline_item(
            [region.outline], fill=style.HOVER_COLOR, line=QColor(0, 90, 200), z=Z_HOVER))
        self.hovered.emit(region.name)

    # -- zoom -----------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        if abs(target - self.zoom()) > 1e-9:
            self._fit = False
            f = target / self.zoom()
            self.scale(f, f)

    def fit_to_window(self) -> None:
        """Show the whole view, and keep fitting as the window resizes until zoomed."""
        if self.scene() is not None:
            self.fitInView(self.scene().sceneRect().adjusted(-8, -8, 8, 8),
                           Qt.AspectRatioMode.KeepAspectRatio)
            self._fit = True

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit:
            self.fit_to_window()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.2 ** steps)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QNativeGestureEvent) and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value())  # trackpad pinch (macOS, libinput)
            return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor())
                assert isinstance(event, QGestureEvent)
                event.accept(pinch)
                return True
        return super().viewportEvent(event)

    # -- mouse ----------------------------------------------------------------------------------
    def _mark_at(self, event: QMouseEvent) -> str | None:
        for item in self.items(event.position().toPoint()):
            if isinstance(item, MarkItem):
                return item.mark_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton:
            mark_id = self._mark_at(event)
            if self.controller.tool.name == "SELECT":
                self.select(mark_id)
            if self.controller.press(self.view_id, pos, mark_id):
                event.accept()
                return
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._pan = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = self.mapToScene(event.position().toPoint())
        if self._pan is not None:
            d = event.position() - self._pan
            self._pan = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(d.y()))
            return
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.controller.move(pos)
        if self.view_id:
            self._hover(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan is not None:
            self._pan = None
            self.viewport().unsetCursor()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.controller.release(self.view_id, self.mapToScene(event.position().toPoint()))

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.clear_hover()
        super().leaveEvent(event)
