"""The inspection CLI (`python -m bodymap.atlas`) and loading from an installed location."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import bodymap
from bodymap.atlas import Atlas, load_atlas


def _run(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "bodymap.atlas", *args], capture_output=True,
                          text=True, timeout=120, check=True)
    return proc.stdout


def test_list_json(atlas: Atlas) -> None:
    data = json.loads(_run("list", "--json"))
    assert [v["id"] for v in data["views"]] == [v.id for v in atlas.views]
    for v in data["views"]:
        assert set(v) == {"id", "width", "height", "midline_x", "facing", "layers",
                          "silhouette_area", "default_px_per_unit"}
        assert v["layers"] == list(atlas.view(v["id"]).layers)
        assert v["layers"][0] == "superficial"
        assert {r.depth for r in atlas.regions_in(v["id"])} <= set(v["layers"])
        assert v["silhouette_area"] > 0
    assert len(data["regions"]) == len(atlas.regions)
    for r in data["regions"]:
        assert set(r) == {"id", "name", "muscle", "side", "view", "segment", "layer",
                          "draw_order", "centroid", "area", "hazard", "target_diameter"}
        assert r["layer"] == atlas.region(r["id"]).depth
        assert r["draw_order"] == atlas.region(r["id"]).layer
        assert len(r["centroid"]) == 2 and isinstance(r["hazard"], list)
    ut = next(r for r in data["regions"] if r["id"] == "anterior.upper_trapezius.L")
    assert ut["name"] == "Upper trapezius (left)" and "thorax" in ut["hazard"]
    # referral patterns: per muscle and side, zones and trigger points per view, a source
    infra = data["referral"]["infraspinatus"]
    assert "Trigger Point Manual" in infra["source"]
    assert set(infra) == {"source", "description", "L", "R"}
    assert infra["L"]["essential"]["anterior"] and infra["L"]["spillover"]
    assert infra["L"]["trigger_points"]["posterior"]
    assert len(data["referral"]) >= 45
    # hazard zones by location, per view
    back = {z["id"]: z for z in data["hazard_zones"]["posterior"]}
    assert back["lung_interscapular.L"]["type"] == "lung_pleura"
    assert back["lung_interscapular.L"]["depth_mm"] == 19
    assert back["kidney.R"]["depth_mm"] is None and back["kidney.R"]["source"]
    assert back["neuraxis"]["polygons"] and "neuraxis.L" not in back


def test_list_json_gives_the_version_landmarks_and_corrected_facing() -> None:
    data = json.loads(_run("list", "--json", "--atlas-version", "1"))
    assert data["version"] == 1
    # version 1 has no landmarks: every view is listed, with none
    assert data["landmarks"] == {v["id"]: {} for v in data["views"]}
    facing = {v["id"]: v["facing"] for v in data["views"]}
    assert (facing["hand_palmar"], facing["hand_dorsal"]) == ("posterior", "anterior")
    assert (facing["foot_plantar"], facing["foot_dorsal"]) == ("anterior", "posterior")
    proc = subprocess.run([sys.executable, "-m", "bodymap.atlas", "list", "--atlas-version",
                           "99"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "version 99 is not part of this bodymap" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_landmarks_come_from_the_catalogue(atlas: Atlas) -> None:
    from bodymap.atlas.versions import _read

    catalogue = json.loads(_read(1, "catalogue.json"))
    catalogue["landmarks"] = {"anterior": {"umbilicus": [250, 450], "asis.L": [300.5, 520]}}
    svgs = {v.id: v.svg for v in load_atlas(1).views}
    outlines = json.loads(_read(1, "outlines.json"))["views"]
    grown = Atlas(catalogue, svgs, outlines, version=9)
    assert grown.landmarks["anterior"] == {"umbilicus": (250.0, 450.0), "asis.L": (300.5, 520.0)}
    assert grown.landmarks["posterior"] == {}


def test_hit(atlas: Atlas) -> None:
    region = atlas.region("anterior.biceps_brachii.L")
    out = _run("hit", "anterior", str(region.anchor[0]), str(region.anchor[1]))
    assert out.strip() == "anterior.biceps_brachii.L"
    assert _run("hit", "anterior", "2", "2") == ""


def test_loads_from_an_installed_copy(atlas: Atlas, tmp_path: Path) -> None:
    # A wheel installs the package directory with its package data; copy it elsewhere
    # (only .py files and assets/anatomy/v*/*, as pyproject's package-data ships) and load
    # the atlas from there, far from the source tree.
    src = Path(bodymap.__file__).resolve().parent
    dest = tmp_path / "site" / "bodymap"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__"))
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import bodymap.atlas as a;"
            "assert a.__file__.startswith(sys.argv[1]), a.__file__;"
            "atlas = a.load_atlas(); print(len(atlas.regions), str(a.assets_dir()))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "site")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    count, where = proc.stdout.split()
    assert int(count) == len(atlas.regions)
    assert where.startswith(str(tmp_path))
