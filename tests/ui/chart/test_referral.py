"""A trigger point's referral pattern on the chart: shown on every view it covers, said
where it continues, and charted as linked pain zones (every view) in one undo step."""

from __future__ import annotations

from bodymap.atlas.referral import ESSENTIAL, pattern_for
from bodymap.model import PainZone
from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click_region


def test_the_pattern_is_shown_on_every_view_it_covers(qtbot, editor, atlas):
    # infraspinatus: charted on the back, refers to the front of the shoulder and arm
    click_region(qtbot, editor, "posterior.infraspinatus.L", Tool.TRIGGER_ACTIVE)
    scene = editor.canvas.scene()
    assert scene.referral is None  # not on the click's path: it follows as the pointer rests
    qtbot.waitUntil(lambda: scene.referral is not None, timeout=1000)  # x, spillover
    note = editor.referral.label
    assert note.isVisibleTo(editor)
    assert note.text().startswith("Referral of the left infraspinatus:")
    assert "Continues on: Front · " in note.text()
    editor.set_view("anterior")
    front = editor.canvas.scene()
    assert front.referral is not None  # the essential zone, on the front of the shoulder
    resolved = pattern_for(atlas, "infraspinatus", "L")
    deltoid = atlas.region("anterior.deltoid_anterior.L")
    assert resolved.covers("anterior", *deltoid.anchor) == ESSENTIAL
    editor.inspector.show_referral.setChecked(False)
    assert front.referral is None and not note.isVisibleTo(editor)
    editor.inspector.show_referral.setChecked(True)
    assert front.referral is not None


def test_charting_the_referral_makes_linked_zones_on_every_view_in_one_step(qtbot, editor,
                                                                            atlas):
    click_region(qtbot, editor, "posterior.infraspinatus.L", Tool.TRIGGER_ACTIVE)
    tp = editor.doc.visit.marks[0]
    steps = editor.doc.undo_stack.count()
    editor.inspector.referral_button.click()
    zones = [m for m in editor.doc.visit.marks if isinstance(m, PainZone)]
    resolved = pattern_for(atlas, "infraspinatus", "L")
    expected = sum(len(z.get(ESSENTIAL, [])) for z in resolved.zones.values())
    assert len(zones) == expected >= 2
    assert all(z.source_id == tp.id for z in zones)
    assert {z.view for z in zones} >= {"anterior"}
    assert all(z.side is None or z.side.value == "L" for z in zones)
    assert editor.doc.undo_stack.count() == steps + 1
    assert editor.doc.undo_stack.undoText() == "Add pain zone from referral pattern"
    assert editor.doc.visit.pain_extent["anterior"] > 0
    editor.doc.undo_stack.undo()
    assert editor.doc.visit.marks == [tp] and editor.doc.visit.pain_extent == {}


def test_no_referral_pattern_disables_the_action(qtbot, editor):
    click_region(qtbot, editor, "anterior.pectineus.R", Tool.TRIGGER_ACTIVE)
    assert not editor.inspector.referral_button.isEnabled()
    qtbot.wait(250)  # longer than the pattern's delay
    assert editor.canvas.scene().referral is None
    assert not editor.referral.label.isVisibleTo(editor)


def test_what_refers_here_at_a_clicked_spot_places_the_chosen_culprit(qtbot, editor, atlas):
    from PySide6.QtCore import Qt

    from tests.ui.chart.conftest import view_pos

    editor.set_view("posterior")
    editor.culprits.action.trigger()  # Chart > What refers here? (Shift+W)
    psis = atlas.landmarks["posterior"]["psis.L"]
    qtbot.mouseClick(editor.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_pos(editor, *psis))
    assert editor.doc.visit.marks == []  # the click asked; it charted nothing
    menu = editor.culprits.menu
    entries = [a for a in menu.actions() if a.isEnabled()]
    assert entries[0].text().startswith("Quadratus lumborum (left): essential zone")
    entries[0].hover()  # pointing at it shows its pattern and typical trigger points
    assert editor.canvas.scene().referral is not None
    entries[0].trigger()
    menu.close()
    (tp,) = editor.doc.visit.marks
    assert (tp.muscle, tp.side.value, tp.tp_kind.value) == ("quadratus_lumborum", "L", "active")
    assert atlas.region_at(tp.view, tp.x, tp.y).muscle == "quadratus_lumborum"
    assert editor.canvas.selected_id == tp.id
    qtbot.waitUntil(lambda: editor.referral.label.text().startswith(
        "Referral of the left quadratus lumborum"), timeout=1000)


def test_what_refers_here_for_a_selected_pain_zone(qtbot, editor, atlas):
    from tests.ui.chart.conftest import drag

    editor.set_view("anterior")
    x, y = atlas.region("anterior.deltoid_anterior.L").anchor
    editor.set_tool(Tool.ZONE_LASSO)
    drag(editor, [(x - 6, y - 6), (x + 6, y - 6), (x + 6, y + 6), (x - 6, y + 6),
                  (x - 6, y - 5)])
    zone = next(m for m in editor.doc.visit.marks if isinstance(m, PainZone))
    editor.canvas.select(zone.id)
    editor.inspector.culprits_button.click()
    names = [a.text() for a in editor.culprits.menu.actions()]
    editor.culprits.menu.close()
    assert names[0].startswith("Infraspinatus (left): essential zone")
    assert any(n.startswith("Biceps brachii (left)") for n in names[:5])
