"""Start the desktop app: QApplication, storage, demo data, main window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from bodymap.services import StorageError
from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.errors import install_excepthook, show_error
from bodymap.ui.main_window import MainWindow

BACKUP_CHECK_MS = 60 * 60 * 1000  # hourly
WARM_UP_MS = (1000, 1600)  # after the first paint: the visit window's code, then the atlas
GC_RESUME_LATEST_MS = 2000  # the collector runs again by then even if nothing painted


def warm_up(step: int | None = None) -> None:
    """Load what the first visit opened needs while the clinician is still finding the
    patient: the visit window and chart editor code (about 60 ms), then the anatomy atlas
    (about 80 ms). The first visit of the day then opens as fast as the next one. Each
    step runs alone on the idle event loop; ``None`` runs both now."""
    if step in (None, 0):
        import bodymap.ui.visit.window  # noqa: F401
    if step in (None, 1):
        from bodymap.atlas import load_atlas

        load_atlas()


def _backup_if_due(records: Records) -> None:
    try:
        records.backup_if_due()
    except StorageError as exc:
        # A failed backup must not interrupt charting; say so where it will be seen.
        window = QApplication.activeWindow()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Automatic backup failed: {exc.user_message}")


class _FirstPaint(QObject):
    """Watches the main window for its first paint, then runs ``after`` from the event loop
    (what start-up put off until the window is up). Under --smoke-test it also says so on
    stdout and quits the app: the start-up benchmark times the process to that line."""

    def __init__(self, app: QApplication, after: Callable[[], None], *,
                 smoke_test: bool) -> None:
        super().__init__()
        self.app = app
        self.after = after
        self.smoke_test = smoke_test
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            if self.smoke_test:
                print("bodymap first paint", flush=True)
                QTimer.singleShot(0, self.app.quit)
            QTimer.singleShot(0, self.after)
        return False


def resume_garbage_collection() -> None:
    """Turn the cyclic collector back on once the window is up (idempotent). What start-up
    built stays for the session, so it is frozen out of later collections: they then scan
    only what the session allocates, and charting never pauses to re-scan Qt's bindings."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _cannot_open(exc: StorageError, *, smoke_test: bool, parent: QWidget | None = None
                 ) -> None:
    if smoke_test:  # no dialog nobody could see
        print(f"bodymap smoke-test failed: {exc.user_message}", file=sys.stderr)
    else:
        show_error(parent, "bodymap cannot open the records", exc.user_message)


class _IntegrityWatch(QObject):
    """Waits for the background quick_check of the records; if the file is damaged, says so
    (as opening a damaged file does) and quits. Nothing has been written by then: every
    write waits for the check."""

    def __init__(self, records: Records, *, smoke_test: bool) -> None:
        super().__init__()  # no parent: asked for its verdict after the window is gone
        self.records = records
        self.smoke_test = smoke_test
        self.error: StorageError | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(25)
        self._poll.timeout.connect(self._poll_check)
        self._poll.start()

    def _poll_check(self) -> None:
        self.records.start_check()  # if the first paint has not started it already
        if self.records.check_finished:
            self.verdict()

    def verdict(self) -> StorageError | None:
        """The check's outcome, waiting for it if need be; reported once."""
        if not self._poll.isActive():
            return self.error
        self._poll.stop()
        try:
            self.records.check_result()
        except StorageError as exc:
            self.error = exc
            _cannot_open(exc, smoke_test=self.smoke_test, parent=QApplication.activeWindow())
            # exit(), not quit(): quit() first asks each window to close, and a visit with
            # edits not yet saved would offer "Cancel" and keep the app on a damaged file.
            QApplication.exit(2)
        return self.error


def run_gui(data_dir: Path, *, demo: bool = False, smoke_test: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    app.setOrganizationName("bodymap")
    # Lets desktops match the window to the installed menu entry (packaging/linux).
    app.setDesktopFileName("app.bodymap.Bodymap")
    icon = Path(__file__).resolve().parent.parent / "assets" / "icons" / "bodymap.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    settings = Settings()
    try:
        # The file's quick_check runs beside the first paint; writes wait for it.
        records = Records.open(data_dir, user=settings.clinician, check_in_background=True)
    except StorageError as exc:
        _cannot_open(exc, smoke_test=smoke_test)
        settings.close()
        return 2
    try:
        try:
            if demo:
                from bodymap.services.demo import seed_demo

                seed_demo(records)
            window = MainWindow(records, settings)
        except StorageError as exc:  # a read met a page the quick_check will call damaged
            _cannot_open(exc, smoke_test=smoke_test)
            return 2

        def after_first_paint() -> None:
            resume_garbage_collection()
            records.start_check()  # the file's quick_check (writes wait for it)

        watcher = _FirstPaint(app, after_first_paint, smoke_test=smoke_test)
        window.installEventFilter(watcher)
        # A window started minimised or hidden may not paint for a while.
        QTimer.singleShot(GC_RESUME_LATEST_MS, resume_garbage_collection)
        if smoke_test:
            QTimer.singleShot(20_000, app.quit)  # never hang a packaging check
        window.show()
        # Clinics leave bodymap open for days: back up hourly too, not only on closing.
        # backup_if_due copies only what changed since the last backup.
        backup_timer = QTimer(window)
        backup_timer.setInterval(BACKUP_CHECK_MS)
        backup_timer.timeout.connect(lambda: _backup_if_due(records))
        backup_timer.start()
        integrity = _IntegrityWatch(records, smoke_test=smoke_test)
        if not smoke_test:
            QTimer.singleShot(0, window, window.ask_for_profile_if_missing)
            for step, delay in enumerate(WARM_UP_MS):
                QTimer.singleShot(delay, window, lambda step=step: warm_up(step))
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
        if integrity.verdict() is not None:  # damaged: said so (now, if it quit first)
            return 2
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
