"""Carrying a point between atlas versions: by the bony landmarks both versions name, else
by the body outline's bounds."""

from __future__ import annotations

import pytest

from bodymap.atlas import load_atlas
from bodymap.atlas.mapping import affine_fit, view_map


def test_affine_fit_recovers_a_map_from_three_or_more_landmarks() -> None:
    def true_map(p):
        return (1.02 * p[0] - 0.05 * p[1] + 3.0, 0.04 * p[0] + 0.98 * p[1] - 7.5)

    points = [(300, 40), (250, 210), (350, 210), (300, 600), (220, 700)]
    fit = affine_fit([(p, true_map(p)) for p in points])
    assert fit == pytest.approx((1.02, -0.05, 3.0, 0.04, 0.98, -7.5), abs=1e-6)
    assert affine_fit([(p, p) for p in points[:2]]) is None  # two points fix no affine map
    assert affine_fit([((0, 0), (0, 0)), ((1, 1), (1, 1)), ((2, 2), (2, 2))]) is None  # a line


def test_views_without_shared_landmarks_map_by_the_body_outline(atlas_v2) -> None:
    v1 = load_atlas(1)
    assert not v1.landmarks["anterior"]  # version 1 names no landmarks
    # the synthetic version 2 has version 1's body outline: the map is the identity
    assert view_map(v1, atlas_v2, "anterior") == pytest.approx((1, 0, 0, 0, 1, 0), abs=1e-9)


def test_views_with_shared_landmarks_map_by_them(atlas_v2) -> None:
    v1 = load_atlas(1)

    class WithLandmarks:  # version 1 as if it named landmarks, version 2 drawn 2 % taller
        def __init__(self, atlas, k):
            self._atlas, self.version = atlas, atlas.version
            self.landmarks = {"anterior": {"vertex": (300, 20 * k), "pubic_symphysis": (
                300, 520 * k), "asis.R": (250, 470 * k), "asis.L": (350, 470 * k)}}

        def __getattr__(self, name):
            return getattr(self._atlas, name)

    t = view_map(WithLandmarks(v1, 1.0), WithLandmarks(atlas_v2, 1.02), "anterior")
    assert t == pytest.approx((1, 0, 0, 0, 1.02, 0), abs=1e-9)
