"""A trigger point's referral pattern on the chart: shown on every view it covers when the
trigger point is selected (essential zone solid, spillover hatched, the muscle's typical
trigger points as small ×), said under the chart where it continues, and charted as linked
pain zones in one undo step. The patterns are the atlas's (bodymap.atlas.referral)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsItemGroup,
    QGraphicsPathItem,
    QLabel,
    QWidget,
)

from bodymap.atlas import Atlas, polygon_area
from bodymap.atlas.referral import ESSENTIAL, SPILLOVER, Resolved, pattern_for
from bodymap.model import Mark, PainZone, Side, TriggerPoint
from bodymap.ui.chart import style
from bodymap.ui.chart.items import Z_REFERRAL, outline_item
from bodymap.ui.chart.tools import with_extent
from bodymap.ui.commands import AddMark, Compound
from bodymap.ui.document import VisitDocument

ESSENTIAL_FILL = QColor(156, 39, 176, 90)
SPILLOVER_FILL = QColor(156, 39, 176, 110)
TRP_COLOR = QColor(106, 27, 154)


def resolved_of(mark: Mark | None, atlas: Atlas) -> Resolved | None:
    """The referral pattern of a trigger point's muscle on its side, or None."""
    if not isinstance(mark, TriggerPoint) or not mark.muscle or mark.side is None:
        return None
    return pattern_for(atlas, mark.muscle, mark.side.value)


def referral_zones(tp: TriggerPoint, atlas: Atlas) -> list[PainZone]:
    """Pain zones covering the essential zone of the trigger point's pattern on every view
    it covers (its own view first), linked to it (``source_id``). Empty without a pattern."""
    resolved = resolved_of(tp, atlas)
    if resolved is None:
        return []
    views = sorted(resolved.zones, key=lambda v: v != tp.view)
    zones = []
    for view in views:
        for poly in resolved.zones[view].get(ESSENTIAL, []):
            if len(poly) < 3 or polygon_area(poly) <= 0:
                continue
            region = atlas.region_under(view, poly)
            zones.append(PainZone(
                view=view, points=tuple((round(x, 2), round(y, 2)) for x, y in poly),
                source_id=tp.id, region_id=region.id if region else None,
                muscle=region.muscle if region else None,
                side=Side(region.side) if region else None))
    return zones


def referral_zone_command(doc: VisitDocument, atlas: Atlas,
                          trigger_point_id: str) -> tuple[Compound, list[PainZone]] | None:
    """One undoable command adding the essential zones as pain zones (and updating pain
    extent), or None when the trigger point's muscle has no charted referral pattern."""
    tp = doc.visit.mark(trigger_point_id)
    if not isinstance(tp, TriggerPoint):
        return None
    zones = referral_zones(tp, atlas)
    if not zones:
        return None
    adds = Compound("Add pain zone from referral pattern",
                    [AddMark(doc, zone) for zone in zones])
    return with_extent(doc, atlas, adds), zones


def referral_overlay(resolved: Resolved, view: str) -> QGraphicsItem | None:
    """The pattern on ``view`` as one non-interactive item, or None if it has none there."""
    zones = resolved.zones.get(view, {})
    points = resolved.trigger_points.get(view, [])
    if not zones and not points:
        return None
    group = QGraphicsItemGroup()
    for kind, fill, pen_style, pattern in (
            (SPILLOVER, SPILLOVER_FILL, Qt.PenStyle.DotLine, Qt.BrushStyle.BDiagPattern),
            (ESSENTIAL, ESSENTIAL_FILL, Qt.PenStyle.SolidLine, Qt.BrushStyle.SolidPattern)):
        polys = zones.get(kind, [])
        if polys:
            group.addToGroup(outline_item(polys, fill=QBrush(fill, pattern),
                                          line=style.REFERRAL_COLOR, z=0, pen_style=pen_style))
    if points:
        cross = QPainterPath()
        for x, y in points:
            cross.moveTo(x - 4, y - 4)
            cross.lineTo(x + 4, y + 4)
            cross.moveTo(x - 4, y + 4)
            cross.lineTo(x + 4, y - 4)
        item = QGraphicsPathItem(cross)
        pen = QPen(TRP_COLOR, 2.5)
        pen.setCosmetic(True)
        item.setPen(pen)
        group.addToGroup(item)
    group.setZValue(Z_REFERRAL)
    group.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return group


def referral_note(resolved: Resolved, view: str, atlas: Atlas,
                  view_name: Callable[[str], str]) -> str:
    """What the line under the chart says of the pattern shown: whose it is, how to read
    it, and the other views it continues on (named as the chart's tabs name them)."""
    try:
        name = atlas.muscle(resolved.muscle).name
    except KeyError:  # a muscle id this version does not draw
        name = resolved.muscle.replace("_", " ")
    side = "left" if resolved.side == "L" else "right"
    others = [view_name(v) for v in resolved.views() if v != view]
    text = (f"Referral of the {side} {name.lower()}: essential zone solid, spillover "
            "hatched, × typical trigger points.")
    if view not in resolved.zones and view not in resolved.trigger_points:
        text = f"Referral of the {side} {name.lower()}: not on this view."
    if others:
        text += " Continues on: " + " · ".join(others) + "."
    return text


class ReferralView(QObject):
    """Keeps the selected trigger point's pattern on the chart and its note at the foot of
    the chart: a label floating over the canvas, so that showing it never resizes (and so
    rescales) the diagram under the clinician's pointer."""

    def __init__(self, atlas: Atlas, canvas: QWidget, view_name: Callable[[str], str]) -> None:
        super().__init__(canvas)
        self.atlas, self.canvas, self.view_name = atlas, canvas, view_name
        self.label = QLabel(canvas)
        self.label.setObjectName("referralNote")
        self.label.setWordWrap(True)
        # a palette, not a style sheet: re-polishing a styled label costs milliseconds on
        # every trigger point placed (click_to_mark_ms)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#4a148c"))
        palette.setColor(QPalette.ColorRole.Window, QColor(255, 255, 255, 225))
        self.label.setPalette(palette)
        self.label.setAutoFillBackground(True)
        self.label.setContentsMargins(6, 2, 6, 2)
        self.label.hide()
        canvas.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.label.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        width = self.canvas.width() - 2
        height = self.label.heightForWidth(width)
        self.label.setGeometry(1, self.canvas.height() - height - 1, width, height)
        self.label.raise_()

    def update(self, mark: Mark | None, view: str, shown: bool
               ) -> QGraphicsItem | None:
        """The overlay for ``view`` (None: nothing), the note set under the chart."""
        resolved = resolved_of(mark, self.atlas) if shown else None
        if resolved is None:
            self.label.hide()
            return None
        self.label.setText(referral_note(resolved, view, self.atlas, self.view_name))
        self.label.show()
        self._place()
        return referral_overlay(resolved, view)
