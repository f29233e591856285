"""Generate the atlas artwork and region catalogue.

    python tools/anatomy/generate.py

writes src/bodymap/assets/anatomy/v<CATALOGUE_VERSION>/: <view>.svg (the superficial layer:
the complete default picture), <view>.deep.svg (the deep layer's overlay, for views that have
deep muscles), catalogue.json and outlines.json (all committed). A released version's folder is frozen (visits charted on it
draw on it for ever): the generator refuses to write one; a new drawing is a new version. The
drawings are built from the landmark descriptions in this folder; edit those and rerun.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from muscles import MUSCLES  # noqa: E402
from scene import Scene  # noqa: E402

CATALOGUE_VERSION = 2
RELEASED = 2  # versions up to this one have shipped and are never rewritten
OUT = ROOT / "src" / "bodymap" / "assets" / "anatomy" / f"v{CATALOGUE_VERSION}"


def scenes() -> list[tuple[Scene, str, str, str, str]]:
    """(scene, title, kind, facing, mirror view) in catalogue order."""
    from front import build_front

    out: list[tuple[Scene, str, str, str, str]] = [
        (build_front(), "Anterior (front) view", "full", "anterior", "anterior"),
    ]
    try:
        from back import build_back
        out.append((build_back(), "Posterior (back) view", "full", "posterior", "posterior"))
    except ImportError:
        pass
    try:
        from side import build_left_lateral, mirror_scene
        left = build_left_lateral()
        out.append((left, "Left lateral view", "full", "left", "right_lateral"))
        out.append((mirror_scene(left, "right_lateral"), "Right lateral view", "full",
                    "right", "left_lateral"))
    except ImportError:
        pass
    try:
        from details import build_details
        out.extend(build_details({s.view_id: s for s, *_ in out}))
    except ImportError:
        pass
    from limb_views import build_limbs
    out.extend(build_limbs({s.view_id: s for s, *_ in out}))
    return out


def target_diameter(radius: float) -> float:
    """A region's click-target diameter as stored: rounded down to 0.1 unit, so the
    catalogue never promises a disc larger than a click reaches."""
    return math.floor(20 * radius + 1e-9) / 10


def main() -> int:
    if CATALOGUE_VERSION <= RELEASED:
        print(f"atlas version {CATALOGUE_VERSION} is released and frozen; raise "
              "CATALOGUE_VERSION to draw a new version", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    known = {m[0] for m in MUSCLES}
    views, regions, masks = [], [], []
    referrals: dict[str, dict[str, dict[str, list]]] = {}
    used: set[str] = set()
    landmarks: dict[str, dict[str, list[float]]] = {}
    svg_names: list[str] = []
    for old in OUT.glob("*.svg"):
        old.unlink()  # a view dropped or a deep layer gone leaves no stale file
    full_body: list[tuple[Scene, str]] = []
    for scene, title, kind, facing, mirror_view in scenes():
        if kind == "full":
            full_body.append((scene, title))
        (OUT / f"{scene.view_id}.svg").write_text(scene.svg(title), encoding="utf-8")
        svg_names.append(scene.view_id)
        layers = ["superficial"]
        if scene.has_deep:
            (OUT / f"{scene.view_id}.deep.svg").write_text(scene.svg(title, "deep"),
                                                           encoding="utf-8")
            svg_names.append(f"{scene.view_id}.deep")
            layers.append("deep")
        views.append({"id": scene.view_id, "title": title, "kind": kind, "facing": facing,
                      "width": scene.width, "height": scene.height,
                      "midline_x": scene.midline_x, "mirror_view": mirror_view,
                      "layers": layers})
        landmarks[scene.view_id] = {name: [round(x, 2), round(y, 2)]
                                    for name, (x, y) in sorted(scene.points.items())}
        anchors = scene.anchors()
        for item in scene.ordered():
            if item.kind == "region":
                if item.muscle not in known:
                    raise SystemExit(f"unknown muscle {item.muscle} in {scene.view_id}")
                used.add(item.muscle)
                regions.append({"id": item.el_id, "view": scene.view_id,
                                "muscle": item.muscle, "side": item.side,
                                "layer": item.layer, "depth": item.depth,
                                "anchor": list(anchors[item.el_id]),
                                "target_diameter": target_diameter(
                                    scene.target_radius[item.el_id])})
            elif item.kind == "mask":
                masks.append({"id": item.el_id, "view": scene.view_id, "layer": item.layer})
        for key, polys in scene.referrals.items():
            muscle, side = key.split(".")
            referrals.setdefault(muscle, {}).setdefault(side, {})[scene.view_id] = [
                [[round(x, 1), round(y, 1)] for x, y in poly] for poly in polys]
    muscles = []
    for mid, name, segment, hazards, caution in MUSCLES:
        if mid not in used:
            print(f"note: muscle {mid} is not drawn in any view", file=sys.stderr)
            continue
        muscles.append({"id": mid, "name": name, "segment": segment, "hazards": hazards,
                        "caution": caution, "referral": referrals.get(mid, {})})
    catalogue = {
        "version": CATALOGUE_VERSION,
        "about": "bodymap anatomy atlas. Coordinates are SVG user units of each view (y down). "
                 "Full-body views share one scale: standing height 1000 units, floor at "
                 "y=1020. Region id = view.muscle.side; side is the PATIENT's side. "
                 "Each view has a superficial layer (<view>.svg, shown by default) and may "
                 "have a deep layer (<view>.deep.svg, drawn over it when shown); a region's "
                 "depth says which it is clicked in; the deep layer's hit order puts its "
                 "regions over the superficial ones. Within a layer: layer, then document "
                 "order in the SVG. Landmarks: named bony landmarks per view, paired names "
                 "suffixed .L/.R (the patient's side). "
                 "Generated by tools/anatomy/generate.py.",
        "views": views,
        "landmarks": landmarks,
        "muscles": muscles,
        "regions": regions,
        "masks": masks,
    }
    (OUT / "catalogue.json").write_text(json.dumps(catalogue, indent=1) + "\n",
                                        encoding="utf-8")
    # flattened outlines, so that loading the atlas need not parse the SVG paths
    from bodymap.atlas.atlas import OUTLINES_FILE, outline_table
    svgs = {name: (OUT / f"{name}.svg").read_text(encoding="utf-8") for name in svg_names}
    table = outline_table(svgs)
    (OUT / OUTLINES_FILE).write_text(
        json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    # each region's click target as the app computes it from these very outlines (the
    # scene's sampled estimate above is only a first guess), rounded down
    from bodymap.atlas import Atlas
    from bodymap.atlas.targets import target_diameters

    drawn = Atlas(json.loads(json.dumps(catalogue)), svgs,
                  json.loads(json.dumps(table))["views"], version=CATALOGUE_VERSION)
    exact = target_diameters(drawn)
    for r in regions:
        r["target_diameter"] = target_diameter(exact[r["id"]] / 2)
    (OUT / "catalogue.json").write_text(json.dumps(catalogue, indent=1) + "\n",
                                        encoding="utf-8")
    write_female(full_body)
    from targets import MIN_TARGET_PX, under_target
    small = under_target(catalogue)
    if small:
        print(f"{len(small)} muscles offer no click target of {MIN_TARGET_PX:g} px in any "
              "view:\n  " + "\n  ".join(small), file=sys.stderr)
    import scene as scene_mod
    if scene_mod.ERRORS:
        print("\n".join(scene_mod.ERRORS), file=sys.stderr)
        return 1
    print(f"{len(views)} views, {len(regions)} regions, {len(muscles)} muscles")
    return 0


def write_female(full_body: list[tuple[Scene, str]]) -> None:
    """The female figure (female.py) of each full-body view into OUT/female/: its SVGs, the
    outlines, and figure.json with what differs from the standard figure's catalogue (the
    regions' anchors and click targets, the landmarks, the referral areas). Region ids,
    muscles, layers and draw order are the standard figure's."""
    from female import female_variant

    folder = OUT / "female"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.svg"):
        old.unlink()
    names: list[str] = []
    figure: dict = {"figure": "female", "views": [], "landmarks": {}, "regions": {},
                    "referrals": {}}
    for scene, title in full_body:
        fem = female_variant(scene)
        title = f"{title}, female figure"
        (folder / f"{fem.view_id}.svg").write_text(fem.svg(title), encoding="utf-8")
        names.append(fem.view_id)
        if fem.has_deep:
            (folder / f"{fem.view_id}.deep.svg").write_text(fem.svg(title, "deep"),
                                                            encoding="utf-8")
            names.append(f"{fem.view_id}.deep")
        figure["views"].append(fem.view_id)
        figure["landmarks"][fem.view_id] = {n: [round(x, 2), round(y, 2)]
                                            for n, (x, y) in sorted(fem.points.items())}
        anchors = fem.anchors()
        for item in fem.ordered():
            if item.kind == "region":
                figure["regions"][item.el_id] = {
                    "anchor": list(anchors[item.el_id]),
                    "target_diameter": target_diameter(fem.target_radius[item.el_id])}
        for key, polys in fem.referrals.items():
            muscle, side = key.split(".")
            figure["referrals"].setdefault(muscle, {}).setdefault(side, {})[fem.view_id] = [
                [[round(x, 1), round(y, 1)] for x, y in poly] for poly in polys]
    (folder / "figure.json").write_text(json.dumps(figure, indent=1) + "\n", encoding="utf-8")
    from bodymap.atlas.atlas import OUTLINES_FILE, outline_table
    svgs = {n: (folder / f"{n}.svg").read_text(encoding="utf-8") for n in names}
    (folder / OUTLINES_FILE).write_text(
        json.dumps(outline_table(svgs), separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
