"""Child process for the autosave kill test (run as a script, not collected by pytest).

Opens a visit in a real ChartEditor (offscreen), places trigger points one by one with real
mouse clicks, and after each ``doc.saved`` prints the id of the mark just committed. The
parent SIGKILLs it at some point and checks every printed id is in the database.

usage: python kill_child.py DATA_DIR VISIT_ID
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bodymap.atlas import load_atlas
from bodymap.services.records import Records
from bodymap.ui.chart import ChartEditor, Tool
from bodymap.ui.document import VisitDocument


def main() -> None:
    data_dir, visit_id = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([])
    records = Records.open(data_dir, user="Kill Test")
    visit = records.open_visit(visit_id)
    doc = VisitDocument(records, records.get_patient(visit.patient_id), visit)
    editor = ChartEditor(doc)
    editor.resize(1000, 800)
    editor.show()
    editor.set_view("posterior")
    editor.set_tool(Tool.TRIGGER_ACTIVE)
    regions = [r for r in load_atlas().regions_in("posterior")]
    state = {"n": 0, "pending": None}

    def place() -> None:
        region = regions[state["n"] % len(regions)]
        state["n"] += 1
        before = len(doc.visit.marks)
        pos = editor.canvas.mapFromScene(QPointF(*region.anchor))
        QTest.mouseClick(editor.canvas.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, pos)
        assert len(doc.visit.marks) == before + 1, "the click placed no mark"
        state["pending"] = doc.visit.marks[-1].id

    def on_saved() -> None:
        # committed: tell the parent, then make the next edit straight away so the kill
        # often lands while an edit is pending or being written
        print(state["pending"], flush=True)
        place()

    doc.saved.connect(on_saved)
    QTimer.singleShot(0, place)
    app.exec()


if __name__ == "__main__":
    main()
