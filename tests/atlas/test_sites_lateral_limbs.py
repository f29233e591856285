"""Classic needling and trigger-point sites on atlas version 2's lateral views, hands and feet.

Each site is computed from the view's named bony landmarks (never from raw coordinates), the
way a clinician finds it: by palpating bone and measuring from it. The list and the muscles
expected there follow:

- D. G. Simons, J. G. Travell, L. S. Simons, Myofascial Pain and Dysfunction: The Trigger
  Point Manual, 2nd ed., vol. 1 (1999) and vol. 2 (Travell and Simons, 1992): chapters on
  infraspinatus, supraspinatus, deltoid, quadratus lumborum, gluteus medius and minimus,
  tensor fasciae latae, vastus lateralis, tibialis anterior, the long extensors of the toes,
  the fibularis muscles, gastrocnemius, soleus, the first dorsal interosseous, adductor and
  opponens pollicis, and the intrinsic foot muscles;
- J. Dommerholt, C. Fernandez-de-las-Penas (eds.), Trigger Point Dry Needling, 2nd ed.
  (2019): the needling approaches for the same muscles (gluteus minimus and quadratus
  lumborum from the side, the thenar and first web space, the sole).

A site returns the superficial muscle a clinician needles there in the default picture; a
deep muscle (gluteus minimus, supraspinatus, quadratus lumborum, quadratus plantae) answers
only with the deep layer shown, and never steals the superficial site above it.
"""

from __future__ import annotations

import pytest

from bodymap.atlas import Atlas, load_atlas

# the full-body views' scale: standing height 1000 units for about 175 cm
CM = 1000 / 175


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(2)


