"""The visit form driven through its widgets: every field is stored and comes back
byte for byte, bad values are refused inline, typing is one undo step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu

from bodymap.model import AdverseEvent, NeedleSite, TriggerPoint, set_visit_fields
from bodymap.model.clock import local_today
from bodymap.ui.commands import AddMark, SetVisitFields

ARABIC = "ألم في الرقبة بعد العمل"
CHINESE = "颈部疼痛，右侧更明显"
EMOJI = "sleeping better 😴👍"


def wait_saved(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.doc.has_unsaved_changes, timeout=2000)


def fill(qtbot, window) -> None:
    """Fill every field the way a person would (IME-style commits for non-Latin text)."""
    f = window.form
    f.header.clinician.selectAll()
    f.header.clinician.insert("Zoë Ångström-Haddad, PT")
    f.screening.consent.click()
    f.screening.reviewed.click()
    qtbot.keyClicks(f.soap.notes["subjective"].editor, "Neck pain 3 days. ")
    f.soap.notes["subjective"].editor.insertPlainText(ARABIC)
    f.soap.notes["objective"].editor.insertPlainText(CHINESE + "\nline two\ttabbed  ")
    f.soap.notes["assessment"].editor.insertPlainText("Zoë Ångström — " + EMOJI)
    f.soap.notes["plan"].editor.insertPlainText("DN x4, weekly.\r\nReassess.")
    qtbot.keyClicks(f.outcomes.nprs_before.edit, "7")
    qtbot.keyClicks(f.outcomes.nprs_after.edit, "3")
    f.outcomes.ppt.insertPlainText("L UT 2.1 kg/cm²")
    f.outcomes.rom.insertPlainText("Cervical rotation L 60° → 70°")
    qtbot.keyClicks(f.needles.used.edit, "4")
    qtbot.keyClicks(f.needles.removed.edit, "4")
    f.events.boxes[AdverseEvent.BRUISING].click()
    f.events.boxes[AdverseEvent.SYNCOPE].click()
    f.events.notes.insertPlainText("Felt faint; lay supine 5 min, recovered. 🩹")
    f.instructions.use_template.click()


def test_fill_every_field_and_reopen_byte_for_byte(qtbot, records, open_window):
    window = open_window()
    assert window.form.header.clinician.text() == "Ana Ruiz, PT, DPT"  # from the profile
    fill(qtbot, window)
    wait_saved(qtbot, window)
    window.close()

    v = records.open_visit(window.doc.visit.id)
    assert v.clinician == "Zoë Ångström-Haddad, PT"
    assert (v.consent_obtained, v.consent_date, v.precautions_reviewed) == \
        (True, local_today(), True)
    assert v.subjective == "Neck pain 3 days. " + ARABIC
    assert v.objective == CHINESE + "\nline two\ttabbed  "
    assert v.assessment == "Zoë Ångström — " + EMOJI
    # QPlainTextEdit turns a typed CR LF into one paragraph break, as an editor should
    assert v.plan == "DN x4, weekly.\nReassess."
    assert (v.nprs_before, v.nprs_after, v.needles_used, v.needles_removed) == (7, 3, 4, 4)
    assert v.pressure_pain_threshold == "L UT 2.1 kg/cm²"
    assert v.range_of_motion == "Cervical rotation L 60° → 70°"
    assert v.adverse_events == {AdverseEvent.BRUISING, AdverseEvent.SYNCOPE}
    assert v.adverse_event_notes == "Felt faint; lay supine 5 min, recovered. 🩹"
    assert v.instructions.startswith("After dry needling") and "24-48 hours" in v.instructions

    again = open_window(v)
    f = again.form
    assert f.header.clinician.text() == v.clinician
    assert f.screening.consent.isChecked() and f.screening.reviewed.isChecked()
    assert f.screening.consent_date.edit.text() == local_today().isoformat()
    for field in ("subjective", "objective", "assessment", "plan"):
        assert f.soap.notes[field].editor.toPlainText() == getattr(v, field)
    assert (f.outcomes.nprs_before.edit.text(), f.outcomes.nprs_after.edit.text()) == ("7", "3")
    assert f.outcomes.ppt.toPlainText() == v.pressure_pain_threshold
    assert f.outcomes.rom.toPlainText() == v.range_of_motion
    assert (f.needles.used.edit.text(), f.needles.removed.edit.text()) == ("4", "4")
    # 4 in and 4 out, but no needle site charted: the chart is missing where they went
    assert "0 needles charted at needle sites but 4 counted as used" in \
        f.needles.warning.text()
    assert [e for e, box in f.events.boxes.items() if box.isChecked()] == \
        [AdverseEvent.BRUISING, AdverseEvent.SYNCOPE]
    assert f.events.notes.toPlainText() == v.adverse_event_notes
    assert f.instructions.editor.toPlainText() == v.instructions
    assert "Ångström, Zoë" in again.windowTitle()


def test_precaution_warning_is_shown_in_the_visit_window(window):
    banner = window.banners.precautions
    assert banner.isVisible()
    assert "apixaban 5 mg" in banner.text() and "no electrical stimulation" in banner.text()
    assert "Pacemaker" in window.form.screening.standing.text()
    assert window.banners.signed_row.isHidden()


def test_impossible_values_are_refused_inline_and_never_pushed(qtbot, window):
    nprs = window.form.outcomes.nprs_before
    qtbot.keyClicks(nprs.edit, "12")
    assert nprs.error.isVisible() and "0-10" in nprs.error.text()
    assert "Not saved" in nprs.error.text()
    # not the "1" typed on the way to "12": the record must never hold a number the
    # screen does not show
    assert window.doc.visit.nprs_before is None
    assert window.binder.problems() == [f"NPRS before: {nprs.error.text()}"]
    nprs.edit.selectAll()
    qtbot.keyClick(nprs.edit, "\b")
    assert window.doc.visit.nprs_before is None  # clearing is "not recorded"
    assert nprs.error.isHidden()
    qtbot.keyClicks(nprs.edit, "x")
    assert "whole number" in nprs.error.text()
    assert window.doc.visit.nprs_before is None
    count = window.doc.undo_stack.count()
    clinician = window.form.header.clinician
    clinician.selectAll()
    qtbot.keyClick(clinician, "\b")
    assert "Clinician is required" in window.form.header.clinician_error.text()
    assert window.doc.visit.clinician == "Ana Ruiz, PT, DPT"
    assert window.doc.undo_stack.count() == count


def test_typing_is_one_undo_step_and_undo_updates_the_view(qtbot, window):
    editor = window.form.soap.notes["subjective"].editor
    qtbot.keyClicks(editor, "Neck pain")
    assert window.doc.undo_stack.count() == 1
    assert window.undo_action.text() == "&Undo Edit subjective"
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.doc.push(SetVisitFields(window.doc, plan="elsewhere"))
    # a change elsewhere leaves the cursor of the note being typed alone
    assert editor.textCursor().position() == 0
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert editor.toPlainText() == "" and window.doc.visit.subjective == ""
    window.redo_action.trigger()
    assert editor.toPlainText() == "Neck pain"


def test_template_inserts_as_its_own_undo_step(qtbot, window):
    note = window.form.soap.notes["plan"]
    qtbot.keyClicks(note.editor, "Start:")
    index = note.picker.findText("Series")
    assert index > 0
    note.picker.activated.emit(index)
    text = note.editor.toPlainText()
    assert text.startswith("Start:\nDry needling 1x/week")
    assert window.doc.visit.plan == text
    window.doc.undo_stack.undo()
    assert note.editor.toPlainText() == "Start:"


def test_needles_used_follows_the_chart_and_a_mismatch_warns(qtbot, window):
    doc = window.doc
    doc.push(AddMark(doc, TriggerPoint(view="posterior", x=1, y=1)))
    doc.push(AddMark(doc, NeedleSite(view="posterior", x=2, y=2, needle_count=3)))
    qtbot.waitUntil(lambda: doc.visit.needles_used == 3)
    panel = window.form.needles
    assert panel.used.edit.text() == "3"
    assert "3" in panel.charted.text()
    qtbot.keyClicks(panel.removed.edit, "2")
    assert panel.warning.isVisible()
    assert "1 needle unaccounted for" in panel.warning.text()
    doc.push(AddMark(doc, NeedleSite(view="posterior", x=3, y=3, needle_count=2)))
    # a count filled from the chart keeps following it
    qtbot.waitUntil(lambda: doc.visit.needles_used == 5)
    assert panel.used.edit.text() == "5"
    assert "3 needles unaccounted for" in panel.warning.text()
    # a count the clinician typed is theirs: the chart no longer changes it, and a
    # difference is called out
    panel.used.edit.selectAll()
    qtbot.keyClicks(panel.used.edit, "4")
    assert doc.visit.needles_used == 4
    doc.push(AddMark(doc, NeedleSite(view="posterior", x=4, y=4, needle_count=1)))
    qtbot.wait(10)
    assert doc.visit.needles_used == 4
    assert "6 needles charted at needle sites but 4 counted as used" in panel.warning.text()
    assert "2 needles unaccounted for" in panel.warning.text()  # used 4, removed 2
    assert panel.fill.isEnabled()
    panel.fill.click()
    assert doc.visit.needles_used == 6 and panel.used.edit.text() == "6"


def test_chart_editor_is_the_central_widget_with_its_tools_and_status(qtbot, window):
    from bodymap.ui.chart import ChartEditor

    central = window.centralWidget()
    assert isinstance(central, ChartEditor) and central.doc is window.doc
    chart_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Chart")
    listed = [a for a in chart_menu.actions() if not a.isSeparator()]
    figure_menu = window.findChild(QMenu, "figureMenu")
    protocols = window.protocols
    assert listed == [*central.tool_actions, central.deep_action, central.culprits.action,
                      central.hazard_action, figure_menu.menuAction(),
                      protocols.save_action, protocols.apply_menu.menuAction(),
                      protocols.manage_action]
    assert [a.objectName() for a in figure_menu.actions()] == ["figure_standard",
                                                               "figure_female"]
    central.status_message.emit("Upper trapezius (left)")
    assert window.statusBar().currentMessage() == "Upper trapezius (left)"


def test_closing_keeps_a_needle_depth_typed_but_not_entered(qtbot, records, window):
    from bodymap.ui.chart import Tool
    from tests.ui.chart.conftest import click_region

    click_region(qtbot, window.chart, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = window.chart.inspector
    ins.length.setValue(50)
    ins.depth.setFocus()
    ins.depth.selectAll()
    qtbot.keyClicks(ins.depth, "35")  # no Enter: the clinician closes the window
    window.close()
    assert records.open_visit(window.doc.visit.id).marks[0].depth_mm == 35


def test_consent_date_is_typed_and_a_future_one_refused(qtbot, window):
    from datetime import timedelta

    f = window.form.screening
    f.consent.click()
    assert window.doc.visit.consent_date == local_today()
    f.consent_date.edit.clear()
    qtbot.keyClicks(f.consent_date.edit, "2026-01-05")
    qtbot.keyClick(f.consent_date.edit, Qt.Key.Key_Return)
    assert window.doc.visit.consent_date == date(2026, 1, 5)
    f.consent_date.edit.clear()
    tomorrow = local_today() + timedelta(days=1)
    qtbot.keyClicks(f.consent_date.edit, tomorrow.isoformat())
    qtbot.keyClick(f.consent_date.edit, Qt.Key.Key_Return)
    assert window.doc.visit.consent_date == date(2026, 1, 5)  # refused, said, shown again
    assert f.consent_date.edit.text() == "2026-01-05" and f.consent_date.error.isVisibleTo(f)
    f.consent_date.edit.clear()
    qtbot.keyClicks(f.consent_date.edit, "5 Jan")  # unreadable: said, nothing changes
    qtbot.keyClick(f.consent_date.edit, Qt.Key.Key_Return)
    assert "YYYY-MM-DD" in f.consent_date.error.text()
    assert window.doc.visit.consent_date == date(2026, 1, 5)
    assert window.binder.problems()  # and signing waits for it


def test_the_visit_window_fits_the_screen(window):
    from bodymap.ui.visit.window import fitted_size

    room = window.screen().availableGeometry()  # 800 x 800 on the offscreen platform
    wanted = fitted_size(window, 1600, 1000)
    assert wanted.width() <= room.width() and wanted.height() <= room.height()
    # never larger than the screen, unless the content cannot be smaller (about 1,000 px
    # wide: a 1,024 px screen still fits it)
    least = window.minimumSizeHint()
    assert window.width() <= max(room.width(), least.width()) <= 1024
    assert window.height() <= max(room.height(), least.height())


def choose_template(qtbot, note, name: str) -> None:
    """Open the note's "Insert template" list and choose ``name`` with the keyboard."""
    note.picker.showPopup()
    view = note.picker.view()
    qtbot.waitUntil(view.isVisible)
    for _ in range(note.picker.findText(name)):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)


