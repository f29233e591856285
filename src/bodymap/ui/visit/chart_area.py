"""The central area of a visit window: the chart editor when it is available, otherwise
the record as text (marks included), kept current as the visit changes."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QTextBrowser, QWidget

from bodymap.model import Changes
from bodymap.ui.document import VisitDocument
from bodymap.ui.visit_record import visit_html


class RecordPreview(QTextBrowser):
    """Read-only text of the visit: what is charted and noted, as the record reads."""

    def __init__(self, doc: VisitDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordPreview")
        self.doc = doc
        doc.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes: Changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(visit_html(self.doc.patient, self.doc.visit))
        bar.setValue(position)  # keep the reader's place while the form is edited


def chart_editor_class() -> type[QWidget] | None:
    """``bodymap.ui.chart.ChartEditor`` if that package is installed and importable."""
    try:
        module = importlib.import_module("bodymap.ui.chart")
    except ImportError:
        return None
    cls = getattr(module, "ChartEditor", None)
    return cls if isinstance(cls, type) and issubclass(cls, QWidget) else None


def make_chart_area(doc: VisitDocument, atlas: Any = None, settings: Any = None) -> QWidget:
    """The chart editor for ``doc``, or the record preview when there is none. The
    editor gets ``settings`` when it takes them (it remembers the last needle used)."""
    cls = chart_editor_class()
    if cls is None:
        return RecordPreview(doc)
    kwargs: dict[str, Any] = {"atlas": atlas}
    if settings is not None and "settings" in inspect.signature(cls).parameters:
        kwargs["settings"] = settings
    return cls(doc, **kwargs)


def tool_actions(widget: QWidget) -> list[QAction]:
    """The editor's tool actions (a list, tuple, dict or QActionGroup), or none."""
    actions: Any = getattr(widget, "tool_actions", None)
    if callable(actions) and not isinstance(actions, QActionGroup):
        actions = actions()
    if isinstance(actions, QActionGroup):
        return list(actions.actions())
    if isinstance(actions, dict):
        actions = actions.values()
    if isinstance(actions, Iterable):
        return [a for a in actions if isinstance(a, QAction)]
    return []
