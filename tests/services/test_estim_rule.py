"""E-stim and an electrical implant: one rule in the core, refused on every path in
(save, sign, import, copy-forward) and never overridable (DOMAIN.md)."""

from __future__ import annotations

import pytest

from bodymap.export.json_export import export_patient, import_patient
from bodymap.export.validate import ImportRejected
from bodymap.model import (
    EStim,
    NeedleSite,
    Precaution,
    SignRequirement,
    Technique,
    ValidationError,
    add_mark,
    set_visit_fields,
)
from bodymap.services.records import Records
from bodymap.services.visits import copy_forward

IMPLANT = {Precaution.ELECTRICAL_IMPLANT: "pacemaker 2019"}


def estim_site(**kw) -> NeedleSite:
    return NeedleSite(view="posterior", x=300, y=420, muscle="quadratus_lumborum", side="R",
                      technique=Technique.ESTIM, estim=EStim(frequency_hz=2.0), **kw)


def ready_to_sign(visit) -> None:
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.",
                     needles_used=1, needles_removed=1)


def test_saving_new_estim_for_a_patient_with_an_implant_is_refused(records: Records):
    p = records.create_patient(chart_number="E1", family_name="Volta", precautions=IMPLANT)
    visit = records.start_visit(p.id)
    add_mark(visit, estim_site())
    with pytest.raises(ValidationError, match="pacemaker 2019.*right quadratus lumborum"):
        records.save_visit(visit)
    assert records.open_visit(visit.id).marks == []  # nothing written


def test_estim_stored_before_the_implant_was_recorded_keeps_the_draft_saveable_but_unsignable(
        records: Records):
    p = records.create_patient(chart_number="E2", family_name="Volta")
    visit = records.start_visit(p.id)
    add_mark(visit, estim_site(depth_mm=30))
    ready_to_sign(visit)
    records.save_visit(visit)
    records.update_patient(p.id, precautions=IMPLANT)
    set_visit_fields(visit, subjective="pacemaker fitted last week")
    records.save_visit(visit)  # the rest of the draft is not held hostage
    assert records.open_visit(visit.id).subjective == "pacemaker fitted last week"
    every_reason = {r: "reason" for r in SignRequirement}
    with pytest.raises(ValidationError, match="E-stim refused"):
        records.sign_visit(visit.id, overrides=every_reason)  # not overridable
    assert not records.open_visit(visit.id).signed


def test_copy_forward_drops_estim_for_a_patient_now_listing_an_implant(records: Records):
    p = records.create_patient(chart_number="E3", family_name="Volta")
    old = records.start_visit(p.id)
    add_mark(old, estim_site(depth_mm=30))
    ready_to_sign(old)
    records.save_visit(old)
    records.sign_visit(old.id)
    records.update_patient(p.id, precautions=IMPLANT)
    notices: list[str] = []
    new = copy_forward(records, old.id, clinician="PT", copy_marks=True, notices=notices)
    (site,) = records.open_visit(new.id).marks
    assert isinstance(site, NeedleSite)
    assert site.technique is Technique.STATIC and site.estim is None and site.depth_mm == 30
    assert len(notices) == 1 and "right quadratus lumborum" in notices[0]
    assert "electrical implant" in notices[0]
    # without the implant, e-stim is copied as it was, and nothing is said
    other = records.create_patient(chart_number="E4", family_name="Galvani")
    prev = records.start_visit(other.id)
    add_mark(prev, estim_site())
    records.save_visit(prev)
    quiet: list[str] = []
    copied = copy_forward(records, prev.id, clinician="PT", copy_marks=True, notices=quiet)
    assert records.open_visit(copied.id).marks[0].technique is Technique.ESTIM and not quiet


def test_import_refuses_estim_for_a_patient_with_an_implant(records: Records):
    p = records.create_patient(chart_number="E5", family_name="Volta")
    visit = records.start_visit(p.id)
    add_mark(visit, estim_site())
    records.save_visit(visit)
    data = export_patient(records, p.id)
    data["patient"]["precautions"] = {"electrical_implant": "ICD"}
    data["patient"]["chart_number"] = "E5-copy"
    before = records.patient_count()
    with pytest.raises(ImportRejected, match="E-stim refused.*ICD"):
        import_patient(records, data)
    assert records.patient_count() == before
