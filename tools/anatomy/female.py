"""The female figure: each full-body view redrawn with a woman's proportions and contours.

The same muscles, the same region ids, the same landmark names: the female figure is the
standard drawing carried through a smooth deformation, so every muscle keeps its place
relative to the skeleton and a mark carries between the figures by the landmarks.

- Front and back views: the body is narrowed or widened about the midline, height by
  height (a uniform scale at each height keeps every shape's left-right order, so nothing
  comes to overlap): narrower shoulders, chest and waist, wider pelvis and hips, fuller
  thighs. Average adult female proportions against male ones of the same stature, from
  anthropometric surveys (shoulder breadth about 0.92, waist about 0.90, hip breadth about
  1.06-1.08 of the male value at equal height; e.g. Gordon et al., 2012 ANSUR II survey,
  as ratios of the published means).
- Lateral views: the chest is carried forward over the breast and the buttock back a
  little, each fading out with depth into the body.
- The breasts are drawn on the front view and in profile on the lateral views as contour
  strokes over pectoralis major (not clickable: the pectoral muscles stay the regions
  clinicians chart, and the drawing shows where the breast tissue lies over them).
"""

from __future__ import annotations

import math
import re

from scene import Item, Scene, _fmt, smooth_open

_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
_CHEST_FRONT = {"pectoralis_major", "serratus_anterior", "external_oblique", "rectus_abdominis"}

# (y, horizontal scale about the midline) knots for front and back views; y as in the
# full-body views (top of head 20, floor 1020). Heights from DOMAIN.md's proportions.
WIDTH_KNOTS = [
    (20, 1.0), (140, 0.99), (170, 0.95),   # head, neck a little slimmer
    (202, 0.92), (260, 0.93),              # acromion level, upper chest
    (330, 0.92), (410, 0.88),              # lower chest, waist
    (470, 1.0), (515, 1.07), (560, 1.07),  # iliac crest, greater trochanter, hips
    (640, 1.04), (735, 1.0), (1020, 1.0),  # thighs, knees and below
]


def _width_scale(y: float) -> float:
    """Smooth (cosine-eased) interpolation of WIDTH_KNOTS."""
    if y <= WIDTH_KNOTS[0][0]:
        return WIDTH_KNOTS[0][1]
    for (y0, s0), (y1, s1) in zip(WIDTH_KNOTS, WIDTH_KNOTS[1:]):
        if y <= y1:
            t = (y - y0) / (y1 - y0)
            t = (1 - math.cos(math.pi * t)) / 2
            return s0 + (s1 - s0) * t
    return WIDTH_KNOTS[-1][1]


def _front_back_warp(mid: float):
    def warp(x: float, y: float) -> tuple[float, float]:
        return mid + (x - mid) * _width_scale(y), y
    return warp


def _crossings(poly, y: float) -> list[float]:
    xs = []
    n = len(poly)
    for i in range(n):
        (x0, y0), (x1, y1) = poly[i - 1], poly[i]
        if (y0 > y) != (y1 > y):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return sorted(xs)


def _torso_span(scene: Scene, y: float, centre: float) -> tuple[float, float]:
    """The body's extent at height y along the interval holding x=`centre`."""
    xs = _crossings(scene.silhouette_poly, y)
    for a, b in zip(xs[::2], xs[1::2]):
        if a <= centre <= b:
            return a, b
    return (centre - 60, centre + 60)


