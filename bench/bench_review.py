"""Review benchmarks with real widgets (offscreen): opening the timeline of a patient with
200 visits (DEMO-200 of the cached 100,000-patient bench database) to its first paint,
and a visit search per keystroke over the same database.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_review      # prints the figures as JSON
"""

from __future__ import annotations

import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from bench.bench_storage import SEARCH_KEYS, database
from bodymap.services.records import Records
from bodymap.services.review import search_visits


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def bench_timeline_ms(rounds: int = 7) -> dict[str, object]:
    """Median ms to construct and show the TimelineView of the 200-visit patient until its
    table has painted; also how long until the visible rows' thumbnails are drawn."""
    from bodymap.ui.review.timeline import TimelineView

    app = _app()
    records = Records.open(database(), user="bench")
    try:
        heavy = records.find_patient_by_chart_number("DEMO-200")
        assert heavy is not None
        first_paint, thumbs = [], []
        for _ in range(rounds):
            watcher = _FirstPaint()
            t0 = time.perf_counter()
            view = TimelineView(records, heavy.id)
            view.table.viewport().installEventFilter(watcher)
            view.resize(1000, 700)
            view.show()
            while not watcher.painted:
                app.processEvents()
            first_paint.append((time.perf_counter() - t0) * 1000)
            assert view.model.rowCount() == 200
            idle = []
            view.thumbnails_idle.connect(lambda idle=idle: idle.append(True))
            while not idle:
                app.processEvents()
            thumbs.append((time.perf_counter() - t0) * 1000)
            view.close()
            view.deleteLater()
            app.processEvents()
    finally:
        records.close(backup=False)
    return {"value": round(statistics.median(first_paint), 2),
            "max_ms": round(max(first_paint), 2),
            "visible_thumbnails_ms": round(statistics.median(thumbs), 2),
            "visits": 200, "rounds": rounds}


def bench_visit_search_ms(rounds: int = 3) -> dict[str, object]:
    """Median ms of one visit search by patient name (the service call) over 100,000
    patients, with the patient search's keystrokes."""
    records = Records.open(database(), user="bench")
    try:
        samples = []
        for _ in range(rounds):
            for text in SEARCH_KEYS:
                t0 = time.perf_counter()
                search_visits(records, text=text)
                samples.append((time.perf_counter() - t0) * 1000)
        muscle = []
        for _ in range(rounds * 5):
            t0 = time.perf_counter()
            search_visits(records, muscle="upper_trapezius", side="L", kind=None)
            muscle.append((time.perf_counter() - t0) * 1000)
    finally:
        records.close(backup=False)
    samples.sort()
    return {"value": round(statistics.median(samples), 3),
            "p95_ms": round(samples[int(len(samples) * 0.95)], 3),
            "max_ms": round(samples[-1], 3),
            "muscle_ms": round(statistics.median(muscle), 3)}


if __name__ == "__main__":
    print(json.dumps({"timeline_ms": bench_timeline_ms(),
                      "visit_search_ms": bench_visit_search_ms()}, indent=2))
