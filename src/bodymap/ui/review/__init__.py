"""Reviewing history: timeline, progress plots, treatment heat map, compare/overlay and
visit search. Kept import-light: pyqtgraph is imported only when a plot is first shown
(``ui/review/plots.py``), never by importing this package or starting the main window."""