def _lateral_warp(scene: Scene, front_is_low_x: bool):
    """Breast forward and buttock back, fading with depth into the trunk."""
    pts = scene.points
    c7 = next((p for n, p in pts.items() if n.startswith("c7")), None)
    gt = next((p for n, p in pts.items() if n.startswith("greater_trochanter")), None)
    centre = gt[0] if gt else scene.midline_x
    chest_y = (c7[1] + 130) if c7 else 320.0  # nipple level, about 0.72 H
    # the front of the chest: the foremost trunk muscle at that height (the outline there
    # may be the arm's, held forward)
    fronts = []
    for it in scene.items:
        if it.kind == "region" and it.muscle in _CHEST_FRONT and it.poly:
            fronts += _crossings(it.poly, chest_y)
    if fronts:
        front_chest = min(fronts) if front_is_low_x else max(fronts)
    else:
        a, b = _torso_span(scene, chest_y, centre)
        front_chest = a if front_is_low_x else b
    a2, b2 = _torso_span(scene, 540.0, centre)
    back_hip = b2 if front_is_low_x else a2
    sign = -1.0 if front_is_low_x else 1.0  # the direction "forward" on the page

    def bump(y: float, y0: float, sy: float) -> float:
        return math.exp(-((y - y0) / sy) ** 2)

    def warp(x: float, y: float) -> tuple[float, float]:
        forward = (front_chest - x) * -sign  # > 0 in front of the chest surface
        # 1 at the surface, fading to 0 45 units inside the trunk and 30 units in front
        # of it (an arm held forward there is not moved)
        depth_w = min(1.0, max(0.0, 1.0 + forward / 45.0), max(0.0, 1.0 - (forward - 6) / 24))
        dx = sign * 26.0 * bump(y, chest_y + 10, 34.0) * depth_w
        behind = (x - back_hip) * -sign  # > 0 behind the buttock surface
        back_w = min(1.0, max(0.0, 1.0 + behind / 50.0))
        dx -= sign * 11.0 * bump(y, 545.0, 42.0) * back_w
        return x + dx, y

    return warp, (front_chest, chest_y, sign)


def _transform_item(it: Item, f) -> Item:
    def sub(m: re.Match) -> str:
        x, y = f(float(m.group(1)), float(m.group(2)))
        return f"{_fmt(x)},{_fmt(y)}"

    return Item(it.kind, _PAIR.sub(sub, it.d), [f(x, y) for x, y in it.poly],
                el_id=it.el_id, muscle=it.muscle, side=it.side, layer=it.layer, deep=it.deep,
                tone=it.tone, width=it.width, fill=it.fill)


def _warped(scene: Scene, f) -> Scene:
    out = Scene(scene.view_id, scene.width, scene.height, scene.midline_x,
                left_side=scene.left_side, mirrored=scene.mirrored,
                stroke_scale=scene.stroke_scale)
    out.items = [_transform_item(it, f) for it in scene.items]
    out.silhouette_poly = [f(x, y) for x, y in scene.silhouette_poly]
    out.points = {name: f(x, y) for name, (x, y) in scene.points.items()}
    out.referrals = {key: [[f(x, y) for x, y in poly] for poly in polys]
                     for key, polys in scene.referrals.items()}
    return out


def _contour(scene: Scene, pts: list[tuple[float, float]], width: float = 0.8) -> None:
    """A soft body contour (drawn as the fibre strokes are: a muted, half-transparent line
    over the muscles, not clickable)."""
    scene.items.append(Item("fibre", smooth_open(pts), layer=99, width=width))


def female_variant(scene: Scene) -> Scene:
    """The female figure of a full-body view (anterior, posterior, left_lateral,
    right_lateral)."""
    if scene.view_id in ("anterior", "posterior"):
        out = _warped(scene, _front_back_warp(scene.midline_x))
        if scene.view_id == "anterior":
            _front_breasts(out)
        return out
    # lateral: the face looks toward lower x when the view's side is the left one
    front_low = scene.left_side == "L"
    warp, (front_x, chest_y, sign) = _lateral_warp(scene, front_low)
    out = _warped(scene, warp)
    # the breast's profile: the lower curve from the front of the chest back to the fold
    fx, _ = warp(front_x, chest_y + 8)
    _contour(out, [(fx - sign * 4, chest_y - 28), (fx + sign * 1, chest_y - 4),
                   (fx + sign * 0.5, chest_y + 16), (fx - sign * 10, chest_y + 34),
                   (fx - sign * 24, chest_y + 38)])
    return out


def _front_breasts(scene: Scene) -> None:
    """Inferior and lateral contours of the breasts over pectoralis major, placed from the
    nipple landmarks (carried into the female proportions): the breast spans about the
    2nd to 6th rib, from near the sternum to the anterior axillary line, its fold about a
    third of its height below the nipple."""
    mid = scene.midline_x
    for side in ("R", "L"):
        nipple = scene.points.get(f"nipple.{side}")
        if nipple is None:
            continue
        nx, ny = nipple
        k = 1.0 if nx < mid else -1.0  # +k points toward the midline
        medial = mid - k * 9
        _contour(scene, [(medial, ny - 10), (medial - k * 3, ny + 14),
                         (nx + k * 12, ny + 30), (nx - k * 12, ny + 29),
                         (nx - k * 30, ny + 11), (nx - k * 35, ny - 12),
                         (nx - k * 30, ny - 32)], width=1.0)
