"""Classic trigger-point and dry-needling sites, found from atlas version 2's bony landmarks,
return the muscle clinicians needle there, on both sides, in the layer it is charted in.

Sites as the literature places them by palpation from bony landmarks, chiefly:
- D. G. Simons, J. G. Travell, L. S. Simons, "Travell & Simons' Myofascial Pain and
  Dysfunction: The Trigger Point Manual", vol. 1 (2nd ed., 1999) and vol. 2 (1992);
- J. Dommerholt, C. Fernández-de-las-Peñas (eds.), "Trigger Point Dry Needling: An
  Evidence and Clinical-Based Approach" (2nd ed., 2019).
Each site below is our own reading of where those texts put the needle, written as a
recipe over the catalogue's landmarks (distances in full-body units: 1000 = standing
height, so about 1.75 mm a unit; detail views are enlarged copies and scale them).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bodymap.atlas import Atlas, load_atlas

Pt = tuple[float, float]


@pytest.fixture(scope="module")
def atlas2() -> Atlas:
    return load_atlas(2)


class Marks:
    """The landmarks of one view, read for one patient side."""

    def __init__(self, atlas: Atlas, view_id: str, side: str) -> None:
        view = atlas.view(view_id)
        self.marks = atlas.landmarks[view_id]
        self.side, self.mid = side, view.midline_x
        # detail views are enlarged copies: distances scale with them
        self.k = view.width / 600.0 if view.kind == "full" else _detail_scale(atlas, view_id)

    def __call__(self, name: str) -> Pt:
        return self.marks.get(f"{name}.{self.side}") or self.marks[name]

    def between(self, a: str | Pt, b: str | Pt, t: float) -> Pt:
        pa = self(a) if isinstance(a, str) else a
        pb = self(b) if isinstance(b, str) else b
        return (pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t)

    def lateral(self, p: Pt, d: float) -> Pt:
        """`d` units away from the midline (negative: toward it), on the site's side."""
        sign = -1.0 if self._on_left() else 1.0
        return (p[0] + sign * d * self.k, p[1])

    def down(self, p: Pt, d: float) -> Pt:
        return (p[0], p[1] + d * self.k)

    def _on_left(self) -> bool:  # is the patient's `side` drawn on the viewer's left?
        ref = next(v for n, v in self.marks.items() if n.endswith(f".{self.side}"))
        return ref[0] < self.mid


def _detail_scale(atlas: Atlas, view_id: str) -> float:
    """Enlargement of a detail view cut from a full-body one (from two landmarks)."""
    src = "posterior" if "posterior" in view_id else "anterior"
    a, b = atlas.landmarks[view_id], atlas.landmarks[src]
    shared = [n for n in a if n in b]
    n0, n1 = shared[0], max(shared, key=lambda n: abs(a[n][0] - a[shared[0]][0]))
    return abs(a[n1][0] - a[n0][0]) / abs(b[n1][0] - b[n0][0])


Recipe = Callable[[Marks], Pt]

