"""Where start-up time goes: the cold start split into stages, median of fresh processes.

    python -m bench.startup_stages [STARTS]

A diagnostic beside the cold_start_ratio metric, not a metric itself. Each start runs the
app's own start-up (bodymap.app.main, 10,000-patient bench database, --smoke-test) in a new
process. The imports are made in the app's order, each stage on its own, so that one
stage's cost is not hidden inside the next: the Qt-free model and storage, then PySide6,
then the ``Qt`` namespace (whose enums PySide6 builds on first use), then the window code.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import gc, sys, time
gc.disable()  # as bodymap.app.main does before anything else
stages = []
def mark(name, _t=[time.perf_counter()]):
    now = time.perf_counter()
    stages.append((name, (now - _t[0]) * 1000))
    _t[0] = now
import argparse, pathlib
mark("argparse, pathlib")
import bodymap.app as app
mark("bodymap.app")
import bodymap.services.records, bodymap.services.visits
mark("model, storage, services, and the standard library they use")
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
mark("PySide6 modules (the bare window pays these too)")
from PySide6.QtCore import Qt
mark("Qt namespace enums")
import bodymap.ui.launch as launch
mark("window code (ui)")
Records = launch.Records
open_records = Records.open.__func__
def timed_open(cls, *a, **k):
    mark("arguments, QApplication, icon, settings")
    records = open_records(cls, *a, **k)
    mark("open the records")
    return records
Records.open = classmethod(timed_open)
build = launch.MainWindow.__init__
def timed_build(self, *a, **k):
    build(self, *a, **k)
    mark("build the main window")
launch.MainWindow.__init__ = timed_build
painted = launch._FirstPaint.eventFilter
def timed_paint(self, watched, event):
    before = self.painted
    result = painted(self, watched, event)
    if self.painted and not before:
        mark("show, then first paint")
    return result
launch._FirstPaint.eventFilter = timed_paint
rc = app.main(["--data-dir", sys.argv[1], "--smoke-test"])
print("STAGES " + __import__("json").dumps(stages))
sys.exit(rc)
"""


MODEL_IN_A_VIEW = r"""
import sys, time
from PySide6.QtCore import QAbstractTableModel, QModelIndex
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv[:1])
class Model(QAbstractTableModel):  # a table with column titles; no Qt.* named anywhere
    def rowCount(self, parent=QModelIndex()): return 0
    def columnCount(self, parent=QModelIndex()): return 3
    def headerData(self, section, orientation, role=0):
        return f"Column {section}" if role == 0 else None
view = QTableView()
model = Model()
start = time.perf_counter()
view.setModel(model)  # the header asks headerData for its titles, passing a Qt.Orientation
view.show()
app.processEvents()
print((time.perf_counter() - start) * 1000)
"""


def _offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def model_in_a_view_ms(starts: int = 5) -> float:
    """What a bare window pays to paint a table with column titles from a Python model:
    PySide6 builds the ``Qt`` namespace's enums when it first passes one of them to Python
    (here the header's orientation), whether the program names ``Qt`` or not."""
    env = _offscreen_env()
    times = []
    for _ in range(starts):
        out = subprocess.run([sys.executable, "-c", MODEL_IN_A_VIEW], env=env,
                             capture_output=True, text=True, timeout=60).stdout.split()
        times.append(float(out[0]))
    return statistics.median(times)


def run(starts: int = 9) -> list[tuple[str, float]]:
    from bench.bench_storage import database

    data_dir = database(10_000)
    env = _offscreen_env()
    runs: list[list[tuple[str, float]]] = []
    with tempfile.TemporaryDirectory() as home:
        env.update(XDG_CONFIG_HOME=f"{home}/config", XDG_STATE_HOME=f"{home}/state")
        for _ in range(starts + 1):  # the first only warms the file cache
            proc = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], env=env,
                                  capture_output=True, text=True, timeout=120)
            line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("STAGES ")),
                        None)
            if proc.returncode != 0 or line is None:
                raise RuntimeError(f"start-up failed: {proc.stderr[-500:]}")
            runs.append([(name, ms) for name, ms in json.loads(line[len("STAGES "):])])
    runs = runs[1:]
    names = [name for name, _ in runs[0]]
    return [(name, statistics.median(r[i][1] for r in runs)) for i, name in enumerate(names)]


def main(argv: list[str]) -> int:
    starts = int(argv[0]) if argv else 9
    stages = run(starts)
    print(f"median of {starts} starts, ms (the interpreter's own start-up not included):")
    for name, ms in stages:
        print(f"{ms:7.1f}  {name}")
    print(f"{sum(ms for _, ms in stages):7.1f}  total")
    print(f"\nA bare table whose Python model has column titles, first paint: "
          f"{model_in_a_view_ms():.1f} ms (PySide6 builds the Qt namespace enums then).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
