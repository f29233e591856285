"""Printed charts: one or more visits of one patient on A4 or Letter pages, to a PDF file
(QPdfWriter) or to any QPrinter (print dialog, print preview).

Every page carries the clinic, the patient's name, date of birth and chart number, the
visit (date, clinician, signed or DRAFT) and "Page X of Y"; a draft's pages carry a DRAFT
watermark. Everything is drawn from the model and the atlas as vectors and real text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from bodymap.atlas import visit_atlas
from bodymap.model import Patient, Visit, clock
from bodymap.model.timetext import date_text, time_text
from bodymap.printing.layout import Page, Typeset, flow
from bodymap.printing.sections import fmt_date, visit_pieces
from bodymap.services.output import check_output_path, write_output
from bodymap.services.records import Records

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_PT = 40.0  # ~14 mm: inside every office printer's unprintable border
PDF_DPI = 300


def page_layout(page_size: str) -> QPageLayout:
    """Portrait A4 or Letter with no device margins (the layout keeps its own)."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


class _Frame:
    """Header, footer and watermark around the flowing content of each page."""

    def __init__(self, ts: Typeset, patient: Patient, clinic_name: str, printed_by: str,
                 page_rect: QRectF, printed_at: datetime, audit_anchor: str = "") -> None:
        self.ts, self.patient, self.clinic = ts, patient, clinic_name.strip()
        self.printed_by = printed_by
        self.audit_anchor = audit_anchor
        m = ts.pt(MARGIN_PT)
        self.page = page_rect
        self.header_h = ts.pt(58)
        self.footer_h = ts.pt(26)
        self.content = QRectF(page_rect.x() + m, page_rect.y() + m + self.header_h,
                              page_rect.width() - 2 * m,
                              page_rect.height() - 2 * m - self.header_h - self.footer_h)
        self.printed_at = printed_at

    def _text(self, p: QPainter, rect: QRectF, text: str, size: float, align: object,
              bold: bool = False) -> None:
        p.setFont(self.ts.font(size, bold=bold))
        p.drawText(rect, align | Qt.TextFlag.TextSingleLine, text)  # type: ignore[operator]

    def draw(self, p: QPainter, page: Page, number: int, total: int) -> None:
        ts, pat = self.ts, self.patient
        visit = page.context if isinstance(page.context, Visit) else None
        if visit is not None and not visit.signed:
            self._watermark(p)
        left, width = self.content.x(), self.content.width()
        top = self.content.y() - self.header_h
        p.setPen(QColor("black"))
        left_al, right_al = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        row = ts.pt(15)
        if self.clinic:  # unset: blank on paper (the app and the CLI say how to set it)
            self._text(p, QRectF(left, top, width * 0.6, row), self.clinic, 9.5, left_al,
                       bold=True)
        self._text(p, QRectF(left + width * 0.4, top, width * 0.6, row),
                   "Confidential medical record", 8, right_al)
        name_rect = QRectF(left, top + row, width * 0.68, ts.pt(17))
        self._text(p, name_rect, pat.display_name, 12.5, left_al, bold=True)
        self._text(p, QRectF(left + width * 0.68, top + row, width * 0.32, ts.pt(17)),
                   f"Chart no. {pat.chart_number}", 11, right_al, bold=True)
        line3 = f"Date of birth {fmt_date(pat.date_of_birth)}"
        if visit is not None:
            status = "Signed" if visit.signed else "DRAFT (not signed)"
            line3 += (f"   ·   Visit {time_text(visit.started_at)}   ·   Clinician "
                      f"{visit.clinician}   ·   {status}")
        self._text(p, QRectF(left, top + row + ts.pt(18), width, ts.pt(13)), line3, 8.5,
                   left_al)
        p.setPen(QPen(QColor("black"), ts.pt(0.8)))
        y = self.content.y() - ts.pt(7)
        p.drawLine(QPointF(left, y), QPointF(left + width, y))
        y = self.content.bottom() + ts.pt(8)
        p.drawLine(QPointF(left, y), QPointF(left + width, y))
        p.setPen(QColor(40, 40, 40))
        foot = QRectF(left, y + ts.pt(3), width, ts.pt(12))
        page_text = f"Page {number} of {total}"
        self._text(p, foot, page_text, 9, right_al, bold=True)
        # The audit anchor (verify --against CODE) is never cut; a long name or user is.
        reserved = ts.metrics(ts.font(9, bold=True)).horizontalAdvance(page_text) + ts.pt(12)
        if self.audit_anchor:
            anchor = f"bodymap audit {self.audit_anchor}"
            anchor_w = ts.metrics(ts.font(7)).horizontalAdvance(anchor)
            self._text(p, QRectF(left, foot.y(), width - reserved, foot.height()), anchor, 7,
                       right_al)
            reserved += anchor_w + ts.pt(10)
        about = (f"{pat.display_name} · {pat.chart_number} · printed "
                 f"{time_text(self.printed_at)} by {self.printed_by}"
                 + ("" if self.audit_anchor else " · bodymap"))
        about = ts.metrics(ts.font(7)).elidedText(about, Qt.TextElideMode.ElideRight,
                                                  width - reserved)
        self._text(p, QRectF(left, foot.y(), width - reserved, foot.height()), about, 7,
                   left_al)

    def _watermark(self, p: QPainter) -> None:
        p.save()
        c = self.page.center()
        p.translate(c)
        p.rotate(-35)
        font = self.ts.font(120, bold=True)
        p.setFont(font)
        p.setPen(QPen(QColor(200, 200, 200), self.ts.pt(1)))
        r = QRectF(-self.page.width(), -self.ts.pt(80), 2 * self.page.width(), self.ts.pt(160))
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, "DRAFT")
        p.restore()


