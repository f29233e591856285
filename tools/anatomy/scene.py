"""Building blocks of the anatomy generator: smooth shapes, scenes, mirroring, SVG output.

Shapes are described by landmark points; outlines are closed Catmull-Rom splines written as
cubic Bézier path data. A point may carry a third element "s" to make a sharp corner there.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from bodymap.atlas.geometry import (
    Point,
    crossings_at,
    distance_to_boundary,
    point_in_polygon,
    polygon_area,
    polygon_bbox,
    polygon_centroid,
)
from bodymap.atlas.index import GridIndex
from bodymap.atlas.svgpath import parse_path

Pt = tuple  # (x, y) or (x, y, "s")

FILLS = ["#f2c4b8", "#e7ab9a", "#f7d9cc", "#dc9f8e", "#efcfc0", "#e4b6a6"]
DEEP_FILL = "#bcd0ea"
SIL_FILL = "#f6f0e8"
BONE_FILL = "#ece6da"
BONE_INK = "#8c7f70"
FIBRE_INK = "#9a5446"
#: a view's layers: the superficial picture (<view>.svg, shown by default) and the deep
#: overlay (<view>.deep.svg, shown and clickable when the deep layer is on)
DEPTHS = ("superficial", "deep")
INK = "#3b2f2a"
ERRORS: list[str] = []


def _fmt(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def smooth_closed(points: list[Pt], tension: float = 1.0) -> str:
    """Closed Catmull-Rom spline through the points as SVG cubic path data."""
    pts = [(float(p[0]), float(p[1])) for p in points]
    sharp = [len(p) > 2 and p[2] == "s" for p in points]
    n = len(pts)
    out = [f"M{_fmt(pts[0][0])},{_fmt(pts[0][1])}"]
    k = tension / 6.0
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1 = p1 if sharp[i] else (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = p2 if sharp[(i + 1) % n] else (p2[0] - (p3[0] - p1[0]) * k,
                                             p2[1] - (p3[1] - p1[1]) * k)
        out.append("C" + " ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in (c1, c2, p2)))
    out.append("Z")
    return "".join(out)


def smooth_open(points: list[Pt]) -> str:
    """Open Catmull-Rom spline (for landmark strokes)."""
    pts = [(float(p[0]), float(p[1])) for p in points]
    n = len(pts)
    if n == 2:
        return f"M{_fmt(pts[0][0])},{_fmt(pts[0][1])}L{_fmt(pts[1][0])},{_fmt(pts[1][1])}"
    out = [f"M{_fmt(pts[0][0])},{_fmt(pts[0][1])}"]
    for i in range(n - 1):
        p0 = pts[max(i - 1, 0)]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[min(i + 2, n - 1)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append("C" + " ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in (c1, c2, p2)))
    return "".join(out)


def polyline_closed(points: list[Point]) -> str:
    return "M" + "L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points) + "Z"


def band(centre: list[Point], widths: list[float]) -> list[Pt]:
    """A strap-shaped outline around a centre line (rounded ends), for strap muscles."""
    left, right = [], []
    n = len(centre)
    for i, (x, y) in enumerate(centre):
        a = centre[max(i - 1, 0)]
        b = centre[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / d, dx / d
        w = widths[i] / 2.0
        left.append((x + nx * w, y + ny * w))
        right.append((x - nx * w, y - ny * w))
    return left + right[::-1]


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 8,
            rot: float = 0.0) -> list[Pt]:
    c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    out = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + x * c - y * s, cy + x * s + y * c))
    return out


def mirror_pts(points: list[Pt], axis: float) -> list[Pt]:
    return [((2 * axis - p[0],) + tuple(p[1:])) for p in points][::-1]


@dataclass(frozen=True)
class Fibres:
    """Fibre-direction strokes of a muscle, clipped to its outline.

    - parallel (strap, fusiform, sheet muscles): `angle` in degrees (0 = along x, 90 =
      along y, measured toward +y), strokes `spacing` units apart;
    - convergent (fan muscles: pectoralis major, temporalis, gluteus medius): every stroke
      runs toward `apex` (the insertion), spread `spacing` apart across the muscle;
    - pennate (bipennate: rectus femoris, gastrocnemius heads...): `tendon` is the central
      tendon line [(x, y), (x, y)]; strokes leave it at `angle` degrees on both sides.
    """

    angle: float = 90.0
    spacing: float = 4.0
    apex: Point | None = None
    tendon: tuple[Point, Point] | None = None
    width: float = 0.35
    inset: float = 0.8  # keep strokes this far inside the outline

    def lines(self, poly: list[Point]) -> list[list[Point]]:
        if self.apex is not None:
            return _convergent(poly, self.apex, self.spacing, self.inset)
        if self.tendon is not None:
            return _pennate(poly, self.tendon, self.angle, self.spacing, self.inset)
        return _parallel(poly, self.angle, self.spacing, self.inset)


def _clip_line(poly: list[Point], a: Point, b: Point, inset: float) -> list[list[Point]]:
    """The parts of segment a-b inside `poly`, each shortened by `inset` at both ends."""
    ax, ay = a
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return []
    ts = []
    n = len(poly)
    for i in range(n):
        px, py = poly[i - 1]
        qx, qy = poly[i]
        ex, ey = qx - px, qy - py
        den = dx * ey - dy * ex
        if den == 0:
            continue
        t = ((px - ax) * ey - (py - ay) * ex) / den
        u = ((px - ax) * dy - (py - ay) * dx) / den
        if 0 <= u < 1:
            ts.append(t)
    ts.sort()
    out = []
    cut = inset / length
    for t0, t1 in zip(ts[::2], ts[1::2]):
        t0, t1 = max(t0, 0.0) + cut, min(t1, 1.0) - cut
        if t1 - t0 > 2 * cut and (t1 - t0) * length > 2.0:
            out.append([(ax + dx * t0, ay + dy * t0), (ax + dx * t1, ay + dy * t1)])
    return out


def _parallel(poly: list[Point], angle: float, spacing: float,
              inset: float) -> list[list[Point]]:
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    nx, ny = -uy, ux
    along = [x * ux + y * uy for x, y in poly]
    across = [x * nx + y * ny for x, y in poly]
    lo, hi = min(along) - 1, max(along) + 1
    out = []
    k = min(across) + spacing / 2
    while k < max(across):
        a = (ux * lo + nx * k, uy * lo + ny * k)
        b = (ux * hi + nx * k, uy * hi + ny * k)
        out.extend(_clip_line(poly, a, b, inset))
        k += spacing
    return out


def _convergent(poly: list[Point], apex: Point, spacing: float,
                inset: float) -> list[list[Point]]:
    ax, ay = apex
    angles = [math.atan2(y - ay, x - ax) for x, y in poly]
    ref = angles[0]
    rel = [(t - ref + math.pi) % (2 * math.pi) - math.pi for t in angles]
    lo, hi = min(rel), max(rel)
    reach = max(math.hypot(x - ax, y - ay) for x, y in poly) + 1
    mean = sum(math.hypot(x - ax, y - ay) for x, y in poly) / len(poly)
    step = spacing / max(mean, 1.0)
    out = []
    t = lo + step / 2
    while t < hi:
        b = (ax + math.cos(ref + t) * reach, ay + math.sin(ref + t) * reach)
        out.extend(_clip_line(poly, apex, b, inset))
        t += step
    return out


def _pennate(poly: list[Point], tendon: tuple[Point, Point], angle: float, spacing: float,
             inset: float) -> list[list[Point]]:
    (x0, y0), (x1, y1) = tendon
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    reach = max(math.hypot(x - x0, y - y0) for x, y in poly) + 1
    out = []
    s = spacing / 2
    while s < length:
        px, py = x0 + ux * s, y0 + uy * s
        for sign in (1, -1):
            r = math.radians(angle) * sign
            # back along the tendon by `angle`, out to one side
            dx = -(ux * math.cos(r) - uy * math.sin(r))
            dy = -(ux * math.sin(r) + uy * math.cos(r))
            out.extend(_clip_line(poly, (px, py), (px + dx * reach, py + dy * reach), inset))
        s += spacing
    return out


@dataclass
class Item:
    kind: str  # silhouette | bone | region | mask | landmark | fibre | text
    d: str
    poly: list[Point] = field(default_factory=list)
    el_id: str = ""
    muscle: str = ""
    side: str = ""
    layer: int = 0
    deep: bool = False
    tone: int = 0
    width: float = 0.6
    fill: str | None = None
    text: str = ""  # a "text" item's words (d holds its anchor point "Mx,y")

    @property
    def depth(self) -> str:
        """The layer the item is drawn (and, for a region, clicked) in."""
        return "deep" if self.deep else "superficial"


@dataclass
class Scene:
    """One view under construction. Shapes drawn on the viewer's left half are mirrored to
    the right half; `left_side` is the patient's side shown on the viewer's left."""

    view_id: str
    width: float
    height: float
    midline_x: float
    left_side: str  # patient's side on the viewer's left ("R" anterior, "L" posterior/lateral)
    mirrored: bool = True  # front/back views are symmetric; lateral views are not
    items: list[Item] = field(default_factory=list)
    referrals: dict[str, list[list[Point]]] = field(default_factory=dict)  # "muscle.side"
    silhouette_poly: list[Point] = field(default_factory=list)
    stroke_scale: float = 1.0
    #: named bony landmarks (diagram units); paired names end .L/.R (the patient's side)
    points: dict[str, Point] = field(default_factory=dict)
    #: per region: radius of the largest disc (about; sampled) inside the part of it a
    #: click reaches in its layer, filled in by anchors()
    target_radius: dict[str, float] = field(default_factory=dict)
    _sil_index: GridIndex | None = None

    def other(self, side: str) -> str:
        return "L" if side == "R" else "R"

    # silhouette -------------------------------------------------------------------
    def set_silhouette(self, half: list[Pt]) -> None:
        """`half` runs from the top of the midline down the viewer's left side back to the
        midline; it is mirrored to close the outline (or used as is when not mirrored)."""
        pts = list(half)
        if self.mirrored:
            pts = pts + mirror_pts(half[1:-1], self.midline_x)
        d = smooth_closed(pts)
        self.silhouette_poly = parse_path(d)[0]
        self.items.insert(0, Item("silhouette", d, self.silhouette_poly,
                                  el_id=f"{self.view_id}.silhouette"))

    def set_silhouette_islands(self, shape: list[Pt]) -> None:
        """Two separate islands: `shape` on the viewer's left and its mirror image."""
        from bodymap.atlas.atlas import join_islands

        a, b = list(shape), mirror_pts(shape, self.midline_x)
        d = smooth_closed(a) + smooth_closed(b)
        self.silhouette_poly = join_islands(parse_path(d))
        self.items.insert(0, Item("silhouette", d, self.silhouette_poly,
                                  el_id=f"{self.view_id}.silhouette"))

    # regions ----------------------------------------------------------------------
    def region(self, muscle: str, pts: list[Pt], layer: int = 1, tone: int | None = None,
               deep: bool = False, fibres: Fibres | None = None) -> None:
        """Add a muscle drawn on the viewer's left (and its mirror image, if mirrored).

        `deep` puts it in the deep layer (hidden, and not clickable, until that layer is
        shown). `fibres` draws fibre-direction strokes clipped to its outline."""
        tone = tone if tone is not None else (sum(map(ord, muscle)) % len(FILLS))
        n_err = len(ERRORS)
        pts = self._fit(pts)
        if len(ERRORS) > n_err:
            ERRORS[-1] += f" ({muscle})"
        side = self.left_side
        self._add_region(muscle, side, pts, layer, tone, deep)
        poly = self.items[-1].poly
        if self.mirrored:
            self._add_region(muscle, self.other(side), mirror_pts(pts, self.midline_x),
                             layer, tone, deep)
        if fibres is not None:
            for line in fibres.lines(poly):
                groups = [line]
                if self.mirrored:
                    groups.append([(2 * self.midline_x - x, y) for x, y in line])
                for g in groups:
                    d = "M" + "L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in g)
                    self.items.append(Item("fibre", d, muscle=muscle, layer=layer,
                                           deep=deep, width=fibres.width))

    def point(self, name: str, x: float, y: float, paired: bool = True) -> None:
        """Name a bony landmark at (x, y). A paired landmark is given on the viewer's left
        and named for the patient's side there (`name.R` on an anterior view); its mirror
        image is named for the other side. Unpaired ones (midline) keep their name."""
        if not paired:
            self.points[name] = (float(x), float(y))
            return
        self.points[f"{name}.{self.left_side}"] = (float(x), float(y))
        if self.mirrored:
            self.points[f"{name}.{self.other(self.left_side)}"] = (
                2 * self.midline_x - float(x), float(y))

    def bone(self, pts: list[Pt], closed: bool = True, mirror: bool = True) -> None:
        """A palpable bone (clavicle, scapula, iliac crest, patella...): filled faintly
        beneath the muscles, and outlined faintly over them as a palpation guide."""
        groups = [list(pts)]
        if self.mirrored and mirror:
            groups.append(mirror_pts(pts, self.midline_x) if closed
                          else mirror_pts(pts, self.midline_x)[::-1])
        for g in groups:
            d = smooth_closed(g) if closed else smooth_open(g)
            self.items.append(Item("bone", d, parse_path(d)[0] if closed else [],
                                   layer=-1, fill=BONE_FILL if closed else None))

    def _add_region(self, muscle: str, side: str, pts: list[Pt], layer: int, tone: int,
                    deep: bool) -> None:
        d = smooth_closed(pts)
        self.items.append(Item("region", d, parse_path(d)[0],
                               el_id=f"{self.view_id}.{muscle}.{side}", muscle=muscle,
                               side=side, layer=layer, deep=deep, tone=tone))

    def mask(self, name: str, pts: list[Pt], layer: int) -> None:
        """A non-clickable shape that hides what lies below it (e.g. the arm over the
        trunk in a lateral view)."""
        pts = self._fit(pts)
        d = smooth_closed(pts)
        self.items.append(Item("mask", d, parse_path(d)[0], el_id=f"{self.view_id}.{name}",
                               layer=layer))

    def landmark(self, pts: list[Pt], closed: bool = False, width: float = 0.6,
                 layer: int = 99, fill: str | None = None, mirror: bool = True) -> None:
        """A non-clickable orientation stroke (clavicle, patella, navel...)."""
        groups = [pts]
        if self.mirrored and mirror:
            groups.append(mirror_pts(pts, self.midline_x)[::-1] if not closed
                          else mirror_pts(pts, self.midline_x))
        for g in groups:
            d = smooth_closed(g) if closed else smooth_open(g)
            self.items.append(Item("landmark", d, layer=layer, width=width, fill=fill))

    def label(self, x: float, y: float, words: str, size: float = 14.0) -> None:
        """Words on the diagram (e.g. "Left hand" under a hand), centred on (x, y); not
        mirrored: give each side its own."""
        self.items.append(Item("text", f"M{_fmt(x)},{_fmt(y)}", layer=99, width=size,
                               text=words))

    def referral(self, muscle: str, pts: list[Pt]) -> None:
        """Referred-pain area of `muscle` for the side drawn on the viewer's left (the
        mirror image is stored for the other side)."""
        pts = self._fit(pts, margin=0.8, check=False)
        poly = parse_path(smooth_closed(pts), tolerance=0.3)[0]
        side = self.left_side
        self.referrals.setdefault(f"{muscle}.{side}", []).append(poly)
        if self.mirrored:
            m = [(2 * self.midline_x - x, y) for x, y in reversed(poly)]
            self.referrals.setdefault(f"{muscle}.{self.other(side)}", []).append(m)

    # keep shapes inside the body outline ------------------------------------------------
    def _fit(self, pts: list[Pt], margin: float = 0.6, check: bool = True) -> list[Pt]:
        if not self.silhouette_poly:
            return pts
        if self._sil_index is None:
            self._sil_index = GridIndex(self.width, self.height,
                                        [(True, self.silhouette_poly)], 2.0)
        idx = self._sil_index
        m = margin

        def inside(x: float, y: float) -> bool:
            return all(idx.query(x + a, y + b) for a, b in
                       ((0, 0), (m, 0), (-m, 0), (0, m), (0, -m)))

        pts = [list(p) for p in pts]
        n = len(pts)
        area0 = polygon_area([(p[0], p[1]) for p in pts])
        for _ in range(300):
            cx, cy = polygon_centroid([(p[0], p[1]) for p in pts])
            poly = parse_path(smooth_closed([tuple(p) for p in pts]), tolerance=0.1)[0]
            bad: set[int] = set()
            for x, y in poly:
                if not inside(x, y):
                    j = min(range(n), key=lambda k: (pts[k][0] - x) ** 2 + (pts[k][1] - y) ** 2)
                    bad.update((j, (j + 1) % n, (j - 1) % n))
            if not bad:
                break
            for j in bad:
                dx, dy = cx - pts[j][0], cy - pts[j][1]
                dist = math.hypot(dx, dy) or 1.0
                pts[j][0] += dx / dist * 0.4
                pts[j][1] += dy / dist * 0.4
        if check and polygon_area([(p[0], p[1]) for p in pts]) < 0.5 * area0:
            ERRORS.append(f"{self.view_id}: shape near {[round(v) for v in pts[0][:2]]} "
                          "lies mostly outside the body outline; move it")
        return [tuple(p) for p in pts]

    # output -------------------------------------------------------------------------
    def ordered(self) -> list[Item]:
        sil = [i for i in self.items if i.kind == "silhouette"]
        bones = [i for i in self.items if i.kind == "bone"]
        rest = [i for i in self.items if i.kind not in ("silhouette", "bone")]
        rest.sort(key=lambda i: i.layer)  # stable: insertion order within a layer
        return sil + bones + rest

    def anchors(self) -> dict[str, Point]:
        """A visible, well-inside point per region (not covered by anything above it)."""
        stack = [i for i in self.ordered() if i.kind in ("region", "mask") and not i.deep]
        deep = [i for i in self.ordered() if i.kind == "region" and i.deep]
        out = self._anchors(stack)
        out.update(self._anchors(stack + deep, only_deep=True))
        return out

    def _anchors(self, ordered: list[Item], only_deep: bool = False) -> dict[str, Point]:
        out: dict[str, Point] = {}
        for k, item in enumerate(ordered):
            if item.kind != "region" or (only_deep and not item.deep):
                continue
            poly = item.poly
            x0, y0, x1, y1 = polygon_bbox(poly)
            above = []
            for o in ordered[k + 1:]:
                b = polygon_bbox(o.poly)
                if b[0] < x1 and b[2] > x0 and b[1] < y1 and b[3] > y0:
                    above.append((o.poly, b))
            best, best_d = None, -1.0
            steps = 30
            for s in range(1, steps):
                y = y0 + (y1 - y0) * s / steps
                xs = crossings_at(poly, y)
                for a in range(0, len(xs) - 1, 2):
                    for t in (0.2, 0.35, 0.5, 0.65, 0.8):
                        x = xs[a] + (xs[a + 1] - xs[a]) * t
                        if any(b[0] <= x <= b[2] and b[1] <= y <= b[3]
                               and point_in_polygon(x, y, o) for o, b in above):
                            continue
                        d = distance_to_boundary(x, y, poly)
                        if d <= best_d:
                            continue
                        for o, b in above:
                            if b[0] - d < x < b[2] + d and b[1] - d < y < b[3] + d:
                                d = min(d, distance_to_boundary(x, y, o))
                        if d > best_d:
                            best, best_d = (x, y), d
            if best is None:
                raise ValueError(f"{item.el_id} is completely hidden")
            out[item.el_id] = (round(best[0], 2), round(best[1], 2))
            self.target_radius[item.el_id] = best_d
        return out

    @property
    def has_deep(self) -> bool:
        return any(i.kind == "region" and i.deep for i in self.items)

    def svg(self, title: str, depth: str = "superficial") -> str:
        """The view's SVG for one layer: "superficial" is the complete default picture
        (silhouette, bones, superficial muscles, strokes); "deep" is the overlay of the deep
        muscles drawn over it (no silhouette) when the deep layer is shown."""
        sw = self.stroke_scale
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'viewBox="0 0 {_fmt(self.width)} {_fmt(self.height)}" '
            f'width="{_fmt(self.width)}" height="{_fmt(self.height)}">',
            f"<title>{title}{', deep layer' if depth == 'deep' else ''}</title>",
        ]
        deep = depth == "deep"
        items = [i for i in self.ordered() if i.kind != "silhouette" or not deep]
        bones = [i for i in items if i.kind == "bone"]
        for it in items:
            if it.kind == "bone":
                if not deep and it.fill:
                    lines.append(f'<path class="bone" fill="{it.fill}" stroke="none" '
                                 f'd="{it.d}"/>')
                continue
            if it.kind in ("region", "fibre") and it.deep != deep:
                continue
            if it.kind in ("mask", "landmark", "silhouette", "text") and deep:
                continue
            if it.kind == "silhouette":
                lines.append(f'<path id="{it.el_id}" class="silhouette" fill="{SIL_FILL}" '
                             f'stroke="{INK}" stroke-width="{_fmt(1.3 * sw)}" '
                             f'stroke-linejoin="round" d="{it.d}"/>')
            elif it.kind == "mask":
                lines.append(f'<path id="{it.el_id}" class="mask" fill="{SIL_FILL}" '
                             f'stroke="{INK}" stroke-width="{_fmt(1.0 * sw)}" d="{it.d}"/>')
            elif it.kind == "region":
                if it.deep:
                    lines.append(
                        f'<path id="{it.el_id}" class="region deep" fill="{DEEP_FILL}" '
                        f'fill-opacity="0.85" stroke="#4a6390" '
                        f'stroke-width="{_fmt(0.6 * sw)}" stroke-linejoin="round" '
                        f'd="{it.d}"/>')
                else:
                    lines.append(
                        f'<path id="{it.el_id}" class="region" fill="{FILLS[it.tone]}" '
                        f'stroke="#7a3b2e" stroke-width="{_fmt(0.55 * sw)}" '
                        f'stroke-linejoin="round" d="{it.d}"/>')
            elif it.kind == "text":
                x, y = (float(v) for v in it.d[1:].split(","))
                words = it.text.replace("&", "&amp;").replace("<", "&lt;")
                lines.append(f'<text class="label" x="{_fmt(x)}" y="{_fmt(y)}" '
                             f'text-anchor="middle" font-family="sans-serif" '
                             f'font-size="{_fmt(it.width)}" fill="{INK}">{words}</text>')
            elif it.kind == "fibre":
                ink = "#56709a" if it.deep else FIBRE_INK
                lines.append(f'<path class="fibre" fill="none" stroke="{ink}" '
                             f'stroke-opacity="0.55" stroke-width="{_fmt(it.width * sw)}" '
                             f'stroke-linecap="round" d="{it.d}"/>')
            else:
                fill = it.fill or "none"
                lines.append(f'<path class="landmark" fill="{fill}" stroke="#4a3a33" '
                             f'stroke-width="{_fmt(it.width * sw)}" stroke-linecap="round" '
                             f'd="{it.d}"/>')
        if not deep:
            # the palpable bones outlined over the muscles, faintly, as a palpation guide
            for it in bones:
                lines.append(f'<path class="bone-outline" fill="none" stroke="{BONE_INK}" '
                             f'stroke-opacity="0.6" stroke-width="{_fmt(0.7 * sw)}" '
                             f'stroke-dasharray="{_fmt(2.4 * sw)},{_fmt(1.4 * sw)}" '
                             f'stroke-linecap="round" d="{it.d}"/>')
        lines.append("</svg>")
        return "\n".join(lines) + "\n"


