"""The metrics of issue 8: names, units, goals, and how each is measured.

Run one metric in this process with ``python -m bench.metrics NAME``; it prints one JSON
line ``{"value": v, ...details}``. ``python -m bench`` runs them all, each in its own process.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    unit: str
    goal: float
    what: str
    needs: str | None = None  # module that must exist (the feature being measured)
    feature: str = ""  # how to name that feature when it is missing
    at_least: bool = False  # the goal is a floor (value >= goal), not a ceiling

    def meets(self, value: float | None) -> bool:
        """Whether a measured value meets the goal."""
        if value is None:
            return False
        return value >= self.goal if self.at_least else value <= self.goal

    @property
    def goal_text(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.goal:g}"

    @property
    def missing(self) -> str | None:
        """Why the metric cannot be measured yet, or None."""
        if self.needs is None:
            return None
        try:
            found = importlib.util.find_spec(self.needs) is not None
        except ModuleNotFoundError:
            found = False
        return None if found else f"{self.feature} is not built yet ({self.needs})"


CHART = ("bench.bench_chart", "the chart editor (issue 4)")
EDITOR = ("bodymap.ui.chart", "the chart editor (issue 4)")
METRICS: dict[str, Metric] = {
    "cold_start_ratio": Metric("x", 1.5, "process start to first painted main window, "
                                         "10,000-patient database / bare QMainWindow process"),
    "hit_test_us": Metric("us", 20, "atlas region_at per query, random points, all views; "
                                    "the slower of the default picture and the deep layer "
                                    "(views that have one)"),
    "min_target_px": Metric("px", 8, "smallest muscle's best click target at the default "
                                     "visit window (1280 x 800 screen), current atlas",
                            at_least=True),
    "click_to_mark_ms": Metric("ms", 8, "trigger-point click to mark painted, 500 marks",
                               *CHART),
    "open_visit_ms": Metric("ms", 50, "open a 500-mark visit to first paint", *CHART),
    "autosave_ratio": Metric("x", 3, "one edit committed through storage / raw sqlite3 commit "
                                     "of the same bytes, same pragmas"),
    "search_ms": Metric("ms", 20, "one type-ahead keystroke in the patient list, "
                                  "100,000 patients"),
    "timeline_ms": Metric("ms", 100, "open the timeline of a patient with 200 visits",
                          "bench.bench_review", "the visit timeline (issue 6)"),
    "pdf_page_ratio": Metric("x", 2, "PDF export per page / bare QPdfWriter page, same diagram",
                             "bench.bench_print", "printing (issue 7)"),
    "rss_mb": Metric("MB", 250, "resident memory, 10,000 patients, a 500-mark chart open",
                     *EDITOR),
    "soak_rss_growth_pct": Metric("%", 10, "100,000 edits with undo/redo: RSS growth from "
                                           "edit 10,000 to 100,000", *EDITOR),
    "standard_visit_events": Metric("events", 30, "input events for a standard visit, new "
                                                  "patient to signature (issue 18), real "
                                                  "windows at 1280 x 800"),
    "returning_visit_events": Metric("events", 15, "input events for a returning patient's "
                                                   "visit, search to signature (issue 18)"),
}


def _measure(name: str) -> dict[str, object]:
    from bench import measure

    fn: Callable[[], dict[str, object]] = getattr(measure, name)
    return fn()


if __name__ == "__main__":
    metric = sys.argv[1]
    if metric not in METRICS:
        raise SystemExit(f"unknown metric {metric}")
    print(json.dumps(_measure(metric)))
