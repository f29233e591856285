"""Click-target check: every muscle must offer a target of at least 8 px in some view at
the default visit window on a 1280x800 screen.

The chart canvas there fits a view (plus a margin of 8.1 units each side) into about
369.2 x 590.1 px; that reproduces the measured scales (full-body views 0.5587 px per unit,
head_neck_anterior 0.5541, the lateral head and neck views 0.744, hands and feet 0.6406).
"""

from __future__ import annotations

CANVAS_W, CANVAS_H, MARGIN = 369.2, 590.1, 8.1
MIN_TARGET_PX = 8.0


def default_px_per_unit(width: float, height: float) -> float:
    """Pixels per diagram unit of a view of this size at the default visit window."""
    return min(CANVAS_W / (width + 2 * MARGIN), CANVAS_H / (height + 2 * MARGIN))


def best_targets(catalogue: dict) -> dict[str, tuple[float, str]]:
    """Per muscle: its largest click target in px over all views and sides, and where."""
    scale = {v["id"]: default_px_per_unit(v["width"], v["height"])
             for v in catalogue["views"]}
    best: dict[str, tuple[float, str]] = {}
    for r in catalogue["regions"]:
        px = r["target_diameter"] * scale[r["view"]]
        if px > best.get(r["muscle"], (-1.0, ""))[0]:
            best[r["muscle"]] = (round(px, 1), r["id"])
    return best


def under_target(catalogue: dict, minimum: float = MIN_TARGET_PX) -> list[str]:
    """Lines naming each drawn muscle whose best click target is under `minimum` px."""
    return [f"{m}: {px} px at best ({rid})"
            for m, (px, rid) in sorted(best_targets(catalogue).items(), key=lambda kv: kv[1])
            if px < minimum]
