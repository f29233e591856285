"""The domain model: plain dataclasses and edit functions. No Qt, no SQL, no files."""

from bodymap.model.edits import (
    Changes,
    add_addendum,
    add_mark,
    check_signable,
    move_mark,
    redraw_on_figure,
    remove_mark,
    replace_mark,
    set_visit_fields,
    sign_visit,
    update_mark,
    update_patient,
)
from bodymap.model.errors import SignedVisitError, ValidationError
from bodymap.model.marks import (
    MARK_TYPES,
    EStim,
    Mark,
    NeedleSite,
    PainQuality,
    PainZone,
    PointMark,
    Side,
    Technique,
    TextNote,
    TriggerPoint,
    TriggerPointKind,
)
from bodymap.model.patient import PRECAUTION_LABELS, Patient, Precaution, Sex
from bodymap.model.visit import (
    ADVERSE_EVENT_LABELS,
    Addendum,
    AdverseEvent,
    SignRequirement,
    Visit,
    VisitStatus,
)

__all__ = [
    "ADVERSE_EVENT_LABELS", "MARK_TYPES", "PRECAUTION_LABELS", "Addendum", "AdverseEvent",
    "Changes", "EStim", "Mark", "NeedleSite", "PainQuality", "PainZone", "Patient",
    "PointMark", "Precaution", "Sex", "Side", "SignRequirement", "SignedVisitError",
    "Technique", "TextNote", "TriggerPoint", "TriggerPointKind", "ValidationError", "Visit",
    "VisitStatus", "add_addendum", "add_mark", "check_signable", "move_mark", "remove_mark",
    "redraw_on_figure", "replace_mark", "set_visit_fields", "sign_visit", "update_mark",
    "update_patient",
]
