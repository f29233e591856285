"""Detail views: head and neck (enlarged from the full-body views, plus the deep jaw
muscles), and the hands and feet (drawn in limbs.py at their own scale, both sides shown)."""

from __future__ import annotations

from limbs import build_foot, build_hand  # noqa: F401 - hands and feet are drawn in limbs.py
from scene import Scene, crop_scene, mirror_scene

HEAD_NECK = {"temporalis", "masseter", "lateral_pterygoid", "medial_pterygoid",
             "sternocleidomastoid_sternal", "sternocleidomastoid_clavicular", "scalenes",
             "splenius_capitis", "levator_scapulae", "upper_trapezius"}


def build_details(full: dict[str, Scene]) -> list:
    keep = lambda it: it.kind == "silhouette" or it.muscle in HEAD_NECK  # noqa: E731
    ha = crop_scene(full["anterior"], "head_neck_anterior", (175, 10, 425, 216), 2.6, keep)
    hl = crop_scene(full["left_lateral"], "head_neck_left_lateral", (220, 10, 380, 230),
                    3.0, keep)
    hr = mirror_scene(hl, "head_neck_right_lateral")
    return [
        (ha, "Head and neck, anterior", "detail", "anterior", "head_neck_anterior"),
        (hl, "Head and neck, left lateral", "detail", "left", "head_neck_right_lateral"),
        (hr, "Head and neck, right lateral", "detail", "right", "head_neck_left_lateral"),
        # drawn fingers and toes up as seen from that surface: `facing` says where the
        # patient's left is on the page: every hand and foot view draws the left one on the
        # viewer's left ("posterior"), so neither swaps sides between its two views
        (build_hand("hand_palmar", True), "Hands, palmar", "detail", "posterior",
         "hand_palmar"),
        (build_hand("hand_dorsal", False), "Hands, dorsal", "detail", "posterior",
         "hand_dorsal"),
        (build_foot("foot_plantar", True), "Feet, plantar", "detail", "posterior",
         "foot_plantar"),
        (build_foot("foot_dorsal", False), "Feet, dorsal", "detail", "posterior",
         "foot_dorsal"),
    ]
