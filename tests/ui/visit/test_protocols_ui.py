"""Protocols from the visit window's Chart menu: save a chart's marks under a name, apply
them to another visit as one undo step, and export and import them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog

from bodymap.model import NeedleSite, TriggerPoint
from bodymap.ui.chart import Tool
from bodymap.ui.protocols import ProtocolsDialog, SaveProtocolDialog
from tests.ui.chart.conftest import click_region


def save_as(qtbot, monkeypatch, window, name: str, *, view_only: bool = False) -> None:
    def fill(dialog: SaveProtocolDialog) -> int:
        qtbot.keyClicks(dialog.name, name)
        if view_only:
            dialog.view_marks.click()
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(SaveProtocolDialog, "exec", fill)
    window.protocols.save_action.trigger()


def apply_from_menu(window, name: str) -> None:
    """Chart > Apply protocol > ``name``, the submenu filled as it opens."""
    menu = window.protocols.apply_menu
    menu.popup(QPoint(0, 0))
    action = next(a for a in menu.actions() if a.text().startswith(name.replace("&", "&&")))
    menu.close()
    action.trigger()


def test_save_then_apply_to_another_visit_in_one_step(qtbot, monkeypatch, records, settings,
                                                       patient, open_window):
    first = open_window()
    click_region(qtbot, first.chart, "posterior.quadratus_lumborum.L", Tool.NEEDLE)
    click_region(qtbot, first.chart, "posterior.gluteus_medius.R", Tool.NEEDLE)
    click_region(qtbot, first.chart, "posterior.gluteus_medius.R", Tool.TRIGGER_ACTIVE)
    save_as(qtbot, monkeypatch, first, "Low back: QL, gluteus medius")
    assert "Saved protocol “Low back: QL, gluteus medius”" in first.statusBar().currentMessage()
    first.close()

    second = open_window()
    assert second.doc.visit.marks == []
    apply_from_menu(second, "Low back: QL, gluteus medius")
    marks = second.doc.visit.marks
    assert [m.kind for m in marks] == ["needle_site", "needle_site", "trigger_point"]
    assert {(m.muscle, m.side.value) for m in marks if isinstance(m, NeedleSite)} == \
        {("quadratus_lumborum", "L"), ("gluteus_medius", "R")}
    assert all(m.depth_mm is None for m in marks if isinstance(m, NeedleSite))
    assert second.doc.visit.needles_used == 2  # the count follows the chart
    assert "Applied “Low back: QL, gluteus medius”: 3 marks" in \
        second.statusBar().currentMessage()
    second.undo_action.trigger()  # one step takes the whole protocol back
    assert second.doc.visit.marks == []
    second.redo_action.trigger()
    assert isinstance(second.doc.visit.marks[2], TriggerPoint)
    second.doc.save_now()
    assert len(records.open_visit(second.doc.visit.id).marks) == 3


def test_nothing_to_save_and_export_import(qtbot, monkeypatch, settings, window,
                                           tmp_path: Path):
    seen: list[SaveProtocolDialog] = []

    def look(dialog: SaveProtocolDialog) -> int:
        seen.append(dialog)
        qtbot.keyClicks(dialog.name, "Empty")
        return 0

    monkeypatch.setattr(SaveProtocolDialog, "exec", look)
    window.protocols.save_action.trigger()
    assert not seen[-1].save_button.isEnabled()
    assert "at least one" in seen[-1].summary.text()

    click_region(qtbot, window.chart, "posterior.upper_trapezius.R", Tool.NEEDLE)
    save_as(qtbot, monkeypatch, window, "Neck")
    dialog = ProtocolsDialog(window.protocols.store, settings, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.list.item(0).text() == "Neck\n    1 needle site"
    out = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.findChild(type(dialog.delete_button), "protocolExport").click()
    assert out.exists() and oct(out.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    dialog.findChild(type(dialog.delete_button), "protocolImport").click()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == \
        ["Neck\n    1 needle site", "Neck (2)\n    1 needle site"]
    assert "kept beside yours of the same name: “Neck” as “Neck (2)”" in dialog.message.text()
    dialog.list.setCurrentRow(1)
    dialog.delete_button.click()
    assert dialog.list.count() == 1
