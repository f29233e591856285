"""Progress plots: the plotted values are the stored ones; dates on the x axis; hover
read-out; pyqtgraph is imported only when a plot is first shown."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from bodymap.ui.review.plots import ProgressPlots


def test_plotted_values_equal_the_stored_ones(qtbot, records, course):
    plots = ProgressPlots(records, course.patient.id)
    qtbot.addWidget(plots)
    plots.resize(900, 700)
    plots.show()  # builds the plots
    qtbot.waitExposed(plots)
    stored = [records.open_visit(v) for v in course.visit_ids]
    times = [v.started_at.timestamp() for v in stored]
    assert plots.plotted("nprs_before") == (times, [float(v.nprs_before) for v in stored])
    assert plots.plotted("nprs_after") == (times, [float(v.nprs_after) for v in stored])
    assert plots.plotted("pain_extent") == (times, [v.pain_extent["total"] for v in stored])
    assert plots.plotted("needles") == (times, [float(v.needles_used) for v in stored])
    # the x axis reads as dates, not seconds
    axis = plots.plots["nprs"].getAxis("bottom")
    plots.graphics.grab()  # paint once: the axis picks its date tick level while painting
    values = [v for _, level in axis.tickValues(*axis.range, axis.width()) for v in level]
    labels = axis.tickStrings(values, 1.0, 7 * 86400)
    assert labels and all(s.split()[-1] in ("Jan", "Feb", "Mar") for s in labels), labels


def test_a_visit_without_scores_leaves_a_gap_not_a_zero(qtbot, records, course):
    records.start_visit(course.patient.id)  # a new draft, nothing recorded yet
    plots = ProgressPlots(records, course.patient.id)
    qtbot.addWidget(plots)
    plots.ensure_built()
    assert len(plots.plotted("nprs_before")[1]) == 6
    assert len(plots.plotted("needles")[1]) == 7  # 0 needles is a true count


def test_hover_reads_out_the_nearest_visits_values(qtbot, records, course):
    plots = ProgressPlots(records, course.patient.id)
    qtbot.addWidget(plots)
    plots.ensure_built()
    third = records.open_visit(course.visit_ids[2])
    plots.show_values_near(third.started_at.timestamp() + 3600)
    text = plots.readout.text()
    assert f"NPRS {third.nprs_before} → {third.nprs_after}" in text
    assert f"{third.pain_extent['total']:.1f} %" in text
    assert f"{third.needles_used} needles" in text
    tip = plots.items["nprs_after"].scatter.opts["tip"](
        x=third.started_at.timestamp(), y=float(third.nprs_after), data=None)
    assert f"{third.started_at.astimezone():%Y-%m-%d}" in tip


def test_importing_the_ui_and_starting_the_main_window_does_not_import_pyqtgraph(tmp_path):
    child = textwrap.dedent(f"""
        import importlib, pkgutil, sys
        import bodymap.ui
        for info in pkgutil.walk_packages(bodymap.ui.__path__, "bodymap.ui."):
            importlib.import_module(info.name)
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from bodymap.services.records import Records
        from bodymap.settings import Settings
        from bodymap.ui.main_window import MainWindow
        from bodymap.ui.review.plots import ProgressPlots
        from pathlib import Path
        records = Records.open(Path({str(tmp_path / 'd')!r}), user="PT")
        window = MainWindow(records, Settings(Path({str(tmp_path / 's.sqlite')!r})))
        window.show()
        app.processEvents()
        names = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
        plots = ProgressPlots(records, "none")  # constructed, not shown
        print("loaded:", "pyqtgraph" in sys.modules)
        plots.ensure_built()
        print("after show:", "pyqtgraph" in sys.modules)
        window.close()
        records.close()
    """)
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
                                            "XDG_STATE_HOME": str(tmp_path / "state")})
    assert proc.returncode == 0, proc.stderr
    assert "loaded: False" in proc.stdout and "after show: True" in proc.stdout


def test_date_ticks_fit_the_width_and_keep_month_boundaries():
    from datetime import date, datetime, time

    from bodymap.ui.review.plots import date_label, date_ticks

    def at(y: int, m: int, d: int) -> float:
        return datetime.combine(date(y, m, d), time()).timestamp()

    # four weeks across a month end, 1,200 px: every other day, 1 Dec not skipped
    spacing, ticks = date_ticks(at(2026, 11, 9), at(2026, 12, 5), 1200)
    assert spacing == 2 * 86400 and len(ticks) <= 1200 // 72
    days = [datetime.fromtimestamp(t).date() for t in ticks]
    assert all((b - a).days == 2 for a, b in zip(days, days[1:]))
    labels = [date_label(t, spacing) for t in ticks]
    assert len(set(labels)) == len(labels)
    # the same four weeks, 2,400 px: every day
    spacing, ticks = date_ticks(at(2026, 11, 9), at(2026, 12, 5), 2400)
    assert spacing == 86400 and date_label(at(2026, 12, 1), spacing) in \
        [date_label(t, spacing) for t in ticks]
    # three months, 1,000 px: Mondays (600 px would take fortnights)
    spacing, ticks = date_ticks(at(2026, 1, 1), at(2026, 4, 1), 1000)
    assert spacing == 7 * 86400
    assert {datetime.fromtimestamp(t).weekday() for t in ticks} == {0}
    # two years, 700 px: quarter starts labelled by month and year
    spacing, ticks = date_ticks(at(2025, 1, 15), at(2027, 1, 15), 700)
    starts = [datetime.fromtimestamp(t).date() for t in ticks]
    assert all(d.day == 1 and d.month in (1, 4, 7, 10) for d in starts)
    assert date_label(ticks[0], spacing) == "Apr 2025"
    # ten years in 300 px: years; nothing, not a crash, for an empty or reversed range
    spacing, ticks = date_ticks(at(2016, 6, 1), at(2026, 6, 1), 300)
    assert all(datetime.fromtimestamp(t).timetuple()[1:3] == (1, 1) for t in ticks)
    assert 0 < len(ticks) <= 300 // 72
    assert date_ticks(at(2026, 1, 2), at(2026, 1, 1), 500)[1] == []
