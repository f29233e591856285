"""Anterior full-body view. Standing height 1000 units (top of head y=20, floor y=1020),
midline x=300. Shapes are given as (dx, y) offsets from the midline on the viewer's left,
i.e. the patient's RIGHT side; the scene mirrors them to the patient's left."""

from __future__ import annotations

from attach import Contour, band_pts, fan, spindle
from scene import Fibres, Scene, band, ellipse

MID = 300.0
W, H = 600.0, 1040.0


def A(pts: list) -> list:
    """(dx, y[, "s"]) offsets -> absolute points."""
    return [(MID + p[0], p[1]) + tuple(p[2:]) for p in pts]


def B(centre: list, widths: list[float]) -> list:
    return band([(MID + x, y) for x, y in centre], widths)


SILHOUETTE_FRONT = [
    (0, 20), (-20, 22), (-34, 30), (-42, 45), (-45, 65), (-45, 84), (-47, 88, "s"), (-50, 96),
    (-50, 108), (-46, 117), (-41, 119, "s"), (-40, 128), (-36, 139), (-33, 150), (-32, 161),
    (-34, 172), (-44, 182), (-70, 190), (-100, 196), (-125, 203), (-140, 212), (-150, 232),
    (-154, 258), (-154, 290), (-155, 330), (-157, 368), (-163, 392), (-171, 415), (-176, 450),
    (-178, 490), (-178, 522), (-182, 540), (-190, 553), (-196, 570), (-198, 585),
    (-195, 592), (-190, 589), (-186, 578), (-183, 572, "s"), (-186, 590), (-186, 618),
    (-181, 638), (-170, 646), (-159, 641), (-153, 622), (-149, 592), (-146, 562),
    (-145, 536), (-139, 500), (-128, 460), (-118, 428), (-113, 405), (-113, 385),
    (-112, 355), (-108, 320), (-104, 292), (-101, 270, "s"), (-104, 290), (-104, 312),
    (-98, 342), (-88, 375), (-84, 400), (-86, 425), (-92, 450), (-100, 480), (-104, 505),
    (-104, 532), (-101, 566), (-95, 612), (-87, 660), (-80, 700), (-78, 725), (-78, 748),
    (-82, 782), (-80, 822), (-71, 870), (-62, 920), (-56, 958), (-55, 976), (-59, 989),
    (-64, 1002), (-66, 1014), (-58, 1021), (-40, 1024), (-22, 1022), (-15, 1014),
    (-15, 1000), (-20, 982), (-20, 965), (-16, 930), (-12, 880), (-10, 822), (-12, 782),
    (-14, 752), (-12, 726), (-8, 690), (-6, 640), (-4, 580), (-2, 545), (0, 530, "s"),
]


# paired landmarks on the patient's right (the viewer's left), (dx, y); heights from
# DOMAIN.md (y = 1020 - 1000 h): chin 0.870H, acromion 0.818H, nipples 0.720H, elbow 0.630H,
# greater trochanter 0.530H, wrist 0.485H, knee 0.285H, ankle 0.039H
LM = {
    "mastoid": (-39, 124),
    "tmj": (-43, 104),
    "zygomatic_arch_mid": (-40, 98),
    "angle_of_mandible": (-37, 134),
    "clavicle_medial_end": (-10, 199),
    "clavicle_mid": (-62, 198),
    "acromion": (-121, 204),
    "coracoid": (-100, 218),
    "nipple": (-55, 300),
    "medial_epicondyle": (-116, 386),
    "lateral_epicondyle": (-161, 386),
    "cubital_fossa": (-138, 392),
    "asis": (-80, 463),
    "pubic_tubercle": (-14, 514),
    "greater_trochanter": (-99, 492),
    "patella": (-45, 716),
    "tibial_tuberosity": (-42, 752),
    "fibular_head": (-71, 757),
    "medial_malleolus": (-19, 972),
    "lateral_malleolus": (-57, 982),
}
MIDLINE_LM = {"vertex": (0, 20), "menton": (0, 150), "suprasternal_notch": (0, 199),
              "xiphoid": (0, 318), "umbilicus": (0, 425), "pubic_symphysis": (0, 518)}


