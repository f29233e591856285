"""Sixteen views in a chart about 370 px wide: short tab names, the full title as tooltip,
and a Views menu that reaches every view in one click."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from bodymap.ui.chart.editor import TAB_NAMES


def test_tabs_are_short_and_every_view_is_one_click_away(qtbot, editor, atlas):
    tabs = editor.tabs
    assert [tabs.tabData(i) for i in range(tabs.count())] == [v.id for v in atlas.views]
    for i, view in enumerate(atlas.views):
        assert tabs.tabText(i) == TAB_NAMES.get(view.id, view.title)
        assert tabs.tabToolTip(i).startswith(view.title)
    assert tabs.tabText(0) == "Front" and "(Ctrl+1)" in tabs.tabToolTip(0)
    button = editor.findChild(QToolButton, "allViewsButton")
    entries = button.menu().actions()
    assert [a.text() for a in entries] == [v.title for v in atlas.views]
    entries[-1].trigger()  # the last view, hidden behind the tab bar's scroll arrows
    assert editor.canvas.view_id == atlas.views[-1].id
    assert tabs.tabData(tabs.currentIndex()) == atlas.views[-1].id
