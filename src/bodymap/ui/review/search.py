"""Search visits across patients: by name, chart number, date range and muscle treated
("all visits where the left piriformis was needled"). Results update as one types;
activating a result emits ``visit_opened(patient_id, visit_id)``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bodymap.atlas import Atlas, load_atlas
from bodymap.model import clock
from bodymap.model.timetext import SAMPLE_TIME_TEXT, time_text
from bodymap.services.records import Records
from bodymap.services.review import VisitHit, search_visits_page

KINDS = (("needled", "needle_site"), ("with a trigger point in", "trigger_point"),
         ("with any mark on", None))
COLUMNS = ("Date", "Patient", "Chart no.", "Clinician", "Status", "NPRS", "Needles there")


class ReviewSearch(QDialog):
    """A non-modal search window; also usable embedded (it is a QDialog only so Escape
    closes it)."""

    visit_opened = Signal(str, str)  # patient id, visit id

    def __init__(self, records: Records, atlas: Atlas | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search visits")
        self.records = records
        self.atlas = atlas or load_atlas()
        self.hits: list[VisitHit] = []
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("Family or given name (start of a word)")
        self.chart_number = QLineEdit(self)
        self.chart_number.setPlaceholderText("Start of the chart number")
        self.use_from, self.date_from = QCheckBox("From", self), QDateEdit(self)
        self.use_to, self.date_to = QCheckBox("to", self), QDateEdit(self)
        today_ = clock.local_today()
        today = QDate(today_.year, today_.month, today_.day)
        for check, edit, day in ((self.use_from, self.date_from, today.addMonths(-3)),
                                 (self.use_to, self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.run)
            edit.dateChanged.connect(self.run)
        self.kind = QComboBox(self)
        for label, kind in KINDS:
            self.kind.addItem(label, kind)
        self.muscle = QComboBox(self)
        self.muscle.addItem("any muscle", None)
        for m in sorted(self.atlas.muscles, key=lambda m: m.name.casefold()):
            self.muscle.addItem(m.name, m.id)
        self.muscle.setEditable(True)  # type to find a muscle among ~90
        self.muscle.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.side = QComboBox(self)
        for label, side in (("either side", None), ("left", "L"), ("right", "R")):
            self.side.addItem(label, side)
        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setRootIsDecorated(False)
        self.results.setHeaderLabels(COLUMNS)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAlternatingRowColors(True)
        self.results.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        date_width = self.results.fontMetrics().horizontalAdvance(SAMPLE_TIME_TEXT) + 16
        for col, width in enumerate((date_width, 200, 90, 160, 70, 60)):
            self.results.setColumnWidth(col, width)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self._layout()
        self.name.textChanged.connect(self.run)
        self.chart_number.textChanged.connect(self.run)
        self.kind.currentIndexChanged.connect(self.run)
        self.muscle.currentIndexChanged.connect(self.run)
        self.side.currentIndexChanged.connect(self.run)
        self.results.itemActivated.connect(self._activated)
        self.resize(960, 560)
        self.run()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Patient", self.name)
        form.addRow("Chart number", self.chart_number)
        dates = QHBoxLayout()
        for w in (self.use_from, self.date_from, self.use_to, self.date_to):
            dates.addWidget(w)
        dates.addStretch(1)
        form.addRow("Visit dates", dates)
        treated = QHBoxLayout()
        treated.addWidget(self.kind)
        treated.addWidget(self.muscle, 1)
        treated.addWidget(self.side)
        form.addRow("Visits", treated)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

    # -- criteria ---------------------------------------------------------------------------
    def set_muscle(self, muscle_id: str | None, side: str | None = None,
                   kind: str | None = "needle_site") -> None:
        """Choose the muscle criterion (atlas muscle id), side ("L"/"R") and mark kind."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.side.setCurrentIndex(self.side.findData(side))
        self.muscle.setCurrentIndex(self.muscle.findData(muscle_id))

    def set_dates(self, since: date | None, until: date | None) -> None:
        """Limit to visits from ``since`` to ``until`` inclusive (None: open-ended)."""
        for check, edit, day in ((self.use_from, self.date_from, since),
                                 (self.use_to, self.date_to, until)):
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
            check.setChecked(day is not None)

    def run(self) -> None:
        """Search with the current criteria and list the hits."""
        page = search_visits_page(
            self.records, text=self.name.text(), chart_number=self.chart_number.text(),
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,
            muscle=self.muscle.currentData(), side=self.side.currentData(),
            kind=self.kind.currentData())
        self.hits = page.hits
        self.results.clear()
        # needles into the searched muscle: meaningful only for a needling search
        by_muscle = ((self.muscle.currentData() is not None or self.side.currentData())
                     and self.kind.currentData() == "needle_site")
        items = []
        for hit in page.hits:
            nprs = (f"{'–' if hit.nprs_before is None else hit.nprs_before} → "
                    f"{'–' if hit.nprs_after is None else hit.nprs_after}")
            there = "" if hit.matched_needles is None or not by_muscle \
                else str(hit.matched_needles)
            item = QTreeWidgetItem([time_text(hit.started_at),
                                    hit.patient_name, hit.chart_number, hit.clinician,
                                    "Signed" if hit.status.value == "signed" else "Draft",
                                    nprs, there])
            item.setData(0, Qt.ItemDataRole.UserRole, (hit.patient_id, hit.visit_id))
            items.append(item)
        self.results.addTopLevelItems(items)
        n = len(page.hits)
        text = f"{n} visit{'' if n == 1 else 's'}"
        if not page.complete:
            text += (" — more patients match this name than are searched at once; type more "
                     "of it or add another criterion.")
        self.status.setText(text)

    def _activated(self, item: QTreeWidgetItem) -> None:
        patient_id, visit_id = item.data(0, Qt.ItemDataRole.UserRole)
        self.visit_opened.emit(patient_id, visit_id)
