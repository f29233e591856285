"""File menu actions for paper and files: print a visit (system dialog), print preview,
export PDF, export/import a patient's record (JSON), export a visit's marks (CSV).

:class:`VisitPrinting` prints one visit; the main window (:func:`install_print_actions`)
prints the visit selected in the patient panel's table (else the latest), and the visit
window prints its own visit (:func:`install_visit_printing`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from bodymap.model import Patient, Visit
from bodymap.model.timetext import date_text
from bodymap.services import StorageError
from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.errors import show_error
from bodymap.ui.file_dialogs import ask_open_path, ask_save_path

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from bodymap.ui.main_window import MainWindow

# Printing and export load the atlas and QtPrintSupport; they are imported when an action
# is used, not when the main window starts (tests/ui/test_main_window.py checks start-up).


def _page_size() -> str:
    """Letter where the locale measures in inches (US, Canada...), else A4."""
    from PySide6.QtCore import QLocale

    return "Letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem \
        else "A4"


Target = Callable[[], "tuple[Patient, Visit] | None"]  # None: nothing to print (said why)


def _stem(patient: Patient, visit: Visit | None = None) -> str:
    """A file name stem from the chart number (and the visit's date)."""
    day = f"-{date_text(visit.started_at)}" if visit is not None else ""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in
                   f"{patient.chart_number}{day}")


class VisitPrinting:
    """Print, preview or export as PDF the visit that ``target`` names, from ``window``."""

    def __init__(self, window: QMainWindow, records: Records, settings: Settings,
                 target: Target) -> None:
        self.window = window
        self.records = records
        self.settings = settings
        self.target = target

    def _clinic(self) -> str:
        return str(self.settings.get("clinic_name") or "")

    def _printer(self) -> QPrinter:
        from PySide6.QtGui import QPageLayout
        from PySide6.QtPrintSupport import QPrinter

        from bodymap.printing.pdf import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(_page_size()))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return printer

    def _render(self, printer: QPrinter, patient: Patient, visit: Visit) -> None:
        from bodymap.printing.pdf import render_visits

        try:
            render_visits(printer, patient, [visit], clinic_name=self._clinic(),
                          printed_by=self.records.user,
                          audit_anchor=self.records.audit_anchor())
        except OSError as exc:
            show_error(self.window, "Printing failed", str(exc))
            return
        self._hint_clinic_name()

    def _with_clinic_hint(self, done: str = "") -> str:
        """``done``, and a word if the page header went out without a clinic name."""
        hint = "" if self._clinic() else \
            "No clinic name in the page header: set it in Edit ▸ Preferences."
        return " — ".join(part for part in (done, hint) if part)

    def _hint_clinic_name(self) -> None:
        if message := self._with_clinic_hint():
            self.window.statusBar().showMessage(message, 10_000)

    def print_visit(self) -> None:
        chosen = self.target()
        if chosen is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec():
            self._render(printer, *chosen)

    def print_preview(self) -> None:
        chosen = self.target()
        if chosen is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        # The dialog keeps a plain pointer to the printer and paints with it until it
        # closes: hold the Python object here, or Python frees the printer under it.
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(f"Print preview — {chosen[0].display_name}")
        dialog.paintRequested.connect(lambda device: self._render(device, *chosen))
        dialog.exec()
        import shiboken6

        shiboken6.delete(dialog)  # now, while the printer it points to still exists

    def _save_as(self, kind: str, title: str, file_name: str, name_filter: str,
                 failure: str, write: Callable[[str], str]) -> None:
        """Ask where to save a ``kind`` file, then ``write(path)``; its message goes to
        the status bar, a failure to a dialog titled ``failure``."""
        path = ask_save_path(self.window, self.settings, kind, title, file_name, name_filter)
        if not path:
            return
        try:
            done = write(path)
        except (OSError, StorageError) as exc:
            show_error(self.window, failure, getattr(exc, "user_message", None) or str(exc))
            return
        self.window.statusBar().showMessage(done, 10_000)

    def export_pdf(self) -> None:
        chosen = self.target()
        if chosen is None:
            return
        patient, visit = chosen

        def write(path: str) -> str:
            from bodymap.printing.pdf import write_visit_pdf

            pages = write_visit_pdf(self.records, patient, [visit], path,
                                    page_size=_page_size(), clinic_name=self._clinic())
            return self._with_clinic_hint(f"PDF written ({pages} pages): {path}")

        self._save_as("pdf", "Export PDF", f"{_stem(patient, visit)}.pdf", "PDF (*.pdf)",
                      "The PDF could not be written", write)

    def export_png(self, view_id: str) -> None:
        """One charted view (with its marks, numbered as on paper) as a PNG image."""
        chosen = self.target()
        if chosen is None:
            return
        patient, visit = chosen

        def write(path: str) -> str:
            from bodymap.export.png_export import write_view_png

            write_view_png(visit, view_id, path)
            return f"Chart view exported: {path}"

        self._save_as("png", "Export chart image (PNG)",
                      f"{_stem(patient, visit)}-{view_id}.png", "PNG image (*.png)",
                      "The image could not be written", write)


