"""The female figure: chosen from the patient's sex for new visits where the atlas version
draws one, kept with the visit, and changeable on a draft with its marks carried."""

from __future__ import annotations

import pytest
from synthetic_atlas import FEMALE_SCALE, MOVED_REGION

from bodymap.atlas import visit_atlas
from bodymap.model import (
    NeedleSite,
    Sex,
    SignedVisitError,
    ValidationError,
    add_mark,
    set_visit_fields,
)
from bodymap.services.records import Records


def _patient(records: Records, sex: Sex, chart: str):
    return records.create_patient(chart_number=chart, family_name="Figure", sex=sex)


def test_new_visits_take_the_patients_figure_where_the_version_draws_it(
        records: Records, atlas_upgrade) -> None:
    woman = _patient(records, Sex.FEMALE, "F-1")
    assert records.start_visit(woman.id).figure == "standard"  # version 1 has no other
    atlas_upgrade()
    assert records.start_visit(woman.id).figure == "female"
    assert records.open_visit(records.start_visit(woman.id).id).figure == "female"
    for sex in (Sex.MALE, Sex.OTHER, Sex.UNKNOWN):
        other = _patient(records, sex, f"F-{sex.value}")
        assert records.start_visit(other.id).figure == "standard"
    assert records.start_visit(woman.id, figure="standard").figure == "standard"


def test_a_draft_is_redrawn_on_the_other_figure_with_its_marks_carried(
        records: Records, atlas_v2) -> None:
    woman = _patient(records, Sex.FEMALE, "F-2")
    visit = records.start_visit(woman.id, figure="standard")
    region = atlas_v2.region(MOVED_REGION)
    site = NeedleSite(view="anterior", x=region.anchor[0], y=region.anchor[1],
                      region_id=MOVED_REGION, muscle="biceps_brachii", side="L", depth_mm=9)
    add_mark(visit, site)
    records.save_visit(visit)
    assert records.change_visit_figure(visit.id, "female") == []  # nothing had to move
    stored = records.open_visit(visit.id)
    assert stored.figure == "female" and [m.id for m in stored.marks] == [site.id]
    mid = atlas_v2.view("anterior").midline_x
    moved = stored.marks[0]
    assert moved.x == pytest.approx(mid + (site.x - mid) * FEMALE_SCALE, abs=0.05)
    assert moved.y == pytest.approx(site.y)
    female = visit_atlas(stored)
    assert female.figure == "female"
    assert female.region_at("anterior", moved.x, moved.y).id == MOVED_REGION
    trail = [e for e in records.audit_trail() if e.visit_id == visit.id]
    assert any(e.action == "update" and e.entity_type == "visit"
               and (e.after or {}).get("figure") == "female" for e in trail)
    assert records.verify_file().ok


def test_signed_visits_and_missing_figures_are_refused(records: Records, atlas_v2) -> None:
    woman = _patient(records, Sex.FEMALE, "F-3")
    visit = records.start_visit(woman.id)
    with pytest.raises(ValidationError, match="no male figure"):
        records.change_visit_figure(visit.id, "male")
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     needles_used=0, needles_removed=0, subjective="check")
    records.save_visit(visit)
    records.sign_visit(visit.id)
    with pytest.raises(SignedVisitError):
        records.change_visit_figure(visit.id, "standard")
    assert records.open_visit(visit.id).figure == "female"
