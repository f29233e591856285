"""Shape checks of the drawings where clinicians expect a classic picture (coarse landmarks
of the posterior, lateral and detail views; full-body scale: height 1000, floor y=1020)."""

import pytest

from bodymap.atlas import Atlas, load_atlas


def _bbox(atlas: Atlas, rid: str) -> tuple[float, float, float, float]:
    return atlas.region(rid).bbox


def test_trapezius_is_a_kite(atlas: Atlas) -> None:
    mid = atlas.view("posterior").midline_x
    ux0, uy0, ux1, uy1 = _bbox(atlas, "posterior.upper_trapezius.L")
    mx0, my0, mx1, my1 = _bbox(atlas, "posterior.middle_trapezius.L")
    lx0, ly0, lx1, ly1 = _bbox(atlas, "posterior.lower_trapezius.L")
    assert uy0 < 122 and ux1 > mid - 3, "upper part starts at the occiput, at the midline"
    assert ux0 < mid - 115 and mx0 < mid - 115, "upper and middle parts reach the acromion"
    assert mx1 > mid - 3 and 195 <= my0 <= 205 and my1 >= 248, "middle part: C7-T3"
    # T12's spinous process: the atlas's landmark where it has one (version 1: y 404)
    t12 = atlas.landmarks.get("posterior", {}).get("t12", (mid, 402.0))[1]
    assert ly1 >= t12 - 2 and lx1 > mid - 3, "lower part reaches T12 at the midline"
    assert lx0 < mid - 45 and ly0 < 245, "lower part converges on the root of the spine"
    # the deep muscles under it stay clickable, and so does each trapezius part
    for muscle in ("upper_trapezius", "middle_trapezius", "lower_trapezius", "rhomboid_major",
                   "rhomboid_minor", "supraspinatus", "levator_scapulae",
                   "serratus_posterior_superior"):
        for side in "LR":
            region = atlas.region(f"posterior.{muscle}.{side}")
            # in its own layer: the deep muscles once the deep layer is shown
            assert atlas.region_at("posterior", *region.anchor, layer=region.depth) is region


def test_buttock_and_calf(atlas: Atlas) -> None:
    mid = atlas.view("posterior").midline_x
    x0, y0, x1, y1 = _bbox(atlas, "posterior.gluteus_maximus.L")
    assert y0 < 470 and y1 > 580, "from the posterior iliac crest to below the gluteal fold"
    assert x1 > mid - 5 and x0 < mid - 98, "from sacrum and coccyx to the iliotibial band"
    gx0, gy0, gx1, gy1 = _bbox(atlas, "posterior.gluteus_medius.L")
    assert gy0 < y0 and gx0 < x0 + 5, "gluteus medius lies above and lateral"
    px0, _, px1, _ = _bbox(atlas, "posterior.piriformis.L")
    assert px0 < mid - 90, "piriformis reaches the greater trochanter"
    if atlas.version >= 2:  # version 1 started it about 5 mm from the midline
        assert mid - 24 < px1 < mid - 10, "from the anterior sacrum, about 3 cm lateral"
    gastro = [r for r in atlas.regions_in("posterior") if r.muscle == "gastrocnemius"]
    assert sorted(r.side for r in gastro) == ["L", "R"], "one region per side"
    _, sy0, _, sy1 = _bbox(atlas, "posterior.soleus.L")
    _, cy0, _, cy1 = _bbox(atlas, "posterior.gastrocnemius.L")
    assert cy0 < 735 and sy1 > cy1 + 60, "heads from the condyles; soleus below them"
    # soleus is clickable on both sides of the gastrocnemius heads
    for dx in (-12.5, -77):
        hit = atlas.region_at("posterior", mid + dx, 810)
        assert hit is not None and hit.id == "posterior.soleus.L", dx


def _depth(poly, y: float) -> float:
    """Depth of the body at height y in the left lateral view (its rightmost piece: the
    trunk or leg, not a raised arm in front of it)."""
    from bodymap.atlas.geometry import crossings_at

    xs = crossings_at(poly, y)
    return xs[-1] - xs[-2]


