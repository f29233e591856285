"""The needle a new needle site starts with: a default length and gauge per muscle.

A needle that suits one muscle is wrong for another (a 60 mm needle for quadratus lumborum
is a hazard over the upper trapezius, where the pleura can lie 3 cm deep), so a new site
never inherits the needle of another patient or of an earlier visit. Within one visit a
new site on a muscle already needled takes the needle used there last; otherwise the
muscle's default: the clinician's own (Preferences) or this table's.

Basis of the table: the commercially usual filiform lengths (15, 25, 30, 40, 50, 60 and
75 mm) chosen to reach the muscle belly at its usual needling site in an average adult,
with the shortest adequate length over the thorax (see DOMAIN.md, "Safety zones"), and the
depths described in the dry-needling manuals (Dommerholt and Fernández-de-las-Peñas,
Trigger Point Dry Needling, 2nd ed., 2019; Travell and Simons' Trigger Point Manual).
Gauge 0.25 mm (32 G) for most muscles, 0.30 mm (30 G) for the long needles of the deep
gluteal, lumbar and thigh muscles, where a thinner needle bends. A starting point that a
clinician adjusts for the patient's build; never a substitute for judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bodymap.model.marks import LIMITS

LENGTHS_MM = (15.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0)
# needle diameters offered, in mm, with their usual gauge number
GAUGES: dict[float, int] = {0.16: 36, 0.18: 35, 0.20: 34, 0.22: 33, 0.25: 32, 0.30: 30,
                            0.35: 28}


def gauge_label(diameter_mm: float) -> str:
    """'0.25 mm (32 G)'."""
    return f"{diameter_mm:.2f} mm ({GAUGES[diameter_mm]} G)"


@dataclass(frozen=True)
class NeedleChoice:
    length_mm: float
    diameter_mm: float


FALLBACK = NeedleChoice(30.0, 0.25)  # off a muscle, or a muscle not in the table

_THIN, _THICK = 0.25, 0.30
_TABLE: dict[tuple[float, float], tuple[str, ...]] = {
    (15.0, _THIN): ("temporalis", "intercostals", "dorsal_interossei", "palmar_interossei",
                    "first_dorsal_interosseous", "extensor_digitorum_brevis", "occipitofrontalis"),
    (25.0, _THIN): ("masseter", "sternocleidomastoid_sternal", "sternocleidomastoid_clavicular",
                    "scalenes", "adductor_pollicis", "thenar_muscles", "hypothenar_muscles",
                    "abductor_hallucis", "abductor_digiti_minimi", "foot_interossei",
                    "digastric", "anconeus", "palmaris_longus"),
    (30.0, _THIN): ("upper_trapezius", "middle_trapezius", "lower_trapezius", "rhomboid_major",
                    "rhomboid_minor", "serratus_anterior", "serratus_posterior_superior",
                    "pectoralis_major", "deltoid_anterior", "deltoid_middle",
                    "deltoid_posterior", "brachioradialis", "supinator",
                    "extensor_carpi_radialis", "extensor_carpi_ulnaris", "extensor_digitorum",
                    "flexor_carpi_radialis", "flexor_carpi_ulnaris",
                    "flexor_digitorum_superficialis", "lateral_pterygoid", "medial_pterygoid",
                    "splenius_capitis", "splenius_cervicis", "rectus_abdominis",
                    "external_oblique", "quadratus_plantae", "flexor_digitorum_brevis",
                    "flexor_hallucis_brevis", "extensor_carpi_radialis_longus",
                    "extensor_carpi_radialis_brevis", "pronator_teres", "internal_oblique",
                    "serratus_posterior_inferior"),
    (40.0, _THIN): ("levator_scapulae", "semispinalis_capitis", "suboccipitals",
                    "supraspinatus", "infraspinatus", "teres_minor", "teres_major",
                    "latissimus_dorsi", "pectoralis_minor", "biceps_brachii", "brachialis",
                    "triceps_brachii", "coracobrachialis", "tensor_fasciae_latae", "gracilis",
                    "sartorius", "gastrocnemius", "tibialis_anterior", "fibularis_longus",
                    "fibularis_brevis", "extensor_digitorum_longus",
                    "extensor_hallucis_longus", "adductor_hallucis", "semispinalis_cervicis",
                    "multifidi_cervical", "multifidi_thoracic", "flexor_digitorum_profundus",
                    "plantaris"),
    (50.0, _THIN): ("subscapularis", "iliocostalis", "longissimus", "rectus_femoris",
                    "vastus_medialis", "adductor_longus", "soleus", "flexor_digitorum_longus",
                    "flexor_hallucis_longus", "pectineus", "popliteus"),
    (50.0, _THICK): ("gluteus_medius",),
    (60.0, _THIN): ("multifidi", "tibialis_posterior"),
    (60.0, _THICK): ("quadratus_lumborum", "gluteus_minimus", "vastus_lateralis",
                     "adductor_magnus", "biceps_femoris", "semitendinosus", "semimembranosus",
                     "adductor_brevis"),
    (75.0, _THICK): ("gluteus_maximus", "piriformis", "iliopsoas", "vastus_intermedius"),
}
MUSCLE_NEEDLES: dict[str, NeedleChoice] = {
    muscle: NeedleChoice(length, gauge)
    for (length, gauge), muscles in _TABLE.items() for muscle in muscles}


def table_needle(muscle: str | None) -> NeedleChoice:
    """This table's needle for ``muscle`` (the fallback off a muscle or for one not listed)."""
    return MUSCLE_NEEDLES.get(muscle or "", FALLBACK)


def read_overrides(raw: Any) -> dict[str, NeedleChoice]:
    """A clinician's overrides as stored in the preferences ({muscle: {"length_mm": ..,
    "diameter_mm": ..}}); entries that are not a usable needle are skipped, since the
    preferences file is user-editable."""
    found: dict[str, NeedleChoice] = {}
    if not isinstance(raw, dict):
        return found
    for muscle, entry in raw.items():
        if not isinstance(muscle, str) or not isinstance(entry, dict):
            continue
        length, gauge = entry.get("length_mm"), entry.get("diameter_mm")
        shortest, longest = LIMITS["needle_length_mm"]
        if isinstance(length, (int, float)) and not isinstance(length, bool) \
                and shortest < length <= longest and gauge in GAUGES:
            found[muscle] = NeedleChoice(float(length), float(gauge))
    return found


def write_overrides(overrides: dict[str, NeedleChoice]) -> dict[str, dict[str, float]]:
    """The preferences form of ``overrides``, keeping only those that differ from the table."""
    return {m: {"length_mm": c.length_mm, "diameter_mm": c.diameter_mm}
            for m, c in sorted(overrides.items()) if c != table_needle(m)}


def default_needle(muscle: str | None, overrides: dict[str, NeedleChoice]) -> NeedleChoice:
    """The needle a first site on ``muscle`` starts with: the clinician's, else the table's."""
    return overrides.get(muscle or "") or table_needle(muscle)


def needle_for_new_site(marks: Any, muscle: str | None,
                        overrides: dict[str, NeedleChoice]) -> NeedleChoice:
    """The needle of a new site on ``muscle`` in a visit holding ``marks``: the needle last
    used on that muscle in this visit ("same as last"), else the muscle's default."""
    for mark in reversed(tuple(marks)):
        if getattr(mark, "kind", None) == "needle_site" and muscle and mark.muscle == muscle \
                and mark.needle_length_mm is not None:
            return NeedleChoice(mark.needle_length_mm,
                                mark.needle_diameter_mm or default_needle(muscle, overrides)
                                .diameter_mm)
    return default_needle(muscle, overrides)
