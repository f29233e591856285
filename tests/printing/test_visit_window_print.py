"""The visit window prints its own visit: File ▸ Print…, Print preview… and Export PDF…,
and Visit ▸ Sign… has a keyboard shortcut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_factory import make_patient
from pdf_tools import needs_poppler, pdf_pages_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu

from bodymap.model.timetext import date_text
from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.visit import VisitWindow
from bodymap.ui.visit.signing import SignDialog


@pytest.fixture
def settings(tmp_path: Path, monkeypatch) -> Iterator[Settings]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    s = Settings(tmp_path / "settings.sqlite")
    s.set("clinician_name", "Anna Berg")
    s.set("clinic_name", "Northside Physio")
    yield s
    s.close()


def open_window(qtbot, records: Records, settings: Settings, latest: bool) -> VisitWindow:
    """A visit window on the patient's latest visit (a draft) or the one before (signed)."""
    patient = make_patient(records, visits=2)
    summary = records.list_visits(patient.id)[0 if latest else 1]
    w = VisitWindow(records, settings, patient, records.open_visit(summary.id))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, records: Records, settings: Settings) -> VisitWindow:
    """The signed visit, not the latest: the window prints its own visit."""
    return open_window(qtbot, records, settings, latest=False)


def file_menu(window: VisitWindow) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")


def test_file_menu_prints_previews_and_exports_the_visit(window: VisitWindow):
    texts = [a.text().replace("&", "") for a in file_menu(window).actions()]
    assert texts == ["Save now", "", "Print visit…", "Print preview…", "Export PDF…",
                     "Export chart image (PNG)…", "", "Close visit"]
    printing = {a.objectName(): a for a in file_menu(window).actions()}
    assert printing["printVisit"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


@needs_poppler
def test_export_pdf_from_the_visit_window_writes_that_visit(window: VisitWindow,
                                                            tmp_path: Path, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a)
                        or (str(tmp_path / "v.pdf"), ""))
    action = next(a for a in file_menu(window).actions() if a.objectName() == "exportPdf")
    action.trigger()
    day = date_text(window.doc.visit.started_at)
    assert asked and asked[0][2].endswith(f"ZA-1001-{day}.pdf")
    text = " ".join(pdf_pages_text(tmp_path / "v.pdf"))
    assert "Northside Physio" in text and "ZA-1001" in text
    assert "visit 1" in text and "visit 2" not in text  # its own chart, not the latest
    assert "DRAFT" not in text


def test_print_preview_from_the_visit_window_paints_its_pages(window: VisitWindow,
                                                              monkeypatch):
    painted = []

    def show_and_close(dialog: QPrintPreviewDialog) -> int:
        dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout()))
        dialog.show()  # the preview renders its pages when shown
        assert not dialog.grab().isNull()
        dialog.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show_and_close)
    next(a for a in file_menu(window).actions() if a.objectName() == "printPreview").trigger()
    assert painted


def test_sign_has_a_shortcut_of_its_own(qtbot, records, settings, monkeypatch):
    window = open_window(qtbot, records, settings, latest=True)
    assert window.sign_action.shortcut().toString() == "Ctrl+Shift+S"
    shortcuts = [a.shortcut().toString() for a in window.findChildren(QAction)
                 if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts
    opened = []
    monkeypatch.setattr(SignDialog, "exec",
                        lambda dialog: opened.append(dialog) or QDialog.DialogCode.Rejected)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(opened) == 1
    assert not window.doc.visit.signed


def test_export_png_writes_the_view_on_screen_and_remembers_its_folder(
        qtbot, window: VisitWindow, settings: Settings, tmp_path: Path, monkeypatch):
    tabs = window.chart.tabs
    anterior = next(i for i in range(tabs.count()) if tabs.tabData(i) == "anterior")
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(anterior).center())
    assert window.chart.canvas.view_id == "anterior"
    folder = tmp_path / "images"
    folder.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a[2])
                        or (str(folder / Path(a[2]).name), ""))
    next(a for a in file_menu(window).actions() if a.objectName() == "exportPng").trigger()
    day = date_text(window.doc.visit.started_at)
    written = folder / f"ZA-1001-{day}-anterior.png"
    image = QImage(str(written))
    assert not image.isNull() and image.height() > image.width()  # a standing figure
    assert settings.export_folder("png") == folder
    assert settings.export_folder("pdf") != folder


@needs_poppler
def test_a_pdf_from_the_visit_window_includes_what_was_just_typed(
        qtbot, records: Records, settings: Settings, tmp_path: Path, monkeypatch):
    window = open_window(qtbot, records, settings, latest=True)
    editor = window.form.soap.notes["plan"].editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Review in 2 weeks")
    assert window.doc.has_unsaved_changes  # typed, autosave not yet run
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "now.pdf"), ""))
    next(a for a in file_menu(window).actions() if a.objectName() == "exportPdf").trigger()
    assert "Review in 2 weeks" in " ".join(pdf_pages_text(tmp_path / "now.pdf"))
    assert records.open_visit(window.doc.visit.id).plan == "Review in 2 weeks"
