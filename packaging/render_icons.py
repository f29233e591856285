"""Render the application icon's PNG sizes from its SVG (offscreen, with Qt's SVG renderer).

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Writes packaging/icons/hicolor/<N>x<N>/apps/app.bodymap.Bodymap.png; the PNGs are committed,
so run this only after changing the SVG.
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "app.bodymap.Bodymap"
SIZES = (16, 32, 48, 64, 128, 256)
HICOLOR = Path(__file__).resolve().parent / "icons" / "hicolor"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage/QPainter want an app object
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"cannot read {svg}", file=sys.stderr)
        return 1
    for size in SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(out)):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(HICOLOR.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
