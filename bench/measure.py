"""How each metric is measured, through the app's real code paths. Each function runs in a
fresh process (see bench/__main__.py) and returns {"value": ..., details}."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_storage import database

BARE_QT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
w = QMainWindow()
w.resize(1100, 720)
f = FirstPaint()
w.installEventFilter(f)
w.show()
app.exec()
"""


def _time_to_line(cmd: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from spawning ``cmd`` until it prints a line containing ``marker``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if marker in line:
            elapsed = time.perf_counter() - start
            proc.wait(timeout=60)
            return elapsed
    proc.wait(timeout=60)
    raise RuntimeError(f"{cmd[:3]} never printed {marker!r}: {proc.stderr.read()[-500:]}")


def _compile_bytecode() -> None:
    """Write the app's .pyc files, as an installed copy has them (pip and PyInstaller
    compile at install time; PySide6's own arrive compiled). Without this, a source
    checkout under PYTHONDONTWRITEBYTECODE recompiles every module at every start and the
    ratio measures the compiler, not the app."""
    import compileall

    import bodymap

    compileall.compile_dir(Path(bodymap.__file__).parent, quiet=1)


def _launcher() -> list[str]:
    """The command a clinician's start runs: the installed ``bodymap`` launcher (what
    ``make run`` and the desktop entry start), else ``python -m bodymap``."""
    script = Path(sys.executable).with_name("bodymap")
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "bodymap"]


def cold_start_ratio(rounds: int = 11) -> dict[str, object]:
    data_dir = database(10_000)  # generated once, cached in the temp dir
    _compile_bytecode()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env.update(XDG_CONFIG_HOME=f"{home}/config", XDG_STATE_HOME=f"{home}/state")
        app_cmd = [*_launcher(), "--data-dir", str(data_dir), "--smoke-test"]
        bare_cmd = [sys.executable, "-c", BARE_QT]
        # Both stop the clock at the first paint of their main window, not at exit.
        _time_to_line(app_cmd, "first paint", env)  # warm the file cache for both
        _time_to_line(bare_cmd, "painted", env)
        app_s, bare_s = [], []
        for _ in range(rounds):  # alternate so drift hits both alike
            app_s.append(_time_to_line(app_cmd, "first paint", env))
            bare_s.append(_time_to_line(bare_cmd, "painted", env))
    app_med, bare_med = statistics.median(app_s), statistics.median(bare_s)
    return {"value": round(app_med / bare_med, 3), "app_ms": round(app_med * 1000, 1),
            "bare_ms": round(bare_med * 1000, 1), "rounds": rounds}


def hit_test_us() -> dict[str, object]:
    from bench.bench_atlas import hit_test_layers

    return hit_test_layers()


def min_target_px() -> dict[str, object]:
    from bench.bench_atlas import bench_min_target_px

    return bench_min_target_px()


def autosave_ratio() -> dict[str, object]:
    from bench.bench_storage import bench_autosave_ratio

    return dict(bench_autosave_ratio())


def search_ms(queries: tuple[str, ...] = ("s", "sm", "smi", "smit", "smith", "m", "ma",
                                           "mar", "a", "an", "ang", "1", "12", "123", "zo",
                                           "ch", "o", "ok", "oka", "w")) -> dict[str, object]:
    """One keystroke in the real patient list widget: query, model reset, count label."""
    from PySide6.QtWidgets import QApplication

    from bodymap.services.records import Records
    from bodymap.ui.patient_list import PatientListPanel

    data_dir = database(100_000)
    app = QApplication.instance() or QApplication([])
    records = Records.open(data_dir, user="bench")
    try:
        panel = PatientListPanel(records)
        panel.show()
        samples = []
        for _ in range(3):
            for text in queries:
                start = time.perf_counter()
                panel.search.setText(text)  # textChanged -> refresh, as a keystroke does
                app.processEvents()
                samples.append((time.perf_counter() - start) * 1000)
        panel.close()
    finally:
        records.close()
    return {"value": round(statistics.median(samples), 2),
            "p95_ms": round(sorted(samples)[int(len(samples) * 0.95)], 2),
            "patients": 100_000}


def click_to_mark_ms() -> dict[str, object]:
    from bench.bench_chart import bench_click_to_mark_ms

    return dict(bench_click_to_mark_ms())


def open_visit_ms() -> dict[str, object]:
    from bench.bench_chart import bench_open_visit_ms

    return dict(bench_open_visit_ms())


def timeline_ms() -> dict[str, object]:
    from bench.bench_review import bench_timeline_ms

    return dict(bench_timeline_ms())


def pdf_page_ratio() -> dict[str, object]:
    from bench.bench_print import bench_pdf_page_ratio

    return dict(bench_pdf_page_ratio())


def rss_mb() -> dict[str, object]:
    from bench.bench_memory import bench_rss_mb

    return bench_rss_mb()


def soak_rss_growth_pct() -> dict[str, object]:
    from bench.bench_memory import bench_soak_rss_growth_pct

    return bench_soak_rss_growth_pct()


def standard_visit_events() -> dict[str, object]:
    from bench.bench_events import bench_standard_visit_events

    return bench_standard_visit_events()


def returning_visit_events() -> dict[str, object]:
    from bench.bench_events import bench_returning_visit_events

    return bench_returning_visit_events()
