"""Every row of the audit trail says what changed: a visit walked from creation through
charting, edits, a save that changes nothing, signing and an addendum, the patient edited,
and the whole record imported into another clinic's records."""

from __future__ import annotations

from bodymap.export.json_export import export_patient, import_patient
from bodymap.services.records import Records
from bodymap.ui.chart import Tool
from bodymap.ui.visit.audit_view import AuditTrailDialog
from bodymap.ui.visit.signing import SignDialog
from tests.ui.chart.conftest import click_region
from tests.ui.visit.test_signing import add_addendum, answer_sign_dialog


def shown_rows(qtbot, entries) -> list[tuple[str, ...]]:
    dialog = AuditTrailDialog(entries, "test")
    qtbot.addWidget(dialog)
    return dialog.rows()


def test_no_audit_row_has_an_empty_what_changed(qtbot, monkeypatch, records, patient, window,
                                                tmp_path):
    f = window.form
    click_region(qtbot, window.chart, "posterior.levator_scapulae.R", Tool.TRIGGER_ACTIVE)
    assert window.doc.save_now()  # a mark alone: the visit's own fields are untouched
    click_region(qtbot, window.chart, "posterior.upper_trapezius.L", Tool.NEEDLE)
    window.chart.inspector.depth.setValue(12)
    qtbot.waitUntil(lambda: window.doc.visit.needles_used == 1)  # follows the chart
    f.screening.consent.click()
    f.screening.reviewed.click()
    qtbot.keyClicks(f.soap.notes["subjective"].editor, "Neck pain")
    qtbot.keyClicks(f.needles.removed.edit, "1")
    assert window.doc.save_now()
    assert window.doc.save_now()  # nothing new: a second save
    records.update_patient(patient.id, phone="555 0100")
    records.update_patient(patient.id, phone="555 0100")  # the same again
    seen: list[SignDialog] = []
    answer_sign_dialog(monkeypatch, {}, seen)
    window.sign_action.trigger()
    assert list(seen[-1].reasons) == [] and window.doc.read_only
    add_addendum(monkeypatch, window, "NPRS after was 2, not 3.")

    rows = shown_rows(qtbot, records.audit_trail(patient_id=patient.id))
    actions = {r[2] for r in rows}
    assert {"create", "update", "sign", "create mark", "update patient",
            "addendum addendum"} <= actions, actions
    assert [r for r in rows if not r[3].strip()] == []

    other = Records.open(tmp_path / "other clinic", user="B. Other, PT")
    try:
        imported = import_patient(other, export_patient(records, patient.id))
        rows = shown_rows(qtbot, other.audit_trail(patient_id=imported.id))
    finally:
        other.close()
    assert {r[2] for r in rows} >= {"import patient", "import", "import mark",
                                    "import addendum"}
    assert [r for r in rows if not r[3].strip()] == []


def test_an_update_with_no_field_but_its_time_still_says_so():
    from datetime import datetime

    from bodymap.model.clock import now
    from bodymap.model.timetext import time_text
    from bodymap.storage import AuditEntry
    from bodymap.ui.visit.audit_view import describe_change

    def update(kind: str, before: dict | None, after: dict | None) -> str:
        return describe_change(AuditEntry(
            seq=1, at=now(), who="PT", action="update", entity_type=kind, entity_id="x",
            patient_id=None, visit_id=None, before=before, after=after, prev_hash="",
            hash=""))

    times = ({"updated_at": "2026-12-04T10:00:00+00:00"},
             {"updated_at": "2026-12-04T10:05:00+00:00"})
    first, then = (time_text(datetime.fromisoformat(t["updated_at"]), seconds=True)
                   for t in times)  # local time with its offset, in whatever zone runs this
    assert update("visit", *times) == ("visit's marks changed (see the mark entries); last "
                                       f"changed {first} → {then}")
    assert update("patient", *times) == "patient updated, no field changed"
    assert update("mark", None, None) == "mark updated, no field changed"
