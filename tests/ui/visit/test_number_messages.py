"""A refused number says the field's limits, as the core states them, whatever was typed
(a negative number, a typographic minus, letters, a decimal)."""

from __future__ import annotations

import pytest

from bodymap.model.visit import MAX_NEEDLES


@pytest.mark.parametrize("typed", ["-3", "\u22123", "11", "x", "2.5", "²"])
def test_nprs_after_says_its_range(qtbot, window, typed):
    field = window.form.outcomes.nprs_after
    if typed.isascii():
        qtbot.keyClicks(field.edit, typed)
    else:  # as an input method or a paste enters it
        field.edit.insert(typed)
    message = field.error.text()
    assert field.error.isVisibleTo(window.form)
    assert "NPRS after treatment must be" in message and "0-10" in message, message
    assert "Not saved" in message
    assert window.doc.visit.nprs_after is None


@pytest.mark.parametrize("typed", ["-2", "x"])
def test_needle_counts_say_their_range(qtbot, window, typed):
    for field, label in ((window.form.needles.used, "Needles used"),
                         (window.form.needles.removed, "Needles removed")):
        qtbot.keyClicks(field.edit, typed)
        assert f"{label} must be" in field.error.text()
        assert f"0-{MAX_NEEDLES}" in field.error.text()


def test_a_whole_number_in_range_is_saved_and_clears_the_message(qtbot, window):
    field = window.form.outcomes.nprs_after
    qtbot.keyClicks(field.edit, "-3")
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "3")
    assert not field.error.isVisibleTo(window.form)
    assert window.doc.visit.nprs_after == 3
