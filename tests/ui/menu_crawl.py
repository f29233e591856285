"""Every action of every menu, triggered as a clinician would, with demo records open.

Not collected on its own (its name does not start with ``test_``): test_menu_smoke.py runs
it in a separate pytest process, so that a crash in Qt (a segmentation fault) fails the
suite with its own report instead of killing the whole run.

Each modal dialog an action opens is painted (``grab()``) and closed: save dialogs are
answered with a file in a temporary folder, every other dialog is cancelled. Each window an
action opens is painted and closed too. pytest-qt fails the test on any exception raised
in a Qt slot or event handler, and an error dialog fails it as well.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMenu, QWidget

from bodymap.model import Patient
from bodymap.services.demo import seed_demo
from bodymap.ui.main_window import MainWindow
from bodymap.ui.visit import VisitWindow


def _closes_window(action: QAction) -> int:
    """Sort key: 0 for most actions; 1 for those that replace the window (redrawing the
    chart on another body figure reopens the visit in a new window); 2 for those that
    close it."""
    if action.text().replace("&", "") in {"Quit", "Close visit"}:
        return 2
    return 1 if action.objectName().startswith("figure_") else 0


class DialogCloser:
    """Paints and closes each modal dialog as soon as it is the active modal widget."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.seen: list[str] = []
        self.errors: list[str] = []
        self.shots = Path(os.environ["BODYMAP_SMOKE_SHOTS"]) \
            if os.environ.get("BODYMAP_SMOKE_SHOTS") else None
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.close_modal)
        self.timer.start()

    def paint(self, widget: QWidget) -> None:
        image = widget.grab()
        assert not image.isNull(), f"{widget.windowTitle()} did not paint"
        self.seen.append(f"{type(widget).__name__}: {widget.windowTitle()}")
        if widget.objectName() == "errorDialog":
            text = getattr(widget, "text", lambda: "")()
            self.errors.append(f"{widget.windowTitle()}: {text}")
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            image.save(str(self.shots / f"{len(self.seen):02d}-{type(widget).__name__}.png"))

    def close_modal(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            return
        self.paint(widget)
        if isinstance(widget, QFileDialog) \
                and widget.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            name = Path(widget.selectedFiles()[0] if widget.selectedFiles() else "out").name
            widget.selectFile(str(self.out_dir / f"{len(self.seen):02d}-{name}"))
            widget.accept()
        elif isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()


def _leaf_actions(menu: QMenu) -> Iterator[QAction]:
    menu.aboutToShow.emit()  # menus that fill themselves when opened
    for action in menu.actions():
        if action.menu() is not None:
            yield from _leaf_actions(action.menu())
        elif not action.isSeparator():
            yield action


def menu_actions(window: QMainWindow) -> list[QAction]:
    """Every action of every menu and submenu; those that close the window run last."""
    actions = [a for top in window.menuBar().actions() if top.menu() is not None
               for a in _leaf_actions(top.menu())]
    return sorted(actions, key=_closes_window)


def trigger_all(qtbot, window: QMainWindow, closer: DialogCloser,
                keep: Callable[[], set[QWidget]]) -> list[str]:
    """Trigger each enabled menu action of ``window``; paint and close what it opens."""
    triggered = []
    for action in menu_actions(window):
        try:
            if not action.isEnabled() or not window.isVisible():
                continue
        except RuntimeError:  # the window was replaced by the previous action, and is gone
            break
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()} | keep()
        triggered.append(action.text().replace("&", ""))
        action.trigger()
        qtbot.wait(20)
        for widget in set(QApplication.topLevelWidgets()) - before - keep():
            if widget.isVisible() and not isinstance(widget, QMenu):
                closer.paint(widget)
                widget.close()
        QCoreApplication.sendPostedEvents()
    return triggered


@pytest.fixture
def closer(tmp_path: Path) -> Iterator[DialogCloser]:
    # Qt's own file dialogs, never a platform one that could block a run with no screen.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    out = tmp_path / "out"
    out.mkdir()
    c = DialogCloser(out)
    yield c
    c.timer.stop()
    assert not c.errors, c.errors


@pytest.fixture
def main_window(qtbot, records, settings) -> MainWindow:
    seed_demo(records)
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def show_demo_patient(window: MainWindow, records, status: str | None = None) -> Patient:
    """Select the demo patient with the most visits (of ``status``, if given)."""
    def count(patient: Patient) -> int:
        return sum(1 for v in records.list_visits(patient.id)
                   if status is None or v.status.value == status)

    patient = max(seed_demo(records), key=count)  # the demo patients, already there
    window.patients.refresh()
    assert window.patients.select(patient.id)
    assert window.patient_panel.patient is not None
    return patient


def test_every_main_window_action(qtbot, main_window, records, closer):
    show_demo_patient(main_window, records)
    triggered = trigger_all(qtbot, main_window, closer, set)
    assert {"Print preview…", "Print visit…", "Export PDF…", "Preferences…",
            "Quit"} <= set(triggered), triggered
    assert any("Print preview" in s for s in closer.seen), closer.seen
    print("\n".join(closer.seen))


@pytest.mark.parametrize("which", ["draft", "signed"])
def test_every_visit_window_action(qtbot, main_window, records, closer, which):
    patient = show_demo_patient(main_window, records, which)
    chosen = next(v for v in records.list_visits(patient.id) if v.status.value == which)
    window = main_window.open_visit(chosen.id)
    assert isinstance(window, VisitWindow)
    qtbot.waitExposed(window)
    # the app's own windows stay (a visit reopened on another figure is one)
    own = lambda: {main_window, *main_window.visit_windows.values()}  # noqa: E731
    triggered = trigger_all(qtbot, window, closer, own)
    expected = {"Save now", "Print visit…", "Print preview…", "Export PDF…",
                "Export chart image (PNG)…", "Audit trail…", "Select / move",
                "Sign…" if which == "draft" else "Add addendum…"}
    assert expected <= set(triggered), triggered
    if which == "draft":  # the other body figure: the visit reopens on it in a new window
        other = {"Standard figure", "Female figure"} & set(triggered)
        assert other, triggered
        replacement = main_window.visit_windows[chosen.id]
        assert replacement is not window and replacement.isVisible()
        closer.paint(replacement)  # its actions are the first window's: close it
        window = replacement
        close = next(a for a in menu_actions(window) if _closes_window(a) == 2)
        close.trigger()
        triggered.append(close.text().replace("&", ""))
    assert "Close visit" in triggered, triggered
    assert chosen.id not in main_window.visit_windows  # closed, and let go
    print("\n".join(closer.seen))