def _bones(s: Scene) -> None:
    bone = s.bone
    # mandible (angle to chin) and zygomatic arch
    bone(A([(-37, 134), (-30, 142), (-18, 148), (0, 151)]), closed=False)
    bone(A([(-34, 97), (-40, 98), (-45, 101)]), closed=False)
    # clavicle: the sternal end, the forward curve of its medial two thirds, the lateral
    # third up to the acromion
    bone(A([(-6, 197), (-20, 196), (-40, 198), (-62, 196), (-84, 195), (-104, 197),
            (-120, 201), (-122, 205), (-104, 202), (-84, 200), (-62, 201), (-40, 203),
            (-20, 202), (-7, 202)]))
    # sternum (manubrium, body, xiphoid) on the midline
    bone(A([(-8, 202), (-7, 240), (-6, 300), (-3, 314), (0, 322, "s"), (3, 314), (6, 300),
            (7, 240), (8, 202), (0, 200)]), mirror=False)
    # costal margin from the xiphoid down to the 10th rib
    bone(A([(-4, 316), (-22, 330), (-44, 348), (-62, 366), (-76, 384), (-84, 398)]),
         closed=False)
    # iliac crest to the ASIS, pubic symphysis
    bone(A([(-92, 446), (-88, 455), (-80, 463)]), closed=False)
    bone(A([(-4, 510), (4, 510), (4, 524), (-4, 524)]), mirror=False)
    bone(A(ellipse(-99, 492, 6, 9, 10)))       # greater trochanter
    bone(A(ellipse(-45, 716, 10, 12.5, 12)))   # patella
    bone(A(ellipse(-42, 752, 4, 3.5, 8)))      # tibial tuberosity
    bone(A([(-42, 758), (-40, 800), (-36, 860), (-30, 920), (-24, 962)]), closed=False)
    bone(A(ellipse(-71, 757, 4, 4.5, 8)))      # fibular head
    bone(A(ellipse(-19, 972, 4, 5, 8)))        # medial malleolus
    bone(A(ellipse(-57, 982, 3.5, 5, 8)))      # lateral malleolus
    bone(A(ellipse(-116, 386, 3.5, 3.5, 6)))   # medial epicondyle
    bone(A(ellipse(-161, 386, 3, 3, 6)))       # lateral epicondyle


