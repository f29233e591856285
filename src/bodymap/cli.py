"""Command-line verbs: work with no screen, print plain text, exit non-zero on trouble.

Exit codes: 0 done, 1 a problem with what was asked (unknown chart number, a rejected
import file, an output file that cannot be written: then none is left behind), 2 storage
trouble (the message says what to do)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bodymap.model import Patient
from bodymap.services import DATABASE_NAME, AnchorError, StorageError, compare_advice
from bodymap.services.output import OutputError
from bodymap.services.records import Records
from bodymap.settings import Settings

READ_ONLY_VERBS = frozenset({"info", "verify", "print", "export"})


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
            from bodymap.services import restore_backup

            kept = restore_backup(args.backup_file, data_dir)
            print(f"Restored {args.backup_file} into {data_dir}.")
            if kept is not None:
                print(f"The database it replaced was kept as {kept}.")
            return 0
        if verb == "info" and not os.path.lexists(data_dir / DATABASE_NAME):
            print(f"data dir:  {data_dir}")
            print(f"database:  {data_dir / DATABASE_NAME} (none yet: the app makes it)")
            print("patients:  0")
            return 0
        # The verbs that only read take no lock and write nothing: they run beside the
        # open app and on a write-protected copy. verify reports a schema that is not
        # bodymap's (with everything else it finds); every other verb refuses such a file.
        records = Records.open(data_dir, user=_user(), check_schema=verb != "verify",
                               read_only=verb in READ_ONLY_VERBS)
        try:
            if verb == "info":
                print(f"data dir:  {records.data_dir}")
                print(f"database:  {records.database_path}")
                print(f"patients:  {records.patient_count():,}")
                return 0
            if verb == "verify":
                damage = records.integrity_problems()
                result = records.verify_audit()
                found = records.verify_file()
                against = getattr(args, "against", None)
                try:
                    departed = records.verify_against(against) if against else []
                except AnchorError as exc:
                    return _fail(str(exc))
                if not damage and result.ok and found.ok and not departed:
                    print(f"ok: database intact, audit trail of {result.checked:,} entries "
                          "verified, every record as the trail recorded it"
                          + (f", matches {against}" if against else ""))
                    print(f"anchor: {records.audit_anchor()}")
                    return 0
                for problem in damage:
                    print(f"DATABASE DAMAGE: {problem}", file=sys.stderr)
                for problem in found.schema:
                    print(f"SCHEMA CHANGED: {problem}", file=sys.stderr)
                for problem in found.damaged:
                    print(f"DAMAGED ROW: {problem}", file=sys.stderr)
                for problem in found.records:
                    print(f"RECORD CHANGED: {problem}", file=sys.stderr)
                for problem in departed:
                    print(f"ANCHOR MISMATCH: {problem}", file=sys.stderr)
                if not result.ok:
                    print(f"AUDIT TRAIL PROBLEM: {result.problem}", file=sys.stderr)
                print(compare_advice(records.database_path), file=sys.stderr)
                return 1
            if verb == "backup":
                print(f"backup written: {records.backup_now()}")
                return 0
            if verb in RECORD_VERBS:
                return RECORD_VERBS[verb](records, args)
        finally:
            records.close()
    except StorageError as exc:
        print(f"bodymap: {exc.user_message}", file=sys.stderr)
        return 2
    except OutputError as exc:
        return _fail(exc.user_message)
    raise AssertionError(f"unknown verb {verb}")


def _fail(message: str) -> int:
    print(f"bodymap: {message}", file=sys.stderr)
    return 1


def _patient_by_chart(records: Records, chart_number: str) -> Patient | None:
    patient = records.find_patient_by_chart_number(chart_number)
    if patient is None:
        print(f"bodymap: no patient has chart number {chart_number!r}", file=sys.stderr)
    return patient


def ensure_gui_application() -> object:
    """A QGuiApplication for drawing (QPdfWriter needs one, not a window). With no display
    the offscreen platform is chosen, so printing works over ssh and in cron jobs."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["bodymap"])


