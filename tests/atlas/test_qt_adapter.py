"""The thin Qt adapter paints a view (offscreen)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor

from bodymap.atlas import Atlas
from bodymap.atlas.qt import region_path, render_view_image, silhouette_path


def test_render_view_is_not_blank(qapp, atlas: Atlas) -> None:
    # qapp (pytest-qt) makes the one QApplication of the session; a bare QGuiApplication
    # here would make every later widget test abort.
    image = render_view_image("anterior", 400, atlas=atlas)
    assert image.width() > 100
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5
    assert image.pixelColor(2, 2) == QColor("white")
    region = atlas.region("anterior.biceps_brachii.R")
    path = region_path(region.id, atlas)
    assert path.contains(path.boundingRect().center()) or path.elementCount() > 3
    assert silhouette_path("anterior", atlas).boundingRect().height() > 900
