"""Referral patterns: every muscle clinicians need has one, each is drawn on the patient's
side of today's anatomy, and asking "what refers here?" names the textbook culprits first.

The culprit lists are the muscles the pain guides at the head of each part of the Trigger
Point Manual (Simons, Travell & Simons vol. 1, 2nd ed., 1999; Travell & Simons vol. 2,
1992) name for each area."""

from __future__ import annotations

import pytest

from bodymap.atlas import load_atlas
from bodymap.atlas.referral import (
    ESSENTIAL,
    SPILLOVER,
    patterns,
    resolve,
    view_id,
    what_refers_here,
)

# issue 17's list, by atlas muscle id (SCM both heads, rhomboids both, the deltoid's three
# parts, the wrist and finger extensors, the hamstrings)
REQUIRED = """upper_trapezius middle_trapezius lower_trapezius levator_scapulae
sternocleidomastoid_sternal sternocleidomastoid_clavicular scalenes splenius_capitis
splenius_cervicis suboccipitals semispinalis_capitis semispinalis_cervicis temporalis
masseter lateral_pterygoid medial_pterygoid supraspinatus infraspinatus teres_minor
teres_major subscapularis latissimus_dorsi rhomboid_major rhomboid_minor serratus_anterior
serratus_posterior_superior pectoralis_major pectoralis_minor deltoid_anterior deltoid_middle
deltoid_posterior biceps_brachii brachialis triceps_brachii brachioradialis
extensor_carpi_radialis_longus extensor_carpi_radialis_brevis extensor_carpi_ulnaris
extensor_digitorum supinator first_dorsal_interosseous iliocostalis longissimus multifidi
quadratus_lumborum rectus_abdominis gluteus_maximus gluteus_medius gluteus_minimus
piriformis iliopsoas tensor_fasciae_latae rectus_femoris vastus_medialis vastus_lateralis
adductor_longus biceps_femoris semitendinosus semimembranosus gastrocnemius soleus
tibialis_anterior fibularis_longus""".split()


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(2)


def test_every_listed_muscle_has_a_pattern_with_its_source():
    missing = set(REQUIRED) - set(patterns())
    assert not missing, sorted(missing)
    assert len(patterns()) >= 45
    for p in patterns().values():
        assert "Trigger Point Manual" in p.source and "chapter" in p.source, p.muscle
        assert p.essential and p.note


@pytest.mark.parametrize("side", ["L", "R"])
def test_each_pattern_is_drawn_with_its_trigger_points_on_todays_anatomy(atlas, side):
    for muscle, pattern in patterns().items():
        if muscle not in {m.id for m in atlas.muscles}:
            continue  # a version-1 muscle id
        resolved = resolve(pattern, atlas, side)
        essential = [p for z in resolved.zones.values() for p in z.get(ESSENTIAL, [])]
        assert len(essential) == len(pattern.essential), (muscle, side)  # every part drawn
        spill = [p for z in resolved.zones.values() for p in z.get(SPILLOVER, [])]
        assert len(spill) == len(pattern.spillover), (muscle, side)
        points = [p for ps in resolved.trigger_points.values() for p in ps]
        assert len(points) == len(pattern.trigger_points) >= 1, (muscle, side)
        for view, ps in resolved.trigger_points.items():
            for x, y in ps:  # on the muscle itself
                hit = atlas.region_at(view, x, y) or atlas.region_at(view, x, y, "deep")
                assert hit is not None and hit.side == side, (muscle, view, x, y)


CROSSING = {"sternocleidomastoid_clavicular", "rectus_abdominis"}  # refer to both sides


