"""The catalogue and the SVG artwork agree, and the anatomy is charted correctly."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from bodymap.atlas import HAZARDS, SEGMENTS, Atlas, assets_dir
from bodymap.atlas.geometry import point_in_polygon

# DOMAIN.md "Muscles clinicians commonly chart" -> the muscle ids that chart them
DOMAIN_MUSCLES = {
    "temporalis": ["temporalis"], "masseter": ["masseter"],
    "lateral pterygoid": ["lateral_pterygoid"], "medial pterygoid": ["medial_pterygoid"],
    "sternocleidomastoid": ["sternocleidomastoid_sternal", "sternocleidomastoid_clavicular"],
    "scalenes": ["scalenes"], "splenius capitis": ["splenius_capitis"],
    "splenius cervicis": ["splenius_cervicis"], "suboccipitals": ["suboccipitals"],
    "semispinalis": ["semispinalis_capitis"], "levator scapulae": ["levator_scapulae"],
    "upper trapezius": ["upper_trapezius"], "middle trapezius": ["middle_trapezius"],
    "lower trapezius": ["lower_trapezius"], "rhomboids": ["rhomboid_major", "rhomboid_minor"],
    "supraspinatus": ["supraspinatus"], "infraspinatus": ["infraspinatus"],
    "teres minor": ["teres_minor"], "teres major": ["teres_major"],
    "subscapularis": ["subscapularis"], "latissimus dorsi": ["latissimus_dorsi"],
    "deltoid": ["deltoid_anterior", "deltoid_middle", "deltoid_posterior"],
    "pectoralis major": ["pectoralis_major"], "pectoralis minor": ["pectoralis_minor"],
    "serratus anterior": ["serratus_anterior"], "biceps": ["biceps_brachii"],
    "brachialis": ["brachialis"], "triceps": ["triceps_brachii"],
    "coracobrachialis": ["coracobrachialis"], "brachioradialis": ["brachioradialis"],
    "supinator": ["supinator"],
    "wrist extensors": ["extensor_carpi_radialis", "extensor_carpi_ulnaris"],
    "finger extensors": ["extensor_digitorum"],
    "wrist flexors": ["flexor_carpi_radialis", "flexor_carpi_ulnaris"],
    "finger flexors": ["flexor_digitorum_superficialis"],
    "interossei": ["first_dorsal_interosseous", "dorsal_interossei", "palmar_interossei"],
    "adductor pollicis": ["adductor_pollicis"], "thenar": ["thenar_muscles"],
    "hypothenar": ["hypothenar_muscles"],
    "serratus posterior superior": ["serratus_posterior_superior"],
    "intercostals": ["intercostals"], "erector spinae": ["iliocostalis", "longissimus"],
    "multifidi": ["multifidi"], "quadratus lumborum": ["quadratus_lumborum"],
    "rectus abdominis": ["rectus_abdominis"], "obliques": ["external_oblique"],
    "gluteus maximus": ["gluteus_maximus"], "gluteus medius": ["gluteus_medius"],
    "gluteus minimus": ["gluteus_minimus"], "piriformis": ["piriformis"],
    "iliopsoas": ["iliopsoas"], "tensor fasciae latae": ["tensor_fasciae_latae"],
    "rectus femoris": ["rectus_femoris"], "vastus medialis": ["vastus_medialis"],
    "vastus intermedius": ["vastus_intermedius"], "vastus lateralis": ["vastus_lateralis"],
    "adductors": ["adductor_longus", "adductor_magnus"], "gracilis": ["gracilis"],
    "sartorius": ["sartorius"], "biceps femoris": ["biceps_femoris"],
    "semitendinosus": ["semitendinosus"], "semimembranosus": ["semimembranosus"],
    "gastrocnemius": ["gastrocnemius"], "soleus": ["soleus"],
    "tibialis anterior": ["tibialis_anterior"], "tibialis posterior": ["tibialis_posterior"],
    "fibularis longus": ["fibularis_longus"], "fibularis brevis": ["fibularis_brevis"],
    "extensor digitorum longus": ["extensor_digitorum_longus"],
    "extensor hallucis longus": ["extensor_hallucis_longus"],
    "flexor digitorum longus": ["flexor_digitorum_longus"],
    "flexor hallucis longus": ["flexor_hallucis_longus"],
    "extensor digitorum brevis": ["extensor_digitorum_brevis"],
    "abductor hallucis": ["abductor_hallucis"], "quadratus plantae": ["quadratus_plantae"],
}

HAZARD_MUSCLES = {
    "thorax": ["rhomboid_major", "rhomboid_minor", "middle_trapezius", "lower_trapezius",
               "upper_trapezius", "serratus_anterior", "serratus_posterior_superior",
               "intercostals", "scalenes", "pectoralis_major", "pectoralis_minor"],
    "spine": ["suboccipitals", "multifidi", "semispinalis_capitis"],
    "anterior_hip": ["iliopsoas"],
    "abdomen": ["rectus_abdominis", "external_oblique"],
}

REFERRAL_MUSCLES = ["upper_trapezius", "levator_scapulae", "sternocleidomastoid_sternal",
                    "sternocleidomastoid_clavicular", "infraspinatus", "supraspinatus",
                    "quadratus_lumborum", "gluteus_medius", "gluteus_minimus", "piriformis",
                    "rectus_femoris", "vastus_medialis", "gastrocnemius", "soleus"]

EXPECTED_VIEWS = ["anterior", "posterior", "left_lateral", "right_lateral",
                  "head_neck_anterior", "head_neck_posterior", "head_neck_left_lateral",
                  "head_neck_right_lateral", "hand_palmar", "hand_dorsal", "foot_plantar",
                  "foot_dorsal", "forearms_anterior", "forearms_posterior",
                  "lower_limbs_anterior", "lower_limbs_posterior"]


def _svg_ids(view_id: str) -> tuple[set[str], set[str]]:
    """Element ids of a view's SVG and, where it has one, its deep layer's SVG."""
    regions, all_ids = set(), set()
    for name in (f"{view_id}.svg", f"{view_id}.deep.svg"):
        path = assets_dir() / name
        if not path.is_file():
            continue
        for el in ET.fromstring(path.read_text(encoding="utf-8")).iter():
            if el.get("id"):
                all_ids.add(el.get("id"))
                if "region" in el.get("class", "").split():
                    regions.add(el.get("id"))
    return regions, all_ids


def test_views_present(atlas: Atlas) -> None:
    ids = [v.id for v in atlas.views]
    present = [v for v in EXPECTED_VIEWS if v in ids]
    assert ids == present, "views in the agreed order"
    assert {"anterior", "posterior"} <= set(ids)
    full = [v for v in atlas.views if v.kind == "full"]
    assert len({(v.width, v.height) for v in full}) == 1, "full views share one scale"


def test_catalogue_ids_match_svg(atlas: Atlas) -> None:
    for view in atlas.views:
        svg_regions, all_ids = _svg_ids(view.id)
        catalogue = {r.id for r in atlas.regions_in(view.id)}
        assert catalogue == svg_regions, view.id
        assert f"{view.id}.silhouette" in all_ids


def test_region_ids_and_fields(atlas: Atlas) -> None:
    pattern = re.compile(r"^[a-z_]+\.[a-z][a-z0-9_]*\.[LR]$")
    for r in atlas.regions:
        assert pattern.match(r.id), r.id
        assert r.id == f"{r.view}.{r.muscle}.{r.side}"
        assert r.segment in SEGMENTS
        assert set(r.hazards) <= set(HAZARDS)
        assert r.name.endswith("(left)" if r.side == "L" else "(right)")
        assert r.area > 0


def test_counts(atlas: Atlas) -> None:
    assert len({r.muscle for r in atlas.regions}) >= 50
    assert len(atlas.regions) >= 200


# a muscle version 1 charts whole and version 2 in its parts
SPLIT = {"extensor_carpi_radialis": {"extensor_carpi_radialis_longus",
                                     "extensor_carpi_radialis_brevis"}}


def test_every_domain_muscle_is_drawn(atlas: Atlas) -> None:
    drawn = {r.muscle for r in atlas.regions}
    drawn |= {whole for whole, parts in SPLIT.items() if parts <= drawn}
    missing = {name: ids for name, ids in DOMAIN_MUSCLES.items() if not set(ids) <= drawn}
    assert not missing


def test_hazard_muscles_flagged_with_caution(atlas: Atlas) -> None:
    for flag, muscles in HAZARD_MUSCLES.items():
        for mid in muscles:
            m = atlas.muscle(mid)
            assert flag in m.hazards, mid
            assert m.caution and len(m.caution) < 200, mid
    for m in atlas.muscles:
        if m.hazards:
            assert m.caution, m.id


def test_pairs_exist_and_areas_agree(atlas: Atlas) -> None:
    for r in atlas.regions:
        other_id = atlas.mirror_region_id(r.id)
        assert other_id is not None, f"{r.id} has no other side"
        other = atlas.region(other_id)
        assert other.muscle == r.muscle and other.side != r.side
        assert abs(other.area - r.area) <= 0.1 * max(r.area, other.area), r.id
        assert atlas.mirror_region_id(other_id) == r.id


# The hands and feet are drawn fingers and toes up, each as a real hand or foot seen from
# that surface: their sides follow the drawing's chirality (tests/atlas/test_anatomy.py),
# not the upright body's front/back rule.
HANDS_AND_FEET = ("hand_palmar", "hand_dorsal", "foot_plantar", "foot_dorsal")


def test_laterality_follows_the_views_facing(atlas: Atlas) -> None:
    # every view, hands and feet included: anything reading `facing` (v1's hand and foot
    # views are corrected by the loader, bodymap.atlas.versions.FACING_CORRECTIONS) puts
    # each region on the patient's side it is drawn on
    for view in atlas.views:
        corners = atlas.side_corners(view.id)
        if view.facing in ("anterior", "posterior"):
            assert corners == {"anterior": ("R", "L"), "posterior": ("L", "R")}[view.facing]
        for r in atlas.regions_in(view.id):
            x = r.centroid[0]
            if view.facing == "anterior":  # patient's left on the viewer's right
                assert (x > view.midline_x) == (r.side == "L"), r.id
            elif view.facing == "posterior":  # patient's left on the viewer's left
                assert (x < view.midline_x) == (r.side == "L"), r.id
            elif view.facing == "left":
                assert r.side == "L", r.id
            else:
                assert view.facing == "right" and r.side == "R", r.id


def test_regions_lie_inside_the_silhouette(atlas: Atlas) -> None:
    for view in atlas.views:
        sil = atlas.silhouette(view.id)
        for r in atlas.regions_in(view.id):
            outside = [p for p in r.outline if not point_in_polygon(p[0], p[1], sil)]
            assert not outside, f"{r.id}: {len(outside)} points outside, e.g. {outside[:2]}"


def test_draw_order_is_layer_order(atlas: Atlas) -> None:
    for view in atlas.views:
        # superficial picture first, then the deep overlay; by layer within each
        order = [(r.depth != "superficial", r.layer) for r in atlas.regions_in(view.id)]
        assert order == sorted(order), view.id


def test_each_region_is_hit_at_its_anchor(atlas: Atlas) -> None:
    for r in atlas.regions:
        hit = atlas.region_at(r.view, *r.anchor, layer=r.depth)
        assert hit is r, f"{r.id}: got {hit and hit.id}"
        assert point_in_polygon(*r.anchor, r.outline)


def test_outside_the_body_is_none(atlas: Atlas) -> None:
    for view in atlas.views:
        sil = atlas.silhouette(view.id)
        assert atlas.region_at(view.id, 1, 1) is None
        assert atlas.region_at(view.id, view.width - 1, view.height - 1) is None
        assert atlas.region_at(view.id, -50, 10) is None
        for i in range(0, 400):
            x, y = (i * 37.3) % view.width, (i * 53.9) % view.height
            if not point_in_polygon(x, y, sil):
                assert atlas.region_at(view.id, x, y) is None, (view.id, x, y)


def test_region_at_agrees_with_exact_polygons(atlas: Atlas) -> None:
    for view in atlas.views:
        for layer in atlas.layers(view.id):
            # the default picture clicks its superficial muscles; the deep layer stacks its
            # deep muscles over them
            regions = [r for r in atlas.regions_in(view.id) if r.depth == "superficial"]
            if layer == "deep":
                regions += [r for r in atlas.regions_in(view.id) if r.depth == "deep"]
            for i in range(1500):
                x = (i * 7.919) % view.width
                y = (i * 13.37 + i * i * 0.013) % view.height
                want = None
                for r in regions:  # bottom to top
                    if point_in_polygon(x, y, r.outline):
                        want = r
                got = atlas.region_at(view.id, x, y, layer=layer)
                if want is not None and got is None:
                    # only a mask (e.g. an arm over the trunk) may hide a region
                    assert view.facing in ("left", "right"), (view.id, x, y, want.id)
                elif got is not None:
                    assert got is want, (view.id, layer, x, y, got.id, want and want.id)


@pytest.mark.parametrize("muscle_id", REFERRAL_MUSCLES)
def test_referral_patterns(atlas: Atlas, muscle_id: str) -> None:
    regions = [r for r in atlas.regions if r.muscle == muscle_id]
    with_referral = [r for r in regions if atlas.referral(r.id)]
    assert with_referral, f"no referral pattern for {muscle_id}"
    sides = {r.side for r in with_referral}
    assert sides == {"L", "R"}
    for r in with_referral:
        view = atlas.view(r.view)
        sil = atlas.silhouette(r.view)
        for poly in atlas.referral(r.id):
            assert all(point_in_polygon(x, y, sil) for x, y in poly), r.id
            cx = sum(p[0] for p in poly) / len(poly)
            # a trigger point refers pain to its own side
            if view.id in HANDS_AND_FEET:
                corners = atlas.side_corners(view.id)
                assert (cx < view.midline_x) == (corners[0] == r.side), r.id
            elif view.facing == "anterior":
                assert (cx > view.midline_x) == (r.side == "L"), r.id
            elif view.facing == "posterior":
                assert (cx < view.midline_x) == (r.side == "L"), r.id


def test_catalogue_schema() -> None:
    data = json.loads((assets_dir() / "catalogue.json").read_text(encoding="utf-8"))
    assert isinstance(data["version"], int)
    for v in data["views"]:
        assert {"id", "title", "width", "height", "midline_x", "kind"} <= set(v)
        assert v["kind"] in ("full", "detail")
    for m in data["muscles"]:
        assert {"id", "name", "segment", "hazards", "caution", "referral"} <= set(m)
    for r in data["regions"]:
        assert {"id", "view", "muscle", "side", "layer"} <= set(r)


def test_prepare_hit_testing_builds_the_index_ahead_of_the_first_query():
    from bodymap.atlas import load_atlas

    atlas = load_atlas()
    atlas.prepare_hit_testing("hand_palmar")
    assert ("hand_palmar", "superficial") in atlas._index
    region = next(r for r in atlas.regions_in("hand_palmar"))
    assert atlas.region_at("hand_palmar", *region.anchor) is not None
