"""The procedure code of a visit: CPT 20560 or 20561, suggested from the muscles needled.

The codes and their descriptors are the American Medical Association's CPT codes for dry
needling, in force since 1 January 2020, as the professional bodies published them to their
members: APTA, "Compliance Matters: Physician Fee Schedule Coding Updates", APTA Magazine,
February 2020, and the American Chiropractic Association, A. W. Hamm, "Billing for Dry
Needling Services (Needle Insertion Without Injection)":

- 20560  Needle insertion(s) without injection(s); 1 or 2 muscle(s)
- 20561  Needle insertion(s) without injection(s); 3 or more muscle(s)

The counting rule bodymap applies, from those descriptors:
- the code is reported once per visit, chosen by the number of MUSCLES needled; needles,
  needle sites and trigger points do not count (ten needles in one upper trapezius is one
  muscle);
- parts and heads of one muscle are one muscle: the upper, middle and lower trapezius are
  the trapezius; the three parts of the deltoid, the two heads of sternocleidomastoid and the
  cervical, thoracic and lumbar multifidi likewise (PARTS_OF below);
- a muscle needled on both sides is counted once. The descriptors do not say how a muscle
  needled on the left and on the right is counted and payers differ; counting it once never
  suggests the higher code without cause. A clinician whose payer counts each side changes
  the code before signing;
- trigger points charted without a needle, pain zones and notes count nothing; with no muscle
  needled there is no code.

The clinician may change the suggestion before signing (another code of the two, or none);
signing stores the code the visit then shows, and a signed visit's code never changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bodymap.model.marks import Mark, NeedleSite

if TYPE_CHECKING:
    from bodymap.model.visit import Visit

#: HL7's identifier of the CPT code system (terminology.hl7.org, "CPT")
CPT_SYSTEM = "http://www.ama-assn.org/go/cpt"
PROCEDURE_CODES: dict[str, str] = {
    "20560": "Needle insertion(s) without injection(s); 1 or 2 muscle(s)",
    "20561": "Needle insertion(s) without injection(s); 3 or more muscle(s)",
}
#: a clinician's (or, at signing, the suggestion's) explicit "no procedure code"
NO_CODE = "none"
#: what Visit.procedure_code may hold: None on a draft means "the suggestion"
PROCEDURE_CODE_VALUES = frozenset({NO_CODE, *PROCEDURE_CODES})

#: atlas muscle ids that are a part or head of one muscle -> the muscle counted
PARTS_OF: dict[str, str] = {
    "upper_trapezius": "trapezius", "middle_trapezius": "trapezius",
    "lower_trapezius": "trapezius",
    "deltoid_anterior": "deltoid", "deltoid_middle": "deltoid", "deltoid_posterior": "deltoid",
    "sternocleidomastoid_sternal": "sternocleidomastoid",
    "sternocleidomastoid_clavicular": "sternocleidomastoid",
    "multifidi": "multifidus", "multifidi_cervical": "multifidus",
    "multifidi_thoracic": "multifidus",
}


def counted_muscles(marks: Iterable[Mark]) -> list[str]:
    """The muscles the code counts: those with a needle site, parts merged, each once,
    in the order first needled."""
    seen: list[str] = []
    for mark in marks:
        if isinstance(mark, NeedleSite) and mark.muscle:
            muscle = PARTS_OF.get(mark.muscle, mark.muscle)
            if muscle not in seen:
                seen.append(muscle)
    return seen


def suggested_procedure_code(marks: Iterable[Mark]) -> str | None:
    """20560 for 1 or 2 muscles needled, 20561 for 3 or more, None for none."""
    count = len(counted_muscles(marks))
    if count == 0:
        return None
    return "20560" if count <= 2 else "20561"


def procedure_code(visit: Visit) -> str | None:
    """The visit's procedure code, or None for no code: on a signed visit the code stored at
    signing (None for visits signed before codes were recorded); on a draft the
    clinician's choice, else the suggestion."""
    chosen = visit.procedure_code
    if chosen is None:
        return None if visit.signed else suggested_procedure_code(visit.marks)
    return None if chosen == NO_CODE else chosen


def short_text(code: str) -> str:
    """'20561 — 3 or more muscles': what tells the two codes apart, in a narrow column."""
    return f"{code} — " + {"20560": "1 or 2 muscles", "20561": "3 or more muscles"}[code]


def code_text(code: str | None) -> str:
    """'20561: Needle insertion(s) without injection(s); 3 or more muscle(s)' or 'none'."""
    return f"{code}: {PROCEDURE_CODES[code]}" if code else "none"
