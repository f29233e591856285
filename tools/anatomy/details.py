"""Detail views: head and neck (enlarged from the full-body views, plus the deep jaw
muscles), and the hands and feet (drawn here at their own scale, both sides shown)."""

from __future__ import annotations

from scene import Scene, band, crop_scene, ellipse, mirror_scene

HEAD_NECK = {"temporalis", "masseter", "lateral_pterygoid", "medial_pterygoid",
             "sternocleidomastoid_sternal", "sternocleidomastoid_clavicular", "scalenes",
             "splenius_capitis", "levator_scapulae", "upper_trapezius"}

HW, HH, HMID = 560.0, 480.0, 280.0

# right hand seen from the palm (or left hand from the back): thumb on the viewer's left
HAND = [
    (108, 420), (98, 380), (84, 340), (70, 300), (56, 262), (50, 235), (52, 218),
    (62, 212), (72, 222), (84, 255), (98, 283), (103, 262), (100, 200), (100, 120),
    (104, 88), (114, 78), (124, 84), (128, 110), (130, 200), (133, 226, "s"), (134, 140),
    (134, 80), (138, 60), (147, 52), (157, 58), (160, 80), (160, 140), (162, 222, "s"),
    (162, 150), (162, 95), (166, 76), (175, 70), (184, 76), (187, 100), (188, 160),
    (190, 230, "s"), (190, 180), (192, 140), (197, 122), (205, 118), (212, 126),
    (214, 150), (214, 220), (213, 260), (210, 320), (204, 370), (197, 420), (199, 460, "s"),
    (106, 460, "s"),
]

# right foot seen from above (or left foot from below): big toe on the viewer's right
FOOT = [
    (150, 445), (125, 438), (108, 415), (100, 370), (97, 320), (97, 260), (99, 215),
    (98, 195), (102, 178), (110, 172), (117, 180, "s"), (118, 165), (124, 152), (133, 150),
    (138, 160, "s"), (139, 148), (144, 136), (153, 134), (158, 146, "s"), (160, 133),
    (165, 120), (175, 118), (180, 130, "s"), (182, 118), (188, 102), (200, 98), (210, 106),
    (214, 125), (214, 170), (210, 230), (204, 300), (200, 360), (192, 410), (176, 438),
]


def _pair_scene(view_id: str, shape: list, left_side: str) -> Scene:
    s = Scene(view_id, HW, HH, HMID, left_side=left_side)
    s.set_silhouette_islands(shape)
    return s


def build_hand(view_id: str, palmar: bool) -> Scene:
    s = _pair_scene(view_id, HAND, "R" if palmar else "L")
    r, lm = s.region, s.landmark
    if palmar:
        r("thenar_muscles", [(104, 405), (92, 362), (82, 328), (90, 298), (106, 300),
                             (118, 330), (122, 372), (114, 404)], tone=0)
        r("hypothenar_muscles", [(188, 405), (202, 368), (208, 320), (209, 282), (196, 282),
                                 (184, 320), (178, 370)], tone=3)
        r("palmar_interossei", [(136, 252), (176, 252), (180, 292), (140, 302)], layer=2,
          deep=True)
        r("adductor_pollicis", [(100, 292), (120, 296), (146, 316), (128, 336), (108, 320)],
          layer=2, deep=True)
        r("flexor_digitorum_superficialis", [(118, 428), (186, 428), (190, 452), (114, 452)],
          tone=2)
        for x0, x1 in ((104, 128), (137, 157), (165, 185), (193, 211)):
            lm([(x0 + 2, 160), ((x0 + x1) / 2, 163), (x1 - 2, 160)], width=0.8)
            lm([(x0 + 3, 120), ((x0 + x1) / 2, 123), (x1 - 3, 120)], width=0.8)
        lm([(88, 330), (110, 300), (140, 270), (165, 262)], width=0.8)  # thenar crease
        lm([(125, 280), (160, 255), (210, 262)], width=0.8)  # palmar crease
        lm([(112, 415), (150, 418), (192, 414)], width=0.8)  # wrist crease
    else:
        r("first_dorsal_interosseous", [(100, 288), (106, 262), (124, 250), (132, 290),
                                        (118, 322), (104, 310)], tone=1)
        r("dorsal_interossei", [(136, 246), (190, 250), (190, 302), (140, 312)], tone=4)
        r("hypothenar_muscles", [(200, 302), (211, 290), (209, 340), (201, 362)], tone=3)
        r("extensor_digitorum", [(118, 428), (186, 428), (190, 452), (114, 452)], tone=0)
        for x0, x1 in ((116, 112), (147, 148), (175, 176), (202, 204)):
            lm([(150, 420), (x0, 240), (x1, 120)], width=0.6)  # extensor tendons
        for x, y in ((114, 150), (147, 130), (175, 140), (205, 175)):
            lm([(x - 7, y), (x, y - 3), (x + 7, y)], width=0.7)  # knuckle creases
        for x, y in ((114, 92), (147, 66), (175, 84), (205, 130)):
            lm([(x - 6, y + 14), (x - 6, y + 2), (x, y - 2), (x + 6, y + 2), (x + 6, y + 14)],
               width=0.6)  # nails
    return s


