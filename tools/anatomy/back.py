"""Posterior full-body view, same scale as the anterior one. Shapes are (dx, y) offsets
on the viewer's left, which in a back view is the patient's LEFT side.

Built skeleton first: the spinous processes, scapula, iliac crest, sacrum and the other
palpable bones are placed from DOMAIN.md's proportions (height 1000, floor y=1020), then
each muscle is drawn from its origin to its insertion on them."""

from __future__ import annotations

from attach import Contour, fan, sheet, spindle
from front import MID, SILHOUETTE_FRONT, A, H, W
from scene import Fibres, Scene, ellipse

# seen from behind: same outline, but a rounder skull, no face, heels instead of toes
SILHOUETTE_BACK = [p for p in SILHOUETTE_FRONT if not (980 < p[1] <= 1024)]
_i = next(i for i, p in enumerate(SILHOUETTE_BACK) if p[1] == 976 and p[0] == -55)
SILHOUETTE_BACK[_i + 1:_i + 1] = [(-58, 990), (-58, 1006), (-50, 1018), (-36, 1021),
                                 (-24, 1016), (-19, 1000)]

# spinous processes (y): C2 the first one below the occiput, C7 the vertebra prominens a
# little above the acromion, T1-T12 ~2.7 cm apart, the lumbar ones ~2.8 cm, L4 on the line
# joining the tops of the iliac crests (Tuffier's line), S2 level with the PSIS
SPINOUS = {"c2": 131.0, "c7": 195.0}
SPINOUS.update({f"t{k}": 207.0 + (k - 1) * 15.7 for k in range(1, 13)})
SPINOUS.update({f"l{k}": 397.0 + (k - 1) * 16.0 for k in range(1, 6)})
SPINOUS["s2"] = 490.0

# paired landmarks on the patient's left (viewer's left), (dx, y)
LM = {
    "mastoid": (-40, 124),
    "acromion": (-121, 204),
    "scapula_superior_angle": (-52, 217),
    "scapular_spine_root": (-48, 240),
    "scapula_inferior_angle": (-64, 300),
    "glenoid": (-105, 229),
    "lateral_epicondyle": (-157, 384),
    "medial_epicondyle": (-118, 384),
    "olecranon": (-138, 391),
    "rib12_tip": (-70, 400),
    "iliac_crest_top": (-74, 438),
    "psis": (-24, 482),
    "greater_trochanter": (-98, 493),
    "ischial_tuberosity": (-40, 546),
    "popliteal_crease_mid": (-44, 742),
    "fibular_head": (-69, 757),
    "lateral_malleolus": (-57, 982),
    "medial_malleolus": (-20, 972),
    "calcaneus": (-38, 1010),
}
MIDLINE_LM = {"inion": (0, 104), "c2": (0, SPINOUS["c2"]), "c7": (0, SPINOUS["c7"]),
              "t12": (0, SPINOUS["t12"]), "s2": (0, SPINOUS["s2"])}


def _landmarks(s: Scene) -> None:
    for name, (dx, y) in LM.items():
        s.point(name, MID + dx, y)
    for name, (dx, y) in MIDLINE_LM.items():
        s.point(name, MID + dx, y, paired=False)


