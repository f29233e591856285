"""Needle count and adverse events: the safety part of the record."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import AdverseEvent, Changes, Visit
from bodymap.ui.messages import MessageArea
from bodymap.ui.visit.binding import (
    Binding,
    IntBinding,
    IntField,
    TextBinding,
    VisitBinder,
    set_box_read_only,
)
from bodymap.ui.visit.notes import note_editor

WARNING_STYLE = ("background:#fde2e1; color:#7a0010; border:1px solid #e08a8a;"
                 "border-radius:4px; padding:4px;")


class NeedleCountPanel(QGroupBox):
    """Needles used and removed. "Used" follows the needle sites charted while it is
    empty; a count that does not reconcile is shown as a safety warning."""

    def __init__(self, binder: VisitBinder, parent: QWidget | None = None) -> None:
        super().__init__("Needle count", parent)
        self.binder = binder
        self.doc = binder.doc
        self.used = IntField("count")
        self.used.edit.setObjectName("needlesUsed")
        self.removed = IntField("count")
        self.removed.edit.setObjectName("needlesRemoved")
        binder.add(IntBinding(binder, "needles_used", self.used, "Needles used"))
        binder.add(IntBinding(binder, "needles_removed", self.removed, "Needles removed"))
        self.charted = QLabel()
        self.charted.setObjectName("chartedNeedles")
        self.fill = QPushButton("Use charted count")
        self.fill.setObjectName("fillNeedlesUsed")
        self.fill.setToolTip("Set needles used to the number of needles charted as needle "
                             "sites")
        self.fill.clicked.connect(self.fill_from_chart)
        self.warning = QLabel()
        self.warning.setObjectName("needleWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        grid = QGridLayout()
        grid.addWidget(QLabel("Used"), 0, 0)
        grid.addWidget(self.used, 0, 1)
        grid.addWidget(QLabel("Removed"), 0, 2)
        grid.addWidget(self.removed, 0, 3)
        grid.setColumnStretch(4, 1)
        chart_row = QHBoxLayout()
        chart_row.addWidget(self.charted, 1)
        chart_row.addWidget(self.fill)
        # entry errors and the reconciliation warning share one place of a fixed height
        self.messages = MessageArea([self.used.error, self.removed.error, self.warning],
                                    lines=5)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(chart_row)
        layout.addWidget(self.messages)
        self.doc.changed.connect(self._changed)
        self.doc.read_only_changed.connect(lambda _ro: self._update())
        self._update()
        self._maybe_prefill()

    def fill_from_chart(self) -> None:
        """Set "needles used" to the charted needle count (its own undo step)."""
        charted = self.doc.visit.charted_needles()
        self.binder.push(None, "Fill needles used from chart", own_step=True,
                         needles_used=charted)

    def _changed(self, changes: Changes) -> None:
        # A chart edit brings "needles used" along inside its own command
        # (model.needle_count); here only what is shown follows.
        self._update()

    def _maybe_prefill(self) -> None:
        """A visit opened with needle sites charted (copied forward, say) and no count yet
        starts from the chart's count; later chart edits bring it along themselves."""
        visit = self.doc.visit
        if not self.doc.read_only and visit.needles_used is None and visit.charted_needles():
            self.fill_from_chart()

    def _update(self) -> None:
        visit: Visit = self.doc.visit
        charted = visit.charted_needles()
        self.charted.setText(f"Charted at needle sites: <b>{charted}</b>")
        self.fill.setVisible(not self.doc.read_only)
        self.fill.setEnabled(charted != visit.needles_used)
        used, removed = visit.needles_used, visit.needles_removed
        lines = []
        if used is not None and removed is not None and used != removed:
            missing = used - removed
            lines.append(f"⚠ Needle count does not reconcile: {used} used, {removed} removed"
                         + (f" — {missing} needle{'s' if missing != 1 else ''} unaccounted "
                            "for." if missing > 0 else "."))
        elif used is not None and removed is None and used > 0:
            lines.append("⚠ Record the needles removed before signing.")
        if used is not None and charted != used:
            lines.append(f"⚠ {charted} needle{'s' if charted != 1 else ''} charted at needle "
                         f"sites but {used} counted as used: correct the chart or the count.")
        text = "<br>".join(lines)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))


class EventBinding(Binding):
    """One adverse event checkbox of the ``adverse_events`` set."""

    field = "adverse_events"

    def __init__(self, binder: VisitBinder, event: AdverseEvent, box: QCheckBox) -> None:
        self.binder, self.event, self.widget = binder, event, box
        box.clicked.connect(self._edited)

    def _edited(self, checked: bool) -> None:
        events = set(self.binder.doc.visit.adverse_events)
        events.add(self.event) if checked else events.discard(self.event)
        verb = "Record" if checked else "Clear"
        if self.binder.push(self, f"{verb} {self.event.label.lower()}",
                            adverse_events=frozenset(events)) is not None:
            self.refresh(self.binder.doc.visit)

    def refresh(self, visit: Visit) -> None:
        self.widget.setChecked(self.event in visit.adverse_events)  # type: ignore[attr-defined]

    def set_read_only(self, read_only: bool) -> None:
        set_box_read_only(self.widget, read_only)


class AdverseEventsPanel(QGroupBox):
    """The DOMAIN.md adverse events as checkboxes (major ones marked) plus notes."""

    def __init__(self, binder: VisitBinder, parent: QWidget | None = None) -> None:
        super().__init__("Adverse events", parent)
        self.boxes: dict[AdverseEvent, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for i, event in enumerate(AdverseEvent):
            box = QCheckBox(event.label + (" (major)" if event.major else ""))
            box.setObjectName(f"event_{event.value}")
            if event.major:
                box.setStyleSheet("color:#7a0010;")
            self.boxes[event] = box
            binder.add(EventBinding(binder, event, box))
            grid.addWidget(box, i // 2, i % 2)
        self.notes = note_editor("adverseEventNotes", 50)
        self.notes.setPlaceholderText("What happened, what was done, follow-up")
        binder.add(TextBinding(binder, "adverse_event_notes", self.notes))
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(QLabel("Notes"))
        layout.addWidget(self.notes)
