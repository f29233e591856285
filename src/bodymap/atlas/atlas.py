"""The loaded anatomy atlas: views, muscles, regions, hit-testing (no Qt)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from bodymap.atlas.geometry import (
    BBox,
    Point,
    point_in_polygon,
    polygon_area,
    polygon_bbox,
    polygon_centroid,
)
from bodymap.atlas.index import GridIndex
from bodymap.atlas.svgpath import parse_path

SIDES = ("L", "R")
#: a view's layers, bottom first: the default picture and the deep muscles' overlay
LAYERS = ("superficial", "deep")
SIDE_WORDS = {"L": "left", "R": "right"}
HAZARDS = ("thorax", "spine", "anterior_hip", "abdomen")
SEGMENTS = ("head/neck", "shoulder", "arm", "forearm/hand", "trunk", "hip", "thigh", "leg/foot")


@dataclass(frozen=True)
class View:
    """One diagram. `facing` says how the patient's sides map to the page: "anterior"
    (patient's left on the viewer's right), "posterior" (patient's left on the viewer's
    left), "left" or "right" (a lateral view showing that side). `midline_x` is the body
    midline in front/back views and the mirror axis in lateral views."""

    id: str
    title: str
    kind: str  # "full" or "detail"
    facing: str
    width: float
    height: float
    midline_x: float
    mirror_view: str  # the view holding the other side's regions (itself for front/back)
    svg: str = field(repr=False)
    #: the view's layers: "superficial" (the default picture, `svg`) and, where the view
    #: has deep muscles, "deep" (the overlay `deep_svg`, drawn over it when shown)
    layers: tuple[str, ...] = ("superficial",)
    deep_svg: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Muscle:
    """A muscle (or muscle part) as clinicians chart it."""

    id: str
    name: str
    segment: str
    hazards: tuple[str, ...]
    caution: str | None
    # side -> view id -> polygons of the classic referred-pain area
    referral: dict[str, dict[str, tuple[tuple[Point, ...], ...]]] = field(repr=False)


@dataclass(frozen=True, eq=False)
class Region:
    """One clickable muscle region of one view, named for the patient's side."""

    id: str
    view: str
    muscle: str
    side: str
    name: str
    segment: str
    hazards: tuple[str, ...]
    caution: str | None
    layer: int  # draw order within its layer's SVG (lower first)
    z: int  # position in the view's draw order (higher is on top)
    outline: tuple[Point, ...] = field(repr=False)
    bbox: BBox
    centroid: Point
    area: float
    anchor: Point  # a visible point inside the region (labels, tests)
    #: the layer it is shown and clicked in: "superficial" (default) or "deep"
    depth: str = "superficial"

    def __hash__(self) -> int:
        return hash(self.id)


#: Precomputed outlines: every id'd path of every view flattened exactly as `_svg_shapes`
#: does, written by tools/anatomy/generate.py next to the SVGs (see `outline_table`).
OUTLINES_FILE = "outlines.json"
OUTLINES_SCALE = 100  # coordinates are stored as integers in 1/100 user units


