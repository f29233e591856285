"""The canvas: views, zoom, hover naming, placing marks by clicking, drag, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from bodymap.model import NeedleSite, PainZone, Side, TextNote, TriggerPoint, TriggerPointKind
from bodymap.services.chart_checks import is_incomplete
from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click, click_region, drag, stored, view_pos


def test_every_atlas_view_has_a_tab_and_switching_shows_its_diagram(editor, atlas):
    assert editor.tabs.count() == len(atlas.views)
    editor.tabs.setCurrentIndex(1)
    assert editor.canvas.view_id == atlas.views[1].id
    assert editor.canvas.scene().sceneRect().width() == atlas.views[1].width
    # fitted: the whole diagram is inside the viewport
    shown = editor.canvas.mapToScene(editor.canvas.viewport().rect()).boundingRect()
    assert shown.contains(editor.canvas.scene().sceneRect())


def test_zoom_by_wheel_and_keys_then_fit(qtbot, editor):
    canvas = editor.canvas
    fitted = canvas.zoom()
    vp = canvas.viewport()
    centre = QPointF(vp.rect().center())
    wheel = QWheelEvent(centre, vp.mapToGlobal(centre), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, wheel)
    assert canvas.zoom() == pytest.approx(fitted * 1.44)
    editor.zoom_in_action.trigger()
    assert canvas.zoom() == pytest.approx(fitted * 1.8)
    editor.fit_action.trigger()
    assert canvas.zoom() == pytest.approx(fitted)


def test_hovering_names_the_muscle_and_side_and_highlights_it(qtbot, editor, atlas):
    region = atlas.region("anterior.pectoralis_major.L")
    with qtbot.waitSignal(editor.status_message) as sig:
        qtbot.mouseMove(editor.canvas.viewport(), view_pos(editor, *region.anchor))
    assert sig.args == ["Pectoralis major (left)"]
    assert editor.canvas.scene().hover is not None
    assert editor.hover_label.text() == "Pectoralis major (left)"


@pytest.mark.parametrize("tool, cls", [(Tool.TRIGGER_ACTIVE, TriggerPoint),
                                       (Tool.TRIGGER_LATENT, TriggerPoint),
                                       (Tool.NEEDLE, NeedleSite), (Tool.TEXT, TextNote)])
def test_clicking_places_a_mark_with_the_atlas_muscle_and_side(qtbot, editor, atlas, tool, cls):
    region = atlas.region("posterior.gluteus_medius.R")
    click_region(qtbot, editor, region.id, tool)
    (mark,) = editor.doc.visit.marks
    assert isinstance(mark, cls)
    assert (mark.view, mark.region_id, mark.muscle, mark.side) == \
        ("posterior", region.id, "gluteus_medius", Side.RIGHT)
    assert mark.x == pytest.approx(region.anchor[0], abs=1.5 / editor.canvas.zoom())
    assert mark.y == pytest.approx(region.anchor[1], abs=1.5 / editor.canvas.zoom())
    if tool is Tool.TRIGGER_LATENT:
        assert mark.tp_kind is TriggerPointKind.LATENT
    assert editor.canvas.item(mark.id) is not None
    assert editor.canvas.selected_id == mark.id  # the inspector shows the new mark
    assert editor.doc.undo_stack.undoText().startswith("Add ")


def test_the_same_diagram_point_is_stored_at_any_zoom(qtbot, editor, atlas):
    x, y = atlas.region("anterior.rectus_femoris.L").anchor
    click(qtbot, editor, x, y, Tool.TRIGGER_ACTIVE)
    editor.canvas.zoom_by(3.0)
    editor.canvas.centerOn(x, y)
    click(qtbot, editor, x, y)
    a, b = editor.doc.visit.marks
    assert abs(a.x - b.x) < 1.5 and abs(a.y - b.y) < 1.5
    assert a.side is b.side is Side.LEFT


def test_a_drag_moves_a_mark_in_one_undo_step(qtbot, editor, atlas):
    x, y = atlas.region("anterior.rectus_femoris.L").anchor
    click(qtbot, editor, x, y, Tool.TRIGGER_ACTIVE)
    mark = editor.doc.visit.marks[0]
    editor.set_tool(Tool.SELECT)
    count = editor.doc.undo_stack.count()
    drag(editor, [(mark.x, mark.y), (mark.x + 5, mark.y + 3), (mark.x + 10, mark.y + 20)])
    moved = editor.doc.visit.mark(mark.id)
    assert editor.doc.undo_stack.count() == count + 1
    assert editor.doc.undo_stack.undoText() == "Move trigger point"
    assert moved.y - mark.y == pytest.approx(20, abs=2)
    editor.doc.undo_stack.undo()
    assert editor.doc.visit.mark(mark.id).anchor == mark.anchor
    assert editor.canvas.item(mark.id).pos() == QPointF(*mark.anchor)


def test_delete_tool_and_delete_key_and_undo(qtbot, editor, atlas):
    for rid in ("anterior.rectus_femoris.L", "anterior.biceps_brachii.R"):
        click_region(qtbot, editor, rid, Tool.NEEDLE)
    first, second = editor.doc.visit.marks
    click(qtbot, editor, first.x, first.y, Tool.DELETE)
    assert [m.id for m in editor.doc.visit.marks] == [second.id]
    assert editor.doc.undo_stack.undoText() == "Delete needle site"
    editor.set_tool(Tool.SELECT)
    click(qtbot, editor, second.x, second.y)
    assert editor.canvas.selected_id == second.id
    editor.delete_action.trigger()
    assert editor.doc.visit.marks == []
    editor.doc.undo_stack.undo()
    editor.doc.undo_stack.undo()
    assert [m.id for m in editor.doc.visit.marks] == [first.id, second.id]
    assert all(editor.canvas.item(m.id) for m in (first, second))


def test_lasso_and_brush_draw_pain_zones_and_extent_is_live_and_stored(qtbot, editor, atlas):
    editor.set_view("posterior")
    editor.set_tool(Tool.ZONE_LASSO)
    drag(editor, [(250, 420), (300, 420), (300, 480), (250, 480), (250, 421)])
    (zone,) = editor.doc.visit.marks
    assert isinstance(zone, PainZone) and len(zone.points) >= 4
    assert editor.doc.undo_stack.undoText() == "Add pain zone"
    assert "Posterior" in editor.legend.extent.text()
    extent = editor.doc.visit.pain_extent
    assert extent["posterior"] == pytest.approx(100 * 3000 / atlas.silhouette_area("posterior"),
                                                rel=0.05)
    editor.set_tool(Tool.ZONE_BRUSH)
    drag(editor, [(200, 700), (205, 720), (210, 740)])
    brush = editor.doc.visit.marks[-1]
    assert isinstance(brush, PainZone) and brush.id != zone.id
    qtbot.waitUntil(lambda: stored(editor).pain_extent == editor.doc.visit.pain_extent,
                    timeout=1000)
    editor.doc.undo_stack.undo()
    editor.doc.undo_stack.undo()
    assert editor.doc.visit.marks == [] and editor.doc.visit.pain_extent == {}
    assert editor.legend.extent.text() == "Pain extent: no pain zones drawn."


def test_a_click_with_the_zone_tool_draws_nothing(qtbot, editor):
    click(qtbot, editor, 300, 400, Tool.ZONE_LASSO)
    assert editor.doc.visit.marks == []


def test_a_placed_mark_is_painted_where_it_was_clicked(qtbot, editor, atlas):
    region = atlas.region("anterior.rectus_femoris.L")
    editor.set_view(region.view)
    spot = view_pos(editor, *region.anchor)
    far = view_pos(editor, *atlas.region("anterior.rectus_femoris.R").anchor)

    def pixels(image, centre):
        return [image.pixel(centre.x() + dx, centre.y() + dy)
                for dx in range(-6, 7, 2) for dy in range(-6, 7, 2)]

    before = editor.canvas.viewport().grab().toImage()
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.TRIGGER_ACTIVE)
    after = editor.canvas.viewport().grab().toImage()
    changed = sum(a != b for a, b in zip(pixels(before, spot), pixels(after, spot)))
    assert changed >= 20  # of 49 samples within 6 px of the click: the marker is drawn
    assert pixels(before, far) == pixels(after, far)  # and nothing on the other thigh


def test_a_zone_lassoed_round_the_arm_is_named_by_the_muscles_under_it(qtbot, editor, atlas):
    x0, y0, x1, y1 = atlas.region("anterior.biceps_brachii.R").bbox
    editor.set_tool(Tool.ZONE_LASSO)
    drag(editor, [(x0 - 6, y0), (x1 + 6, y0), (x1 + 6, y1), (x0 - 6, y1), (x0 - 6, y0 + 1)])
    (zone,) = editor.doc.visit.marks
    assert isinstance(zone, PainZone)
    assert zone.side == Side.RIGHT and zone.muscle is not None
    assert zone.region_id == f"anterior.{zone.muscle}.R"


def test_a_mark_dragged_to_another_muscle_takes_its_muscle_and_side(qtbot, editor, atlas):
    """A needle dragged from the patient's left pectoralis to the right must not stay
    'left' (a wrong-side record), and one dragged onto the thorax must get its caution."""
    x, y = atlas.region("anterior.pectoralis_major.L").anchor
    click(qtbot, editor, x, y, Tool.NEEDLE)
    site = editor.doc.visit.marks[0]
    editor.set_tool(Tool.SELECT)
    rx, ry = atlas.region("anterior.pectoralis_major.R").anchor
    drag(editor, [(x, y), ((x + rx) / 2, (y + ry) / 2), (rx, ry)])
    moved = editor.doc.visit.mark(site.id)
    assert (moved.region_id, moved.muscle, moved.side) == (
        "anterior.pectoralis_major.R", "pectoralis_major", Side.RIGHT)
    editor.doc.undo_stack.undo()  # position and labels come back together
    back = editor.doc.visit.mark(site.id)
    assert (back.anchor, back.side, back.region_id) == (site.anchor, Side.LEFT, site.region_id)
    # off the thorax onto it: the site now needs a depth before signing
    bx, by = atlas.region("anterior.biceps_brachii.L").anchor
    click(qtbot, editor, bx, by, Tool.NEEDLE)
    arm = editor.doc.visit.marks[-1]
    assert not is_incomplete(arm, atlas)
    editor.set_tool(Tool.SELECT)
    drag(editor, [(bx, by), ((bx + x) / 2, (by + y) / 2), (x + 2, y + 2)])
    onto = editor.doc.visit.mark(arm.id)
    assert onto.muscle == "pectoralis_major" and is_incomplete(onto, atlas)


def test_a_nudge_within_the_muscle_keeps_a_hand_corrected_label(qtbot, editor, atlas):
    x, y = atlas.region("anterior.rectus_femoris.L").anchor
    click(qtbot, editor, x, y, Tool.TRIGGER_ACTIVE)
    mark = editor.doc.visit.marks[0]
    editor.inspector.muscle.put("vastus_medialis")  # the clinician knows better here
    corrected = editor.doc.visit.mark(mark.id)
    assert corrected.region_id == "anterior.vastus_medialis.L"
    editor.set_tool(Tool.SELECT)
    drag(editor, [(x, y), (x + 1, y + 1), (x + 2, y + 2)])
    nudged = editor.doc.visit.mark(mark.id)
    assert nudged.anchor != corrected.anchor
    assert (nudged.muscle, nudged.region_id) == (corrected.muscle, corrected.region_id)


def test_a_mark_cannot_be_dragged_off_its_diagram(qtbot, editor, atlas):
    x, y = atlas.region("anterior.rectus_femoris.L").anchor
    click(qtbot, editor, x, y, Tool.TRIGGER_ACTIVE)
    mark = editor.doc.visit.marks[0]
    editor.set_tool(Tool.SELECT)
    drag(editor, [(x, y), (x, y - 500), (x, -300)])
    moved = editor.doc.visit.mark(mark.id)
    view = atlas.view("anterior")
    assert 0 <= moved.y <= view.height and 0 <= moved.x <= view.width


def test_needles_and_trigger_points_go_on_the_body_text_notes_anywhere(qtbot, editor, atlas):
    messages: list[str] = []
    editor.controller.on_message = messages.append
    view = atlas.view("anterior")
    corner = (8.0, view.height - 8.0)  # on the diagram, beside the body
    assert not atlas.on_body("anterior", *corner)
    for tool in (Tool.NEEDLE, Tool.TRIGGER_ACTIVE):
        click(qtbot, editor, *corner, tool)
    assert editor.doc.visit.marks == []
    assert messages[-2:] == ["Click on the body to place a needle site.",
                             "Click on the body to place a trigger point."]
    click(qtbot, editor, *corner, Tool.TEXT)
    assert [m.kind for m in editor.doc.visit.marks] == ["text_note"]


def test_each_view_shows_the_patients_sides_on_screen(qtbot, editor):
    texts = {}
    for view in ("anterior", "posterior", "left_lateral"):
        editor.set_view(view)
        scene = editor.canvas.scene()
        texts[view] = [(round(i.pos().x()), i.text()) for i in scene.side_labels]
    assert [t for _, t in sorted(texts["anterior"])] == ["R", "L"]
    assert [t for _, t in sorted(texts["posterior"])] == ["L", "R"]
    assert [t for _, t in texts["left_lateral"]] == ["Patient's left side"]


def test_a_needle_dragged_off_the_body_goes_back(qtbot, editor, atlas):
    messages: list[str] = []
    editor.controller.on_message = messages.append
    x, y = atlas.region("anterior.rectus_femoris.L").anchor
    click(qtbot, editor, x, y, Tool.NEEDLE)
    site = editor.doc.visit.marks[0]
    editor.set_tool(Tool.SELECT)
    view = atlas.view("anterior")
    drag(editor, [(x, y), (x + 100, y), (view.width - 8, view.height - 8)])
    assert editor.doc.visit.mark(site.id) == site  # not moved, not relabelled
    assert "Drag onto the body" in messages[-1]
    assert editor.canvas.item(site.id).pos() == QPointF(*site.anchor)
