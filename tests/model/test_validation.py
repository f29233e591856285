"""Impossible values are refused with a message that names the problem."""

from datetime import date, datetime, timedelta

import pytest

from bodymap.model import (
    EStim,
    NeedleSite,
    PainZone,
    Patient,
    Side,
    Technique,
    TextNote,
    TriggerPoint,
    ValidationError,
    Visit,
)
from bodymap.model.clock import local_today
from tests.conftest import TEST_NOW


def patient(**kw):
    return Patient(**{"chart_number": "C-1", "family_name": "Ångström",
                      "given_names": "Zoë", **kw})


def visit(**kw):
    return Visit(**{"patient_id": patient().id, "clinician": "A. Jones, PT", **kw})


@pytest.mark.parametrize("field,value,words", [
    ("nprs_before", 11, "NPRS before treatment must be 0-10 (got 11)"),
    ("nprs_after", -1, "NPRS after treatment must be 0-10 (got -1)"),
    ("needles_used", -3, "Needles used must be 0-500 (got -3)"),
    ("needles_removed", 2.5, "Needles removed must be a whole number"),
    ("nprs_before", True, "must be a whole number"),
    ("clinician", "  ", "Clinician is required"),
    ("started_at", TEST_NOW + timedelta(days=3), "in the future"),
    ("started_at", datetime(2024, 1, 1), "time zone"),
    ("adverse_events", {"vampirism"}, "Unknown adverse event"),
])
def test_visit_rejects_impossible_values(field, value, words):
    with pytest.raises(ValidationError) as err:
        visit(**{field: value})
    assert words in str(err.value)
    assert err.value.field == field


def test_date_of_birth_in_the_future_is_refused():
    with pytest.raises(ValidationError, match="Date of birth cannot be in the future"):
        patient(date_of_birth=local_today() + timedelta(days=30))


def test_patient_needs_chart_number_and_family_name():
    with pytest.raises(ValidationError, match="Chart number is required"):
        patient(chart_number=" ")
    with pytest.raises(ValidationError, match="Family name is required"):
        patient(family_name="")


def test_unknown_precaution_is_refused_known_one_keeps_its_note():
    with pytest.raises(ValidationError, match="Unknown precaution"):
        patient(precautions={"bad_luck": ""})
    p = patient(precautions={"anticoagulants": "warfarin 5 mg"})
    assert p.has(p.precautions and next(iter(p.precautions)))
    assert list(p.precautions.values()) == ["warfarin 5 mg"]


def test_non_latin_text_is_kept_exactly():
    text = "Zoë Ångström — ألم في الكتف — 肩膀疼痛 — 🪡💉"
    p = patient(given_names=text, notes=text)
    assert p.given_names == text and p.notes == text


def test_nul_character_and_huge_text_are_refused():
    with pytest.raises(ValidationError, match="NUL"):
        visit(subjective="a\x00b")
    with pytest.raises(ValidationError, match="too long"):
        visit(plan="x" * 100_001)


def test_needle_site_checks():
    base = dict(view="posterior", x=10.0, y=20.0)
    with pytest.raises(ValidationError, match="cannot exceed the needle length"):
        NeedleSite(**base, needle_length_mm=30, depth_mm=40)
    with pytest.raises(ValidationError, match="Number of needles must be 1-100"):
        NeedleSite(**base, needle_count=0)
    with pytest.raises(ValidationError, match="E-stim parameters given"):
        NeedleSite(**base, technique=Technique.STATIC, estim=EStim(frequency_hz=2))
    with pytest.raises(ValidationError, match="E-stim frequency"):
        EStim(frequency_hz=0)
    with pytest.raises(ValidationError, match="not elicited"):
        NeedleSite(**base, ltr_elicited=False, ltr_count=3)
    with pytest.raises(ValidationError, match="finite"):
        NeedleSite(view="posterior", x=float("nan"), y=1.0)
    ok = NeedleSite(**base, needle_length_mm=40, depth_mm=25, technique="estim",
                    estim=EStim(frequency_hz=2, intensity_ma=5, duration_min=10), side="L")
    assert ok.side is Side.LEFT and ok.technique is Technique.ESTIM


def test_trigger_point_and_zone_checks():
    with pytest.raises(ValidationError, match="Trigger point type must be one of"):
        TriggerPoint(view="anterior", x=1, y=1, tp_kind="dormant")
    with pytest.raises(ValidationError, match="Tenderness grade must be 0-3"):
        TriggerPoint(view="anterior", x=1, y=1, tenderness=4)
    with pytest.raises(ValidationError, match="at least 3 points"):
        PainZone(view="anterior", points=[(0, 0), (1, 1)])
    with pytest.raises(ValidationError, match="Pain intensity must be 0-10"):
        PainZone(view="anterior", points=[(0, 0), (1, 0), (1, 1)], intensity=12)
    with pytest.raises(ValidationError, match="Pain quality must be one of"):
        PainZone(view="anterior", points=[(0, 0), (1, 0), (1, 1)], quality="itchy")
    with pytest.raises(ValidationError, match="Text is required"):
        TextNote(view="anterior", x=0, y=0, text=" ")


REGION = dict(view="anterior", x=1, y=1, region_id="anterior.pectoralis_major.L")


@pytest.mark.parametrize("fields,field,words", [
    ({"side": "R"}, "side", "Region anterior.pectoralis_major.L is on the patient's left, "
                            "but the mark's side is right"),
    ({"view": "posterior"}, "region_id", "is in the anterior view, but the mark is on the "
                                         "posterior view"),
    ({"muscle": "deltoid_anterior"}, "muscle", "is the pectoralis major, but the mark names "
                                               "deltoid anterior"),
    ({"region_id": "anterior.pectoralis_major"}, "region_id", "is not a body region"),
    ({"region_id": "anterior.pectoralis_major.left"}, "region_id", "is not a body region"),
])
def test_mark_whose_region_contradicts_its_side_view_or_muscle_is_refused(fields, field,
                                                                          words):
    for cls in (TriggerPoint, NeedleSite):
        with pytest.raises(ValidationError) as err:
            cls(**{**REGION, "muscle": "pectoralis_major", "side": "L", **fields})
        assert words in err.value.message
        assert err.value.field == field
    with pytest.raises(ValidationError, match="patient's left"):
        PainZone(view="anterior", points=[(0, 0), (1, 0), (1, 1)],
                 region_id="anterior.pectoralis_major.L", side="R")


def test_mark_agreeing_with_its_region_or_leaving_a_field_open_is_kept():
    tp = TriggerPoint(**REGION, muscle="pectoralis_major", side="L")
    assert tp.side is Side.LEFT
    assert TriggerPoint(**REGION).side is None  # muscle and side not given: nothing contradicts


def test_signed_visit_must_carry_signature_and_draft_must_not():
    with pytest.raises(ValidationError, match="Signed by is required"):
        visit(status="signed")
    with pytest.raises(ValidationError, match="draft visit cannot carry a signature"):
        visit(signed_by="A. Jones")


def test_age_on():
    p = patient(date_of_birth=date(1980, 6, 15))
    assert p.age_on(date(2026, 6, 14)) == 45
    assert p.age_on(date(2026, 6, 15)) == 46