def build_front() -> Scene:
    s = Scene("anterior", W, H, MID, left_side="R")
    s.set_silhouette(A(SILHOUETTE_FRONT))
    for name, (dx, y) in LM.items():
        s.point(name, MID + dx, y)
    for name, (dx, y) in MIDLINE_LM.items():
        s.point(name, MID + dx, y, paired=False)
    _bones(s)
    skin = Contour(s.silhouette_poly)

    def E(y, near, inset=2.0):  # a point on the skin's outline at height y, near dx
        return (skin.at(y, MID + near, inset) - MID, y)

    def r(muscle, pts, **kw):
        s.region(muscle, A(pts), **kw)

    def F(**kw):  # fibre strokes, from (dx, y) to absolute coordinates
        if "apex" in kw:
            kw["apex"] = (MID + kw["apex"][0], kw["apex"][1])
        if "tendon" in kw:
            kw["tendon"] = tuple((MID + x, y) for x, y in kw["tendon"])
        return Fibres(**kw)

    D2 = dict(layer=2, deep=True)
    D3 = dict(layer=3, deep=True)
    # ---- head: frontal belly of occipitofrontalis, temporalis fanning above the zygomatic
    # arch to the coronoid process, masseter from the arch to the angle of the mandible
    r("occipitofrontalis", [(-2, 48), (-12, 41), (-24, 41), (-32, 50), (-33, 62),
                            (-28, 69), (-16, 71), (-5, 70), (-2, 64)], layer=1, tone=2,
      fibres=F(angle=92, spacing=2.6))
    r("temporalis", fan([(-32, 44), (-39, 50), (-44, 62), (-45, 80)], (-40, 99), 6),
      layer=1, tone=4, fibres=F(apex=(-40, 104), spacing=1.8))
    r("masseter", [(-28, 100, "s"), (-36, 99), (-43, 102, "s"), (-44, 116), (-40, 133, "s"),
                   (-34, 139), (-27, 141, "s"), (-25, 120)], layer=4,
      tone=3, fibres=F(angle=98, spacing=2.2))
    r("lateral_pterygoid", [(-27, 101), (-36, 103), (-38, 113), (-28, 113)],
      fibres=F(angle=175, spacing=2), **D2)
    r("medial_pterygoid", [(-27, 116), (-36, 117), (-37, 131), (-29, 135)],
      fibres=F(angle=100, spacing=2), **D2)
    r("digastric", spindle((-3, 148), (-15, 162), 9, w_o=6, w_i=5, peak=0.5), layer=1,
      tone=5, fibres=F(angle=50, spacing=2))
    # ---- neck: sternocleidomastoid from the mastoid obliquely to the manubrium (sternal
    # head) and the medial third of the clavicle (clavicular head); the scalenes in the
    # posterior triangle behind it, above the clavicle; upper trapezius on the shoulder
    r("scalenes", [(-29, 168), (-34, 175), (-42, 185), (-52, 192), (-66, 198, "s"),
                   (-46, 199), (-32, 198), (-28, 185)], layer=1, tone=4,
      fibres=F(angle=70, spacing=2.4))
    r("upper_trapezius", [E(168, -34, 1.0), E(178, -40, 1.2), E(186, -60, 1.2),
                          E(193, -90, 1.2), E(200, -112, 1.2), (-119, 204, "s"),
                          (-100, 203), (-84, 201, "s"), (-66, 198), (-52, 193),
                          (-42, 186), (-35, 178)],
      layer=2, tone=1, fibres=F(angle=14, spacing=2.2))
    r("sternocleidomastoid_clavicular",
      spindle((-34, 132), (-27, 199), 12, w_o=6, w_i=11, peak=0.7, bend=1), layer=2,
      tone=5, fibres=F(angle=70, spacing=2.2))
    r("sternocleidomastoid_sternal",
      spindle((-37, 125), (-6, 198), 11, w_o=8, w_i=5, peak=0.4, bend=-2), layer=3,
      tone=0, fibres=F(angle=63, spacing=2.2))
    # ---- chest and shoulder: pectoralis major converging from the clavicle, sternum and
    # costal cartilages on the humerus; the deltoid over its insertion
    r("pectoralis_major", fan([(-70, 204), (-40, 204), (-8, 206), (-5, 250), (-6, 300),
                               (-16, 318), (-40, 322), (-64, 316), (-84, 302),
                               (-99, 284)], (-117, 252), 20), layer=2, tone=0,
      fibres=F(apex=(-124, 250), spacing=4.5))
    r("pectoralis_minor", fan([(-48, 244), (-51, 268), (-56, 294)], (-99, 220), 10),
      fibres=F(apex=(-100, 219), spacing=3), **D2)
    r("subscapularis", [(-82, 238), (-98, 234), (-104, 250), (-98, 272), (-91, 284),
                        (-84, 268)], fibres=F(apex=(-112, 240), spacing=3), **D3)
    r("serratus_anterior", [(-96, 286), E(300, -104, 1.2), E(318, -104, 1.2),
                            E(338, -100, 1.5), (-94, 354), (-86, 364, "s"), (-83, 352),
                            (-89, 346, "s"), (-80, 338), (-86, 330, "s"), (-78, 322),
                            (-84, 314, "s"), (-78, 306), (-86, 296)], layer=1, tone=2,
      fibres=F(angle=-35, spacing=3))
    r("intercostals", [(-28, 322), (-52, 324), (-72, 318), (-79, 328), (-72, 340),
                       (-52, 345), (-33, 340)], layer=1, tone=4,
      fibres=F(angle=42, spacing=2.6))
    r("deltoid_anterior", [(-76, 203, "s"), (-100, 202), (-120, 204), (-131, 216),
                           (-139, 241), (-143, 266), (-145, 296, "s"), (-136, 281),
                           (-124, 262), (-112, 242), (-98, 223), (-86, 210)], layer=3,
      tone=3, fibres=F(apex=(-146, 300), spacing=3.8))
    r("deltoid_middle", [(-121, 204, "s"), (-133, 208), E(216, -142, 1.2),
                         E(236, -150, 1.5), E(260, -154, 1.5), E(284, -154, 1.5),
                         (-147, 298, "s"), (-143, 268), (-139, 241), (-131, 216)],
      layer=3, tone=5, fibres=F(apex=(-147, 302), spacing=3.2))
    # ---- arm (supinated: palm forward, thumb lateral)
    r("brachialis", [(-148, 318), E(350, -156, 1.5), E(380, -160, 2), (-150, 394),
                     (-138, 398), (-126, 392), (-118, 374), (-117, 345), (-122, 326)],
      layer=1, tone=4, fibres=F(angle=88, spacing=3))
    r("coracobrachialis", [(-106, 262), (-122, 262), (-125, 292), (-122, 322), (-111, 322),
                           E(300, -106, 1.2), E(280, -104, 1.2)], layer=1, tone=2,
      fibres=F(angle=98, spacing=2.6))
    r("biceps_brachii", spindle((-129, 252), (-140, 393), 27, w_o=13, w_i=8, peak=0.55),
      layer=2, tone=0, fibres=F(angle=85, spacing=3.2))
    # ---- forearm: brachioradialis on the radial border; pronator teres, flexor carpi
    # radialis, palmaris longus and flexor carpi ulnaris from the medial epicondyle
    r("brachioradialis", [(-150, 338), E(350, -157, 1.5), E(390, -163, 1.5),
                          E(430, -173, 1.5), E(480, -178, 1.5), E(515, -178, 1.5),
                          (-172, 524), (-166, 480), (-160, 440), (-153, 400),
                          (-149, 365)], layer=2, tone=1, fibres=F(angle=82, spacing=3))
    # the superficial flexors fan from the medial epicondyle across the forearm (fractions
    # from the ulnar to the radial outline); the gap left before brachioradialis is the
    # radial artery's course
    def across(rows, f_in, f_out, top=None, bottom=None):
        left, right = [], []
        for y, a, b in zip(rows, f_in, f_out):
            # the ulnar outline slants out toward the wrist (and away from the trunk)
            xi, xo = E(y, -113 - (y - 390) * 0.23, 1.2)[0], E(y, -172, 1.2)[0]
            left.append((xi + (xo - xi) * a, y))
            right.append((xi + (xo - xi) * b, y))
        return ([top] if top else []) + left + ([bottom] if bottom else []) + right[::-1]

    r("flexor_carpi_ulnaris", across([398, 425, 455, 485, 512], [0.0] * 5,
                                     [0.24, 0.24, 0.24, 0.25, 0.27], top=(-116, 390),
                                     bottom=(-146, 528)), layer=2, tone=5,
      fibres=F(angle=74, spacing=3))
    r("palmaris_longus", across([412, 440, 470, 500, 522], [0.24, 0.24, 0.24, 0.25, 0.27],
                                [0.4, 0.43, 0.44, 0.43, 0.42], top=(-119, 396),
                                bottom=(-154, 536)), layer=2, tone=2,
      fibres=F(angle=76, spacing=2.8))
    r("flexor_carpi_radialis", across([408, 436, 466, 496, 520],
                                      [0.4, 0.43, 0.44, 0.43, 0.42],
                                      [0.56, 0.64, 0.66, 0.64, 0.6], top=(-121, 392),
                                      bottom=(-162, 532)), layer=2, tone=3,
      fibres=F(angle=72, spacing=2.8))
    r("pronator_teres", spindle((-116, 387), (-162, 458), 18, w_o=12, w_i=9, peak=0.4),
      layer=4, tone=4, fibres=F(angle=57, spacing=3))
    r("flexor_digitorum_superficialis",
      [(-128, 420), (-142, 430), (-158, 470), (-164, 512), (-160, 530), (-145, 532),
       (-138, 500), (-130, 460)], fibres=F(angle=76, spacing=3), **D2)
    r("flexor_digitorum_profundus",
      [E(408, -113, 2.5), (-128, 408), (-140, 450), (-150, 495), (-152, 522),
       E(522, -143, 2.5), E(490, -137, 2.5), E(455, -127, 2.5), E(430, -118, 2.5)],
      fibres=F(angle=74, spacing=3), **D3)
    r("thenar_muscles", [(-176, 540), (-185, 550), (-191, 566), (-186, 576), (-175, 572),
                         (-171, 553)], layer=2, tone=0)
    r("hypothenar_muscles", [(-150, 545), (-158, 548), (-160, 580), (-156, 605),
                             (-151, 600), (-149, 570)], layer=2, tone=3)
    # ---- abdomen: rectus abdominis from the pubic crest to the 5th-7th costal
    # cartilages; the external oblique's fleshy part lateral to the linea semilunaris,
    # fibres down and forward; the internal oblique under it, fibres up and forward
    r("rectus_abdominis", [(-3, 306), (-20, 306), (-33, 318), (-35, 350), (-33, 390),
                           (-29, 430), (-22, 475), (-14, 510), (-3, 515)], layer=1, tone=1,
      fibres=F(angle=90, spacing=3.2))
    r("external_oblique", [(-35, 344), (-56, 339), (-78, 334), (-90, 350),
                           E(380, -88, 1.5), E(410, -84, 1.5), E(440, -89, 1.5),
                           (-84, 456), (-72, 468), (-56, 481), (-38, 492), (-28, 478),
                           (-31, 430), (-34, 390)], layer=1, tone=5,
      fibres=F(angle=52, spacing=3.6))
    r("internal_oblique", [(-36, 378), (-60, 370), (-82, 376), (-86, 420), (-82, 452),
                           (-68, 470), (-48, 488), (-36, 470), (-35, 420)],
      fibres=F(angle=-42, spacing=3.4), **D2)
    # ---- hip and thigh: the thigh filled from the inner to the outer outline (fractions
    # across it at each height): gracilis, adductor longus and pectineus above vastus
    # medialis, rectus femoris down the middle, vastus lateralis; sartorius over them
    def strip(rows, f_in, f_out, top=None, bottom=None):
        left, right = [], []
        for y, a, b in zip(rows, f_in, f_out):
            xi, xo = E(y, -4, 1.2)[0], E(y, -98, 1.2)[0]
            left.append((xi + (xo - xi) * a, y))
            right.append((xi + (xo - xi) * b, y))
        return ([top] if top else []) + left + ([bottom] if bottom else []) + right[::-1]

    r("tensor_fasciae_latae", spindle((-86, 462), (-99, 550), 16, w_o=12, w_i=7, peak=0.45),
      layer=2, tone=3, fibres=F(angle=98, spacing=3))
    r("iliopsoas", [(-72, 478), (-58, 484), (-48, 498), (-47, 522), (-52, 546),
                    (-62, 540), (-70, 510)], layer=1, tone=0,
      fibres=F(angle=100, spacing=3))
    # pectineus in the floor of the femoral triangle, medial to the femoral vessels
    r("pectineus", [(-20, 512), (-38, 506), (-42, 522), (-46, 544), (-40, 556),
                    (-30, 540), (-22, 526)], layer=1, tone=3, fibres=F(angle=55, spacing=3))
    r("vastus_lateralis", strip([525, 560, 600, 640, 680, 712], [0.72, 0.7, 0.68, 0.66,
                                                                   0.62, 0.6],
                                [1.0] * 6, bottom=(-62, 716)), layer=1, tone=2,
      fibres=F(angle=104, spacing=3.6))
    r("vastus_medialis", strip([600, 630, 660, 690, 715], [0.02, 0.02, 0.02, 0.03, 0.06],
                               [0.3, 0.4, 0.45, 0.46, 0.44], top=(-40, 590),
                               bottom=(-30, 732)), layer=1, tone=4,
      fibres=F(angle=62, spacing=3.2))
    r("gracilis", strip([545, 580, 620, 660], [0.0] * 4, [0.12, 0.11, 0.1, 0.08],
                        bottom=(-8, 690)), layer=1, tone=2, fibres=F(angle=92, spacing=2.8))
    r("adductor_longus", strip([530, 560, 590], [0.1, 0.11, 0.14], [0.36, 0.42, 0.44],
                               top=(-18, 519), bottom=(-40, 618)), layer=2, tone=5,
      fibres=F(angle=110, spacing=3.2))
    r("adductor_brevis", [(-20, 524), (-38, 522), (-48, 552), (-47, 582), (-37, 580),
                          (-24, 548)], fibres=F(angle=110, spacing=3), **D2)
    r("rectus_femoris", spindle((-75, 480), (-45, 703), 34, w_o=10, w_i=14, peak=0.5,
                                bend=-3), layer=2, tone=1,
      fibres=F(tendon=((-72, 500), (-48, 690)), angle=24, spacing=4))
    r("vastus_intermedius", spindle((-76, 545), (-50, 680), 18, w_o=10, w_i=8),
      fibres=F(angle=98, spacing=3), **D2)
    # sartorius: from the ASIS across the front of the thigh, along the medial edge
    # behind vastus medialis (never over the VMO site) to the pes anserinus
    r("sartorius", band_pts([(-81, 466), (-74, 500), (-62, 545), (-48, 590), (-34, 630),
                             (-23, 664), (-16, 696), (-14, 728), (-20, 758)],
                            [8, 11, 12, 12, 12, 12, 11, 9, 6]), layer=3, tone=3,
      fibres=F(angle=118, spacing=2.6))
    # ---- leg and foot: medial gastrocnemius and soleus behind the tibia's medial
    # border; tibialis anterior, EHL, EDL lateral to the shin; fibularis on the lateral
    # side of the leg
    r("gastrocnemius", [E(758, -13, 1.2), E(800, -11, 1.2), E(840, -11, 1.2), (-17, 852),
                        (-22, 822), (-23, 790), (-20, 762)], layer=1, tone=1,
      fibres=F(angle=96, spacing=2.6))
    r("soleus", [E(856, -12, 1.2), E(900, -14, 1.2), E(935, -17, 1.2), (-22, 932),
                 (-24, 895), (-22, 858)], layer=1, tone=4, fibres=F(angle=92, spacing=2.6))
    r("fibularis_longus", [E(766, -78, 1.2), E(800, -82, 1.2), E(850, -76, 1.2),
                           (-70, 888), (-64, 884), (-66, 840), (-68, 800), (-67, 768)],
      layer=1, tone=2, fibres=F(angle=95, spacing=2.6))
    r("extensor_digitorum_longus", spindle((-63, 764), (-50, 968), 15, w_o=10, w_i=5,
                                           peak=0.4), layer=2, tone=5,
      fibres=F(angle=94, spacing=2.8))
    r("extensor_hallucis_longus", spindle((-51, 860), (-38, 975), 10, w_o=5, w_i=4,
                                          peak=0.45), layer=3, tone=3,
      fibres=F(angle=96, spacing=2.5))
    r("tibialis_anterior", spindle((-50, 762), (-30, 975), 17, w_o=14, w_i=5, peak=0.3),
      layer=3, tone=0, fibres=F(tendon=((-49, 770), (-36, 930)), angle=18, spacing=3))
    # fibularis brevis: lateral, over the edge of the extensor digitorum longus tendons
    r("fibularis_brevis", [E(872, -72, 1.2), E(920, -63, 1.2), E(952, -57, 1.5),
                           (-52, 962), (-51, 925), (-57, 884)], layer=3, tone=0,
      fibres=F(angle=100, spacing=2.6))
    r("extensor_digitorum_brevis", [(-58, 1000), (-49, 997), (-44, 1006), (-51, 1013),
                                    (-59, 1010)], layer=2, tone=1)

    lm = s.landmark
    # face
    lm(A([(-24, 84), (-16, 80), (-8, 84), (-16, 87), (-24, 84)]), width=0.7)   # eye
    lm(A(ellipse(-16, 84, 2.2, 2.2, 8)), closed=True, width=0.4, fill="#4a3a33")
    lm(A([(-27, 76), (-17, 72), (-6, 75)]), width=0.9)                       # brow
    lm(A([(-4, 84), (-5, 100), (-8, 109), (-4, 112), (0, 113)]), width=0.6)   # nose
    lm(A([(-12, 125), (-5, 123), (0, 124)]), width=0.7)                       # lip line
    lm(A([(-8, 129), (0, 130)]), width=0.4)
    lm(A([(-47, 95), (-44, 100), (-45, 110), (-43, 115)]), width=0.5)         # ear
    # trunk
    lm(A(ellipse(-55, 300, 2.5, 2.5, 8)), closed=True, width=0.5, fill="#b07a6a")  # nipple
    lm(A([(-32, 350), (-14, 348), (-3, 351)]), width=0.5)   # tendinous intersections
    lm(A([(-33, 385), (-14, 383), (-3, 386)]), width=0.5)
    lm(A([(-30, 412), (-14, 411), (-3, 413)]), width=0.5)
    lm(A(ellipse(0, 425, 2.6, 3.4, 8)), closed=True, width=0.6, mirror=False)  # navel
    lm(A([(-80, 463), (-60, 482), (-36, 500), (-14, 514)]), width=0.7)  # inguinal ligament
    # foot and hand
    lm(A([(-37, 1014), (-36, 1022)]), width=0.4)
    lm(A([(-46, 1013), (-46, 1022)]), width=0.4)
    lm(A([(-54, 1012), (-55, 1020)]), width=0.4)
    lm(A([(-28, 1011), (-26, 1021)]), width=0.4)
    lm(A([(-176, 612), (-175, 642)]), width=0.4)   # fingers
    lm(A([(-167, 612), (-167, 645)]), width=0.4)
    lm(A([(-159, 610), (-160, 638)]), width=0.4)
    lm(A([(-155, 548), (-168, 540), (-176, 548)]), width=0.4)  # wrist crease

    # referred pain (classic patterns, patient's right side drawn, mirrored to left)
    ref = s.referral
    ref("upper_trapezius", A([(-37, 60), (-44, 70), (-44, 90), (-41, 122), (-34, 128),
                              (-36, 100), (-33, 80)]))                 # temple, jaw angle
    ref("sternocleidomastoid_sternal", A([(-12, 80), (-26, 78), (-34, 90), (-33, 112),
                                          (-22, 112), (-12, 94)]))  # around eye and cheek
    ref("sternocleidomastoid_clavicular", A([(-4, 40), (-22, 36), (-33, 48), (-26, 66),
                                             (-4, 66)]))                  # forehead
    ref("infraspinatus", A([(-106, 210), (-128, 212), (-142, 240), (-148, 290),
                            (-150, 340), (-140, 345), (-134, 300), (-120, 252),
                            (-104, 228)]))  # front of shoulder, down the arm
    ref("supraspinatus", A([(-142, 222), (-150, 240), (-151, 280), (-143, 290),
                            (-137, 250)]))
    ref("supraspinatus", A([(-154, 372), (-162, 392), (-165, 415), (-156, 412),
                            (-150, 392)]))  # lateral elbow
    ref("rectus_femoris", A([(-45, 696), (-58, 704), (-58, 730), (-45, 738), (-33, 728),
                             (-33, 706)]))  # patella
    ref("vastus_medialis", A([(-15, 700), (-28, 708), (-32, 735), (-26, 752), (-15, 748),
                              (-13, 722)]))  # medial knee
    ref("gluteus_minimus", A([(-97, 545), (-103, 575), (-92, 650), (-84, 705), (-80, 790),
                              (-74, 870), (-67, 870), (-74, 780), (-80, 700), (-86, 620),
                              (-90, 570)]))  # lateral thigh and leg
    ref("quadratus_lumborum", A([(-94, 458), (-102, 480), (-104, 500), (-96, 500),
                                 (-90, 476)]))  # iliac crest to trochanter
    return s
