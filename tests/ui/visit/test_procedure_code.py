"""The procedure code in the visit window: the suggestion follows the needle sites as they
are placed, a code chosen from the list is kept and saved, and signing freezes it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click_region
from tests.ui.visit.test_signing import answer_sign_dialog


def choose(qtbot, combo, text_start: str) -> None:
    """Open the list and click the entry starting with ``text_start``, as a person does."""
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text_start))
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())


def test_suggestion_follows_the_chart_and_a_choice_is_kept(qtbot, records, window):
    panel = window.form.procedure
    assert panel.combo.currentText() == "Suggested: none (no muscle needled)"
    click_region(qtbot, window.chart, "posterior.gastrocnemius.R", Tool.NEEDLE)
    click_region(qtbot, window.chart, "posterior.gastrocnemius.R", Tool.NEEDLE)
    assert panel.combo.currentText().startswith("Suggested: 20560")
    assert "Muscles needled: 1 (gastrocnemius)" in panel.explain.text()
    click_region(qtbot, window.chart, "posterior.biceps_femoris.L", Tool.NEEDLE)
    click_region(qtbot, window.chart, "posterior.soleus.R", Tool.NEEDLE)
    assert panel.combo.currentText().startswith("Suggested: 20561")
    choose(qtbot, panel.combo, "20560")
    assert panel.combo.currentText().startswith("20560 — 1 or 2 muscles")
    assert "differs from the suggestion (20561)" in panel.explain.text()
    window.doc.save_now()
    assert records.open_visit(window.doc.visit.id).procedure_code == "20560"
    # Edit ▸ Undo takes the choice back: the suggestion again
    window.undo_action.trigger()
    assert window.doc.visit.procedure_code is None
    assert panel.combo.currentText().startswith("Suggested: 20561")


def test_signing_stores_the_code_and_the_list_is_locked(qtbot, monkeypatch, records, window):
    panel = window.form.procedure
    for region in ("posterior.gastrocnemius.R", "posterior.biceps_femoris.L",
                   "posterior.soleus.R"):
        click_region(qtbot, window.chart, region, Tool.NEEDLE)
    f = window.form
    f.screening.consent.click()
    f.screening.reviewed.click()
    qtbot.keyClicks(f.soap.notes["subjective"].editor, "Calf pain")
    f.needles.used.edit.clear()
    qtbot.keyClicks(f.needles.used.edit, "3")
    qtbot.keyClicks(f.needles.removed.edit, "3")
    seen: list = []
    answer_sign_dialog(monkeypatch, {}, seen)
    window.sign_action.trigger()
    assert seen[-1].code.text() == ("Procedure code signed with it: <b>CPT 20561 — 3 or more "
                                    "muscles</b> (change it in the form before signing)")
    assert window.doc.visit.signed
    assert records.open_visit(window.doc.visit.id).procedure_code == "20561"
    assert not panel.combo.isEnabled()
    assert panel.combo.currentText().startswith("20561 — 3 or more muscles")
    assert panel.explain.text() == "Stored when the visit was signed."
