"""Progress plots: NPRS before/after, pain extent and needles per visit, on date axes.

pyqtgraph costs about 350 ms to import, so this module does not import it: the plots are
built (and pyqtgraph imported) the first time the widget is shown, or by
:meth:`ProgressPlots.ensure_built`. Hovering a visit's point shows its values in a tooltip
and in the read-out line under the plots.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from datetime import time as dt_time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bodymap.services.pain_extent import format_extent
from bodymap.services.records import Records
from bodymap.services.review import TimelineEntry, timeline

# Colours that stay apart in grayscale too: before = dark red circles, after = blue
# squares (shape and dash differ, not only hue).
BEFORE = QColor(180, 30, 30)
AFTER = QColor(21, 101, 192)
EXTENT = QColor(200, 95, 0)
NEEDLES = QColor(60, 60, 60)


def _ts(entry: TimelineEntry) -> float:
    return entry.started_at.timestamp()


def describe(entry: TimelineEntry) -> str:
    """One visit's values as the hover read-out shows them."""
    nprs = (f"NPRS {'–' if entry.nprs_before is None else entry.nprs_before} → "
            f"{'–' if entry.nprs_after is None else entry.nprs_after}")
    extent = "–" if entry.pain_extent is None else format_extent(entry.pain_extent)
    return (f"{entry.started_at.astimezone():%Y-%m-%d}: {nprs}; pain extent {extent}; "
            f"{entry.needles} needles{'' if entry.signed else ' (draft)'}")


def date_label(seconds: float, spacing: float) -> str:
    """A tick label a clinician reads at a glance: "5 Jan", or "Jan 2026" when ticks are
    a month or more apart, with the time when they are hours apart."""
    try:
        moment = datetime.fromtimestamp(seconds)
    except (OverflowError, OSError, ValueError):
        return ""
    if spacing >= 25 * 86400:
        return f"{moment:%b %Y}"
    if spacing >= 86400:
        return f"{moment.day} {moment:%b}"
    return f"{moment.day} {moment:%b %H:%M}"


_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6, 12)
DAY = 86400.0


def _midnight(day: date) -> float:
    return datetime.combine(day, dt_time()).timestamp()  # local midnight


