"""Atlas versions: discovered from the v<N> folders, loaded once each, version 1 frozen."""

import hashlib

import pytest

from bodymap.atlas import (
    CURRENT_ATLAS_VERSION,
    UnknownAtlasVersion,
    assets_dir,
    atlas_versions,
    current_atlas_version,
    load_atlas,
)
from bodymap.atlas.versions import read_atlas

# sha256 of version 1's files as released: signed charts draw on them, so they never change
V1_FILES = {
    "anterior.svg": "1e3ec818f18a50d01aada3fa39d914f2bff3c14a4321af0161433fd27587e91e",
    "catalogue.json": "8641a5da83021540f4a25f6a65a74f4194cb1bf772a65a5abe2f9cfa17847a29",
    "foot_dorsal.svg": "6aac971356794e0fa6597441b0c34cfaeb9d9ee22a8a2981a961f1ecdd926a45",
    "foot_plantar.svg": "7c1429998fce4e0d090bfa842d3fe8fa70605e01385ddcd8fb8f13034e0b0096",
    "hand_dorsal.svg": "b6106e0951cb3b4d453b74c17731b36c1b092e844f28a4251feacf6b0a94ce37",
    "hand_palmar.svg": "c97a0d141eead7fad384379d0d2ee104eaf2e7ae84db2ee58efed85c0f0504cc",
    "head_neck_anterior.svg": "2f8077210d3b722eb0b1ffb0479c9fd0ac59e506fc9bfdb4db27d451c45baf86",
    "head_neck_left_lateral.svg": "ec7c0f9c7c7663b2d4052597cff9778283529b93444238355aa17dfe1aa817ea",  # noqa: E501
    "head_neck_right_lateral.svg": "3b487ba858dfe07191ecf20b5b60178990a40e96725bde67eef02e3c1081e937",  # noqa: E501
    "left_lateral.svg": "dd1776708b77c7b7be78f334e36ef7e02a47be80bb5a355b0f2038767db7b328",
    "outlines.json": "43ba8beec8ba49b3bb8c3a581f17612c950911ccd24fd28b73502d47bf8d2935",
    "posterior.svg": "4f2edd1921aa302e27b208b7dd80b3a0c41e3c459ede97d5cdd8b2b5b9ed4e85",
    "right_lateral.svg": "d9f1d0dd8ae3258c16b22ae5376ad654ae496f916be9038306ce2f538db44034",
}


# Version 2 as released (42 files, the female figure included): one digest over every
# file's path and sha256, so no file can change, appear or go without this failing
V2_DIGEST = "641aef04475d2b60c29947037e9dc0824508e42d3158bbe72ef83caf8db7761b"


def _folder_digest(root) -> tuple[str, int]:
    from pathlib import Path

    root = Path(str(root))
    files = sorted(p for p in root.rglob("*") if p.is_file())
    h = hashlib.sha256()
    for p in files:
        h.update(p.relative_to(root).as_posix().encode() + b"\0"
                 + hashlib.sha256(p.read_bytes()).hexdigest().encode() + b"\n")
    return h.hexdigest(), len(files)


def test_version_2_is_shipped_byte_for_byte_as_released() -> None:
    # Visits are charted on it from its release on: a change to its drawing is a version 3
    assert _folder_digest(assets_dir(2)) == (V2_DIGEST, 42)


def test_the_generator_refuses_to_rewrite_a_released_version() -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "tools" / "anatomy" / "generate.py"
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2 and "released and frozen" in run.stderr
    assert _folder_digest(assets_dir(2)) == (V2_DIGEST, 42)


def test_version_1_is_shipped_byte_for_byte_as_released() -> None:
    folder = assets_dir(1)
    names = {p.name for p in folder.iterdir()}
    assert names == set(V1_FILES)
    for name, digest in V1_FILES.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_versions_are_the_folders_and_the_newest_is_current() -> None:
    assert atlas_versions()[0] == 1
    assert CURRENT_ATLAS_VERSION == current_atlas_version() == atlas_versions()[-1]
    assert load_atlas() is load_atlas(CURRENT_ATLAS_VERSION)  # loaded once
    assert load_atlas(1).version == 1


def test_a_new_folder_is_a_new_current_version(atlas_v2) -> None:
    assert atlas_versions() == (1, 2) and current_atlas_version() == 2
    assert load_atlas() is atlas_v2 and atlas_v2.version == 2
    assert load_atlas(1) is not atlas_v2 and load_atlas(1).version == 1
    assert str(assets_dir()).endswith("v2")


def test_leaving_a_synthetic_release_gives_back_the_same_atlas_objects(_atlas_release):
    from bodymap.atlas.versions import use_anatomy_root

    shipped = load_atlas(1)
    use_anatomy_root(_atlas_release)
    try:
        synthetic = load_atlas(1)
    finally:
        use_anatomy_root(None)
    assert synthetic is not shipped and load_atlas(1) is shipped


@pytest.mark.parametrize("version", [0, 99, "1", True, 1.0])
def test_an_unknown_version_is_refused_with_a_message(version) -> None:
    with pytest.raises(UnknownAtlasVersion, match="not part of this bodymap"):
        load_atlas(version)
    with pytest.raises(UnknownAtlasVersion):
        read_atlas(version)


def test_the_figures_of_a_version_are_read_once(monkeypatch):
    from bodymap.atlas import versions

    reads: list[str] = []
    real = versions._read
    monkeypatch.setattr(versions, "_read",
                        lambda version, name: reads.append(name) or real(version, name))
    versions.use_anatomy_root(None)  # the package's own, read afresh
    assert versions.atlas_figures(2) == ("standard", "female")
    assert versions.atlas_figures(1) == ("standard",)
    for _ in range(50):
        versions.atlas_figures(2), versions.atlas_figures(1)
    assert reads.count("female/figure.json") == 2  # once per version
