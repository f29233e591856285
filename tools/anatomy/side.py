"""Left lateral full-body view (the patient's left side; the patient faces the viewer's
left). Same scale and floor line as the front and back views. The right lateral view is
its mirror image with every region renamed to the right side."""

from __future__ import annotations

from front import H, MID, W
from scene import Scene, band, ellipse, mirror_scene  # noqa: F401 - re-exported

# Depths follow DOMAIN.md proportions: chest about 0.13H at the nipples, abdomen a little
# less, buttock about 0.12H, thigh about 0.10H at the top; the foot has a heel, an arch,
# the ball and the toes.
PROFILE = [
    (305, 20), (280, 25), (264, 38), (256, 58), (254, 78), (257, 88), (250, 100),
    (243, 110), (249, 115, "s"), (250, 122), (248, 127), (252, 132), (253, 140), (251, 147),
    (258, 153), (272, 156), (288, 161, "s"), (291, 175), (290, 192), (284, 204), (268, 218),
    (252, 238), (242, 262), (238, 290), (240, 315), (246, 338), (249, 362), (247, 390),
    (244, 420), (246, 448), (254, 476), (264, 500), (268, 520), (266, 545), (263, 580),
    (262, 630), (268, 690), (277, 718), (275, 738), (283, 760), (288, 800), (292, 860),
    (296, 920), (298, 960),
    # foot: instep, toes, ball, arch, heel
    (293, 976), (276, 987), (256, 994), (238, 999), (224, 1004), (210, 1007),
    (201, 1010), (197, 1016), (200, 1022), (214, 1024), (240, 1024), (264, 1021),
    (290, 1019.5),
    (314, 1022), (332, 1024), (343, 1016), (346, 999), (340, 984), (334, 965),
    (334, 930), (344, 880), (352, 830), (350, 790), (342, 760), (337, 738), (344, 700),
    (354, 645), (362, 598), (373, 568), (384, 542), (388, 514), (384, 488), (372, 462),
    (362, 435), (360, 405), (364, 370), (372, 330), (377, 292), (377, 256), (370, 226),
    (357, 205), (346, 187), (342, 167), (344, 148), (350, 132), (358, 105), (358, 75),
    (350, 48), (332, 28),
]

# the arm hangs narrow and a little behind the mid-line of the trunk, so that pectoralis
# major and serratus anterior (in front) and latissimus dorsi (behind) stay visible
ARM = [
    (324, 195), (309, 200), (302, 216), (300, 250), (301, 300), (303, 350), (306, 388),
    (303, 420), (301, 460), (302, 500), (304, 532), (300, 544), (295, 558), (293, 576),
    (297, 590), (302, 584), (303, 604), (306, 628), (312, 642), (319, 644), (324, 634),
    (326, 602), (327, 566), (328, 538), (331, 496), (336, 448), (340, 408), (343, 388),
    (346, 350), (348, 300), (347, 254), (342, 218), (335, 202),
]


def B(centre: list, widths: list[float]) -> list:
    return band([(float(x), float(y)) for x, y in centre], widths)


