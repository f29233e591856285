"""Small input widgets for optional values, as the inspector needs them.

An unrecorded value is not zero: "no depth recorded" and "depth 0" differ in a record, so
optional numbers show "—" (the spin box's special value at its minimum) and read as None.
Numbers take effect when typing ends (Enter, leaving the field) or on a step of the arrows
or wheel; :func:`commit_typed` applies digits still being typed (before closing, signing).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from bodymap.model.needles import GAUGES, gauge_label

NONE_TEXT = "—"
DIAMETERS = [(gauge_label(d), d) for d in GAUGES]
TENDERNESS = [("0 none", 0), ("1 mild", 1), ("2 moderate", 2), ("3 severe / jump sign", 3)]


def form_page(form: QFormLayout) -> QWidget:
    """A widget holding ``form`` with no margins (a page of a stacked widget)."""
    page = QWidget()
    page.setLayout(form)
    form.setContentsMargins(0, 0, 0, 0)
    return page


class _SelectsDashOnFocus:
    """Clicking into a field that shows "—" selects it, so the first digit typed replaces
    it (typed after the dash, "—4" was silently refused and nothing appeared)."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)  # type: ignore[misc]
        if self.get() is None:  # type: ignore[attr-defined]
            QTimer.singleShot(0, self.selectAll)  # type: ignore[attr-defined]


class OptionalDouble(_SelectsDashOnFocus, QDoubleSpinBox):
    """A number or None ("—" at the minimum)."""

    def __init__(self, hi: float, decimals: int = 0, suffix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        step = 10 ** -decimals
        self.setRange(0.0, hi)
        self.setDecimals(decimals)
        self.setSingleStep(step if decimals else 1.0)
        self.setSpecialValueText(NONE_TEXT)
        self.setSuffix(suffix)
        self.setToolTip(f"Up to {hi:g}{suffix}; {NONE_TEXT} when not recorded")
        # Typed digits become a value on Enter or leaving the field, not per keystroke:
        # "45" must not be stored as "4" when 45 is refused, nor "15" fail at its "1".
        self.setKeyboardTracking(False)

    def get(self) -> float | None:
        return None if self.value() <= self.minimum() else self.value()

    def put(self, value: float | None) -> None:
        target = self.minimum() if value is None else value
        if self.value() != target:
            self.setValue(target)


class OptionalInt(_SelectsDashOnFocus, QSpinBox):
    """A whole number or None ("—" one below ``lo``)."""

    def __init__(self, lo: float, hi: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lo, hi = int(lo), int(hi)
        self.setRange(lo - 1, hi)
        self.setToolTip(f"{lo} to {hi}; {NONE_TEXT} when not recorded")
        self.setSpecialValueText(NONE_TEXT)
        self.setKeyboardTracking(False)  # as OptionalDouble

    def get(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def put(self, value: int | None) -> None:
        target = self.minimum() if value is None else value
        if self.value() != target:
            self.setValue(target)


class Choice(QComboBox):
    """A combo box of (label, value) pairs; ``get``/``put`` speak values. Values are kept
    on the Python side: Qt would turn a str-based enum stored as item data into a plain
    str, and ``Side.LEFT`` must come back as ``Side.LEFT``."""

    def __init__(self, items: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []
        self.set_items(items)

    def set_items(self, items: list[tuple[str, Any]]) -> None:
        blocked = self.blockSignals(True)
        current = self.get()
        self.clear()
        self._values = [value for _, value in items]
        self.addItems([label for label, _ in items])
        self.put(current)
        self.blockSignals(blocked)

    def get(self) -> Any:
        i = self.currentIndex()
        return self._values[i] if 0 <= i < len(self._values) else None

    def put(self, value: Any) -> None:
        for i, v in enumerate(self._values):
            if v is value or (type(v) is type(value) and v == value):
                if self.currentIndex() != i:
                    self.setCurrentIndex(i)
                return
        if self.count():
            self.setCurrentIndex(0)


def commit_typed(container: QWidget) -> None:
    """Turn digits typed but not yet entered in ``container``'s spin boxes into values."""
    for box in container.findChildren(QAbstractSpinBox):
        box.interpretText()

