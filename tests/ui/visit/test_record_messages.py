"""Messages in the visit record have a fixed place: an impossible entry is refused with a
message that neither widens the record (no sideways scrolling) nor moves a field."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt


def field_rects(form) -> list[QRect]:
    fields = [form.header.clinician, form.soap.notes["plan"].editor,
              form.outcomes.nprs_before.edit, form.outcomes.nprs_after.edit, form.outcomes.ppt,
              form.outcomes.rom, form.needles.used.edit, form.needles.removed.edit,
              form.needles.fill, form.events.notes]
    return [QRect(w.mapTo(form, QPoint(0, 0)), w.size()) for w in fields]


def test_record_errors_neither_widen_the_record_nor_move_a_field(qtbot, window):
    form = window.form
    scroll = window.form_dock.widget()
    qtbot.wait(20)
    before, width = field_rects(form), form.width()
    assert width <= scroll.viewport().width()

    qtbot.keyClicks(form.outcomes.nprs_before.edit, "11")
    qtbot.keyClicks(form.outcomes.nprs_after.edit, "-3")
    qtbot.keyClicks(form.needles.used.edit, "-2")
    qtbot.keyClicks(form.needles.removed.edit, "x")
    for field in (form.outcomes.nprs_before, form.outcomes.nprs_after, form.needles.used,
                  form.needles.removed):
        assert field.error.isVisibleTo(form) and field.error.text()
    qtbot.wait(20)
    assert form.width() == width and form.width() <= scroll.viewport().width()
    assert field_rects(form) == before

    for edit in (form.outcomes.nprs_before.edit, form.outcomes.nprs_after.edit,
                 form.needles.used.edit, form.needles.removed.edit):
        edit.selectAll()
        qtbot.keyClicks(edit, "4")
    assert not form.outcomes.nprs_after.error.isVisibleTo(form)
    qtbot.wait(20)
    assert field_rects(form) == before
    assert (window.doc.visit.nprs_before, window.doc.visit.needles_used) == (4, 4)


def test_a_date_message_moves_no_field(qtbot, window):
    form = window.form
    date_field = form.screening.consent_date
    below = [form.screening.reviewed, form.soap.notes["subjective"].editor, form.outcomes.ppt]

    def rects():
        return [QRect(w.mapTo(form, QPoint(0, 0)), w.size()) for w in below + [date_field.edit]]

    qtbot.wait(20)
    before, width = rects(), form.width()
    date_field.edit.setFocus()
    qtbot.keyClicks(date_field.edit, "2024-13-45")  # no such month: refused, with a reason
    qtbot.keyClick(date_field.edit, Qt.Key.Key_Return)
    assert date_field.error.isVisibleTo(form) and "2024-13-45" in date_field.error.text()
    qtbot.wait(20)
    assert rects() == before and form.width() == width
    date_field.edit.selectAll()
    qtbot.keyClicks(date_field.edit, "2024-03-01")
    qtbot.keyClick(date_field.edit, Qt.Key.Key_Return)
    assert not date_field.error.isVisibleTo(form)
    qtbot.wait(20)
    assert rects() == before
    assert window.doc.visit.consent_date is not None


def test_a_clinician_message_moves_no_field(qtbot, window):
    form = window.form
    below = [form.screening.consent, form.soap.notes["subjective"].editor]

    def rects():
        return [QRect(w.mapTo(form, QPoint(0, 0)), w.size()) for w in below]

    qtbot.wait(20)
    before = rects()
    form.header.clinician.selectAll()
    qtbot.keyClick(form.header.clinician, Qt.Key.Key_Delete)  # a visit needs a clinician
    assert form.header.clinician_error.isVisibleTo(form)
    assert form.header.clinician_error.text()
    qtbot.wait(20)
    assert rects() == before
