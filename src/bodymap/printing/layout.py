"""A small flowing page layout: content is cut into unbreakable pieces of known height,
pieces are placed down the page and a piece that does not fit starts a new page.

Nothing is ever clipped: text is cut into pieces line by line, a table into rows (a row
taller than half a page into slices of lines), and the page count is known before the first
page is drawn, so every page can say "Page X of Y". All geometry is in device units of the
paint device (a QPdfWriter or a QPrinter at any resolution); ``Typeset.pt`` converts points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QTextLayout,
    QTextOption,
)

Draw = Callable[[QPainter, float, float, float], None]  # painter, x, y, width


@dataclass
class Piece:
    """An unbreakable run of content ``height`` tall, drawn by ``draw(painter, x, y, w)``.

    ``keep_with_next``: never end a page with this piece (headings). ``repeat``: when this
    piece starts a new page, draw these pieces above it first (a table's column header).
    ``new_page``: always start a new page here (each visit of a multi-visit print)."""

    height: float
    draw: Draw
    keep_with_next: bool = False
    repeat: Sequence[Piece] = ()
    new_page: bool = False
    context: object = None  # what the page header shows for pages starting here


@dataclass
class Page:
    """The pieces of one page with their y offsets inside the content area."""

    placed: list[tuple[Piece, float]] = field(default_factory=list)
    context: object = None


def flow(pieces: Sequence[Piece], content_height: float) -> list[Page]:
    """Place pieces on pages of ``content_height``. A piece taller than a whole page is a
    caller bug (pieces are cut to at most half a page); it gets a page of its own."""
    pages: list[Page] = []
    page: Page | None = None
    y = 0.0
    context: object = None
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece.context is not None:
            context = piece.context
        # the height this piece needs together with the pieces it must stay with
        need, j = piece.height, i
        while pieces[j].keep_with_next and j + 1 < len(pieces) and \
                need + pieces[j + 1].height <= content_height:
            j += 1
            need += pieces[j].height
        if page is None or piece.new_page or (y > 0 and y + need > content_height):
            page = Page(context=context)
            pages.append(page)
            y = 0.0
            if not piece.new_page:
                for header in piece.repeat:
                    page.placed.append((header, y))
                    y += header.height
        page.placed.append((piece, y))
        y += piece.height
        i += 1
    return pages


class Typeset:
    """Fonts and text measurement for one paint device."""

    def __init__(self, device: QPaintDevice, family: str | None = None) -> None:
        self.device = device
        self.unit = device.logicalDpiY() / 72.0  # device units per point
        self.family = family or _body_family()

    def pt(self, points: float) -> float:
        """Device units for a length in points."""
        return points * self.unit

    def font(self, size_pt: float = 9.0, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        font.setItalic(italic)
        # Hinting snaps glyphs to the device's pixel grid; on paper it only distorts spacing.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # Ligatures turn "fi" into one glyph that text extraction reports as U+FB01, so a
        # search for "confidential" would miss it; records must stay searchable.
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def lines(self, text: str, font: QFont, width: float) -> list[Piece]:
        """``text`` wrapped to ``width``, one piece per line (paragraphs kept; a word longer
        than the line is broken anywhere rather than cut off)."""
        out: list[Piece] = []
        for paragraph in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            out += self._paragraph(paragraph.replace("\t", "    "), font, width)
        return out

    def _paragraph(self, text: str, font: QFont, width: float) -> list[Piece]:
        layout = QTextLayout(text, font, self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(line)
        layout.endLayout()
        if not lines:  # an empty paragraph still takes a line
            return [Piece(self.metrics(font).height(), lambda p, x, y, w: None)]
        pieces = []
        for line in lines:
            def draw(p: QPainter, x: float, y: float, w: float, _line: object = line,
                     _layout: QTextLayout = layout) -> None:
                # _layout is captured so the line's layout outlives the layout pass
                _line.draw(p, QPointF(x, y - _line.y()))  # type: ignore[attr-defined]
            pieces.append(Piece(line.height(), draw))
        return pieces


def _body_family() -> str:
    """A sans family this machine has; DejaVu Sans covers Latin, Greek, Cyrillic, Arabic
    and Hebrew. Qt falls back per character to any installed font for other scripts."""
    families = set(QFontDatabase.families())
    for name in ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"):
        if name in families:
            return name
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def spacer(height: float, **kw: object) -> Piece:
    """Empty vertical space."""
    return Piece(height, lambda p, x, y, w: None, **kw)  # type: ignore[arg-type]