def lerp(a, b, f: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def add(a, dx: float, dy: float) -> tuple[float, float]:
    return (a[0] + dx, a[1] + dy)


LATERAL_LANDMARKS = ("mastoid", "acromion", "lateral_epicondyle", "iliac_crest_top", "asis",
                     "greater_trochanter", "patella", "fibular_head", "lateral_malleolus")
HAND_LANDMARKS = ("radial_styloid", "ulnar_styloid", "mcp1", "mcp5")
FOOT_LANDMARKS = {"foot_plantar": ("calcaneus", "mtp1", "mtp5"),
                  "foot_dorsal": ("mtp1", "mtp5", "medial_malleolus", "lateral_malleolus")}


HEAD_NECK_LATERAL = ("mastoid", "angle_of_mandible", "zygomatic_arch_mid", "tmj",
                     "clavicle_medial_end", "acromion")
HEAD_NECK_MIDLINE = ("menton", "inion", "c7", "suprasternal_notch")


def test_landmark_names_exist(atlas: Atlas) -> None:
    for view, side in (("left_lateral", "L"), ("right_lateral", "R")):
        names = set(atlas.landmarks[view])
        assert {f"{n}.{side}" for n in LATERAL_LANDMARKS} | {"c7"} <= names, view
        assert {f"{n}.{side}" for n in HEAD_NECK_LATERAL} | set(HEAD_NECK_MIDLINE) <= names
        # and each is kept by the head-and-neck view cut from it, in its own place there
        head = atlas.landmarks[f"head_neck_{view}"]
        assert {f"{n}.{side}" for n in HEAD_NECK_LATERAL} | set(HEAD_NECK_MIDLINE) \
            <= set(head), view
        # the jaw's joint lies in front of the mastoid and above the angle of the jaw;
        # the chin in front of the angle; the occiput behind the mastoid
        front = -1 if side == "L" else 1  # the face looks toward the viewer's left on L
        tmj, mastoid = names_point(head, "tmj", side), names_point(head, "mastoid", side)
        angle = names_point(head, "angle_of_mandible", side)
        assert (tmj[0] - mastoid[0]) * front > 0 and tmj[1] < angle[1], view
        assert (head["menton"][0] - angle[0]) * front > 0, view
        assert (head["inion"][0] - mastoid[0]) * front < 0, view
    for view in ("hand_palmar", "hand_dorsal"):
        assert set(atlas.landmarks[view]) == {f"{n}.{s}" for n in HAND_LANDMARKS
                                              for s in "LR"}, view
    for view, names in FOOT_LANDMARKS.items():
        assert set(atlas.landmarks[view]) == {f"{n}.{s}" for n in names for s in "LR"}, view


def names_point(named: dict, name: str, side: str) -> tuple[float, float]:
    return named[f"{name}.{side}"]


# -- the lateral views: (what, site from the landmarks, layer, muscle expected) ------------
def lateral_sites(p: dict, side: str) -> list:
    """Sites on one lateral view; `p` maps landmark base names to points. The patient faces
    the viewer's left on the left lateral view, so "back" is +x there and -x on the right."""
    back = 1 if side == "L" else -1
    crest, gt, asis = p["iliac_crest_top"], p["greater_trochanter"], p["asis"]
    fh, lm, acromion = p["fibular_head"], p["lateral_malleolus"], p["acromion"]
    return [
        # gluteus medius: just below the middle of the iliac crest (TrP2), and in front of
        # the crest top toward the ASIS but behind TFL (TrP3)
        ("mid-crest gluteus medius", lerp(crest, gt, 0.3), "superficial", "gluteus_medius"),
        ("anterior gluteus medius", add(lerp(asis, crest, 0.6), 0, 4 * CM), "superficial",
         "gluteus_medius"),
        # gluteus minimus lies under medius between the ASIS and the trochanter: the deep
        # layer finds it, the default picture gives the superficial muscle over it
        ("anterior gluteus minimus", add(lerp(asis, gt, 0.5), back * 2.5 * CM, -CM), "deep",
         "gluteus_minimus"),
        ("over gluteus minimus", add(lerp(asis, gt, 0.5), back * 2.5 * CM, -CM),
         "superficial", "gluteus_medius"),
        # tensor fasciae latae: a few cm below and behind the ASIS
        ("tensor fasciae latae", add(asis, back * 1.5 * CM, 5 * CM), "superficial",
         "tensor_fasciae_latae"),
        # vastus lateralis: mid-lateral thigh, and under the iliotibial band distally
        ("mid vastus lateralis", lerp(gt, fh, 0.5), "superficial", "vastus_lateralis"),
        ("distal vastus lateralis under the ITB", lerp(gt, fh, 0.72), "superficial",
         "vastus_lateralis"),
        ("proximal vastus lateralis below the trochanter", add(gt, 0, 6 * CM),
         "superficial", "vastus_lateralis"),
        # fibularis longus 2-4 cm below the fibular head (distal to the common fibular
        # nerve at the neck); brevis in the lower third above the malleolus
        ("fibularis longus", add(fh, 0, 4 * CM), "superficial", "fibularis_longus"),
        ("fibularis brevis", add(lerp(fh, lm, 0.7), back * 0.6 * CM, 0), "superficial",
         "fibularis_brevis"),
        # anterior compartment: tibialis anterior in its upper third, in front of the
        # extensor digitorum longus
        ("tibialis anterior", add(lerp(fh, lm, 0.3), -back * 4.4 * CM, 0), "superficial",
         "tibialis_anterior"),
        ("extensor digitorum longus", add(lerp(fh, lm, 0.25), -back * 2.1 * CM, 0),
         "superficial", "extensor_digitorum_longus"),
        # calf: lateral head of gastrocnemius behind and below the fibular head; lateral
        # soleus below it, half-way down the leg
        ("gastrocnemius lateral head", add(fh, back * 3.5 * CM, 8 * CM), "superficial",
         "gastrocnemius"),
        ("lateral soleus", add(lerp(fh, lm, 0.5), back * 3.5 * CM, 0), "superficial",
         "soleus"),
        # shoulder: infraspinatus below the spine of the scapula, supraspinatus above it
        # under the trapezius (deep), middle deltoid below the acromion
        ("infraspinatus", add(acromion, back * 5 * CM, 7 * CM), "superficial",
         "infraspinatus"),
        ("supraspinatus", add(acromion, back * 4 * CM, 1.2 * CM), "deep", "supraspinatus"),
        ("middle deltoid", lerp(acromion, p["lateral_epicondyle"], 0.15), "superficial",
         "deltoid_middle"),
        # quadratus lumborum from the flank, above the crest behind its top (deep)
        ("quadratus lumborum", add(crest, back * 5 * CM, -4 * CM), "deep",
         "quadratus_lumborum"),
        ("over quadratus lumborum", add(crest, back * 5 * CM, -4 * CM), "superficial",
         "latissimus_dorsi"),
    ]


def _named(atlas: Atlas, view: str, side: str) -> dict:
    return {name.rsplit(".", 1)[0]: xy for name, xy in atlas.landmarks[view].items()
            if name.endswith(f".{side}") or "." not in name}


@pytest.mark.parametrize("view, side", [("left_lateral", "L"), ("right_lateral", "R")])
def test_lateral_needling_sites(atlas: Atlas, view: str, side: str) -> None:
    sites = lateral_sites(_named(atlas, view, side), side)
    assert len(sites) >= 15
    for what, (x, y), layer, muscle in sites:
        region = atlas.region_at(view, x, y, layer=layer)
        assert region is not None, (view, what, (x, y))
        assert (region.muscle, region.side) == (muscle, side), (view, what, region.id)


def test_nothing_hides_the_lateral_hip_and_thigh(atlas: Atlas) -> None:
    """Between the iliac crest and the knee, every point on the trunk and thigh is a hip or
    thigh muscle (or bare skin), never the arm or the hand (which reach forward, clear of
    the body)."""
    arm = {"triceps_brachii", "biceps_brachii", "brachialis", "brachioradialis",
           "extensor_carpi_radialis", "extensor_carpi_radialis_longus",
           "extensor_carpi_radialis_brevis", "extensor_carpi_ulnaris", "extensor_digitorum",
           "first_dorsal_interosseous", "thenar_muscles", "deltoid_anterior",
           "deltoid_middle", "deltoid_posterior"}
    p = _named(atlas, "left_lateral", "L")
    top, bottom = p["iliac_crest_top"][1], p["patella"][1]
    seen = set()
    for j in range(int(top), int(bottom), 3):
        for i in range(200, 420, 3):
            region = atlas.region_at("left_lateral", i + 0.5, j + 0.5)
            if atlas.on_body("left_lateral", i + 0.5, j + 0.5) and region is not None:
                assert region.muscle not in arm, (i, j, region.id)
                seen.add(region.muscle)
    assert {"gluteus_medius", "tensor_fasciae_latae", "vastus_lateralis",
            "gluteus_maximus", "rectus_femoris", "biceps_femoris"} <= seen


# -- hands and feet --------------------------------------------------------------------------
def hand_foot_sites(atlas: Atlas, side: str) -> list:
    hp = _named(atlas, "hand_palmar", side)
    hd = _named(atlas, "hand_dorsal", side)
    fp = _named(atlas, "foot_plantar", side)
    fd = _named(atlas, "foot_dorsal", side)
    ball = lerp(fp["mtp1"], fp["mtp5"], 0.5)
    ankle = lerp(fd["medial_malleolus"], fd["lateral_malleolus"], 0.5)
    medial = (fp["mtp1"][0] - fp["mtp5"][0], fp["mtp1"][1] - fp["mtp5"][1])
    return [
        # first dorsal interosseous: the web between the first two metacarpals, on the back
        ("hand_dorsal", "first dorsal interosseous", lerp(hd["mcp1"], hd["mcp5"], 0.25),
         "superficial", "first_dorsal_interosseous"),
        # adductor pollicis: the palmar side of the first web space
        ("hand_palmar", "adductor pollicis", lerp(hp["mcp1"], hp["mcp5"], 0.3),
         "superficial", "adductor_pollicis"),
        # thenar eminence (abductor and flexor pollicis brevis, opponens): half-way from the
        # radial styloid to the thumb's MCP joint
        ("hand_palmar", "thenar eminence", lerp(hp["radial_styloid"], hp["mcp1"], 0.5),
         "superficial", "thenar_muscles"),
        ("hand_palmar", "hypothenar eminence", lerp(hp["ulnar_styloid"], hp["mcp5"], 0.5),
         "superficial", "hypothenar_muscles"),
        # abductor hallucis along the medial arch, half-way from the heel to the ball
        ("foot_plantar", "abductor hallucis",
         add(lerp(fp["calcaneus"], fp["mtp1"], 0.5), medial[0] * 0.25, medial[1] * 0.25),
         "superficial", "abductor_hallucis"),
        # flexor digitorum brevis in the middle of the sole; quadratus plantae deep to it
        # just in front of the heel
        ("foot_plantar", "flexor digitorum brevis", lerp(fp["calcaneus"], ball, 0.45),
         "superficial", "flexor_digitorum_brevis"),
        ("foot_plantar", "quadratus plantae", lerp(fp["calcaneus"], ball, 0.2), "deep",
         "quadratus_plantae"),
        ("foot_plantar", "over quadratus plantae", lerp(fp["calcaneus"], ball, 0.2),
         "superficial", "flexor_digitorum_brevis"),
        # extensor digitorum brevis: the soft mound in front of the lateral malleolus
        ("foot_dorsal", "extensor digitorum brevis",
         lerp(fd["lateral_malleolus"], fd["mtp1"], 0.35), "superficial",
         "extensor_digitorum_brevis"),
        # the interossei between the first two metatarsals, needled from the dorsum
        ("foot_dorsal", "first dorsal interosseous of the foot",
         lerp(lerp(fd["mtp1"], fd["mtp5"], 0.12), ankle, 0.25), "superficial",
         "foot_interossei"),
    ]


@pytest.mark.parametrize("side", ["L", "R"])
def test_hand_and_foot_needling_sites(atlas: Atlas, side: str) -> None:
    for view, what, (x, y), layer, muscle in hand_foot_sites(atlas, side):
        region = atlas.region_at(view, x, y, layer=layer)
        assert region is not None, (view, what, (x, y))
        assert (region.muscle, region.side) == (muscle, side), (view, what, region.id)


def test_each_hand_and_foot_says_which_it_is(atlas: Atlas) -> None:
    """The left hand or foot is on the viewer's left in all four views (so neither swaps
    sides between its two views), `facing` says so, and the words under each say which."""
    for view_id, word in (("hand_palmar", "hand"), ("hand_dorsal", "hand"),
                          ("foot_plantar", "foot"), ("foot_dorsal", "foot")):
        view = atlas.view(view_id)
        assert view.facing == "posterior", view_id
        for region in atlas.regions_in(view_id):
            on_left = region.centroid[0] < view.midline_x
            assert on_left == (region.side == "L"), region.id
        svg = view.svg
        left, right = svg.index(f">Left {word}</text>"), svg.index(f">Right {word}</text>")
        assert left > 0 and right > 0


# -- click targets ---------------------------------------------------------------------------
MINE = ("left_lateral", "right_lateral", "hand_palmar", "hand_dorsal", "foot_plantar",
        "foot_dorsal")


def test_every_muscle_of_these_views_offers_8_px(atlas: Atlas) -> None:
    """Each muscle drawn in these views offers at least 8 px at the default visit window in
    at least one view (the forearm muscles get theirs on the hand views' wrists)."""
    from bodymap.atlas.targets import MIN_TARGET_PX, best_targets

    best = best_targets(atlas)
    drawn = {r.muscle for r in atlas.regions if r.view in MINE}
    small = sorted((round(best[m][0], 1), m) for m in drawn if best[m][0] < MIN_TARGET_PX)
    assert not small, small
    for muscle in ("flexor_hallucis_brevis", "adductor_hallucis", "foot_interossei",
                   "fibularis_brevis", "extensor_hallucis_longus", "extensor_carpi_ulnaris"):
        assert best[muscle][0] >= MIN_TARGET_PX, (muscle, best[muscle])