def add_actions(window: QMainWindow, menu: QMenu, before: QAction | None,
                entries: list[tuple[str, Callable[[], None], object, str] | None]) -> None:
    """Add ``(text, slot, shortcut, object name)`` entries (None: a separator) to ``menu``,
    before the action ``before`` (else at the end)."""
    for entry in entries:
        if entry is None:
            menu.insertSeparator(before) if before else menu.addSeparator()
            continue
        text, slot, shortcut, name = entry
        action = QAction(text, window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[call-overload]
        action.triggered.connect(slot)
        menu.insertAction(before, action) if before else menu.addAction(action)


def visit_print_entries(printing: VisitPrinting) -> list[tuple[str, Callable[[], None],
                                                              object, str] | None]:
    """The print entries of a File menu: Print… (Ctrl+P), Print preview…, Export PDF…"""
    return [("&Print visit…", printing.print_visit, QKeySequence.StandardKey.Print,
             "printVisit"),
            ("Print pre&view…", printing.print_preview, None, "printPreview"),
            ("Export P&DF…", printing.export_pdf, None, "exportPdf")]


class PrintActions(VisitPrinting):
    """The main window's actions and their slots; kept alive as ``window.print_actions``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, window.records, window.settings, self._chosen)
        self.main = window

    # -- what to print ----------------------------------------------------------------------
    def _patient(self) -> Patient | None:
        patient = self.main.patient_panel.patient
        if patient is None:
            QMessageBox.information(self.window, "No patient", "Select a patient first.")
        return patient

    def _visit(self, patient: Patient) -> Visit | None:
        panel = self.main.patient_panel
        index = panel.table.currentIndex()
        if index.isValid():
            visit_id = panel.visits.summary(index.row()).id
        else:
            visit_id = panel.source_visit_id()  # the latest
        if visit_id is None:
            QMessageBox.information(self.window, "No visit",
                                    f"{patient.display_name} has no visits yet.")
            return None
        return self.records.open_visit(visit_id)

    def _chosen(self) -> tuple[Patient, Visit] | None:
        patient = self._patient()
        visit = self._visit(patient) if patient else None
        return None if patient is None or visit is None else (patient, visit)

    # -- files ------------------------------------------------------------------------------
    def export_json(self) -> None:
        patient = self._patient()
        if patient is None:
            return
        path = ask_save_path(self.window, self.settings, "json", "Export patient record",
                             f"{_stem(patient)}.json", "JSON (*.json)")
        if path:
            from bodymap.export.json_export import export_patient, write_export

            try:
                write_export(export_patient(self.records, patient.id), Path(path))
            except (OSError, StorageError) as exc:
                show_error(self.window, "The record could not be exported",
                           getattr(exc, "user_message", None) or str(exc))
                return
            self.window.statusBar().showMessage(f"Record exported: {path}", 8000)

    def export_fhir(self) -> None:
        """The selected patient's visits (all, or the selected one) as a FHIR R4 bundle."""
        patient = self._patient()
        if patient is None:
            return
        summaries = sorted(self.records.list_visits(patient.id),
                           key=lambda s: (s.started_at, s.id))
        if not summaries:
            QMessageBox.information(self.window, "No visit",
                                    f"{patient.display_name} has no visits yet.")
            return
        panel = self.main.patient_panel
        index = panel.table.currentIndex()
        selected = panel.visits.summary(index.row()) if index.isValid() else None
        from bodymap.ui.fhir_export import FhirExportDialog

        dialog = FhirExportDialog(patient, summaries, selected, self.window)
        if not dialog.exec():
            return
        ids, drafts = dialog.visit_ids(), dialog.include_drafts()

        def write(path: str) -> str:
            from bodymap.export.fhir import NothingToExport, patient_bundle, write_bundle
            from bodymap.printing.pdf import visit_pdf_bytes

            clinic = self._clinic()
            try:
                bundle = patient_bundle(
                    self.records, patient.id, visit_ids=ids, include_drafts=drafts,
                    pdf_for=lambda v: visit_pdf_bytes(self.records, patient, [v],
                                                      page_size=_page_size(),
                                                      clinic_name=clinic)[0])
            except NothingToExport as exc:
                raise OSError(f"{exc}. Nothing was written.") from None
            write_bundle(bundle, path)
            visits = sum(1 for e in bundle["entry"]
                         if e["resource"]["resourceType"] == "Encounter")
            return f"FHIR bundle written ({visits} visit{'s' if visits != 1 else ''}): {path}"

        self._save_as("fhir", "Export FHIR bundle", f"{_stem(patient)}-fhir.json",
                      "FHIR JSON (*.json)", "The FHIR bundle could not be written", write)

    def import_json(self) -> None:
        path = ask_open_path(self.window, self.settings, "json", "Import patient record",
                             "bodymap export (*.json)")
        if not path:
            return
        from bodymap.export.json_export import ImportRejected, import_file

        try:
            patient = import_file(self.records, Path(path))
        except ImportRejected as exc:
            show_error(self.window, "The file was not imported",
                       f"{exc.message}.\n\nNothing was written.")
            return
        except StorageError as exc:
            show_error(self.window, "The file was not imported", exc.user_message)
            return
        self.main.patients.search.clear()
        self.main.patients.refresh()
        self.main.patients.select(patient.id)
        self.main.patient_panel.show_patient(patient)
        self.window.statusBar().showMessage(f"Imported {patient.display_name}", 8000)

    def export_csv(self) -> None:
        chosen = self.target()
        if chosen is None:
            return
        patient, visit = chosen

        def write(path: str) -> str:
            from bodymap.export.csv_export import write_marks_csv

            write_marks_csv(visit, path)
            return f"Marks exported: {path}"

        self._save_as("csv", "Export marks (CSV)", f"{_stem(patient, visit)}-marks.csv",
                      "CSV (*.csv)", "The CSV could not be written", write)


def install_print_actions(window: MainWindow) -> PrintActions:
    """Add the print and export actions to the window's File menu (before Quit)."""
    actions = PrintActions(window)
    window.print_actions = actions  # type: ignore[attr-defined]
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if isinstance(a.menu(), QMenu) and a.text() == "&File")
    quit_action = next((a for a in file_menu.actions() if a.text() == "&Quit"), None)
    add_actions(window, file_menu, quit_action, [
        *visit_print_entries(actions), None,
        ("E&xport patient (JSON)…", actions.export_json, None, "exportPatient"),
        ("Export F&HIR bundle…", actions.export_fhir, None, "exportFhir"),
        ("&Import patient…", actions.import_json, None, "importPatient"),
        ("Export &marks (CSV)…", actions.export_csv, None, "exportMarksCsv"), None])
    return actions
