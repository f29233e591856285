"""Start the desktop app: QApplication, storage, demo data, main window."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.storage import StorageError
from bodymap.ui.errors import install_excepthook, show_error
from bodymap.ui.main_window import MainWindow


BACKUP_CHECK_MS = 60 * 60 * 1000  # hourly


def _backup_if_due(records: Records) -> None:
    try:
        records.db.backup_if_due()
    except StorageError as exc:
        # A failed backup must not interrupt charting; say so where it will be seen.
        window = QApplication.activeWindow()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Automatic backup failed: {exc.user_message}")


class _FirstPaint(QObject):
    """Quits the app once the watched window has painted (used by --smoke-test)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
        return False


def run_gui(data_dir: Path, *, demo: bool = False, smoke_test: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    app.setOrganizationName("bodymap")
    # Lets desktops match the window to the installed menu entry (packaging/linux).
    app.setDesktopFileName("app.bodymap.Bodymap")
    icon = files("bodymap") / "assets" / "icons" / "bodymap.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings = Settings()
    try:
        records = Records.open(data_dir, user=settings.clinician)
    except StorageError as exc:
        if smoke_test:
            print(f"bodymap smoke-test failed: {exc.user_message}", file=sys.stderr)
        else:
            show_error(None, "bodymap cannot open the records", exc.user_message)
        settings.close()
        return 2
    try:
        if demo:
            from bodymap.services.demo import seed_demo

            seed_demo(records)
        window = MainWindow(records, settings)
        watcher = _FirstPaint(app)
        if smoke_test:
            window.installEventFilter(watcher)
            QTimer.singleShot(20_000, app.quit)  # never hang a packaging check
        window.show()
        # Clinics leave bodymap open for days: take the daily backup then too, not only
        # when it closes. backup_if_due does nothing if today's backup exists.
        backup_timer = QTimer(window)
        backup_timer.setInterval(BACKUP_CHECK_MS)
        backup_timer.timeout.connect(lambda: _backup_if_due(records))
        backup_timer.start()
        # Unexpected errors inside the event loop become a dialog and a log entry; outside
        # it (start-up, shutdown, --smoke-test) they stay ordinary tracebacks on stderr, so
        # a headless run can never hang on a dialog nobody can see.
        previous_hook = sys.excepthook
        if not smoke_test:
            install_excepthook()
        try:
            rc = app.exec()
        finally:
            sys.excepthook = previous_hook
        if smoke_test:
            if not watcher.painted:
                print("bodymap smoke-test failed: the main window never painted",
                      file=sys.stderr)
                return 1
            print("bodymap smoke-test ok")
        return rc
    finally:
        records.close()
        settings.close()
