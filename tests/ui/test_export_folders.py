"""Export dialogs start in the documents folder, then in the last folder used for that kind
of export (PDF, JSON, CSV, PNG), remembered across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from bodymap.model import TriggerPoint, add_mark
from bodymap.settings import Settings
from bodymap.ui.main_window import MainWindow


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)  # the working folder, where dialogs must not start
    return home


class SaveDialog:
    """Answers getSaveFileName with a file in ``folder``; keeps the folder it opened in."""

    def __init__(self, monkeypatch) -> None:
        self.opened_in: list[Path] = []
        self.folder: Path | None = None
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.answer)

    def answer(self, parent, title, start, name_filter):
        start = Path(start)
        self.opened_in.append(start.parent)
        assert start.name  # the suggested file name is kept
        if self.folder is None:
            return "", ""
        self.folder.mkdir(parents=True, exist_ok=True)
        return str(self.folder / start.name), name_filter


def test_settings_fall_back_to_documents_when_the_last_folder_is_gone(home, tmp_path):
    settings = Settings(tmp_path / "settings.sqlite")
    assert settings.export_folder("pdf") == home / "Documents"
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    settings.remember_export_folder("pdf", gone)
    assert Settings(tmp_path / "settings.sqlite").export_folder("pdf") == gone
    gone.rmdir()
    assert settings.export_folder("pdf") == home / "Documents"
    with pytest.raises(ValueError):
        settings.export_folder("docx")


def test_export_dialogs_start_in_documents_then_in_the_last_folder_of_their_kind(
        qtbot, records, home, tmp_path, monkeypatch):
    patient = records.create_patient(chart_number="F-1", family_name="Okafor",
                                     given_names="Ada")
    visit = records.start_visit(patient.id, clinician="Ana Ruiz")
    add_mark(visit, TriggerPoint(view="posterior", x=10, y=10))
    records.save_visit(visit)
    settings = Settings(tmp_path / "settings.sqlite")
    dialog = SaveDialog(monkeypatch)

    actions = open_main_window(qtbot, records, settings, patient.id)
    actions["exportPdf"].trigger()  # cancelled: nothing remembered
    assert dialog.opened_in == [home / "Documents"]
    dialog.folder = tmp_path / "letters"
    actions["exportPdf"].trigger()
    assert list((tmp_path / "letters").glob("*.pdf"))
    actions["exportPdf"].trigger()
    actions["exportMarksCsv"].trigger()  # another kind: still the documents folder
    assert dialog.opened_in[1:] == [home / "Documents", tmp_path / "letters",
                                    home / "Documents"]

    settings.close()  # after a restart, each kind's folder is remembered
    again = Settings(tmp_path / "settings.sqlite")
    actions = open_main_window(qtbot, records, again, patient.id)
    actions["exportPdf"].trigger()
    actions["exportPatient"].trigger()
    assert dialog.opened_in[-2:] == [tmp_path / "letters", home / "Documents"]
    again.close()


def open_main_window(qtbot, records, settings, patient_id: str) -> dict[str, QAction]:
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    window.patients.refresh()
    assert window.patients.select(patient_id)
    return {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}
