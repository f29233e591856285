"""Fixtures for chart-editor tests: a real Records, a visit, a shown ChartEditor, and
helpers that drive it with real mouse events at diagram coordinates."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from bodymap.atlas import load_atlas
from bodymap.model import Precaution
from bodymap.services.records import Records
from bodymap.ui.chart import ChartEditor, Tool
from bodymap.ui.document import VisitDocument


@pytest.fixture
def atlas():
    return load_atlas()


@pytest.fixture
def make_editor(qtbot, records: Records) -> Callable[..., ChartEditor]:
    def make(*, implant: bool = False, visit_id: str | None = None,
             settings=None) -> ChartEditor:
        if visit_id is None:
            precautions = {Precaution.ELECTRICAL_IMPLANT: "pacemaker"} if implant else {}
            patient = records.create_patient(chart_number=f"C-{len(records.search_patients(''))}",
                                             family_name="Chart", precautions=precautions)
            visit = records.start_visit(patient.id)
        else:
            visit = records.open_visit(visit_id)
            patient = records.get_patient(visit.patient_id)
        doc = VisitDocument(records, patient, visit)
        editor = ChartEditor(doc, settings=settings)
        qtbot.addWidget(editor)
        editor.resize(1200, 900)
        editor.show()
        qtbot.waitExposed(editor)
        return editor
    return make


@pytest.fixture
def editor(make_editor) -> ChartEditor:
    return make_editor()


def view_pos(editor: ChartEditor, x: float, y: float) -> QPoint:
    return editor.canvas.mapFromScene(QPointF(x, y))


def click(qtbot, editor: ChartEditor, x: float, y: float, tool: Tool | None = None) -> None:
    """Left-click the canvas at diagram coordinates (x, y), with ``tool`` if given."""
    if tool is not None:
        editor.set_tool(tool)
    qtbot.mouseClick(editor.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(editor, x, y))


def click_region(qtbot, editor: ChartEditor, region_id: str, tool: Tool) -> None:
    region = load_atlas().region(region_id)
    editor.set_view(region.view)
    click(qtbot, editor, *region.anchor, tool=tool)


def drag(editor: ChartEditor, points: list[tuple[float, float]]) -> None:
    """Press at the first point, move through the others with the button held, release at
    the last: real QMouseEvents sent to the canvas viewport."""
    vp = editor.canvas.viewport()
    pts = [QPointF(view_pos(editor, x, y)) for x, y in points]

    def send(kind, p, buttons):
        ev = QMouseEvent(kind, p, vp.mapToGlobal(p), Qt.MouseButton.LeftButton, buttons,
                         Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(vp, ev)

    send(QMouseEvent.Type.MouseButtonPress, pts[0], Qt.MouseButton.LeftButton)
    for p in pts[1:]:
        send(QMouseEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton)
    send(QMouseEvent.Type.MouseButtonRelease, pts[-1], Qt.MouseButton.NoButton)


def stored(editor: ChartEditor):
    return editor.doc.records.open_visit(editor.doc.visit.id)
