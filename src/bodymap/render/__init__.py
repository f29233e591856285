"""Painting clinical content with QPainter on any device (PDF, printer, image, screen):
chart marks and their legend. Used by printing and export; the chart editor can adopt it.
Sits above services (hazard checks) and below printing/export/ui."""
