"""The use cases the UI calls: patients, visits, signing, addenda."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bodymap.model import (
    NeedleSite,
    SignedVisitError,
    SignRequirement,
    ValidationError,
    VisitStatus,
    add_mark,
    set_visit_fields,
)
from bodymap.services.records import Records
from bodymap.storage import RecordNotFoundError


def test_create_search_update_patient(records: Records):
    zoe = records.create_patient(chart_number="A-17", family_name="Ångström",
                                 given_names="Zoë", date_of_birth=date(1990, 5, 17))
    records.create_patient(chart_number="B-2", family_name="Berg", given_names="Anders")
    assert [s.id for s in records.search_patients("angstrom")] == [zoe.id]
    assert [s.id for s in records.search_patients("ZOE")] == [zoe.id]
    assert [s.id for s in records.search_patients("a-1")] == [zoe.id]
    assert [s.display_name for s in records.search_patients("")] == ["Ångström, Zoë",
                                                                     "Berg, Anders"]
    assert records.search_patients("zoe berg") == []
    records.update_patient(zoe.id, family_name="Lindqvist", phone="070-1")
    assert records.search_patients("angstrom") == []
    (hit,) = records.search_patients("lind")
    assert (hit.display_name, hit.date_of_birth) == ("Lindqvist, Zoë", date(1990, 5, 17))
    assert records.get_patient(zoe.id).phone == "070-1"
    assert records.patient_count() == 2


def test_update_patient_is_audited_with_changed_fields_only(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    records.update_patient(p.id, phone="555", precautions={"pregnancy": "week 20"})
    entry = records.audit_trail(patient_id=p.id)[-1]
    assert (entry.action, entry.who) == ("update", "Anna Berg, PT")
    assert entry.after == {"phone": "555", "precautions": {"pregnancy": "week 20"},
                           "updated_at": entry.after["updated_at"]}  # type: ignore[index]
    assert entry.before["phone"] == ""  # type: ignore[index]


def test_duplicate_chart_number_is_a_validation_error(records: Records):
    records.create_patient(chart_number="X1", family_name="Doe")
    with pytest.raises(ValidationError) as err:
        records.create_patient(chart_number="X1", family_name="Roe")
    assert err.value.field == "chart_number"
    assert records.patient_count() == 1


def test_impossible_values_are_refused_and_nothing_is_stored(records: Records):
    with pytest.raises(ValidationError):
        records.create_patient(chart_number="1", family_name="Doe",
                               date_of_birth=date(2999, 1, 1))
    with pytest.raises(ValidationError):
        records.create_patient(chart_number="1", family_name="Doe", shoe_size=44)
    assert records.patient_count() == 0
    p = records.create_patient(chart_number="1", family_name="Doe")
    with pytest.raises(ValidationError):
        records.update_patient(p.id, family_name="")
    assert records.get_patient(p.id).family_name == "Doe"


def test_visit_lifecycle_start_save_sign_addendum(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    add_mark(visit, NeedleSite(view="posterior", x=1, y=2, side="L", needle_count=3))
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.", nprs_before=7,
                     nprs_after=4, needles_used=3, needles_removed=3)
    records.save_visit(visit)
    signed = records.sign_visit(visit.id)
    assert (signed.status, signed.signed_by) == (VisitStatus.SIGNED, "Anna Berg, PT")
    add = records.add_addendum(visit.id, "Patient phoned: soreness gone next day.")
    opened = records.open_visit(visit.id)
    assert opened.signed and opened.addenda == [add]
    (summary,) = records.list_visits(p.id)
    assert (summary.nprs_before, summary.nprs_after, summary.needles_used,
            summary.mark_count, summary.addendum_count) == (7, 4, 3, 1, 1)
    (listed,) = records.search_patients("doe")
    assert (listed.visit_count, listed.last_visit) == (1, visit.started_at)
    actions = [(e.action, e.entity_type) for e in records.audit_trail(visit_id=visit.id)]
    assert actions == [("create", "visit"), ("update", "visit"), ("create", "mark"),
                       ("sign", "visit"), ("addendum", "addendum")]


def test_signing_refused_with_unreconciled_needles_then_allowed_with_reason(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.",
                     needles_used=4, needles_removed=3)
    records.save_visit(visit)
    with pytest.raises(ValidationError, match="needle count reconciled"):
        records.sign_visit(visit.id)
    assert records.open_visit(visit.id).status is VisitStatus.DRAFT
    reason = "4th needle found intact in sharps container after count"
    records.sign_visit(visit.id, overrides={SignRequirement.NEEDLE_COUNT: reason})
    stored = records.open_visit(visit.id)
    assert stored.signed and stored.sign_overrides == {SignRequirement.NEEDLE_COUNT: reason}
    assert records.audit_trail(visit_id=visit.id)[-1].after["sign_overrides"] == {  # type: ignore[index]
        "needle_count": reason}


def test_visit_dated_ahead_cannot_be_signed_before_it_starts(records: Records, clock):
    """A start time later today is accepted (clock or zone slips), but signing it now
    would store a signature older than the visit: refused, nothing written."""
    p = records.create_patient(chart_number="1", family_name="Doe")
    local_noon = clock.peek().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    clock.set(local_noon)
    ahead = local_noon + timedelta(hours=3)
    visit = records.start_visit(p.id, started_at=ahead)
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.",
                     needles_used=0, needles_removed=0)
    records.save_visit(visit)
    audit_before = records.audit_trail(visit_id=visit.id)
    with pytest.raises(ValidationError, match="Cannot sign: the visit is dated .*, later "
                                              "than the signature .* Correct the visit's "
                                              "date and time, then sign"):
        records.sign_visit(visit.id)
    assert records.open_visit(visit.id).status is VisitStatus.DRAFT
    assert records.audit_trail(visit_id=visit.id) == audit_before


def test_signed_visit_cannot_be_saved_signed_again_or_deleted(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    records.sign_visit(visit.id, overrides={r: "n/a" for r in SignRequirement})
    stale_draft = visit  # the in-memory copy from before signing
    set_visit_fields(stale_draft, subjective="changed after signing")
    with pytest.raises(SignedVisitError):
        records.save_visit(stale_draft)
    with pytest.raises(SignedVisitError):
        records.sign_visit(visit.id, overrides={r: "again" for r in SignRequirement})
    with pytest.raises(SignedVisitError):
        records.delete_draft_visit(visit.id)
    assert records.open_visit(visit.id).subjective == ""


def test_addendum_only_on_signed_visits(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    with pytest.raises(ValidationError):
        records.add_addendum(visit.id, "too early")
    assert records.open_visit(visit.id).addenda == []


def test_delete_draft_visit(records: Records):
    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    add_mark(visit, NeedleSite(view="posterior", x=1, y=2))
    records.save_visit(visit)
    records.delete_draft_visit(visit.id)
    assert records.list_visits(p.id) == []
    with pytest.raises(RecordNotFoundError):
        records.open_visit(visit.id)
    assert [e.action for e in records.audit_trail(visit_id=visit.id)][-2:] == ["delete",
                                                                                "delete"]
    assert records.verify_audit().ok


def test_unknown_ids_are_reported(records: Records):
    with pytest.raises(RecordNotFoundError):
        records.get_patient("00000000-0000-4000-8000-000000000000")
    with pytest.raises(RecordNotFoundError):
        records.start_visit("00000000-0000-4000-8000-000000000000")
    assert records.find_patient_by_chart_number("nope") is None


def test_signing_requires_depth_at_needle_sites_over_a_hazard(tmp_path):
    from bodymap.atlas import load_atlas
    from bodymap.model import NeedleSite, SignRequirement, ValidationError, add_mark
    from bodymap.services.chart_checks import unmet_sign_requirements
    from bodymap.services.records import Records

    atlas = load_atlas()
    region = atlas.region("posterior.rhomboid_major.L")
    assert "thorax" in atlas.muscle(region.muscle).hazards
    with Records.open(tmp_path / "d", user="PT") as records:
        p = records.create_patient(chart_number="H-1", family_name="Hazard")
        visit = records.start_visit(p.id)
        x, y = region.anchor
        site = NeedleSite(view="posterior", x=x, y=y, region_id=region.id,
                          muscle=region.muscle, side=region.side, needle_length_mm=30)
        add_mark(visit, site)
        visit.consent_obtained = visit.precautions_reviewed = True
        visit.needles_used = visit.needles_removed = 1
        visit.objective = "TrP L rhomboid major."
        records.save_visit(visit)
        assert unmet_sign_requirements(visit, atlas) == [SignRequirement.HAZARD_DEPTH]
        with pytest.raises(ValidationError,
                           match="depth recorded for every needle site over a hazard"):
            records.sign_visit(visit.id)
        assert not records.open_visit(visit.id).signed
        signed = records.sign_visit(visit.id, overrides={
            SignRequirement.HAZARD_DEPTH: "Superficial insertion only, ~5 mm, over the rib"})
        assert signed.signed and SignRequirement.HAZARD_DEPTH in signed.sign_overrides


def _site(region_id: str, depth: float = 15) -> NeedleSite:
    """A needle site on the region (hazards are judged where the needle is)."""
    from bodymap.atlas import load_atlas

    view, muscle, side = region_id.split(".")
    x, y = load_atlas().region(region_id).anchor
    return NeedleSite(view=view, x=x, y=y, region_id=region_id, muscle=muscle, side=side,
                      needle_length_mm=30, depth_mm=depth)


def test_needling_both_sides_of_the_thorax_needs_a_written_reason(records: Records):
    """DOMAIN: do not needle both sides of the thorax in one session (pneumothorax)."""
    from bodymap.atlas import load_atlas
    from bodymap.model import Side
    from bodymap.services.chart_checks import bilateral_thorax, unmet_sign_requirements

    p = records.create_patient(chart_number="1", family_name="Doe")
    visit = records.start_visit(p.id)
    add_mark(visit, _site("anterior.pectoralis_major.L"))
    add_mark(visit, _site("posterior.gluteus_medius.R"))  # the right side, off the thorax
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Neck pain.",
                     needles_used=2, needles_removed=2)
    assert bilateral_thorax(visit, load_atlas()) == {}
    assert SignRequirement.BILATERAL_THORAX not in unmet_sign_requirements(visit)
    add_mark(visit, _site("posterior.latissimus_dorsi.R"))
    set_visit_fields(visit, needles_used=3, needles_removed=3)
    assert bilateral_thorax(visit, load_atlas()) == {
        Side.LEFT: ["Pectoralis major"], Side.RIGHT: ["Latissimus dorsi"]}
    assert unmet_sign_requirements(visit) == [SignRequirement.BILATERAL_THORAX]
    records.save_visit(visit)
    with pytest.raises(ValidationError, match="thorax needled on one side only"):
        records.sign_visit(visit.id)
    reason = "Bilateral upper trapezius planned with patient; supine, short needles, 10 mm"
    records.sign_visit(visit.id, overrides={SignRequirement.BILATERAL_THORAX: reason})
    assert records.open_visit(visit.id).sign_overrides == {
        SignRequirement.BILATERAL_THORAX: reason}
