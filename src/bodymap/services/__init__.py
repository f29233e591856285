"""Use cases that span model and storage (no Qt): the UI and the tests both call these.

The layers above (app, ui, printing, export, render, the CLI) reach storage only through
here: the services' methods, and the storage errors and record types re-exported below
(an import-linter contract in pyproject.toml holds them to it)."""

from bodymap.services.records import (
    PatientSummary,
    Records,
    VisitSummary,
    list_backups,
    restore_backup,
)
from bodymap.storage import DATABASE_NAME, AuditEntry, StorageError, compare_advice
from bodymap.storage.anchor import AnchorError

__all__ = ["DATABASE_NAME", "AnchorError", "AuditEntry", "PatientSummary", "Records",
           "StorageError", "VisitSummary", "compare_advice", "list_backups",
           "restore_backup"]
