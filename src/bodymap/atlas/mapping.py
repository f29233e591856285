"""Carrying marks from one atlas version to another (copy-forward, compare).

A chart is drawn on the atlas version it was charted on, for ever. When a clinician copies
an earlier chart forward onto today's anatomy, or overlays an earlier visit on a later one
drawn on a newer version, each mark is carried across:

- a mark on a muscle stays on that muscle and side: its position is carried by the view's
  bony landmarks where both versions name at least three in common (a least-squares affine
  fit), else by the muscle's outline (its place within the region's bounds), else by the body
  outline; if the carried point does not fall on that muscle in the new drawing, the mark goes
  to the muscle's anchor (a well-inside point) and is reported as moved; if the view no
  longer draws that muscle, it goes to the muscle's anchor in a view that does, and is
  reported;
- a mark on no muscle (a text note) and a pain zone are carried by the landmarks or the body
  outline; a zone takes the muscle it now mostly covers;
- a mark whose muscle today's anatomy does not draw at all is not carried, and is reported:
  the earlier record still holds it.

Qt-free.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from bodymap.atlas.atlas import Atlas, Region
from bodymap.atlas.geometry import Point, polygon_bbox
from bodymap.model import Mark, PainZone, PointMark, Side

_KIND_WORDS = {"trigger_point": "Trigger point", "needle_site": "Needle site",
               "pain_zone": "Pain zone", "text_note": "Note"}


@dataclass(frozen=True)
class Carried:
    """The marks carried onto the target atlas (same order, same ids, minus those left
    behind), one report line per mark moved or left behind, and the ids left behind."""

    marks: list[Mark]
    notices: list[str]
    left_behind: list[str]


Affine = tuple[float, float, float, float, float, float]  # x' = a x + b y + c; y' = d x + e y + f


def _solve3(m: list[list[float]], v: list[float]) -> list[float] | None:
    """Solve a 3x3 linear system (Cramer's rule); None if singular."""
    def det(a: list[list[float]]) -> float:
        return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    d = det(m)
    if abs(d) < 1e-9:
        return None
    out = []
    for i in range(3):
        a = [row[:] for row in m]
        for r in range(3):
            a[r][i] = v[r]
        out.append(det(a) / d)
    return out


def affine_fit(pairs: Sequence[tuple[Point, Point]]) -> Affine | None:
    """Least-squares affine map taking each pair's first point to its second (None for
    fewer than three pairs or points on a line)."""
    if len(pairs) < 3:
        return None
    sxx = sxy = syy = sx = sy = 0.0
    n = float(len(pairs))
    bx = [0.0, 0.0, 0.0]
    by = [0.0, 0.0, 0.0]
    for (x, y), (u, v) in pairs:
        sxx += x * x
        sxy += x * y
        syy += y * y
        sx += x
        sy += y
        for k, base in enumerate((x, y, 1.0)):
            bx[k] += base * u
            by[k] += base * v
    normal = [[sxx, sxy, sx], [sxy, syy, sy], [sx, sy, n]]
    row_x = _solve3(normal, bx)
    row_y = _solve3(normal, by)
    if row_x is None or row_y is None:
        return None
    return (row_x[0], row_x[1], row_x[2], row_y[0], row_y[1], row_y[2])


def _box_map(src: tuple[float, float, float, float],
             dst: tuple[float, float, float, float]) -> Affine:
    sx0, sy0, sx1, sy1 = src
    dx0, dy0, dx1, dy1 = dst
    kx = (dx1 - dx0) / (sx1 - sx0) if sx1 > sx0 else 1.0
    ky = (dy1 - dy0) / (sy1 - sy0) if sy1 > sy0 else 1.0
    return (kx, 0.0, dx0 - sx0 * kx, 0.0, ky, dy0 - sy0 * ky)


def _apply(t: Affine, p: Point) -> Point:
    a, b, c, d, e, f = t
    return (a * p[0] + b * p[1] + c, d * p[0] + e * p[1] + f)


def view_map(source: Atlas, target: Atlas, view_id: str) -> Affine:
    """How a point of `view_id` in `source` is carried to the same view in `target`: by the
    bony landmarks both name (at least three), else by the body outline's bounds."""
    a, b = source.landmarks.get(view_id, {}), target.landmarks.get(view_id, {})
    fit = affine_fit([(a[n], b[n]) for n in sorted(a.keys() & b.keys())])
    if fit is not None:
        return fit
    return _box_map(polygon_bbox(source.silhouette(view_id)),
                    polygon_bbox(target.silhouette(view_id)))


def _where(mark: Mark, region_name: str | None = None) -> str:
    kind = _KIND_WORDS.get(mark.kind, "Mark")
    return f"{kind} on {region_name}" if region_name else kind


def carry_marks(marks: Sequence[Mark], source: Atlas, target: Atlas) -> Carried:
    """`marks`, charted on `source`, carried onto `target` (see the module's text). The same
    version carries every mark unchanged."""
    if source is target or (source.version, source.figure) == (target.version, target.figure):
        return Carried(list(marks), [], [])
    target_views = {v.id for v in target.views}
    maps: dict[str, Affine] = {}
    out: list[Mark] = []
    moved: list[str] = []  # the report, in chart order
    left: list[str] = []

    def mapped(view_id: str, p: Point) -> Point:
        t = maps.get(view_id)
        if t is None:
            t = maps[view_id] = view_map(source, target, view_id)
        return _apply(t, p)

    for mark in marks:
        old_region = _region(source, mark.region_id)
        name = old_region.name if old_region else None
        if mark.view not in target_views:
            left.append(mark.id)
            moved.append(f"{_where(mark, name)}: not copied, today's anatomy has no "
                         f"{source.view(mark.view).title.lower()}.")
            continue
        if isinstance(mark, PainZone):
            points = tuple(mapped(mark.view, p) for p in mark.points)
            region = target.region_under(mark.view, points)
            out.append(dataclasses.replace(
                mark, points=points, region_id=region.id if region else None,
                muscle=region.muscle if region else None,
                side=Side(region.side) if region else mark.side))
            continue
        if not isinstance(mark, PointMark):
            out.append(mark)
            continue
        if mark.region_id is None:
            x, y = mapped(mark.view, (mark.x, mark.y))
            out.append(dataclasses.replace(mark, x=x, y=y))
            continue
        new_region = _region(target, mark.region_id)
        if new_region is None:
            new_region = _same_muscle_elsewhere(target, mark)
            if new_region is None:
                left.append(mark.id)
                moved.append(f"{_where(mark, name)}: not copied, today's anatomy does not "
                             "draw that muscle; chart it again.")
                continue
            x, y = new_region.anchor
            out.append(dataclasses.replace(mark, view=new_region.view,
                                           region_id=new_region.id, x=x, y=y))
            moved.append(f"{_where(mark, name)}: moved to the "
                         f"{target.view(new_region.view).title.lower()}, which draws it now.")
            continue
        point = _carry_point(source, target, mark, old_region, new_region, mapped)
        if point is None:
            x, y = new_region.anchor
            moved.append(f"{_where(mark, name)}: moved to the middle of the muscle (its "
                         "place in the earlier drawing is not on it in today's).")
        else:
            x, y = point
        out.append(dataclasses.replace(mark, x=x, y=y))
    return Carried(out, moved, left)


def _region(atlas: Atlas, region_id: str | None) -> Region | None:
    if region_id is None:
        return None
    try:
        return atlas.region(region_id)
    except KeyError:
        return None


def _same_muscle_elsewhere(target: Atlas, mark: Mark) -> Region | None:
    """The muscle and side of `mark` in another view of `target` (the biggest target)."""
    if mark.muscle is None or mark.side is None:
        return None
    found = [r for r in target.regions if r.muscle == mark.muscle and r.side == mark.side.value]
    return max(found, key=lambda r: (r.area, r.id)) if found else None


def _hits(target: Atlas, region: Region, p: Point) -> bool:
    return target.region_at(region.view, p[0], p[1], region.depth) is region


def _carry_point(source: Atlas, target: Atlas, mark: PointMark, old: Region | None,
                 new: Region, mapped) -> Point | None:
    """Where the mark goes on `new` (its muscle in `target`), or None if neither the
    landmarks nor the muscle's outline put it on that muscle."""
    p = mapped(mark.view, (mark.x, mark.y))
    if _hits(target, new, p):
        return p
    if old is not None:  # its place within the muscle's bounds
        q = _apply(_box_map(old.bbox, new.bbox), (mark.x, mark.y))
        if _hits(target, new, q):
            return q
    return None
