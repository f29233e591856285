"""Records: the use cases the UI (and tests, and scripts) call to keep clinical records.

Every method is one storage transaction at most; edits go through the model's edit
functions so validation and the signed-visit rule live in one place.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

from bodymap.model import (
    Addendum,
    PainZone,
    Patient,
    Sex,
    SignRequirement,
    ValidationError,
    Visit,
    redraw_on_figure,
    update_patient,
)
from bodymap.model._validate import utcnow
from bodymap.model.safety import check_estim, estim_refusal, estim_sites
from bodymap.storage import (
    AuditEntry,
    AuditLog,
    AuditVerification,
    Database,
    PatientRepository,
    PatientSummary,
    RecordNotFoundError,
    VisitRepository,
    VisitSummary,
    all_backups,
    restore_backup,
)
from bodymap.storage.anchor import check_against, current_code, read_anchor
from bodymap.storage.importing import import_record
from bodymap.storage.verification import FileFindings, check_file

__all__ = ["PatientSummary", "Records", "VisitSummary", "list_backups", "restore_backup"]


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup in DATA_DIR/backups (regular, pre-migration, pre-restore), newest
    first: what a "Restore backup..." dialog offers."""
    return all_backups(Path(data_dir))


class Records:
    """The clinic's records in one data folder, opened by one user (named in the audit
    log and used as the default clinician, signer and addendum author)."""

    def __init__(self, db: Database, *, user: str) -> None:
        # The database is the services' own: nothing above them reaches it (tests/
        # test_architecture.py); what the app needs of it is a method here.
        self._db = db
        self.user = user
        self._patients = PatientRepository(db)
        self._visits = VisitRepository(db)
        self._audit = AuditLog(db)

    @classmethod
    def open(cls, data_dir: Path, *, user: str, keep_backups: int = 10,
             check_in_background: bool = False, check_schema: bool = True,
             read_only: bool = False) -> Records:
        """Open or create DATA_DIR/bodymap.sqlite; raises StorageError subclasses
        (each with a ``user_message``) and leaves a bad file untouched. See
        :meth:`Database.open` for ``check_in_background``; ``check_schema=False`` opens a
        file whose schema is not bodymap's (AlteredSchemaError otherwise), for ``verify``
        to report on it. ``read_only`` opens an existing database only to read it, beside
        a running bodymap if need be, changing nothing in the data folder
        (:meth:`Database.open_read_only`)."""
        if read_only:
            return cls(Database.open_read_only(Path(data_dir), user=user,
                                               check_schema=check_schema), user=user)
        return cls(Database.open(Path(data_dir), user=user, keep_backups=keep_backups,
                                 check_in_background=check_in_background,
                                 check_schema=check_schema), user=user)

    def close(self, *, backup: bool = True) -> None:
        """Take the automatic backup if this session wrote anything (see
        Database.backup_if_due; ``backup=False``: none), then release the database."""
        self._db.close(backup=backup)

    @property
    def closed(self) -> bool:
        return self._db.closed

    def import_record(self, patient: Patient, visits: list[Visit], *, source: str = "") -> None:
        """Store a new patient with their visits exactly as given, in one audited
        transaction (storage.importing.import_record: ValidationError, nothing written, when
        any id or the chart number exists already)."""
        import_record(self._db, patient, visits, source=source)

    # -- the file's health: the quick_check beside start-up, integrity, automatic backups -------
    def start_check(self) -> None:
        """Start the file's background quick_check now, if still to run (Database.start_check)."""
        self._db.start_check()

    @property
    def check_finished(self) -> bool:
        return self._db.check_finished

    def check_result(self) -> None:
        """Wait for the quick_check; CorruptDatabaseError if it found damage."""
        self._db.check_result()

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity_check findings (empty when the file is sound)."""
        return self._db.integrity_problems()

    def backup_if_due(self) -> Path | None:
        """The automatic backup, when this session has written since the last one."""
        return self._db.backup_if_due()

    def set_user(self, user: str) -> None:
        """Who is charting from now on (after the clinician profile changed): audit entries,
        default clinician, signer and addendum author."""
        if not user or not user.strip():
            raise ValueError("a user name is required: the audit log records who wrote")
        self.user = user
        self._db.user = user

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return self._db.data_dir

    @property
    def database_path(self) -> Path:
        return self._db.path

    # -- patients -------------------------------------------------------------------------------
    def create_patient(self, **fields: Any) -> Patient:
        """Create and store a patient from Patient's fields (chart_number and family_name
        required); ValidationError if a value is impossible or the chart number is taken."""
        try:
            patient = Patient(**fields)
        except TypeError as exc:  # an unknown or missing field name
            raise ValidationError("patient", f"Cannot create a patient: {exc}") from None
        self._patients.add(patient)
        return patient

    def update_patient(self, patient_id: str, **fields: Any) -> Patient:
        """Change editable fields (model.update_patient rules); audited, all or nothing."""
        patient = self._patients.get(patient_id)
        if update_patient(patient, **fields):
            self._patients.update(patient)
        return patient

    def get_patient(self, patient_id: str) -> Patient:
        return self._patients.get(patient_id)

    def find_patient_by_chart_number(self, chart_number: str) -> Patient | None:
        return self._patients.find_by_chart_number(chart_number)

    def search_patients(self, text: str, *, limit: int = 200) -> list[PatientSummary]:
        """Type-ahead search: every word typed must start a word of the family name, given
        names or chart number (accents and case ignored). "" lists all, by family name."""
        return self._patients.search(text, limit=limit)

    def patient_count(self) -> int:
        return self._patients.count()

    # -- visits ---------------------------------------------------------------------------------
    def start_visit(self, patient_id: str, *, clinician: str | None = None,
                    started_at: datetime | None = None, figure: str | None = None) -> Visit:
        """Create and store a new draft visit for the patient, charted on the current
        atlas version, in `figure` (default: the female figure for a female patient where
        the version draws one, else the standard one)."""
        patient = self._patients.get(patient_id)  # RecordNotFoundError for an unknown one
        from bodymap.atlas import atlas_figures, current_atlas_version

        version = current_atlas_version()
        if figure is None:  # the patient's own: patients prefer a chart that looks like them
            figure = "female" if patient.sex is Sex.FEMALE else "standard"
        if figure not in atlas_figures(version):
            figure = "standard"
        visit = Visit(patient_id=patient_id, clinician=clinician or self.user,
                      started_at=started_at or utcnow(), atlas_version=version, figure=figure)
        self._visits.save(visit)
        return visit

    def open_visit(self, visit_id: str) -> Visit:
        """The stored visit with its marks and addenda."""
        return self._visits.get(visit_id)

    def save_visit(self, visit: Visit) -> None:
        """Store a draft's fields and marks in one transaction (audited).
        SignedVisitError if the visit is signed (in memory or on disk); ValidationError if
        it charts e-stim, not already stored, for a patient with an electrical implant."""
        if estim_sites(visit.marks):
            self._check_new_estim(visit)
        self._visits.save(visit)

    def _check_new_estim(self, visit: Visit) -> None:
        """E-stim newly charted for a patient with an electrical implant is refused. A site
        stored with e-stim before the implant was recorded stays as it was (the inspector
        flags it, and signing refuses it), so the rest of the draft can still be saved."""
        patient = self._patients.get(visit.patient_id)
        if estim_refusal(patient) is None:
            return
        try:
            stored = {m.id: m for m in self._visits.get(visit.id).marks}
        except RecordNotFoundError:
            stored = {}
        check_estim(patient, [m for m in estim_sites(visit.marks) if stored.get(m.id) != m])

    def sign_visit(self, visit_id: str, *, signed_by: str | None = None,
                   overrides: dict[SignRequirement, str] | None = None) -> Visit:
        """Sign the stored draft (save edits first). Unmet requirements (consent, needle
        count, precautions reviewed, depth at needle sites over a hazard, the thorax
        needled on both sides) raise
        ValidationError listing them unless ``overrides`` gives a written reason for each;
        the reasons are stored with the signature."""
        from bodymap.atlas import visit_atlas  # only signing needs the anatomy
        from bodymap.services.chart_checks import over_hazard, over_thorax

        visit = self._visits.get(visit_id)
        check_estim(self._patients.get(visit.patient_id), visit.marks)  # never overridable
        atlas = visit_atlas(visit)  # the anatomy it was charted on
        return self._visits.sign(visit_id, signed_by or self.user, overrides=overrides,
                                 hazardous=over_hazard(atlas), thoracic=over_thorax(atlas))

    def change_visit_figure(self, visit_id: str, figure: str) -> list[str]:
        """Redraw the stored draft on another body figure of its atlas version (the female
        or the standard one): its marks are carried by muscle and by the landmarks
        (bodymap.atlas.mapping), saved and audited as one change. Returns what had to move
        or could not come, one line per mark, for the clinician to read."""
        from bodymap.atlas import UnknownAtlasVersion, atlas_figures, load_atlas, visit_atlas
        from bodymap.atlas.mapping import carry_marks

        visit = self._visits.get(visit_id)
        if figure not in atlas_figures(visit.atlas_version):
            raise ValidationError("figure", f"Atlas version {visit.atlas_version} has no "
                                            f"{figure} figure")
        if figure == visit.figure:
            return []
        try:
            source = visit_atlas(visit)
        except UnknownAtlasVersion as exc:
            raise ValidationError("atlas_version", exc.charted("This visit")) from None
        carried = carry_marks(visit.marks, source, load_atlas(visit.atlas_version, figure))
        gone = set(carried.left_behind)
        marks = [dataclasses.replace(m, source_id=None)
                 if isinstance(m, PainZone) and m.source_id in gone else m
                 for m in carried.marks]
        redraw_on_figure(visit, figure, marks)
        self.save_visit(visit)
        return carried.notices

    def add_addendum(self, visit_id: str, text: str, *, author: str | None = None) -> Addendum:
        """Append a dated, attributed addendum to a signed visit."""
        addendum = Addendum(visit_id=visit_id, author=author or self.user, text=text)
        self._visits.add_addendum(addendum)
        return addendum

    def list_visits(self, patient_id: str) -> list[VisitSummary]:
        """The patient's visits, newest first."""
        return self._visits.list_for_patient(patient_id)

    def delete_draft_visit(self, visit_id: str) -> None:
        """Delete a draft visit (audited); SignedVisitError for a signed one."""
        self._visits.delete_draft(visit_id)

    # -- audit and backups ----------------------------------------------------------------------
    def audit_trail(self, *, visit_id: str | None = None,
                    patient_id: str | None = None) -> list[AuditEntry]:
        """Audit entries in order, optionally of one visit (with its marks and addenda)
        and/or one patient."""
        return self._audit.entries(visit_id=visit_id, patient_id=patient_id)

    def verify_audit(self) -> AuditVerification:
        """Check the audit log's hash chain; ``.problem`` names the first bad entry."""
        return self._audit.verify()

    def verify_file(self) -> FileFindings:
        """The schema against bodymap's, every row's text for damaged bytes, and every
        clinical row against its latest audit entry."""
        with self._db.snapshot() as conn:
            return check_file(conn)

    def audit_anchor(self) -> str:
        """The audit log's head as a short code (printed in PDF footers, stored in
        exports) that ``verify --against`` checks a later database against."""
        with self._db.snapshot() as conn:
            return current_code(conn)

    def verify_against(self, anchor: str) -> list[str]:
        """How the audit log departs from an earlier anchor (a code, a backup or an export
        file): [] when every entry it records is still there, unchanged. AnchorError when
        ``anchor`` is none of those."""
        found = read_anchor(anchor)
        with self._db.snapshot() as conn:
            return check_against(conn, found)

    def backup_now(self) -> Path:
        """Back up now (rotating old backups); returns the backup file."""
        return self._db.backup_now()
