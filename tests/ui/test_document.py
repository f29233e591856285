"""VisitDocument and the undo commands, with a real Records and no view."""

from __future__ import annotations

import pytest

from bodymap.model import (
    NeedleSite,
    PainZone,
    SignedVisitError,
    SignRequirement,
    TriggerPoint,
    ValidationError,
)
from bodymap.storage import StorageError
from bodymap.ui.commands import AddMark, EditMark, MoveMark, RemoveMark, SetVisitFields
from bodymap.ui.document import VisitDocument


@pytest.fixture
def doc(qtbot, records):
    patient = records.create_patient(chart_number="U-1", family_name="Undo")
    visit = records.start_visit(patient.id)
    return VisitDocument(records, patient, visit)


def stored(doc):
    return doc.records.open_visit(doc.visit.id)


def test_edit_autosaves_within_500_ms_and_undo_redo_roundtrip(qtbot, doc):
    tp = TriggerPoint(view="posterior", x=120, y=210, muscle="upper_trapezius", side="L")
    with qtbot.waitSignal(doc.saved, timeout=500):
        doc.push(AddMark(doc, tp))
    assert [m.id for m in stored(doc).marks] == [tp.id]
    assert doc.undo_stack.undoText() == "Add trigger point"
    doc.push(MoveMark(doc, tp.id, 10, -5))
    assert doc.visit.mark(tp.id).anchor == (130, 205)
    doc.undo_stack.undo()
    assert doc.visit.mark(tp.id).anchor == (120, 210)
    doc.undo_stack.undo()
    assert doc.visit.marks == []
    qtbot.waitUntil(lambda: stored(doc).marks == [], timeout=500)
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    qtbot.waitUntil(lambda: stored(doc).marks == doc.visit.marks, timeout=500)
    assert stored(doc).mark(tp.id).anchor == (130, 205)


def test_changed_signal_names_what_changed(qtbot, doc):
    tp = TriggerPoint(view="posterior", x=1, y=1)
    with qtbot.waitSignal(doc.changed) as sig:
        doc.push(AddMark(doc, tp))
    assert sig.args[0].marks_added == (tp.id,)
    with qtbot.waitSignal(doc.changed) as sig:
        doc.push(SetVisitFields(doc, nprs_before=7))
    assert sig.args[0].fields == {"nprs_before"}


def test_typing_in_a_note_merges_into_one_undo_step(doc):
    for text in ("N", "Ne", "Nec", "Neck pain"):
        doc.push(SetVisitFields(doc, subjective=text))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.visit.subjective == ""


def test_inspector_edits_merge_and_bad_values_never_reach_the_stack(doc):
    site = NeedleSite(view="posterior", x=5, y=5)
    doc.push(AddMark(doc, site))
    doc.push(EditMark(doc, site.id, note="d"))
    doc.push(EditMark(doc, site.id, note="deep"))
    assert doc.undo_stack.count() == 2
    with pytest.raises(ValidationError, match="Number of needles"):
        doc.push(EditMark(doc, site.id, needle_count=0))
    with pytest.raises(ValidationError, match="NPRS before"):
        doc.push(SetVisitFields(doc, nprs_before=11))
    assert doc.undo_stack.count() == 2 and doc.visit.nprs_before is None
    doc.undo_stack.undo()
    assert doc.visit.mark(site.id).note == ""


def test_delete_undo_restores_position_and_zone_links(doc):
    a, b = TriggerPoint(view="posterior", x=1, y=1), TriggerPoint(view="posterior", x=2, y=2)
    zone = PainZone(view="posterior", points=[(0, 0), (9, 0), (9, 9)], source_id=a.id)
    for m in (a, b, zone):
        doc.push(AddMark(doc, m))
    doc.push(RemoveMark(doc, a.id))
    assert doc.visit.mark(zone.id).source_id is None
    doc.undo_stack.undo()
    assert [m.id for m in doc.visit.marks] == [a.id, b.id, zone.id]
    assert doc.visit.mark(zone.id).source_id == a.id


def test_failed_save_keeps_edits_and_reports(qtbot, doc, monkeypatch):
    def fail(_visit):
        raise StorageError("The disk is full. Free some space; your last edits are kept.")

    monkeypatch.setattr(doc.records, "save_visit", fail)
    tp = TriggerPoint(view="posterior", x=1, y=1)
    with qtbot.waitSignal(doc.save_failed, timeout=1000) as sig:
        doc.push(AddMark(doc, tp))
    assert "disk is full" in sig.args[0]
    assert doc.has_unsaved_changes and doc.visit.marks[0].id == tp.id
    monkeypatch.undo()
    assert doc.save_now()
    assert stored(doc).marks[0].id == tp.id


def test_signed_visit_is_read_only(qtbot, doc):
    doc.push(SetVisitFields(doc, consent_obtained=True, precautions_reviewed=True,
                            subjective="Neck pain.",
                            needles_used=2, needles_removed=1))
    with pytest.raises(ValidationError, match="needle count reconciled"):
        doc.sign()
    assert not doc.read_only
    with qtbot.waitSignal(doc.read_only_changed):
        doc.sign(overrides={SignRequirement.NEEDLE_COUNT: "One needle counted twice"})
    assert doc.read_only and stored(doc).signed
    with pytest.raises(SignedVisitError):
        doc.push(AddMark(doc, TriggerPoint(view="posterior", x=1, y=1)))


def test_a_pause_in_typing_starts_a_new_undo_step(doc, monkeypatch):
    import bodymap.ui.commands as commands

    now = [1000.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: now[0])
    for text in ("N", "Ne", "Neck"):
        doc.push(SetVisitFields(doc, subjective=text))
        now[0] += 0.3
    now[0] += 30  # the clinician turns to the patient, then goes on typing
    doc.push(SetVisitFields(doc, subjective="Neck pain, worse at night"))
    doc.push(SetVisitFields(doc, nprs_before=1))
    now[0] += 0.4
    doc.push(SetVisitFields(doc, nprs_before=10))  # "1" then "10": one step
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.visit.nprs_before is None
    doc.undo_stack.undo()
    assert doc.visit.subjective == "Neck"
