"""Detail views: head and neck (enlarged from the full-body views, plus the deep jaw
muscles), and the hands and feet (drawn here at their own scale, both sides shown)."""

from __future__ import annotations

from scene import Scene, band, crop_scene, ellipse, mirror_scene

HEAD_NECK = {"temporalis", "masseter", "lateral_pterygoid", "medial_pterygoid",
             "sternocleidomastoid_sternal", "sternocleidomastoid_clavicular", "scalenes",
             "splenius_capitis", "levator_scapulae", "upper_trapezius", "digastric",
             "occipitofrontalis"}
# the posterior neck and the top of the back: the suboccipitals, the semispinales,
# multifidi and splenii beside the cervical spine, down to the upper scapula
HEAD_NECK_POSTERIOR = HEAD_NECK | {
    "suboccipitals", "semispinalis_capitis", "semispinalis_cervicis", "multifidi_cervical",
    "multifidi_thoracic", "splenius_cervicis", "middle_trapezius", "lower_trapezius",
    "rhomboid_minor", "rhomboid_major", "supraspinatus", "serratus_posterior_superior",
    "infraspinatus", "deltoid_posterior", "deltoid_middle", "teres_minor", "teres_major",
    "latissimus_dorsi"}
#: the crop (x0, y0, x1, y1 in full-body units) and enlargement of head_neck_posterior:
#: from the occiput down to the inferior angles of the scapulae, acromion to acromion
#: (its width sets the scale: about 1.5 px per full-body unit at the default window, so
#: the narrow muscles beside the cervical spine give a click target of 8 px or more)
HEAD_NECK_POSTERIOR_CROP = (176.0, 70.0, 424.0, 310.0)
HEAD_NECK_POSTERIOR_SCALE = 2.6

HW, HH, HMID = 560.0, 480.0, 280.0

# left hand seen from the palm (or right hand from the back), fingers up: thumb on the
# viewer's left. (A right palm, fingers up, has its thumb on the right: look at your own.)
# Palm (wrist crease y=430 to the finger creases y~290) about as long as the middle
# finger; the thumb's carpometacarpal joint at the radial base of the palm (~(100, 405)),
# its tip level with the index finger's proximal phalanx.
HAND = [
    (108, 460, "s"), (106, 432), (99, 416), (86, 396), (75, 370), (67, 344), (59, 317),
    (53, 295), (50, 279), (53, 268), (61, 264), (69, 270), (76, 288), (84, 308), (94, 325),
    (103, 333, "s"),  # web of the thumb
    (104, 300), (103, 240), (103, 190), (106, 168), (116, 158), (126, 166), (128, 190),
    (129, 272, "s"),  # index
    (133, 200), (134, 160), (138, 146), (147, 140), (156, 146), (160, 162),
    (160, 205), (160, 268, "s"),  # middle
    (162, 200), (163, 172), (167, 158), (175, 153), (183, 158), (187, 174),
    (188, 210), (188, 272, "s"),  # ring
    (190, 230), (192, 206), (198, 194), (205, 192), (211, 199), (213, 218), (213, 262),
    (212, 300), (210, 345), (206, 390), (201, 425), (199, 460, "s"),
]
# finger centre x, tip y (index, middle, ring, little); their creases start at y=290
FINGERS = ((116, 158), (147, 140), (175, 153), (202, 192))


def _h(pts: list) -> list:
    """Hand drawing coordinates -> view coordinates (enlarged to fill the view)."""
    return [(155 + (p[0] - 155) * 1.3, 470 - (470 - p[1]) * 1.3) + tuple(p[2:]) for p in pts]

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


def build_hand(view_id: str, palmar: bool) -> Scene:
    # The drawn hand (viewer's left) is a left palm or the back of a right hand.
    s = _pair_scene(view_id, _h(HAND), "L" if palmar else "R")

    def r(muscle, pts, **kw):
        s.region(muscle, _h(pts), **kw)

    def lm(pts, **kw):
        s.landmark(_h(pts), **kw)

    if palmar:
        # thenar eminence: the mound at the base of the thumb; hypothenar: the ulnar border
        r("thenar_muscles", [(110, 426), (97, 410), (84, 390), (75, 366), (71, 344),
                             (80, 334), (96, 340), (112, 360), (122, 394), (120, 422)],
          tone=0)
        r("hypothenar_muscles", [(190, 420), (202, 402), (207, 362), (207, 318), (197, 312),
                                 (186, 346), (182, 392)], tone=3)
        r("flexor_digitorum_superficialis", [(118, 436), (186, 436), (190, 455), (114, 455)],
          tone=2)
        r("palmar_interossei", [(138, 300), (180, 298), (182, 326), (142, 334)], layer=2,
          deep=True)
        r("adductor_pollicis", [(102, 340), (124, 322), (150, 310), (150, 322), (128, 346),
                                (110, 354)], layer=2, deep=True)
        for x, tip in FINGERS:
            n = 290 - tip
            for f in (0.1, 0.45, 0.72):  # finger base, proximal and distal joints
                y = 290 - n * f
                lm([(x - 9, y), (x, y + 3), (x + 9, y)], width=0.7)
        lm([(124, 300), (113, 330), (115, 372), (123, 412)], width=0.8)  # thenar crease
        lm([(104, 318), (135, 306), (172, 302)], width=0.7)  # proximal palmar crease
        lm([(142, 292), (176, 284), (211, 293)], width=0.7)  # distal palmar crease
        lm([(112, 430), (152, 433), (196, 428)], width=0.8)  # wrist crease
    else:
        r("first_dorsal_interosseous", [(88, 346), (100, 339), (110, 322), (124, 318),
                                        (126, 350), (117, 378), (103, 390), (92, 372)],
          tone=1)
        r("dorsal_interossei", [(134, 300), (194, 302), (194, 352), (137, 364)], tone=4)
        r("hypothenar_muscles", [(200, 322), (209, 314), (207, 382), (200, 398)], tone=3)
        r("extensor_digitorum", [(118, 436), (186, 436), (190, 455), (114, 455)], tone=0)
        for x, tip in FINGERS:
            lm([(152, 430), (x + (152 - x) * 0.45, 330), (x, 270), (x, tip + 24)],
               width=0.55)  # extensor tendons
            n = 290 - tip
            lm([(x - 7, 292), (x, 288), (x + 7, 292)], width=0.7)  # knuckles
            lm([(x - 7, 290 - n * 0.45), (x, 287 - n * 0.45), (x + 7, 290 - n * 0.45)],
               width=0.6)  # proximal joint creases
            lm([(x - 6, tip + 20), (x - 6, tip + 8), (x, tip + 4), (x + 6, tip + 8),
                (x + 6, tip + 20)], width=0.6)  # nails
        lm([(55, 286), (56, 276), (62, 271), (67, 278), (68, 290)], width=0.6)  # thumbnail
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
    hp = crop_scene(full["posterior"], "head_neck_posterior", HEAD_NECK_POSTERIOR_CROP,
                    HEAD_NECK_POSTERIOR_SCALE,
                    lambda it: it.kind == "silhouette" or it.muscle in HEAD_NECK_POSTERIOR)
    return [
        (ha, "Head and neck, anterior", "detail", "anterior", "head_neck_anterior"),
        (hp, "Head and neck, posterior", "detail", "posterior", "head_neck_posterior"),
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
