"""The visit window inside the app: opened from the main window, saved on closing, copy
forward, the needs-attention list and the clinician profile."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog

from bodymap.model import NeedleSite, SignRequirement, TriggerPoint, add_mark, set_visit_fields
from bodymap.model.clock import now
from bodymap.ui.main_window import MainWindow
from bodymap.ui.preferences import PreferencesDialog
from bodymap.ui.visit.signing import SignDialog


@pytest.fixture
def main(qtbot, records, settings):
    w = MainWindow(records, settings)
    qtbot.addWidget(w)
    w.show()
    return w


def show(main, patient) -> None:
    main.patients.refresh()
    main.patients.select(patient.id)
    assert main.patient_panel.patient.id == patient.id


def test_closing_a_visit_saves_it_and_refreshes_the_visit_list(qtbot, main, records, patient):
    show(main, patient)
    main.patient_panel.new_visit_button.click()
    (visit_window,) = main.visit_windows.values()
    visit_window.form.outcomes.nprs_before.edit.insert("8")
    visit_window.close()  # before the autosave timer fires
    (row,) = records.list_visits(patient.id)
    assert row.nprs_before == 8
    model = main.patient_panel.visits
    assert model.data(model.index(0, 3)) == "8 → –"
    assert main.visit_windows == {}


def test_new_visit_from_previous_carries_the_plan_and_copies_the_chart(qtbot, main, records,
                                                                      patient):
    first = records.start_visit(patient.id, clinician="Ana Ruiz, PT, DPT",
                                started_at=now() - timedelta(days=7))
    tp = TriggerPoint(view="posterior", x=250, y=196, muscle="upper_trapezius", side="L")
    add_mark(first, tp)
    add_mark(first, NeedleSite(view="posterior", x=251, y=197, needle_count=2))
    set_visit_fields(first, plan="DN weekly x4 — 第二次 🙂")
    records.save_visit(first)
    show(main, patient)
    assert main.patient_panel.copy_button.isEnabled()
    main.patient_panel.copy_all_action.trigger()
    new_id = next(v.id for v in records.list_visits(patient.id) if v.id != first.id)
    opened = main.visit_windows[new_id]
    assert opened.form.soap.notes["plan"].editor.toPlainText() == "DN weekly x4 — 第二次 🙂"
    assert len(opened.doc.visit.marks) == 2
    assert not {m.id for m in opened.doc.visit.marks} & {tp.id}
    # the copied needle sites pre-fill "needles used"
    qtbot.waitUntil(lambda: opened.form.needles.used.edit.text() == "2")
    opened.close()
    main.patient_panel.table.selectRow(1)  # the older visit again
    main.patient_panel.copy_plan_action.trigger()
    newest = max(records.list_visits(patient.id), key=lambda v: v.started_at)
    assert records.open_visit(newest.id).marks == []
    assert records.open_visit(newest.id).plan == "DN weekly x4 — 第二次 🙂"


def test_needs_attention_lists_old_drafts_until_signed(qtbot, monkeypatch, records, settings,
                                                      patient):
    old = records.start_visit(patient.id, clinician="Ana Ruiz, PT, DPT",
                              started_at=now() - timedelta(days=3))
    records.start_visit(patient.id)  # today's draft is not overdue
    main = MainWindow(records, settings)
    qtbot.addWidget(main)
    main.show()
    assert main.attention.isVisible()
    assert main.attention.heading.text().startswith("⚠ Needs attention: 1 unsigned visit ")
    text = main.attention.model.text(0)
    assert "Ångström, Zoë" in text and "3 days ago" in text
    assert main.attention.list.sizeHintForRow(0) > 0  # the view draws the row
    main.attention.list.activated.emit(main.attention.model.index(0))
    opened = main.visit_windows[old.id]
    assert main.patient_panel.patient.id == patient.id

    def sign(dialog: SignDialog) -> int:
        for req in dialog.reasons:
            dialog.reasons[req].insertPlainText("Documented on paper, scanned.")
        dialog.sign_button.click()
        return dialog.result()

    monkeypatch.setattr(SignDialog, "exec", sign)
    opened.sign_action.trigger()
    assert records.open_visit(old.id).sign_overrides.keys() == {
        SignRequirement.CONSENT, SignRequirement.NEEDLE_COUNT, SignRequirement.SOAP_NOTES,
        SignRequirement.PRECAUTIONS_REVIEWED}
    assert main.attention.isHidden() and main.attention.model.rowCount() == 0


def test_preferences_set_the_profile_and_templates(qtbot, main, records, settings, patient,
                                                   monkeypatch):
    seen: list[PreferencesDialog] = []

    def fill(dialog: PreferencesDialog) -> int:
        seen.append(dialog)
        dialog.name.setText("Lǐ Nà")
        dialog.credentials.setText("DPT")
        editor = dialog.templates
        editor.field.setCurrentIndex(editor.field.findData("plan"))
        editor.add_template()
        editor.name.selectAll()
        editor.name.insert("Cervical series")
        editor.text.setPlainText("DN cervical paraspinals, 2x/week x3.")
        dialog.instructions.setPlainText("Hydrate. 多喝水。")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", fill)
    main.preferences_action.trigger()
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert settings.clinician == "Lǐ Nà, DPT"
    plan = settings.get("soap_templates")["plan"]
    assert plan["Cervical series"] == "DN cervical paraspinals, 2x/week x3."
    assert "Series" in plan  # the defaults stay unless removed

    show(main, patient)
    main.patient_panel.new_visit_button.click()
    (opened,) = main.visit_windows.values()
    assert opened.doc.visit.clinician == "Lǐ Nà, DPT"
    assert opened.form.instructions.editor.toPlainText() == "Hydrate. 多喝水。"
    picker = opened.form.soap.notes["plan"].picker
    assert picker.findText("Cervical series") > 0


def test_new_visit_from_previous_drops_estim_for_an_implant_and_says_so(qtbot, main, records,
                                                                       monkeypatch):
    """The patient's record now lists a pacemaker: the copied chart keeps the needle site but
    not its e-stim, and the clinician is told which site changed."""
    from PySide6.QtWidgets import QMessageBox

    from bodymap.model import EStim, Precaution, Technique

    patient = records.create_patient(chart_number="EST-1", family_name="Volta")
    first = records.start_visit(patient.id, started_at=now() - timedelta(days=7))
    add_mark(first, NeedleSite(view="posterior", x=300, y=420, muscle="quadratus_lumborum",
                               side="L", technique=Technique.ESTIM,
                               estim=EStim(frequency_hz=2.0)))
    records.save_visit(first)
    records.update_patient(patient.id, precautions={Precaution.ELECTRICAL_IMPLANT: "pacemaker"})
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    show(main, patient)
    main.patient_panel.copy_all_action.trigger()
    new_id = next(v.id for v in records.list_visits(patient.id) if v.id != first.id)
    (site,) = main.visit_windows[new_id].doc.visit.marks
    assert site.technique is Technique.STATIC and site.estim is None
    assert len(warnings) == 1 and "left quadratus lumborum" in warnings[0]
