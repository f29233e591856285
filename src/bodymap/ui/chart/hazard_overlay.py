"""Chart ▸ Hazard zones (Shift+H): the zones where a needle can reach the lung, a kidney,
the peritoneum, the spinal canal, a great vessel or a nerve trunk, shaded on the diagram
before anything is placed (bodymap.atlas.hazards). The choice is the window's and stays as
views change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsItemGroup, QGraphicsPathItem

from bodymap.atlas import Atlas
from bodymap.atlas.hazards import zones_on
from bodymap.atlas.qt import polygon_path
from bodymap.ui.chart.items import Z_HOVER

SHORTCUT = "Shift+H"
#: per zone type: fill (translucent) and outline
COLOURS: dict[str, QColor] = {
    "lung_pleura": QColor(30, 136, 229), "kidney": QColor(142, 36, 170),
    "peritoneum": QColor(255, 160, 0), "neuraxis": QColor(216, 27, 96),
    "vertebral_artery": QColor(211, 47, 47), "carotid_sheath": QColor(211, 47, 47),
    "brachial_plexus": QColor(253, 216, 53), "femoral_neurovascular": QColor(211, 47, 47),
    "popliteal_fossa": QColor(211, 47, 47), "sciatic_nerve": QColor(253, 216, 53),
    "common_fibular_nerve": QColor(253, 216, 53), "ulnar_nerve": QColor(253, 216, 53),
    "median_nerve": QColor(253, 216, 53),
}


def hazard_overlay(atlas: Atlas, view: str) -> QGraphicsItem | None:
    """Every hazard zone of ``view`` as one non-interactive item (None: none there)."""
    shapes = zones_on(atlas).get(view, [])
    if not shapes:
        return None
    group = QGraphicsItemGroup()
    for shape in shapes:
        path = QPainterPath()
        for poly in shape.polygons:
            path.addPath(polygon_path(poly))
        item = QGraphicsPathItem(path)
        colour = COLOURS.get(shape.zone.type, QColor(211, 47, 47))
        fill = QColor(colour)
        fill.setAlpha(60)
        pen = QPen(colour.darker(130), 1.2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setBrush(QBrush(fill))
        item.setToolTip(shape.zone.structure)
        group.addToGroup(item)
    group.setZValue(Z_HOVER - 1)  # over the diagram, under the marks and the hover outline
    group.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return group


def hazard_action(parent: object) -> QAction:
    action = QAction("&Hazard zones", parent)  # type: ignore[arg-type]
    action.setObjectName("hazardZones")
    action.setShortcut(SHORTCUT)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setCheckable(True)
    action.setToolTip(f"Shade where a needle can reach the lung, organs, vessels and nerves "
                      f"({SHORTCUT})")
    return action
