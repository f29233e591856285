"""The review window of one patient: timeline, progress plots, treatment heat map and
compare, as tabs. Tabs other than the timeline are built when first shown, so opening
the window costs the timeline only (and pyqtgraph loads with the Progress tab)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from bodymap.model import Patient
from bodymap.services.records import Records
from bodymap.ui.review.timeline import TimelineView

TIMELINE, PROGRESS, HEATMAP, COMPARE = "timeline", "progress", "heatmap", "compare"
TITLES = {TIMELINE: "Timeline", PROGRESS: "Progress", HEATMAP: "Heat map",
          COMPARE: "Compare"}


class ReviewWindow(QMainWindow):
    """One patient's history. ``visit_opened(visit_id)`` asks the host to open a visit
    (read-only if signed: the visit window decides)."""

    visit_opened = Signal(str)

    def __init__(self, records: Records, patient: Patient, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.records = records
        self.patient = patient
        self.setObjectName("reviewWindow")
        self.setWindowTitle(f"History — {patient.display_name} ({patient.chart_number})")
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self.timeline = TimelineView(records, patient.id)
        self.timeline.visit_opened.connect(self.visit_opened)
        self._pages: dict[str, QWidget | None] = {TIMELINE: self.timeline}
        self._factories: dict[str, Callable[[], QWidget]] = {
            PROGRESS: self._make_progress, HEATMAP: self._make_heatmap,
            COMPARE: self._make_compare}
        self.tabs.addTab(self.timeline, TITLES[TIMELINE])
        for name in (PROGRESS, HEATMAP, COMPARE):
            self._pages[name] = None
            self.tabs.addTab(QWidget(), TITLES[name])  # placeholder until first shown
        self.tabs.currentChanged.connect(self._tab_changed)
        self.resize(1100, 760)

    def _make_progress(self) -> QWidget:
        from bodymap.ui.review.plots import ProgressPlots

        return ProgressPlots(self.records, self.patient.id)

    def _make_heatmap(self) -> QWidget:
        from bodymap.ui.review.heatmap import HeatMapView

        return HeatMapView(self.records, self.patient.id)

    def _make_compare(self) -> QWidget:
        from bodymap.ui.review.compare import CompareView

        return CompareView(self.records, self.patient.id)

    def page(self, name: str) -> QWidget:
        """The tab's widget, built on first use."""
        page = self._pages.get(name)
        if page is None:
            page = self._factories[name]()
            self._pages[name] = page
            index = list(TITLES).index(name)
            self.tabs.blockSignals(True)
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, TITLES[name])
            old.deleteLater()
            self.tabs.blockSignals(False)
        return page

    def show_tab(self, name: str) -> QWidget:
        """Bring a tab to the front (building it if needed) and return its widget."""
        page = self.page(name)
        self.tabs.setCurrentWidget(page)
        return page

    def _tab_changed(self, index: int) -> None:
        name = list(TITLES)[index]
        if self._pages.get(name) is None:
            self.show_tab(name)

    def refresh(self) -> None:
        """Reread the visits in every built tab (after a visit was saved or signed)."""
        self.timeline.refresh()
        for name, page in self._pages.items():
            if page is not None and name != TIMELINE:
                getattr(page, "refresh", getattr(page, "reload", lambda: None))()
