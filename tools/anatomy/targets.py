"""Click-target check the generator prints: every muscle must offer a target of at least
8 px in some view at the default visit window on a 1280x800 screen.

It reads the catalogue being written (each region's `target_diameter`, in its view's
units) and scales it as the visit window opens each view (bodymap.atlas.targets.fit_scale,
the scale measured in the app), so a drawing that leaves a muscle too small is named before
the assets are committed.
"""

from __future__ import annotations

from bodymap.atlas.targets import MIN_TARGET_PX, fit_scale

__all__ = ["MIN_TARGET_PX", "best_targets", "under_target"]


def best_targets(catalogue: dict) -> dict[str, tuple[float, str]]:
    """Per muscle: its largest click target in px over all views and sides, and where."""
    scale = {v["id"]: fit_scale(v["width"], v["height"]) for v in catalogue["views"]}
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
