"""Printed charts: page layout for PDF files and printers, drawn from the model and the
atlas (vectors and real text), never a screenshot of widgets. ``pdf.write_visit_pdf`` is
the entry point; ``pdf.render_visits`` draws on any QPrinter."""
