"""How problems reach the person at the keyboard: a dialog that says what happened and what
to do, never a traceback. Technical details go to a log file."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from bodymap.paths import log_dir

log = logging.getLogger("bodymap")


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal error dialog with a plain-language message."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorDialog")
    box.exec()


def show_warning(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("warningDialog")
    box.exec()


def _log_file() -> str:
    path = log_dir() / "bodymap.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not any(isinstance(h, logging.FileHandler) for h in log.handlers):
            handler = logging.FileHandler(path, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)
    except OSError:
        return "(the log file could not be written)"
    return str(path)


def install_excepthook() -> None:
    """Turn an unexpected exception in a Qt slot into a dialog and a log entry. The app keeps
    running: every completed edit is already committed, so nothing is lost by carrying on."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        where = _log_file()
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        show_error(None, "Unexpected problem",
                   f"bodymap ran into a problem it did not expect:\n\n{exc}\n\n"
                   "Everything saved before this moment is safe. If it happens again, "
                   f"send the technical details to your support contact; they are in\n{where}")

    sys.excepthook = hook
