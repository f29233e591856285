"""Hands and feet detail views, both sides in one view, drawn at their own scale.

Each hand or foot is built from its skeleton in its own coordinates (x across, y down the
page, origin at the knuckles or the metatarsal heads): the metacarpals or metatarsals and
the digits' joints are placed first, the outline runs round the digits, and each muscle
lies between the bones it joins. The LEFT hand or foot is drawn on the viewer's left in all
four views, so neither swaps sides between the palmar and dorsal (or plantar and dorsal)
view, and each one says which it is in words under it.
"""

from __future__ import annotations

import math

from scene import Fibres, Scene, band, ellipse

HW, HH, HMID = 560.0, 480.0, 280.0
LABEL_Y = 462.0


def _unit(deg: float) -> tuple[float, float]:
    """Direction `deg` degrees from straight up the page, positive toward +x."""
    return (math.sin(math.radians(deg)), -math.cos(math.radians(deg)))


def _along(p, deg: float, s: float, n: float = 0.0) -> tuple[float, float]:
    """From p: s along direction `deg`, n to its +x side."""
    dx, dy = _unit(deg)
    return (p[0] + dx * s - dy * n, p[1] + dy * s + dx * n)


def _angle(a, b) -> float:
    """Fibres angle (0 along x, 90 along y) of the direction a->b."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


class Digit:
    """A finger or toe: base (its metacarpo- or metatarsophalangeal joint), direction,
    length to the tip, width at the base and at the tip, joint positions (fractions)."""

    def __init__(self, base, deg, length, w0, w1, joints=(0.45, 0.73)):
        self.base, self.deg, self.length, self.w0, self.w1 = base, deg, length, w0, w1
        self.joints = joints

    def width(self, s: float) -> float:
        return self.w0 + (self.w1 - self.w0) * min(s / self.length, 1.0)

    def at(self, s: float, n: float = 0.0) -> tuple[float, float]:
        return _along(self.base, self.deg, s, n)

    def side(self, s: float, sign: int) -> tuple[float, float]:
        return self.at(s, sign * self.width(s) / 2)

    def outline(self, s_left: float, s_right: float) -> list:
        """Up the -x side from s_left, round the tip, down the +x side to s_right."""
        r = self.w1 / 2
        top = self.length - r
        pts = [self.side(s, -1) for s in (s_left, (s_left + top) / 2, top)]
        for k in range(1, 6):
            a = math.pi * k / 6  # round the tip from the -x side to the +x side
            pts.append(self.at(top + r * math.sin(a), -r * math.cos(a)))
        pts += [self.side(s, 1) for s in (top, (s_right + top) / 2, s_right)]
        return pts

    def crease(self, f: float, inset: float = 2.5) -> list:
        s = self.length * f
        w = self.width(s) / 2 - inset
        return [self.at(s, -w), self.at(s - 1.5, 0), self.at(s, w)]


# ---- the hand (a left hand seen from the palm; thumb toward -x) -----------------------------
# From the wrist crease to the middle finger's knuckle about 0.45 of the hand's length, from
# the knuckle to the tip 0.55 (so the palm, to the finger crease, about as long as the
# finger); the hand about 0.45 as broad as it is long; the thumb rises from the radial side
# of the wrist, its metacarpal abducted about 40 degrees, its tip beside the middle of the
# index finger's proximal phalanx.
FINGERS = (
    Digit((-47, 0), -6, 132, 29, 23),  # index
    Digit((-15, -6), -1, 148, 30, 24),  # middle
    Digit((16, -2), 5, 138, 28, 22),  # ring
    Digit((45, 10), 13, 106, 24, 19),  # little
)
CMC1 = (-42.0, 96.0)
MCP1 = _along(CMC1, -38, 66)
THUMB = Digit(MCP1, -20, 100, 33, 25, joints=(0.5,))
METACARPAL_BASES = ((-30, 110), (-8, 112), (12, 112), (30, 108))
RADIAL_STYLOID = (-52.0, 122.0)
ULNAR_STYLOID = (50.0, 124.0)
WRIST_Y, CUT_Y = 118.0, 160.0
HAND_SCALE = 1.2  # hand coordinates -> view units


def hand_outline() -> list:
    idx, mid, ring, little = FINGERS
    pts: list = [(-50, CUT_Y, "s"), RADIAL_STYLOID, (-62, 106), (-76, 86), (-90, 66)]
    # thumb: outer (radial) border up to the tip, inner border back to the web
    pts += [THUMB.at(0, -THUMB.w0 / 2 - 3), THUMB.at(30, -THUMB.width(30) / 2)]
    pts += THUMB.outline(60, 60)[2:-1]  # the tip and the inner border
    pts += [THUMB.at(22, THUMB.width(22) / 2), (-70, 18), (-64, 6)]  # web of the thumb
    pts += idx.outline(10, 34)
    web = lambda a, b, s: ((a.side(s, 1)[0] + b.side(s, -1)[0]) / 2,  # noqa: E731
                           (a.side(s, 1)[1] + b.side(s, -1)[1]) / 2 + 3)
    pts += [web(idx, mid, 30)]
    pts += mid.outline(36, 34)
    pts += [web(mid, ring, 30)]
    pts += ring.outline(34, 30)
    pts += [web(ring, little, 24)]
    pts += little.outline(26, 12)
    pts += [(66, 24), (70, 52), (68, 82), (62, 104), ULNAR_STYLOID, (50, CUT_Y, "s")]
    return pts


def build_hand(view_id: str, palmar: bool) -> Scene:
    """The left hand on the viewer's left (palm or back), the right hand its mirror image on
    the viewer's right."""
    # hand coordinates -> view: the palm shows its thumb on the outside (viewer's left), the
    # back of the same left hand shows it on the inside
    ox, oy, k = (176.0 if palmar else 100.0), 228.0, HAND_SCALE
    flip = 1.0 if palmar else -1.0

    def v(pts: list) -> list:
        out = [(ox + flip * k * p[0], oy + k * p[1]) + tuple(p[2:]) for p in pts]
        return out if flip > 0 else out[::-1]

    def vp(p) -> tuple[float, float]:
        return (ox + flip * k * p[0], oy + k * p[1])

    s = Scene(view_id, HW, HH, HMID, left_side="L")
    s.set_silhouette_islands(v(hand_outline()))
    for name, p in (("radial_styloid", RADIAL_STYLOID), ("ulnar_styloid", ULNAR_STYLOID),
                    ("mcp1", MCP1), ("mcp5", FINGERS[3].base)):
        s.point(name, *vp(p))

    def r(muscle, pts, fibres=None, **kw):
        if fibres is not None:
            fibres = _flip_fibres(fibres, vp, flip)
        s.region(muscle, v(pts), fibres=fibres, **kw)

    def lm(pts, **kw):
        s.landmark([vp(p) for p in pts], **kw)

    def bone(pts, closed=True):
        s.bone([vp(p) for p in pts], closed=closed)

    bone(ellipse(*RADIAL_STYLOID, 6, 5, 8))
    bone(ellipse(*ULNAR_STYLOID, 5, 5, 8))
    idx, mid, ring, little = FINGERS
    if palmar:
        bone(ellipse(40, 108, 6, 6, 8))  # pisiform
        # adductor pollicis in the web: from the third metacarpal (transverse head) and the
        # capitate (oblique head) to the ulnar side of the thumb's base
        r("adductor_pollicis", [(-74, 36), (-62, 18), (-44, 10), (-20, 12), (-16, 40),
                                (-20, 72), (-38, 70), (-56, 54)], tone=3,
          fibres=Fibres(apex=(-78, 38), spacing=5))
        # thenar eminence (abductor and flexor pollicis brevis over opponens): from the
        # flexor retinaculum and the trapezium to the base of the thumb
        r("thenar_muscles", [(-18, 116), (-38, 120), (-54, 112), (-66, 96), (-80, 76),
                             (-94, 56), (-90, 42), (-78, 40), (-64, 46), (-50, 58),
                             (-40, 74), (-30, 90), (-22, 104)], tone=0,
          fibres=Fibres(apex=_along(MCP1, -20, 12), spacing=5))
        # hypothenar eminence on the ulnar border, pisiform to the little finger
        r("hypothenar_muscles", [(30, 114), (48, 116), (62, 100), (68, 76), (68, 46),
                                 (62, 22), (50, 18), (40, 40), (36, 70), (32, 94)], tone=5,
          fibres=Fibres(angle=_angle((44, 112), (56, 20)), spacing=5))
        # the distal forearm above the wrist: flexor carpi radialis, flexor digitorum
        # superficialis (under the palmaris longus tendon), flexor carpi ulnaris
        r("flexor_carpi_radialis", [(-46, 128), (-16, 128), (-15, 156), (-47, 156)], tone=4,
          fibres=Fibres(angle=92, spacing=5))
        r("flexor_digitorum_superficialis", [(-16, 128), (16, 128), (17, 156), (-15, 156)],
          tone=2, fibres=Fibres(angle=90, spacing=5))
        r("flexor_carpi_ulnaris", [(16, 128), (46, 128), (47, 156), (17, 156)], tone=1,
          fibres=Fibres(angle=86, spacing=5))
        # deep: the palmar interossei (with the lumbricals) between the metacarpals
        r("palmar_interossei", [(-40, 16), (-14, 12), (20, 14), (44, 22), (42, 64),
                                (20, 74), (-14, 74), (-34, 64)], layer=3, deep=True,
          fibres=Fibres(angle=-90, spacing=6))
        for d in FINGERS:
            for f in (0.02,) + d.joints:  # finger crease, proximal and distal joints
                lm(d.crease(f), width=0.7)
        for f in (0.02, 0.5):
            lm(THUMB.crease(f), width=0.7)
        lm([(-62, 16), (-48, 44), (-38, 66), (-28, 88), (-20, 106), (-14, 120)],
           width=0.8)  # thenar crease round the thenar eminence
        lm([(-62, 12), (-30, 22), (10, 34), (40, 46)], width=0.7)  # proximal palmar crease
        lm([(-34, 2), (0, 6), (36, 14), (66, 26)], width=0.7)  # distal palmar crease
        lm([(-50, WRIST_Y), (0, WRIST_Y + 4), (50, WRIST_Y)], width=0.8)  # wrist crease
        lm([(-46, WRIST_Y + 9), (0, WRIST_Y + 12), (46, WRIST_Y + 9)], width=0.5)
    else:
        # the metacarpals (palpable on the back of the hand)
        heads = [d.base for d in FINGERS]
        for base, head in zip(METACARPAL_BASES, heads):
            bone(band([base, head], [7, 9]))
        bone(band([CMC1, MCP1], [9, 10]))
        # first dorsal interosseous: from the facing sides of the first and second
        # metacarpals to the radial side of the index finger's base (bipennate)
        r("first_dorsal_interosseous", [(-38, 100), (-52, 86), (-66, 68), (-80, 50),
                                        (-76, 38), (-68, 22), (-60, 8), (-55, -4),
                                        (-44, 0), (-40, 24), (-36, 54), (-34, 80)], tone=1,
          fibres=Fibres(tendon=((-40, 92), (-54, 2)), angle=24, spacing=5))
        # dorsal interossei 2-4: one between each pair of metacarpals, joined at the bases
        r("dorsal_interossei", _interossei(METACARPAL_BASES, heads), tone=4,
          fibres=Fibres(angle=-92, spacing=4))
        # abductor digiti minimi along the ulnar border
        r("hypothenar_muscles", [(44, 106), (58, 106), (68, 80), (70, 50), (64, 22),
                                 (54, 20), (52, 50), (50, 80)], tone=5,
          fibres=Fibres(angle=_angle((52, 102), (58, 22)), spacing=4))
        # the distal forearm above the wrist: extensor digitorum, extensor carpi ulnaris
        r("extensor_digitorum", [(-46, 128), (14, 128), (15, 156), (-47, 156)], tone=0,
          fibres=Fibres(angle=90, spacing=5))
        r("extensor_carpi_ulnaris", [(14, 128), (46, 128), (47, 156), (15, 156)], tone=2,
          fibres=Fibres(angle=86, spacing=5))
        for d in FINGERS:  # extensor tendons (faint), knuckles, joint folds, nails
            start = (d.base[0] * 0.3, 126)  # side by side under the extensor retinaculum
            lm([start, _lerp(start, d.base, 0.5), d.at(0), d.at(d.length * 0.6)],
               width=0.5)
            lm([d.at(4, -d.w0 / 2 + 3), d.at(9, 0), d.at(4, d.w0 / 2 - 3)], width=0.7)
            for f in d.joints:
                lm(d.crease(f, 4), width=0.55)
            lm(_nail(d), width=0.6, closed=True)
        lm([(-28, 122), _lerp(CMC1, MCP1, 0.5), THUMB.at(40)], width=0.5)  # thumb tendon
        lm(_nail(THUMB), width=0.6, closed=True)
    # say which hand is which, under each
    s.label(vp((0, 0))[0], LABEL_Y, "Left hand")
    s.label(2 * HMID - vp((0, 0))[0], LABEL_Y, "Right hand")
    return s