def build_left_lateral() -> Scene:
    s = Scene("left_lateral", W, H, MID, left_side="L", mirrored=False)
    s.set_silhouette(PROFILE)
    r = s.region
    # head and neck
    r("temporalis", [(283, 62), (300, 46), (326, 46), (342, 60), (344, 80), (332, 91),
                     (300, 93), (285, 86)], tone=2)
    r("masseter", [(287, 101), (310, 100), (314, 120), (316, 137), (306, 146), (290, 143),
                   (284, 122)], tone=3)
    r("splenius_capitis", [(335, 128), (345, 133), (341, 150), (334, 150)], tone=4)
    r("upper_trapezius", [(336, 151), (340, 153), (342, 176), (352, 197), (364, 218),
                          (355, 222), (342, 208), (332, 194), (332, 170)], tone=1)
    r("levator_scapulae", B([(330, 147), (334, 170), (339, 196)], [5, 7, 6]), tone=5)
    r("scalenes", [(318, 166), (326, 177), (331, 201), (318, 204), (311, 190)], tone=4)
    r("sternocleidomastoid_clavicular", B([(331, 128), (322, 158), (311, 184), (303, 203)],
                                          [5, 8, 8, 7]), tone=5)
    r("sternocleidomastoid_sternal", B([(328, 122), (316, 150), (301, 180), (291, 201)],
                                       [6, 8, 7, 5]), tone=0)
    # trunk: pectoralis major and serratus anterior in front of the arm, latissimus dorsi
    # behind it, the obliques on the flank
    r("pectoralis_major", [(285, 208), (298, 213), (304, 238), (303, 268), (286, 290),
                           (262, 310), (244, 312), (241, 288), (246, 258), (261, 232),
                           (275, 216)], tone=0)
    r("serratus_anterior", [(262, 320), (284, 298), (303, 290), (304, 350), (296, 356, "s"),
                            (292, 344), (284, 360, "s"), (279, 347), (270, 362, "s"),
                            (262, 346)], tone=2)
    r("latissimus_dorsi", [(349, 248), (366, 262), (375, 300), (371, 350), (363, 400),
                           (357, 432), (346, 452), (338, 422), (344, 360), (349, 300)],
      tone=1)
    r("external_oblique", [(252, 366), (290, 356), (330, 362), (355, 400), (358, 440),
                           (344, 468), (310, 476), (275, 470), (253, 442), (250, 400)],
      tone=5)
    # hip and thigh
    r("gluteus_maximus", [(358, 476), (378, 478), (388, 515), (383, 548), (370, 568),
                          (352, 575), (336, 556), (338, 520), (345, 494)], tone=0)
    r("gluteus_medius", [(300, 462), (330, 452), (362, 462), (372, 482), (350, 494),
                         (318, 496), (300, 482)], tone=3)
    r("tensor_fasciae_latae", [(272, 482), (292, 474), (298, 498), (297, 540), (290, 566),
                               (282, 536), (276, 506)], tone=2)
    r("vastus_lateralis", [(283, 566), (300, 548), (335, 548), (352, 576), (350, 640),
                           (338, 700), (310, 722), (288, 714), (280, 650)], tone=4)
    r("rectus_femoris", B([(275, 505), (272, 560), (273, 630), (281, 705)], [6, 14, 13, 6]),
      tone=1)
    r("biceps_femoris", B([(356, 578), (349, 630), (339, 690), (332, 732)], [9, 12, 10, 6]),
      tone=5)
    # leg and foot
    r("soleus", [(326, 832), (340, 850), (341, 900), (334, 940), (326, 950), (323, 900)],
      tone=3)
    r("gastrocnemius", [(328, 750), (343, 765), (348, 800), (344, 840), (330, 860),
                        (321, 820), (322, 780)], tone=1)
    r("tibialis_anterior", B([(292, 768), (296, 830), (300, 900), (300, 955)], [8, 9, 7, 4]),
      tone=0)
    r("extensor_digitorum_longus", B([(303, 770), (307, 830), (309, 900), (306, 958)],
                                     [6, 8, 6, 4]), tone=5)
    r("fibularis_longus", B([(314, 766), (318, 820), (318, 878)], [8, 10, 6]), tone=2)
    r("fibularis_brevis", B([(320, 882), (320, 930), (317, 962)], [7, 7, 4]), tone=4)
    r("extensor_digitorum_brevis", [(258, 1001), (276, 994), (290, 996), (288, 1006),
                                    (268, 1011)], tone=1)
    r("abductor_digiti_minimi", B([(330, 1018), (300, 1015), (270, 1015), (244, 1018)],
                                  [4, 4, 4, 3]), tone=3)
    # deep (outlined, on top)
    L2 = dict(layer=2, deep=True)
    r("lateral_pterygoid", [(297, 101), (312, 100), (314, 108), (298, 110)], **L2)
    r("medial_pterygoid", [(306, 116), (315, 120), (316, 136), (308, 138), (304, 126)], **L2)
    r("gluteus_minimus", [(312, 466), (340, 462), (346, 481), (320, 486)], **L2)
    # the arm hangs beside the trunk: a mask hides the trunk, arm muscles on top
    s.mask("arm", ARM, layer=5)
    A6 = dict(layer=6)
    r("triceps_brachii", [(330, 258), (345, 266), (346, 320), (343, 368), (338, 390),
                          (327, 380), (325, 330), (327, 290)], tone=3, **A6)
    r("brachialis", [(309, 322), (319, 318), (323, 360), (317, 392), (310, 388),
                     (307, 360)], tone=4, **A6)
    r("biceps_brachii", B([(307, 266), (305, 320), (307, 366), (310, 392)], [8, 12, 10, 5]),
      tone=0, **A6)
    r("deltoid_anterior", [(303, 212), (316, 199), (319, 240), (320, 296), (307, 270),
                           (301, 240)], tone=3, **A6)
    r("deltoid_posterior", [(331, 199), (342, 210), (346, 248), (336, 280), (321, 300),
                            (330, 250)], tone=2, **A6)
    r("deltoid_middle", [(316, 199), (331, 199), (330, 250), (321, 300), (319, 240)],
      tone=5, **A6)
    r("extensor_carpi_ulnaris", B([(335, 408), (331, 450), (328, 498), (325, 526)],
                                  [6, 7, 6, 4]), tone=4, **A6)
    r("extensor_digitorum", B([(326, 402), (321, 450), (318, 498), (318, 527)],
                              [8, 9, 7, 5]), tone=0, **A6)
    r("extensor_carpi_radialis", B([(315, 382), (311, 430), (309, 480), (310, 526)],
                                   [8, 9, 7, 5]), tone=2, **A6)
    r("brachioradialis", B([(307, 362), (304, 410), (303, 460), (305, 520)], [7, 10, 8, 5]),
      tone=5, **A6)
    r("thenar_muscles", [(300, 549), (306, 546), (306, 568), (299, 584), (295, 566)],
      tone=1, **A6)
    r("first_dorsal_interosseous", [(308, 556), (317, 556), (317, 588), (309, 586)],
      tone=3, **A6)
    r("supinator", [(316, 396), (328, 396), (330, 412), (318, 414)], layer=7, deep=True)
    r("infraspinatus", [(338, 222), (345, 228), (344, 252), (337, 246)], layer=7, deep=True)

    lm = s.landmark
    lm([(255, 84), (262, 80), (270, 84), (262, 87), (255, 84)], width=0.7)  # eye
    lm(ellipse(261, 84, 1.8, 2.0, 8), closed=True, width=0.4, fill="#4a3a33")
    lm([(254, 75), (263, 72), (275, 75)], width=0.9)  # brow
    lm([(251, 116), (257, 114), (261, 112)], width=0.5)  # nostril
    lm([(250, 126), (258, 127)], width=0.5)  # lips
    lm([(322, 94), (330, 92), (334, 102), (331, 114), (325, 119), (321, 112), (323, 104)],
       width=0.8)  # ear
    lm([(283, 100), (300, 97), (320, 99)], width=0.5)  # zygomatic arch
    lm([(262, 150), (290, 146), (312, 142), (318, 130), (316, 110)], width=0.5)  # jaw
    lm([(286, 206), (306, 202)], width=1.0)  # clavicle end
    lm(ellipse(242, 298, 2.2, 2.5, 8), closed=True, width=0.5, fill="#b07a6a")  # nipple
    lm(ellipse(281, 734, 5, 12, 10), closed=True, width=0.9)  # patella
    lm([(300, 548), (307, 620), (313, 700), (316, 730)], width=0.5)  # iliotibial band
    lm([(329, 945), (332, 970), (337, 996)], width=0.7)  # Achilles tendon
    lm(ellipse(320, 984, 5, 5, 8), closed=True, width=0.6)  # lateral malleolus
    lm([(203, 1009), (207, 1015), (205, 1021)], width=0.45)  # big toe nail / tip
    for x, y in ((212, 1008), (222, 1006)):
        lm([(x, y + 1), (x + 1, y + 8), (x, y + 15)], width=0.4)  # toes
    lm([(244, 1024), (268, 1019.5), (292, 1018), (314, 1021)], width=0.4)  # arch
    lm([(343, 391), (337, 399)], width=0.6)  # olecranon

    ref = s.referral
    ref("upper_trapezius", [(330, 172), (342, 152), (344, 122), (338, 96), (322, 78),
                            (298, 74), (293, 84), (316, 91), (330, 108), (332, 140),
                            (325, 165)])
    ref("upper_trapezius", [(306, 132), (318, 138), (314, 149), (302, 144)])
    ref("levator_scapulae", [(334, 186), (348, 196), (354, 212), (340, 210)])
    ref("sternocleidomastoid_clavicular", [(330, 96), (340, 101), (341, 116), (332, 120)])
    ref("sternocleidomastoid_clavicular", [(259, 46), (272, 38), (276, 60), (260, 66)])
    ref("sternocleidomastoid_sternal", [(259, 76), (280, 76), (285, 100), (270, 110),
                                        (259, 100)])
    ref("infraspinatus", [(302, 214), (314, 206), (312, 260), (308, 322), (302, 300)])
    ref("supraspinatus", [(317, 208), (329, 208), (327, 262), (319, 264)])
    ref("supraspinatus", [(309, 386), (321, 386), (321, 406), (309, 406)])
    ref("quadratus_lumborum", [(320, 455), (350, 455), (370, 480), (364, 540), (346, 545),
                               (330, 500), (318, 480)])
    ref("gluteus_medius", [(340, 468), (368, 470), (372, 510), (354, 516)])
    ref("gluteus_minimus", [(300, 542), (322, 542), (324, 640), (318, 720), (316, 800),
                            (319, 880), (308, 880), (302, 800), (300, 700), (298, 620)])
    ref("piriformis", [(356, 482), (378, 490), (376, 545), (358, 620), (348, 690),
                       (340, 690), (344, 600), (350, 540)])
    ref("rectus_femoris", [(274, 722), (288, 722), (290, 752), (278, 756)])
    ref("gastrocnemius", [(325, 760), (346, 770), (348, 840), (330, 860)])
    ref("soleus", [(321, 996), (340, 996), (340, 1014), (323, 1019)])
    return s


def build_right_lateral(left: Scene) -> Scene:
    return mirror_scene(left, "right_lateral")
