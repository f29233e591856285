"""File ▸ Print / Export actions on the main window, driven with the file dialogs
answered by the test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from export_factory import make_patient
from pdf_tools import needs_poppler, pdf_pages_text
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, records: Records, tmp_path: Path, monkeypatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = Settings(tmp_path / "settings.sqlite")
    settings.set("clinic_name", "Northside Physio")
    w = MainWindow(records, settings)
    qtbot.addWidget(w)
    yield w
    settings.close()


def _answer(monkeypatch, method: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, method, lambda *a, **k: (str(path), ""))


def test_file_menu_has_the_actions(window: MainWindow):
    names = {a.objectName() for a in window.findChildren(type(window.new_patient_action))}
    assert {"printVisit", "printPreview", "exportPdf", "exportPatient", "importPatient",
            "exportMarksCsv"} <= names


@needs_poppler
def test_export_pdf_json_csv_and_import(window: MainWindow, records: Records, tmp_path: Path,
                                        monkeypatch):
    patient = make_patient(records, visits=2)
    window.patient_panel.show_patient(patient)
    actions = window.print_actions  # type: ignore[attr-defined]
    _answer(monkeypatch, "getSaveFileName", tmp_path / "v.pdf")
    actions.export_pdf()
    text = " ".join(pdf_pages_text(tmp_path / "v.pdf"))
    assert "Northside Physio" in text and "Chart no. ZA-1001" in text
    assert "DRAFT" in text  # no row selected: the latest visit, a draft
    _answer(monkeypatch, "getSaveFileName", tmp_path / "p.json")
    actions.export_json()
    assert json.loads((tmp_path / "p.json").read_text("utf-8"))["patient"]["id"] == patient.id
    _answer(monkeypatch, "getSaveFileName", tmp_path / "m.csv")
    actions.export_csv()
    assert (tmp_path / "m.csv").read_text("utf-8-sig").count("\n") == 8  # header + 7 marks
    # importing the same record again is refused with the reason shown
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    _answer(monkeypatch, "getOpenFileName", tmp_path / "p.json")
    actions.import_json()
    assert any("already in this database" in s for s in shown)


@needs_poppler
def test_print_preview_renders_through_a_printer(window: MainWindow, records: Records,
                                                 tmp_path: Path):
    patient = make_patient(records, visits=1)
    window.patient_panel.show_patient(patient)
    actions = window.print_actions  # type: ignore[attr-defined]
    printer = actions._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    visit = records.open_visit(records.list_visits(patient.id)[0].id)
    actions._render(printer, patient, visit)
    pages = pdf_pages_text(tmp_path / "printed.pdf")
    assert pages and all(f"of {len(pages)}" in p and "ZA-1001" in p for p in pages)


@needs_poppler
def test_pdf_without_a_clinic_name_leaves_the_header_blank_and_says_so(
        window: MainWindow, records: Records, tmp_path: Path, monkeypatch):
    window.settings.set("clinic_name", "")
    window.patient_panel.show_patient(make_patient(records, visits=1))
    _answer(monkeypatch, "getSaveFileName", tmp_path / "v.pdf")
    window.print_actions.export_pdf()  # type: ignore[attr-defined]
    pages = pdf_pages_text(tmp_path / "v.pdf")
    assert pages and not any("Preferences" in p or "not set" in p for p in pages)
    message = window.statusBar().currentMessage()
    assert "PDF written" in message and "No clinic name" in message



def test_export_fhir_bundle_from_the_file_menu(window: MainWindow, records: Records,
                                               tmp_path: Path, monkeypatch):
    from fhir.resources.R4B.bundle import Bundle
    from PySide6.QtGui import QAction

    from bodymap.ui.fhir_export import FhirExportDialog

    patient = make_patient(records, visits=3)  # two signed, one draft
    window.patient_panel.show_patient(patient)
    seen: list[FhirExportDialog] = []

    def answer(dialog: FhirExportDialog, *, drafts: bool) -> int:
        seen.append(dialog)
        assert dialog.all_visits.isChecked() and dialog.drafts.isEnabled()
        assert dialog.all_visits.text() == "All visits (2 signed, 1 draft)"
        if drafts:
            dialog.drafts.click()
        dialog.export_button.click()
        return dialog.result()

    action = window.findChild(QAction, "exportFhir")
    assert action is not None and action.text() == "Export F&HIR bundle…"
    monkeypatch.setattr(FhirExportDialog, "exec", lambda d: answer(d, drafts=False))
    _answer(monkeypatch, "getSaveFileName", tmp_path / "signed.json")
    action.trigger()
    bundle = json.loads((tmp_path / "signed.json").read_text("utf-8"))
    Bundle.model_validate(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("Encounter") == 2 and kinds.count("DocumentReference") == 2
    assert "FHIR bundle written (2 visits)" in window.statusBar().currentMessage()
    monkeypatch.setattr(FhirExportDialog, "exec", lambda d: answer(d, drafts=True))
    _answer(monkeypatch, "getSaveFileName", tmp_path / "all.json")
    action.trigger()
    bundle = json.loads((tmp_path / "all.json").read_text("utf-8"))
    assert [e["resource"]["resourceType"] for e in bundle["entry"]].count("Encounter") == 3
    assert seen[-1].note.text() == "3 visits will be exported."


def test_fhir_dialog_says_when_the_selected_visit_is_a_draft(qtbot, records: Records):
    from bodymap.ui.fhir_export import FhirExportDialog

    patient = make_patient(records, visits=2)
    summaries = sorted(records.list_visits(patient.id), key=lambda s: s.started_at)
    dialog = FhirExportDialog(patient, summaries, summaries[-1])
    qtbot.addWidget(dialog)
    dialog.one_visit.click()
    assert dialog.one_visit.text().endswith("(draft)")
    assert not dialog.export_button.isEnabled()
    assert "Sign it, or include drafts" in dialog.note.text()
    dialog.drafts.click()
    assert dialog.export_button.isEnabled() and dialog.visit_ids() == [summaries[-1].id]
