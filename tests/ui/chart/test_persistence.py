"""Autosave within 500 ms, reopening shows the same chart, signed visits are read-only."""

from __future__ import annotations

from bodymap.model import SignRequirement
from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click, click_region, drag, stored


def test_a_placed_mark_is_committed_within_500_ms(qtbot, editor, atlas):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.TRIGGER_ACTIVE)
    mark = editor.doc.visit.marks[0]
    qtbot.waitUntil(lambda: [m.id for m in stored(editor).marks] == [mark.id], timeout=500)


def test_reopening_the_visit_shows_the_same_chart(qtbot, editor, make_editor, atlas):
    click_region(qtbot, editor, "anterior.pectoralis_major.L", Tool.NEEDLE)
    editor.inspector.depth.setValue(15)
    click_region(qtbot, editor, "posterior.gluteus_medius.L", Tool.TRIGGER_LATENT)
    editor.inspector.referral_button.click()
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.TEXT)
    editor.set_tool(Tool.ZONE_LASSO)
    drag(editor, [(330, 600), (380, 600), (380, 650), (330, 650), (330, 601)])
    # undo and redo the last two edits before leaving
    editor.doc.undo_stack.undo()
    editor.doc.undo_stack.undo()
    editor.doc.undo_stack.redo()
    editor.doc.undo_stack.redo()
    assert editor.doc.save_now()
    marks = list(editor.doc.visit.marks)
    again = make_editor(visit_id=editor.doc.visit.id)
    assert again.doc.visit.marks == marks
    assert again.doc.visit.pain_extent == editor.doc.visit.pain_extent != {}
    for m in marks:
        item = again.canvas.item(m.id)
        assert item is not None and item.mark == m
    assert again.legend.extent.text() == editor.legend.extent.text()


def test_a_signed_visit_opens_read_only(qtbot, editor, make_editor, records):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.TRIGGER_ACTIVE)
    editor.doc.sign(overrides={r: "test" for r in SignRequirement})
    assert editor.banner.isVisible() and "read-only" in editor.banner.text()
    ro = make_editor(visit_id=editor.doc.visit.id)
    assert ro.banner.isVisible()
    assert "Signed by Test Clinician, PT on" in ro.banner.text()
    assert "Corrections are addenda" in ro.banner.text()
    assert [a.isEnabled() for a in ro.tool_actions] == [True] + [False] * 7
    ro.set_tool(Tool.NEEDLE)
    assert ro.tool is Tool.SELECT
    mark = ro.doc.visit.marks[0]
    click(qtbot, ro, mark.x + 30, mark.y)
    click(qtbot, ro, mark.x, mark.y)
    assert ro.canvas.selected_id == mark.id  # details can still be read
    assert not ro.inspector.form.isEnabled()
    ro.delete_action.trigger()
    assert ro.doc.visit.marks == [mark] and ro.doc.undo_stack.count() == 0


def test_a_chart_opens_on_the_view_that_holds_its_marks(qtbot, records):
    from bodymap.atlas import load_atlas
    from bodymap.model import TriggerPoint, add_mark
    from bodymap.ui.chart import ChartEditor
    from bodymap.ui.document import VisitDocument

    atlas = load_atlas()
    region = atlas.region("posterior.gluteus_medius.R")
    patient = records.create_patient(chart_number="V-1", family_name="Back")
    visit = records.start_visit(patient.id)
    add_mark(visit, TriggerPoint(view="posterior", x=region.anchor[0], y=region.anchor[1],
                                 region_id=region.id, muscle=region.muscle, side=region.side))
    records.save_visit(visit)
    editor = ChartEditor(VisitDocument(records, patient, records.open_visit(visit.id)), atlas)
    qtbot.addWidget(editor)
    assert editor.canvas.view_id == "posterior"
    assert editor.tabs.tabData(editor.tabs.currentIndex()) == "posterior"
