"""Command-line verbs: work with no screen, print plain text, exit non-zero on trouble."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.storage import StorageError


def _user() -> str:
    settings = Settings()
    try:
        return settings.clinician
    finally:
        settings.close()


def run_verb(verb: str, args: argparse.Namespace, data_dir: Path) -> int:
    """Run one verb; storage problems print their user message and return 2."""
    try:
        if verb == "restore":
            from bodymap.storage import restore_backup

            kept = restore_backup(args.backup_file, data_dir)
            print(f"Restored {args.backup_file} into {data_dir}.")
            if kept is not None:
                print(f"The database it replaced was kept as {kept}.")
            return 0
        records = Records.open(data_dir, user=_user())
        try:
            if verb == "info":
                print(f"data dir:  {records.data_dir}")
                print(f"database:  {records.database_path}")
                print(f"patients:  {records.patient_count():,}")
                return 0
            if verb == "verify":
                result = records.verify_audit()
                if result.ok:
                    print(f"ok: database intact, audit trail of {result.checked:,} entries "
                          "verified")
                    return 0
                print(f"PROBLEM: {result.problem}", file=sys.stderr)
                return 1
            if verb == "backup":
                print(f"backup written: {records.backup_now()}")
                return 0
        finally:
            records.close()
    except StorageError as exc:
        print(f"bodymap: {exc.user_message}", file=sys.stderr)
        return 2
    raise AssertionError(f"unknown verb {verb}")
