"""The diagram is rendered once per zoom level for the session, shared by charts, kept to a
byte budget, and looks the same as the SVG painted as vectors."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from bodymap.ui.chart.items import PIXMAPS, DiagramPixmaps, _renderer


def test_a_second_chart_at_the_same_size_reuses_the_rendered_diagram(make_editor, qtbot):
    PIXMAPS.clear()
    first = make_editor()
    qtbot.waitUntil(lambda: PIXMAPS.renders == 1)
    second = make_editor()
    assert second.canvas.view_id == first.canvas.view_id
    qtbot.wait(100)  # let the new scene index its items
    shot = second.canvas.viewport().grab().toImage()  # paints the diagram now
    body = shot.pixelColor(shot.width() // 2, shot.height() // 3)
    assert body != second.canvas.backgroundBrush().color()  # the diagram is there...
    assert PIXMAPS.renders == 1  # ...painted from the first chart's pixmap
    second.canvas.zoom_by(1.5)  # a new zoom level is rendered afresh, crisp
    qtbot.waitUntil(lambda: PIXMAPS.renders == 2)


def test_budget_evicts_the_least_recently_used_and_refuses_huge_zooms(qapp, atlas):
    cache = DiagramPixmaps()
    cache.BUDGET = 3 * 403 * 600 * 4
    svg = atlas.view("anterior").svg
    a = cache.get(svg, 400, 600, 1.0)
    cache.get(svg, 401, 600, 1.0)
    assert cache.get(svg, 400, 600, 1.0) is a  # a hit, now the most recent
    cache.get(svg, 402, 600, 1.0)
    cache.get(svg, 403, 600, 1.0)  # over budget: 401 goes, 400 stays
    assert cache.renders == 4
    assert cache.get(svg, 400, 600, 1.0) is a and cache.renders == 4
    cache.get(svg, 401, 600, 1.0)
    assert cache.renders == 5
    assert cache.get(svg, 6000, 10_400, 1.0) is None  # 250 MB: painted as vectors instead
    assert cache.get(svg, 0, 10, 1.0) is None


def test_pixmap_matches_the_vector_rendering(qapp, atlas):
    svg = atlas.view("posterior").svg
    w, h = 300, 520
    pixmap = DiagramPixmaps().get(svg, w, h, 1.0)
    assert pixmap is not None
    vector = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    vector.fill(Qt.GlobalColor.transparent)
    painter = QPainter(vector)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(svg).render(painter, QRectF(0, 0, w, h))
    painter.end()
    cached = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    differing = sum(1 for y in range(0, h, 2) for x in range(0, w, 2)
                    if cached.pixel(x, y) != vector.pixel(x, y))
    assert differing == 0
    assert cached.pixelColor(w // 2, h // 3).alpha() == 255  # the body, not empty