# (view, layer, muscle clinicians needle there, where: recipe over the landmarks)
SITES: list[tuple[str, str, str, str, Recipe]] = [
    # ---- posterior: shoulder girdle and back
    ("posterior", "superficial", "upper_trapezius", "upper border of the shoulder, midway "
     "between C7 and the acromion (pincer grip)",
     lambda m: m.down(m.between("c7", "acromion", 0.5), -5)),
    ("posterior", "superficial", "middle_trapezius", "between the spine and the superior "
     "angle of the scapula, just below its level",
     lambda m: m.down(m.between((m.mid, m("scapula_superior_angle")[1]),
                                "scapula_superior_angle", 0.5), 6)),
    ("posterior", "superficial", "middle_trapezius", "over the supraspinous fossa, a third "
     "of the way from the superior angle to the acromion",
     lambda m: m.down(m.between("scapula_superior_angle", "acromion", 0.35), 6)),
    ("posterior", "superficial", "lower_trapezius", "level with the inferior angle, midway "
     "to the spine",
     lambda m: m.between((m.mid, m("scapula_inferior_angle")[1]), "scapula_inferior_angle",
                         0.5)),
    ("posterior", "superficial", "infraspinatus", "infraspinous fossa, below the spine of "
     "the scapula",
     lambda m: m.lateral(m.between("scapular_spine_root", "scapula_inferior_angle", 0.4),
                         20)),
    ("posterior", "superficial", "teres_major", "just lateral to the inferior angle",
     lambda m: m.down(m.lateral(m("scapula_inferior_angle"), 10), -8)),
    ("posterior", "superficial", "latissimus_dorsi", "lateral chest wall between the "
     "inferior angle and the 12th rib",
     lambda m: m.lateral(m.between("scapula_inferior_angle", "rib12_tip", 0.5), 18)),
    ("posterior", "superficial", "iliocostalis", "lumbar iliocostalis at L1, about 5 cm "
     "lateral to the spinous processes",
     lambda m: m.between((m.mid, m("rib12_tip")[1]), "rib12_tip", 0.45)),
    ("posterior", "superficial", "longissimus", "lumbar longissimus, 2 cm lateral to L2",
     lambda m: m.lateral((m.mid, (m("t12")[1] + m("iliac_crest_top")[1]) / 2), 12)),
    ("posterior", "superficial", "quadratus_lumborum", "lateral to the erector spinae, "
     "between the 12th rib and the iliac crest",
     lambda m: m.lateral(m.between("rib12_tip", "iliac_crest_top", 0.5), -20)),
    ("posterior", "superficial", "gluteus_medius", "mid-crest: below the iliac crest, upper "
     "third of the way to the greater trochanter",
     lambda m: m.between("iliac_crest_top", "greater_trochanter", 1 / 3)),
    ("posterior", "superficial", "gluteus_medius", "anterior fibres, just below the lateral "
     "iliac crest",
     lambda m: m.lateral(m.between("iliac_crest_top", "greater_trochanter", 0.4), 8)),
    ("posterior", "superficial", "gluteus_maximus", "midway between the PSIS and the "
     "ischial tuberosity, lateral to the sacrum",
     lambda m: m.lateral(m.between("psis", "ischial_tuberosity", 0.5), 15)),
    ("posterior", "superficial", "gluteus_maximus", "just above the ischial tuberosity",
     lambda m: m.down(m("ischial_tuberosity"), -14)),
    ("posterior", "superficial", "semitendinosus", "mid-thigh on the line from the ischial "
     "tuberosity to the popliteal crease",
     lambda m: m.lateral(m.between("ischial_tuberosity", "popliteal_crease_mid", 0.5), -2)),
    ("posterior", "superficial", "biceps_femoris", "mid-thigh on the line from the ischial "
     "tuberosity to the fibular head",
     lambda m: m.lateral(m.between("ischial_tuberosity", "fibular_head", 0.5), 8)),
    ("posterior", "superficial", "triceps_brachii", "long head, mid-arm",
     lambda m: m.lateral(m.between("acromion", "olecranon", 0.5), -8)),
    ("posterior", "superficial", "deltoid_posterior", "below the spine of the scapula near "
     "the acromion",
     lambda m: m.lateral(m.between("acromion", "olecranon", 0.2), -12)),
    ("posterior", "superficial", "gastrocnemius", "medial head, upper calf",
     lambda m: m.lateral(m.between("popliteal_crease_mid", "calcaneus", 0.25), -12)),
    ("posterior", "superficial", "gastrocnemius", "lateral head, upper calf",
     lambda m: m.lateral(m.between("popliteal_crease_mid", "calcaneus", 0.25), 14)),
    ("posterior", "superficial", "soleus", "below the gastrocnemius bellies, medial to the "
     "Achilles tendon",
     lambda m: m.lateral(m.between("popliteal_crease_mid", "calcaneus", 0.6), -8)),
    # ---- posterior, deep layer
    ("posterior", "deep", "piriformis", "lateral third of the line from the sacrum (3 cm "
     "lateral to S2) to the greater trochanter",
     lambda m: m.between(m.down(m.lateral(m("s2"), 17), 12), "greater_trochanter", 2 / 3)),
    ("posterior", "deep", "gluteus_minimus", "anterior fibres, midway between the iliac "
     "crest and the greater trochanter",
     lambda m: m.between("iliac_crest_top", "greater_trochanter", 0.5)),
    ("posterior", "deep", "supraspinatus", "supraspinous fossa, through the trapezius",
     lambda m: m.down(m.between("scapula_superior_angle", "acromion", 0.35), 6)),
    ("posterior", "deep", "rhomboid_major", "between the spine and the medial border, "
     "midway down the scapula",
     lambda m: m.between((m.mid, 270.0), (m.lateral((m.mid, 270.0), 50)), 0.55)),
    ("posterior", "deep", "rhomboid_minor", "between the spine and the root of the spine "
     "of the scapula",
     lambda m: m.down(m.between((m.mid, m("scapular_spine_root")[1]),
                                "scapular_spine_root", 0.62), -4)),
    ("posterior", "deep", "multifidi", "lumbar multifidi beside L4-L5",
     lambda m: m.lateral(m.down(m("s2"), -30), 8)),
    ("posterior", "deep", "serratus_posterior_inferior", "over the lower ribs, between T12 "
     "and the 12th rib's tip",
     lambda m: m.down(m.between("t12", "rib12_tip", 0.6), -14)),
    ("posterior", "deep", "popliteus", "below the popliteal crease, from the medial side",
     lambda m: m.down(m("popliteal_crease_mid"), 32)),
    ("posterior", "deep", "plantaris", "lateral popliteal fossa",
     lambda m: m.lateral(m.down(m.between("popliteal_crease_mid", "fibular_head", 0.5), -10),
                         4)),
    ("posterior", "deep", "tibialis_posterior", "mid-calf, deep to soleus",
     lambda m: m.between("popliteal_crease_mid", "calcaneus", 0.35)),
    # ---- head_neck_posterior (its own landmarks; distances scaled with the view)
    ("head_neck_posterior", "superficial", "splenius_capitis", "just below and medial to "
     "the mastoid, lateral to the trapezius",
     lambda m: m.down(m.between("mastoid", "c2", 0.2), 6)),
    ("head_neck_posterior", "superficial", "upper_trapezius", "upper border of the "
     "shoulder, midway between C7 and the acromion",
     lambda m: m.down(m.between("c7", "acromion", 0.5), -5)),
    ("head_neck_posterior", "deep", "suboccipitals", "below the occiput, between the inion "
     "and C2, 2.5 cm lateral",
     lambda m: m.lateral(m.between("inion", "c2", 0.6), 14)),
    ("head_neck_posterior", "deep", "semispinalis_capitis", "C2 level, 2 cm lateral",
     lambda m: m.lateral(m.down(m("c2"), 9), 12)),
    ("head_neck_posterior", "deep", "multifidi_cervical", "articular pillar beside C4",
     lambda m: m.lateral(m.between("c2", "c7", 0.5), 4)),
    ("head_neck_posterior", "deep", "semispinalis_cervicis", "beside the upper thoracic "
     "spine, below C7",
     lambda m: m.lateral(m.down(m("c7"), 10), 12)),
    ("head_neck_posterior", "deep", "splenius_cervicis", "lateral neck at C4-C5",
     lambda m: m.lateral(m.between("c2", "c7", 0.5), 21)),
    ("head_neck_posterior", "deep", "levator_scapulae", "2 cm above the superior angle of "
     "the scapula, on its line to the C1 transverse process",
     lambda m: m.between("scapula_superior_angle",
                         m.down(m.lateral(m("c2"), 26), 4), 0.15)),
    ("head_neck_posterior", "deep", "multifidi_thoracic", "beside the upper thoracic "
     "spinous processes",
     lambda m: m.lateral(m.down(m("c7"), 40), 5)),
    # ---- anterior
    ("anterior", "superficial", "sternocleidomastoid_sternal", "mid-belly, on the line "
     "from the mastoid to the suprasternal notch",
     lambda m: m.between("mastoid", "suprasternal_notch", 0.55)),
    ("anterior", "superficial", "sternocleidomastoid_clavicular", "above the medial third "
     "of the clavicle",
     lambda m: m.down(m.between("clavicle_medial_end", "clavicle_mid", 0.35), -14)),
    ("anterior", "superficial", "scalenes", "posterior triangle above the clavicle, lateral "
     "to SCM",
     lambda m: m.down(m.between("clavicle_medial_end", "clavicle_mid", 0.6), -10)),
    ("anterior", "superficial", "pectoralis_major", "lateral belly toward the anterior "
     "axillary fold",
     lambda m: m.between("nipple", "acromion", 0.4)),
    ("anterior", "superficial", "pectoralis_major", "sternal belly",
     lambda m: m.between("nipple", "suprasternal_notch", 0.5)),
    ("anterior", "superficial", "deltoid_anterior", "anterior deltoid below the acromion",
     lambda m: m.lateral(m.between("acromion", "cubital_fossa", 0.22), -4)),
    ("anterior", "superficial", "biceps_brachii", "mid-arm",
     lambda m: m.between("acromion", "cubital_fossa", 0.65)),
    ("anterior", "superficial", "rectus_abdominis", "between the xiphoid and the umbilicus, "
     "3 cm lateral",
     lambda m: m.lateral(m.between("xiphoid", "umbilicus", 0.5), 18)),
    ("anterior", "superficial", "external_oblique", "lateral abdominal wall between the "
     "umbilicus and the ASIS",
     lambda m: m.lateral(m.between("umbilicus", "asis", 0.5), 20)),
    ("anterior", "superficial", "tensor_fasciae_latae", "below and behind the ASIS",
     lambda m: m.down(m.between("asis", "greater_trochanter", 0.5), 14)),
    ("anterior", "superficial", "rectus_femoris", "upper third of the line from the ASIS "
     "to the patella",
     lambda m: m.between("asis", "patella", 0.45)),
    ("anterior", "superficial", "vastus_medialis", "VMO, superomedial to the patella",
     lambda m: m.lateral(m.down(m("patella"), -20), -14)),
    ("anterior", "superficial", "vastus_lateralis", "mid lateral thigh",
     lambda m: m.lateral(m.between("greater_trochanter", "patella", 0.55), 18)),
    ("anterior", "superficial", "adductor_longus", "upper third, below the pubic tubercle",
     lambda m: m.lateral(m.between("pubic_tubercle", "patella", 0.25), 4)),
    ("anterior", "superficial", "iliopsoas", "below the inguinal ligament, lateral to the "
     "femoral vessels",
     lambda m: m.down(m.between("asis", "pubic_tubercle", 0.35), 25)),
    ("anterior", "superficial", "tibialis_anterior", "upper third of the leg, lateral to "
     "the tibial crest",
     lambda m: m.between("tibial_tuberosity", "lateral_malleolus", 0.3)),
    ("anterior", "superficial", "fibularis_longus", "below the fibular head, distal to the "
     "common fibular nerve",
     lambda m: m.lateral(m.between("fibular_head", "lateral_malleolus", 0.25), 4)),
    ("anterior", "superficial", "masseter", "mid-belly between the zygomatic arch and the "
     "angle of the mandible",
     lambda m: m.lateral(m.between("zygomatic_arch_mid", "angle_of_mandible", 0.5), -4)),
    ("anterior", "superficial", "temporalis", "temporal fossa above the zygomatic arch",
     lambda m: m.down(m("zygomatic_arch_mid"), -28)),
    ("anterior", "deep", "internal_oblique", "lateral abdominal wall, under the external "
     "oblique",
     lambda m: m.lateral(m.between("umbilicus", "asis", 0.5), 20)),
    ("anterior", "deep", "pectoralis_minor", "below the coracoid, under pectoralis major",
     lambda m: m.down(m.between("coracoid", "nipple", 0.35), -12)),
]


