"""Printing benchmark: time to write a one-visit PDF through bodymap's layout, per page, as a
ratio to a bare QPdfWriter page painting the same diagrams with QSvgRenderer.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_print      # prints the figure as JSON

The visit is a typical one (two muscles on each of the posterior and anterior views: trigger
point, needle site, referral zone; SOAP notes; signed with an addendum). Runs alternate
between the two sides so drift in the machine affects both alike; the median of several
repetitions is reported. Both sides reuse the cached SVG renderers after a warm-up run.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter

from bodymap.atlas import load_atlas
from bodymap.atlas.qt import svg_renderer
from bodymap.printing.chart_page import chart_views
from bodymap.printing.pdf import PDF_DPI, write_visit_pdf
from bodymap.services.records import Records

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "export"))
REPEATS = 9


def _app() -> QGuiApplication:
    app = QGuiApplication.instance()
    return app if app is not None else QGuiApplication([])  # type: ignore[return-value]


def _typical_visit(records: Records):  # type: ignore[no-untyped-def]
    from export_factory import chart

    from bodymap.model import set_visit_fields

    patient = records.create_patient(chart_number="B-1", family_name="Bench", given_names="Ann")
    visit = records.start_visit(patient.id, clinician="A. Berg, PT")
    for region in ("posterior.upper_trapezius.L", "posterior.infraspinatus.R",
                   "anterior.sternocleidomastoid_sternal.L", "anterior.pectoralis_major.R"):
        if region in {r.id for r in load_atlas().regions}:
            chart(visit, region, note="taut band")
    set_visit_fields(visit, subjective="Neck pain for 3 weeks. " * 20,
                     objective="TrP L upper trapezius. " * 10, assessment="MPS.",
                     plan="Weekly x3.")
    records.save_visit(visit)
    return patient, records.open_visit(visit.id)


def _bare_page(path: str, views: list[str]) -> None:
    """One A4 page at the same resolution with the same diagrams side by side."""
    writer = QPdfWriter(path)
    writer.setResolution(PDF_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    width = writer.width() / len(views)
    for k, view_id in enumerate(views):
        svg_renderer(view_id, load_atlas()).render(painter, QRectF(k * width, 0, width,
                                                                   writer.height() / 2))
    painter.end()


def bench_pdf_page_ratio() -> dict[str, object]:
    """{"value": ratio of per-page times (bodymap / bare), details...}."""
    _app()
    with tempfile.TemporaryDirectory() as tmp:
        records = Records.open(Path(tmp) / "data", user="Bench")
        try:
            patient, visit = _typical_visit(records)
            views = chart_views(visit, load_atlas())
            ours_pdf, bare_pdf = str(Path(tmp) / "ours.pdf"), str(Path(tmp) / "bare.pdf")
            pages = write_visit_pdf(records, patient, [visit], ours_pdf)  # warm-up
            _bare_page(bare_pdf, views)
            ours, bare = [], []
            for _ in range(REPEATS):
                t0 = time.perf_counter()
                pages = write_visit_pdf(records, patient, [visit], ours_pdf)
                t1 = time.perf_counter()
                _bare_page(bare_pdf, views)
                t2 = time.perf_counter()
                ours.append((t1 - t0) / pages)
                bare.append(t2 - t1)
        finally:
            records.close()
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    return {"value": round(ours_ms / bare_ms, 2), "ours_ms_per_page": round(ours_ms, 1),
            "bare_ms_per_page": round(bare_ms, 1), "pages": pages, "views": views,
            "marks": len(visit.marks), "repeats": REPEATS}


if __name__ == "__main__":
    print(json.dumps(bench_pdf_page_ratio()))
