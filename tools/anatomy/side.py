"""Left lateral full-body view (the patient's left side; the patient faces the viewer's
left). Same scale and floor line as the front and back views: standing height 1000 units,
floor y=1020, so a height h*H above the floor is y = 1020 - 1000*h. The right lateral view
is its mirror image with every region renamed to the right side.

The arm is raised forward (shoulder flexed 50 degrees, elbow bent 25 degrees, forearm in
mid-position so the back of the forearm and hand face the viewer): nothing covers the
lateral hip and thigh, and the scapula (infraspinatus, teres minor and major) is open to
view behind the shoulder.

Order of work: the bony landmarks (DOMAIN.md proportions), the palpable bones, then each
muscle from its origin and insertion on them, with fibre strokes in its true direction.
"""

from __future__ import annotations

import math

from front import MID, H, W
from scene import Fibres, Scene, band, ellipse, mirror_scene


def at_height(h: float) -> float:
    """y of a height h*H above the floor."""
    return 1020.0 - 1000.0 * h


# ---- bony landmarks (left side; x grows toward the back) ---------------------------------
MASTOID = (336.0, 121.0)
C7 = (347.0, 182.0)
ACROMION = (318.0, at_height(0.818))  # y 202
ILIAC_CREST_TOP = (316.0, 420.0)  # highest point of the crest, near L4 / the navel (0.6H)
ASIS = (255.0, 450.0)
GREATER_TROCHANTER = (324.0, at_height(0.530))  # y 490
PATELLA = (283.0, 722.0)  # just above the knee joint line (0.285H, y 735)
FIBULAR_HEAD = (323.0, 752.0)
LATERAL_MALLEOLUS = (322.0, at_height(0.039))  # y 981
PSIS = (366.0, 470.0)
RIB12_TIP = (346.0, 384.0)
SCAP_SUP = (351.0, 209.0)  # superior angle
SCAP_ROOT = (364.0, 232.0)  # root of the spine
SCAP_INF = (355.0, 320.0)  # inferior angle (rotated up a little by the raised arm)
GLENOID = (322.0, 226.0)

# ---- the raised arm: frames along the humerus and the forearm ------------------------------
SHOULDER = (318.0, 218.0)  # centre of the humeral head, under the acromion
_FLEX, _FOREARM = math.radians(50.0), math.radians(25.0)
U = (-math.sin(_FLEX), math.cos(_FLEX))  # down the humerus
V = (-U[1], U[0])  # toward the arm's anterior (biceps) surface: up and forward
ARM_LEN, FOREARM_LEN, HAND_LEN = 186.0, 146.0, 108.0  # 0.186H, 0.146H, 0.108H
ELBOW = (SHOULDER[0] + ARM_LEN * U[0], SHOULDER[1] + ARM_LEN * U[1])
U2 = (-math.sin(_FOREARM), math.cos(_FOREARM))  # down the forearm
V2 = (-U2[1], U2[0])  # toward the radial border (thumb side): up and forward


def arm(t: float, n: float, *extra) -> tuple:
    """Point t along the humerus from the shoulder, n toward its anterior surface."""
    return (SHOULDER[0] + t * U[0] + n * V[0], SHOULDER[1] + t * U[1] + n * V[1]) + extra


def fore(t: float, n: float, *extra) -> tuple:
    """Point t along the forearm from the elbow (the hand continues past t=146), n toward
    its radial border."""
    return (ELBOW[0] + t * U2[0] + n * V2[0], ELBOW[1] + t * U2[1] + n * V2[1]) + extra