class Atlas:
    """All views and regions of one atlas version (see bodymap.atlas.versions).

    `outlines` (optional) is the precomputed outline table (`outline_table`); a view whose
    entry is missing or was made from a different SVG text is parsed from its SVG instead.
    Hit-test indexes are built per view on first use."""

    def __init__(self, catalogue: dict, svgs: dict[str, str],
                 outlines: dict | None = None, *, version: int | None = None,
                 figure: str = "standard") -> None:
        # the atlas version is its folder's (bodymap.atlas.versions); a catalogue on its
        # own says it
        self.version: int = catalogue["version"] if version is None else version
        #: "standard", or "female": the full-body views drawn with a woman's proportions
        #: (same regions and landmarks' names)
        self.figure = figure
        self._views: dict[str, View] = {}
        for v in catalogue["views"]:
            layers = tuple(v.get("layers", LAYERS[:1]))
            if layers not in (LAYERS[:1], LAYERS):
                raise ValueError(f"view {v['id']}: unknown layers {layers}")
            self._views[v["id"]] = View(
                id=v["id"], title=v["title"], kind=v["kind"], facing=v["facing"],
                width=float(v["width"]), height=float(v["height"]),
                midline_x=float(v["midline_x"]), mirror_view=v["mirror_view"],
                svg=svgs[v["id"]], layers=layers,
                deep_svg=svgs[f"{v['id']}.deep"] if "deep" in layers else None)
        self._muscles: dict[str, Muscle] = {}
        for m in catalogue["muscles"]:
            referral = {
                side: {view: tuple(tuple((float(x), float(y)) for x, y in poly) for poly in polys)
                       for view, polys in per_view.items()}
                for side, per_view in m.get("referral", {}).items()}
            self._muscles[m["id"]] = Muscle(
                id=m["id"], name=m["name"], segment=m["segment"],
                hazards=tuple(m["hazards"]), caution=m["caution"], referral=referral)
        shapes: dict[str, dict[str, tuple[str, list[Point]]]] = {}
        geoms: dict[str, dict[str, tuple]] = {}
        deep_shapes: dict[str, dict[str, tuple[str, list[Point]]]] = {}
        for vid, view in self._views.items():
            shapes[vid], geoms[vid] = _view_shapes(view.svg, (outlines or {}).get(vid))
            if view.deep_svg is not None:
                deep_shapes[vid], deep_geoms = _view_shapes(
                    view.deep_svg, (outlines or {}).get(f"{vid}.deep"))
                geoms[vid].update(deep_geoms)
        #: named bony landmarks per view (diagram units; paired names end .L/.R, the
        #: patient's side); every view has an entry, empty where the catalogue has none
        self.landmarks: dict[str, dict[str, Point]] = {vid: {} for vid in self._views}
        for vid, named in catalogue.get("landmarks", {}).items():
            if vid not in self._views:
                raise ValueError(f"landmarks given for unknown view {vid}")
            self.landmarks[vid] = {name: (float(x), float(y)) for name, (x, y) in named.items()}
        self._silhouettes: dict[str, tuple[Point, ...]] = {}
        for vid in self._views:
            sil = shapes[vid].get(f"{vid}.silhouette")
            if sil is None:
                raise ValueError(f"view {vid} has no silhouette element")
            self._silhouettes[vid] = tuple(sil[1])
        self._regions: dict[str, Region] = {}
        self._by_view: dict[str, list[Region]] = {vid: [] for vid in self._views}
        # draw order: each view's superficial picture, then its deep overlay
        layers = {key: per_view for vid in self._views
                  for key, per_view in ((vid, shapes[vid]),
                                        (f"{vid}.deep", deep_shapes.get(vid, {})))}
        order = {rid: i for i, rid in enumerate(shapes_order(layers))}
        for r in catalogue["regions"]:
            rid = r["id"]
            depth = r.get("depth", "superficial")
            if depth not in self._views[r["view"]].layers:
                raise ValueError(f"region {rid}: layer {depth!r} is not one of its view's")
            drawn = (shapes if depth == "superficial" else deep_shapes)[r["view"]]
            if rid not in drawn:
                suffix = ".svg" if depth == "superficial" else ".deep.svg"
                raise ValueError(f"region {rid} is not drawn in {r['view']}{suffix}")
            muscle = self._muscles[r["muscle"]]
            outline = tuple(drawn[rid][1])
            geom = geoms[r["view"]].get(rid) or _geometry(outline)
            region = Region(
                id=rid, view=r["view"], muscle=r["muscle"], side=r["side"],
                name=f"{muscle.name} ({SIDE_WORDS[r['side']]})", segment=muscle.segment,
                hazards=muscle.hazards, caution=muscle.caution, layer=int(r["layer"]),
                z=order[rid], outline=outline, bbox=geom[0], centroid=geom[1], area=geom[2],
                anchor=(float(r["anchor"][0]), float(r["anchor"][1])), depth=depth)
            self._regions[rid] = region
            self._by_view[r["view"]].append(region)
        masks = {m["id"]: m for m in catalogue.get("masks", [])}
        self._index: dict[tuple[str, str], GridIndex[Region]] = {}
        # per (view, layer): what a click can reach, bottom first. The deep layer's stack is
        # the superficial one with the deep muscles over it (a click beside every deep
        # muscle still finds the superficial one under it).
        self._stacks: dict[tuple[str, str], list[tuple[Region | None, tuple[Point, ...]]]] = {}
        for vid in self._views:
            stack: list[tuple[Region | None, tuple[Point, ...]]] = []
            for depth, drawn in (("superficial", shapes[vid]), ("deep", deep_shapes.get(vid, {}))):
                for el_id, (cls, poly) in drawn.items():
                    if "region" in cls.split():
                        region = self._regions.get(el_id)
                        if region is None or region.depth != depth:
                            raise ValueError(f"{vid} draws {el_id} in its {depth} layer, "
                                             "which the catalogue does not")
                        stack.append((region, region.outline))
                    elif "mask" in cls.split() and el_id in masks:
                        stack.append((None, tuple(poly)))
                self._stacks[(vid, depth)] = list(stack)
            self._by_view[vid].sort(key=lambda reg: reg.z)

    def _build_index(self, view_id: str, layer: str) -> GridIndex[Region]:
        view = self._views[view_id]
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}")
        shown = layer if layer in view.layers else "superficial"  # one layer only
        index = self._index.get((view_id, shown))
        if index is None:
            cell = max(view.width, view.height) / 200.0
            index = GridIndex(view.width, view.height, self._stacks[(view_id, shown)], cell)
            self._index[(view_id, shown)] = index
        self._index[(view_id, layer)] = index
        return index

    # views -----------------------------------------------------------------------------
    @property
    def views(self) -> list[View]:
        """All views in catalogue order (full-body views first)."""
        return list(self._views.values())

    def view(self, view_id: str) -> View:
        """The view with this id (KeyError if unknown)."""
        return self._views[view_id]

    def layers(self, view_id: str) -> tuple[str, ...]:
        """The view's layers: ("superficial",) or ("superficial", "deep")."""
        return self._views[view_id].layers

    def silhouette(self, view_id: str) -> tuple[Point, ...]:
        """The body outline of the view as a polygon."""
        return self._silhouettes[view_id]

    def side_corners(self, view_id: str) -> tuple[str, str] | None:
        """The patient's sides ("L"/"R") at the viewer's left and right of a view showing
        both (front: ("R", "L"), back: ("L", "R")), read off where the view's left and
        right regions lie; None for a one-sided (lateral) view."""
        xs: dict[str, list[float]] = {"L": [], "R": []}
        for region in self._by_view[view_id]:
            xs[region.side].append(region.centroid[0])
        if not xs["L"] or not xs["R"]:
            return None
        left_x = sum(xs["L"]) / len(xs["L"])
        right_x = sum(xs["R"]) / len(xs["R"])
        return ("R", "L") if right_x < left_x else ("L", "R")

    def one_side(self, view_id: str) -> str | None:
        """"L" or "R" for a view of one side only (lateral views), else None."""
        sides = {region.side for region in self._by_view[view_id]}
        return next(iter(sides)) if len(sides) == 1 else None

    def on_body(self, view_id: str, x: float, y: float) -> bool:
        """Whether (x, y) lies inside the view's body outline."""
        return point_in_polygon(x, y, self._silhouettes[view_id])

    def silhouette_area(self, view_id: str) -> float:
        """Area inside the body outline of the view (denominator of pain extent)."""
        return polygon_area(self._silhouettes[view_id])

    # muscles and regions ---------------------------------------------------------------
    @property
    def muscles(self) -> list[Muscle]:
        """All muscles in catalogue order."""
        return list(self._muscles.values())

    def muscle(self, muscle_id: str) -> Muscle:
        """The muscle with this id (KeyError if unknown)."""
        return self._muscles[muscle_id]

    @property
    def regions(self) -> list[Region]:
        """All regions, view by view, bottom to top within a view."""
        return [r for regs in self._by_view.values() for r in regs]

    def region(self, region_id: str) -> Region:
        """The region with this id (KeyError if unknown)."""
        return self._regions[region_id]

    def regions_in(self, view_id: str) -> list[Region]:
        """Regions of one view in draw order (bottom first)."""
        return list(self._by_view[view_id])

    def prepare_hit_testing(self, view_id: str, layer: str = "superficial") -> None:
        """Build the view's hit-test index now (tens of ms) rather than on the first
        hover or click in it; a no-op once built."""
        if (view_id, layer) not in self._index:
            self._build_index(view_id, layer)

    def region_at(self, view_id: str, x: float, y: float,
                  layer: str = "superficial") -> Region | None:
        """The topmost region a click at view coordinates (x, y) reaches with `layer`
        shown ("superficial", the default picture, or "deep": the deep muscles over it),
        or None (outside every muscle)."""
        index = self._index.get((view_id, layer))
        if index is None:
            index = self._build_index(view_id, layer)
        return index.query(x, y)

    def region_under(self, view_id: str, polygon: Sequence[Point], samples: int = 16,
                     layer: str = "superficial") -> Region | None:
        """The region covering most of ``polygon`` (a pain zone), by sampling a grid of
        about ``samples`` x ``samples`` points inside it; None if it covers no muscle. A
        zone's vertex mean can fall in a gap between muscles (a lasso round the arm);
        what the zone mostly lies on cannot."""
        if len(polygon) < 3:
            return None
        x0, y0, x1, y1 = polygon_bbox(polygon)
        step_x, step_y = (x1 - x0) / samples, (y1 - y0) / samples
        counts: dict[str, int] = {}
        found: dict[str, Region] = {}
        for i in range(samples):
            y = y0 + (i + 0.5) * step_y
            for j in range(samples):
                x = x0 + (j + 0.5) * step_x
                if point_in_polygon(x, y, polygon):
                    region = self.region_at(view_id, x, y, layer)
                    if region is not None:
                        counts[region.id] = counts.get(region.id, 0) + 1
                        found[region.id] = region
        if not counts:
            return None
        return found[max(counts, key=lambda rid: (counts[rid], rid))]

    def hit_stack(self, view_id: str, layer: str = "superficial"
                  ) -> tuple[tuple[Region | None, tuple[Point, ...]], ...]:
        """What a click in the view with `layer` shown can reach, bottom first: regions and
        masks (None: a mask hides what lies below it). The deep layer's stack is the
        superficial one with the deep muscles over it."""
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}")
        shown = layer if layer in self._views[view_id].layers else "superficial"
        return tuple(self._stacks[(view_id, shown)])

    def mirror_region_id(self, region_id: str) -> str | None:
        """The same muscle on the patient's other side: in the same view for front/back
        views, in the mirrored lateral view otherwise. None if it is not drawn."""
        view, muscle, side = region_id.split(".")
        other = f"{self._views[view].mirror_view}.{muscle}.{'R' if side == 'L' else 'L'}"
        return other if other in self._regions else None

    def referral(self, region_id: str) -> list[list[Point]]:
        """Classic referred-pain area of the region's muscle, in the region's view, on the
        region's side (a trigger point refers to its own side); [] if none is charted."""
        region = self._regions[region_id]
        per_view = self._muscles[region.muscle].referral.get(region.side, {})
        return [list(poly) for poly in per_view.get(region.view, ())]

    def __iter__(self) -> Iterator[Region]:
        return iter(self.regions)


