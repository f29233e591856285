"""Use cases that span model and storage (no Qt): the UI and the tests both call these."""

from bodymap.services.records import (
    PatientSummary,
    Records,
    VisitSummary,
    list_backups,
    restore_backup,
)

__all__ = ["PatientSummary", "Records", "VisitSummary", "list_backups", "restore_backup"]