@pytest.mark.parametrize("side", ["L", "R"])
@pytest.mark.parametrize(("view_id", "layer", "muscle", "where", "recipe"), SITES,
                         ids=[f"{s[0]}-{s[2]}-{i}" for i, s in enumerate(SITES)])
def test_classic_site_returns_the_muscle_needled_there(
        atlas2: Atlas, side: str, view_id: str, layer: str, muscle: str, where: str,
        recipe: Recipe) -> None:
    m = Marks(atlas2, view_id, side)
    x, y = recipe(m)
    hit = atlas2.region_at(view_id, x, y, layer=layer)
    assert hit is not None and hit.id == f"{view_id}.{muscle}.{side}", (
        f"{where}: ({x:.1f}, {y:.1f}) in the {layer} layer of {view_id} gives "
        f"{hit and hit.id}")


def test_sites_cover_the_three_views() -> None:
    views = {s[0] for s in SITES}
    assert {"anterior", "posterior", "head_neck_posterior"} <= views and len(SITES) >= 30


# the landmark names issue 16 lists for these views (paired ones get .L and .R)
LANDMARKS = {
    "anterior": ("vertex menton suprasternal_notch xiphoid umbilicus pubic_symphysis",
                 "mastoid acromion clavicle_mid nipple cubital_fossa asis greater_trochanter "
                 "patella tibial_tuberosity medial_malleolus lateral_malleolus"),
    "posterior": ("inion c7 t12 s2",
                  "mastoid acromion scapula_superior_angle scapular_spine_root "
                  "scapula_inferior_angle olecranon rib12_tip iliac_crest_top psis "
                  "greater_trochanter ischial_tuberosity popliteal_crease_mid fibular_head "
                  "calcaneus"),
    "head_neck_anterior": ("menton suprasternal_notch",
                           "mastoid angle_of_mandible zygomatic_arch_mid tmj "
                           "clavicle_medial_end acromion"),
    "head_neck_posterior": ("inion c7 c2", "mastoid acromion scapula_superior_angle"),
}


@pytest.mark.parametrize("view_id", sorted(LANDMARKS))
def test_issue_landmarks_are_placed(atlas2: Atlas, view_id: str) -> None:
    midline, paired = LANDMARKS[view_id]
    marks = atlas2.landmarks[view_id]
    view = atlas2.view(view_id)
    want = set(midline.split()) | {f"{n}.{s}" for n in paired.split() for s in "LR"}
    assert not want - set(marks), sorted(want - set(marks))
    for name in midline.split():  # on the midline
        assert abs(marks[name][0] - view.midline_x) < 0.5, name
    for name in paired.split():  # a mirror pair, each on its own side of the view
        (lx, ly), (rx, ry) = marks[f"{name}.L"], marks[f"{name}.R"]
        assert abs((lx + rx) / 2 - view.midline_x) < 0.5 and abs(ly - ry) < 0.01, name
        assert (lx < view.midline_x) == (view.facing == "posterior"), name
