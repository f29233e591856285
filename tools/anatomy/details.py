"""Detail views: head and neck (enlarged from the full-body views, plus the deep jaw
muscles), and the hands and feet (drawn in limbs.py at their own scale, both sides shown)."""

from __future__ import annotations

from limbs import build_foot, build_hand
from scene import Scene, crop_scene, mirror_scene

HEAD_NECK = {"temporalis", "masseter", "lateral_pterygoid", "medial_pterygoid",
             "sternocleidomastoid_sternal", "sternocleidomastoid_clavicular", "scalenes",
             "splenius_capitis", "levator_scapulae", "upper_trapezius", "digastric",
             "occipitofrontalis"}
# the posterior neck and the top of the back: the suboccipitals, the semispinales,
# multifidi and splenii beside the cervical spine, down to the upper scapula
HEAD_NECK_POSTERIOR = HEAD_NECK | {
    "suboccipitals", "semispinalis_capitis", "semispinalis_cervicis", "multifidi_cervical",
    "multifidi_thoracic", "splenius_cervicis", "middle_trapezius", "lower_trapezius",
    "rhomboid_minor", "rhomboid_major", "supraspinatus", "serratus_posterior_superior",
    "infraspinatus", "deltoid_posterior", "deltoid_middle", "teres_minor", "teres_major",
    "latissimus_dorsi"}
#: the crop (x0, y0, x1, y1 in full-body units) and enlargement of head_neck_posterior:
#: from the occiput down to the inferior angles of the scapulae, acromion to acromion
#: (its width sets the scale: about 1.5 px per full-body unit at the default window, so
#: the narrow muscles beside the cervical spine give a click target of 8 px or more)
HEAD_NECK_POSTERIOR_CROP = (176.0, 70.0, 424.0, 310.0)
HEAD_NECK_POSTERIOR_SCALE = 2.6


def build_details(full: dict[str, Scene]) -> list:
    keep = lambda it: it.kind == "silhouette" or it.muscle in HEAD_NECK  # noqa: E731
    ha = crop_scene(full["anterior"], "head_neck_anterior", (175, 10, 425, 216), 2.6, keep)
    hl = crop_scene(full["left_lateral"], "head_neck_left_lateral", (220, 10, 380, 230),
                    3.0, keep)
    hr = mirror_scene(hl, "head_neck_right_lateral")
    hp = crop_scene(full["posterior"], "head_neck_posterior", HEAD_NECK_POSTERIOR_CROP,
                    HEAD_NECK_POSTERIOR_SCALE,
                    lambda it: it.kind == "silhouette" or it.muscle in HEAD_NECK_POSTERIOR)
    return [
        (ha, "Head and neck, anterior", "detail", "anterior", "head_neck_anterior"),
        (hp, "Head and neck, posterior", "detail", "posterior", "head_neck_posterior"),
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
