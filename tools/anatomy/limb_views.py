"""Limb detail views: both forearms (or both lower limbs) of a full-body view side by side,
enlarged, so that the narrow strap muscles there (the wrist extensors and flexors,
sartorius, gracilis, the fibulares, extensor hallucis longus...) offer a click target
clinicians can hit at the default visit window.

Each view is cut from a full-body view (same drawing, same region ids and sides): the limb
on the viewer's left and its mirror image on the right, with the trunk between them left
out.
"""

from __future__ import annotations

import re

from scene import Item, Scene, crop_scene, transform_d

from bodymap.atlas.svgpath import parse_path

_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")

FOREARM = {"brachioradialis", "pronator_teres", "flexor_carpi_radialis", "palmaris_longus",
           "flexor_carpi_ulnaris", "flexor_digitorum_superficialis",
           "flexor_digitorum_profundus", "extensor_carpi_radialis_longus",
           "extensor_carpi_radialis_brevis", "extensor_digitorum", "extensor_carpi_ulnaris",
           "anconeus", "supinator", "biceps_brachii", "brachialis", "triceps_brachii"}
LOWER_LIMB = {"gluteus_maximus", "gluteus_medius", "tensor_fasciae_latae", "iliopsoas",
              "pectineus", "adductor_longus", "adductor_brevis", "adductor_magnus",
              "gracilis", "sartorius", "rectus_femoris", "vastus_lateralis",
              "vastus_medialis", "vastus_intermedius", "biceps_femoris", "semitendinosus",
              "semimembranosus", "gastrocnemius", "soleus", "tibialis_anterior",
              "tibialis_posterior", "fibularis_longus", "fibularis_brevis",
              "extensor_digitorum_longus", "extensor_hallucis_longus",
              "flexor_digitorum_longus", "flexor_hallucis_longus", "popliteus", "plantaris",
              "extensor_digitorum_brevis"}


def paired_crop(src: Scene, view_id: str, rect: tuple[float, float, float, float],
                scale: float, muscles: set[str], gap: float = 14.0) -> Scene:
    """The part of `src` in `rect` (on the viewer's left of its midline) and in its mirror
    rectangle, put side by side `gap` units apart, enlarged by `scale`."""
    from bodymap.atlas.atlas import join_islands

    x0, y0, x1, y1 = rect
    m = src.midline_x
    mirror = (2 * m - x1, y0, 2 * m - x0, y1)

    def keep(it: Item) -> bool:
        return it.kind == "silhouette" or it.muscle in muscles

    a = crop_scene(src, view_id, rect, scale, keep)
    b = crop_scene(src, view_id, mirror, scale, keep)
    w, h = (x1 - x0) * scale, (y1 - y0) * scale
    shift = w + gap * scale  # where the mirror crop's left edge lands
    out = Scene(view_id, 2 * w + gap * scale, h, w + gap * scale / 2,
                left_side=src.left_side, mirrored=False, stroke_scale=a.stroke_scale)

    def inside(it: Item) -> bool:  # a bone or landmark stroke of this limb, not the trunk's
        if it.kind not in ("bone", "landmark"):
            return True
        pairs = [(float(px), float(py)) for px, py in _PAIR.findall(it.d)]
        return bool(pairs) and all(-0.5 <= px <= w + 0.5 and -0.5 <= py <= h + 0.5
                                   for px, py in pairs)

    sil_d, polys = "", []
    for part, dx in ((a, 0.0), (b, shift)):
        for it in part.items:
            if not inside(it):
                continue
            d = transform_d(it.d, lambda x, dx=dx: x + dx, lambda y: y)
            poly = [(x + dx, y) for x, y in it.poly]
            if it.kind in ("region", "mask") and "C" in d:
                # flattened again at this view's scale, as the app reads the SVG: the
                # click-target disc found here is then one the app's outline holds
                poly = parse_path(d)[0]
            if it.kind == "silhouette":
                sil_d += d
                polys.append(poly)
                continue
            out.items.append(Item(it.kind, d, poly, el_id=it.el_id, muscle=it.muscle,
                                  side=it.side, layer=it.layer, deep=it.deep, tone=it.tone,
                                  width=it.width, fill=it.fill))
        for name, (x, y) in part.points.items():
            out.points[name] = (x + dx, y)
        for key, ps in part.referrals.items():
            out.referrals.setdefault(key, []).extend(
                [[(x + dx, y) for x, y in p] for p in ps])
    out.silhouette_poly = join_islands(polys)
    out.items.insert(0, Item("silhouette", sil_d, out.silhouette_poly,
                             el_id=f"{view_id}.silhouette"))
    return out


def build_limbs(full: dict[str, Scene]) -> list:
    """(scene, title, kind, facing, mirror view) of the forearm and lower-limb views."""
    fa = paired_crop(full["anterior"], "forearms_anterior", (110, 330, 192, 548), 2.4,
                     FOREARM)
    fp = paired_crop(full["posterior"], "forearms_posterior", (110, 330, 192, 548), 2.4,
                     FOREARM)
    la = paired_crop(full["anterior"], "lower_limbs_anterior", (194, 446, 300, 1024), 1.6,
                     LOWER_LIMB)
    lp = paired_crop(full["posterior"], "lower_limbs_posterior", (194, 446, 300, 1024),
                     1.6, LOWER_LIMB)
    return [
        (fa, "Forearms, anterior", "detail", "anterior", "forearms_anterior"),
        (fp, "Forearms, posterior", "detail", "posterior", "forearms_posterior"),
        (la, "Lower limbs, anterior", "detail", "anterior", "lower_limbs_anterior"),
        (lp, "Lower limbs, posterior", "detail", "posterior", "lower_limbs_posterior"),
    ]
