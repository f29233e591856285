"""The inspector's fields stay where they are: messages (errors, cautions) have a place of
their own that never moves, resizes or widens a field."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

from bodymap.ui.chart import Tool
from tests.ui.chart.conftest import click_region

FIELDS = ("muscle", "side", "length", "diameter", "depth", "count", "technique", "dwell",
          "freq", "intensity_ma", "duration", "ltr", "ltr_count", "response", "note",
          "tp_kind", "tenderness")


def field_rects(ins) -> dict[str, QRect]:
    """Where every visible field of the inspector is, in the inspector's own coordinates."""
    rects = {}
    for name in FIELDS:
        w = getattr(ins, name)
        if w.isVisibleTo(ins):
            rects[name] = QRect(w.mapTo(ins, QPoint(0, 0)), w.size())
    assert "muscle" in rects
    return rects


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_an_error_appearing_and_going_moves_no_field(qtbot, editor):
    click_region(qtbot, editor, "posterior.quadratus_lumborum.L", Tool.NEEDLE)
    ins = editor.inspector
    type_into(qtbot, ins.length, "30")
    qtbot.wait(20)
    before = field_rects(ins)
    assert ins.caution.isVisibleTo(ins)  # a hazard region: the caution is shown too

    type_into(qtbot, ins.depth, "40")  # deeper than a 30 mm needle: refused
    assert "cannot exceed" in ins.error.text() and ins.error.isVisibleTo(ins)
    qtbot.wait(20)
    assert field_rects(ins) == before

    type_into(qtbot, ins.length, "60")  # the error goes
    type_into(qtbot, ins.depth, "40")
    assert not ins.error.isVisibleTo(ins) or not ins.error.text()
    qtbot.wait(20)
    assert field_rects(ins) == before
    assert editor.doc.visit.marks[0].depth_mm == 40
    assert editor.doc.visit.marks[0].needle_count == 1


def test_a_long_refusal_neither_moves_nor_narrows_the_fields(qtbot, make_editor):
    editor = make_editor(implant=True)
    click_region(qtbot, editor, "posterior.gluteus_medius.R", Tool.NEEDLE)
    ins = editor.inspector
    qtbot.wait(20)
    before = field_rects(ins)
    width = ins.width()
    from bodymap.model import Technique

    ins.technique.put(Technique.ESTIM)  # refused for a pacemaker, with a long reason
    assert "refused" in ins.error.text()
    qtbot.wait(20)
    assert field_rects(ins) == before and ins.width() == width
    assert ins.messages.verticalScrollBar().maximum() >= 0  # all of it can be read


def test_a_caution_moves_no_field_between_marks(qtbot, editor):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    qtbot.wait(20)
    plain = field_rects(ins)
    assert not ins.caution.isVisibleTo(ins)
    click_region(qtbot, editor, "anterior.pectoralis_major.L", Tool.NEEDLE)
    assert ins.caution.isVisibleTo(ins)
    qtbot.wait(20)
    assert field_rects(ins) == plain


def test_number_fields_take_their_limits_from_the_core(qtbot, editor):
    from bodymap.model import NeedleSite, ValidationError
    from bodymap.model.marks import LIMITS

    ins = editor.inspector
    for name, box in (("needle_length_mm", ins.length), ("depth_mm", ins.depth),
                      ("needle_count", ins.count), ("dwell_min", ins.dwell),
                      ("frequency_hz", ins.freq), ("intensity_ma", ins.intensity_ma),
                      ("duration_min", ins.duration), ("ltr_count", ins.ltr_count)):
        hi = LIMITS[name][1]
        assert box.maximum() == hi and f"{hi:g}" in box.toolTip(), name
    # and the core refuses what lies beyond, saying the limit
    try:
        NeedleSite(view="posterior", x=1, y=1, needle_length_mm=LIMITS["needle_length_mm"][1] + 1)
    except ValidationError as exc:
        assert f"at most {LIMITS['needle_length_mm'][1]:g}" in exc.message
    else:
        raise AssertionError("a needle longer than the limit was accepted")