def shapes_order(shapes: dict[str, dict[str, tuple[str, list[Point]]]]) -> list[str]:
    """Element ids of all views in document (draw) order."""
    return [el for per_view in shapes.values() for el in per_view]


def _svg_shapes(svg: str) -> dict[str, tuple[str, list[Point]]]:
    """id -> (class, polygon) for every <path> with an id, in document order.

    A region must be one closed outline. A silhouette may have several islands (two hands,
    two feet); they are joined into one polygon by zero-width slits, which change neither
    its area nor its even-odd containment."""
    import xml.etree.ElementTree as ET  # only when parsing (assets without outlines)

    root = ET.fromstring(svg)
    out: dict[str, tuple[str, list[Point]]] = {}
    for el in root.iter():
        if not el.tag.endswith("path"):
            continue
        el_id = el.get("id")
        if not el_id:
            continue
        cls = el.get("class", "")
        polys = parse_path(el.get("d", ""))
        if len(polys) == 1:
            out[el_id] = (cls, polys[0])
        elif polys and "silhouette" in cls.split():
            out[el_id] = (cls, join_islands(polys))
        else:
            raise ValueError(f"{el_id}: expected one closed outline, found {len(polys)}")
    return out


def svg_digest(svg: str) -> str:
    """Fingerprint of a view's SVG text (ties precomputed outlines to the artwork)."""
    return f"{zlib.crc32(svg.encode('utf-8')):08x}-{len(svg)}"


