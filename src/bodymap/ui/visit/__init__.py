"""The visit window: chart editor in the middle, the record's form panels beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bodymap.ui.visit.window import VisitWindow

__all__ = ["VisitWindow"]


def __getattr__(name: str) -> Any:
    # Lazy, so importing a light module of this package (the needs-attention list shown at
    # start-up) does not load the chart editor and the atlas with it.
    if name == "VisitWindow":
        from bodymap.ui.visit.window import VisitWindow

        return VisitWindow
    raise AttributeError(name)
