"""The deep layer in the visit window's chart: a toggle (a button under the chart, the Chart
menu and Shift+D) that shows the deep muscles and makes every click, hover, drag and drawn
zone reach them; marks show in both layers. Driven with real clicks and keys on a visit charted on
the synthetic
version 2 (tests/synthetic_atlas.py), whose posterior view has gluteus minimus in a deep
layer under gluteus medius."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from bodymap.ui.chart import Tool
from bodymap.ui.chart.editor import DEEP_LAYER_SHORTCUT
from tests.ui.chart.conftest import click, drag, view_pos

MINIMUS = "posterior.gluteus_minimus.L"


@pytest.fixture
def chart(qtbot, atlas_v2, open_window):
    """The chart of a new visit on version 2, showing the posterior view."""
    window = open_window()
    window.resize(1264, 752)  # its default size on a 1280 x 800 screen
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    editor = window.chart
    assert editor.atlas is atlas_v2
    editor.set_view("posterior")
    editor.canvas.setFocus()
    return editor


def press_shortcut(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)


def hover(qtbot, editor, x: float, y: float) -> None:
    qtbot.mouseMove(editor.canvas.viewport(), view_pos(editor, x, y))
    qtbot.waitUntil(lambda: editor.hover_label.text().strip() != "", timeout=1000)


def test_a_click_on_the_deep_muscle_marks_it_only_with_the_layer_on(qtbot, chart, atlas_v2):
    assert DEEP_LAYER_SHORTCUT == "Shift+D"
    x, y = atlas_v2.region(MINIMUS).anchor
    assert not chart.deep_action.isChecked() and chart.layer == "superficial"
    click(qtbot, chart, x, y, Tool.TRIGGER_ACTIVE)
    press_shortcut(qtbot)
    assert chart.deep_action.isChecked() and chart.layer == "deep"
    assert chart.canvas.scene().diagram.deep
    click(qtbot, chart, x + 1, y + 1)
    off, on = chart.doc.visit.marks
    assert (off.muscle, off.region_id) == ("gluteus_medius", "posterior.gluteus_medius.L")
    assert (on.muscle, on.region_id) == ("gluteus_minimus", MINIMUS)
    # the same key turns it off again: the next click is gluteus medius once more
    press_shortcut(qtbot)
    assert not chart.deep_action.isChecked() and chart.layer == "superficial"
    click(qtbot, chart, x - 1, y)
    assert chart.doc.visit.marks[-1].muscle == "gluteus_medius"


def test_the_button_and_the_line_under_the_chart(qtbot, chart, atlas_v2):
    x, y = atlas_v2.region(MINIMUS).anchor
    hover(qtbot, chart, x, y)
    assert chart.hover_label.text() == "Gluteus medius (left)"
    button = chart.deep_button  # under the chart, by the muscle's name
    assert button.isVisible() and button.defaultAction() is chart.deep_action
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert chart.layer == "deep"
    assert chart.hover_label.text().startswith("Deep layer")  # before the pointer moves
    hover(qtbot, chart, x + 2, y)
    assert chart.hover_label.text() == "Deep layer: Gluteus minimus (left)"
    assert chart.canvas.toolTip() == "Deep layer: Gluteus minimus (left)"
    assert chart.canvas.scene().hover is not None  # the deep muscle is outlined
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    hover(qtbot, chart, x, y)
    assert chart.hover_label.text() == "Gluteus medius (left)"


def test_the_choice_stays_across_views_and_one_layer_views_disable_it(qtbot, chart):
    assert chart.deep_action.isEnabled()  # posterior has a deep layer
    chart.deep_action.trigger()
    assert chart.layer == "deep"
    qtbot.keyClick(chart.canvas, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert chart.canvas.view_id == "anterior"
    assert not chart.deep_action.isEnabled() and chart.deep_action.isChecked()
    assert chart.layer == "superficial" and not chart.canvas.scene().diagram.deep
    assert chart.hover_label.text().strip() == ""
    press_shortcut(qtbot)  # disabled: nothing happens
    assert chart.deep_action.isChecked()
    qtbot.keyClick(chart.canvas, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert chart.canvas.view_id == "posterior"
    assert chart.deep_action.isEnabled() and chart.layer == "deep"
    assert chart.canvas.scene().diagram.deep
    assert chart.hover_label.text() == "Deep layer"


def test_dragging_and_drawing_follow_the_layer(qtbot, chart, atlas_v2):
    minimus = atlas_v2.region(MINIMUS)
    x, y = minimus.anchor
    below = (x, minimus.bbox[3] + 12)  # gluteus medius or maximus, beside the deep muscle
    chart.set_deep_layer(True)
    click(qtbot, chart, *below, Tool.NEEDLE)
    (site,) = chart.doc.visit.marks
    assert site.muscle != "gluteus_minimus"
    chart.set_tool(Tool.SELECT)
    drag(chart, [below, ((below[0] + x) / 2, (below[1] + y) / 2), (x, y)])
    assert chart.doc.visit.mark(site.id).muscle == "gluteus_minimus"
    # a lasso drawn round the deep muscle's middle lies on it in the deep layer
    chart.set_tool(Tool.ZONE_LASSO)
    r = 8.0
    ring = [(x + r * dx, y + r * dy) for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1))]
    drag(chart, ring)
    zone = chart.doc.visit.marks[-1]
    assert zone.kind == "pain_zone" and zone.region_id == MINIMUS
    # the same lasso with the layer off lies on gluteus medius
    chart.set_deep_layer(False)
    drag(chart, [(px + 30, py) for px, py in ring])
    assert chart.doc.visit.marks[-1].muscle == "gluteus_medius"


def test_a_mark_on_the_deep_muscle_shows_with_the_layer_off(qtbot, chart, atlas_v2):
    x, y = atlas_v2.region(MINIMUS).anchor
    chart.set_deep_layer(True)
    chart.set_tool(Tool.TRIGGER_ACTIVE)
    p = view_pos(chart, x, y)
    bare = chart.canvas.viewport().grab().toImage().pixelColor(p)
    click(qtbot, chart, x, y)
    (mark,) = chart.doc.visit.marks
    assert mark.muscle == "gluteus_minimus"
    chart.canvas.select(None)
    chart.set_deep_layer(False)
    item = chart.canvas.item(mark.id)
    assert item is not None and item.isVisible()
    shown = chart.canvas.viewport().grab().toImage()
    assert chart.canvas.mapFromScene(QPointF(x, y)) == p
    # the trigger point is painted over the default picture there
    colour, plain = shown.pixelColor(p), bare
    assert abs(colour.red() - plain.red()) + abs(colour.green() - plain.green()) \
        + abs(colour.blue() - plain.blue()) > 60


def test_the_exported_chart_shows_a_mark_on_a_deep_muscle(qtbot, chart, atlas_v2):
    """Print and PNG draw the default picture with every mark on top: a trigger point on
    the deep gluteus minimus is drawn there, not hidden under gluteus medius."""
    from bodymap.export.png_export import render_view_image

    def red_near(image, x: float, y: float) -> int:
        view = atlas_v2.view("posterior")
        scale = image.height() / view.height  # the view's title strip shrinks it a little
        cx = image.width() / 2 + (x - view.width / 2) * scale
        cy = y * scale
        count = 0
        for px in range(int(cx) - 40, int(cx) + 40):
            for py in range(int(cy) - 40, int(cy) + 40):
                c = image.pixelColor(px, py)
                count += c.red() > 150 and c.green() < 80 and c.blue() < 80
        return count

    x, y = atlas_v2.region(MINIMUS).anchor
    bare = render_view_image(chart.doc.visit, "posterior", height=1000)
    chart.set_deep_layer(True)
    click(qtbot, chart, x, y, Tool.TRIGGER_ACTIVE)
    (mark,) = chart.doc.visit.marks
    assert mark.region_id == MINIMUS
    chart.set_deep_layer(False)
    marked = render_view_image(chart.doc.visit, "posterior", height=1000)
    assert red_near(bare, x, y) == 0
    assert red_near(marked, x, y) > 40


def test_each_window_has_its_own_choice(qtbot, chart, open_window):
    other = open_window().chart
    other.set_view("posterior")
    chart.deep_action.trigger()
    assert chart.layer == "deep"
    assert other.layer == "superficial" and not other.deep_action.isChecked()
    assert not other.canvas.scene().diagram.deep
