"""Memory metrics through the real widgets: resident memory with a big chart open, and RSS
growth over a long editing session (a leak shows as growth; the chart itself stays the
same size because each cycle of edits returns it to where it started)."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path


def rss_mb_now() -> float:
    """Current resident set size in MB (Linux /proc; ru_maxrss elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _marks_on_regions(atlas, n: int, rng: random.Random) -> list:
    from bodymap.model import NeedleSite, PainZone, TriggerPoint

    regions = [r for r in atlas.regions if r.view in ("anterior", "posterior")]
    marks = []
    for i in range(n):
        r = rng.choice(regions)
        x, y = r.anchor
        common = dict(view=r.view, region_id=r.id, muscle=r.muscle, side=r.side)
        if i % 10 == 9:
            marks.append(PainZone(points=((x - 8, y - 8), (x + 8, y - 8), (x, y + 8)),
                                  intensity=5, **common))
        elif i % 2:
            marks.append(NeedleSite(x=x, y=y, needle_length_mm=40, depth_mm=20, **common))
        else:
            marks.append(TriggerPoint(x=x, y=y, **common))
    return marks


def _open_chart(data_dir: Path, marks: int):
    """Records on ``data_dir``, a patient with a ``marks``-mark visit, its editor shown."""
    from PySide6.QtWidgets import QApplication

    from bodymap.atlas import load_atlas
    from bodymap.model import add_mark
    from bodymap.services.records import Records
    from bodymap.ui.chart import ChartEditor
    from bodymap.ui.document import VisitDocument

    app = QApplication.instance() or QApplication([])
    records = Records.open(data_dir, user="bench")
    patient = records.find_patient_by_chart_number("BENCH-MEM") or records.create_patient(
        chart_number="BENCH-MEM", family_name="Memory")
    visit = records.start_visit(patient.id)
    atlas = load_atlas()
    for m in _marks_on_regions(atlas, marks, random.Random(3)):
        add_mark(visit, m)
    records.save_visit(visit)
    doc = VisitDocument(records, patient, visit)
    editor = ChartEditor(doc, atlas)
    editor.resize(1200, 800)
    editor.show()
    for _ in range(5):
        app.processEvents()
    return app, records, doc, editor


def bench_rss_mb() -> dict[str, object]:
    """RSS with the main window on a 10,000-patient database and a 500-mark chart open."""
    from bench.bench_storage import database
    from bodymap.settings import Settings
    from bodymap.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        shutil.copy(database(10_000) / "bodymap.sqlite", data / "bodymap.sqlite")
        app, records, doc, editor = _open_chart(data, 500)
        window = MainWindow(records, Settings(Path(tmp) / "settings.sqlite"))
        window.show()
        for _ in range(5):
            app.processEvents()
        value = rss_mb_now()
        editor.close()
        window.close()
        records.close()
    return {"value": round(value, 1), "marks": 500, "patients": 10_000}


def bench_soak_rss_growth_pct(edits: int = 100_000) -> dict[str, object]:
    """Edits in cycles of add, move, undo, redo, undo, undo (the chart returns to its
    starting state, the undo stack stays bounded); RSS at edit 10,000 vs at the end."""
    from PySide6.QtWidgets import QApplication

    from bodymap.model import TriggerPoint
    from bodymap.ui.commands import AddMark, MoveMark

    with tempfile.TemporaryDirectory() as tmp:
        app, records, doc, editor = _open_chart(Path(tmp) / "data", 50)
        region = next(r for r in editor.atlas.regions if r.view == "posterior")
        x, y = region.anchor
        stack = doc.undo_stack
        done = 0
        rss_at_10k = None
        start = time.perf_counter()
        while done < edits:
            mark = TriggerPoint(view=region.view, x=x, y=y, region_id=region.id,
                                muscle=region.muscle, side=region.side)
            doc.push(AddMark(doc, mark))
            doc.push(MoveMark(doc, mark.id, 1.5, -1.0))
            stack.undo()
            stack.redo()
            stack.undo()
            stack.undo()
            done += 6
            if done % 600 == 0:
                QApplication.processEvents()  # paint, and let autosave run
            if rss_at_10k is None and done >= 10_000:
                rss_at_10k = rss_mb_now()
        for _ in range(5):
            app.processEvents()
        doc.save_now()
        end_rss = rss_mb_now()
        seconds = time.perf_counter() - start
        editor.close()
        records.close()
    assert rss_at_10k is not None
    growth = (end_rss - rss_at_10k) / rss_at_10k * 100
    return {"value": round(growth, 2), "rss_at_10k_mb": round(rss_at_10k, 1),
            "rss_end_mb": round(end_rss, 1), "edits": done, "seconds": round(seconds, 1)}
