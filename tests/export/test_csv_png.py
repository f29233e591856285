"""CSV of a visit's marks and PNG of a view, read back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from export_factory import make_patient

from bodymap.export.csv_export import COLUMNS, marks_csv, write_marks_csv
from bodymap.model import TextNote, add_mark
from bodymap.services.records import Records


def test_csv_has_every_mark_and_field(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=1)
    visit = records.open_visit(records.list_visits(patient.id)[0].id)
    add_mark(visit, TextNote(view="anterior", x=1, y=2, text="=HYPERLINK(\"x\") 左肩"))
    path = tmp_path / "marks.csv"
    write_marks_csv(visit, path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["number"] for r in rows] == [str(i) for i in range(1, len(visit.marks) + 1)]
    needle = rows[1]
    assert (needle["kind"], needle["muscle_name"], needle["side"], needle["depth_mm"],
            needle["estim_frequency_hz"], needle["ltr_count"]) == \
        ("needle_site", "Upper trapezius", "L", "15", "2", "2")
    assert rows[2]["source_number"] == "1" and rows[2]["quality"] == "burning"
    assert rows[-1]["text"] == "'=HYPERLINK(\"x\") 左肩"  # never run as a formula
    assert marks_csv(visit).startswith("number,id,kind")


@pytest.mark.usefixtures("qapp")
def test_png_of_a_view_shows_the_marks(records: Records, tmp_path: Path):
    from PySide6.QtGui import QImage

    from bodymap.export.png_export import write_view_png

    patient = make_patient(records, visits=1)
    visit = records.open_visit(records.list_visits(patient.id)[0].id)
    path = tmp_path / "posterior.png"
    write_view_png(visit, "posterior", path, height=1000)
    image = QImage(str(path))
    assert image.height() == 1000 and image.width() > 500
    # the needle sites' blue is on the image (the bare diagram has no such blue)
    blue = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if (c := image.pixelColor(x, y)).blue() > 150 and c.red() < 60)
    assert blue > 20
