"""Dict forms round-trip exactly and reject malformed input with the model's messages."""

import json

import pytest

from bodymap.model import (
    Addendum,
    EStim,
    NeedleSite,
    PainZone,
    Patient,
    Side,
    TextNote,
    TriggerPoint,
    ValidationError,
    Visit,
    add_addendum,
    add_mark,
    set_visit_fields,
    sign_visit,
)
from bodymap.model.codec import (
    mark_from_dict,
    patient_from_dict,
    patient_to_dict,
    visit_from_dict,
    visit_to_dict,
)


def full_visit() -> Visit:
    p = Patient(chart_number="Z-9", family_name="Ångström", given_names="Zoë")
    v = Visit(patient_id=p.id, clinician="د. سارة — 王医生 🩺", subjective="肩膀疼痛 🪡",
              adverse_events={"bruising", "headache"})
    add_mark(v, TriggerPoint(view="posterior", x=1.5, y=2.25, side="L", tenderness=2,
                             tp_kind="latent", muscle="upper_trapezius"))
    add_mark(v, NeedleSite(view="posterior", x=3, y=4, side="R", technique="estim",
                           estim=EStim(frequency_hz=2, intensity_ma=4.5), ltr_elicited=True,
                           ltr_count=3, needle_length_mm=40, depth_mm=20))
    add_mark(v, PainZone(view="anterior", points=[(0, 0), (5, 0), (5, 5)], intensity=7,
                         quality="burning"))
    add_mark(v, TextNote(view="anterior", x=0, y=0, text="see plan"))
    set_visit_fields(v, consent_obtained=True, precautions_reviewed=True, subjective="Neck pain.",
                     needles_used=1,
                     needles_removed=1)
    sign_visit(v, "PT")
    add_addendum(v, Addendum(visit_id=v.id, author="PT", text="Addendum ✓"))
    return v


def test_visit_round_trips_through_json_exactly():
    v = full_visit()
    again = visit_from_dict(json.loads(json.dumps(visit_to_dict(v), ensure_ascii=False)))
    assert again == v
    assert again.marks[1].estim == EStim(frequency_hz=2, intensity_ma=4.5)


def test_patient_round_trips():
    p = Patient(chart_number="7", family_name="O'Brien", precautions={"electrical_implant":
                                                                      "pacemaker 2019"})
    assert patient_from_dict(json.loads(json.dumps(patient_to_dict(p)))) == p


@pytest.mark.parametrize("bad,words", [
    ({"kind": "laser_beam", "view": "a"}, "Unknown mark kind"),
    ({"kind": "trigger_point", "view": "a", "x": 1, "y": 1, "colour": "red"}, "unknown field"),
    ({"kind": "trigger_point", "view": "a", "x": 1}, "missing"),
    ({"kind": "needle_site", "view": "a", "x": 1, "y": 1, "created_at": "yesterday"},
     "not an ISO date-time"),
    ({"kind": "pain_zone", "view": "a", "points": "abc"}, "points must be a list"),
    ({"kind": "trigger_point", "view": "a", "x": 1, "y": 1, "id": "not-a-uuid"}, "UUID"),
])
def test_malformed_marks_are_rejected(bad, words):
    with pytest.raises(ValidationError, match=words):
        mark_from_dict(bad)


def test_tampered_visit_is_rejected():
    d = visit_to_dict(full_visit())
    d["nprs_before"] = 42
    with pytest.raises(ValidationError, match="NPRS before treatment must be 0-10"):
        visit_from_dict(d)


def test_stored_record_from_a_fast_clock_still_loads_but_typed_one_is_refused():
    from datetime import timedelta

    from bodymap.model.clock import now

    v = full_visit()
    d = visit_to_dict(v)
    ahead = now() + timedelta(days=2)  # the writing machine's clock
    d["started_at"] = ahead.isoformat()
    with pytest.raises(ValidationError, match="in the future"):
        visit_from_dict(d)  # an import or a typed value: refused
    assert visit_from_dict(d, stored=True).started_at == ahead  # a stored record: kept
    p = Patient(chart_number="9", family_name="Clock")
    pd = patient_to_dict(p)
    pd["created_at"] = ahead.isoformat()
    assert patient_from_dict(pd, stored=True).created_at == ahead
    with pytest.raises(ValidationError):
        patient_from_dict(pd)


def test_stored_mark_from_before_the_region_rule_still_loads_but_new_one_is_refused():
    """Import used to accept a mark whose region says left and whose side says right; a
    database may hold one. It must still open (to be seen and corrected), while a new or
    imported record is refused, naming the mark."""
    d = visit_to_dict(full_visit())
    d["marks"][0].update(region_id="posterior.upper_trapezius.L", side="R")
    with pytest.raises(ValidationError, match=r"^mark 1: Region posterior.upper_trapezius.L "
                                              r"is on the patient's left, but the mark's "
                                              r"side is right"):
        visit_from_dict(d)
    loaded = visit_from_dict(d, stored=True)
    assert loaded.marks[0].side is Side.RIGHT  # as stored: shown, and correctable
