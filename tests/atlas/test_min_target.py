"""Every muscle offers a click target of at least 8 px, in at least one view and in its own
layer, at the default visit window on a 1280 x 800 screen (issue 16, item 3).

Version 1 is frozen and does not meet it (30-odd muscles are under 8 px there); the rule
holds for every shipped version from 2 on, and the check is shown to fail on version 1 with
the muscles the anatomy review found too small."""

from __future__ import annotations

import pytest

from bodymap.atlas import atlas_versions, load_atlas
from bodymap.atlas.targets import MIN_TARGET_PX, best_targets, small_targets

#: The review's muscles under 5 px in their best view, version 1 (issue 16).
V1_UNDER_5_PX = ("splenius_cervicis", "flexor_digitorum_longus", "semispinalis_capitis",
                 "serratus_posterior_superior", "multifidi", "extensor_hallucis_longus",
                 "fibularis_brevis")


def _too_small(version: int) -> dict[str, tuple[float, str]]:
    atlas = load_atlas(version)
    best = best_targets(atlas)
    assert set(best) == {m.id for m in atlas.muscles}  # every muscle is drawn somewhere
    return small_targets(atlas)


@pytest.mark.parametrize("version", [v for v in atlas_versions() if v >= 2])
def test_every_muscle_offers_an_8_px_target(version: int) -> None:
    assert MIN_TARGET_PX == 8.0
    small = {m: f"{px:.1f} px at best ({rid})" for m, (px, rid) in _too_small(version).items()}
    assert not small, small


def test_the_check_fails_on_version_1_with_the_muscles_found_too_small() -> None:
    small = _too_small(1)
    assert 25 <= len(small) <= 35
    for muscle in V1_UNDER_5_PX:
        assert small[muscle][0] < 5.0, (muscle, small[muscle])
    # large muscles pass: the check does not fail everything
    best = best_targets(load_atlas(1))
    for muscle in ("gluteus_maximus", "pectoralis_major", "upper_trapezius", "deltoid_middle"):
        assert best[muscle][0] >= MIN_TARGET_PX and muscle not in small