@pytest.mark.parametrize("side", ["L", "R"])
def test_a_trigger_point_refers_to_its_own_side(atlas, side):
    """On the front and back views, every zone lies on the patient's own side of the
    midline (the patient's left is the viewer's right on the front view)."""
    for muscle, pattern in patterns().items():
        if muscle in CROSSING or muscle not in {m.id for m in atlas.muscles}:
            continue
        resolved = resolve(pattern, atlas, side)
        for view in ("anterior", "posterior"):
            v = atlas.view(view)
            left_is_right = v.facing == "anterior"
            for kind in (ESSENTIAL, SPILLOVER):
                for poly in resolved.zones.get(view, {}).get(kind, []):
                    cx = sum(p[0] for p in poly) / len(poly)
                    if abs(cx - v.midline_x) < 12:
                        continue  # centred on the midline (vertex, sacrum, sternum)
                    on_right_of_page = cx > v.midline_x
                    assert on_right_of_page == ((side == "L") == left_is_right), \
                        (muscle, side, view, kind)


# (complaint, view alias, how to find the spot, the textbook culprits)
COMPLAINTS = [
    ("temple (tension-type headache)", "lateral", ("region", "temporalis"),
     {"temporalis", "upper_trapezius", "sternocleidomastoid_sternal", "splenius_cervicis",
      "suboccipitals", "semispinalis_capitis"}),
    ("lateral elbow", "forearm_back", ("landmark", "lateral_epicondyle"),
     {"supinator", "brachioradialis", "extensor_carpi_radialis_longus", "triceps_brachii",
      "supraspinatus", "extensor_digitorum", "extensor_carpi_radialis_brevis"}),
    ("medial knee", "leg_front", ("landmark_medial", "patella"),
     {"vastus_medialis", "adductor_longus", "rectus_femoris", "gracilis", "sartorius"}),
    ("heel", "foot_sole", ("landmark", "calcaneus"), {"soleus", "quadratus_plantae"}),
    ("sacroiliac region", "back", ("landmark", "psis"),
     {"gluteus_medius", "quadratus_lumborum", "gluteus_maximus", "piriformis", "longissimus",
      "iliopsoas", "soleus"}),
    ("front of the shoulder", "front", ("region", "deltoid_anterior"),
     {"infraspinatus", "deltoid_anterior", "biceps_brachii", "pectoralis_major",
      "pectoralis_minor", "supraspinatus"}),
    ("web of the thumb", "hand_back", ("region", "first_dorsal_interosseous"),
     {"first_dorsal_interosseous", "brachialis", "supinator", "brachioradialis", "scalenes"}),
    ("side of the thigh", "lateral", ("region", "vastus_lateralis"),
     {"vastus_lateralis", "gluteus_minimus", "tensor_fasciae_latae"}),
    ("back of the head", "back", ("region", "occipitofrontalis"),
     {"suboccipitals", "semispinalis_capitis", "splenius_capitis",
      "sternocleidomastoid_sternal", "semispinalis_cervicis", "multifidi_cervical"}),
    ("inferior angle of the scapula", "back", ("landmark", "scapula_inferior_angle"),
     {"latissimus_dorsi", "serratus_anterior", "levator_scapulae"}),
    ("angle of the jaw", "hn_lateral", ("landmark", "angle_of_mandible"),
     {"masseter", "medial_pterygoid", "upper_trapezius"}),
    ("lateral ankle", "lateral", ("landmark", "lateral_malleolus"),
     {"fibularis_longus", "gluteus_minimus"}),
]


@pytest.mark.parametrize("complaint, alias, spot, culprits", COMPLAINTS,
                         ids=[c[0] for c in COMPLAINTS])
def test_what_refers_here_names_the_textbook_culprits_first(atlas, complaint, alias, spot,
                                                            culprits):
    for side in ("L", "R"):
        view = view_id(alias, side)
        how, name = spot
        if how == "region":
            point = atlas.region(f"{view}.{name}.{side}").anchor
        else:
            point = atlas.landmarks[view][f"{name}.{side}"]
            if how == "landmark_medial":  # just medial to it
                v = atlas.view(view)
                point = (point[0] + (-20 if point[0] > v.midline_x else 20), point[1])
        found = what_refers_here(atlas, view, [point])
        assert found, complaint
        top = [c.muscle for c in found[:3]]
        assert found[0].muscle in culprits and found[0].kind == ESSENTIAL, (complaint, top)
        assert set(top) <= culprits, (complaint, side, top)
        assert all(c.side == side for c in found[:3]), (complaint, side)