def _bones(s: Scene) -> None:
    bone = s.bone
    # occiput: superior nuchal line, inion to mastoid
    bone(A([(0, 104), (-14, 105), (-28, 112), (-39, 121)]), closed=False)
    # spinous processes C7-L5 (C2 too): small marks on the midline
    for name, y in SPINOUS.items():
        if name in ("s2",):
            continue
        bone(A(ellipse(0, y, 1.6, 2.4, 8)), mirror=False)
    # scapula: superior angle, superior border, glenoid, lateral border, inferior angle,
    # medial border; its spine from the root to the acromion
    bone(A([(-52, 217), (-70, 214), (-88, 212), (-100, 216), (-105, 224), (-106, 234),
            (-101, 244), (-91, 263), (-78, 284), (-64, 301, "s"), (-56, 282), (-50, 262),
            (-48, 242), (-49, 228)]))
    bone(A([(-47, 238), (-62, 233), (-82, 225), (-102, 215), (-114, 207), (-121, 201),
            (-127, 205), (-121, 211), (-104, 221), (-84, 230), (-63, 239), (-49, 244)]))
    # 12th rib, T12 to its tip
    bone(A([(-7, 383), (-30, 388), (-52, 393), (-70, 400)]), closed=False)
    # iliac crest from the PSIS over its top to the tubercle
    bone(A([(-24, 482), (-30, 460), (-50, 443), (-74, 437), (-90, 446), (-97, 458)]),
         closed=False)
    # sacrum (midline, drawn whole) and coccyx
    bone(A([(-26, 476), (-24, 492), (-18, 512), (-10, 532), (-3, 546), (0, 550, "s"),
            (3, 546), (10, 532), (18, 512), (24, 492), (26, 476), (0, 470)]), mirror=False)
    bone(A(ellipse(-98, 493, 7, 10, 10)))   # greater trochanter
    bone(A(ellipse(-40, 546, 6, 5, 8)))     # ischial tuberosity
    bone(A(ellipse(-138, 391, 5, 4, 8)))    # olecranon
    bone(A(ellipse(-157, 384, 3, 3, 6)))    # lateral epicondyle
    bone(A(ellipse(-118, 384, 3.5, 3.5, 6)))  # medial epicondyle
    bone(A(ellipse(-69, 757, 4.5, 4.5, 8)))   # fibular head
    bone(A(ellipse(-57, 982, 4, 5, 8)))     # lateral malleolus
    bone(A(ellipse(-20, 972, 4, 5, 8)))     # medial malleolus
    bone(A(ellipse(-38, 1008, 10, 8, 10)))  # calcaneus


