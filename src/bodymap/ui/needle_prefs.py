"""Preferences ▸ Needles: the needle a first site on each muscle starts with.

One row per muscle of the atlas, showing the built-in table's needle or the clinician's
own; only the rows that differ from the table are stored (see bodymap.model.needles).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bodymap.atlas import Atlas, load_atlas
from bodymap.model.needles import LENGTHS_MM, NeedleChoice, default_needle, table_needle
from bodymap.ui.chart.fields import DIAMETERS, Choice


class NeedleDefaultsEditor(QWidget):
    """Length and gauge per muscle; ``overrides()`` is what differs from the table."""

    def __init__(self, overrides: dict[str, NeedleChoice], atlas: Atlas | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        muscles = sorted((atlas or load_atlas()).muscles, key=lambda m: m.name.lower())
        self.muscle_ids = [m.id for m in muscles]
        self.table = QTableWidget(len(muscles), 3)
        self.table.setObjectName("needleDefaults")
        self.table.setHorizontalHeaderLabels(["Muscle", "Needle length", "Gauge"])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lengths: dict[str, Choice] = {}
        self.gauges: dict[str, Choice] = {}
        for row, muscle in enumerate(muscles):
            name = QTableWidgetItem(muscle.name)
            name.setFlags(name.flags() & ~name.flags().ItemIsEditable)
            self.table.setItem(row, 0, name)
            choice = default_needle(muscle.id, overrides)
            lengths = sorted(set(LENGTHS_MM) | {choice.length_mm})
            self.lengths[muscle.id] = Choice([(f"{v:g} mm", v) for v in lengths])
            self.gauges[muscle.id] = Choice(DIAMETERS)
            self.table.setCellWidget(row, 1, self.lengths[muscle.id])
            self.table.setCellWidget(row, 2, self.gauges[muscle.id])
            self._show(muscle.id, choice)
            self.lengths[muscle.id].currentIndexChanged.connect(
                lambda _=0, m=muscle.id: self._mark(m))
            self.gauges[muscle.id].currentIndexChanged.connect(
                lambda _=0, m=muscle.id: self._mark(m))
        note = QLabel("The needle a new site on each muscle starts with. Within a visit a "
                      "further site on the same muscle takes the needle used there last. "
                      "Changed rows are shown in bold.")
        note.setWordWrap(True)
        self.restore = QPushButton("Restore the built-in table")
        self.restore.clicked.connect(self.restore_table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def _show(self, muscle: str, choice: NeedleChoice) -> None:
        self.lengths[muscle].put(choice.length_mm)
        self.gauges[muscle].put(choice.diameter_mm)
        self._mark(muscle)

    def _mark(self, muscle: str) -> None:
        item = self.table.item(self.muscle_ids.index(muscle), 0)
        font = QFont(item.font())
        font.setBold(self.choice(muscle) != table_needle(muscle))
        item.setFont(font)

    def choice(self, muscle: str) -> NeedleChoice:
        return NeedleChoice(self.lengths[muscle].get(), self.gauges[muscle].get())

    def restore_table(self) -> None:
        for muscle in self.muscle_ids:
            self._show(muscle, table_needle(muscle))

    def overrides(self) -> dict[str, NeedleChoice]:
        """The rows that differ from the built-in table."""
        return {m: self.choice(m) for m in self.muscle_ids
                if self.choice(m) != table_needle(m)}
