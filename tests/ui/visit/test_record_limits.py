"""Field limits are the core's, on signing and on reading: a reason longer than the record
stores cannot be typed into the signing dialog, and a stored record over today's limit
still opens (read-only, with a warning naming the field), prints and exports."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog

from bodymap.export.json_export import export_patient
from bodymap.model import SignRequirement
from bodymap.model.limits import FIELD_LIMITS, limit
from bodymap.printing.pdf import write_visit_pdf
from bodymap.services.visits import copy_forward
from bodymap.ui.visit.signing import SignDialog
from tests.ui.visit.test_signing import fill_unreconciled


def sign_through_dialog(qtbot, monkeypatch, window, reason: str) -> SignDialog:
    """Open the real signing dialog from the window, paste ``reason`` into the needle-count
    box and press Sign."""
    seen: list[SignDialog] = []

    def exec_(dialog: SignDialog) -> int:
        seen.append(dialog)
        box = dialog.reasons[SignRequirement.NEEDLE_COUNT]
        box.setFocus()
        box.insertPlainText(reason)  # what a paste does
        dialog.sign_button.click()
        return dialog.result()

    monkeypatch.setattr(SignDialog, "exec", exec_)
    window.sign_action.trigger()
    assert seen, "the signing dialog was not opened"
    return seen[0]


def test_the_reason_box_holds_at_most_what_the_record_stores(qtbot, monkeypatch, records,
                                                             open_window, window):
    fill_unreconciled(qtbot, window)
    most = limit("sign_overrides")
    dialog = sign_through_dialog(qtbot, monkeypatch, window, "r" * (most + 500))
    assert len(dialog.reasons[SignRequirement.NEEDLE_COUNT].toPlainText()) == most
    assert dialog.result() == QDialog.DialogCode.Accepted
    visit_id = window.doc.visit.id
    window.close()
    # the signed visit reads back, equal, and opens with no warning
    stored = records.open_visit(visit_id)
    assert stored.signed and stored.sign_overrides[SignRequirement.NEEDLE_COUNT] == "r" * most
    again = open_window(stored)
    assert not again.banners.problems.isVisible()


@pytest.fixture
def over_limit_visit(qtbot, monkeypatch, records, window):
    """A visit signed, as older versions allowed, with a reason over today's limit."""
    fill_unreconciled(qtbot, window)
    window.doc.save_now()
    monkeypatch.setitem(FIELD_LIMITS, "sign_overrides", 100_000)
    records.sign_visit(window.doc.visit.id, signed_by="Dr A. Test",
                       overrides={SignRequirement.NEEDLE_COUNT: "x" * 2_500})
    monkeypatch.undo()
    window.close()
    return records.open_visit(window.doc.visit.id)


def test_a_stored_record_over_a_limit_opens_read_only_with_a_warning(qtbot, over_limit_visit,
                                                                     open_window):
    visit = over_limit_visit
    assert visit.sign_overrides[SignRequirement.NEEDLE_COUNT] == "x" * 2_500  # kept whole
    window = open_window(visit)
    qtbot.waitUntil(lambda: window.banners.problems.isVisible())
    text = window.banners.problems.text()
    assert "Reason for overriding 'Needle count reconciled" in text
    assert "2,500 characters; the limit is 2,000" in text
    assert window.doc.read_only and not window.sign_action.isEnabled()
    window.grab().save("/tmp/bodymap_record_problems.png")


def test_a_draft_over_a_limit_is_not_edited(qtbot, monkeypatch, records, patient, settings,
                                            open_window):
    draft = records.start_visit(patient.id, clinician=settings.clinician)
    draft.plan = "p" * 50
    records.save_visit(draft)
    monkeypatch.setitem(FIELD_LIMITS, "plan", 10)  # today's rule is stricter
    window = open_window(records.open_visit(draft.id))
    assert window.doc.read_only and not window.sign_action.isEnabled()
    assert not window.addendum_action.isEnabled()  # addenda are for signed visits
    assert "Plan is too long (50 characters; the limit is 10)" in \
        window.banners.problems.text()


def test_a_stored_record_over_a_limit_prints_exports_and_copies_forward(
        qtbot, tmp_path, records, patient, over_limit_visit):
    data = export_patient(records, patient.id)
    exported = data["visits"][0]["sign_overrides"]
    assert exported == {"needle_count": "x" * 2_500}
    json.dumps(data)
    out = tmp_path / "visit.pdf"
    pages = write_visit_pdf(records, records.get_patient(patient.id), [over_limit_visit], out)
    assert pages >= 1 and out.stat().st_size > 0
    following = copy_forward(records, over_limit_visit.id, clinician="Dr A. Test",
                             copy_marks=True)
    assert not following.signed and following.plan == over_limit_visit.plan