def outline_table(svgs: dict[str, str]) -> dict:
    """The precomputed outline table for these SVG texts (written as OUTLINES_FILE):
    per view the SVG digest and, in document order, id -> [class, flat integer coords]."""
    views = {}
    for vid, svg in svgs.items():
        shapes = {}
        for el_id, (cls, poly) in _svg_shapes(svg).items():
            flat = [round(c * OUTLINES_SCALE) for pt in poly for c in pt]
            entry: list = [cls, flat]
            if "region" in cls.split():  # bbox, centroid and area of the stored polygon
                bbox, centroid, area = _geometry(_decode(flat))
                entry.append([list(bbox), list(centroid), area])
            shapes[el_id] = entry
        views[vid] = {"svg": svg_digest(svg), "shapes": shapes}
    return {"scale": OUTLINES_SCALE, "views": views}


def _decode(flat: list[int]) -> list[Point]:
    k = 1.0 / OUTLINES_SCALE
    it = iter([v * k for v in flat])
    return list(zip(it, it))


def _geometry(outline) -> tuple[BBox, Point, float]:
    return polygon_bbox(outline), polygon_centroid(outline), polygon_area(outline)


def _view_shapes(svg: str, entry: dict | None
                 ) -> tuple[dict[str, tuple[str, list[Point]]], dict[str, tuple]]:
    """A view's shapes (and the regions' precomputed bbox, centroid and area) from its
    precomputed entry when that matches the SVG text, else parsed from the SVG."""
    if entry is None or entry.get("svg") != svg_digest(svg):
        return _svg_shapes(svg), {}
    out: dict[str, tuple[str, list[Point]]] = {}
    geom: dict[str, tuple] = {}
    for el_id, item in entry["shapes"].items():
        out[el_id] = (item[0], _decode(item[1]))
        if len(item) > 2:
            (x0, y0, x1, y1), (cx, cy), area = item[2]
            geom[el_id] = ((x0, y0, x1, y1), (cx, cy), area)
    return out, geom


def join_islands(polys: list[list[Point]]) -> list[Point]:
    """Join disjoint polygons into one by slits (out and back along the same line)."""
    joined: list[Point] = list(polys[0]) + [polys[0][0]]
    for poly in polys[1:]:
        joined += list(poly) + [poly[0], polys[0][0]]
    return joined[:-1]
