"""Detail views: head and neck (enlarged from the full-body views, plus the deep jaw
muscles), and the hands and feet (drawn here at their own scale, both sides shown)."""

from __future__ import annotations

from limbs import build_hand  # noqa: F401 - hands and feet are drawn in limbs.py
from scene import Scene, band, crop_scene, ellipse, mirror_scene

HEAD_NECK = {"temporalis", "masseter", "lateral_pterygoid", "medial_pterygoid",
             "sternocleidomastoid_sternal", "sternocleidomastoid_clavicular", "scalenes",
             "splenius_capitis", "levator_scapulae", "upper_trapezius"}

HW, HH, HMID = 560.0, 480.0, 280.0

# left foot seen from above (or right foot from below), toes up: big toe on the viewer's
# right. (Look down at your own feet: the right foot's big toe is on its left.)
# A narrow rounded heel, the lateral border nearly straight, the medial border drawn in at
# the arch, the ball widest across the metatarsal heads, five toes (the big toe largest).
FOOT = [
    (150, 446), (128, 439), (115, 416), (109, 378), (105, 332), (101, 284), (98, 240),
    (98, 208), (100, 182), (106, 168), (114, 167), (119, 178), (121, 192, "s"),  # 5th toe
    (122, 170), (126, 153), (134, 147), (141, 153), (143, 170), (144, 184, "s"),  # 4th
    (145, 156), (149, 137), (157, 131), (164, 137), (166, 156), (167, 176, "s"),  # 3rd
    (168, 142), (171, 121), (179, 114), (187, 119), (189, 141), (190, 170, "s"),  # 2nd
    (192, 130), (196, 106), (206, 97), (216, 103), (220, 123), (220, 160), (217, 200),
    (210, 236), (198, 278), (190, 318), (186, 358), (187, 396), (183, 424), (171, 440),
]
# toe centre x, tip y (little toe to big toe)
TOES = ((110, 167), (134, 147), (157, 131), (179, 114), (207, 97))


def _pair_scene(view_id: str, shape: list, left_side: str) -> Scene:
    s = Scene(view_id, HW, HH, HMID, left_side=left_side)
    s.set_silhouette_islands(shape)
    return s


def build_foot(view_id: str, plantar: bool) -> Scene:
    # The drawn foot (viewer's left) is the sole of a right foot or the top of a left one.
    s = _pair_scene(view_id, FOOT, "R" if plantar else "L")
    r, lm = s.region, s.landmark
    if plantar:
        r("flexor_digitorum_brevis", [(150, 418), (168, 398), (171, 300), (164, 234),
                                      (132, 234), (124, 300), (130, 398)], tone=2)
        r("abductor_hallucis", band([(176, 412), (180, 350), (188, 290), (201, 236)],
                                    [14, 15, 13, 9]), tone=0)
        r("abductor_digiti_minimi", band([(121, 408), (112, 340), (106, 272), (105, 228)],
                                         [14, 14, 12, 8]), tone=4)
        r("quadratus_plantae", [(136, 398), (162, 398), (165, 336), (133, 336)], layer=2,
          deep=True)
        lm(ellipse(150, 418, 24, 17, 10), closed=True, width=0.5)  # heel pad
        lm([(102, 214), (140, 206), (180, 200), (214, 200)], width=0.6)  # ball of foot
        for x, tip in TOES:
            w = 12 if x > 200 else 7
            lm([(x - w, tip + 40 if x > 200 else tip + 28), (x, tip + (43 if x > 200 else 31)),
                (x + w, tip + 40 if x > 200 else tip + 28)], width=0.6)  # toe creases
        s.referral("soleus", [(128, 412), (150, 396), (172, 412), (166, 434), (134, 434)])
        s.referral("gastrocnemius", [(180, 330), (194, 292), (203, 240), (190, 246),
                                     (178, 290)])  # instep
    else:
        r("extensor_digitorum_brevis", [(110, 302), (130, 282), (152, 272), (162, 292),
                                        (140, 322), (115, 332)], tone=1)
        r("abductor_hallucis", band([(176, 398), (180, 330), (192, 266)], [8, 8, 6]),
          tone=0)
        r("abductor_digiti_minimi", band([(120, 398), (113, 330), (108, 270)], [9, 9, 7]),
          tone=4)
        for x, tip in TOES[:4]:
            lm([(150, 425), (x + (150 - x) * 0.45, 250), (x, tip + 24)],
               width=0.5)  # EDL tendons
        lm([(172, 430), (190, 300), (206, 128)], width=0.8)  # EHL tendon
        lm([(177, 424), (184, 384)], width=0.9)  # tibialis anterior tendon
        for x, tip in TOES:
            w = 8 if x > 200 else 4.5
            lm([(x - w, tip + 16), (x - w, tip + 5), (x, tip + 2), (x + w, tip + 5),
                (x + w, tip + 16)], width=0.6)  # nails
    return s


def build_details(full: dict[str, Scene]) -> list:
    keep = lambda it: it.kind == "silhouette" or it.muscle in HEAD_NECK  # noqa: E731
    ha = crop_scene(full["anterior"], "head_neck_anterior", (175, 10, 425, 216), 2.6, keep)
    hl = crop_scene(full["left_lateral"], "head_neck_left_lateral", (220, 10, 380, 230),
                    3.0, keep)
    hr = mirror_scene(hl, "head_neck_right_lateral")
    return [
        (ha, "Head and neck, anterior", "detail", "anterior", "head_neck_anterior"),
        (hl, "Head and neck, left lateral", "detail", "left", "head_neck_right_lateral"),
        (hr, "Head and neck, right lateral", "detail", "right", "head_neck_left_lateral"),
        # drawn fingers and toes up as seen from that surface: `facing` says where the
        # patient's left is on the page (palmar hands, dorsal feet: the viewer's left)
        (build_hand("hand_palmar", True), "Hands, palmar", "detail", "posterior",
         "hand_palmar"),
        (build_hand("hand_dorsal", False), "Hands, dorsal", "detail", "anterior",
         "hand_dorsal"),
        (build_foot("foot_plantar", True), "Feet, plantar", "detail", "anterior",
         "foot_plantar"),
        (build_foot("foot_dorsal", False), "Feet, dorsal", "detail", "posterior",
         "foot_dorsal"),
    ]
