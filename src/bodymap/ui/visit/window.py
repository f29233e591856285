"""VisitWindow: one open visit — the chart in the middle, the record's form on the right.

The window owns the VisitDocument (the visit, its undo stack and autosave). Every form
edit is an undoable command; a signed visit is read-only everywhere and takes addenda.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Patient, ValidationError, Visit, clock
from bodymap.model.timetext import clock_text, date_text
from bodymap.services import StorageError
from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.chart import ChartEditor
from bodymap.ui.chart.fields import commit_typed
from bodymap.ui.document import VisitDocument
from bodymap.ui.errors import show_error
from bodymap.ui.print_actions import VisitPrinting, add_actions, visit_print_entries
from bodymap.ui.protocols import VisitProtocols
from bodymap.ui.visit.audit_view import AuditTrailDialog
from bodymap.ui.visit.banners import VisitBanners
from bodymap.ui.visit.binding import VisitBinder
from bodymap.ui.visit.notes import InstructionsPanel, SoapPanel
from bodymap.ui.visit.panels import (
    HeaderPanel,
    OutcomePanel,
    ProcedureCodePanel,
    ScreeningPanel,
)
from bodymap.ui.visit.safety import AdverseEventsPanel, NeedleCountPanel
from bodymap.ui.visit.signature import SignatureBlock
from bodymap.ui.visit.signing import AddendumDialog, SignDialog

FORM_WIDTH = 500
SIGN_SHORTCUT = "Ctrl+Shift+S"  # no Save As here; Ctrl+Return would end a typed note
# A signed record's fields are read-only; grey them so nobody tries to type into them.
READ_ONLY_STYLE = ("QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"], "
                   "QDateTimeEdit[readOnly=\"true\"] { background: #f1f1f1; color: #111; }")



def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, shrunk to fit the screen's available area (a laptop's
    1280 x 800 must not put the form's right edge or the status bar off-screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, room.width() - 16), min(height, room.height() - 48))

class VisitForm(QWidget):
    """The record's panels in reading order, from who and when to the signature."""

    def __init__(self, binder: VisitBinder, settings: Settings, patient: Patient,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = HeaderPanel(binder)
        self.screening = ScreeningPanel(binder, patient)
        self.soap = SoapPanel(binder, settings)
        self.outcomes = OutcomePanel(binder)
        self.needles = NeedleCountPanel(binder)
        self.events = AdverseEventsPanel(binder)
        self.instructions = InstructionsPanel(binder, settings)
        self.procedure = ProcedureCodePanel(binder)
        self.signature = SignatureBlock(binder.doc)
        layout = QVBoxLayout(self)
        # The numbers charted while the patient is on the table (NPRS, needle counts) come
        # straight after screening, within reach without scrolling on a 1280 x 800 screen;
        # the long texts follow (bench standard_visit_events counted 7 wheel notches for
        # them at the end of the form).
        for panel in (self.header, self.screening, self.outcomes, self.needles, self.soap,
                      self.events, self.instructions, self.procedure, self.signature):
            layout.addWidget(panel)
        layout.addStretch(1)


class VisitWindow(QMainWindow):
    """A window for one visit of ``patient``: edits autosave; closing saves."""

    closed = Signal(str)  # visit id, after the last save
    #: (visit id, figure): the clinician asked to redraw this draft on another body figure;
    #: the app saves and closes the window, redraws the stored visit and reopens it
    figure_change_requested = Signal(str, str)

    def __init__(self, records: Records, settings: Settings, patient: Patient, visit: Visit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.settings = settings
        self.setObjectName("visitWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.doc = VisitDocument(records, patient, visit, self)
        self.binder = VisitBinder(self.doc, self)

        self.banners = VisitBanners(self.doc)
        self.banners.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.banner_dock = QDockWidget("Warnings", self)
        self.banner_dock.setObjectName("bannerDock")
        self.banner_dock.setTitleBarWidget(QWidget())  # a fixed strip, not a panel
        self.banner_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.banner_dock.setWidget(self.banners)
        self.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.banner_dock)

        # The window's banner strip already says the visit is signed.
        self.chart = ChartEditor(self.doc, settings=settings, show_banner=False)
        self.setCentralWidget(self.chart)

        self.form = VisitForm(self.binder, settings, patient)
        scroll = QScrollArea()
        scroll.setObjectName("visitFormScroll")
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(FORM_WIDTH)
        self.form_dock = QDockWidget("Visit record", self)
        self.form_dock.setObjectName("visitFormDock")
        self.form_dock.setWidget(scroll)
        self.form_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                   | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.form_dock)

        self._build_menus()
        self._build_status()
        self.form.signature.sign_requested.connect(self.sign)
        self.form.signature.addendum_requested.connect(self.add_addendum)
        self.banners.addendum_requested.connect(self.add_addendum)
        self.banners.refreshed.connect(self._fit_banners)
        self.doc.read_only_changed.connect(self._read_only_changed)
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        self._read_only_changed(self.doc.read_only)
        self.resize(fitted_size(self, 1600, 1000))

    # -- building -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        save = file_menu.addAction("&Save now", self.doc.save_now)
        save.setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addSeparator()
        self.printing = VisitPrinting(self, self.records, self.settings, self._printable)
        add_actions(self, file_menu, None, [
            *visit_print_entries(self.printing),
            ("Export chart &image (PNG)…", lambda: self.printing.export_png(
                self.chart.canvas.view_id), None, "exportPng"), None])
        close = file_menu.addAction("&Close visit", self.close)
        close.setShortcut(QKeySequence.StandardKey.Close)

        edit = bar.addMenu("&Edit")
        self.undo_action = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        visit_menu = bar.addMenu("&Visit")
        self.sign_action = visit_menu.addAction("&Sign…", self.sign)
        self.sign_action.setObjectName("signAction")
        self.sign_action.setShortcut(QKeySequence(SIGN_SHORTCUT))
        self.addendum_action = visit_menu.addAction("Add &addendum…", self.add_addendum)
        self.addendum_action.setObjectName("addendumAction")
        visit_menu.addSeparator()
        self.audit_action = visit_menu.addAction("Audit &trail…", self.show_audit_trail)
        self.audit_action.setObjectName("auditAction")

        # The editor shows the tools in its own toolbar above the canvas; the window lists
        # them in a menu too (with their shortcuts) rather than in a second toolbar.
        chart_menu = bar.addMenu("&Chart")
        chart_menu.addActions(self.chart.tool_actions)
        chart_menu.addSeparator()
        chart_menu.addAction(self.chart.deep_action)
        chart_menu.addAction(self.chart.culprits.action)
        chart_menu.addAction(self.chart.hazard_action)
        chart_menu.addSeparator()
        figures = chart_menu.addMenu("Body &figure")
        figures.setObjectName("figureMenu")
        self.figure_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for figure, text in (("standard", "&Standard figure"), ("female", "&Female figure")):
            action = figures.addAction(text)
            action.setObjectName(f"figure_{figure}")
            action.setCheckable(True)
            action.setChecked(figure == self.doc.visit.figure)
            action.setToolTip(f"Draw the full-body views of this chart on the {figure} figure "
                              "(marks are carried by muscle and landmarks)")
            action.triggered.connect(lambda _=False, f=figure: self._ask_figure(f))
            group.addAction(action)
            self.figure_actions[figure] = action
        chart_menu.addSeparator()
        self.protocols = VisitProtocols(self, self.doc, self.chart, self.settings, chart_menu)

    def _build_status(self) -> None:
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_state)
        self.doc.saved.connect(lambda: self.save_state.setText(
            f"Saved {clock_text(clock.now())}"))
        self.doc.save_failed.connect(self._save_failed)
        self.chart.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 5000))

    # -- state ----------------------------------------------------------------------------------
    def _update_title(self) -> None:
        visit, patient = self.doc.visit, self.doc.patient
        state = "signed" if visit.signed else "draft"
        self.setWindowTitle(f"Visit {date_text(visit.started_at)} — "
                            f"{patient.display_name} ({state})[*]")
        self.setWindowModified(self.doc.has_unsaved_changes)

    def _fit_banners(self) -> None:
        # A top dock otherwise takes a share of the window's height; keep it to its text.
        self.banner_dock.setVisible(not self.banners.empty)
        width = max(self.width() - 20, 400)
        height = self.banners.layout().heightForWidth(width)
        self.banner_dock.setFixedHeight(max(height, self.banners.minimumSizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_banners()

    def _ask_figure(self, figure: str) -> None:
        if figure == self.doc.visit.figure:
            return
        self.figure_actions[self.doc.visit.figure].setChecked(True)  # until it is done
        self.figure_change_requested.emit(self.doc.visit.id, figure)

    def _read_only_changed(self, read_only: bool) -> None:
        from bodymap.atlas import UnknownAtlasVersion, atlas_figures

        try:
            figures = atlas_figures(self.doc.visit.atlas_version)
        except UnknownAtlasVersion:
            figures = ()
        for figure, action in self.figure_actions.items():
            action.setEnabled(not read_only and figure in figures)
        self.sign_action.setEnabled(not read_only)
        self.addendum_action.setEnabled(self.doc.visit.signed)
        self.banners.refresh()
        self._fit_banners()
        # Re-applying a style sheet re-polishes the children with their new readOnly.
        self.form.setStyleSheet(READ_ONLY_STYLE if read_only else "")
        self.form.signature.refresh()
        self._update_title()

    def _save_failed(self, message: str) -> None:
        self.save_state.setText("<b style='color:#a4000f'>Not saved</b>")
        self.statusBar().showMessage(message, 15000)

    # -- actions --------------------------------------------------------------------------------
    def _printable(self) -> tuple[Patient, Visit] | None:
        """This visit for print and PDF, saved first so that paper shows the record."""
        if not self.doc.read_only:
            commit_typed(self.chart.inspector)  # a depth typed but not yet entered
        if not self.doc.save_now():
            show_error(self, "The visit was not printed",
                       "The latest edits could not be saved, so the printout would not "
                       "match the record. Resolve the save problem first.")
            return None
        return self.doc.patient, self.doc.visit

    def sign(self) -> None:
        """Ask for confirmation (and override reasons for unmet requirements), then sign."""
        if self.doc.read_only:
            return
        commit_typed(self.chart.inspector)
        if not self._have_signer():
            return
        problems = self.binder.problems()
        if problems:  # the form shows values the record does not hold
            show_error(self, "The visit was not signed",
                       "Correct the entries marked in red first; they are not saved:\n"
                       + "\n".join(f"• {p}" for p in problems))
            return
        dialog = SignDialog(self.doc.visit, self.settings.clinician, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.doc.sign(signed_by=self.settings.clinician, overrides=dialog.overrides())
        except ValidationError as exc:
            show_error(self, "The visit was not signed", exc.message)
        except StorageError as exc:
            show_error(self, "The visit was not signed", exc.user_message)
        else:
            self.statusBar().showMessage("Visit signed. It is now read-only.", 8000)

    def _have_signer(self, what: str = "the signature") -> bool:
        """A signature or addendum names a clinician, not the computer's login ("root"):
        without a profile, ask for one first; a visit whose clinician is still the login
        name then takes the profile's name (one undo step)."""
        if self.settings.get("clinician_name").strip():
            return True
        login = self.settings.clinician  # the login name while no profile is set
        from bodymap.ui.preferences import ensure_clinician_profile

        if not ensure_clinician_profile(self.settings, self.records, self, what):
            return False
        if not self.doc.read_only and self.doc.visit.clinician == login != \
                self.settings.clinician:
            self.binder.push(None, "Set clinician", own_step=True,
                             clinician=self.settings.clinician)
        return True

    def add_addendum(self) -> None:
        """Write a dated, attributed addendum to the signed visit."""
        if not self.doc.read_only or not self._have_signer("the addendum"):
            return
        author = self.settings.clinician
        dialog = AddendumDialog(author, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.records.add_addendum(self.doc.visit.id, dialog.text.toPlainText(),
                                      author=author)
        except ValidationError as exc:
            show_error(self, "The addendum was not added", exc.message)
            return
        except StorageError as exc:
            show_error(self, "The addendum was not added", exc.user_message)
            return
        self.doc.reload()
        self.form.signature.refresh()

    def audit_dialog(self) -> AuditTrailDialog:
        """The audit trail of this visit as a dialog (not yet shown)."""
        self.doc.save_now()  # so the trail includes the latest edits
        title = self.windowTitle().replace("[*]", "")
        return AuditTrailDialog(self.records.audit_trail(visit_id=self.doc.visit.id),
                                title, self)

    def show_audit_trail(self) -> None:
        try:
            self.audit_dialog().exec()
        except StorageError as exc:
            show_error(self, "The audit trail could not be read", exc.user_message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.doc.read_only:
            commit_typed(self.chart.inspector)  # a depth typed but not yet entered
        if not self.doc.save_now():
            answer = QMessageBox.warning(
                self, "The visit could not be saved",
                "The latest edits could not be written to the database. Close anyway and "
                "lose them, or keep the window open and try again?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        super().closeEvent(event)
        self.closed.emit(self.doc.visit.id)