def date_ticks(lo: float, hi: float, width_px: float, min_gap_px: float = 72.0
               ) -> tuple[float, list[float]]:
    """Tick positions (epoch seconds at local midnights) for a date axis ``width_px`` wide
    showing ``lo`` to ``hi``, and their nominal spacing in seconds: every day, 2 days, week
    (Mondays) or fortnight, else month starts every 1, 2, 3, 6 or 12 months, else years;
    the finest step whose labels stay ``min_gap_px`` apart. One level, so no two labels
    overlap and no day is skipped at a month boundary."""
    if not hi > lo or width_px <= 0:
        return DAY, []
    fits = max(1, int(width_px // min_gap_px))
    try:
        first, last = date.fromtimestamp(lo), date.fromtimestamp(hi)
    except (OverflowError, OSError, ValueError):
        return DAY, []
    span_days = (hi - lo) / DAY

    def inside(days: list[date]) -> list[float]:
        return [t for t in map(_midnight, days) if lo <= t <= hi]

    for step in _DAY_STEPS:
        if span_days / step <= fits:
            offset = (-first.weekday()) % 7 if step == 7 else (-first.toordinal()) % step
            day, days = first + timedelta(days=offset), []
            while day <= last:
                days.append(day)
                day += timedelta(days=step)
            return step * DAY, inside(days)
    for months in _MONTH_STEPS:
        if span_days / (30.44 * months) <= fits:
            index = first.year * 12 + first.month - 1
            index += (-index) % months  # January-aligned: Jan, Apr, Jul, Oct for quarters
            days = []
            while (day := date(index // 12, index % 12 + 1, 1)) <= last:
                days.append(day)
                index += months
            return months * 30.44 * DAY, inside(days)
    years = -(-int(span_days / 365.25) // fits) or 1
    year = first.year + (-first.year) % years
    return years * 365.25 * DAY, inside([date(y, 1, 1) for y in range(year, last.year + 1,
                                                                        years)])


def _date_axis_class(pg: Any) -> type:
    """A pyqtgraph axis with :func:`date_ticks` placement and :func:`date_label` labels;
    made here because pyqtgraph is imported only when the plots are built."""

    class DateAxis(pg.AxisItem):  # type: ignore[misc, name-defined]
        def tickValues(self, minVal: float, maxVal: float,  # noqa: N802, N803
                       size: float) -> list[tuple[float, list[float]]]:
            spacing, values = date_ticks(minVal, maxVal, size)
            return [(spacing, values)]

        def tickStrings(self, values: list[float], scale: float,  # noqa: N802
                        spacing: float) -> list[str]:
            return [date_label(v, spacing) for v in values]

    return DateAxis


class ProgressPlots(QWidget):
    """Three stacked plots sharing one date axis, for one patient's visits."""

    def __init__(self, records: Records, patient_id: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.records = records
        self.patient_id = patient_id
        self.entries: list[TimelineEntry] = []
        self.items: dict[str, Any] = {}  # series name -> pyqtgraph item (tests read them)
        self._built = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.readout = QLabel("Point at a visit to read its values.", self)
        self.readout.setObjectName("plotReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # -- building ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.ensure_built()
        super().showEvent(event)

    def ensure_built(self) -> None:
        """Import pyqtgraph and build the plots (once), then load the data."""
        if self._built:
            return
        import pyqtgraph as pg  # here, not at module level: see the module docstring

        self._pg = pg
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setBackground("w")
        self.graphics.setObjectName("progressGraphics")
        self.plots = {}
        titles = (("nprs", "Pain (NPRS 0–10)"), ("extent", "Pain extent (% of body)"),
                  ("needles", "Needles per visit"))
        date_axis = _date_axis_class(pg)
        for row, (name, label) in enumerate(titles):
            axis = date_axis(orientation="bottom")
            plot = self.graphics.addPlot(row=row, col=0, axisItems={"bottom": axis})
            plot.setLabel("left", label)
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setMouseEnabled(x=True, y=False)  # zoom in time only; y ranges are fixed
            for side in ("left", "bottom"):
                ax = plot.getAxis(side)
                ax.setPen(pg.mkPen("#333"))
                ax.setTextPen(pg.mkPen("#222"))
            plot.getAxis("left").setWidth(64)  # same width so the three x axes line up
            self.plots[name] = plot
        self.plots["extent"].setXLink(self.plots["nprs"])
        self.plots["needles"].setXLink(self.plots["nprs"])
        self.plots["nprs"].addLegend(offset=(-10, 10), labelTextColor="#222")
        self.plots["nprs"].setYRange(-0.4, 10.6, padding=0)  # 0 and 10 ticks labelled
        self.plots["nprs"].getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self._layout.addWidget(self.graphics, 1)
        self._layout.addWidget(self.readout)
        self.graphics.scene().sigMouseMoved.connect(self._mouse_moved)
        self._built = True
        self.refresh()

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reread the visits and redraw (a no-op until the plots are built)."""
        if not self._built:
            return
        pg = self._pg
        self.entries = timeline(self.records, self.patient_id)
        for plot in self.plots.values():
            for item in list(plot.listDataItems()):
                plot.removeItem(item)
            for item in [i for i in plot.items if isinstance(i, pg.BarGraphItem)]:
                plot.removeItem(item)
        self.items.clear()

        def series(name: str, getter, color: QColor, symbol: str, plot: str,
                   style: Qt.PenStyle = Qt.PenStyle.SolidLine, legend: str = "") -> None:
            points = [(e, getter(e)) for e in self.entries if getter(e) is not None]
            xs = [_ts(e) for e, _ in points]
            ys = [float(v) for _, v in points]
            item = self.plots[plot].plot(
                xs, ys, pen=pg.mkPen(color, width=2, style=style), symbol=symbol,
                symbolSize=9, symbolBrush=color, symbolPen=pg.mkPen("w"), name=legend or None)
            scatter = item.scatter
            scatter.opts["hoverable"] = True
            scatter.opts["tip"] = lambda x, y, data, n=legend or name: self._tip(x, n, y)
            self.items[name] = item

        series("nprs_before", lambda e: e.nprs_before, BEFORE, "o", "nprs",
               legend="Before treatment")
        series("nprs_after", lambda e: e.nprs_after, AFTER, "s", "nprs",
               Qt.PenStyle.DashLine, legend="After treatment")
        series("pain_extent", lambda e: e.pain_extent, EXTENT, "t", "extent")
        needles = [(e, e.needles) for e in self.entries]
        width = self._bar_width()
        bars = pg.BarGraphItem(x=[_ts(e) for e, _ in needles], height=[n for _, n in needles],
                               width=width, brush=pg.mkBrush(NEEDLES), pen=pg.mkPen("w"))
        self.plots["needles"].addItem(bars)
        self.items["needles"] = bars
        extent_max = max((e.pain_extent or 0 for e in self.entries), default=0)
        top = max(5.0, extent_max * 1.15)
        self.plots["extent"].setYRange(-top * 0.04, top, padding=0)
        top = max(4, max((n for _, n in needles), default=0) + 1)
        self.plots["needles"].setYRange(-top * 0.04, top, padding=0)
        if self.entries:
            pad = max(width, 86400.0)
            self.plots["nprs"].setXRange(_ts(self.entries[0]) - pad,
                                         _ts(self.entries[-1]) + pad, padding=0)

    def _bar_width(self) -> float:
        """Bars as wide as 60 % of the shortest gap between visits (at most 5 days)."""
        xs = sorted(_ts(e) for e in self.entries)
        gaps = [b - a for a, b in zip(xs, xs[1:]) if b > a]
        return min(5 * 86400.0, 0.6 * min(gaps)) if gaps else 2 * 86400.0

    def plotted(self, name: str) -> tuple[list[float], list[float]]:
        """The x (POSIX seconds) and y values a series shows: nprs_before, nprs_after,
        pain_extent or needles."""
        item = self.items[name]
        if name == "needles":
            return (list(map(float, item.opts["x"])), list(map(float, item.opts["height"])))
        xs, ys = item.getData()
        return ([] if xs is None else list(map(float, xs)),
                [] if ys is None else list(map(float, ys)))

    # -- hover ------------------------------------------------------------------------------
    def _tip(self, x: float, series: str, y: float) -> str:
        entry = self.nearest(x)
        return f"{series}: {y:g}\n{describe(entry)}" if entry else f"{series}: {y:g}"

    def nearest(self, x: float) -> TimelineEntry | None:
        """The visit closest in time to ``x`` (POSIX seconds)."""
        return min(self.entries, key=lambda e: abs(_ts(e) - x), default=None)

    def _mouse_moved(self, scene_pos: Any) -> None:
        for plot in self.plots.values():
            if plot.sceneBoundingRect().contains(scene_pos):
                x = plot.vb.mapSceneToView(scene_pos).x()
                self.show_values_near(x)
                return

    def show_values_near(self, x: float) -> None:
        """Put the values of the visit nearest ``x`` in the read-out line."""
        entry = self.nearest(x)
        if entry is not None:
            self.readout.setText(describe(entry))