def test_template_goes_below_a_note_that_was_not_clicked_into(qtbot, records, patient,
                                                              open_window):
    visit = records.start_visit(patient.id, clinician="Ana Ruiz")
    set_visit_fields(visit, subjective="Neck pain since Monday.")
    records.save_visit(visit)
    window = open_window(visit)
    note = window.form.soap.notes["subjective"]
    choose_template(qtbot, note, "Follow-up")
    text = note.editor.toPlainText()
    assert text.startswith("Neck pain since Monday.\nPain since last visit (NPRS 0-10): ")
    assert text.endswith("Medication changes: ")
    assert window.doc.visit.subjective == text


def test_template_inserted_mid_line_is_on_lines_of_its_own(qtbot, window):
    note = window.form.soap.notes["plan"]
    qtbot.keyClicks(note.editor, "Start now. Review in 2 weeks.")
    for _ in range(len(" Review in 2 weeks.")):
        qtbot.keyClick(note.editor, Qt.Key.Key_Left)
    choose_template(qtbot, note, "Discharge")
    assert note.editor.toPlainText() == (
        "Start now.\nGoals met; discharge to home exercise programme. Return as needed.\n"
        " Review in 2 weeks.")
    window.doc.undo_stack.undo()
    assert note.editor.toPlainText() == "Start now. Review in 2 weeks."