_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


def transform_d(d: str, fx, fy) -> str:
    """Apply x' = fx(x), y' = fy(y) to every absolute coordinate pair of generated path
    data (the generator only writes absolute M/C/L pairs)."""
    return _PAIR.sub(lambda m: f"{_fmt(fx(float(m.group(1))))},{_fmt(fy(float(m.group(2))))}", d)


def mirror_scene(src: Scene, view_id: str) -> Scene:
    """The other-side lateral view: a mirror image with every region renamed to the
    patient's other side."""
    w = src.width
    out = Scene(view_id, src.width, src.height, src.midline_x,
                left_side=src.other(src.left_side), mirrored=False,
                stroke_scale=src.stroke_scale)
    out.silhouette_poly = [(w - x, y) for x, y in reversed(src.silhouette_poly)]
    for it in src.items:
        side = src.other(it.side) if it.side else ""
        el_id = it.el_id.replace(src.view_id + ".", view_id + ".", 1)
        if it.kind == "region":
            el_id = f"{view_id}.{it.muscle}.{side}"
        out.items.append(Item(it.kind, transform_d(it.d, lambda x: w - x, lambda y: y),
                              [(w - x, y) for x, y in reversed(it.poly)], el_id=el_id,
                              muscle=it.muscle, side=side, layer=it.layer, deep=it.deep,
                              tone=it.tone, width=it.width, fill=it.fill, text=it.text))
    for name, (x, y) in src.points.items():
        base, dot, side = name.rpartition(".")
        renamed = f"{base}.{src.other(side)}" if dot and side in ("L", "R") else name
        out.points[renamed] = (w - x, y)
    for key, polys in src.referrals.items():
        muscle, side = key.split(".")
        out.referrals[f"{muscle}.{src.other(side)}"] = [
            [(w - x, y) for x, y in reversed(p)] for p in polys]
    return out