def render_visits(device: QPagedPaintDevice, patient: Patient, visits: Sequence[Visit], *,
                  clinic_name: str = "", printed_by: str = "",
                  printed_at: datetime | None = None, audit_anchor: str = "") -> int:
    """Draw the visits on ``device`` (a QPdfWriter or QPrinter, page layout already set),
    each starting on a new page; returns the number of pages. The footer says when it
    was printed (``printed_at``, by default now) and, given ``audit_anchor``, the audit
    log's head then, for ``bodymap verify --against CODE``."""
    if not visits:
        raise ValueError("nothing to print: no visits given")
    ts = Typeset(device)
    layout = device.pageLayout()
    page_rect = QRectF(layout.paintRectPixels(device.resolution()))
    page_rect.moveTo(0, 0)
    frame = _Frame(ts, patient, clinic_name, printed_by, page_rect,
                   printed_at or clock.now(), audit_anchor)
    pieces = []
    for visit in visits:  # each on the anatomy it was charted on
        pieces += visit_pieces(ts, patient, visit, frame.content.width(),
                               frame.content.height(), visit_atlas(visit))
    pages = flow(pieces, frame.content.height())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for drawing")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            frame.draw(painter, page, number, len(pages))
            painter.setPen(QColor("black"))
            x, y0, w = frame.content.x(), frame.content.y(), frame.content.width()
            for piece, y in page.placed:
                painter.save()
                piece.draw(painter, x, y0 + y, w)
                painter.restore()
    finally:
        painter.end()
    return len(pages)


def visit_pdf_bytes(records: Records, patient: Patient, visits: Sequence[Visit], *,
                    page_size: str = "A4", clinic_name: str = "",
                    printed_at: datetime | None = None) -> tuple[bytes, int]:
    """The visits (oldest first as given) of ``patient`` as a PDF in memory: (the PDF's
    bytes, its page count). Needs a QGuiApplication (offscreen is fine)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(page_size))
    writer.setCreator("bodymap")
    first = date_text(visits[0].started_at) if visits else ""
    writer.setTitle(f"{patient.display_name} ({patient.chart_number}) — visit chart {first}")
    pages = render_visits(writer, patient, visits, clinic_name=clinic_name,
                          printed_by=records.user, printed_at=printed_at,
                          audit_anchor=records.audit_anchor())
    del writer  # ends the PDF in the buffer
    return bytes(buffer.data().data()), pages


def write_visit_pdf(records: Records, patient: Patient, visits: Sequence[Visit],
                    path: Path | str, *, page_size: str = "A4", clinic_name: str = "",
                    printed_at: datetime | None = None) -> int:
    """Write the visits (oldest first as given) of ``patient`` to a PDF at ``path``;
    returns the page count. Needs a QGuiApplication (offscreen is fine). The pages are
    drawn in memory and written by :func:`write_output`: OutputError (an OSError) when the
    file cannot be written, and never a partial PDF."""
    check_output_path(Path(path))  # before drawing: a long job fails at once
    data, pages = visit_pdf_bytes(records, patient, visits, page_size=page_size,
                                  clinic_name=clinic_name, printed_at=printed_at)
    write_output(path, data)
    return pages
