"""Referral overlay of a trigger point, turned into linked pain zones in one step."""

from __future__ import annotations

from bodymap.model import PainZone
from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click_region


def test_referral_overlay_becomes_linked_zones_in_one_undo_step(qtbot, editor, atlas):
    rid = "posterior.gluteus_medius.L"
    click_region(qtbot, editor, rid, Tool.TRIGGER_ACTIVE)
    tp = editor.doc.visit.marks[0]
    scene = editor.canvas.scene()
    assert scene.referral is not None and scene.referral.isVisible()
    editor.inspector.show_referral.setChecked(False)
    assert scene.referral is None
    editor.inspector.show_referral.setChecked(True)
    assert editor.inspector.referral_button.isEnabled()
    steps = editor.doc.undo_stack.count()
    editor.inspector.referral_button.click()
    zones = [m for m in editor.doc.visit.marks if isinstance(m, PainZone)]
    assert len(zones) == len(atlas.referral(rid)) >= 1
    assert all(z.source_id == tp.id and z.view == "posterior" for z in zones)
    assert editor.doc.undo_stack.count() == steps + 1
    assert editor.doc.undo_stack.undoText() == "Add pain zone from referral pattern"
    assert editor.doc.visit.pain_extent["posterior"] > 0
    assert editor.canvas.selected_id == zones[0].id
    editor.doc.undo_stack.undo()
    assert editor.doc.visit.marks == [tp] and editor.doc.visit.pain_extent == {}


def test_no_referral_pattern_disables_the_action(qtbot, editor):
    click_region(qtbot, editor, "anterior.biceps_brachii.R", Tool.TRIGGER_ACTIVE)
    assert not editor.inspector.referral_button.isEnabled()
    assert editor.canvas.scene().referral is None