def clip_to_rect(poly: list[Point], x0: float, y0: float, x1: float,
                 y1: float) -> list[Point]:
    """Sutherland-Hodgman clip of a polygon to an axis-aligned rectangle."""
    def clip(pts, inside, cross):
        out = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        return out

    def at_x(xc):
        return lambda a, b: (xc, a[1] + (b[1] - a[1]) * (xc - a[0]) / (b[0] - a[0]))

    def at_y(yc):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (yc - a[1]) / (b[1] - a[1]), yc)

    pts = list(poly)
    for inside, cross in ((lambda p: p[0] >= x0, at_x(x0)), (lambda p: p[0] <= x1, at_x(x1)),
                          (lambda p: p[1] >= y0, at_y(y0)), (lambda p: p[1] <= y1, at_y(y1))):
        if not pts:
            break
        pts = clip(pts, inside, cross)
    return pts


def crop_scene(src: Scene, view_id: str, rect: tuple[float, float, float, float],
               scale: float, keep=lambda item: True) -> Scene:
    """A detail view: the part of `src` inside `rect` (x0, y0, x1, y1), enlarged by
    `scale`. Shapes crossing the crop edge are clipped (as fine polylines)."""
    x0, y0, x1, y1 = rect
    fx = lambda x: (x - x0) * scale  # noqa: E731
    fy = lambda y: (y - y0) * scale  # noqa: E731
    out = Scene(view_id, (x1 - x0) * scale, (y1 - y0) * scale,
                fx(src.midline_x), left_side=src.left_side, mirrored=False,
                stroke_scale=src.stroke_scale * scale * 0.55)
    for name, (x, y) in src.points.items():
        if x0 <= x <= x1 and y0 <= y <= y1:
            out.points[name] = (fx(x), fy(y))
    for it in src.items:
        if it.kind not in ("landmark", "bone") and not keep(it):
            continue
        el_id = it.el_id.replace(src.view_id + ".", view_id + ".", 1)
        if it.kind == "fibre":
            pairs = [(float(a), float(b)) for a, b in _PAIR.findall(it.d)]
            if not all(x0 <= a <= x1 and y0 <= b <= y1 for a, b in pairs):
                continue
            d, poly = transform_d(it.d, fx, fy), []
        elif it.kind == "landmark" or (it.kind == "bone" and not it.poly):
            d, poly = transform_d(it.d, fx, fy), []
        else:
            bx0, by0, bx1, by1 = polygon_bbox(it.poly)
            if bx0 >= x0 and by0 >= y0 and bx1 <= x1 and by1 <= y1:
                d = transform_d(it.d, fx, fy)
                poly = [(fx(x), fy(y)) for x, y in it.poly]
            else:
                inset = 0.0 if it.kind == "silhouette" else 0.4
                clipped = clip_to_rect(it.poly, x0 + inset, y0 + inset, x1 - inset,
                                       y1 - inset)
                if len(clipped) < 3 or polygon_area(clipped) < 4.0:
                    continue
                poly = [(fx(x), fy(y)) for x, y in clipped]
                d = polyline_closed(poly)
                poly = parse_path(d)[0]
        if it.kind == "silhouette":
            out.silhouette_poly = poly
        out.items.append(Item(it.kind, d, poly, el_id=el_id, muscle=it.muscle, side=it.side,
                              layer=it.layer, deep=it.deep, tone=it.tone, width=it.width,
                              fill=it.fill, text=it.text))
    for key, polys in src.referrals.items():
        kept = []
        for p in polys:
            c = clip_to_rect(p, x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5)
            if len(c) >= 3 and polygon_area(c) > 4.0:
                kept.append([(fx(x), fy(y)) for x, y in c])
        if kept:
            out.referrals[key] = kept
    return out
