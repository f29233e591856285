"""The file dialogs of exports and imports: they open in the documents folder, then in the
folder last used for that kind of file (Settings.export_folder), and remember the folder
chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from bodymap.settings import Settings


def ask_save_path(parent: QWidget, settings: Settings, kind: str, title: str,
                  file_name: str, name_filter: str) -> str:
    """The path the user chose to save a ``kind`` file to, suggesting ``file_name``;
    "" if they cancelled."""
    start = settings.export_folder(kind) / file_name
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start), name_filter)
    if path:
        settings.remember_export_folder(kind, Path(path).parent)
    return path


def ask_open_path(parent: QWidget, settings: Settings, kind: str, title: str,
                  name_filter: str) -> str:
    """The ``kind`` file the user chose to open; "" if they cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(settings.export_folder(kind)),
                                          name_filter)
    if path:
        settings.remember_export_folder(kind, Path(path).parent)
    return path
