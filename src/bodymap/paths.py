"""Where bodymap keeps things: the one module that asks platformdirs."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "bodymap"


def default_data_dir() -> Path:
    """The clinical data directory (database, backups) unless --data-dir or a setting says
    otherwise, e.g. ~/.local/share/bodymap on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Per-user preferences (clinician profile, chosen data dir), e.g. ~/.config/bodymap."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where unexpected errors are logged with their technical details."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """The user's documents folder (e.g. ~/Documents, or its XDG name in the user's
    language), else the home folder: where exported files go unless the user chose
    another folder before."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()
