"""Inspection CLI: `python -m bodymap.atlas list --json | hit VIEW X Y | render VIEW OUT.png`."""

from __future__ import annotations

import argparse
import json
import sys

from bodymap.atlas.versions import UnknownAtlasVersion, load_atlas


def _rounded(polys: list) -> list:
    return [[[round(x, 2), round(y, 2)] for x, y in poly] for poly in polys]


def _referral(atlas: object) -> dict[str, object]:
    """Per muscle the atlas draws: the pattern's source and, per side, the essential and
    spillover polygons and the typical trigger points per view (bodymap.atlas.referral)."""
    from bodymap.atlas.referral import ESSENTIAL, SPILLOVER, patterns, resolve

    drawn = {m.id for m in atlas.muscles}  # type: ignore[attr-defined]
    out: dict[str, object] = {}
    for muscle, pattern in patterns().items():
        if muscle not in drawn:
            continue
        sides = {}
        for side in ("L", "R"):
            r = resolve(pattern, atlas, side)  # type: ignore[arg-type]
            sides[side] = {
                "essential": {v: _rounded(z.get(ESSENTIAL, [])) for v, z in r.zones.items()
                              if z.get(ESSENTIAL)},
                "spillover": {v: _rounded(z.get(SPILLOVER, [])) for v, z in r.zones.items()
                              if z.get(SPILLOVER)},
                "trigger_points": {v: [[round(x, 2), round(y, 2)] for x, y in ps]
                                   for v, ps in r.trigger_points.items()}}
        out[muscle] = {"source": pattern.source, "description": pattern.note, **sides}
    return out


def _hazard_zones(atlas: object) -> dict[str, list[dict[str, object]]]:
    """Per view: every hazard zone's id (with its side), type, structure, polygons, depth
    guidance in mm (null where the literature gives none) and source."""
    from bodymap.atlas.hazards import zones_on

    return {view: [{"id": s.id, "type": s.zone.type, "structure": s.zone.structure,
                    "polygons": _rounded(list(s.polygons)), "depth_mm": s.zone.depth_mm,
                    "source": s.zone.source} for s in shapes]
            for view, shapes in zones_on(atlas).items()}  # type: ignore[arg-type]


def _list(as_json: bool, version: int | None) -> int:
    try:
        atlas = load_atlas(version)
    except UnknownAtlasVersion as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from bodymap.atlas.targets import default_px_per_unit, target_diameters

    diameters = target_diameters(atlas)
    data = {
        "version": atlas.version,
        "landmarks": {vid: {name: [round(x, 2), round(y, 2)] for name, (x, y) in named.items()}
                      for vid, named in atlas.landmarks.items()},
        "views": [{"id": v.id, "width": v.width, "height": v.height, "midline_x": v.midline_x,
                   "facing": v.facing, "layers": list(atlas.layers(v.id)),
                   "default_px_per_unit": round(default_px_per_unit(v), 4),
                   "silhouette_area": round(atlas.silhouette_area(v.id), 1)}
                  for v in atlas.views],
        "regions": [{"id": r.id, "name": r.name, "muscle": r.muscle, "side": r.side,
                     "view": r.view, "segment": r.segment, "layer": r.depth,
                     "draw_order": r.layer,
                     "centroid": [round(r.centroid[0], 2), round(r.centroid[1], 2)],
                     "area": round(r.area, 1), "hazard": list(r.hazards),
                     "target_diameter": round(diameters[r.id], 2)}
                    for r in atlas.regions],
        "referral": _referral(atlas),
        "hazard_zones": _hazard_zones(atlas),
    }
    if as_json:
        json.dump(data, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        for v in data["views"]:
            print(f"view {v['id']}: {v['width']:g} x {v['height']:g}")
        for r in data["regions"]:
            flag = f"  [{', '.join(r['hazard'])}]" if r["hazard"] else ""
            print(f"{r['id']:50s} {r['name']}{flag}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the atlas inspection CLI."""
    parser = argparse.ArgumentParser(prog="python -m bodymap.atlas")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_list = sub.add_parser("list", help="list views and regions")
    p_list.add_argument("--json", action="store_true")
    p_list.add_argument("--atlas-version", type=int, default=None,
                        help="an atlas version shipped (default: the current one)")
    p_hit = sub.add_parser("hit", help="print the region id at a point (nothing if none)")
    p_hit.add_argument("view")
    p_hit.add_argument("x", type=float)
    p_hit.add_argument("y", type=float)
    p_render = sub.add_parser("render", help="render a view to PNG for review")
    p_render.add_argument("view")
    p_render.add_argument("out")
    for p in (p_hit, p_render):
        p.add_argument("--atlas-version", type=int, default=None,
                       help="an atlas version shipped (default: the current one)")
        p.add_argument("--layer", choices=("superficial", "deep"), default="superficial",
                       help="the layer shown (default: superficial)")
    p_render.add_argument("--labels", action="store_true")
    p_render.add_argument("--referral", help="overlay the referral of this region id")
    p_render.add_argument("--height", type=int, default=1600, help="image height in pixels")
    args = parser.parse_args(argv)
    if args.cmd == "list":
        return _list(args.json, args.atlas_version)
    try:
        atlas = load_atlas(args.atlas_version)
    except UnknownAtlasVersion as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.view not in {v.id for v in atlas.views}:
        print(f"error: no view {args.view!r} in atlas version {atlas.version}",
              file=sys.stderr)
        return 2
    if args.cmd == "hit":
        region = atlas.region_at(args.view, args.x, args.y, args.layer)
        if region is not None:
            print(region.id)
        return 0
    from bodymap.atlas.qt import render_view_png  # Qt only when rendering

    render_view_png(args.view, args.out, labels=args.labels, height=args.height,
                    referral_of=args.referral, atlas=atlas, layer=args.layer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
