"""The chart editor: atlas views on a canvas, marking tools, inspector and legend."""

from bodymap.services.chart_checks import incomplete_needle_sites
from bodymap.ui.chart.editor import ChartEditor
from bodymap.ui.chart.tools import Tool

__all__ = ["ChartEditor", "Tool", "incomplete_needle_sites"]
