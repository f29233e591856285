"""Uniform-grid point location for one view: "which shape is on top at (x, y)?".

Each grid cell stores what a query there needs:
- nothing (None) or one answer, when the cell lies wholly inside the topmost shape that
  touches it (most cells: an answer costs one list lookup);
- otherwise a short tuple of candidates, topmost first. A candidate whose boundary crosses
  the cell carries the edges clipped to that cell and whether the cell's reference point
  is inside; a query flips that answer once for every local edge crossed on the straight
  way from the reference point to the query point (both lie in the same convex cell, so no
  other edge can be crossed). No candidate needs a whole-polygon test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Generic, TypeVar

from bodymap.atlas.geometry import Point

T = TypeVar("T")

Edge = tuple[float, float, float, float]
# (answer, edges or None when the cell is wholly inside, ref x, ref y, ref inside)
Candidate = tuple[object, tuple[Edge, ...] | None, float, float, bool]


class GridIndex(Generic[T]):
    """Point location over shapes given bottom-to-top; a shape's answer may be None (a
    mask that hides what is below it, e.g. an arm drawn over the trunk)."""

    def __init__(self, width: float, height: float,
                 shapes: Sequence[tuple[T | None, Sequence[Point]]], cell: float) -> None:
        self.cell = cell
        self.inv = 1.0 / cell
        self.cols = max(1, math.ceil(width / cell))
        self.rows = max(1, math.ceil(height / cell))
        # ref point per cell: a little off-centre so it never sits on a vertex or edge
        self._dx = cell * 0.5 + cell * 0.01234567
        self._dy = cell * 0.5 + cell * 0.02345671
        stacks: dict[int, list[Candidate]] = {}
        for answer, poly in shapes:
            for key, cand in self._rasterise(answer, poly).items():
                stacks.setdefault(key, []).append(cand)
        cells: list[object] = [None] * (self.cols * self.rows)
        for key, stack in stacks.items():
            kept: list[Candidate] = []
            for cand in reversed(stack):  # topmost first
                kept.append(cand)
                if cand[1] is None:
                    break
            if kept[0][1] is None:
                cells[key] = kept[0][0]
            else:
                cells[key] = tuple(kept)
        self._cells = cells

    def _rasterise(self, answer: object, poly: Sequence[Point]) -> dict[int, Candidate]:
        cs, cols, rows = self.cell, self.cols, self.rows
        n = len(poly)
        edges_in: dict[int, list[Edge]] = {}
        crossings: dict[int, list[float]] = {}
        for i in range(n):
            ax, ay = poly[i - 1]
            bx, by = poly[i]
            edge = (ax, ay, bx, by)
            lo_y, hi_y = (ay, by) if ay <= by else (by, ay)
            r0 = max(0, int(lo_y // cs))
            r1 = min(rows - 1, int(hi_y // cs))
            for r in range(r0, r1 + 1):
                # part of the edge inside this row band
                band0, band1 = max(lo_y, r * cs), min(hi_y, (r + 1) * cs)
                if ay == by:
                    xa, xb = ax, bx
                else:
                    xa = ax + (band0 - ay) * (bx - ax) / (by - ay)
                    xb = ax + (band1 - ay) * (bx - ax) / (by - ay)
                if xa > xb:
                    xa, xb = xb, xa
                c0 = max(0, int(xa // cs))
                c1 = min(cols - 1, int(xb // cs))
                for c in range(c0, c1 + 1):
                    edges_in.setdefault(r * cols + c, []).append(edge)
                # crossing of the row's reference line (half-open rule of point_in_polygon)
                ry = r * cs + self._dy
                if (ay > ry) != (by > ry):
                    crossings.setdefault(r, []).append(ax + (ry - ay) * (bx - ax) / (by - ay))
        out: dict[int, Candidate] = {}
        for r, xs in crossings.items():
            xs.sort()
            ry = r * cs + self._dy
            for k in range(0, len(xs) - 1, 2):
                c0 = max(0, int(xs[k] // cs))
                c1 = min(cols - 1, int(xs[k + 1] // cs))
                for c in range(c0, c1 + 1):
                    rx = c * cs + self._dx
                    key = r * cols + c
                    if key not in edges_in and xs[k] <= rx < xs[k + 1]:
                        out[key] = (answer, None, rx, ry, True)
        for key, edges in edges_in.items():
            r, c = divmod(key, cols)
            rx, ry = c * cs + self._dx, r * cs + self._dy
            xs = crossings.get(r, [])
            inside = sum(1 for x in xs if x > rx) % 2 == 1
            out[key] = (answer, tuple(edges), rx, ry, inside)
        return out

    def query(self, x: float, y: float) -> T | None:
        """The answer of the topmost shape containing (x, y), or None."""
        if x < 0.0 or y < 0.0:
            return None
        c = int(x * self.inv)
        r = int(y * self.inv)
        if c >= self.cols or r >= self.rows:
            return None
        v = self._cells[r * self.cols + c]
        if v.__class__ is not tuple:
            return v  # type: ignore[return-value]
        for answer, edges, rx, ry, inside in v:  # type: ignore[union-attr]
            if edges is None:
                return answer  # type: ignore[no-any-return]
            ex, ey = x - rx, y - ry
            for ax, ay, bx, by in edges:
                # does segment ref->(x, y) cross edge a->b?
                d1 = ex * (ay - ry) - ey * (ax - rx)
                d2 = ex * (by - ry) - ey * (bx - rx)
                if (d1 > 0.0) != (d2 > 0.0):
                    fx, fy = bx - ax, by - ay
                    d3 = fx * (ry - ay) - fy * (rx - ax)
                    d4 = fx * (y - ay) - fy * (x - ax)
                    if (d3 > 0.0) != (d4 > 0.0):
                        inside = not inside
            if inside:
                return answer  # type: ignore[no-any-return]
        return None
