"""A small SVG path-data parser that flattens curves into polygons (no Qt).

Supports the commands the atlas generator emits and a little more: M, L, H, V, C, S, Q, T
and Z, absolute and relative. Arcs (A) are not supported and raise ValueError.
"""

from __future__ import annotations

import math
import re

from bodymap.atlas.geometry import Point

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZzAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}

#: Largest distance (user units) between a flattened chord and the true curve.
DEFAULT_TOLERANCE = 0.05


def _cubic(out: list[Point], p0: Point, p1: Point, p2: Point, p3: Point, tol: float) -> None:
    # The chord error of a uniformly subdivided cubic is bounded by |B''|max * h^2 / 8.
    ddx = max(abs(p0[0] - 2 * p1[0] + p2[0]), abs(p1[0] - 2 * p2[0] + p3[0]))
    ddy = max(abs(p0[1] - 2 * p1[1] + p2[1]), abs(p1[1] - 2 * p2[1] + p3[1]))
    dd = 6.0 * math.hypot(ddx, ddy)
    n = max(1, math.ceil(math.sqrt(dd / (8.0 * tol))))
    for i in range(1, n + 1):
        t = i / n
        u = 1.0 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))


def _quad(out: list[Point], p0: Point, p1: Point, p2: Point, tol: float) -> None:
    c1 = (p0[0] + 2.0 / 3.0 * (p1[0] - p0[0]), p0[1] + 2.0 / 3.0 * (p1[1] - p0[1]))
    c2 = (p2[0] + 2.0 / 3.0 * (p1[0] - p2[0]), p2[1] + 2.0 / 3.0 * (p1[1] - p2[1]))
    _cubic(out, p0, c1, c2, p2, tol)


def parse_path(d: str, tolerance: float = DEFAULT_TOLERANCE) -> list[list[Point]]:
    """Flatten SVG path data into one polygon per subpath.

    `tolerance` is the largest allowed gap between the flattened chords and the curve, in
    user units. Repeated closing points are dropped, so a polygon never lists its first
    point twice.
    """
    tokens = _TOKEN.findall(d)
    polys: list[list[Point]] = []
    current: list[Point] = []
    pos: Point = (0.0, 0.0)
    start: Point = (0.0, 0.0)
    last_ctrl: Point | None = None
    last_cmd = ""
    i = 0
    cmd = ""

    def flush() -> None:
        nonlocal current
        if len(current) >= 2 and current[0] == current[-1]:
            current.pop()
        if len(current) >= 3:
            polys.append(current)
        current = []

    while i < len(tokens):
        tok = tokens[i]
        if tok.isalpha():
            cmd = tok
            i += 1
            if cmd in "Zz":
                flush()
                pos = start
                last_ctrl, last_cmd = None, "Z"
                continue
        elif not cmd:
            raise ValueError(f"path data must start with a command: {d[:40]!r}")
        up = cmd.upper()
        if up == "A":
            raise ValueError("elliptical arcs are not supported")
        n = _ARGS[up]
        if i + n > len(tokens) or any(t.isalpha() for t in tokens[i:i + n]):
            raise ValueError(f"bad arguments for {cmd!r} in path data")
        v = [float(t) for t in tokens[i:i + n]]
        i += n
        rel = cmd.islower()
        ox, oy = pos if rel else (0.0, 0.0)
        if up == "M":
            flush()
            pos = (ox + v[0], oy + v[1])
            start = pos
            current = [pos]
            cmd = "l" if rel else "L"  # implicit lineto after the first pair
            last_ctrl = None
        elif up in "LHV":
            if up == "L":
                pos = (ox + v[0], oy + v[1])
            elif up == "H":
                pos = ((ox if rel else 0.0) + v[0], pos[1])
            else:
                pos = (pos[0], (oy if rel else 0.0) + v[0])
            current.append(pos)
            last_ctrl = None
        elif up == "C":
            c1 = (ox + v[0], oy + v[1])
            c2 = (ox + v[2], oy + v[3])
            end = (ox + v[4], oy + v[5])
            _cubic(current, pos, c1, c2, end, tolerance)
            pos, last_ctrl = end, c2
        elif up == "S":
            c1 = (2 * pos[0] - last_ctrl[0], 2 * pos[1] - last_ctrl[1]) \
                if last_ctrl is not None and last_cmd in "CS" else pos
            c2 = (ox + v[0], oy + v[1])
            end = (ox + v[2], oy + v[3])
            _cubic(current, pos, c1, c2, end, tolerance)
            pos, last_ctrl = end, c2
        elif up == "Q":
            c = (ox + v[0], oy + v[1])
            end = (ox + v[2], oy + v[3])
            _quad(current, pos, c, end, tolerance)
            pos, last_ctrl = end, c
        elif up == "T":
            c = (2 * pos[0] - last_ctrl[0], 2 * pos[1] - last_ctrl[1]) \
                if last_ctrl is not None and last_cmd in "QT" else pos
            end = (ox + v[0], oy + v[1])
            _quad(current, pos, c, end, tolerance)
            pos, last_ctrl = end, c
        last_cmd = up
    flush()
    return polys
