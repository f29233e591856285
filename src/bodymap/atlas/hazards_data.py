"""The hazard zones bodymap charts (see hazards.py for the parts; offsets and radii are in
diagram units: full-body views are 1000 units tall, about 1.7 mm a unit, and the detail views
two to three times larger).

Where the structures lie is surface anatomy (Standring S, ed. Gray's Anatomy, 42nd ed.,
2020) as the project's domain notes summarise it (../shared/DOMAIN.md, "Where the danger
lies"); the depths are the domain notes' figures ("Safety zones worth warning about": lung
about 3 cm deep over the upper thorax; cadaver work with 40-60 mm needles reaching the pleura
under upper trapezius; ultrasound placing the pleura within about 19 mm under rhomboid major).
A zone with no depth figure warns at any depth.
"""

from __future__ import annotations

from bodymap.atlas.hazards import H, HazardZone
from bodymap.atlas.referral import B, D, M

GRAY = "Gray's Anatomy, 42nd ed. (2020), surface anatomy, as summarised in DOMAIN.md"
DEPTHS = ("DOMAIN.md, 'Safety zones worth warning about' (cadaver and ultrasound figures "
          "for the pleura's depth)")

ZONES: tuple[HazardZone, ...] = (
    # -- lung and pleura ----------------------------------------------------------------
    HazardZone("lung_apex", "lung_pleura",
               "Apex of the lung and cervical pleura, 2-3 cm above the medial third of the "
               "clavicle",
               (("front", D("clavicle_mid", 13, dx=-32, dy=-12)),
                ("hn_front", D("clavicle_mid", 34, dx=-86, dy=-32)),
                ("lateral", D("clavicle_medial_end", 10, dy=-10)),
                ("hn_lateral", D("clavicle_medial_end", 24, dy=-24))),
               None, GRAY),
    HazardZone("lung_upper_posterior", "lung_pleura",
               "Upper lobe and pleura under upper trapezius, over the first ribs",
               (("back", H((("c7", 8, -22), ("acromion", -32, -14), ("acromion", -32, 8),
                            ("scapula_superior_angle", 0, -6), ("c7", 8, 12)))),
                ("hn_back", H((("c7", 20, -20), ("acromion", -80, -15), ("acromion", -80, 20),
                               ("scapula_superior_angle", 0, -15), ("c7", 20, 30))))),
               30.0, DEPTHS),
    HazardZone("lung_interscapular", "lung_pleura",
               "Lung and pleura between the spine and the medial border of the scapula, "
               "under rhomboids and middle and lower trapezius",
               (("back", H((("c7", 9, 10), ("scapula_superior_angle", 6, -4),
                            ("scapula_inferior_angle", 8, 8), ("t12", 9, 0)))),
                ("hn_back", H((("c7", 24, 26), ("scapula_superior_angle", 16, -10),
                               ("scapula_inferior_angle", 20, 20))))),
               19.0, DEPTHS),
    HazardZone("lung_lower_posterior", "lung_pleura",
               "Lower lobe and pleura below the scapula, to the 12th rib",
               (("back", H((("scapula_inferior_angle", 8, 2), ("scapula_inferior_angle", 40, 12),
                            ("rib12_tip", 4, 0), ("t12", 9, 0)))),),
               None, GRAY),
    HazardZone("lung_anterior", "lung_pleura",
               "Lung and pleura under the front of the chest, to the costal margin",
               (("front", H((("clavicle_medial_end", 0, 2), ("clavicle_mid", 0, 2),
                             ("coracoid", -4, 6), ("nipple", 28, 10), ("xiphoid", 62, 50),
                             ("xiphoid", 8, 4)))),),
               None, GRAY),
    HazardZone("lung_lateral", "lung_pleura",
               "Lung and pleura under the side of the chest (serratus anterior, intercostals; "
               "subscapularis is reached through the axilla, along the scapula, never "
               "towards the ribs)",
               (("lateral", M("serratus_anterior")), ("front", M("serratus_anterior")),
                ("front", M("intercostals")), ("front", M("subscapularis")),
                ("lateral", H((("acromion", 40, 45), ("acromion", -25, 45),
                               ("iliac_crest_top", -10, -45), ("iliac_crest_top", 66, -50))))),
               None, GRAY),
    # -- abdomen and back --------------------------------------------------------------------
    HazardZone("kidney", "kidney",
               "Kidney, below the 12th rib lateral to the paraspinal muscles",
               (("back", H((("rib12_tip", 0, 0), ("t12", 30, 18), ("t12", 30, 70),
                            ("rib12_tip", 0, 45)))),),
               None, GRAY),
    HazardZone("peritoneum", "peritoneum", "Peritoneal cavity under the abdominal wall",
               (("front", H((("xiphoid", 0, 10), ("xiphoid", 60, 30), ("asis", -8, 0),
                             ("pubic_tubercle", 0, -6), ("pubic_symphysis", 0, -6)))),
                ("lateral", H((("iliac_crest_top", 45, -48), ("iliac_crest_top", -8, -44),
                               ("iliac_crest_top", 0, -6), ("asis", -4, -6))))),
               None, GRAY),
    HazardZone("neuraxis", "neuraxis", "Spinal canal, along the spinous processes",
               (("back", B("c2", "s2", 16)), ("hn_back", B("c2", "c7", 40))),
               None, GRAY, midline=True),
    # -- neck --------------------------------------------------------------------------------
    HazardZone("vertebral_artery", "vertebral_artery",
               "Vertebral artery in the suboccipital triangle (C1-C2)",
               (("back", H((("c2", 3, -10), ("inion", 12, 10), ("mastoid", -10, 4),
                            ("c2", 18, 4)))),
                ("hn_back", H((("c2", 8, -26), ("inion", 32, 26), ("mastoid", -26, 10),
                               ("c2", 46, 10))))),
               None, GRAY),
    HazardZone("carotid_sheath", "carotid_sheath",
               "Carotid sheath along the anterior border of sternocleidomastoid",
               (("front", B("angle_of_mandible", "clavicle_medial_end", 9)),
                ("hn_front", B("angle_of_mandible", "clavicle_medial_end", 24)),
                ("lateral", B("angle_of_mandible", "clavicle_medial_end", 9)),
                ("hn_lateral", B("angle_of_mandible", "clavicle_medial_end", 24))),
               None, GRAY),
    HazardZone("brachial_plexus", "brachial_plexus",
               "Brachial plexus, between the scalenes and across the posterior triangle",
               (("front", M("scalenes")), ("hn_front", M("scalenes")),
                ("lateral", M("scalenes")), ("hn_lateral", M("scalenes")),
                ("front", D("clavicle_mid", 9, dy=-7)),
                ("hn_front", D("clavicle_mid", 24, dy=-18))),
               None, GRAY),
    # -- limbs -------------------------------------------------------------------------------
    HazardZone("femoral_triangle", "femoral_neurovascular",
               "Femoral nerve, artery and vein in the femoral triangle",
               (("front", H((("asis", -4, 4), ("pubic_tubercle", 2, 4),
                             ("pubic_tubercle", 31, 61)))),
                ("leg_front", H((("asis", -6, 6), ("pubic_tubercle", 3, 6),
                                 ("pubic_tubercle", 50, 98))))),
               None, GRAY),
    HazardZone("popliteal_fossa", "popliteal_fossa", "Popliteal vessels and tibial nerve",
               (("back", D("popliteal_crease_mid", 13)),
                ("leg_back", D("popliteal_crease_mid", 24))),
               None, GRAY),
    HazardZone("sciatic_nerve", "sciatic_nerve",
               "Sciatic nerve, between the ischial tuberosity and the greater trochanter, deep "
               "to gluteus maximus and piriformis, and down the back of the thigh",
               (("back", H((("ischial_tuberosity", 4, -42), ("greater_trochanter", -8, -26),
                            ("greater_trochanter", -14, 8), ("ischial_tuberosity", 6, 4)))),
                ("back", B("ischial_tuberosity", "popliteal_crease_mid", 10)),
                ("leg_back", H((("ischial_tuberosity", 6, -48), ("greater_trochanter", -13, -32),
                                ("greater_trochanter", -22, 13), ("ischial_tuberosity", 10, 6)))),
                ("leg_back", B("ischial_tuberosity", "popliteal_crease_mid", 16))),
               None, GRAY),
    HazardZone("common_fibular_nerve", "common_fibular_nerve",
               "Common fibular nerve round the fibular head and neck",
               (("back", D("fibular_head", 9, dy=4)), ("lateral", D("fibular_head", 9, dy=4)),
                ("front", D("fibular_head", 9, dy=4)),
                ("leg_back", D("fibular_head", 15, dy=6)),
                ("leg_front", D("fibular_head", 15, dy=6))),
               None, GRAY),
    HazardZone("ulnar_nerve", "ulnar_nerve", "Ulnar nerve behind the medial epicondyle",
               (("back", D("medial_epicondyle", 7)),
                ("forearm_back", D("medial_epicondyle", 16))),
               None, GRAY),
    HazardZone("median_nerve", "median_nerve",
               "Median nerve at the front of the elbow and in the carpal tunnel",
               (("front", D("cubital_fossa", 8)), ("forearm_front", D("cubital_fossa", 18)),
                ("hand_palm", B("radial_styloid", "ulnar_styloid", 26))),
               None, GRAY),
)