def _chosen_visits(records: Records, patient: Patient, which: str) -> list[str] | None:
    """Visit ids for latest / all / one id, oldest first; None (said why) when none."""
    summaries = records.list_visits(patient.id)  # newest first
    if not summaries:
        _fail(f"{patient.display_name} ({patient.chart_number}) has no visits")
        return None
    if which == "latest":
        return [summaries[0].id]
    if which == "all":
        return [s.id for s in reversed(summaries)]  # the paper file reads oldest first
    if which in {s.id for s in summaries}:
        return [which]
    _fail(f"visit {which!r} is not a visit of {patient.chart_number} "
          "(use latest, all or a visit id)")
    return None


def _clinic(given: str | None) -> str:
    if given is not None:
        return given
    settings = Settings()
    try:
        return str(settings.get("clinic_name") or "")
    finally:
        settings.close()


def _print(records: Records, args: argparse.Namespace) -> int:
    patient = _patient_by_chart(records, args.patient)
    if patient is None:
        return 1
    ids = _chosen_visits(records, patient, args.visit)
    if ids is None:
        return 1
    app = ensure_gui_application()  # noqa: F841 - kept alive while drawing
    from bodymap.printing.pdf import write_visit_pdf

    clinic = _clinic(args.clinic)
    visits = [records.open_visit(v) for v in ids]
    pages = write_visit_pdf(records, patient, visits, args.output, page_size=args.page_size,
                            clinic_name=clinic)
    print(f"wrote {args.output}: {len(visits)} visit(s), {pages} page(s)")
    if not clinic:
        print("note: no clinic name in the page header; pass --clinic NAME or set it in the "
              "app's Preferences", file=sys.stderr)
    return 0


def _export(records: Records, args: argparse.Namespace) -> int:
    from bodymap.export.json_export import export_patient, write_export

    patient = _patient_by_chart(records, args.patient)
    if patient is None:
        return 1
    if args.format == "fhir":
        return _export_fhir(records, patient, args)
    if args.visit is not None or args.drafts:
        return _fail("--visit and --drafts are for --format fhir: the JSON export is the "
                     "patient's whole record")
    data = export_patient(records, patient.id)
    write_export(data, args.output)
    print(f"wrote {args.output}: {patient.chart_number}, {len(data['visits'])} visit(s)")
    return 0


def _export_fhir(records: Records, patient: Patient, args: argparse.Namespace) -> int:
    from bodymap.export.fhir import NothingToExport, patient_bundle, write_bundle
    from bodymap.services.output import check_output_path

    ids = _chosen_visits(records, patient, args.visit or "all")
    if ids is None:
        return 1
    check_output_path(args.output)  # before drawing every visit's PDF
    app = ensure_gui_application()  # noqa: F841 - the visits' PDFs are drawn
    from bodymap.printing.pdf import visit_pdf_bytes

    clinic = _clinic(None)
    try:
        bundle = patient_bundle(
            records, patient.id, visit_ids=ids, include_drafts=args.drafts,
            pdf_for=lambda v: visit_pdf_bytes(records, patient, [v], clinic_name=clinic)[0])
    except NothingToExport as exc:
        return _fail(f"{exc}; nothing was written")
    write_bundle(bundle, args.output)
    encounters = sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter")
    print(f"wrote {args.output}: FHIR R4 bundle of {patient.chart_number}, {encounters} "
          f"visit(s), {len(bundle['entry'])} resources")
    return 0


def _import(records: Records, args: argparse.Namespace) -> int:
    from bodymap.export.json_export import ImportRejected, import_file

    try:
        patient = import_file(records, args.input)
    except ImportRejected as exc:
        return _fail(f"{args.input} was not imported: {exc.message}. Nothing was written.")
    visits = len(records.list_visits(patient.id))
    print(f"imported {patient.display_name} ({patient.chart_number}) with {visits} visit(s)")
    return 0


RECORD_VERBS: dict[str, Callable[[Records, argparse.Namespace], int]] = {
    "print": _print, "export": _export, "import": _import}
