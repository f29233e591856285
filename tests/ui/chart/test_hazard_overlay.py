"""Hazard zones by location on the chart: shaded before anything is placed, asked at the
needle's point for the caution and the depth, a depth beyond a zone's guidance confirmed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click_region


def test_the_overlay_shades_the_zones_on_every_view_and_follows_the_view(qtbot, editor):
    editor.set_view("posterior")
    assert editor.canvas.scene().hazards is None
    editor.hazard_action.trigger()  # Chart > Hazard zones (Shift+H)
    back = editor.canvas.scene().hazards
    assert back is not None
    tips = {child.toolTip() for child in back.childItems()}
    assert any(t.startswith("Kidney") for t in tips)
    assert any(t.startswith("Spinal canal") for t in tips)
    editor.set_view("anterior")
    assert editor.canvas.scene().hazards is not None
    editor.hazard_action.trigger()
    assert editor.canvas.scene().hazards is None


def test_the_caution_comes_from_the_zone_under_the_needle(qtbot, editor):
    # L4 paraspinals: below the 12th rib, not over the lung: no caution, no depth required
    click_region(qtbot, editor, "posterior.multifidi.L", Tool.NEEDLE)
    ins = editor.inspector
    assert not ins.caution.isVisibleTo(ins)
    assert ins.depth_label.text() == "Depth"
    # rhomboid major: the pleura within about 19 mm
    click_region(qtbot, editor, "posterior.rhomboid_major.R", Tool.NEEDLE)
    assert ins.caution.isVisibleTo(ins)
    assert "may lie within 19 mm" in ins.caution.text() and "(thorax)" in ins.caution.text()


def test_a_depth_beyond_the_guidance_is_confirmed(qtbot, monkeypatch, editor):
    click_region(qtbot, editor, "posterior.rhomboid_major.R", Tool.NEEDLE)
    ins = editor.inspector
    ins.length.setValue(40)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answer)
    ins.depth.setValue(25)
    assert asked and "25 mm is deeper than the 19 mm" in asked[-1]
    assert editor.doc.visit.marks[0].depth_mm is None  # not kept
    answer = QMessageBox.StandardButton.Yes
    ins.depth.setValue(25)
    assert editor.doc.visit.marks[0].depth_mm == 25
    asked.clear()
    ins.depth.setValue(15)  # within the guidance: nothing asked
    assert asked == [] and editor.doc.visit.marks[0].depth_mm == 15
