"""Charting tools: what a press, drag and release on the canvas do with each tool.

The canvas maps mouse events to diagram coordinates and hands them here; every edit becomes
one undo command pushed on the document (a drag is one MoveMark on release, a drawn zone
one AddMark on release). Zone edits travel in a Compound with SetPainExtent, so the stored
pain extent follows the zones through undo and redo.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QUndoCommand

from bodymap.atlas import Atlas, polygon_area
from bodymap.model import (
    Mark,
    NeedleSite,
    PainZone,
    Side,
    TextNote,
    TriggerPoint,
    TriggerPointKind,
    ValidationError,
)
from bodymap.services.chart_checks import visit_pain_extent
from bodymap.ui.commands import AddMark, Compound, MoveMark, RemoveMark, SetPainExtent
from bodymap.ui.document import VisitDocument

if TYPE_CHECKING:
    from bodymap.ui.chart.canvas import ChartCanvas

MIN_ZONE_AREA = 12.0  # square diagram units; smaller is a slip of the pen, not a pain area
BRUSH_PX = 22.0  # brush width on screen
NEW_NOTE_TEXT = "Note"


class Tool(enum.Enum):
    SELECT = "select"
    TRIGGER_ACTIVE = "trigger_active"
    TRIGGER_LATENT = "trigger_latent"
    NEEDLE = "needle"
    ZONE_LASSO = "zone_lasso"
    ZONE_BRUSH = "zone_brush"
    TEXT = "text"
    DELETE = "delete"

    @property
    def places_point(self) -> bool:
        return self in (Tool.TRIGGER_ACTIVE, Tool.TRIGGER_LATENT, Tool.NEEDLE, Tool.TEXT)

    @property
    def draws_zone(self) -> bool:
        return self in (Tool.ZONE_LASSO, Tool.ZONE_BRUSH)


def with_extent(doc: VisitDocument, atlas: Atlas, command: QUndoCommand) -> Compound:
    """``command`` plus the pain-extent update it causes, as one undo step."""
    return Compound(command.text(), [command, SetPainExtent(
        doc, lambda visit: visit_pain_extent(visit, atlas))])


def thin(points: list[tuple[float, float]], min_step: float) -> list[tuple[float, float]]:
    """Drop points closer than ``min_step`` to the last kept one (a hand-drawn stroke
    has many more points than its shape needs)."""
    kept: list[tuple[float, float]] = []
    for p in points:
        if not kept or math.dist(kept[-1], p) >= min_step:
            kept.append(p)
    return kept


def brush_polygon(stroke: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """Outline of a brush stroke of ``width`` (the largest piece if it crosses itself)."""
    path = QPainterPath(QPointF(*stroke[0]))
    for x, y in stroke[1:]:
        path.lineTo(x, y)
    if len(stroke) == 1:
        path.lineTo(stroke[0][0] + 0.01, stroke[0][1])
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(stroker.capStyle().RoundCap)
    stroker.setJoinStyle(stroker.joinStyle().RoundJoin)
    polys = stroker.createStroke(path).simplified().toFillPolygons()
    best: list[tuple[float, float]] = []
    for poly in polys:
        pts = [(p.x(), p.y()) for p in poly]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        if polygon_area(pts) > polygon_area(best):
            best = pts
    return best


class ToolController:
    """Turns canvas presses, drags and releases into document commands."""

    def __init__(self, doc: VisitDocument, atlas: Atlas, canvas: ChartCanvas) -> None:
        self.doc, self.atlas, self.canvas = doc, atlas, canvas
        self.tool = Tool.SELECT
        # needle details of a new site on a muscle (the editor knows the visit's needles)
        self.needle_for: Callable[[str | None], dict[str, Any]] = lambda muscle: {}
        self.on_placed: Callable[[Mark], None] = lambda mark: None
        self.on_message: Callable[[str], None] = lambda text: None
        self._drag: dict[str, Any] | None = None
        self._stroke: list[tuple[float, float]] | None = None

    # -- placing -------------------------------------------------------------------------
    def _where(self, view: str, x: float, y: float) -> dict[str, Any]:
        region = self.atlas.region_at(view, x, y, self.canvas.layer)
        if region is None:
            return {"view": view, "x": x, "y": y}
        return {"view": view, "x": x, "y": y, "region_id": region.id,
                "muscle": region.muscle, "side": Side(region.side)}

    def new_point_mark(self, view: str, x: float, y: float) -> Mark:
        """The mark the current point tool puts at (x, y), muscle and side from the atlas."""
        where = self._where(view, round(x, 2), round(y, 2))
        if self.tool is Tool.NEEDLE:
            return NeedleSite(**where, **self.needle_for(where.get("muscle")))
        if self.tool is Tool.TEXT:
            return TextNote(**where, text=NEW_NOTE_TEXT)
        kind = TriggerPointKind.LATENT if self.tool is Tool.TRIGGER_LATENT else \
            TriggerPointKind.ACTIVE
        return TriggerPoint(**where, tp_kind=kind)

    def place(self, view: str, x: float, y: float) -> Mark:
        mark = self.new_point_mark(view, x, y)
        self.doc.push(AddMark(self.doc, mark))
        self.on_placed(mark)
        return mark

    # -- mouse -----------------------------------------------------------------------------
    def press(self, view: str, pos: QPointF, mark_id: str | None) -> bool:
        """A left press at scene ``pos`` (over ``mark_id`` if any). False: not handled
        (the canvas pans instead)."""
        if self.doc.read_only:
            return False
        inside = self.canvas.scene_rect_of(view).contains(pos)
        if self.tool.places_point:
            # Needles and trigger points go on the body: a click beside it is a slip, and
            # would count a needle nobody placed. A text note may sit anywhere.
            if inside and (self.tool is Tool.TEXT or self.atlas.on_body(view, pos.x(), pos.y())):
                self.place(view, pos.x(), pos.y())
            else:
                what = "text note" if self.tool is Tool.TEXT else "needle site" \
                    if self.tool is Tool.NEEDLE else "trigger point"
                self.on_message(f"Click on the {'diagram' if self.tool is Tool.TEXT else 'body'}"
                                f" to place a {what}.")
            return True
        if self.tool.draws_zone:
            self._stroke = [(pos.x(), pos.y())]
            self.canvas.show_draft(self._stroke, brush=self._brush_width()
                                   if self.tool is Tool.ZONE_BRUSH else 0.0)
            return True
        if self.tool is Tool.DELETE:
            if mark_id:
                self.delete(mark_id)
            return True
        if mark_id is None:
            return False
        self._drag = {"id": mark_id, "start": pos, "delta": QPointF(0, 0)}
        return True

    def move(self, pos: QPointF) -> None:
        if self._stroke is not None:
            step = 2.0 / max(self.canvas.zoom(), 1e-6)  # about 2 screen pixels
            if math.dist(self._stroke[-1], (pos.x(), pos.y())) >= step:
                self._stroke.append((pos.x(), pos.y()))
                self.canvas.show_draft(self._stroke, brush=self._brush_width()
                                       if self.tool is Tool.ZONE_BRUSH else 0.0)
        elif self._drag is not None:
            self._drag["delta"] = self._inside(self._drag["id"], pos - self._drag["start"])
            self.canvas.preview_move(self._drag["id"], self._drag["delta"])

    def release(self, view: str, pos: QPointF) -> None:
        if self._stroke is not None:
            self.move(pos)
            stroke, self._stroke = self._stroke, None
            self.canvas.show_draft(None)
            self.finish_zone(view, stroke)
        elif self._drag is not None:
            drag, self._drag = self._drag, None
            delta: QPointF = drag["delta"]
            if abs(delta.x()) + abs(delta.y()) > 1e-9:
                mark = self.doc.visit.mark(drag["id"])
                dx, dy = round(delta.x(), 2), round(delta.y(), 2)
                if isinstance(mark, (TriggerPoint, NeedleSite)) and not self.atlas.on_body(
                        mark.view, mark.x + dx, mark.y + dy):
                    # as a click there would: a needle beside the body is a slip
                    self.canvas.preview_move(mark.id, QPointF(0, 0))
                    self.on_message("Drag onto the body: a needle site or trigger point "
                                    "stays on the body.")
                    return
                try:
                    cmd = MoveMark(self.doc, mark.id, dx, dy, self._relabel(mark, dx, dy))
                except ValidationError as exc:
                    self.canvas.preview_move(mark.id, QPointF(0, 0))
                    self.on_message(exc.message)
                    return
                zone = isinstance(mark, PainZone)
                self.doc.push(with_extent(self.doc, self.atlas, cmd) if zone else cmd)

    def _inside(self, mark_id: str, delta: QPointF) -> QPointF:
        """``delta`` shortened so the dragged mark stays on its view's diagram (a mark off
        the diagram shows nowhere and cannot be imported again)."""
        mark = self.doc.visit.mark(mark_id)
        view = self.atlas.view(mark.view)
        if isinstance(mark, PainZone):
            xs, ys = [p[0] for p in mark.points], [p[1] for p in mark.points]
        else:
            xs, ys = [mark.x], [mark.y]  # type: ignore[attr-defined]
        dx = min(max(delta.x(), -min(xs)), view.width - max(xs))
        dy = min(max(delta.y(), -min(ys)), view.height - max(ys))
        return QPointF(dx, dy)

    def _relabel(self, mark: Mark, dx: float, dy: float) -> dict[str, Any]:
        """Region, muscle and side for the mark moved by (dx, dy): those of where it now
        lies when the drag crossed into another region (or off the muscles); {} when it
        stayed in its region, so a muscle or side the clinician corrected by hand stays."""
        layer = self.canvas.layer  # what the clinician sees, and so drags onto
        if isinstance(mark, PainZone):
            old = self.atlas.region_under(mark.view, mark.points, layer=layer)
            new = self.atlas.region_under(
                mark.view, [(x + dx, y + dy) for x, y in mark.points], layer=layer)
        else:
            x, y = mark.x, mark.y  # type: ignore[attr-defined]
            old = self.atlas.region_at(mark.view, x, y, layer)
            new = self.atlas.region_at(mark.view, x + dx, y + dy, layer)
        if (old.id if old else None) == (new.id if new else None):
            return {}
        if new is None:
            return {"region_id": None, "muscle": None, "side": None}
        return {"region_id": new.id, "muscle": new.muscle, "side": Side(new.side)}

    def cancel(self) -> None:
        """Escape during a drag or stroke: put things back, push nothing."""
        if self._drag is not None:
            self.canvas.preview_move(self._drag["id"], QPointF(0, 0))
        self._drag = self._stroke = None
        self.canvas.show_draft(None)

    # -- zones and deleting ------------------------------------------------------------------
    def _brush_width(self) -> float:
        return BRUSH_PX / max(self.canvas.zoom(), 1e-6)

    def finish_zone(self, view: str, stroke: list[tuple[float, float]]) -> PainZone | None:
        """Turn a finished lasso or brush stroke into a pain zone (one undo step)."""
        if self.tool is Tool.ZONE_BRUSH:
            points = brush_polygon(stroke, self._brush_width())
        else:
            points = stroke
        points = thin([(round(x, 2), round(y, 2)) for x, y in points], 0.75)
        if len(points) < 3 or polygon_area(points) < MIN_ZONE_AREA:
            self.on_message("Drag to draw a pain zone (too small to keep).")
            return None
        # what the zone mostly lies on, in the layer shown
        region = self.atlas.region_under(view, points, layer=self.canvas.layer)
        where: dict[str, Any] = {"view": view} if region is None else {
            "view": view, "region_id": region.id, "muscle": region.muscle,
            "side": Side(region.side)}
        zone = PainZone(**where, points=tuple(points))
        self.doc.push(with_extent(self.doc, self.atlas, AddMark(self.doc, zone)))
        self.on_placed(zone)
        return zone

    def delete(self, mark_id: str) -> None:
        """Delete one mark (one undo step; a zone also updates the pain extent)."""
        cmd = RemoveMark(self.doc, mark_id)
        if isinstance(cmd.mark, PainZone):
            self.doc.push(with_extent(self.doc, self.atlas, cmd))
        else:
            self.doc.push(cmd)
