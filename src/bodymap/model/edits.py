"""Edits: plain functions that change a visit or patient and return what changed.

Every user edit (an undo command in the UI, a service call in a script) goes through one of
these, so validation and the signed-visit rule live in one place. Each returns a
:class:`Changes` value that views use to refresh only what was touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bodymap.model._validate import check_aware, check_text, utcnow
from bodymap.model.coding import NO_CODE, suggested_procedure_code
from bodymap.model.errors import SignedVisitError, ValidationError
from bodymap.model.limits import limit
from bodymap.model.marks import Mark, PainZone, PointMark
from bodymap.model.patient import Patient
from bodymap.model.timetext import time_text
from bodymap.model.visit import (
    NOTE_FIELDS,
    Addendum,
    SignRequirement,
    Visit,
    VisitStatus,
)

# Visit fields a clinician may set through set_visit_fields.
EDITABLE_VISIT_FIELDS = frozenset(NOTE_FIELDS) | {
    "started_at", "clinician", "consent_obtained", "consent_date", "precautions_reviewed",
    "nprs_before", "nprs_after", "needles_used", "needles_removed", "adverse_events",
    "procedure_code",
}
EDITABLE_PATIENT_FIELDS = frozenset({
    "chart_number", "family_name", "given_names", "date_of_birth", "sex", "phone", "email",
    "address", "precautions", "notes",
})


@dataclass(frozen=True)
class Changes:
    """What an edit changed: ids of marks added/removed/updated and names of other fields."""

    marks_added: tuple[str, ...] = ()
    marks_removed: tuple[str, ...] = ()
    marks_updated: tuple[str, ...] = ()
    fields: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.marks_added or self.marks_removed or self.marks_updated or self.fields)

    @property
    def marks_touched(self) -> bool:
        return bool(self.marks_added or self.marks_removed or self.marks_updated)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.marks_added + other.marks_added,
                       self.marks_removed + other.marks_removed,
                       self.marks_updated + other.marks_updated,
                       self.fields | other.fields)


def _require_draft(visit: Visit) -> None:
    if visit.signed:
        raise SignedVisitError(
            f"This visit was signed by {visit.signed_by} on "
            f"{time_text(visit.signed_at)} and cannot be changed; "  # type: ignore[arg-type]
            "add an addendum instead.")


def _touch(visit: Visit) -> None:
    visit.updated_at = utcnow()


def add_mark(visit: Visit, mark: Mark, index: int | None = None) -> Changes:
    """Add ``mark`` to the chart (at ``index``, default the end: drawn on top)."""
    _require_draft(visit)
    if any(m.id == mark.id for m in visit.marks):
        raise ValidationError("marks", f"The chart already has a mark with id {mark.id}")
    if not isinstance(mark, Mark):
        raise ValidationError("marks", f"Not a chart mark: {mark!r}")
    if index is None:
        visit.marks.append(mark)
    else:
        visit.marks.insert(index, mark)
    _touch(visit)
    return Changes(marks_added=(mark.id,))


def remove_mark(visit: Visit, mark_id: str) -> Changes:
    """Remove a mark; pain zones that named it as their source keep their shape but lose
    the link (a zone is still the patient's pain)."""
    _require_draft(visit)
    idx = visit.mark_index(mark_id)
    del visit.marks[idx]
    updated = []
    for i, m in enumerate(visit.marks):
        if isinstance(m, PainZone) and m.source_id == mark_id:
            visit.marks[i] = dataclasses.replace(m, source_id=None)
            updated.append(m.id)
    _touch(visit)
    return Changes(marks_removed=(mark_id,), marks_updated=tuple(updated))


def update_mark(visit: Visit, mark_id: str, **values: Any) -> Changes:
    """Change fields of a mark (validated as a whole). ``id`` and ``kind`` cannot change."""
    _require_draft(visit)
    if "id" in values:
        raise ValidationError("id", "A mark's id cannot change")
    idx = visit.mark_index(mark_id)
    old = visit.marks[idx]
    known = {f.name for f in dataclasses.fields(old)}
    unknown = set(values) - known
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"A {old.kind.replace('_', ' ')} has no "
                                                  f"field {sorted(unknown)[0]!r}")
    new = dataclasses.replace(old, **values)
    if new == old:
        return Changes()
    visit.marks[idx] = new
    _touch(visit)
    return Changes(marks_updated=(mark_id,))


def replace_mark(visit: Visit, mark: Mark) -> Changes:
    """Put ``mark`` in place of the mark with the same id (used by undo)."""
    _require_draft(visit)
    idx = visit.mark_index(mark.id)
    if visit.marks[idx] == mark:
        return Changes()
    visit.marks[idx] = mark
    _touch(visit)
    return Changes(marks_updated=(mark.id,))


def moved_mark(mark: Mark, dx: float, dy: float) -> Mark:
    """``mark`` translated by (dx, dy) diagram units (its labels unchanged)."""
    # rounded as placed marks are (0.01 unit): a drag stopped at an edge is 0, not -2.8e-14
    if isinstance(mark, PointMark):
        return dataclasses.replace(mark, x=round(mark.x + dx, 2), y=round(mark.y + dy, 2))
    if isinstance(mark, PainZone):
        return dataclasses.replace(mark, points=tuple((round(x + dx, 2), round(y + dy, 2))
                                                      for x, y in mark.points))
    raise ValidationError("kind", f"A {mark.kind} cannot be moved")


def move_mark(visit: Visit, mark_id: str, dx: float, dy: float) -> Changes:
    """Translate a mark by (dx, dy) diagram units (its labels unchanged: callers with the
    atlas relabel it, see ui.commands.MoveMark)."""
    _require_draft(visit)
    moved = moved_mark(visit.mark(mark_id), dx, dy)
    return replace_mark(visit, moved)


