"""The audit trail of one visit: when, who, what action, and what changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bodymap.model.timetext import time_text
from bodymap.services import AuditEntry

COLUMNS = ("When", "Who", "Action", "What changed")
_SHOWN = 60  # characters of one value shown in the table; the tooltip has all of it


def _short(value: Any) -> str:
    text = "—" if value is None or value == "" else str(value)
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _when(value: Any) -> str:
    """A stored ISO time as the table writes times; anything else as it is."""
    try:
        return time_text(datetime.fromisoformat(value), seconds=True)
    except (TypeError, ValueError):
        return _short(value)


PAST_TENSE = {"create": "created", "update": "updated", "delete": "deleted",
              "sign": "signed", "import": "imported", "addendum": "amended"}


def describe_change(entry: AuditEntry) -> str:
    """What an audit entry changed, one field per line ("plan: 'a' → 'b'"); never empty."""
    text = _describe(entry)
    if text.strip():
        return text
    return f"{entry.entity_type} {PAST_TENSE.get(entry.action, entry.action)}, no field changed"


def _describe(entry: AuditEntry) -> str:
    before, after = entry.before or {}, entry.after or {}
    if entry.action == "update":
        # updated_at changes with every edit; the fields beside it say what happened.
        keys = sorted((before.keys() | after.keys()) - {"updated_at"})
        if not keys and "updated_at" in after and entry.entity_type == "visit":
            # a mark added, moved or edited touches the visit's time and nothing else
            return (f"visit's marks changed (see the mark entries); last changed "
                    f"{_when(before.get('updated_at'))} → {_when(after.get('updated_at'))}")
        return "\n".join(f"{k.replace('_', ' ')}: {_short(before.get(k))} → "
                         f"{_short(after.get(k))}" for k in keys)
    if entry.action == "sign":
        lines = [f"signed by {after.get('signed_by')}"]
        for req, reason in (after.get("sign_overrides") or {}).items():
            lines.append(f"override {req.replace('_', ' ')}: {_short(reason)}")
        return "\n".join(lines)
    if entry.action == "addendum":
        return f"{after.get('author')}: {_short(after.get('text'))}"
    if entry.entity_type == "mark":
        data = after or before
        where = data.get("muscle") or "off-muscle"
        side = f" ({data['side']})" if data.get("side") else ""
        return f"{str(data.get('kind', 'mark')).replace('_', ' ')} on " \
               f"{where.replace('_', ' ')}{side}"
    done = PAST_TENSE.get(entry.action, entry.action)
    return f"{entry.entity_type} {done}"


class AuditTrailDialog(QDialog):
    """A read-only table of the visit's audit entries, oldest first."""

    def __init__(self, entries: list[AuditEntry], title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditTrail")
        self.setWindowTitle(f"Audit trail — {title}")
        self.table = QTableWidget(len(entries), len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for row, e in enumerate(entries):
            action = e.action if e.entity_type == "visit" else f"{e.action} {e.entity_type}"
            cells = (time_text(e.at, seconds=True), e.who, action,
                     describe_change(e))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setToolTip(_full(e))
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(entries)} entries. The log is append-only and "
                                "hash-chained; File ▸ Verify records checks it."))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row (what a reader sees)."""
        return [tuple(self.table.item(r, c).text() for c in range(len(COLUMNS)))
                for r in range(self.table.rowCount())]


def _full(entry: AuditEntry) -> str:
    before, after = entry.before or {}, entry.after or {}
    keys = sorted(before.keys() | after.keys())
    return "\n".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in keys)[:4000]
