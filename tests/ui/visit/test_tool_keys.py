"""Tool letters in the visit window: a click on a tool gives the chart the keyboard, a tool
letter switches tools wherever the focus is not in a text entry, and a letter typed into a
text entry is text there."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from bodymap.ui.chart import Tool


def focus_window(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def press(qtbot, key: Qt.Key) -> None:
    """A key press as the keyboard sends it: to the widget that has the focus."""
    qtbot.keyClick(QApplication.focusWidget(), key)


def tool_button(window, tool: Tool):
    action = next(a for a in window.chart.tool_actions if a.data() is tool)
    return window.chart.toolbar.widgetForAction(action)


def test_a_tool_letter_after_clicking_a_tool_does_not_land_in_the_note(qtbot, window):
    focus_window(qtbot, window)
    note = window.form.soap.notes["subjective"].editor
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Neck pain")
    assert note.hasFocus()

    qtbot.mouseClick(tool_button(window, Tool.SELECT), Qt.MouseButton.LeftButton)
    assert window.chart.canvas.hasFocus()  # the click gave the chart the keyboard
    press(qtbot, Qt.Key.Key_T)

    assert note.toPlainText() == "Neck pain"
    assert window.chart.tool is Tool.TRIGGER_ACTIVE
    qtbot.waitUntil(lambda: not window.doc.has_unsaved_changes, timeout=2000)
    assert window.doc.visit.subjective == "Neck pain"


def test_tool_letters_work_outside_text_entries(qtbot, window):
    focus_window(qtbot, window)
    consent = window.form.screening.consent
    qtbot.mouseClick(consent, Qt.MouseButton.LeftButton)
    consent.setFocus()  # a check box clicked keeps the focus, as with a mouse
    assert consent.hasFocus()
    press(qtbot, Qt.Key.Key_N)
    assert window.chart.tool is Tool.NEEDLE
    window.chart.tabs.setFocus()
    press(qtbot, Qt.Key.Key_L)
    assert window.chart.tool is Tool.TRIGGER_LATENT


def test_letters_typed_into_text_entries_are_text(qtbot, window):
    focus_window(qtbot, window)
    note = window.form.soap.notes["objective"].editor
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    for key in (Qt.Key.Key_T, Qt.Key.Key_N, Qt.Key.Key_V):
        press(qtbot, key)
    assert note.toPlainText() == "tnv"
    assert window.chart.tool is Tool.SELECT
    clinician = window.form.header.clinician
    clinician.setFocus()
    clinician.end(False)
    press(qtbot, Qt.Key.Key_Z)
    assert clinician.text().endswith("z")
    assert window.chart.tool is Tool.SELECT


def test_a_click_on_the_chart_takes_the_keyboard_from_the_note(qtbot, window):
    focus_window(qtbot, window)
    note = window.form.soap.notes["plan"].editor
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Weekly")
    canvas = window.chart.canvas
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.viewport().rect().topLeft() + QPoint(5, 5))
    press(qtbot, Qt.Key.Key_N)
    assert note.toPlainText() == "Weekly"
    assert window.chart.tool is Tool.NEEDLE