def angle(a, b) -> float:
    """Direction a->b in degrees (the Fibres convention: 0 along x, 90 along y)."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


LATERAL_EPICONDYLE = arm(ARM_LEN - 4, -6)
RADIAL_STYLOID = fore(FOREARM_LEN, 12)
ULNAR_STYLOID = fore(FOREARM_LEN, -15)

# The arm's outline, from where its anterior border leaves the chest, round the hand, back
# to where its posterior border meets the chest (the axilla lies behind the arm).
ARM_OUTLINE = (
    [arm(t, 24) for t in (80, 110, 140)] + [arm(176, 19)]
    + [fore(t, n) for t, n in ((6, 22), (32, 26), (75, 21), (118, 14), (146, 12))]
    # thumb: its own metacarpal, resting forward alongside the index finger
    + [fore(156, 18), fore(172, 25), fore(190, 31), fore(204, 34), fore(212, 32),
       fore(212, 27), fore(202, 24), fore(188, 22), fore(178, 20, "s")]
    # index to little finger, held together, tips slightly staggered
    + [fore(206, 20), fore(232, 19), fore(250, 17), fore(256, 13), fore(253, 8, "s"),
       fore(260, 4), fore(259, -1), fore(255, -4, "s"), fore(257, -8), fore(254, -13),
       fore(249, -15, "s"), fore(246, -19), fore(238, -23), fore(205, -25), fore(176, -22),
       fore(150, -17)]
    + [fore(t, n) for t, n in ((110, -17), (70, -22), (32, -25), (10, -23))]
    + [arm(194, -15), arm(170, -23), arm(140, -25), arm(120, -25, "s")]
)

PROFILE = [
    (305, 20), (280, 25), (264, 38), (256, 58), (254, 78), (257, 88), (250, 100),
    (243, 110), (249, 115, "s"), (250, 122), (248, 127), (252, 132), (253, 140), (251, 147),
    (258, 153), (272, 156), (288, 161, "s"), (291, 175), (290, 192), (284, 204), (268, 218),
    (256, 232), (249, 244, "s"),
    *ARM_OUTLINE,
    (240, 326), (246, 342), (249, 362), (247, 390),
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

# the upper arm as a shape: hides the chest wall behind it (the shoulder cap included); it
# ends where the arm leaves the trunk's outline
ARM_MASK = [arm(-6, 20), arm(10, 25), arm(50, 25), arm(80, 24), arm(110, 24), arm(128, 23),
            arm(128, -25), arm(90, -25), arm(50, -24), arm(10, -22), arm(-8, -12)]


def B(centre: list, widths: list[float]) -> list:
    return band([(float(p[0]), float(p[1])) for p in centre], widths)


def build_left_lateral() -> Scene:
    s = Scene("left_lateral", W, H, MID, left_side="L", mirrored=False)
    s.set_silhouette(PROFILE)
    _landmarks(s)
    _bones(s)
    _head_neck(s)
    _trunk(s)
    _hip_thigh(s)
    _leg_foot(s)
    _arm(s)
    _strokes(s)
    _referrals(s)
    return s


def _landmarks(s: Scene) -> None:
    p = s.point
    p("mastoid", *MASTOID)
    p("c7", *C7, paired=False)
    p("acromion", *ACROMION)
    p("lateral_epicondyle", *LATERAL_EPICONDYLE)
    p("iliac_crest_top", *ILIAC_CREST_TOP)
    p("asis", *ASIS)
    p("greater_trochanter", *GREATER_TROCHANTER)
    p("patella", *PATELLA)
    p("fibular_head", *FIBULAR_HEAD)
    p("lateral_malleolus", *LATERAL_MALLEOLUS)
    # the head and neck (kept by the head-and-neck crop): the jaw and its joint in front of
    # the ear, the zygomatic arch above it, the chin, the occiput, the top of the sternum
    p("tmj", 316, 101)
    p("zygomatic_arch_mid", 300, 96)
    p("angle_of_mandible", 314, 142)
    p("clavicle_medial_end", 292, 203)
    p("menton", 256, 151, paired=False)
    p("inion", 355, 100, paired=False)
    p("suprasternal_notch", 290, 198, paired=False)


def _bones(s: Scene) -> None:
    b = s.bone
    # scapula seen obliquely from the side, and its spine running up to the acromion
    b([GLENOID, (330, 214), SCAP_SUP, (361, 214), SCAP_ROOT, (368, 262), (366, 296),
       SCAP_INF, (347, 306), (336, 280), (326, 250)])
    b([(310, 199), (318, 195), (332, 203), (350, 214), (365, 229), (362, 236), (346, 224),
       (330, 214), (314, 208)])
    b([(286, 204), (300, 200), (312, 199), (314, 205), (300, 207)])  # clavicle, lateral end
    # ribs' costal margin (faint): from the xiphoid level down to the tip of the 12th rib
    b([(246, 332), (262, 356), (284, 378), (308, 388), (330, 388), RIB12_TIP], closed=False)
    # iliac crest from the ASIS over its highest point to the PSIS
    b([ASIS, (266, 436), (288, 424), ILIAC_CREST_TOP, (340, 424), (356, 440), PSIS],
      closed=False)
    b([(262, 444), ASIS, (258, 458), (266, 452)])  # ASIS
    b(ellipse(GREATER_TROCHANTER[0] + 1, GREATER_TROCHANTER[1] + 2, 13, 10, 10, rot=-15))
    b(ellipse(*PATELLA, 7.5, 12.5, 10))
    b(ellipse(*FIBULAR_HEAD, 6.5, 5.5, 8))
    b([(292, 756), (299, 756), (298, 764), (291, 764)])  # Gerdy's tubercle (ITB insertion)
    b(ellipse(LATERAL_MALLEOLUS[0], LATERAL_MALLEOLUS[1] - 2, 6, 8, 8))
    # tibial shin and the subcutaneous lower fibula
    b([(285, 770), (289, 830), (293, 890), (296, 950)], closed=False)
    b([(327, 880), (325, 920), (322, 960), LATERAL_MALLEOLUS], closed=False)
    # the olecranon and the humeral epicondyle
    b(ellipse(*arm(192, -13), 6, 5, 8))
    b(ellipse(*LATERAL_EPICONDYLE, 4, 4, 6))


def _head_neck(s: Scene) -> None:
    r = s.region
    # temporalis: a fan from the temporal fossa converging under the zygomatic arch on the
    # coronoid process
    coronoid = (302, 104)
    r("temporalis", [(285, 86), (282, 68), (292, 51), (310, 43), (328, 45), (341, 55),
                     (345, 70), (340, 84), (325, 92), (310, 97, "s"), (298, 96)], tone=2,
      fibres=Fibres(apex=coronoid, spacing=4.5))
    # masseter: from the zygomatic arch down and back to the angle and lower ramus of the
    # jaw, its front edge reaching forward over the cheek
    r("masseter", [(282, 101), (310, 100), (314, 118), (317, 136), (311, 146), (293, 146),
                   (284, 126)], tone=3,
      fibres=Fibres(angle=angle((288, 101), (312, 144)), spacing=4))
    r("splenius_capitis", [(335, 128), (345, 133), (341, 150), (334, 150)], tone=4,
      fibres=Fibres(angle=angle((345, 150), (336, 128)), spacing=3))
    r("upper_trapezius", [(336, 151), (340, 153), (342, 176), (352, 197), (364, 218),
                          (355, 222), (342, 208), (332, 194), (332, 170)], tone=1,
      fibres=Fibres(angle=angle((340, 155), (350, 212)), spacing=3.5))
    r("levator_scapulae", B([(330, 147), (334, 170), (339, 196)], [5, 7, 6]), tone=5,
      fibres=Fibres(angle=80, spacing=2.5))
    r("scalenes", [(318, 166), (326, 177), (331, 201), (318, 204), (311, 190)], tone=4,
      fibres=Fibres(angle=angle((320, 168), (325, 204)), spacing=3))
    # sternocleidomastoid: both heads rise from the sternum and clavicle to the mastoid
    sc = Fibres(angle=angle((305, 200), (331, 128)), spacing=2.6)
    r("sternocleidomastoid_clavicular", B([(331, 128), (322, 158), (311, 184), (303, 203)],
                                          [5, 8, 8, 7]), tone=5, fibres=sc)
    r("sternocleidomastoid_sternal", B([(MASTOID[0] - 6, MASTOID[1] + 1), (316, 150),
                                        (301, 180), (291, 201)], [6, 8, 7, 5]), tone=0,
      fibres=Fibres(angle=angle((291, 201), (330, 122)), spacing=2.6))
    L = dict(layer=3, deep=True)
    r("lateral_pterygoid", [(297, 101), (312, 100), (314, 108), (298, 110)], **L,
      fibres=Fibres(angle=0, spacing=2.5))
    r("medial_pterygoid", [(306, 116), (315, 120), (316, 136), (308, 138), (304, 126)], **L,
      fibres=Fibres(angle=75, spacing=2.5))


def _trunk(s: Scene) -> None:
    r = s.region
    axilla = arm(30, -4)  # where latissimus and teres major reach the humerus
    # pectoralis major: the clavicular part shows above the raised arm
    r("pectoralis_major", [(284, 206), (296, 207), arm(40, 22), (258, 238), (262, 224),
                           (272, 214)], tone=0,
      fibres=Fibres(apex=arm(60, 20), spacing=3))
    # serratus anterior: digitations on the ribs below the axilla, converging back toward
    # the scapula's medial border
    r("serratus_anterior", [(262, 318), (276, 306), (296, 298), (308, 314), (318, 350),
                            (322, 374), (306, 372, "s"), (302, 360), (290, 372, "s"),
                            (284, 357), (270, 366, "s"), (266, 348), (254, 350, "s"),
                            (252, 334)], tone=2,
      fibres=Fibres(apex=(352, 270), spacing=4.5))
    # external oblique: from the lower ribs down and forward to the iliac crest and its
    # aponeurosis (the muscular part is lateral)
    r("external_oblique", [(252, 358), (266, 370), (284, 364), (300, 376), (322, 380),
                           (334, 392), (334, 424), (318, 424), (294, 426), (272, 436),
                           (258, 444), (250, 420), (248, 390)], tone=5,
      fibres=Fibres(angle=118, spacing=4.5))
    # latissimus dorsi: from the thoracolumbar fascia, the iliac crest and the lower ribs,
    # its fibres converging up and forward into the axilla
    r("latissimus_dorsi", [(373, 318), (370, 356), (364, 398), (360, 432), (344, 432),
                           (332, 426), (328, 392), (318, 352), (306, 318), (296, 296),
                           axilla, (316, 284), (340, 300), (358, 312)], tone=1,
      fibres=Fibres(apex=axilla, spacing=4.5))
    # on the scapula: teres major from the inferior angle to the humerus (with latissimus
    # the posterior axillary fold), teres minor along the lateral border, infraspinatus
    # below the spine; all three converge on the humerus
    r("teres_major", B([(SCAP_INF[0] + 4, SCAP_INF[1] - 2), (340, 306), (318, 290),
                        arm(40, -8)], [16, 18, 16, 10]), tone=4,
      fibres=Fibres(angle=angle(SCAP_INF, arm(40, -8)), spacing=3.5))
    r("teres_minor", B([(351, 299), (339, 284), (327, 266), arm(10, -15)], [16, 20, 18, 10]),
      tone=3, fibres=Fibres(angle=angle((350, 296), GLENOID), spacing=3.2))
    r("infraspinatus", [(344, 230), (362, 236), (368, 262), (364, 286), (352, 286),
                        (340, 271), (330, 254), (328, 240)], tone=5,
      fibres=Fibres(apex=(318, 230), spacing=4))
    L = dict(layer=3, deep=True)
    # deep: supraspinatus in its fossa above the spine, under the trapezius
    r("supraspinatus", [(322, 206), (336, 200), (350, 204), (362, 214), (360, 224),
                        (342, 219), (326, 216)], **L, fibres=Fibres(angle=-168, spacing=2.5))
    # deep: quadratus lumborum between the 12th rib and the iliac crest, lateral to the
    # erector spinae (needled side-lying from the flank)
    r("quadratus_lumborum", [(332, 388), RIB12_TIP, (354, 392), (355, 418), (350, 432),
                             (336, 430), (328, 410)], **L,
      fibres=Fibres(angle=80, spacing=3.5))


def _hip_thigh(s: Scene) -> None:
    r = s.region
    gt = GREATER_TROCHANTER
    # vastus lateralis: from the greater trochanter and the linea aspera down the lateral
    # thigh to the patella; fibres run down and forward to the quadriceps tendon
    r("vastus_lateralis", [(300, 500), (316, 494), (334, 500), (342, 520), (346, 540), (346, 580),
                           (342, 630), (334, 680), (320, 712), (302, 724), (289, 716),
                           (280, 690), (278, 640), (281, 590), (288, 545)], tone=4,
      fibres=Fibres(angle=104, spacing=5.5))
    # rectus femoris: bipennate, from the AIIS down the front of the thigh to the patella
    r("rectus_femoris", B([(266, 480), (279, 530), (277, 590), (276, 640), (279, 690),
                           (PATELLA[0] + 3, PATELLA[1] - 12)], [8, 18, 22, 20, 14, 8]),
      tone=1, fibres=Fibres(tendon=((266, 490), (280, 704)), angle=22, spacing=5))
    # biceps femoris (long head): ischial tuberosity to the fibular head
    r("biceps_femoris", B([(357, 580), (346, 615), (338, 660), (330, 705),
                           (FIBULAR_HEAD[0] + 1, FIBULAR_HEAD[1] - 7)],
                          [12, 22, 20, 16, 9]), tone=5,
      fibres=Fibres(angle=angle((364, 566), FIBULAR_HEAD), spacing=4))
    # gluteus medius: a fan from the outer ilium under the crest to the trochanter
    r("gluteus_medius", [(268, 440), (290, 428), (316, 425), (340, 430), (356, 444),
                         (352, 462), (342, 478), (gt[0] + 9, gt[1] - 1), (gt[0], gt[1] + 2),
                         (gt[0] - 9, gt[1] - 2), (300, 478), (284, 464), (272, 452)],
      tone=3, fibres=Fibres(apex=(gt[0], gt[1] - 6), spacing=5))
    # gluteus maximus: from the posterior ilium, sacrum and coccyx down and forward to the
    # iliotibial band and the gluteal tuberosity
    r("gluteus_maximus", [(352, 446), (368, 454), (382, 474), (388, 512), (384, 546),
                          (372, 568), (352, 578), (338, 566), (332, 546), (334, 520),
                          (340, 494), (346, 468)], tone=0,
      fibres=Fibres(angle=angle((380, 476), (334, 546)), spacing=5))
    # tensor fasciae latae: from the ASIS down and back into the iliotibial band
    r("tensor_fasciae_latae", [(ASIS[0] + 1, ASIS[1] - 6), (268, 440), (280, 442),
                               (292, 468), (302, 506), (304, 544), (297, 566), (286, 540),
                               (274, 506), (262, 474)], tone=2,
      fibres=Fibres(angle=angle((262, 450), (298, 556)), spacing=4))
    L = dict(layer=3, deep=True)
    # deep: gluteus minimus under medius, to the front of the trochanter
    r("gluteus_minimus", [(274, 452), (296, 440), (322, 438), (342, 448), (338, 468),
                          (gt[0] + 2, gt[1] - 6, "s"), (300, 476), (284, 466)], **L,
      fibres=Fibres(apex=(gt[0] - 4, gt[1] - 4), spacing=4.5))
    # deep: piriformis from the anterior sacrum to the top of the trochanter
    r("piriformis", B([(376, 500), (360, 494), (342, 487), (gt[0] + 8, gt[1] - 7)],
                      [20, 18, 14, 8]), **L, fibres=Fibres(angle=angle((376, 500), gt),
                                                           spacing=3.5))
    # deep: vastus intermedius on the femoral shaft under vastus lateralis
    r("vastus_intermedius", B([(298, 540), (300, 600), (298, 660), (292, 700)],
                              [14, 22, 20, 10]), **L, fibres=Fibres(angle=95, spacing=4))


def _leg_foot(s: Scene) -> None:
    r = s.region
    fh, lm_ = FIBULAR_HEAD, LATERAL_MALLEOLUS
    # posterior: gastrocnemius (lateral head) from the lateral femoral condyle; soleus in
    # front of and below it, from the fibular head and the back of the fibula
    r("gastrocnemius", [(329, 742), (336, 745), (342, 764), (347, 788), (349, 815),
                        (347, 840), (342, 855), (336, 860), (332, 830), (332, 795),
                        (330, 765)], tone=1,
      fibres=Fibres(tendon=((346, 760), (339, 856)), angle=16, spacing=5))
    r("soleus", [(332, 812), (345, 822), (347, 845), (343, 872), (337, 900), (332, 930),
                 (329, 952), (326, 935), (330, 905), (334, 880), (334, 850)], tone=3,
      fibres=Fibres(tendon=((338, 830), (331, 948)), angle=20, spacing=4.5))
    # anterior: tibialis anterior on the tibia, extensor digitorum longus behind it,
    # extensor hallucis longus emerging between them in the lower half
    r("tibialis_anterior", [(289, 772), (301, 767), (305, 800), (305, 840), (303, 870),
                            (300, 900), (300, 935), (301, 960), (299, 962), (298, 930),
                            (296, 880), (293, 830), (291, 800)], tone=0,
      fibres=Fibres(tendon=((297, 780), (295, 950)), angle=14, spacing=5))
    r("extensor_digitorum_longus", [(302, 768), (317, 764), (322, 790), (323, 830),
                                    (321, 866), (318, 900), (315, 930), (311, 932),
                                    (312, 900), (311, 870), (305, 850), (304, 810),
                                    (303, 785)], tone=5,
      fibres=Fibres(tendon=((312, 774), (314, 928)), angle=14, spacing=4))
    r("extensor_hallucis_longus", [(301, 858), (311, 858), (314, 880), (315, 905),
                                   (312, 930), (306, 955), (300, 964), (298, 940),
                                   (298, 900), (299, 875)], tone=4,
      fibres=Fibres(tendon=((307, 864), (301, 960)), angle=14, spacing=4))
    # lateral: fibularis longus from the fibular head, its tendon passing behind the
    # lateral malleolus; brevis below it from the lower fibula, on both sides of that tendon
    r("fibularis_longus", [(fh[0] - 3, fh[1] + 7), (fh[0] + 7, fh[1] + 6), (336, 790),
                           (337, 830), (332, 860), (326, 880), (321, 872), (321, 830),
                           (321, 790)], tone=2,
      fibres=Fibres(tendon=((326, 768), (323, 876)), angle=16, spacing=4))
    r("fibularis_brevis", [(319, 872), (328, 866), (335, 880), (334, 910), (330, 935),
                           (325, 958), (319, 962), (316, 935), (316, 900)], tone=4,
      fibres=Fibres(tendon=((325, 878), (322, 960)), angle=18, spacing=4))
    # foot: extensor digitorum brevis on the dorsolateral foot in front of the malleolus;
    # abductor digiti minimi along the lateral border of the sole
    r("extensor_digitorum_brevis", [(256, 998), (272, 990), (292, 986), (306, 992),
                                    (306, 1004), (290, 1008), (268, 1008)], tone=1,
      fibres=Fibres(angle=angle((304, 996), (258, 1002)), spacing=3))
    r("abductor_digiti_minimi", B([(332, 1017), (300, 1014), (270, 1015), (246, 1018)],
                                  [6, 6, 5, 4]), tone=3, fibres=Fibres(angle=180, spacing=2))
    r("flexor_hallucis_longus", [(319, 892), (336, 888), (334, 925), (330, 958),
                                 (321, 962), (317, 930)], layer=3, deep=True,
      fibres=Fibres(angle=95, spacing=3))
    del lm_


def _arm(s: Scene) -> None:
    """The raised arm over the side of the chest: a mask hides the trunk behind it."""
    s.mask("arm", ARM_MASK, layer=5)
    r = s.region
    A = dict(layer=6)
    tuberosity = arm(96, 2)
    # upper arm: triceps below (posterior), biceps above (anterior), brachialis between
    r("triceps_brachii", [arm(70, -22), arm(110, -25), arm(150, -24), arm(182, -20),
                          arm(196, -13), arm(186, -6), arm(150, -6), arm(120, -4),
                          arm(96, -6)], tone=3, **A,
      fibres=Fibres(tendon=(arm(80, -12), arm(194, -12)), angle=20, spacing=5))
    r("brachialis", [arm(108, 8), arm(150, 10), arm(178, 8), arm(194, 0), arm(188, -9),
                     arm(160, -11), arm(126, -9), arm(106, -2)], tone=4, **A,
      fibres=Fibres(angle=angle(arm(110, 0), arm(190, 0)), spacing=4))
    r("biceps_brachii", [arm(62, 22), arm(100, 24), arm(140, 23), arm(168, 18),
                         arm(190, 12), arm(182, 9), arm(150, 10), arm(112, 9), arm(80, 12)],
      tone=0, **A, fibres=Fibres(angle=angle(arm(60, 15), arm(190, 9)), spacing=4))
    # deltoid: anterior from the clavicle, middle from the acromion, posterior from the
    # spine of the scapula, all converging on the deltoid tuberosity
    ins = (tuberosity[0], tuberosity[1], "s")
    front_cut, back_cut = (304.0, 197.0), (335.0, 200.5)  # acromion's front and back edges

    def seam(a, bulge: float) -> list:
        """A curved border from the acromion down to the tuberosity, bowed by `bulge`."""
        out = []
        for f in (0.3, 0.6):
            x, y = a[0] + (tuberosity[0] - a[0]) * f, a[1] + (tuberosity[1] - a[1]) * f
            dx, dy = tuberosity[0] - a[0], tuberosity[1] - a[1]
            d = math.hypot(dx, dy)
            out.append((x - dy / d * bulge, y + dx / d * bulge))
        return out

    front_seam, back_seam = seam(front_cut, 5), seam(back_cut, -6)
    r("deltoid_anterior", [(289, 206), (298, 200), front_cut + ("s",), *front_seam, ins,
                           arm(80, 22), arm(50, 27), arm(22, 28), arm(2, 26)], tone=3, **A,
      fibres=Fibres(apex=tuberosity, spacing=4))
    r("deltoid_middle", [front_cut + ("s",), (318, 194), back_cut + ("s",), *back_seam, ins,
                         *front_seam[::-1]], tone=5, **A,
      fibres=Fibres(apex=tuberosity, spacing=4))
    r("deltoid_posterior", [back_cut + ("s",), (342, 205), (348, 211), (347, 221), (337, 235),
                            (318, 251), (296, 265), (270, 276), ins, *back_seam[::-1]],
      tone=2, **A, fibres=Fibres(apex=tuberosity, spacing=4))
    # forearm, seen from its back (mid-position): brachioradialis along the radial border,
    # the radial wrist extensors, extensor digitorum, extensor carpi ulnaris on the ulna
    r("brachioradialis", [arm(150, 2), arm(170, 8), fore(10, 21), fore(40, 25),
                          fore(80, 20), fore(120, 13), fore(144, 11), fore(118, 7),
                          fore(80, 7), fore(40, 8), fore(10, 7), arm(172, -1)], tone=5,
      **A, fibres=Fibres(angle=angle(fore(0, 15), fore(140, 9)), spacing=3.5))
    # the two radial wrist extensors side by side (version 2 charts them apart): longus
    # from the supracondylar ridge, its belly short and radial; brevis from the lateral
    # epicondyle beside it, its belly reaching further down the forearm
    r("extensor_carpi_radialis_longus", [fore(-6, 8), fore(40, 8), fore(80, 6), fore(112, 5),
                                         fore(140, 5), fore(112, 1), fore(70, 0.5),
                                         fore(30, 0.5), fore(-2, 1.5)], tone=2, **A,
      fibres=Fibres(angle=angle(fore(0, 4), fore(140, 4)), spacing=3.5))
    r("extensor_carpi_radialis_brevis", [fore(8, 0), fore(40, -0.5), fore(80, -0.5),
                                         fore(112, -0.5), fore(140, 1.5), fore(112, -4),
                                         fore(80, -6), fore(40, -7), fore(8, -6)], tone=4, **A,
      fibres=Fibres(angle=angle(fore(0, -3), fore(140, -2)), spacing=3.5))
    r("extensor_digitorum", [fore(10, -8), fore(40, -9), fore(80, -8), fore(112, -5),
                             fore(138, -5), fore(112, -11), fore(80, -15), fore(40, -17),
                             fore(14, -16)], tone=0, **A,
      fibres=Fibres(angle=angle(fore(0, -11), fore(140, -6)), spacing=3.5))
    r("extensor_carpi_ulnaris", [fore(16, -16), fore(40, -17), fore(80, -15),
                                 fore(112, -12), fore(142, -14), fore(112, -16),
                                 fore(80, -19), fore(40, -22.5), fore(18, -20.5)], tone=4, **A,
      fibres=Fibres(angle=angle(fore(0, -19), fore(140, -15)), spacing=3))
    # hand (back): first dorsal interosseous in the web between thumb and index
    r("first_dorsal_interosseous", [fore(150, 11), fore(166, 17), fore(180, 19),
                                    fore(198, 18), fore(205, 14), fore(188, 9),
                                    fore(166, 7)], tone=3, **A,
      fibres=Fibres(tendon=(fore(156, 13), fore(200, 15)), angle=20, spacing=3))
    r("supinator", [fore(4, 2), fore(22, 12), fore(44, 12), fore(50, 2), fore(32, -5),
                    fore(8, -5)], layer=7, deep=True, fibres=Fibres(angle=angle(
                        fore(0, -3), fore(40, 10)), spacing=2.5))


def _strokes(s: Scene) -> None:
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
    # iliotibial band: its two borders from the TFL and gluteus maximus to Gerdy's tubercle
    lm([(298, 560), (300, 620), (297, 690), (295, 756)], width=0.45)
    lm([(334, 560), (326, 640), (314, 710), (300, 756)], width=0.45)
    lm([(331, 948), (332, 970), (337, 996)], width=0.7)  # Achilles tendon
    # fibularis tendons behind the malleolus to the 5th metatarsal base
    lm([(324, 962), (330, 984), (322, 998), (296, 1010)], width=0.5)
    lm([(296, 962), (284, 982), (262, 996), (230, 1004)], width=0.45)  # EDL / EHL tendons
    lm([(203, 1009), (207, 1015), (205, 1021)], width=0.45)  # big toe nail / tip
    for x, y in ((212, 1008), (222, 1006)):
        lm([(x, y + 1), (x + 1, y + 8), (x, y + 15)], width=0.4)  # toes
    lm([(244, 1024), (268, 1019.5), (292, 1018), (314, 1021)], width=0.4)  # arch
    # hand: knuckles and finger joints, extensor tendons, thumbnail
    for n in (14, 4, -6, -16):
        lm([fore(204, n + 4), fore(207, n), fore(204, n - 4)], width=0.5)
        lm([fore(226, n + 3.5), fore(228, n), fore(226, n - 3.5)], width=0.45)
        lm([fore(242, n + 3), fore(244, n), fore(242, n - 3)], width=0.4)
        lm([fore(146, n * 0.3), fore(175, n * 0.8), fore(200, n)], width=0.4)
    for n in (8.5, -2.5, -13.5):  # clefts between the fingers
        lm([fore(214, n), fore(236, n), fore(252, n + 0.5)], width=0.45)
    lm([fore(203, 32), fore(209, 31), fore(209, 27), fore(203, 27)], width=0.45)  # nail
    lm([fore(150, -19), fore(146, -15)], width=0.5)  # wrist crease, ulnar side


def _referrals(s: Scene) -> None:
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
    # infraspinatus: front of the shoulder and down the anterolateral arm
    ref("infraspinatus", [arm(-4, 24), arm(20, 28), arm(90, 26), arm(150, 22),
                          arm(150, 10), arm(80, 12), arm(20, 14)])
    # supraspinatus: the middle deltoid region and the lateral elbow
    ref("supraspinatus", [arm(0, 8), arm(60, 6), arm(80, -2), arm(60, -10), arm(0, -8)])
    ref("supraspinatus", [arm(176, 2), fore(20, 2), fore(24, -10), arm(186, -10)])
    ref("quadratus_lumborum", [(320, 430), (350, 430), (372, 470), (368, 530), (346, 540),
                               (330, 500), (318, 470)])
    ref("gluteus_medius", [(340, 450), (368, 458), (374, 510), (354, 516)])
    ref("gluteus_minimus", [(300, 530), (330, 530), (330, 640), (320, 720), (318, 800),
                            (322, 880), (310, 880), (304, 800), (300, 700), (296, 620)])
    ref("piriformis", [(356, 482), (378, 490), (376, 545), (358, 620), (348, 690),
                       (340, 690), (344, 600), (350, 540)])
    ref("rectus_femoris", [(274, 716), (292, 716), (292, 740), (278, 744)])
    ref("gastrocnemius", [(330, 760), (346, 770), (348, 840), (332, 860)])
    ref("soleus", [(321, 996), (340, 996), (340, 1014), (323, 1019)])


def build_right_lateral(left: Scene) -> Scene:
    return mirror_scene(left, "right_lateral")
