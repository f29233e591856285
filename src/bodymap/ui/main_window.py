"""The main window: patients on the left, the selected patient and their visits on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from bodymap.model import Patient, ValidationError, Visit, set_visit_fields
from bodymap.services import StorageError, compare_advice
from bodymap.services.records import Records
from bodymap.services.visits import copy_forward
from bodymap.settings import Settings
from bodymap.ui.errors import show_error
from bodymap.ui.patient_list import PatientListPanel
from bodymap.ui.patient_panel import PatientPanel
from bodymap.ui.print_actions import install_print_actions
from bodymap.ui.review.actions import install_review_actions
from bodymap.ui.visit.attention import NeedsAttentionPanel

if TYPE_CHECKING:
    from bodymap.ui.visit import VisitWindow

# Dialogs and the visit window are imported when first opened, not at start-up: the chart
# editor and the anatomy behind it are the heaviest part of the app to load.


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
        self.attention = NeedsAttentionPanel(records)
        self.visit_windows: dict[str, VisitWindow] = {}  # open visits, kept alive here
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.patients, 1)
        left_layout.addWidget(self.attention)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
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
        self.patient_panel.copy_forward_requested.connect(self.copy_forward)
        self.attention.visit_opened.connect(self._open_attention_visit)
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
        edit_menu = bar.addMenu("&Edit")
        self.preferences_action = self._action("&Preferences…", self.edit_preferences,
                                               "Ctrl+,", "preferences")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)
        patient_menu = bar.addMenu("&Patient")
        self.edit_patient_action = self._action("&Edit patient…", self.edit_patient, "Ctrl+E")
        self.new_visit_action = self._action("New &visit", self.new_visit, "Ctrl+Shift+N")
        patient_menu.addAction(self.edit_patient_action)
        patient_menu.addAction(self.new_visit_action)
        patient_menu.addAction(self.patient_panel.copy_plan_action)
        patient_menu.addAction(self.patient_panel.copy_all_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About bodymap", self.about, name="about"))
        install_print_actions(self)  # File ▸ Print/Export (ui/print_actions.py)
        # Patient ▸ history, Edit ▸ Search (ui/review/actions.py)
        self.review_actions = install_review_actions(self)

    # -- slots ------------------------------------------------------------------------------
    def _show_patient(self, patient_id: str) -> None:
        try:
            self.patient_panel.show_patient(self.records.get_patient(patient_id))
        except StorageError as exc:
            show_error(self, "The patient could not be read", exc.user_message)

    def new_patient(self) -> None:
        from bodymap.ui.patient_dialog import PatientDialog

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
        from bodymap.ui.patient_dialog import PatientDialog

        dialog = PatientDialog(self.records, patient, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.patients.refresh()
            self.patient_panel.show_patient(dialog.saved)

    def new_visit(self) -> None:
        """Start a draft visit of the shown patient (clinician from the profile, standard
        instructions from the template) and open it."""
        patient = self.patient_panel.patient
        if patient is None or not self._have_clinician():
            return
        try:
            visit = self.records.start_visit(patient.id, clinician=self.settings.clinician)
            template = self.settings.get("instruction_template")
            if isinstance(template, str) and template.strip():
                set_visit_fields(visit, instructions=template)
                self.records.save_visit(visit)
        except (StorageError, ValidationError) as exc:
            show_error(self, "The visit could not be started",
                       getattr(exc, "user_message", None) or str(exc))
            return
        self._visit_started(patient, visit, "New draft visit started")

    def copy_forward(self, previous_visit_id: str, copy_marks: bool) -> None:
        """Start the next visit of a series from ``previous_visit_id`` and open it."""
        patient = self.patient_panel.patient
        if patient is None or not self._have_clinician():
            return
        notices: list[str] = []
        try:
            visit = copy_forward(self.records, previous_visit_id,
                                 clinician=self.settings.clinician, copy_marks=copy_marks,
                                 notices=notices)
        except (StorageError, ValidationError) as exc:
            show_error(self, "The visit could not be started",
                       getattr(exc, "user_message", None) or str(exc))
            return
        what = "plan and chart" if copy_marks else "plan"
        self._visit_started(patient, visit, f"New visit started from the previous {what}")
        if notices:
            QMessageBox.warning(self, "Copied with changes", "\n\n".join(notices))

    def _visit_started(self, patient: Patient, visit: Visit, message: str) -> None:
        self.patient_panel.refresh_visits()
        self.patient_panel.select_visit(visit.id)
        self.patients.refresh()
        self.statusBar().showMessage(f"{message} for {patient.display_name}", 5000)
        self.open_visit(visit.id)

    def open_visit(self, visit_id: str) -> VisitWindow | None:
        """Open the visit of the shown patient in its own window (or raise that window)."""
        patient = self.patient_panel.patient
        if patient is None:
            return None
        existing = self.visit_windows.get(visit_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            visit = self.records.open_visit(visit_id)
        except StorageError as exc:
            show_error(self, "The visit could not be opened", exc.user_message)
            return None
        from bodymap.atlas import UnknownAtlasVersion, visit_atlas
        from bodymap.ui.visit import VisitWindow

        try:
            visit_atlas(visit)  # the anatomy it was charted on
        except UnknownAtlasVersion as exc:
            show_error(self, "The visit could not be opened",
                       exc.charted("This visit") + " Nothing was changed.")
            return None
        window = VisitWindow(self.records, self.settings, patient, visit, self)
        window.closed.connect(self._visit_closed)
        window.figure_change_requested.connect(self.change_visit_figure)
        window.doc.read_only_changed.connect(lambda _ro: self.attention.refresh())
        self.visit_windows[visit_id] = window
        window.show()
        return window

    def change_visit_figure(self, visit_id: str, figure: str) -> None:
        """Redraw a draft on another body figure: its window saves and closes, the stored
        visit's marks are carried onto the figure (one audited change), and it reopens;
        what had to move is told."""
        window = self.visit_windows.get(visit_id)
        if window is not None:
            window.close()  # saves; _visit_closed forgets it
            if self.visit_windows.get(visit_id) is window:
                return  # it stayed open (its save failed): change nothing
        try:
            moved = self.records.change_visit_figure(visit_id, figure)
        except (ValidationError, StorageError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else exc.user_message
            show_error(self, "The chart could not be redrawn", message)
            moved = None
        self.open_visit(visit_id)
        if moved:
            QMessageBox.warning(self, "Marks moved",
                                f"The chart is now drawn on the {figure} figure. Marks were "
                                "carried by muscle and landmarks; check these:\n\n"
                                + "\n".join(f"• {line}" for line in moved))

    def _open_attention_visit(self, patient_id: str, visit_id: str) -> None:
        self.patients.search.clear()
        self.patients.refresh()
        self.patients.select(patient_id)
        self._show_patient(patient_id)
        self.open_visit(visit_id)

    def _visit_closed(self, visit_id: str) -> None:
        # The window saved on closing; the lists now show what is stored.
        window = self.visit_windows.pop(visit_id, None)
        if window is not None:
            window.deleteLater()
            self.review_actions.visit_changed(window.doc.patient.id)
        self.patient_panel.refresh_visits()
        self.patients.refresh()
        self.attention.refresh()

    def _have_clinician(self, what: str = "the new visit") -> bool:
        """A new visit names its clinician: ask for the profile if none is set."""
        if self.settings.get("clinician_name").strip():
            return True  # the usual case: no need to load the preferences dialog's code
        from bodymap.ui.preferences import ensure_clinician_profile

        return ensure_clinician_profile(self.settings, self.records, self, what)

    def ask_for_profile_if_missing(self) -> None:
        """At start-up, once: without a clinician profile the audit trail and printouts
        would name the computer's login; ask (the app works on if the person declines)."""
        self._have_clinician("the audit trail and your printouts")

    def edit_preferences(self) -> None:
        from bodymap.ui.preferences import PreferencesDialog

        if PreferencesDialog(self.settings, self).exec():
            # The audit trail names whoever is charting from now on.
            self.records.set_user(self.settings.clinician)

    def backup_now(self) -> None:
        try:
            path = self.records.backup_now()
        except StorageError as exc:
            show_error(self, "Backup failed", exc.user_message)
            return
        self.statusBar().showMessage(f"Backup written: {path}", 8000)

    def verify_records(self) -> None:
        damage = self.records.integrity_problems()
        result = self.records.verify_audit()
        if not damage and result.ok:
            QMessageBox.information(self, "Records verified",
                                    "The database file is intact and the audit trail's "
                                    f"{result.checked:,} entries are unaltered.")
            return
        problems = [f"Database damage: {p}" for p in damage]
        if not result.ok:
            problems.append(f"{result.problem} The records may have been altered outside "
                            "bodymap.")
        show_error(self, "Records problem",
                   "\n".join(problems) + "\n\n"
                   + compare_advice(self.records.database_path))

    def about(self) -> None:
        import bodymap

        QMessageBox.about(self, "About bodymap",
                          f"<h3>bodymap {bodymap.__version__}</h3>"
                          "<p>Chart dry needling on muscle-level body diagrams.</p>"
                          f"<p>Data: {self.records.database_path}</p>")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for window in list(self.visit_windows.values()):
            if not window.close():  # a visit that could not be saved keeps the app open
                event.ignore()
                return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
