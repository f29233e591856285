"""SQLite storage: schema and migrations, repositories that take and return model objects,
the audit log, backups, integrity checks and the single-writer lock. Nothing above this
package writes SQL; nothing in it imports Qt."""

from bodymap.storage.audit import AuditEntry, AuditLog, AuditVerification
from bodymap.storage.backup import all_backups, regular_backups, restore_backup, rotate
from bodymap.storage.database import Database
from bodymap.storage.errors import (
    AlteredSchemaError,
    BackupError,
    CorruptDatabaseError,
    DatabaseLockedError,
    MigrationError,
    NewerSchemaError,
    NotABodymapDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    ReadOnlyDirectoryError,
    ReadOnlyError,
    RecordNotFoundError,
    StorageError,
    WriteFailedError,
)
from bodymap.storage.files import DATABASE_NAME
from bodymap.storage.opening import compare_advice, restore_advice
from bodymap.storage.patients import PatientRepository
from bodymap.storage.schema import LATEST_VERSION
from bodymap.storage.summaries import PatientSummary, VisitSummary
from bodymap.storage.visits import VisitRepository

__all__ = [
    "AlteredSchemaError", "DATABASE_NAME", "LATEST_VERSION", "AuditEntry", "AuditLog",
    "AuditVerification", "BackupError",
    "CorruptDatabaseError", "Database", "DatabaseLockedError", "MigrationError", "NewerSchemaError",
    "NotABodymapDatabaseError", "NotADatabaseError", "PatientRepository", "PatientSummary",
    "ReadOnlyDatabaseError", "ReadOnlyDirectoryError", "ReadOnlyError", "RecordNotFoundError",
    "StorageError", "VisitRepository", "VisitSummary", "WriteFailedError", "regular_backups",
    "all_backups", "compare_advice", "restore_advice", "restore_backup", "rotate",
]
