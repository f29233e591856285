"""Render the main window to PNG for review (run under xvfb-run for a real X11 window, or
with QT_QPA_PLATFORM=offscreen).

    python tools/screenshot.py DATA_DIR out.png [--search TEXT] [--demo] [--visit]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.main_window import MainWindow
from bodymap.ui.visit import VisitWindow


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--search", default="")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--visit", action="store_true", help="also grab the first visit")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    settings = Settings(args.data_dir / "screenshot-settings.sqlite")
    records = Records.open(args.data_dir, user="Screenshot")
    if args.demo:
        from bodymap.services.demo import seed_demo

        seed_demo(records)
    window = MainWindow(records, settings)
    window.resize(1200, 760)
    window.show()
    if args.search:
        window.patients.search.setText(args.search)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(args.out))
    if args.visit and window.patient_panel.visits.rowCount():
        summary = window.patient_panel.visits.summary(0)
        visit_window = VisitWindow(records, settings, window.patient_panel.patient,  # type: ignore[arg-type]
                                   records.open_visit(summary.id))
        visit_window.resize(1400, 900)
        visit_window.show()
        for _ in range(5):
            app.processEvents()
        visit_window.grab().save(str(args.out.with_name(args.out.stem + "-visit.png")))
        visit_window.close()
    records.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
