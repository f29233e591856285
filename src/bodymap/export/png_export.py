"""PNG of one charted view: the diagram with the visit's marks, numbered as on the printed
chart, drawn with the same code as the PDF (bodymap.render), on a white background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from bodymap.atlas import visit_atlas
from bodymap.model import Visit
from bodymap.render.chart import paint_charted_view
from bodymap.services.chart_checks import depth_required
from bodymap.services.output import write_output

IMAGE_DPI = 200  # symbols and labels are sized in points; this makes them ~25 px across


def render_view_image(visit: Visit, view_id: str, *, height: int = 1600) -> QImage:
    """The view with the visit's marks on it, ``height`` pixels tall (needs a
    QGuiApplication)."""
    atlas = visit_atlas(visit)  # the anatomy it was charted on
    view = atlas.view(view_id)
    width = max(1, round(height * view.width / view.height))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(IMAGE_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    numbers = {m.id: i for i, m in enumerate(visit.marks, start=1)}
    marks = [(numbers[m.id], m) for m in visit.marks if m.view == view_id]
    marks_all = [m for _, m in marks]
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint_charted_view(painter, atlas, view_id, QRectF(0, 0, width, height), marks,
                           {m.id for m in marks_all if depth_required(m, atlas)},
                           unit=IMAGE_DPI / 72.0, font=QFont("DejaVu Sans"))
    finally:
        painter.end()
    return image


def write_view_png(visit: Visit, view_id: str, path: Path | str, *, height: int = 1600) -> None:
    """Write :func:`render_view_image` to ``path`` through :func:`write_output`; OutputError
    (an OSError) if it cannot be written."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_view_image(visit, view_id, height=height).save(buffer, "PNG"):
        raise OSError(f"the image for {path} could not be encoded")
    write_output(path, bytes(buffer.data().data()))
