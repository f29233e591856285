"""Tables and text blocks as page pieces: wrapped cells, rows cut between pages (never
inside a line), the column header repeated at the top of every continued page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from bodymap.printing.layout import Piece, Typeset

HEADER_FILL = QColor(225, 225, 225)
RULE = QColor(150, 150, 150)


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width


def _row_pieces(ts: Typeset, cells: Sequence[str], widths: Sequence[float], font: QFont,
                max_height: float, *, fill: QColor | None = None, rule: bool = True
                ) -> list[Piece]:
    """One row as one piece, or as slices of lines when taller than ``max_height``."""
    pad = ts.pt(2.5)
    columns = [ts.lines(text, font, max(w - 2 * pad, ts.pt(10))) for text, w in
               zip(cells, widths)]
    # (top of each line inside the row) per column
    tops = []
    for lines in columns:
        y, col = 0.0, []
        for line in lines:
            col.append((y, line))
            y += line.height
        tops.append(col)
    total = max((sum(line.height for line in lines) for lines in columns), default=0.0)
    cuts = [0.0]
    while total - cuts[-1] > max_height:
        # cut at the last line top (in any column) that fits the slice
        limit = cuts[-1] + max_height
        candidates = [t for col in tops for t, _ in col if cuts[-1] < t <= limit]
        cuts.append(max(candidates) if candidates else limit)
    cuts.append(total)
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        def draw(p: QPainter, x: float, y: float, w: float, _a: float = a, _b: float = b,
                 _last: bool = b == total) -> None:
            if fill is not None:
                p.fillRect(QRectF(x, y, w, _b - _a + 2 * pad), fill)
            cx = x
            for col, cw in zip(tops, widths):
                for top, line in col:
                    if _a <= top < _b or (_a == _b == top):
                        line.draw(p, cx + pad, y + pad + top - _a, cw - 2 * pad)
                cx += cw
            if rule and _last:
                p.setPen(QPen(RULE, ts.pt(0.4)))
                p.drawLine(x, y + _b - _a + 2 * pad, x + w, y + _b - _a + 2 * pad)
        pieces.append(Piece(b - a + 2 * pad, draw))
    return pieces


def table_pieces(ts: Typeset, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                 width: float, max_row_height: float, *, font: QFont | None = None
                 ) -> list[Piece]:
    """A table with a bold header row; the header repeats on every page it continues to."""
    font = font or ts.font(8)
    widths = [c.share * width for c in columns]
    header = _row_pieces(ts, [c.title for c in columns], widths, ts.font(8, bold=True),
                         max_row_height, fill=HEADER_FILL)
    body: list[Piece] = []
    for row in rows:
        body += _row_pieces(ts, row, widths, font, max_row_height)
    header[-1].keep_with_next = bool(body)
    for piece in body:
        piece.repeat = header
    return header + body


def key_value_pieces(ts: Typeset, items: Sequence[tuple[str, str]], width: float,
                     max_row_height: float, *, label_share: float = 0.3) -> list[Piece]:
    """Label / value lines (labels bold), each wrapping within its column."""
    widths = [width * label_share, width * (1 - label_share)]
    out: list[Piece] = []
    bold, body = ts.font(8.5, bold=True), ts.font(8.5)
    for label, value in items:
        label_pieces = _row_pieces(ts, [label, ""], widths, bold, max_row_height, rule=False)
        value_pieces = _row_pieces(ts, ["", value], widths, body, max_row_height, rule=False)
        # draw both columns in one piece per slice: labels are one or two lines
        for k, vp in enumerate(value_pieces):
            lp = label_pieces[k] if k < len(label_pieces) else None

            def draw(p: QPainter, x: float, y: float, w: float, _v: Piece = vp,
                     _l: Piece | None = lp) -> None:
                if _l is not None:
                    _l.draw(p, x, y, w)
                _v.draw(p, x, y, w)
            out.append(Piece(max(vp.height, lp.height if lp else 0.0), draw))
    return out


def heading(ts: Typeset, text: str, width: float, *, size: float = 10.5,
            space_before: float = 8) -> list[Piece]:
    """A section heading that never ends a page (kept with what follows)."""
    font = ts.font(size, bold=True)
    lines = ts.lines(text, font, width)
    first = lines[0]

    def draw(p: QPainter, x: float, y: float, w: float) -> None:
        p.setPen(QColor("black"))
        first.draw(p, x, y + ts.pt(space_before), w)
    pieces = [Piece(first.height + ts.pt(space_before), draw)] + lines[1:]
    for piece in pieces:
        piece.keep_with_next = True
    return pieces


def paragraph(ts: Typeset, text: str, width: float, *, font: QFont | None = None,
              empty: str = "Not recorded.") -> list[Piece]:
    """Wrapped text, one piece per line; ``empty`` (in italics) when there is none."""
    if not text.strip():
        return ts.lines(empty, ts.font(9, italic=True), width)
    return ts.lines(text, font or ts.font(9), width)


def boxed(ts: Typeset, lines: Sequence[tuple[str, QFont]], width: float, *,
          border: float = 1.0) -> Piece:
    """A short block of lines in a frame (the signature block): one unbreakable piece."""
    pad = ts.pt(6)
    laid = [piece for text, font in lines for piece in ts.lines(text, font, width - 2 * pad)]
    height = sum(piece.height for piece in laid) + 2 * pad

    def draw(p: QPainter, x: float, y: float, w: float) -> None:
        p.setPen(QPen(QColor("black"), ts.pt(border)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x, y, w, height))
        cy = y + pad
        for piece in laid:
            piece.draw(p, x + pad, cy, w - 2 * pad)
            cy += piece.height
    return Piece(height + ts.pt(4), draw)
