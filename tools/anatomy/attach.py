"""Muscle outlines built from their attachments.

Every function takes and returns points in the same coordinates (the front/back views use
(dx, y) offsets from the midline; see front.A). A muscle is described by where it starts
(origin), where it ends (insertion) and how its belly swells between them:

- `spindle`: fusiform or strap muscles (biceps, sartorius, SCM heads): a centre line from
  origin to insertion, optionally bowed, with a width profile;
- `sheet`: flat and fan muscles (trapezius, pectoralis major, gluteus medius): the origin
  line and the insertion line joined into one outline;
- `fan`: a fan converging on a short insertion (temporalis, pectoralis minor).
"""

from __future__ import annotations

import math

from scene import band as band_pts  # a strap around a centre line

P = tuple  # (x, y)


def lerp(a: P, b: P, t: float) -> P:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _profile(t: float, w_o: float, w: float, w_i: float, peak: float) -> float:
    """Belly width at t (0 origin, 1 insertion): a smooth swell from w_o to w at `peak`,
    then down to w_i."""
    if t <= peak:
        u = t / peak if peak else 1.0
        return w_o + (w - w_o) * math.sin(u * math.pi / 2) ** 1.2
    u = (1 - t) / (1 - peak) if peak < 1 else 1.0
    return w_i + (w - w_i) * math.sin(u * math.pi / 2) ** 1.2


def centre_line(o: P, i: P, bend: float = 0.0, n: int = 9,
                via: P | None = None) -> list[P]:
    """Points from o to i: straight, bowed `bend` units to the left of o->i (a quadratic
    curve), or through `via`."""
    if via is not None:
        cx, cy = 2 * via[0] - (o[0] + i[0]) / 2, 2 * via[1] - (o[1] + i[1]) / 2
    else:
        mx, my = (o[0] + i[0]) / 2, (o[1] + i[1]) / 2
        dx, dy = i[0] - o[0], i[1] - o[1]
        d = math.hypot(dx, dy) or 1.0
        cx, cy = mx - dy / d * bend * 2, my + dx / d * bend * 2
    out = []
    for k in range(n):
        t = k / (n - 1)
        a = (1 - t) ** 2
        b = 2 * (1 - t) * t
        c = t * t
        out.append((a * o[0] + b * cx + c * i[0], a * o[1] + b * cy + c * i[1]))
    return out


def spindle(o: P, i: P, w: float, w_o: float | None = None, w_i: float | None = None,
            peak: float = 0.45, bend: float = 0.0, via: P | None = None,
            n: int = 9) -> list[P]:
    """A fusiform/strap belly from origin `o` to insertion `i`, widest (`w`) at `peak`."""
    w_o = w * 0.35 if w_o is None else w_o
    w_i = w * 0.25 if w_i is None else w_i
    line = centre_line(o, i, bend, n, via)
    widths = [_profile(k / (n - 1), w_o, w, w_i, peak) for k in range(n)]
    return band_pts(line, widths)


def sheet(origin: list, insertion: list, sharp_ends: bool = True) -> list:
    """A flat muscle: along its origin line, then back along its insertion line. The four
    corners are sharp unless `sharp_ends` is False."""
    o = [tuple(p[:2]) for p in origin]
    ins = [tuple(p[:2]) for p in insertion][::-1]
    if sharp_ends:
        o[0] = o[0] + ("s",)
        o[-1] = o[-1] + ("s",)
        ins[0] = ins[0] + ("s",)
        ins[-1] = ins[-1] + ("s",)
    return o + ins


def fan(origin: list, apex: P, apex_width: float, sharp: bool = True) -> list:
    """A fan: the origin arc, converging on an insertion `apex_width` wide at `apex`."""
    o = [tuple(p[:2]) for p in origin]
    (x0, y0), (x1, y1) = o[0], o[-1]
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy) or 1.0
    h = apex_width / 2
    a = (apex[0] + dx / d * h, apex[1] + dy / d * h)
    b = (apex[0] - dx / d * h, apex[1] - dy / d * h)
    if sharp:
        o[0] = o[0] + ("s",)
        o[-1] = o[-1] + ("s",)
    return o + [a, b]


def offset(p: P, dx: float = 0.0, dy: float = 0.0) -> P:
    return (p[0] + dx, p[1] + dy)


class Contour:
    """The body outline, to run a muscle's edge along the skin: `at(y, near)` is the x of
    the outline crossing at height y nearest to x = near, moved `inset` units inward."""

    def __init__(self, poly: list[P]):
        self.poly = poly

    def at(self, y: float, near: float, inset: float = 2.0) -> float:
        from bodymap.atlas.geometry import crossings_at

        xs = sorted(crossings_at(self.poly, y))
        if not xs:
            raise ValueError(f"the outline has no crossing at y={y}")
        k = min(range(len(xs)), key=lambda j: abs(xs[j] - near))
        x = xs[k]
        # inset measured across the outline, not along x: a sloping edge (the shoulder)
        # needs a longer horizontal step to stay `inset` inside
        slope = 0.0
        above, below = crossings_at(self.poly, y - 1.0), crossings_at(self.poly, y + 1.0)
        if above and below:
            xa = min(above, key=lambda v: abs(v - x))
            xb = min(below, key=lambda v: abs(v - x))
            slope = (xb - xa) / 2.0
        step = inset * min(math.hypot(1.0, slope), 8.0)
        return x + (step if k % 2 == 0 else -step)
