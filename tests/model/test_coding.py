"""The procedure code: counted from the muscles needled, chosen by the clinician, stored at
signing (model/coding.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from bodymap.model import (
    NeedleSite,
    SignedVisitError,
    TriggerPoint,
    ValidationError,
    Visit,
    add_mark,
    set_visit_fields,
    sign_visit,
)
from bodymap.model.coding import (
    NO_CODE,
    code_text,
    counted_muscles,
    procedure_code,
    suggested_procedure_code,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _visit(*sites: tuple[str, str], needles: int = 1) -> Visit:
    visit = Visit(patient_id=str(uuid.uuid4()), clinician="Anna Berg, PT", started_at=START)
    for muscle, side in sites:
        add_mark(visit, NeedleSite(view="posterior", x=100, y=100, muscle=muscle, side=side,
                                   needle_count=needles))
    return visit


def _signable(visit: Visit) -> Visit:
    n = visit.charted_needles()
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     needles_used=n, needles_removed=n, subjective="Neck pain.")
    return visit


def test_no_muscle_needled_no_code():
    visit = _visit()
    add_mark(visit, TriggerPoint(view="posterior", x=1, y=1, muscle="upper_trapezius",
                                 side="L"))
    add_mark(visit, NeedleSite(view="posterior", x=5, y=5))  # off the muscles
    assert counted_muscles(visit.marks) == []
    assert suggested_procedure_code(visit.marks) is None
    assert procedure_code(visit) is None
    assert code_text(None) == "none"


@pytest.mark.parametrize(("sites", "code"), [
    ([("upper_trapezius", "R")], "20560"),
    ([("upper_trapezius", "R"), ("levator_scapulae", "R")], "20560"),
    ([("upper_trapezius", "R"), ("levator_scapulae", "R"), ("infraspinatus", "L")], "20561"),
])
def test_one_or_two_muscles_20560_three_or_more_20561(sites, code):
    assert procedure_code(_visit(*sites)) == code


def test_needles_sites_sides_and_parts_do_not_add_muscles():
    # ten needles, both sides, three parts of the trapezius, both heads of SCM: 2 muscles
    visit = _visit(("upper_trapezius", "R"), ("upper_trapezius", "L"),
                   ("middle_trapezius", "R"), ("lower_trapezius", "L"),
                   ("sternocleidomastoid_sternal", "R"),
                   ("sternocleidomastoid_clavicular", "R"), needles=10)
    assert counted_muscles(visit.marks) == ["trapezius", "sternocleidomastoid"]
    assert procedure_code(visit) == "20560"
    add_mark(visit, NeedleSite(view="posterior", x=1, y=1, muscle="quadratus_lumborum",
                               side="L"))
    assert procedure_code(visit) == "20561"


def test_the_clinicians_choice_is_kept_until_set_back_to_the_suggestion():
    visit = _visit(("upper_trapezius", "R"))
    set_visit_fields(visit, procedure_code="20561")
    assert procedure_code(visit) == "20561"
    add_mark(visit, NeedleSite(view="posterior", x=1, y=1, muscle="infraspinatus", side="R"))
    assert procedure_code(visit) == "20561"  # not overwritten by the suggestion
    set_visit_fields(visit, procedure_code=NO_CODE)
    assert procedure_code(visit) is None
    set_visit_fields(visit, procedure_code=None)
    assert procedure_code(visit) == "20560"


@pytest.mark.parametrize("bad", ["99213", "2056", "", 20560, "20560 "])
def test_an_unknown_code_is_refused_and_nothing_changes(bad):
    visit = _visit(("upper_trapezius", "R"))
    with pytest.raises(ValidationError, match="Procedure code must be one of"):
        set_visit_fields(visit, procedure_code=bad)
    assert visit.procedure_code is None
    with pytest.raises(ValidationError):
        Visit(patient_id=visit.patient_id, clinician="A", procedure_code=bad)


def test_signing_stores_the_code_shown_and_it_never_changes():
    visit = _signable(_visit(("upper_trapezius", "R"), ("gluteus_medius", "R"),
                             ("piriformis", "R")))
    changes = sign_visit(visit, "Anna Berg, PT", at=START.replace(hour=10))
    assert "procedure_code" in changes.fields
    assert visit.procedure_code == "20561" and procedure_code(visit) == "20561"
    with pytest.raises(SignedVisitError):
        set_visit_fields(visit, procedure_code="20560")


def test_signing_with_no_needling_stores_no_code():
    visit = _signable(_visit())
    sign_visit(visit, "Anna Berg, PT", at=START.replace(hour=10))
    assert visit.procedure_code == NO_CODE and procedure_code(visit) is None


def test_a_visit_signed_before_codes_were_kept_has_none():
    draft = _signable(_visit(("upper_trapezius", "R")))
    sign_visit(draft, "Anna Berg, PT", at=START.replace(hour=10))
    draft.procedure_code = None  # as such a visit reads back from storage
    assert procedure_code(draft) is None  # never a code made up after signing
