"""The "needs attention" list: unsigned visits older than a day, for every patient.

An unsigned visit is an incomplete legal record; listing it in the main window keeps it in
front of the clinic until someone signs it (or deletes a visit started by mistake).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bodymap.services.records import Records, VisitSummary
from bodymap.services.visits import count_needing_attention, needs_attention
from bodymap.storage import StorageError

STYLE = "color:#7a4a00; font-weight:bold;"


def _age(started: datetime, now: datetime) -> str:
    days = (now - started).days
    return f"{days} day{'s' if days != 1 else ''} ago"


SHOWN = 100  # the oldest this many are listed; the heading counts them all


class NeedsAttentionPanel(QWidget):
    """A heading with the count and a list of the visits; double-click opens one."""

    visit_opened = Signal(str, str)  # patient id, visit id

    def __init__(self, records: Records, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.rows: list[VisitSummary] = []
        self.heading = QLabel()
        self.heading.setObjectName("needsAttention")
        self.heading.setStyleSheet(STYLE)
        self.list = QListWidget()
        self.list.setObjectName("needsAttentionList")
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the unsigned visits (one query, names included)."""
        try:
            self.rows = needs_attention(self.records, older_than=timedelta(days=1),
                                        limit=SHOWN)
            total = (len(self.rows) if len(self.rows) < SHOWN else
                     count_needing_attention(self.records, older_than=timedelta(days=1)))
        except StorageError:
            self.rows, total = [], 0
        self.list.clear()
        now = datetime.now(timezone.utc)
        for row in self.rows:
            item = QListWidgetItem(f"{row.started_at.astimezone():%Y-%m-%d} "
                                   f"{row.patient_name} — {row.clinician} "
                                   f"({_age(row.started_at, now)})")
            item.setData(Qt.ItemDataRole.UserRole, (row.patient_id, row.id))
            self.list.addItem(item)
        n = total
        # Tall enough for the rows up to five; the patient list keeps the rest.
        rows = max(1, min(n, 5))
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 18)
                                 + 2 * self.list.frameWidth() + 4)
        more = f" (oldest {SHOWN} listed)" if n > len(self.rows) else ""
        self.heading.setText(f"⚠ Needs attention: {n:,} unsigned visit{'s' if n != 1 else ''} "
                             f"older than a day{more}" if n else "")
        self.heading.setToolTip("Visits not signed a day after they started. Open one "
                                "to complete and sign it.")
        self.setVisible(bool(n))

    def _activated(self, item: QListWidgetItem) -> None:
        patient_id, visit_id = item.data(Qt.ItemDataRole.UserRole)
        self.visit_opened.emit(patient_id, visit_id)