def build_back() -> Scene:
    s = Scene("posterior", W, H, MID, left_side="L")
    s.set_silhouette(A(SILHOUETTE_BACK))
    _landmarks(s)
    _bones(s)
    skin = Contour(s.silhouette_poly)

    def E(y, near, inset=2.0):  # a point on the skin's outline at height y, near dx
        return (skin.at(y, MID + near, inset) - MID, y)

    def r(muscle, pts, **kw):
        s.region(muscle, A(pts), **kw)

    def F(**kw):  # fibre strokes in absolute coordinates
        if "apex" in kw:
            kw["apex"] = (MID + kw["apex"][0], kw["apex"][1])
        if "tendon" in kw:
            kw["tendon"] = tuple((MID + x, y) for x, y in kw["tendon"])
        return Fibres(**kw)

    # ---- back of the trunk: erector spinae (under the thoracolumbar fascia), then the
    # quadratus lumborum window lateral to it, the flank, latissimus, the scapular muscles
    # and the trapezius over all of them
    r("longissimus", spindle((-11, 222), (-11, 505), 15, w_o=7, w_i=9, peak=0.7, bend=-2),
      layer=1, tone=4, fibres=F(angle=90, spacing=3.2))
    r("iliocostalis", spindle((-46, 226), (-25, 485), 17, w_o=6, w_i=8, peak=0.72,
                              bend=-4), layer=1, tone=2, fibres=F(angle=96, spacing=3.2))
    # quadratus lumborum: clinicians reach it lateral to the erector spinae, between the
    # 12th rib and the iliac crest: that window is its superficial region
    r("quadratus_lumborum", [(-41, 402), (-52, 399), (-61, 404), (-63, 420), (-60, 436),
                             (-50, 441), (-42, 434), (-39, 418)], layer=1, tone=0,
      fibres=F(angle=80, spacing=3.5))
    r("external_oblique", [(-62, 424), (-75, 408), E(412, -84, 1.2), E(430, -87, 1.2),
                           E(446, -92, 1.2), (-84, 444), (-70, 440), (-62, 436)], layer=1, tone=5,
      fibres=F(angle=62, spacing=3.5))
    r("latissimus_dorsi", [(-26, 300), (-44, 297), (-64, 303), (-84, 289),
                           (-103, 268, "s"), (-105, 290), (-104, 315), (-98, 342),
                           (-90, 372), E(398, -84, 1.2), (-76, 410), (-63, 420, "s"),
                           (-58, 396), (-50, 370), (-38, 338)], layer=2, tone=1,
      fibres=F(apex=(-118, 250), spacing=4.5))
    r("infraspinatus", fan([(-52, 244), (-50, 258), (-53, 276), (-62, 297), (-72, 294),
                            (-86, 276)], (-114, 229), 10), layer=2, tone=0,
      fibres=F(apex=(-118, 228), spacing=4))
    r("teres_minor", spindle((-82, 284), (-112, 252), 17, w_o=13, w_i=9), layer=3,
      tone=2, fibres=F(angle=-48, spacing=3))
    r("teres_major", spindle((-64, 300), (-98, 272), 17, w_o=13, w_i=9, peak=0.4),
      layer=3, tone=4, fibres=F(angle=-38, spacing=3.2))
    # splenius capitis shows between the trapezius and the mastoid (the top of the
    # posterior triangle seen from behind)
    r("splenius_capitis", [(-21, 109), (-30, 112), E(118, -40, 1.5), E(130, -40, 1.5),
                           E(145, -34, 1.5), (-31, 153), (-27, 140), (-24, 124)], layer=3,
      tone=4, fibres=F(angle=-68, spacing=2.6))
    # occipitalis: the occipital belly of occipitofrontalis over the occiput
    r("occipitofrontalis", [(-6, 93), (-18, 87), (-31, 91), (-37, 99), (-30, 104),
                            (-17, 104), (-7, 102)], layer=3, tone=2,
      fibres=F(angle=85, spacing=2.6))
    # ---- trapezius, the kite from the occiput to T12, in three parts. Upper: superior
    # nuchal line and ligamentum nuchae to the lateral clavicle and acromion (its lower
    # border runs from C7 to the acromion). Middle: C7-T3 to the acromion and the spine
    # of the scapula. Lower: T4-T12 converging on the root of the spine.
    t3, t4, t12 = SPINOUS["t3"], SPINOUS["t4"], SPINOUS["t12"]
    r("upper_trapezius", [(0, 103, "s"), (-8, 104), (-20, 108), (-25, 124), (-29, 142),
                          E(158, -33, 1.5), E(172, -36, 1.5), E(182, -46, 1.5),
                          E(190, -70, 1.5), E(197, -100, 1.5), (-119, 203, "s"), (-100, 207), (-70, 207), (-40, 203),
                          (0, 197, "s")], layer=4, tone=1,
      fibres=F(apex=(-118, 204), spacing=4))
    r("middle_trapezius", [(0, 197, "s"), (-40, 203), (-70, 207), (-100, 207),
                           (-121, 204, "s"), (-108, 214), (-88, 222), (-68, 231),
                           (-50, 239, "s"), (-28, (t3 + t4) / 2 + 4), (0, t4, "s")],
      layer=4, tone=3, fibres=F(angle=178, spacing=3.6))
    r("lower_trapezius", [(0, t4, "s"), (-28, (t3 + t4) / 2 + 4), (-50, 239, "s"),
                          (-56, 250), (-53, 272), (-45, 302), (-33, 335), (-18, 362),
                          (0, t12, "s")], layer=4, tone=5,
      fibres=F(apex=(-52, 241), spacing=4))
    # ---- shoulder and arm
    r("triceps_brachii", [(-103, 268, "s"), (-118, 266), (-134, 283), (-146, 300),
                          (-152, 322), (-155, 350), (-158, 372), (-150, 381), (-138, 384),
                          (-124, 382), (-116, 372), (-112, 350), (-108, 322),
                          (-105, 292)], layer=3, tone=3,
      fibres=F(tendon=((-130, 296), (-137, 384)), angle=22, spacing=4))
    r("deltoid_posterior", [(-70, 232, "s"), (-95, 221), (-121, 206, "s"), (-131, 228),
                            (-137, 256), (-141, 282), (-146, 300, "s"), (-133, 283),
                            (-119, 264), (-103, 249), (-86, 240)], layer=5, tone=2,
      fibres=F(apex=(-148, 300), spacing=4))
    r("deltoid_middle", [(-121, 203, "s"), (-134, 207), (-145, 216), (-150, 234),
                         (-152, 258), (-150, 282), (-146, 300, "s"), (-141, 282),
                         (-137, 256), (-131, 228)], layer=5, tone=5,
      fibres=F(apex=(-146, 302), spacing=3.5))
    # ---- dorsal forearm (anatomical position: the thumb side is the outer, lateral
    # edge): from the radial to the ulnar outline, brachioradialis, the two radial wrist
    # extensors, extensor digitorum, extensor carpi ulnaris, flexor carpi ulnaris
    def across(rows, f_in, f_out, top=None, bottom=None):
        left, right = [], []
        for y, a, b in zip(rows, f_in, f_out):
            xr = E(y, -172, 1.2)[0]
            xu = E(y, -113 - (y - 390) * 0.23, 1.2)[0]  # the ulnar outline, off the trunk
            left.append((xr + (xu - xr) * a, y))
            right.append((xr + (xu - xr) * b, y))
        return ([top] if top else []) + left + ([bottom] if bottom else []) + right[::-1]

    r("brachioradialis", [(-153, 340), E(350, -155, 1.5), E(380, -160, 1.5),
                          E(420, -170, 1.5), E(470, -176, 1.5), E(515, -177, 1.5),
                          (-172, 522), (-168, 470), (-162, 420), (-156, 385),
                          (-151, 352)], layer=3, tone=5, fibres=F(angle=80, spacing=3))
    r("extensor_carpi_radialis_longus",
      across([372, 400, 430, 460], [0.08, 0.12, 0.12, 0.12], [0.3, 0.36, 0.34, 0.28],
             top=(-152, 360), bottom=(-170, 486)), layer=4, tone=2,
      fibres=F(angle=80, spacing=3))
    r("extensor_carpi_radialis_brevis",
      across([410, 440, 470, 500, 522], [0.34, 0.34, 0.28, 0.14, 0.14],
             [0.5, 0.5, 0.48, 0.44, 0.4], top=(-150, 396), bottom=(-166, 532)),
      layer=4, tone=4, fibres=F(angle=83, spacing=3))
    r("extensor_digitorum",
      across([412, 440, 470, 500, 525], [0.5, 0.5, 0.48, 0.44, 0.4],
             [0.7, 0.7, 0.7, 0.68, 0.66], top=(-144, 398), bottom=(-156, 536)),
      layer=4, tone=0, fibres=F(angle=86, spacing=3))
    r("extensor_carpi_ulnaris",
      across([414, 440, 470, 500, 525], [0.7, 0.7, 0.7, 0.68, 0.66],
             [0.86, 0.87, 0.87, 0.87, 0.86], top=(-138, 400), bottom=(-148, 536)),
      layer=4, tone=3, fibres=F(angle=85, spacing=3))
    r("flexor_carpi_ulnaris",
      across([400, 430, 460, 490, 515], [0.86, 0.87, 0.87, 0.87, 0.86], [1.0] * 5,
             top=(-118, 390), bottom=(-144, 524)), layer=4, tone=1,
      fibres=F(angle=78, spacing=3))
    r("anconeus", [(-157, 383, "s"), (-151, 404), (-141, 418, "s"), (-133, 402),
                   (-136, 392, "s"), (-146, 386)], layer=7, tone=1,
      fibres=F(angle=30, spacing=2.8))
    r("first_dorsal_interosseous", [(-172, 556), (-180, 560), (-183, 578), (-178, 590),
                                    (-172, 580)], layer=3, tone=1)
    r("dorsal_interossei", [(-157, 565), (-170, 562), (-176, 598), (-158, 602)], layer=3,
      tone=4)
    # ---- posterior thigh: vastus lateralis and adductor magnus either side, the
    # hamstrings from the ischial tuberosity, gracilis on the inner edge
    # the posterior thigh filled from the inner to the outer outline: gracilis, adductor
    # magnus above semimembranosus, semitendinosus over it, biceps femoris, vastus
    # lateralis; the hamstrings part at the popliteal fossa
    def strip(rows, f_in, f_out, top=None, bottom=None):
        left, right = [], []
        for y, a, b in zip(rows, f_in, f_out):
            xi, xo = E(y, -6, 1.2)[0], E(y, -95, 1.2)[0]
            left.append((xi + (xo - xi) * a, y))
            right.append((xi + (xo - xi) * b, y))
        return ([top] if top else []) + left + ([bottom] if bottom else []) + right[::-1]

    r("gracilis", strip([572, 600, 640, 680, 715, 748], [0] * 6,
                        [0.13, 0.13, 0.13, 0.14, 0.15, 0.17]), layer=1, tone=1,
      fibres=F(angle=92, spacing=3))
    r("adductor_magnus", strip([568, 600, 632], [0.13, 0.13, 0.13], [0.37, 0.36, 0.32],
                               bottom=(-18, 662)), layer=1, tone=3,
      fibres=F(angle=100, spacing=3.5))
    r("semimembranosus", strip([625, 655, 685, 715, 745], [0.13, 0.13, 0.14, 0.15, 0.17],
                               [0.3, 0.37, 0.4, 0.42, 0.4]), layer=1, tone=5,
      fibres=F(angle=95, spacing=3.5))
    r("semitendinosus", strip([566, 600, 640, 680, 715], [0.35, 0.36, 0.36, 0.37, 0.36],
                              [0.56, 0.56, 0.54, 0.5, 0.44], bottom=(-26, 752)), layer=2,
      tone=2, fibres=F(angle=96, spacing=3.5))
    r("biceps_femoris", strip([566, 600, 640, 680, 715, 742], [0.56, 0.56, 0.54, 0.53,
                                                                  0.58, 0.66],
                              [0.86, 0.86, 0.85, 0.86, 0.88, 0.9], bottom=(-70, 756)),
      layer=2, tone=4, fibres=F(angle=82, spacing=3.5))
    r("vastus_lateralis", strip([582, 620, 660, 700, 728], [0.86, 0.86, 0.85, 0.86, 0.88],
                                [1.0] * 5), layer=1, tone=2,
      fibres=F(angle=100, spacing=3.5))
    # ---- hip: gluteus medius under the iliac crest, above and lateral to gluteus
    # maximus; maximus from the posterior ilium, sacrum and coccyx down and lateral to the
    # iliotibial band and gluteal tuberosity
    r("gluteus_medius", [(-30, 458), (-48, 446), (-74, 438), (-90, 446), E(462, -96, 2),
                         E(480, -100, 2), (-99, 497, "s"), (-88, 491), (-72, 483), (-52, 473),
                         (-36, 468)], layer=4, tone=3, fibres=F(apex=(-99, 500), spacing=4))
    r("gluteus_maximus", [(-28, 466, "s"), (-46, 471), (-66, 480), (-86, 492),
                          (-99, 504), E(524, -104, 2), E(548, -104, 2.5), (-96, 571),
                          (-86, 584), (-70, 590), (-52, 589), (-34, 583), (-18, 573),
                          (-7, 560), (-2.5, 545, "s"), (-4, 520), (-12, 498), (-22, 480)], layer=5,
      tone=0, fibres=F(angle=146, spacing=4.5))
    # ---- leg: soleus either side of and below the two heads of gastrocnemius
    r("soleus", [E(782, -11, 1.0), E(840, -11, 1.0), (-15, 890), (-24, 935), (-34, 956),
                 (-46, 956), (-56, 932), (-66, 892), (-76, 845), E(800, -80, 1.2),
                 (-60, 800), (-38, 805)],
      layer=1, tone=3, fibres=F(tendon=((-40, 830), (-40, 950)), angle=25, spacing=4))
    # gastrocnemius: medial and lateral heads from the femoral condyles either side of the
    # popliteal fossa, the medial head longer, joining in the aponeurosis and the Achilles
    # tendon
    r("gastrocnemius", [(-18, 723, "s"), (-30, 731), (-44, 762, "s"), (-58, 731),
                        (-68, 724, "s"), (-74, 745), (-75, 775), (-71, 810), (-64, 840),
                        (-55, 856), (-44, 864, "s"), (-34, 880), (-22, 873), (-16, 850),
                        (-15, 810), (-15, 770)], layer=2, tone=1,
      fibres=F(tendon=((-43, 764), (-42, 872)), angle=18, spacing=4))

    # ---- deep layer (shown and clickable when the clinician turns it on)
    D2 = dict(layer=2, deep=True)
    D3 = dict(layer=3, deep=True)
    D4 = dict(layer=4, deep=True)
    # neck: suboccipitals under the occiput; semispinalis capitis and cervicis, the
    # cervical multifidi next to the spine; splenius cervicis and levator scapulae lateral
    r("suboccipitals", [(-3, 107), (-14, 106), (-27, 112), (-27, 124), (-16, 130),
                        (-4, 130)], fibres=F(angle=160, spacing=2.4), **D4)
    r("semispinalis_capitis", [(-7, 112), (-19, 112), (-17, 132), (-16, 152), (-15, 176),
                               (-8, 176), (-7, 150)], fibres=F(angle=92, spacing=2.4), **D3)
    r("multifidi_cervical", [(-1.5, 133), (-7.5, 133), (-8, 160), (-8, 200),
                             (-1.5, 200)], fibres=F(angle=70, spacing=2.2), **D3)
    r("semispinalis_cervicis", [(-8, 176), (-15.5, 176), (-16, 210), (-15.5, 248),
                                (-8.5, 248), (-8.5, 205)], fibres=F(angle=88, spacing=2.4),
      **D3)
    r("splenius_cervicis", [(-16.5, 132), (-24, 131), (-25, 160), (-27, 178), (-24, 205),
                            (-21, 235), (-19, 255), (-16.5, 250), (-17, 210), (-16.5, 170)],
      fibres=F(angle=-80, spacing=2.4), **D3)
    r("levator_scapulae", [(-24.5, 126), E(128, -40, 2.5), E(150, -33, 1.5),
                           E(168, -34, 1.5), E(180, -42, 2.5), (-50, 200), (-56, 213),
                           (-50, 220), (-40, 202), (-30, 180), (-25, 155)],
      fibres=F(angle=68, spacing=2.4), **D3)
    r("multifidi_thoracic", [(-1.5, 200), (-9, 200), (-9, 300), (-10, 388), (-1.5, 388)],
      fibres=F(angle=72, spacing=2.4), **D3)
    r("serratus_posterior_superior", sheet([(-17, 200), (-17, 230)],
                                           [(-56, 222), (-60, 250)]),
      fibres=F(angle=20, spacing=3), **D2)
    r("rhomboid_minor", sheet([(-18, 230), (-17, 242)], [(-49, 228), (-48, 242)]),
      fibres=F(angle=8, spacing=3), **D3)
    r("rhomboid_major", sheet([(-17, 243), (-12, 290)], [(-48, 243), (-63, 298)]),
      fibres=F(angle=28, spacing=3.5), **D3)
    r("supraspinatus", [(-52, 219, "s"), (-70, 215), (-90, 213), (-104, 216),
                        (-118, 214, "s"), (-116, 220), (-100, 219), (-82, 226),
                        (-64, 234), (-51, 238, "s")], fibres=F(apex=(-120, 216), spacing=3),
      **D2)
    r("serratus_posterior_inferior", sheet([(-11, 356), (-11, 400)],
                                           [(-66, 340), (-70, 392)]),
      fibres=F(angle=-20, spacing=3.5), **D2)
    r("multifidi", spindle((-9, 390), (-11, 520), 16, w_o=10, w_i=8, peak=0.55),
      fibres=F(angle=75, spacing=2.6), **D3)
    # hip: gluteus minimus under medius, piriformis from the anterior sacrum (about 3 cm
    # lateral to the midline) through the greater sciatic notch to the trochanter
    r("gluteus_minimus", [(-54, 456), (-78, 448), (-95, 462), (-100, 484), (-93, 489),
                          (-76, 482), (-60, 476)], fibres=F(apex=(-99, 490), spacing=3.5),
      **D2)
    r("piriformis", spindle((-17, 510), (-96, 492), 20, w_o=18, w_i=7, peak=0.3, bend=-3),
      fibres=F(angle=-10, spacing=3), **D3)
    # leg: plantaris and popliteus behind the knee, tibialis posterior between FDL and FHL
    r("popliteus", sheet([(-68, 758), (-62, 768)], [(-20, 778), (-18, 800)]),
      fibres=F(angle=28, spacing=3), **D2)
    r("plantaris", spindle((-70, 712), (-52, 778), 16, w_o=8, w_i=6, peak=0.5),
      fibres=F(angle=70, spacing=3), **D3)
    r("tibialis_posterior", spindle((-42, 790), (-32, 935), 22, w_o=14, w_i=6, peak=0.4),
      fibres=F(tendon=((-40, 800), (-33, 930)), angle=22, spacing=3.5), **D2)
    r("flexor_digitorum_longus", spindle((-24, 815), (-22, 965), 14, w_o=8, w_i=5,
                                         peak=0.5), fibres=F(angle=92, spacing=3), **D3)
    r("flexor_hallucis_longus", spindle((-58, 838), (-36, 975), 17, w_o=10, w_i=5,
                                        peak=0.5), fibres=F(angle=80, spacing=3), **D3)
    # forearm: supinator round the radius below the lateral epicondyle
    r("supinator", [(-145, 394), (-160, 396), (-166, 414), (-158, 428), (-147, 420)],
      fibres=F(angle=60, spacing=3), **D2)

    lm = s.landmark
    lm(A([(-45, 92), (-49, 100), (-48, 112), (-44, 116)]), width=0.5)  # ear
    lm(A([(-36, 120), (-20, 126), (0, 128)]), width=0.4)  # hairline
    lm(A([(0, 490), (0, 548)]), width=0.6, mirror=False)  # gluteal cleft
    lm(A([(-10, 566), (-40, 574), (-72, 590)]), width=0.5)  # gluteal fold
    lm(A([(-99, 508), (-96, 600), (-86, 680), (-78, 735)]), width=0.5)  # iliotibial band
    lm(A([(-22, 742), (-44, 740), (-66, 743)]), width=0.45)  # popliteal crease
    lm(A([(-43, 766), (-43, 800), (-43, 830), (-43, 860)]), width=0.5)  # heads' groove
    lm(A([(-42, 876), (-41, 910), (-40, 945), (-39, 975), (-38, 1000)]), width=0.9)  # Achilles
    lm(A([(-160, 602), (-161, 640)]), width=0.4)
    lm(A([(-168, 604), (-168, 644)]), width=0.4)
    lm(A([(-176, 604), (-176, 640)]), width=0.4)

    ref = s.referral
    ref("upper_trapezius", A([(-15, 130), (-27, 114), (-37, 120), (-31, 150), (-24, 174),
                              (-17, 160)]))  # posterolateral neck, mastoid
    ref("levator_scapulae", A([(-22, 170), (-40, 184), (-52, 205), (-49, 240), (-45, 262),
                               (-38, 256), (-40, 216), (-27, 192)]))  # neck angle, scapula
    ref("sternocleidomastoid_sternal", A([(-2, 96), (-17, 92), (-24, 106), (-13, 116),
                                          (-2, 114)]))  # occiput
    ref("supraspinatus", A([(-140, 222), (-148, 240), (-148, 280), (-142, 280),
                            (-138, 250)]))
    ref("supraspinatus", A([(-152, 372), (-159, 392), (-157, 410), (-150, 398)]))
    ref("quadratus_lumborum", A([(-15, 482), (-30, 472), (-60, 462), (-86, 462),
                                 (-98, 495), (-99, 514), (-90, 520), (-80, 500),
                                 (-55, 482), (-38, 492), (-30, 530), (-18, 540),
                                 (-12, 512)]))
    ref("gluteus_medius", A([(-5, 440), (-30, 440), (-60, 454), (-92, 470), (-98, 500),
                             (-92, 520), (-70, 502), (-40, 492), (-20, 500), (-5, 496)]))
    ref("gluteus_minimus", A([(-60, 560), (-90, 565), (-85, 650), (-72, 720), (-67, 800),
                              (-62, 860), (-52, 860), (-55, 790), (-57, 720), (-60, 640)]))
    ref("piriformis", A([(-10, 480), (-30, 484), (-70, 500), (-85, 530), (-70, 560),
                         (-56, 640), (-45, 650), (-42, 570), (-25, 545), (-10, 530)]))
    ref("multifidi", A([(-4, 470), (-22, 470), (-28, 500), (-22, 520), (-4, 515)]))
    ref("gastrocnemius", A([(-20, 760), (-50, 750), (-72, 790), (-65, 850), (-40, 870),
                            (-18, 850)]))
    ref("soleus", A([(-27, 990), (-44, 986), (-52, 1002), (-45, 1014), (-30, 1014),
                     (-24, 1002)]))  # heel
    return s
