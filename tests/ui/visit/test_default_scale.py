"""The scale the chart opens at in the visit window at its default size on a 1280 x 800
screen: the core (bodymap.atlas.targets) keeps the chart's viewport size as a constant, for
the 8 px click-target rule; this opens the real window and checks the constant and the
scale it gives every view, so that a change to the window's layout cannot leave it stale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from bodymap.atlas.targets import (
    DEFAULT_CHART_VIEWPORT,
    DEFAULT_SCREEN,
    default_px_per_unit,
)
from bodymap.ui.visit.window import fitted_size


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        self._room = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802
        return self._room


class _OnScreen:
    def __init__(self, width: int, height: int) -> None:
        self._screen = _Screen(width, height)

    def screen(self) -> _Screen:
        return self._screen


def default_window_size() -> QSize:
    """The visit window's size on a DEFAULT_SCREEN screen, as VisitWindow sizes itself."""
    return fitted_size(_OnScreen(*DEFAULT_SCREEN), 1600, 1000)  # type: ignore[arg-type]


def test_the_visit_window_opens_at_1264_by_752_on_a_1280_by_800_screen() -> None:
    assert DEFAULT_SCREEN == (1280, 800)
    assert default_window_size() == QSize(1264, 752)


def test_the_chart_viewport_and_each_views_scale_are_what_the_core_computes(qtbot, window):
    window.resize(default_window_size())
    qtbot.waitUntil(lambda: window.size() == default_window_size(), timeout=2000)
    canvas = window.chart.canvas
    qtbot.waitUntil(lambda: (canvas.viewport().width(), canvas.viewport().height())
                    == DEFAULT_CHART_VIEWPORT, timeout=2000)
    atlas = window.chart.atlas  # the atlas this visit is charted on
    assert [v.id for v in atlas.views] == \
        [window.chart.tabs.tabData(i) for i in range(window.chart.tabs.count())]
    for view in atlas.views:
        window.chart.set_view(view.id)
        assert canvas.view_id == view.id
        assert canvas.zoom() == pytest.approx(default_px_per_unit(view), rel=1e-9), view.id
    # the full-body views open at 0.5587 px a unit
    assert round(default_px_per_unit(atlas.view("anterior")), 4) == 0.5587