def _lerp(a, b, f: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def _nail(d: Digit) -> list:
    top = d.length - 3
    w = d.w1 / 2 - 4
    return [d.at(top - 20, -w), d.at(top - 3, -w), d.at(top, 0), d.at(top - 3, w),
            d.at(top - 20, w), d.at(top - 22, 0)]


def _interossei(bases, heads, inset: float = 6.0) -> list:
    """One outline for the interossei between consecutive bones: a lobe in each space,
    joined near the bases."""
    lines = list(zip(bases, heads))

    def on(i, f, dx):
        b, h = lines[i]
        p = _lerp(b, h, f)
        return (p[0] + dx, p[1])

    pts: list = [on(0, 0.12, inset)]
    last = len(lines) - 1
    for i in range(last):
        pts += [on(i, 0.3, inset), on(i, 0.88, inset), on(i, 0.95, inset + 4),
                on(i + 1, 0.95, -inset - 4), on(i + 1, 0.88, -inset), on(i + 1, 0.3, -inset)]
        if i + 1 < last:
            pts.append(on(i + 1, 0.2, 0) + ("s",))
    pts.append(on(last, 0.12, -inset))
    for i in range(last - 1, 0, -1):
        pts.append(on(i, 0.05, 0))
    return pts


def _flip_fibres(f: Fibres, vp, flip: float) -> Fibres:
    """Fibres given in hand or foot coordinates -> view coordinates."""
    kw = dict(spacing=f.spacing, width=f.width, inset=f.inset)
    if f.apex is not None:
        return Fibres(apex=vp(f.apex), **kw)
    if f.tendon is not None:
        return Fibres(tendon=(vp(f.tendon[0]), vp(f.tendon[1])), angle=f.angle, **kw)
    return Fibres(angle=f.angle if flip > 0 else 180 - f.angle, **kw)


# ---- the foot (a left foot seen from the sole; big toe toward -x) ---------------------------
# Foot length 0.152H and breadth 0.055H (DOMAIN.md): about 2.8 times as long as it is broad
# at the ball; the heel about two thirds of that breadth; the second toe nearly as long as
# the big toe; the base of the fifth metatarsal a bump on the lateral border.
TOES = (
    Digit((-44, 0), -4, 90, 36, 29, joints=(0.55,)),  # big toe: two phalanges
    Digit((-12, -8), 2, 72, 22, 17, joints=(0.5, 0.75)),
    Digit((11, -2), 7, 62, 21, 16, joints=(0.5, 0.75)),
    Digit((32, 8), 12, 53, 20, 15, joints=(0.5, 0.75)),
    Digit((51, 22), 18, 43, 19, 14, joints=(0.5, 0.75)),
)
METATARSAL_BASES = ((-38, 150), (-18, 140), (2, 142), (22, 148), (40, 160))
MT5_BASE = (58.0, 112.0)  # tuberosity of the fifth metatarsal
CALCANEUS = (0.0, 262.0)
MEDIAL_MALLEOLUS = (-50.0, 226.0)
LATERAL_MALLEOLUS = (48.0, 244.0)  # lower and further back than the medial one
ANKLE_Y = 264.0  # where the dorsal view cuts the leg


def _toes_outline() -> list:
    """Medial border of the big toe round every toe to the lateral side of the fifth."""
    pts: list = []
    webs = (26, 22, 20, 18)
    for i, toe in enumerate(TOES):
        s_left = 30 if i == 0 else webs[i - 1]
        s_right = webs[i] if i < 4 else 14
        pts += toe.outline(s_left, s_right)
        if i < 4:
            a, b = toe.side(s_right, 1), TOES[i + 1].side(webs[i], -1)
            pts.append(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + 4))
    return pts


