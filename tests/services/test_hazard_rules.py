"""The sign-off rules ask the hazard zone at the needle's point, not the muscle: lumbar
paraspinals are not thorax, a latissimus site over the lower ribs is; version-1 charts keep
the muscle flags they were charted with; an export signed under the muscle flags still
imports."""

from __future__ import annotations

from bodymap.atlas import load_atlas
from bodymap.model import NeedleSite, Side, SignRequirement, add_mark, set_visit_fields
from bodymap.services.chart_checks import (
    bilateral_thorax,
    caution_text,
    depth_beyond_guidance,
    hazards_of,
    unmet_sign_requirements,
    zone_names,
)
from bodymap.services.records import Records


def site_at(view: str, muscle: str, side: str, x: float, y: float, depth=None) -> NeedleSite:
    return NeedleSite(view=view, x=x, y=y, region_id=f"{view}.{muscle}.{side}", muscle=muscle,
                      side=side, needle_length_mm=50, depth_mm=depth)


def ready(visit, n: int) -> None:
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     subjective="Low back pain.", needles_used=n, needles_removed=n)


def test_lumbar_paraspinals_are_not_thorax_and_need_no_depth(records: Records):
    atlas = load_atlas(2)
    p = records.create_patient(chart_number="H-1", family_name="Lee")
    visit = records.start_visit(p.id)
    assert visit.atlas_version == 2
    for side in ("L", "R"):  # both sides of the low back, no depths
        x, y = atlas.region(f"posterior.multifidi.{side}").anchor
        add_mark(visit, site_at("posterior", "multifidi", side, x, y))
    ready(visit, 2)
    assert unmet_sign_requirements(visit) == []
    assert hazards_of(visit.marks[0], atlas) == ()
    # the same muscle by its flag (as version 1 judged it) would have called it "spine"
    assert hazards_of(visit.marks[0], atlas, by_muscle=True)


def test_latissimus_over_the_lower_ribs_is_thorax_and_both_sides_need_a_reason(records):
    atlas = load_atlas(2)
    p = records.create_patient(chart_number="H-2", family_name="Ruiz")
    visit = records.start_visit(p.id)
    for side in ("L", "R"):
        x, y = atlas.region(f"posterior.latissimus_dorsi.{side}").anchor  # over ribs 9-10
        add_mark(visit, site_at("posterior", "latissimus_dorsi", side, x, y, depth=10))
    ready(visit, 2)
    assert SignRequirement.BILATERAL_THORAX in unmet_sign_requirements(visit)
    assert bilateral_thorax(visit, atlas) == {Side.LEFT: ["Latissimus dorsi"],
                                              Side.RIGHT: ["Latissimus dorsi"]}
    assert zone_names(visit.marks[0], atlas) == "Lung and pleura (pneumothorax)"
    assert "Lower lobe and pleura below the scapula" in caution_text(visit.marks[0], atlas)


def test_a_depth_beyond_the_zones_guidance_is_named(records):
    atlas = load_atlas(2)
    x, y = atlas.region("posterior.rhomboid_major.L").anchor
    site = site_at("posterior", "rhomboid_major", "L", x, y, depth=25)
    assert "25 mm is deeper than the 19 mm" in depth_beyond_guidance(site, atlas)
    assert depth_beyond_guidance(site, atlas, 15) is None
    far = site_at("posterior", "multifidi", "L", *atlas.region("posterior.multifidi.L").anchor,
                  depth=45)
    assert depth_beyond_guidance(far, atlas) is None


def test_version_1_visits_keep_their_muscle_flags():
    atlas = load_atlas(1)
    region = atlas.region("posterior.latissimus_dorsi.L")
    site = site_at("posterior", "latissimus_dorsi", "L", *region.anchor)
    assert hazards_of(site, atlas) == region.hazards
    assert caution_text(site, atlas) == atlas.muscle("latissimus_dorsi").caution
