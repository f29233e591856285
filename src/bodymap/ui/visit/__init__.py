"""The visit window: chart editor in the middle, the record's form panels beside it."""

from bodymap.ui.visit.window import VisitWindow

__all__ = ["VisitWindow"]