def test_arrow_keys_and_the_wheel_on_the_template_list_insert_nothing(qtbot, window):
    note = window.form.soap.notes["plan"]
    qtbot.keyClicks(note.editor, "Start now.")
    note.picker.setFocus()
    qtbot.keyClick(note.picker, Qt.Key.Key_Down)  # opens the list to choose from
    qtbot.waitUntil(note.picker.view().isVisible)
    note.picker.hidePopup()
    wheel = QWheelEvent(QPointF(5, 5), note.picker.mapToGlobal(QPointF(5, 5)), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(note.picker, wheel)  # scrolling the form past the list
    assert note.editor.toPlainText() == "Start now."
    assert window.doc.visit.plan == "Start now."
    assert note.picker.currentIndex() == 0


def test_consent_date_follows_local_midnight(qtbot, window, clock):
    """The visit form asks the core's rule: one second before local midnight tomorrow's date
    is refused; at midnight it is today's, and accepted."""
    from datetime import timedelta

    f = window.form.screening
    f.consent.click()
    local = clock.peek().astimezone()
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    clock.set(midnight - timedelta(seconds=1))
    next_day = midnight.date()
    f.consent_date.edit.clear()
    qtbot.keyClicks(f.consent_date.edit, next_day.isoformat())
    qtbot.keyClick(f.consent_date.edit, Qt.Key.Key_Return)
    assert window.doc.visit.consent_date != next_day
    assert f.consent_date.error.isVisibleTo(f)
    clock.set(midnight)
    f.consent_date.edit.clear()
    qtbot.keyClicks(f.consent_date.edit, next_day.isoformat())
    qtbot.keyClick(f.consent_date.edit, Qt.Key.Key_Return)
    assert window.doc.visit.consent_date == next_day
    assert not f.consent_date.error.isVisibleTo(f)


def test_one_click_placing_a_needle_site_is_one_undo_step_one_broadcast_one_save(
        qtbot, window, records):
    """The needle count the site brings travels inside the same command: one Ctrl+Z takes
    the site and its count away together."""
    from bodymap.ui.chart import Tool
    from tests.ui.chart.conftest import click_region

    doc = window.doc
    broadcasts: list = []
    doc.changed.connect(broadcasts.append)
    saves: list = []
    real_save = records.save_visit
    records.save_visit = lambda visit: (saves.append(visit.id), real_save(visit))[1]
    click_region(qtbot, window.chart, "posterior.upper_trapezius.R", Tool.NEEDLE)
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Add needle site"
    assert len(doc.visit.marks) == 1 and doc.visit.needles_used == 1
    assert len(broadcasts) == 1 and broadcasts[0].fields == {"needles_used"}
    assert broadcasts[0].marks_added == (doc.visit.marks[0].id,)
    qtbot.waitUntil(lambda: len(saves) == 1)
    stored = records.open_visit(doc.visit.id)
    assert len(stored.marks) == 1 and stored.needles_used == 1
    window.chart.canvas.setFocus()
    qtbot.keyClick(window.chart.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.visit.marks == [] and doc.visit.needles_used is None
    assert not doc.undo_stack.canUndo()
