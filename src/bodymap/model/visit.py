"""A visit (treatment session): the legal record of one dry-needling treatment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import ClassVar

from bodymap.model._validate import (
    check_aware,
    check_date,
    check_float,
    check_id,
    check_int,
    check_text,
    new_id,
    utcnow,
)
from bodymap.model.coding import PROCEDURE_CODE_VALUES
from bodymap.model.errors import ValidationError
from bodymap.model.limits import limit
from bodymap.model.marks import MARK_TYPES, Mark, NeedleSite, Side
from bodymap.model.timetext import time_text

MAX_NEEDLES = 500  # per visit; more is a typing error, not a treatment
MAX_ATLAS_VERSION = 9999  # a sanity bound; which versions exist is the atlas's business
#: the body figures a chart can be drawn on: the standard one, and the female one (the same
#: muscles with a woman's proportions; which atlas versions draw it is the atlas's business)
FIGURES = ("standard", "female")


class VisitStatus(str, Enum):
    DRAFT = "draft"
    SIGNED = "signed"


class AdverseEvent(str, Enum):
    """Adverse events after dry needling (shared DOMAIN.md; Brady et al. 2014,
    Boyce et al. 2020)."""

    BRUISING = "bruising"
    BLEEDING = "bleeding"
    PAIN = "pain"  # during or after
    AGGRAVATION = "aggravation"
    DROWSINESS = "drowsiness"
    HEADACHE = "headache"
    NAUSEA = "nausea"
    SYNCOPE = "syncope"
    PNEUMOTHORAX = "pneumothorax"
    NERVE_INJURY = "nerve_injury"
    INFECTION = "infection"
    RETAINED_NEEDLE = "retained_needle"

    @property
    def label(self) -> str:
        return ADVERSE_EVENT_LABELS[self]

    @property
    def major(self) -> bool:
        return self in {AdverseEvent.PNEUMOTHORAX, AdverseEvent.NERVE_INJURY,
                        AdverseEvent.INFECTION, AdverseEvent.RETAINED_NEEDLE}


ADVERSE_EVENT_LABELS: dict[AdverseEvent, str] = {
    AdverseEvent.BRUISING: "Bruising",
    AdverseEvent.BLEEDING: "Bleeding",
    AdverseEvent.PAIN: "Pain during or after treatment",
    AdverseEvent.AGGRAVATION: "Symptom aggravation",
    AdverseEvent.DROWSINESS: "Drowsiness",
    AdverseEvent.HEADACHE: "Headache",
    AdverseEvent.NAUSEA: "Nausea",
    AdverseEvent.SYNCOPE: "Syncope (fainting)",
    AdverseEvent.PNEUMOTHORAX: "Pneumothorax",
    AdverseEvent.NERVE_INJURY: "Nerve injury",
    AdverseEvent.INFECTION: "Infection",
    AdverseEvent.RETAINED_NEEDLE: "Retained needle",
}


SOAP_FIELDS = ("subjective", "objective", "assessment", "plan")


class SignRequirement(str, Enum):
    """What signing checks; each can be overridden only with a written reason."""

    CONSENT = "consent"
    NEEDLE_COUNT = "needle_count"
    PRECAUTIONS_REVIEWED = "precautions_reviewed"
    HAZARD_DEPTH = "hazard_depth"
    BILATERAL_THORAX = "bilateral_thorax"
    SOAP_NOTES = "soap_notes"

    @property
    def label(self) -> str:
        return {"consent": "Consent for dry needling recorded",
                "needle_count": "Needle count reconciled (used = removed = charted)",
                "precautions_reviewed": "Precautions reviewed this visit",
                "hazard_depth": "Depth recorded for every needle site over a hazard "
                                "(thorax, spine, anterior hip, abdomen)",
                "bilateral_thorax": "Thorax needled on one side only this session",
                "soap_notes": "Clinical notes written (subjective, objective, assessment or "
                              "plan)",
                }[self.value]


@dataclass(frozen=True, kw_only=True)
class Addendum:
    """A dated, attributed correction or addition to a signed visit. Never edited."""

    id: str = field(default_factory=new_id)
    visit_id: str
    author: str
    text: str
    created_at: datetime = field(default_factory=utcnow)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", check_id("id", self.id))
        check_id("visit_id", self.visit_id)
        check_text("author", self.author, limit=limit("author"), required=True, label="Author")
        check_text("text", self.text, limit=limit("addendum_text"), required=True,
                   label="Addendum text")
        check_aware("created_at", self.created_at)


# Fields a clinician edits on a visit (everything but identity, marks, status and addenda).
NOTE_FIELDS = ("subjective", "objective", "assessment", "plan", "instructions",
               "pressure_pain_threshold", "range_of_motion", "adverse_event_notes")


@dataclass(kw_only=True)
class Visit:
    """One treatment session of one patient: notes, chart marks, counts and signature."""

    id: str = field(default_factory=new_id)
    patient_id: str
    started_at: datetime = field(default_factory=utcnow)
    clinician: str
    consent_obtained: bool = False
    consent_date: date | None = None
    precautions_reviewed: bool = False
    subjective: str = ""
    objective: str = ""
    assessment: str = ""
    plan: str = ""
    instructions: str = ""
    nprs_before: int | None = None
    nprs_after: int | None = None
    pressure_pain_threshold: str = ""
    range_of_motion: str = ""
    needles_used: int | None = None
    needles_removed: int | None = None
    adverse_events: frozenset[AdverseEvent] = frozenset()
    adverse_event_notes: str = ""
    marks: list[Mark] = field(default_factory=list)
    status: VisitStatus = VisitStatus.DRAFT
    signed_by: str | None = None
    signed_at: datetime | None = None
    sign_overrides: dict[SignRequirement, str] = field(default_factory=dict)
    addenda: list[Addendum] = field(default_factory=list)
    # Referred-pain extent in percent of the body outline: one entry per view with zones
    # plus "total" (see services/pain_extent.py). Derived from the zones, stored so that
    # history and export read it without the atlas; the chart editor keeps it current.
    pain_extent: dict[str, float] = field(default_factory=dict)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    # The anatomy atlas version the chart was drawn on (bodymap.atlas.versions): its marks'
    # positions are in that version's diagram units, and it is drawn on that version for
    # ever. New visits take the current version (services); 1 is what every visit charted
    # before atlas versions existed was drawn on (and what an export without it means).
    atlas_version: int = 1
    # The body figure the full-body views are drawn in (FIGURES): marks are in its units
    figure: str = "standard"
    # The procedure code (model/coding.py): on a draft None follows the suggestion from the
    # muscles needled, a code or "none" is the clinician's choice; signing stores the code
    # the visit then shows ("none" when it has none). None on a signed visit: signed before
    # procedure codes were recorded.
    procedure_code: str | None = None
    # Set on a visit read back from storage: what it breaks of today's rules, one message
    # per field (see _validate.stored_records). Such a visit opens read-only.
    read_problems: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        self.validate()

    @property
    def signed(self) -> bool:
        return self.status is VisitStatus.SIGNED

    def validate(self) -> None:
        """Raise ValidationError naming the first impossible value."""
        self.id = check_id("id", self.id)
        self.patient_id = check_id("patient_id", self.patient_id)
        check_aware("started_at", self.started_at, label="Visit date and time")
        check_text("clinician", self.clinician, limit=limit("clinician"), required=True,
                   label="Clinician")
        for name in ("consent_obtained", "precautions_reviewed"):
            if not isinstance(getattr(self, name), bool):
                raise ValidationError(name, f"{name} must be true or false")
        check_date("consent_date", self.consent_date, label="Consent date")
        for name in NOTE_FIELDS:
            check_text(name, getattr(self, name), limit=limit(name),
                       label=name.replace("_", " ").capitalize())
        check_int("nprs_before", self.nprs_before, 0, 10, label="NPRS before treatment")
        check_int("nprs_after", self.nprs_after, 0, 10, label="NPRS after treatment")
        check_int("needles_used", self.needles_used, 0, MAX_NEEDLES, label="Needles used")
        check_int("needles_removed", self.needles_removed, 0, MAX_NEEDLES,
                  label="Needles removed")
        check_int("atlas_version", self.atlas_version, 1, MAX_ATLAS_VERSION,
                  label="Atlas version", optional=False)
        if self.figure not in FIGURES:
            raise ValidationError("figure", f"Body figure must be one of {', '.join(FIGURES)} "
                                            f"(got {self.figure!r})")
        if self.procedure_code is not None and self.procedure_code not in PROCEDURE_CODE_VALUES:
            raise ValidationError("procedure_code", "Procedure code must be one of "
                                                    f"{', '.join(sorted(PROCEDURE_CODE_VALUES))}"
                                                    f" (got {self.procedure_code!r})")
        try:
            self.adverse_events = frozenset(AdverseEvent(e) for e in self.adverse_events)
        except (ValueError, TypeError):
            events = sorted(self.adverse_events)
            raise ValidationError("adverse_events",
                                  f"Unknown adverse event in {events!r}") from None
        ids: set[str] = set()
        for mark in self.marks:
            if not isinstance(mark, tuple(MARK_TYPES.values())):
                raise ValidationError("marks", f"Not a chart mark: {mark!r}")
            if mark.id in ids:
                raise ValidationError("marks", f"Two marks share the id {mark.id}")
            ids.add(mark.id)
        try:
            self.status = VisitStatus(self.status)
        except ValueError:
            raise ValidationError("status", f"Unknown visit status {self.status!r}") from None
        if self.signed:
            check_text("signed_by", self.signed_by, limit=limit("signed_by"), required=True,
                       label="Signed by")
            check_aware("signed_at", self.signed_at, label="Signed at")
        elif self.signed_by is not None or self.signed_at is not None:
            raise ValidationError("status", "A draft visit cannot carry a signature")
        fixed: dict[SignRequirement, str] = {}
        for key, reason in self.sign_overrides.items():
            try:
                req = SignRequirement(key)
            except ValueError:
                raise ValidationError("sign_overrides", f"Unknown requirement {key!r}") from None
            fixed[req] = check_text("sign_overrides", reason, limit=limit("sign_overrides"),
                                    required=True, label=f"Reason for overriding "
                                                         f"'{req.label}'")
        self.sign_overrides = fixed
        if not isinstance(self.pain_extent, dict):
            raise ValidationError("pain_extent", "Pain extent must be a mapping of view to %")
        extent: dict[str, float] = {}
        for view, pct in self.pain_extent.items():
            check_text("pain_extent", view, limit=limit("pain_extent"), required=True,
                       label="Pain extent view")
            check_float("pain_extent", pct, 0, 100, optional=False,
                        label=f"Pain extent of {view} (%)")
            extent[view] = float(pct)
        self.pain_extent = extent
        for addendum in self.addenda:
            if addendum.visit_id != self.id:
                raise ValidationError("addenda", "An addendum belongs to another visit")
        check_aware("created_at", self.created_at)
        check_aware("updated_at", self.updated_at)

    def check_time_order(self) -> None:
        """Raise ValidationError if the visit was signed, or an addendum written, before
        the visit started: such a record contradicts itself.

        Not part of :meth:`validate`, which also runs when a stored visit is read back: a
        draft may be dated up to a few hours ahead (a clock or time-zone slip, see
        _validate), so a database can hold a visit signed "before" it started, and it must
        still open. Import checks every visit with this; signing refuses to create one."""
        started = self.started_at
        if self.signed_at is not None and self.signed_at < started:
            raise ValidationError("signed_at", f"signed {time_text(self.signed_at)}, before "
                                               f"the visit started ({time_text(started)})")
        for number, addendum in enumerate(self.addenda, start=1):
            if addendum.created_at < started:
                raise ValidationError("addenda", f"addendum {number} is dated "
                                                 f"{time_text(addendum.created_at)}, before the "
                                                 f"visit started ({time_text(started)})")

    # -- queries ----------------------------------------------------------------------------
    def mark(self, mark_id: str) -> Mark:
        for m in self.marks:
            if m.id == mark_id:
                return m
        raise KeyError(mark_id)

    def mark_index(self, mark_id: str) -> int:
        for i, m in enumerate(self.marks):
            if m.id == mark_id:
                return i
        raise KeyError(mark_id)

    def charted_needles(self) -> int:
        """Needles charted as needle sites (pre-fills "needles used")."""
        return sum(m.needle_count for m in self.marks if isinstance(m, NeedleSite))

    def needle_count_reconciles(self) -> bool:
        """Needles used, needles removed and needles charted at the needle sites are all
        recorded and agree. A chart showing more (or fewer) needles than were counted in
        and out is how a retained needle goes unnoticed."""
        return (self.needles_used is not None and self.needles_used == self.needles_removed
                == self.charted_needles())

    def thorax_sides(self, thoracic: Callable[[Mark], bool]) -> set[Side]:
        """The sides (left, right) with a needle site over the thorax this visit."""
        return {m.side for m in self.marks if isinstance(m, NeedleSite)
                and m.side in (Side.LEFT, Side.RIGHT) and thoracic(m)}

    def unmet_requirements(self, hazardous: Callable[[Mark], bool] | None = None,
                           thoracic: Callable[[Mark], bool] | None = None
                           ) -> list[SignRequirement]:
        """Requirements for signing that this visit does not meet (before overrides).

        ``hazardous(mark)`` tells whether a needle site lies over a hazard, ``thoracic``
        whether over the thorax (both sides of it in one session risk a bilateral
        pneumothorax); the model knows no anatomy, so callers with the atlas pass them
        (services.chart_checks does)."""
        unmet = []
        if not self.consent_obtained:
            unmet.append(SignRequirement.CONSENT)
        if not self.needle_count_reconciles():
            unmet.append(SignRequirement.NEEDLE_COUNT)
        if not self.precautions_reviewed:
            unmet.append(SignRequirement.PRECAUTIONS_REVIEWED)
        if hazardous is not None and any(
                isinstance(m, NeedleSite) and m.depth_mm is None and hazardous(m)
                for m in self.marks):
            unmet.append(SignRequirement.HAZARD_DEPTH)
        if thoracic is not None and len(self.thorax_sides(thoracic)) == 2:
            unmet.append(SignRequirement.BILATERAL_THORAX)
        if not any(getattr(self, f).strip() for f in SOAP_FIELDS):
            unmet.append(SignRequirement.SOAP_NOTES)
        return unmet