def build_foot(view_id: str, plantar: bool) -> Scene:
    s = _pair_scene(view_id, FOOT, "L" if plantar else "R")
    r, lm = s.region, s.landmark
    if plantar:
        r("flexor_digitorum_brevis", [(150, 418), (170, 398), (174, 300), (166, 228),
                                      (132, 228), (124, 300), (130, 398)], tone=2)
        r("abductor_hallucis", band([(184, 405), (194, 330), (197, 250), (195, 200)],
                                    [16, 18, 14, 9]), tone=0)
        r("abductor_digiti_minimi", band([(114, 402), (105, 330), (104, 262), (106, 222)],
                                         [16, 16, 13, 8]), tone=4)
        r("quadratus_plantae", [(136, 398), (164, 398), (168, 336), (132, 336)], layer=2,
          deep=True)
        lm(ellipse(150, 415, 26, 18, 10), closed=True, width=0.5)  # heel pad
        lm([(104, 212), (140, 200), (180, 192), (208, 190)], width=0.6)  # ball of foot
        for x, y in ((110, 182), (128, 160), (148, 144), (170, 128), (199, 112)):
            lm([(x - 6, y + 6), (x + 6, y + 6)], width=0.6)  # toe creases
        s.referral("soleus", [(128, 412), (150, 396), (172, 412), (166, 434), (134, 434)])
        s.referral("gastrocnemius", [(184, 330), (200, 300), (203, 240), (190, 246),
                                     (180, 290)])  # instep
    else:
        r("extensor_digitorum_brevis", [(110, 302), (130, 282), (152, 272), (162, 292),
                                        (140, 322), (115, 332)], tone=1)
        r("abductor_hallucis", band([(187, 395), (193, 330), (197, 262)], [8, 8, 6]),
          tone=0)
        r("abductor_digiti_minimi", band([(112, 392), (106, 330), (105, 270)], [9, 9, 7]),
          tone=4)
        for x0, x1 in ((118, 110), (138, 128), (158, 148), (175, 168)):
            lm([(150, 425), (x0 + 6, 240), (x1 + 8, 170)], width=0.5)  # EDL tendons
        lm([(176, 430), (190, 300), (198, 110)], width=0.8)  # EHL tendon
        lm([(188, 440), (202, 380)], width=0.9)  # tibialis anterior tendon
        for x, y in ((109, 178), (128, 156), (148, 140), (170, 124), (199, 104)):
            lm([(x - 5, y + 8), (x - 5, y + 2), (x, y - 1), (x + 5, y + 2), (x + 5, y + 8)],
               width=0.6)  # nails
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
        (build_hand("hand_palmar", True), "Hands, palmar", "detail", "anterior",
         "hand_palmar"),
        (build_hand("hand_dorsal", False), "Hands, dorsal", "detail", "posterior",
         "hand_dorsal"),
        (build_foot("foot_plantar", True), "Feet, plantar", "detail", "posterior",
         "foot_plantar"),
        (build_foot("foot_dorsal", False), "Feet, dorsal", "detail", "anterior",
         "foot_dorsal"),
    ]
