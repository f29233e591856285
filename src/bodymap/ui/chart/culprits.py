""""What refers here?": the muscles whose referral patterns cover a spot of pain, ranked
(bodymap.atlas.referral.what_refers_here), for a point clicked on the chart or for the
selected pain zone. Pointing at a muscle in the list shows its pattern and its typical
trigger points (×); choosing it places an active trigger point at the first of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu

from bodymap.atlas import Atlas
from bodymap.atlas.referral import Culprit, what_refers_here
from bodymap.model import PainZone, TriggerPoint, TriggerPointKind
from bodymap.ui.chart.canvas import ChartCanvas
from bodymap.ui.chart.referral import referral_overlay
from bodymap.ui.commands import AddMark
from bodymap.ui.document import VisitDocument

SHORTCUT = "Shift+W"
MAX_SHOWN = 8


def culprit_text(culprit: Culprit, atlas: Atlas) -> str:
    name = atlas.muscle(culprit.muscle).name
    side = "left" if culprit.side == "L" else "right"
    how = "essential zone" if culprit.kind == "essential" else "spillover"
    share = f", {culprit.overlap:.0%} of the zone" if culprit.overlap < 0.995 else ""
    return f"{name} ({side}): {how}{share}"


class WhatRefersHere(QObject):
    """The "What refers here?" action of one chart: armed, the next click on the body is
    asked about instead of charting."""

    def __init__(self, doc: VisitDocument, atlas: Atlas, canvas: ChartCanvas,
                 placed: Callable[[TriggerPoint], None]) -> None:
        super().__init__(canvas)
        self.doc, self.atlas, self.canvas, self.placed = doc, atlas, canvas, placed
        self.action = QAction("What refers here?", canvas)
        self.action.setObjectName("whatRefersHere")
        self.action.setShortcut(SHORTCUT)
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setCheckable(True)
        self.action.setToolTip("Click a spot of pain to see which muscles refer there "
                               f"({SHORTCUT})")
        self.menu: QMenu | None = None
        canvas.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (self.action.isChecked() and event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton):
            self.action.setChecked(False)
            spot = self.canvas.mapToScene(event.position().toPoint())
            self.ask(self.canvas.view_id, [(spot.x(), spot.y())],
                     event.globalPosition().toPoint())
            return True  # the click asked; it charts nothing
        return False

    def ask_zone(self, zone: PainZone, where: QPoint) -> QMenu:
        return self.ask(zone.view, list(zone.points), where)

    def ask(self, view: str, points: list[tuple[float, float]], where: QPoint) -> QMenu:
        """Show the ranked culprits at ``where``; returns the menu (open, not blocking)."""
        culprits = what_refers_here(self.atlas, view, points)[:MAX_SHOWN]
        menu = QMenu(self.canvas)
        menu.setObjectName("culpritMenu")
        menu.setToolTipsVisible(True)
        if not culprits:
            menu.addAction("No charted referral pattern covers this spot").setEnabled(False)
        for culprit in culprits:
            action = menu.addAction(culprit_text(culprit, self.atlas))
            action.setToolTip(culprit.resolved.source)
            action.hovered.connect(lambda c=culprit: self._preview(c, view))
            action.triggered.connect(lambda _=False, c=culprit: self.place(c))
            action.setEnabled(not self.doc.read_only)
        menu.aboutToHide.connect(lambda: self.canvas.show_referral(None))
        self.menu = menu
        menu.popup(where)
        return menu

    def _preview(self, culprit: Culprit, view: str) -> None:
        self.canvas.show_referral(referral_overlay(culprit.resolved, view))

    def place(self, culprit: Culprit) -> TriggerPoint | None:
        """An active trigger point at the culprit's first typical location (on the view shown
        when it has one there)."""
        if self.doc.read_only or not culprit.resolved.trigger_points:
            return None
        points = culprit.resolved.trigger_points
        view = self.canvas.view_id if self.canvas.view_id in points else next(iter(points))
        x, y = points[view][0]
        region_id = f"{view}.{culprit.muscle}.{culprit.side}"
        tp = TriggerPoint(view=view, x=x, y=y, region_id=region_id, muscle=culprit.muscle,
                          side=culprit.side, tp_kind=TriggerPointKind.ACTIVE)
        self.doc.push(AddMark(self.doc, tp))
        self.placed(tp)
        return tp
