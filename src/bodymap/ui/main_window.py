"""The main window: patients on the left, the selected patient and their visits on the right."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.storage import StorageError
from bodymap.ui.errors import show_error
from bodymap.ui.patient_dialog import PatientDialog
from bodymap.ui.patient_list import PatientListPanel
from bodymap.ui.patient_panel import PatientPanel
from bodymap.ui.visit_record import VisitRecordDialog


class MainWindow(QMainWindow):
    def __init__(self, records: Records, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"bodymap — {records.data_dir}")
        self.patients = PatientListPanel(records)
        self.patient_panel = PatientPanel(records)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.patients)
        splitter.addWidget(self.patient_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([340, 680])
        self.setCentralWidget(splitter)
        self._build_menus()
        self.patients.patient_selected.connect(self._show_patient)
        self.patient_panel.edit_requested.connect(self.edit_patient)
        self.patient_panel.new_visit_requested.connect(self.new_visit)
        self.patient_panel.visit_opened.connect(self.open_visit)
        self.statusBar().showMessage(f"Data: {records.database_path}")
        geometry = QSettings().value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        self.patients.search.setFocus()

    def _action(self, menu_text: str, slot: object, shortcut: QKeySequence | str | None = None,
                name: str = "") -> QAction:
        action = QAction(menu_text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_patient_action = self._action("&New patient…", self.new_patient,
                                               QKeySequence.StandardKey.New, "newPatient")
        file_menu.addAction(self.new_patient_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Back up now", self.backup_now, name="backupNow"))
        file_menu.addAction(self._action("&Verify records", self.verify_records,
                                         name="verifyRecords"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        patient_menu = bar.addMenu("&Patient")
        self.edit_patient_action = self._action("&Edit patient…", self.edit_patient, "Ctrl+E")
        self.new_visit_action = self._action("New &visit", self.new_visit, "Ctrl+Shift+N")
        patient_menu.addAction(self.edit_patient_action)
        patient_menu.addAction(self.new_visit_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About bodymap", self.about, name="about"))

    # -- slots ------------------------------------------------------------------------------
    def _show_patient(self, patient_id: str) -> None:
        try:
            self.patient_panel.show_patient(self.records.get_patient(patient_id))
        except StorageError as exc:
            show_error(self, "The patient could not be read", exc.user_message)

    def new_patient(self) -> None:
        dialog = PatientDialog(self.records, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.patients.search.clear()
            self.patients.refresh()
            self.patients.select(dialog.saved.id)
            self.patient_panel.show_patient(dialog.saved)

    def edit_patient(self) -> None:
        patient = self.patient_panel.patient
        if patient is None:
            return
        dialog = PatientDialog(self.records, patient, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.patients.refresh()
            self.patient_panel.show_patient(dialog.saved)

    def new_visit(self) -> None:
        patient = self.patient_panel.patient
        if patient is None:
            return
        try:
            visit = self.records.start_visit(patient.id, clinician=self.settings.clinician)
        except StorageError as exc:
            show_error(self, "The visit could not be started", exc.user_message)
            return
        self.patient_panel.refresh_visits()
        self.patient_panel.select_visit(visit.id)
        self.patients.refresh()
        self.statusBar().showMessage(
            f"New draft visit started for {patient.display_name}", 5000)

    def open_visit(self, visit_id: str) -> None:
        patient = self.patient_panel.patient
        if patient is None:
            return
        try:
            visit = self.records.open_visit(visit_id)
        except StorageError as exc:
            show_error(self, "The visit could not be opened", exc.user_message)
            return
        VisitRecordDialog(patient, visit, self).exec()

    def backup_now(self) -> None:
        try:
            path = self.records.backup_now()
        except StorageError as exc:
            show_error(self, "Backup failed", exc.user_message)
            return
        self.statusBar().showMessage(f"Backup written: {path}", 8000)

    def verify_records(self) -> None:
        result = self.records.verify_audit()
        if result.ok:
            QMessageBox.information(self, "Records verified",
                                    f"The audit trail's {result.checked:,} entries are intact.")
        else:
            show_error(self, "Audit trail problem",
                       f"{result.problem}\n\nThe records may have been altered outside "
                       "bodymap. Keep this database as it is and restore the latest backup "
                       "into a new data folder to compare.")

    def about(self) -> None:
        import bodymap

        QMessageBox.about(self, "About bodymap",
                          f"<h3>bodymap {bodymap.__version__}</h3>"
                          "<p>Chart dry needling on muscle-level body diagrams.</p>"
                          f"<p>Data: {self.records.database_path}</p>")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
