"""Chart editor benchmarks with real widgets (offscreen): click-to-mark-painted on a chart
already holding 500 marks, and opening a visit with 500 marks to its first paint.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_chart      # prints the figures as JSON
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bodymap.atlas import load_atlas
from bodymap.model import NeedleSite, PainZone, TriggerPoint
from bodymap.services.records import Records
from bodymap.ui.chart import ChartEditor, Tool
from bodymap.ui.chart.items import MarkItem, PointItem, ZoneItem
from bodymap.ui.document import VisitDocument

MARKS = 500


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _visit_with_marks(data_dir: Path, n: int = MARKS, seed: int = 5) -> tuple[Records, str]:
    """A stored visit with ``n`` marks on muscles of the anterior and posterior views
    (trigger points, needle sites, a few pain zones)."""
    atlas = load_atlas()
    rng = random.Random(seed)
    records = Records.open(data_dir, user="Bench")
    patient = records.create_patient(chart_number="B-1", family_name="Bench")
    visit = records.start_visit(patient.id)
    regions = atlas.regions_in("anterior") + atlas.regions_in("posterior")
    for i in range(n):
        r = rng.choice(regions)
        x, y = r.anchor[0] + rng.uniform(-2, 2), r.anchor[1] + rng.uniform(-2, 2)
        common = dict(view=r.view, x=x, y=y, region_id=r.id, muscle=r.muscle, side=r.side)
        if i % 50 == 0:
            pts = tuple((x + dx, y + dy) for dx, dy in ((0, 0), (30, 0), (30, 25), (0, 25)))
            visit.marks.append(PainZone(view=r.view, points=pts))
        elif i % 2:
            visit.marks.append(NeedleSite(**common, needle_length_mm=30, depth_mm=15))
        else:
            visit.marks.append(TriggerPoint(**common))
    records.save_visit(visit)
    return records, visit.id


def _wait_painted(app: QApplication, before: int, limit_s: float = 2.0) -> None:
    deadline = time.perf_counter() + limit_s
    while MarkItem.paints <= before and time.perf_counter() < deadline:
        app.processEvents()
    if MarkItem.paints <= before:
        raise RuntimeError("the mark was never painted")


def bench_click_to_mark_ms(clicks: int = 60) -> dict:
    """Median ms from the mouse press with the trigger-point tool to the new mark painted,
    on a chart already holding 500 marks. The autosave runs between clicks, untimed (it is
    off the click path by design)."""
    app = _app()
    with tempfile.TemporaryDirectory() as tmp:
        records, visit_id = _visit_with_marks(Path(tmp))
        visit = records.open_visit(visit_id)
        doc = VisitDocument(records, records.get_patient(visit.patient_id), visit)
        editor = ChartEditor(doc)
        editor.resize(1280, 900)
        editor.show()
        app.processEvents()
        editor.set_tool(Tool.TRIGGER_ACTIVE)
        atlas = load_atlas()
        regions = atlas.regions_in("anterior")
        rng = random.Random(9)
        times = []
        for _ in range(clicks):
            r = rng.choice(regions)
            pos = editor.canvas.mapFromScene(QPointF(*r.anchor))
            before_marks, before_paints = len(doc.visit.marks), MarkItem.paints
            t0 = time.perf_counter()
            QTest.mousePress(editor.canvas.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, pos)
            _wait_painted(app, before_paints)
            times.append((time.perf_counter() - t0) * 1e3)
            QTest.mouseRelease(editor.canvas.viewport(), Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier, pos)
            assert len(doc.visit.marks) == before_marks + 1
            doc.save_now()
        total = len(doc.visit.marks)
        editor.close()
        editor.deleteLater()
        app.processEvents()
        records.close()
    return {"value": round(statistics.median(times), 3), "p90": round(
        statistics.quantiles(times, n=10)[-1], 3), "clicks": clicks, "marks": total}


class _PaintClock:
    """Wraps the mark items' paint to note when the marks were last painted: the first
    paint of the chart ends with its last mark, while processEvents() returns only after
    any work queued behind that paint (the pain-extent recompute, by design) has run too."""

    def __init__(self) -> None:
        self.last = 0.0
        self._paints = {cls: cls.paint for cls in (PointItem, ZoneItem)}

    def __enter__(self) -> _PaintClock:
        for cls, paint in self._paints.items():
            cls.paint = self._timed(paint)  # type: ignore[method-assign]
        return self

    def _timed(self, paint):  # type: ignore[no-untyped-def]
        def timed(item, *args):  # type: ignore[no-untyped-def]
            paint(item, *args)
            self.last = time.perf_counter()
        return timed

    def __exit__(self, *exc: object) -> None:
        for cls, paint in self._paints.items():
            cls.paint = paint  # type: ignore[method-assign]


def bench_open_visit_ms(rounds: int = 9) -> dict:
    """Median ms to open a stored visit with 500 marks in a ChartEditor until the end of its
    first paint (load from storage, build the editor and items, show, paint the marks)."""
    app = _app()
    times, phases = [], []
    with tempfile.TemporaryDirectory() as tmp, _PaintClock() as clock:
        records, visit_id = _visit_with_marks(Path(tmp))
        load_atlas()  # loaded once per app session, not per visit
        for _ in range(rounds):
            before = MarkItem.paints
            t0 = time.perf_counter()
            visit = records.open_visit(visit_id)
            doc = VisitDocument(records, records.get_patient(visit.patient_id), visit)
            t1 = time.perf_counter()
            editor = ChartEditor(doc)
            editor.resize(1280, 900)
            t2 = time.perf_counter()
            editor.show()
            _wait_painted(app, before)
            times.append((clock.last - t0) * 1e3)
            phases.append(((t1 - t0) * 1e3, (t2 - t1) * 1e3, (clock.last - t2) * 1e3))
            editor.close()
            editor.deleteLater()
            app.processEvents()
        records.close()
    load_ms, build_ms, paint_ms = (round(statistics.median(p), 1) for p in zip(*phases))
    return {"value": round(statistics.median(times), 2), "first": round(times[0], 2),
            "load_ms": load_ms, "build_ms": build_ms, "show_paint_ms": paint_ms,
            "rounds": rounds, "marks": MARKS}


if __name__ == "__main__":
    print(json.dumps({"chart_click_to_mark_ms": bench_click_to_mark_ms(),
                      "chart_open_visit_ms": bench_open_visit_ms()}))
