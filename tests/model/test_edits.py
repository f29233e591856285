"""Edit functions change the model, report what changed, and honour the signature."""

from datetime import UTC, datetime

import pytest

from bodymap.model import (
    Addendum,
    NeedleSite,
    PainZone,
    Patient,
    SignedVisitError,
    SignRequirement,
    TriggerPoint,
    ValidationError,
    Visit,
    add_addendum,
    add_mark,
    move_mark,
    remove_mark,
    replace_mark,
    set_visit_fields,
    sign_visit,
    update_mark,
    update_patient,
)


@pytest.fixture
def visit():
    return Visit(patient_id=Patient(chart_number="1", family_name="Doe").id, clinician="PT")


def test_add_move_update_remove(visit):
    tp = TriggerPoint(view="posterior", x=100, y=200, region_id="posterior.upper_trapezius.L",
                      muscle="upper_trapezius", side="L")
    assert add_mark(visit, tp).marks_added == (tp.id,)
    ch = move_mark(visit, tp.id, 5, -2)
    assert ch.marks_updated == (tp.id,) and visit.mark(tp.id).anchor == (105, 198)
    assert update_mark(visit, tp.id, tenderness=3).marks_updated == (tp.id,)
    assert not update_mark(visit, tp.id, tenderness=3)  # no change, nothing reported
    with pytest.raises(ValidationError):
        update_mark(visit, tp.id, tenderness=9)
    assert visit.mark(tp.id).tenderness == 3  # a refused edit leaves the mark as it was
    assert remove_mark(visit, tp.id).marks_removed == (tp.id,)
    assert visit.marks == []


def test_duplicate_mark_id_is_refused(visit):
    tp = TriggerPoint(view="posterior", x=1, y=1)
    add_mark(visit, tp)
    with pytest.raises(ValidationError, match="already has a mark"):
        add_mark(visit, tp)


def test_removing_a_trigger_point_unlinks_its_zones(visit):
    tp = TriggerPoint(view="posterior", x=1, y=1)
    zone = PainZone(view="posterior", points=[(0, 0), (10, 0), (10, 10)], source_id=tp.id)
    add_mark(visit, tp)
    add_mark(visit, zone)
    ch = remove_mark(visit, tp.id)
    assert ch.marks_updated == (zone.id,)
    assert visit.mark(zone.id).source_id is None


def test_move_pain_zone_and_replace_for_undo(visit):
    zone = PainZone(view="posterior", points=[(0, 0), (10, 0), (10, 10)])
    add_mark(visit, zone)
    move_mark(visit, zone.id, 1, 1)
    assert visit.mark(zone.id).points[0] == (1, 1)
    replace_mark(visit, zone)
    assert visit.mark(zone.id) == zone


def test_set_visit_fields_is_all_or_nothing(visit):
    with pytest.raises(ValidationError):
        set_visit_fields(visit, nprs_before=6, nprs_after=14)
    assert visit.nprs_before is None and visit.nprs_after is None
    assert set_visit_fields(visit, nprs_before=6).fields == {"nprs_before"}
    with pytest.raises(ValidationError, match="not an editable"):
        set_visit_fields(visit, status="signed")


def test_sign_requires_consent_needles_and_review(visit):
    add_mark(visit, NeedleSite(view="posterior", x=1, y=1, needle_count=3))
    set_visit_fields(visit, needles_used=3, needles_removed=2, consent_obtained=True,
                     precautions_reviewed=True, subjective="Neck pain.")
    with pytest.raises(ValidationError,
                       match=r"needle count reconciled \(used = removed = charted\) is not met"):
        sign_visit(visit, "A. Jones, PT")
    assert not visit.signed
    # used and removed agree, but the chart shows a needle more than was counted
    set_visit_fields(visit, needles_used=2)
    assert SignRequirement.NEEDLE_COUNT in visit.unmet_requirements()
    set_visit_fields(visit, needles_used=3, needles_removed=3)
    assert visit.needle_count_reconciles()
    assert SignRequirement.NEEDLE_COUNT not in visit.unmet_requirements()
    set_visit_fields(visit, needles_removed=2)
    sign_visit(visit, "A. Jones, PT", overrides={
        SignRequirement.NEEDLE_COUNT: "One needle dropped on the floor before use; disposed"})
    assert visit.signed and visit.signed_by == "A. Jones, PT"
    assert SignRequirement.NEEDLE_COUNT in visit.sign_overrides


def test_override_reason_cannot_be_blank(visit):
    with pytest.raises(ValidationError, match="Reason for overriding"):
        sign_visit(visit, "PT", overrides={SignRequirement.CONSENT: "  "})


def test_signed_visit_refuses_every_edit_but_takes_addenda(visit):
    tp = TriggerPoint(view="posterior", x=1, y=1)
    add_mark(visit, tp)
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.",
                     needles_used=0, needles_removed=0,
                     started_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    sign_visit(visit, "PT", at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC))
    for edit in (lambda: add_mark(visit, TriggerPoint(view="posterior", x=2, y=2)),
                 lambda: move_mark(visit, tp.id, 1, 1),
                 lambda: update_mark(visit, tp.id, note="x"),
                 lambda: remove_mark(visit, tp.id),
                 lambda: set_visit_fields(visit, plan="changed"),
                 lambda: sign_visit(visit, "PT")):
        with pytest.raises(SignedVisitError, match="add an addendum"):
            edit()
    ch = add_addendum(visit, Addendum(visit_id=visit.id, author="PT", text="Late entry"))
    assert ch.fields == {"addenda"} and len(visit.addenda) == 1


def test_signing_before_the_visit_started_is_refused(visit, local_zone):
    """A visit dated ahead (a clock or time-zone slip) cannot be signed "before" it began:
    the record would contradict itself."""
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.",
                     needles_used=0, needles_removed=0,
                     started_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    local_zone("America/Bogota")  # the message speaks local time, as the screen does
    with pytest.raises(ValidationError) as err:
        sign_visit(visit, "PT", at=datetime(2026, 1, 5, 8, 30, tzinfo=UTC))
    assert err.value.message == (
        "Cannot sign: the visit is dated 2026-01-05 04:00 \u221205:00, later than the "
        "signature (2026-01-05 03:30 \u221205:00). Correct the visit's date and time, then sign.")
    assert not visit.signed and visit.signed_at is None
    sign_visit(visit, "PT", at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    assert visit.signed


def test_addendum_on_draft_is_refused(visit):
    with pytest.raises(ValidationError, match="Addenda are for signed visits"):
        add_addendum(visit, Addendum(visit_id=visit.id, author="PT", text="x"))


def test_charted_needles_prefill(visit):
    add_mark(visit, NeedleSite(view="posterior", x=1, y=1, needle_count=2))
    add_mark(visit, NeedleSite(view="posterior", x=3, y=1))
    add_mark(visit, TriggerPoint(view="posterior", x=3, y=1))
    assert visit.charted_needles() == 3


def test_update_patient_all_or_nothing():
    p = Patient(chart_number="1", family_name="Doe")
    with pytest.raises(ValidationError):
        update_patient(p, given_names="Jane", family_name="")
    assert p.given_names == "" and p.family_name == "Doe"
    assert update_patient(p, given_names="Jane").fields == {"given_names"}
