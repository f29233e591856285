"""Signing through the window: refused with an unreconciled count, allowed with a written
override reason; then read-only everywhere, corrected by addenda, all found on reopening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QLabel

from bodymap.model import AdverseEvent, SignedVisitError, SignRequirement, ValidationError
from bodymap.model.clock import now as clock_now
from bodymap.ui.chart import Tool
from bodymap.ui.commands import SetVisitFields
from bodymap.ui.visit.signing import AddendumDialog, SignDialog
from tests.ui.chart.conftest import click_region

REASON = "Needle count recorded after a retained-needle check: all 5 accounted for, pot 4+1."
ADDENDUM = "Correction: NPRS after was 2, not 3. — تصحيح 修正 ✅"


def fill_unreconciled(qtbot, window) -> None:
    f = window.form
    f.screening.consent.click()
    f.screening.reviewed.click()
    qtbot.keyClicks(f.soap.notes["subjective"].editor, "Neck pain")
    qtbot.keyClicks(f.outcomes.nprs_after.edit, "3")
    qtbot.keyClicks(f.needles.used.edit, "5")
    qtbot.keyClicks(f.needles.removed.edit, "4")


def answer_sign_dialog(monkeypatch, reasons: dict[SignRequirement, str] | None,
                       seen: list[SignDialog]) -> None:
    """Make SignDialog.exec fill the given reasons and press Sign (or Cancel for None)."""

    def exec_(dialog: SignDialog) -> int:
        seen.append(dialog)
        assert not dialog.sign_button.isEnabled() or not dialog.reasons
        if reasons is None:
            return QDialog.DialogCode.Rejected
        for req, text in reasons.items():
            dialog.reasons[req].insertPlainText(text)
        dialog.sign_button.click()
        return dialog.result()

    monkeypatch.setattr(SignDialog, "exec", exec_)


def test_sign_is_refused_without_a_reason_and_allowed_with_one(qtbot, monkeypatch, records,
                                                               window):
    fill_unreconciled(qtbot, window)
    assert window.form.needles.warning.isVisible()
    seen: list[SignDialog] = []
    # the dialog lists exactly the unmet requirement; without a reason Sign stays disabled
    answer_sign_dialog(monkeypatch, {}, seen)
    window.sign_action.trigger()
    assert list(seen[-1].reasons) == [SignRequirement.NEEDLE_COUNT]
    assert not seen[-1].sign_button.isEnabled()
    box = seen[-1].findChild(QGroupBox, "unmet_needle_count")
    assert "Needles used: 5; needles removed: 4; charted at needle sites: 0." in \
        [w.text() for w in box.findChildren(QLabel)]
    assert not window.doc.visit.signed and not records.open_visit(window.doc.visit.id).signed
    # whitespace is not a reason
    answer_sign_dialog(monkeypatch, {SignRequirement.NEEDLE_COUNT: "   \n "}, seen)
    window.sign_action.trigger()
    assert not seen[-1].sign_button.isEnabled() and not window.doc.read_only
    # the document refuses too, whatever the dialog does
    with pytest.raises(ValidationError, match="needle count reconciled"):
        window.doc.sign()

    answer_sign_dialog(monkeypatch, {SignRequirement.NEEDLE_COUNT: REASON}, seen)
    window.sign_action.trigger()
    stored = records.open_visit(window.doc.visit.id)
    assert stored.signed and stored.signed_by == "Ana Ruiz, PT, DPT"
    assert stored.sign_overrides == {SignRequirement.NEEDLE_COUNT: REASON}
    assert window.doc.read_only
    assert REASON in window.form.signature.signature.text()


def test_met_requirements_need_no_reason(qtbot, monkeypatch, window):
    f = window.form
    f.screening.consent.click()
    f.screening.reviewed.click()
    for region in ("posterior.upper_trapezius.L", "anterior.rectus_femoris.R"):
        click_region(qtbot, window.chart, region, Tool.NEEDLE)
        window.chart.inspector.depth.setValue(12)  # over a hazard: depth recorded
    qtbot.waitUntil(lambda: window.doc.visit.needles_used == 2)  # follows the chart
    qtbot.keyClicks(f.needles.removed.edit, "2")
    qtbot.keyClicks(f.soap.notes["subjective"].editor, "Neck pain at the desk.")
    assert "Ready to sign" in f.signature.signature.text()
    seen: list[SignDialog] = []
    answer_sign_dialog(monkeypatch, {}, seen)
    window.sign_action.trigger()
    assert seen[-1].reasons == {} and window.doc.read_only
    assert window.doc.visit.sign_overrides == {}


def sign_with_overrides(monkeypatch, window) -> None:
    seen: list[SignDialog] = []
    answer_sign_dialog(monkeypatch, {r: REASON for r in window.doc.visit.unmet_requirements()},
                       seen)
    window.sign_action.trigger()
    assert window.doc.read_only


def add_addendum(monkeypatch, window, text: str) -> None:
    def exec_(dialog: AddendumDialog) -> int:
        assert not dialog.add_button.isEnabled()
        dialog.text.insertPlainText(text)
        dialog.add_button.click()
        return dialog.result()

    monkeypatch.setattr(AddendumDialog, "exec", exec_)
    window.addendum_action.trigger()


def test_signed_visit_is_read_only_takes_addenda_and_reopens_so(qtbot, monkeypatch, records,
                                                                 open_window):
    window = open_window()
    fill_unreconciled(qtbot, window)
    assert window.form.signature.addendum_button.isHidden()
    sign_with_overrides(monkeypatch, window)
    f = window.form

    # read-only everywhere: banner, widgets, menus, document
    assert window.banners.signed_row.isVisible()
    assert "Signed by Ana Ruiz, PT, DPT" in window.banners.signed.text()
    assert not window.chart.banner.isVisible()  # one notice, not two
    assert not any(a.isEnabled() for a in window.chart.tool_actions[1:])
    subjective = f.soap.notes["subjective"].editor
    assert subjective.isReadOnly()
    qtbot.keyClicks(subjective, " more")
    assert subjective.toPlainText() == "Neck pain"
    qtbot.keyClicks(f.outcomes.nprs_after.edit, "9")
    assert f.outcomes.nprs_after.edit.text() == "3"
    f.screening.consent.click()  # even a programmatic click is put back
    assert f.screening.consent.isChecked()
    headache = f.events.boxes[AdverseEvent.HEADACHE]
    qtbot.mouseClick(headache, Qt.MouseButton.LeftButton)
    assert not headache.isChecked() and window.doc.visit.adverse_events == frozenset()
    assert f.header.started_at.isReadOnly() and f.screening.consent_date.edit.isReadOnly()
    assert f.screening.consent_date.button.isHidden()  # no calendar on a signed visit
    assert not f.soap.notes["plan"].picker.isEnabled()
    assert not f.instructions.use_template.isEnabled() and f.needles.fill.isHidden()
    assert not window.sign_action.isEnabled() and not window.undo_action.isEnabled()
    assert f.signature.sign_button.isHidden()
    with pytest.raises(SignedVisitError):
        window.doc.push(SetVisitFields(window.doc, subjective="changed"))
    assert records.open_visit(window.doc.visit.id).subjective == "Neck pain"

    add_addendum(monkeypatch, window, ADDENDUM)
    assert f.signature.addenda.isVisible()
    assert "NPRS after was 2, not 3. — تصحيح 修正 ✅" in f.signature.addenda.text()
    window.close()

    stored = records.open_visit(window.doc.visit.id)
    assert [(a.author, a.text) for a in stored.addenda] == [("Ana Ruiz, PT, DPT", ADDENDUM)]
    assert stored.subjective == "Neck pain"  # the original is unchanged

    again = open_window(stored)
    assert again.doc.read_only and again.banners.signed_row.isVisible()
    assert again.form.soap.notes["subjective"].editor.isReadOnly()
    assert again.form.soap.notes["subjective"].editor.toPlainText() == "Neck pain"
    text = again.form.signature.addenda.text()
    assert "Ana Ruiz, PT, DPT" in text and "تصحيح 修正 ✅" in text
    assert REASON in again.form.signature.signature.text()
    assert again.addendum_action.isEnabled() and not again.sign_action.isEnabled()


def test_addendum_needs_text(qtbot, monkeypatch, records, window):
    sign_with_overrides(monkeypatch, window)
    dialog = AddendumDialog("Ana Ruiz, PT, DPT", window)
    qtbot.addWidget(dialog)
    dialog.text.insertPlainText("  \n")
    assert not dialog.add_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_audit_trail_lists_edits_signature_and_addenda(qtbot, monkeypatch, window):
    fill_unreconciled(qtbot, window)
    sign_with_overrides(monkeypatch, window)
    add_addendum(monkeypatch, window, ADDENDUM)
    dialog = window.audit_dialog()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    actions = [r[2] for r in rows]
    assert actions[0] == "create" and "sign" in actions and "addendum addendum" in actions
    assert actions.index("sign") < actions.index("addendum addendum")
    changes = "\n".join(r[3] for r in rows)
    assert "subjective: — → Neck pain" in changes
    assert "needles removed: — → 4" in changes
    assert "override needle count: Needle count recorded" in changes
    assert all(r[1] == "Test Clinician, PT" for r in rows)  # the records' user
    assert dialog.table.item(0, 3).toolTip() != ""
    assert window.audit_action.isEnabled()


def test_audit_descriptions_read_as_english():

    from bodymap.storage import AuditEntry
    from bodymap.ui.visit.audit_view import describe_change

    def entry(action: str) -> AuditEntry:
        return AuditEntry(seq=1, at=clock_now(), who="PT", action=action,
                          entity_type="visit", entity_id="x", patient_id=None, visit_id=None,
                          before=None, after=None, prev_hash="", hash="")

    assert describe_change(entry("import")) == "visit imported"
    assert describe_change(entry("delete")) == "visit deleted"
    assert describe_change(entry("create")) == "visit created"


def test_signing_waits_for_entries_the_form_refused(qtbot, monkeypatch, records, window):
    """A refused entry (NPRS 12, an emptied clinician) is on screen but not in the record:
    signing now would sign something other than what the clinician sees."""
    import bodymap.ui.visit.window as window_module

    fill_unreconciled(qtbot, window)
    qtbot.keyClicks(window.form.outcomes.nprs_before.edit, "12")
    errors: list[str] = []
    monkeypatch.setattr(window_module, "show_error",
                        lambda parent, title, text: errors.append(text))
    seen: list[SignDialog] = []
    answer_sign_dialog(monkeypatch, {SignRequirement.NEEDLE_COUNT: REASON}, seen)
    window.sign_action.trigger()
    assert not seen and not window.doc.visit.signed
    assert "NPRS before" in errors[-1] and "0-10" in errors[-1]
    nprs = window.form.outcomes.nprs_before.edit
    nprs.selectAll()
    qtbot.keyClicks(nprs, "6")
    window.sign_action.trigger()
    assert seen and window.doc.visit.signed
    assert records.open_visit(window.doc.visit.id).nprs_before == 6


def test_both_sides_of_the_thorax_are_called_out_while_charting_and_at_signing(
        qtbot, monkeypatch, window):
    banner = window.banners.thorax
    click_region(qtbot, window.chart, "anterior.pectoralis_major.L", Tool.NEEDLE)
    assert banner.isHidden()
    click_region(qtbot, window.chart, "posterior.latissimus_dorsi.R", Tool.NEEDLE)
    assert banner.isVisibleTo(window) and not window.banner_dock.isHidden()
    assert "left: Pectoralis major; right: Latissimus dorsi" in banner.text()
    seen: list[SignDialog] = []
    answer_sign_dialog(monkeypatch, None, seen)  # look, then cancel
    window.sign_action.trigger()
    assert SignRequirement.BILATERAL_THORAX in seen[-1].reasons
    box = seen[-1].findChild(QGroupBox, "unmet_bilateral_thorax")
    assert any("both sides" in w.text() for w in box.findChildren(QLabel))
    window.doc.undo_stack.undo()  # the right-side site goes: one side only again
    assert banner.isHidden()


def test_signing_without_a_clinician_profile_asks_for_one_first(qtbot, monkeypatch, records,
                                                                 settings, window):
    """Not 'root': a signature names the clinician."""
    from tests.ui.conftest import answer_profile_prompt

    settings.set("clinician_name", "")
    # the clinician a visit gets while no profile exists: the login name
    window.binder.push(None, clinician=settings.clinician)
    login_default = window.doc.visit.clinician
    asked = answer_profile_prompt(monkeypatch, None)  # Preferences closed without a name
    seen: list[SignDialog] = []

    def sign_with_reasons(dialog: SignDialog) -> int:
        seen.append(dialog)
        for edit in dialog.reasons.values():
            edit.insertPlainText("Test visit, not a clinical record")
        dialog.sign_button.click()
        return dialog.result()

    monkeypatch.setattr(SignDialog, "exec", sign_with_reasons)
    window.sign_action.trigger()
    assert len(asked) == 1 and asked[0].startswith("Who is charting?")
    assert not seen and not window.doc.visit.signed
    answer_profile_prompt(monkeypatch, "Ana Ruiz")
    window.sign_action.trigger()
    assert seen and window.doc.visit.signed
    stored = records.open_visit(window.doc.visit.id)
    assert stored.signed_by.startswith("Ana Ruiz")
    assert stored.clinician.startswith("Ana Ruiz") and stored.clinician != login_default


def test_title_drops_the_unsaved_mark_once_the_signature_is_saved(qtbot, monkeypatch,
                                                                   window):
    fill_unreconciled(qtbot, window)
    assert window.isWindowModified()  # typed, not yet saved
    sign_with_overrides(monkeypatch, window)
    qtbot.wait(400)  # longer than the autosave delay: nothing is left to save
    assert "(signed)" in window.windowTitle()
    assert not window.isWindowModified() and not window.doc.has_unsaved_changes
    window.close()  # closing has nothing to save or refuse
    assert window.doc.visit.signed


def test_signing_with_every_soap_note_empty_needs_a_reason_kept_with_the_signature(
        qtbot, monkeypatch, window, records):
    """Everything else met, no subjective, objective, assessment or plan: the sign dialog asks
    for a reason, and the reason is stored with the signature like the other overrides."""
    f = window.form
    f.screening.consent.click()
    f.screening.reviewed.click()
    qtbot.keyClicks(f.needles.used.edit, "0")
    qtbot.keyClicks(f.needles.removed.edit, "0")
    assert "Clinical notes written" in f.signature.signature.text()
    reason = "Notes dictated to the scanned intake form."
    seen: list[SignDialog] = []
    answer_sign_dialog(monkeypatch, {SignRequirement.SOAP_NOTES: reason}, seen)
    window.sign_action.trigger()
    (dialog,) = seen
    assert set(dialog.reasons) == {SignRequirement.SOAP_NOTES}
    stored = records.open_visit(window.doc.visit.id)
    assert stored.signed and stored.sign_overrides == {SignRequirement.SOAP_NOTES: reason}
