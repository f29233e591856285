"""Posterior full-body view, same scale as the anterior one. Shapes are (dx, y) offsets
on the viewer's left, which in a back view is the patient's LEFT side."""

from __future__ import annotations

from front import MID, SILHOUETTE_FRONT, W, H, A, B
from scene import Scene, ellipse

# seen from behind: same outline, but a rounder skull, no face, heels instead of toes
SILHOUETTE_BACK = [p for p in SILHOUETTE_FRONT if not (980 < p[1] <= 1024)]
_i = next(i for i, p in enumerate(SILHOUETTE_BACK) if p[1] == 976 and p[0] == -55)
SILHOUETTE_BACK[_i + 1:_i + 1] = [(-58, 990), (-58, 1006), (-50, 1018), (-36, 1021),
                                 (-24, 1016), (-19, 1000)]


def build_back() -> Scene:
    s = Scene("posterior", W, H, MID, left_side="L")
    s.set_silhouette(A(SILHOUETTE_BACK))
    r = s.region
    # back of the trunk, deepest superficial layer first: erector spinae (seen through the
    # thoracolumbar fascia), then latissimus dorsi, then the trapezius over both
    r("iliocostalis", B([(-27, 272), (-31, 330), (-33, 400), (-29, 460), (-20, 498)],
                        [7, 10, 12, 10, 6]), tone=2)
    r("longissimus", B([(-13, 262), (-14, 330), (-15, 400), (-15, 465), (-11, 500)],
                       [8, 9, 12, 12, 7]), tone=4)
    r("latissimus_dorsi", A([(-36, 312), (-62, 303), (-82, 292), (-103, 272), (-104, 288),
                             (-102, 314), (-97, 342), (-88, 375), (-84, 400), (-86, 425),
                             (-89, 444), (-70, 442), (-50, 428), (-41, 396), (-40, 350)]),
      tone=1)
    r("infraspinatus", A([(-55, 246), (-80, 230), (-106, 219), (-110, 232), (-100, 254),
                          (-84, 276), (-67, 294), (-56, 276)]), tone=0)
    r("teres_minor", B([(-111, 238), (-98, 256), (-84, 276)], [6, 8, 6]), tone=2)
    r("teres_major", B([(-66, 297), (-84, 287), (-103, 268), (-114, 256)], [9, 13, 11, 7]),
      tone=4)
    # neck: splenius capitis shows in the posterior triangle, lateral to the trapezius
    r("splenius_capitis", A([(-20, 124), (-31, 119), (-35, 128), (-29, 144), (-23, 158),
                             (-20, 142)]), tone=4)
    # trapezius: the classic kite (occiput, both acromions, T12), in three parts.
    # Upper: superior nuchal line and ligamentum nuchae, down the neck to the lateral
    # clavicle and acromion; its lower border runs from C7 to the acromion.
    r("upper_trapezius", A([(-1, 117, "s"), (-9, 116), (-17, 119), (-19, 135), (-20, 152),
                            (-23, 167), (-31, 177), (-52, 186), (-78, 193), (-104, 199),
                            (-121, 204, "s"), (-100, 203), (-70, 202), (-40, 201),
                            (-1, 199, "s")]), tone=1)
    # Middle: C7-T3 spinous processes to the acromion and the spine of the scapula.
    r("middle_trapezius", A([(-1, 200, "s"), (-40, 200.5), (-75, 201.5), (-104, 203),
                             (-121, 205, "s"), (-100, 214), (-78, 222), (-62, 229),
                             (-49, 237, "s"), (-28, 244), (-1, 251, "s")]), tone=3)
    # Lower: T4-T12 spinous processes, converging on the root of the spine of the scapula.
    r("lower_trapezius", A([(-1, 251, "s"), (-26, 244.5), (-47, 237.5, "s"), (-53, 245),
                            (-49, 262), (-41, 292), (-29, 332), (-15, 372),
                            (-1, 404, "s")]), tone=5)
    # arm
    r("triceps_brachii", A([(-110, 250), (-124, 268), (-146, 300), (-152, 338),
                            (-155, 368), (-149, 386), (-138, 391), (-122, 384), (-114, 358),
                            (-108, 320), (-105, 285)]), tone=3)
    r("deltoid_middle", A([(-122, 205), (-137, 210), (-146, 227), (-149, 256), (-148, 284),
                           (-145, 300), (-141, 294), (-141, 268), (-137, 240), (-128, 216)]),
      tone=5)
    r("deltoid_posterior", A([(-98, 211), (-118, 209), (-128, 217), (-137, 241),
                              (-139, 268), (-139, 293), (-128, 270), (-114, 246),
                              (-104, 229)]), tone=2)
    r("extensor_carpi_ulnaris", B([(-127, 408), (-134, 440), (-142, 480), (-148, 522)],
                                  [6, 8, 7, 4]), tone=4)
    r("extensor_digitorum", B([(-136, 402), (-148, 450), (-156, 500), (-159, 528)],
                              [9, 11, 8, 5]), tone=0)
    r("extensor_carpi_radialis", B([(-146, 392), (-157, 440), (-163, 490), (-166, 524)],
                                   [9, 11, 7, 4]), tone=2)
    r("brachioradialis", B([(-150, 362), (-156, 398), (-163, 440), (-169, 480)],
                           [7, 10, 8, 5]), tone=5)
    r("supinator", A([(-139, 398), (-151, 402), (-156, 418), (-146, 424)]), layer=2,
      deep=True)
    r("first_dorsal_interosseous", A([(-172, 556), (-180, 560), (-183, 578), (-178, 590), (-172, 580)]),
      tone=1)
    r("dorsal_interossei", A([(-157, 565), (-176, 562), (-179, 598), (-158, 602)]), tone=4)
    # thigh (drawn first: gluteus maximus covers the hamstring origins)
    r("vastus_lateralis", A([(-88, 585), (-94, 605), (-90, 635), (-84, 668), (-79, 692),
                             (-75, 682), (-78, 640), (-82, 604)]), tone=2)
    r("semimembranosus", A([(-20, 615), (-12, 680), (-13, 722), (-21, 742), (-30, 716),
                            (-38, 668), (-37, 618)]), tone=5)
    r("adductor_magnus", A([(-9, 565), (-22, 567), (-22, 600), (-16, 638), (-10, 618)]),
      tone=3)
    r("gracilis", B([(-9, 602), (-11, 660), (-13, 710), (-18, 748)], [5, 6, 6, 4]), tone=1)
    r("semitendinosus", B([(-31, 568), (-34, 630), (-30, 685), (-24, 728)],
                          [14, 16, 11, 6]), tone=2)
    r("biceps_femoris", B([(-62, 568), (-71, 625), (-72, 685), (-70, 738)],
                          [22, 22, 15, 8]), tone=4)
    # hip: gluteus medius under the iliac crest, above and lateral to gluteus maximus,
    # the thick quadrilateral from the posterior iliac crest, sacrum and coccyx down and
    # lateral to the gluteal fold and the iliotibial band
    r("gluteus_medius", A([(-38, 462), (-58, 453), (-78, 449), (-94, 457), (-101, 478),
                           (-101, 502), (-92, 506), (-76, 492), (-56, 478), (-40, 472)]),
      tone=3)
    r("gluteus_maximus", A([(-24, 466), (-38, 466), (-58, 481), (-80, 499), (-97, 518),
                            (-101, 545), (-97, 572), (-90, 592, "s"), (-74, 584),
                            (-50, 576), (-24, 568), (-9, 556), (-3, 538, "s"), (-5, 510),
                            (-12, 484)]), tone=0)
    # leg: soleus either side of and below the two heads of gastrocnemius
    r("soleus", A([(-11, 790), (-12, 840), (-17, 890), (-24, 930), (-34, 952), (-46, 954),
                   (-56, 932), (-66, 894), (-75, 850), (-79, 800), (-66, 816), (-44, 830),
                   (-22, 816)]), tone=3)
    # gastrocnemius: one region, both heads from the femoral condyles either side of the
    # popliteal fossa, joining in the Achilles tendon (the split is a landmark line)
    r("gastrocnemius", A([(-18, 727), (-30, 738), (-44, 764, "s"), (-58, 739), (-69, 729),
                          (-74, 755), (-74, 792), (-69, 826), (-60, 848), (-50, 855),
                          (-44, 852, "s"), (-38, 866), (-28, 868), (-19, 850), (-15, 810),
                          (-15, 760)]), tone=1)
    r("fibularis_longus", B([(-74, 812), (-70, 852), (-63, 888)], [4, 5, 3]), tone=5)
    r("fibularis_brevis", B([(-58, 902), (-55, 932), (-51, 954)], [5, 5, 3]), tone=0)
    # deep layer (outlined, hatched look; on top so they can be charted)
    L2 = dict(layer=2, deep=True)
    # under the trapezius: kept slim so the trapezius stays readable (and clickable) round
    # them; on top in hit order so they can be charted where clinicians needle them
    r("semispinalis_capitis", B([(-6, 126), (-7, 156), (-7, 186)], [5, 6, 5]), **L2)
    r("splenius_cervicis", B([(-11, 220), (-14, 194), (-19, 168)], [4, 5, 4]), **L2)
    r("levator_scapulae", B([(-19, 146), (-22, 168), (-34, 190), (-48, 209)], [4, 5, 6, 5]),
      **L2)
    r("rhomboid_minor", A([(-7, 208), (-45, 227), (-46, 236), (-7, 218)]), **L2)
    r("rhomboid_major", A([(-7, 224), (-47, 241), (-51, 266), (-61, 294), (-7, 281)]),
      **L2)
    r("supraspinatus", A([(-54, 217), (-78, 214), (-103, 210), (-104, 215), (-80, 221),
                          (-56, 228)]), **L2)
    r("multifidi", B([(-6, 420), (-7, 470), (-6, 505)], [6, 8, 6]), **L2)
    r("quadratus_lumborum", A([(-24, 410), (-44, 405), (-50, 440), (-40, 455), (-25, 450)]),
      **L2)
    r("gluteus_minimus", A([(-60, 466), (-84, 460), (-97, 482), (-90, 494), (-70, 482)]),
      **L2)
    # piriformis: anterior sacrum to the top of the greater trochanter
    r("piriformis", B([(-10, 502), (-32, 502), (-60, 502), (-92, 500)], [14, 13, 10, 6]),
      **L2)
    r("flexor_digitorum_longus", B([(-19, 880), (-21, 930), (-25, 962)], [5, 5, 4]), **L2)
    r("flexor_hallucis_longus", B([(-52, 900), (-48, 945), (-43, 972)], [7, 8, 5]), **L2)
    L3 = dict(layer=3, deep=True)
    r("serratus_posterior_superior", B([(-9, 230), (-30, 241), (-50, 254)], [4, 5, 6]),
      **L3)
    r("suboccipitals", A([(-3, 121), (-15, 120), (-20, 126), (-14, 132), (-4, 131)]), **L3)
    r("tibialis_posterior", B([(-35, 862), (-34, 915)], [8, 6]), **L3)

    lm = s.landmark
    # scapula: spine (root to acromion), then superior angle - medial border - inferior
    # angle - lateral border (thin, non-clickable)
    lm(A([(-47, 239), (-62, 231), (-80, 223), (-100, 215), (-121, 207)]), width=0.7)
    lm(A([(-49, 210), (-47, 226), (-48, 245), (-53, 270), (-63, 298), (-74, 291),
          (-90, 271), (-104, 248), (-110, 236)]), width=0.45)
    # spinous processes: C7 (vertebra prominens), T1-T12, L1-L5
    ys = [200 + 17 * k for k in range(13)] + [404 + 15 * k for k in range(1, 6)]
    for y in ys:
        lm(A(ellipse(0, y, 1.4, 2.0, 6)), closed=True, width=0.5, mirror=False)  # spinous
    lm(A([(-20, 470), (-45, 455), (-75, 448), (-92, 456)]), width=0.6)  # iliac crest
    lm(A(ellipse(-17, 478, 2.4, 2.4, 8)), closed=True, width=0.5)  # sacral dimple
    lm(A([(0, 485), (0, 532)]), width=0.7, mirror=False)  # gluteal cleft
    lm(A([(-22, 742), (-44, 740), (-66, 743)]), width=0.45)  # popliteal crease
    lm(A([(-44, 700), (-31, 722), (-44, 764), (-58, 722), (-44, 700)]), width=0.4)  # fossa
    lm(A([(-44, 766), (-43.5, 800), (-43.5, 830), (-44, 851)]), width=0.55)  # heads' split
    lm(A([(-42, 862), (-41, 900), (-40, 940), (-39, 970), (-38, 1004)]), width=0.9)  # Achilles
    lm(A(ellipse(-128, 392, 4, 3, 8)), closed=True, width=0.5)  # olecranon
    lm(A([(-45, 92), (-49, 100), (-48, 112), (-44, 116)]), width=0.5)  # ear
    lm(A([(-36, 120), (-20, 126), (0, 128)]), width=0.4)  # hairline
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
    ref("gastrocnemius", A([(-20, 760), (-50, 750), (-72, 790), (-65, 850), (-40, 870),
                            (-18, 850)]))
    ref("soleus", A([(-27, 990), (-44, 986), (-52, 1002), (-45, 1014), (-30, 1014),
                     (-24, 1002)]))  # heel
    return s