def foot_outline(plantar: bool) -> list:
    medial_ball = [(-66, 16)]
    lateral = [(68, 40), (70, 74), MT5_BASE, (54, 150), (48, 196)]
    if plantar:  # the whole sole, round the heel
        back = [(44, 236), (38, 270), (22, 292), (0, 298), (-22, 292), (-38, 276),
                (-46, 246), (-52, 200), (-58, 140), (-64, 80)]
    else:  # the top of the foot, cut across the ankle between the malleoli
        back = [(46, 224), (LATERAL_MALLEOLUS[0] + 5, LATERAL_MALLEOLUS[1]),
                (42, ANKLE_Y, "s"), (-44, ANKLE_Y, "s"),
                (MEDIAL_MALLEOLUS[0] - 5, MEDIAL_MALLEOLUS[1]), (-56, 180), (-60, 130),
                (-64, 80)]
    return back[-3:] + medial_ball + _toes_outline() + lateral + back[:-3]


def build_foot(view_id: str, plantar: bool) -> Scene:
    """The left foot on the viewer's left (sole or top), the right foot its mirror image on
    the viewer's right."""
    ox, oy, flip = 140.0, 142.0, (1.0 if plantar else -1.0)

    def v(pts: list) -> list:
        out = [(ox + flip * p[0], oy + p[1]) + tuple(p[2:]) for p in pts]
        return out if flip > 0 else out[::-1]

    def vp(p) -> tuple[float, float]:
        return (ox + flip * p[0], oy + p[1])

    s = Scene(view_id, HW, HH, HMID, left_side="L")
    s.set_silhouette_islands(v(foot_outline(plantar)))
    named = [("mtp1", TOES[0].base), ("mtp5", TOES[4].base)]
    named += [("calcaneus", CALCANEUS)] if plantar else [
        ("medial_malleolus", MEDIAL_MALLEOLUS), ("lateral_malleolus", LATERAL_MALLEOLUS)]
    for name, p in named:
        s.point(name, *vp(p))

    def r(muscle, pts, fibres=None, **kw):
        if fibres is not None:
            fibres = _flip_fibres(fibres, vp, flip)
        s.region(muscle, v(pts), fibres=fibres, **kw)

    def lm(pts, **kw):
        s.landmark([vp(p) for p in pts], **kw)

    def bone(pts, closed=True):
        s.bone([vp(p) for p in pts], closed=closed)

    heads = [t.base for t in TOES]
    if plantar:
        bone(ellipse(0, 258, 30, 26, 10))  # calcaneal tuberosity under the heel pad
        bone(ellipse(*MT5_BASE, 6, 9, 8))
        for h in heads:
            bone(ellipse(h[0], h[1] + 8, 9, 7, 8))  # metatarsal heads under the ball
        # deep layer first drawn, but shown only with the deep layer on
        L = dict(layer=3, deep=True)
        r("quadratus_plantae", [(-24, 240), (18, 240), (18, 200), (6, 156), (-12, 154),
                                (-26, 196)], **L, fibres=Fibres(apex=(-4, 140), spacing=5))
        r("adductor_hallucis", [(-36, 14), (-20, 2), (10, 6), (40, 20), (46, 36), (12, 32),
                                (2, 62), (6, 110), (-8, 122), (-22, 84), (-32, 44)], **L,
          fibres=Fibres(apex=(-40, 18), spacing=5))
        # superficial: abductor hallucis on the medial border, flexor digitorum brevis in
        # the middle, abductor digiti minimi on the lateral border (all from the
        # calcaneus), flexor hallucis brevis under the first metatarsal
        r("flexor_hallucis_brevis", [(-44, 112), (-28, 100), (-20, 60), (-22, 20), (-34, 6),
                                     (-46, 12), (-48, 60)], tone=3,
          fibres=Fibres(angle=-95, spacing=4.5))
        r("flexor_digitorum_brevis", [(-20, 236), (0, 228), (20, 234), (24, 190), (30, 120),
                                      (40, 60), (32, 38), (10, 32), (-12, 28), (-24, 48),
                                      (-28, 120), (-26, 190)], tone=2,
          fibres=Fibres(apex=(0, 300), spacing=6))
        r("abductor_hallucis", band([(-33, 236), (-38, 200), (-44, 130), (-48, 64),
                                     (-49, 16)], [18, 22, 20, 16, 10]), tone=0,
          fibres=Fibres(angle=_angle((-40, 260), (-57, 20)), spacing=4.5))
        r("abductor_digiti_minimi", band([(28, 236), (34, 200), (44, 130), (54, 72),
                                          (56, 30)], [18, 20, 20, 16, 10]), tone=4,
          fibres=Fibres(angle=_angle((24, 264), (58, 30)), spacing=4.5))
        lm(ellipse(0, 258, 38, 32, 12), closed=True, width=0.5)  # heel pad
        lm([(-64, 30), (-30, 18), (10, 20), (40, 34), (66, 52)], width=0.6)  # ball crease
        for t in TOES:
            lm(t.crease(0.22 if t is TOES[0] else 0.3), width=0.6)
            for f in t.joints:
                lm(t.crease(f + 0.05), width=0.45)
        s.referral("soleus", v([(-26, 262), (0, 246), (26, 262), (20, 290), (-20, 290)]))
        s.referral("gastrocnemius", v([(-48, 190), (-58, 130), (-62, 70), (-50, 70),
                                       (-44, 130)]))  # instep
    else:
        for base, head in zip(METATARSAL_BASES, heads):
            bone(band([base, head], [7, 9]))
        bone(ellipse(*MT5_BASE, 6, 9, 8))
        bone(ellipse(*MEDIAL_MALLEOLUS, 9, 11, 8))
        bone(ellipse(*LATERAL_MALLEOLUS, 8, 11, 8))
        # dorsal interossei between the metatarsals (one id with the plantar interossei:
        # both are needled from the dorsum between the shafts)
        r("foot_interossei", _interossei(METATARSAL_BASES, heads, inset=6.5), tone=4,
          fibres=Fibres(angle=-92, spacing=4))
        # extensor digitorum brevis (with extensor hallucis brevis): from the calcaneus in
        # front of the lateral malleolus, forward and medially to toes one to four
        r("extensor_digitorum_brevis", [(46, 222), (30, 228), (12, 212), (-8, 178),
                                        (-24, 140), (-26, 118), (-12, 112), (0, 124),
                                        (10, 116), (22, 128), (36, 150), (48, 192)], tone=1,
          fibres=Fibres(angle=_angle((40, 214), (-14, 124)), spacing=4))
        r("abductor_hallucis", band([(-44, 200), (-50, 140), (-55, 80), (-56, 30)],
                                    [12, 15, 13, 8]), tone=0,
          fibres=Fibres(angle=_angle((-48, 206), (-61, 30)), spacing=4))
        r("abductor_digiti_minimi", band([(38, 196), (44, 150), (52, 100), (58, 50)],
                                         [10, 12, 12, 8]), tone=5,
          fibres=Fibres(angle=_angle((46, 200), (64, 40)), spacing=4))
        # tendons, faint: extensor hallucis longus to the big toe, extensor digitorum longus
        # dividing into four for the lesser toes, tibialis anterior to the medial cuneiform
        lm([(-14, ANKLE_Y - 2), (-26, 180), (-40, 90), TOES[0].at(0), TOES[0].at(70)],
           width=0.8)
        for k, t in enumerate(TOES[1:]):
            start = (2 + 5 * k, ANKLE_Y - 2)  # side by side under the retinaculum
            mid = (start[0] + (t.base[0] - start[0]) * 0.3, 196)
            lm([start, mid, _lerp(mid, t.base, 0.6), t.at(0), t.at(t.length * 0.7)],
               width=0.55)
        lm([(-28, ANKLE_Y - 2), (-36, 210), (-44, 170)], width=0.9)
        for t in TOES:
            lm(_nail(t), width=0.6, closed=True)
            for f in t.joints:
                lm(t.crease(f, 3), width=0.45)
    s.label(vp((0, 0))[0], LABEL_Y, "Left foot")
    s.label(2 * HMID - vp((0, 0))[0], LABEL_Y, "Right foot")
    return s