def redraw_on_figure(visit: Visit, figure: str, marks: list[Mark]) -> Changes:
    """Put a draft's chart on another body figure: `figure` and its `marks` carried onto it
    (same ids; the caller carried them, as only it knows the anatomy). Validated whole; on
    an impossible value nothing is changed."""
    _require_draft(visit)
    if not {m.id for m in marks} <= {m.id for m in visit.marks}:
        raise ValidationError("marks", "Carried marks must be the visit's own marks")
    old_figure, old_marks = visit.figure, list(visit.marks)
    visit.figure, visit.marks = figure, list(marks)
    try:
        visit.validate()
    except ValidationError:
        visit.figure, visit.marks = old_figure, old_marks
        raise
    kept = {m.id for m in marks}
    return Changes(marks_removed=tuple(m.id for m in old_marks if m.id not in kept),
                   marks_updated=tuple(m.id for m in marks), fields=frozenset({"figure"}))


def set_visit_fields(visit: Visit, **values: Any) -> Changes:
    """Set note, count and screening fields of a draft visit, validating the result; on an
    impossible value nothing is changed."""
    _require_draft(visit)
    unknown = set(values) - EDITABLE_VISIT_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"{sorted(unknown)[0]!r} is not an "
                                                  "editable visit field")
    changed = {k for k, v in values.items() if getattr(visit, k) != v}
    if not changed:
        return Changes()
    before = {k: getattr(visit, k) for k in changed}
    for k in changed:
        setattr(visit, k, values[k])
    try:
        visit.validate()
    except ValidationError:
        for k, v in before.items():
            setattr(visit, k, v)
        raise
    _touch(visit)
    return Changes(fields=frozenset(changed))


def update_patient(patient: Patient, **values: Any) -> Changes:
    """Set demographic, contact and precaution fields, validating; all or nothing."""
    unknown = set(values) - EDITABLE_PATIENT_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"{sorted(unknown)[0]!r} is not an "
                                                  "editable patient field")
    changed = {k for k, v in values.items() if getattr(patient, k) != v}
    if not changed:
        return Changes()
    before = {k: getattr(patient, k) for k in changed}
    for k in changed:
        setattr(patient, k, values[k])
    try:
        patient.validate()
    except ValidationError:
        for k, v in before.items():
            setattr(patient, k, v)
        raise
    patient.updated_at = utcnow()
    return Changes(fields=frozenset(changed))


def check_signable(visit: Visit, overrides: Mapping[SignRequirement, str],
                   hazardous: Callable[[Mark], bool] | None = None,
                   thoracic: Callable[[Mark], bool] | None = None) -> list[SignRequirement]:
    """The one rule for "may this visit carry a signature": every requirement it does not
    meet has a written reason in ``overrides``. Returns the unmet requirements, else
    raises ValidationError naming what is missing. Signing and import both ask this."""
    for req, reason in overrides.items():
        check_text("sign_overrides", reason, limit=limit("sign_overrides"), required=True,
                   label=f"Reason for overriding '{req.label}'")
    unmet = visit.unmet_requirements(hazardous, thoracic)
    missing = [r for r in unmet if r not in overrides]
    if missing:
        raise ValidationError("sign", "Cannot sign: " + "; ".join(
            f"{r.label.lower()} is not met" for r in missing)
            + ". Fix it or give a written reason to override.")
    return unmet


def sign_visit(visit: Visit, signed_by: str, *, at: datetime | None = None,
               overrides: dict[SignRequirement, str] | None = None,
               hazardous: Callable[[Mark], bool] | None = None,
               thoracic: Callable[[Mark], bool] | None = None) -> Changes:
    """Sign a draft visit. Each unmet requirement needs a written override reason;
    otherwise ValidationError names what is missing and nothing changes. ``hazardous``
    and ``thoracic`` as for Visit.unmet_requirements."""
    _require_draft(visit)
    check_text("signed_by", signed_by, limit=limit("signed_by"), required=True, label="Signed by")
    at = at or utcnow()
    check_aware("signed_at", at, label="Signed at")
    if at < visit.started_at:
        raise ValidationError("started_at", "Cannot sign: the visit is dated "
                                            f"{time_text(visit.started_at)}, later than the "
                                            f"signature ({time_text(at)}). Correct the visit's "
                                            "date and time, then sign.")
    overrides = {SignRequirement(k): v for k, v in (overrides or {}).items()}
    unmet = check_signable(visit, overrides, hazardous, thoracic)
    if visit.procedure_code is None:  # the suggestion, as the clinician saw it, is what is billed
        visit.procedure_code = suggested_procedure_code(visit.marks) or NO_CODE
    visit.status = VisitStatus.SIGNED
    visit.signed_by = signed_by
    visit.signed_at = at
    visit.sign_overrides = {r: overrides[r] for r in unmet}
    visit.updated_at = at
    return Changes(fields=frozenset({"status", "signed_by", "signed_at", "sign_overrides",
                                     "procedure_code"}))


def add_addendum(visit: Visit, addendum: Addendum) -> Changes:
    """Append an addendum to a signed visit (drafts are simply edited)."""
    if not visit.signed:
        raise ValidationError("addenda", "Addenda are for signed visits; edit the draft "
                                         "directly")
    if addendum.visit_id != visit.id:
        raise ValidationError("addenda", "The addendum belongs to another visit")
    if any(a.id == addendum.id for a in visit.addenda):
        raise ValidationError("addenda", f"Addendum {addendum.id} is already on this visit")
    visit.addenda.append(addendum)
    return Changes(fields=frozenset({"addenda"}))