@pytest.mark.parametrize("version", [1, 2])
def test_lateral_proportions_and_visible_trunk(version: int) -> None:
    atlas = load_atlas(version)
    sil = atlas.silhouette("left_lateral")
    # version 1: the arm hangs beside the trunk, the chest is measured at the nipples;
    # version 2: the arm is raised forward over the front of the chest, so the chest is
    # measured just below it
    chest_y = 300 if version == 1 else 340
    assert _depth(sil, chest_y) >= (125 if version == 1 else 120), "chest depth about 0.13H"
    assert 100 <= _depth(sil, 420) < _depth(sil, chest_y), "abdomen a little less deep"
    assert _depth(sil, 585) >= 90, "thigh depth about 0.09H at the top"
    # the arm does not hide the muscles of the chest wall (nor, in version 2, the scapula
    # and the lateral hip)
    visible = (("pectoralis_major", 1500), ("serratus_anterior", 600),
               ("latissimus_dorsi", 800), ("external_oblique", 2500))
    if version >= 2:
        visible = visible[1:] + (("infraspinatus", 800), ("teres_major", 200),
                                 ("gluteus_medius", 1500), ("tensor_fasciae_latae", 600),
                                 ("vastus_lateralis", 3000))
    for muscle, need in visible:
        region = atlas.region(f"left_lateral.{muscle}.L")
        x0, y0, x1, y1 = region.bbox
        hits = sum(1 for i in range(int(x0), int(x1) + 1) for j in range(int(y0), int(y1) + 1)
                   if atlas.region_at("left_lateral", i + 0.5, j + 0.5) is region)
        assert hits >= need, (muscle, hits)


@pytest.mark.parametrize("version", [1, 2])
def test_hand_proportions(version: int) -> None:
    atlas = load_atlas(version)
    for view_id in ("hand_palmar", "hand_dorsal"):
        view = atlas.view(view_id)
        sil = [p for p in atlas.silhouette(view_id) if p[0] < view.midline_x]
        top = min(y for _, y in sil)  # middle fingertip
        bottom = max(y for _, y in sil)  # wrist cut
        # the hand on the viewer's left: version 1 shows its thumb outward in both views
        # (a left palm, the back of a right hand); version 2 shows the left hand in both,
        # so the back of it has the thumb inward
        outward = version == 1 or view_id == "hand_palmar"
        sign = 1 if outward else -1
        thumb_tip = min(sil, key=lambda p: sign * p[0])
        far = max(sign * x for x, _ in sil)  # the little finger's border
        # palm about as long as the middle finger: the finger webs lie near half-way
        webs = [y for x, y in sil if top + 50 < y < bottom - 150
                and sign * thumb_tip[0] + 77 < sign * x < far - 20]
        assert 0.4 < (bottom - max(webs)) / (bottom - top) < 0.65
        assert thumb_tip[1] < bottom - 0.45 * (bottom - top), "thumb tip beside the index"
        assert thumb_tip[1] > top + 0.3 * (bottom - top)



def x_of(atlas: Atlas, region_id: str) -> float:
    return atlas.region(region_id).centroid[0]


def test_each_hand_and_foot_is_drawn_as_the_side_it_is_labelled(atlas: Atlas) -> None:
    """Drawn fingers and toes up, a RIGHT palm has its thumb on the viewer's right (look at
    your own); the back of a right hand has it on the left; the top of a right foot has its
    big toe on the left (look down at your feet); the sole of a right foot on the right.
    Left hands and feet are the mirror image. A hand labelled right but drawn as a left
    hand invites needling the wrong side."""
    # view, thumb- or big-toe-side muscle, the other border's, +1: on a right one the
    # first lies to the viewer's right of the second (-1: to the left)
    cases = (("hand_palmar", "thenar_muscles", "hypothenar_muscles", 1),
             ("hand_dorsal", "first_dorsal_interosseous", "hypothenar_muscles", -1),
             ("foot_plantar", "abductor_hallucis", "abductor_digiti_minimi", 1),
             ("foot_dorsal", "abductor_hallucis", "abductor_digiti_minimi", -1))
    for view, inner, outer, right_sign in cases:
        for side, sign in (("R", right_sign), ("L", -right_sign)):
            gap = x_of(atlas, f"{view}.{inner}.{side}") - x_of(atlas, f"{view}.{outer}.{side}")
            assert sign * gap > 0, f"{view} {side}"
