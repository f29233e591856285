"""Hazard zones by location: membership at points derived from the bony landmarks, on
today's anatomy (DOMAIN.md, "Where the danger lies")."""

from __future__ import annotations

import pytest

from bodymap.atlas import load_atlas
from bodymap.atlas.geometry import point_in_polygon
from bodymap.atlas.hazards import has_zones, zones_at
from bodymap.atlas.hazards_data import ZONES


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(2)


def types_at(atlas, view, x, y) -> set[str]:
    return {z.zone.type for z in zones_at(atlas, view, x, y)}


def test_every_zone_is_drawn_on_todays_anatomy_with_a_source(atlas):
    from bodymap.atlas.hazards import resolve_zone

    for zone in ZONES:
        shapes = resolve_zone(zone, atlas)
        drawn = sum(len(s.polygons) for s in shapes)
        assert drawn == len(zone.parts) * (1 if zone.midline else 2), zone.id
        assert zone.source and zone.structure
    assert not has_zones(load_atlas(1))  # version 1 has no landmarks: muscle flags apply


@pytest.mark.parametrize("side", ["L", "R"])
def test_membership_at_landmark_derived_points(atlas, side):
    front, back = atlas.landmarks["anterior"], atlas.landmarks["posterior"]
    mid = atlas.view("anterior").midline_x
    lat = 1 if (side == "L") else -1  # laterally on the front view (patient's left: right)

    def f(name):
        return front[f"{name}.{side}"]

    def b(name):
        return back[f"{name}.{side}"]

    # the lung's apex, 2-3 cm above the medial third of the clavicle, is lung
    cm, cx = f("clavicle_medial_end"), f("clavicle_mid")
    apex = ((2 * cm[0] + cx[0]) / 3, cm[1] - 12)
    assert "lung_pleura" in types_at(atlas, "anterior", *apex)
    # the front of the chest over the 4th intercostal space is lung; the abdomen is not
    assert types_at(atlas, "anterior", f("nipple")[0], f("nipple")[1] - 10) == {"lung_pleura"}
    umbilicus = front["umbilicus"]
    assert types_at(atlas, "anterior", umbilicus[0] + lat * 25, umbilicus[1]) == {"peritoneum"}
    # L4 paraspinals (at the top of the iliac crest, 2.5 cm from the midline) are not thorax
    crest = b("iliac_crest_top")
    blat = -1 if side == "L" else 1  # laterally on the back view (patient's left: left)
    l4 = (back["t12"][0] + blat * 15, crest[1] + 10)
    assert "lung_pleura" not in types_at(atlas, "posterior", *l4)
    assert "kidney" not in types_at(atlas, "posterior", *l4)
    # along the medial border of the scapula: lung, within about 19 mm
    sup, inf = b("scapula_superior_angle"), b("scapula_inferior_angle")
    border = ((sup[0] + inf[0]) / 2 - blat * 4, (sup[1] + inf[1]) / 2)
    zones = zones_at(atlas, "posterior", *border)
    assert zones[0].zone.type == "lung_pleura" and zones[0].zone.depth_mm == 19
    # the middle of the scapular body is backed by bone
    spine = b("scapular_spine_root")
    body = (spine[0] + blat * 30, spine[1] + 25)
    assert "lung_pleura" not in types_at(atlas, "posterior", *body)
    # just above the 12th rib's tip: lung; just below it: kidney
    rib = b("rib12_tip")
    assert "lung_pleura" in types_at(atlas, "posterior", rib[0] - blat * 8, rib[1] - 8)
    assert "kidney" in types_at(atlas, "posterior", rib[0] - blat * 10, rib[1] + 12)
    # the spinous processes: neuraxis
    assert "neuraxis" in types_at(atlas, "posterior", back["t12"][0], 300)
    # between C2 and the mastoid: the vertebral artery
    c2, mastoid = back["c2"], b("mastoid")
    assert "vertebral_artery" in types_at(atlas, "posterior", (c2[0] + mastoid[0]) / 2,
                                          (c2[1] + mastoid[1]) / 2)
    # between the ischial tuberosity and the greater trochanter: the sciatic nerve
    it, gt = b("ischial_tuberosity"), b("greater_trochanter")
    assert "sciatic_nerve" in types_at(atlas, "posterior", (it[0] + gt[0]) / 2,
                                       (it[1] + gt[1]) / 2 - 8)
    assert "popliteal_fossa" in types_at(atlas, "posterior", *b("popliteal_crease_mid"))
    assert "common_fibular_nerve" in types_at(atlas, "posterior", *b("fibular_head"))
    assert "ulnar_nerve" in types_at(atlas, "posterior", *b("medial_epicondyle"))
    assert "median_nerve" in types_at(atlas, "anterior", *f("cubital_fossa"))
    # the femoral triangle, just below the middle of the inguinal ligament
    asis, tubercle = f("asis"), f("pubic_tubercle")
    assert "femoral_neurovascular" in types_at(atlas, "anterior", (asis[0] + tubercle[0]) / 2,
                                               (asis[1] + tubercle[1]) / 2 + 15)
    # the anterior border of SCM, mid-neck: the carotid sheath
    hn = atlas.landmarks["head_neck_anterior"]
    jaw, clav = hn[f"angle_of_mandible.{side}"], hn[f"clavicle_medial_end.{side}"]
    assert "carotid_sheath" in types_at(atlas, "head_neck_anterior", (jaw[0] + clav[0]) / 2,
                                        (jaw[1] + clav[1]) / 2)
    assert abs(apex[0] - mid) > 10
    # subscapularis as drawn on the front lies over the chest wall: lung
    assert "lung_pleura" in types_at(atlas, "anterior",
                                     *atlas.region(f"anterior.subscapularis.{side}").anchor)


def test_the_external_oblique_over_the_lower_ribs_is_lung_and_over_the_abdomen_is_not(atlas):
    for view, side in (("left_lateral", "L"), ("right_lateral", "R")):
        region = atlas.region(f"{view}.external_oblique.{side}")
        x0, y0, x1, y1 = region.bbox
        upper = [(x, y0 + 6) for x in (x0 + (x1 - x0) * i / 20 for i in range(1, 20))
                 if point_in_polygon(x, y0 + 6, region.outline)]
        assert upper and any("lung_pleura" in types_at(atlas, view, x, y) for x, y in upper)
        assert "lung_pleura" not in types_at(atlas, view, *region.anchor)
        assert "peritoneum" in types_at(atlas, view, *region.anchor)
