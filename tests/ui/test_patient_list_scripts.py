"""Every row of the patient list fits its two lines, in every script: a Chinese, Japanese
or Korean name is drawn in a taller fallback font than the list's own, and the second line
(chart number, date of birth) must still show.

The room a row needs is measured here from the fonts that actually draw each line (the
glyph runs' fonts), whatever fonts the machine has: with a CJK font installed the CJK rows
need more than the list font's metrics; without one they are drawn in the list font."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QStandardItem, QStandardItemModel, QTextLayout
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from bodymap.ui.patient_list import PatientListPanel

NAMES = [("Adams", "Anna"), ("山田", "太郎"), ("김", "민준"), ("王", "小明"), ("Zoë", "Øre")]


def needed_height(text: str, font) -> float:
    """Laid out as the list's delegate lays it out (one paragraph, a line separator between
    the lines), each line as tall as the tallest font drawing a glyph in it."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(1e6)
        lines.append(line)
    layout.endLayout()
    return sum(max(r.rawFont().ascent() + r.rawFont().descent() for r in line.glyphRuns())
               for line in lines)


def style_margin(view, latin_text: str) -> float:
    """The room the style keeps around a row's text: a plain delegate's height for a row in
    the list font alone, less the text's own height."""
    model = QStandardItemModel()
    model.appendRow(QStandardItem(latin_text))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    plain = QStyledItemDelegate().sizeHint(option, model.index(0, 0)).height()
    return plain - needed_height(latin_text, view.font())


@pytest.mark.parametrize("points", [9, 20])  # the default and a clinician's larger font
def test_rows_fit_the_tallest_script_shown(qtbot, records, tmp_path, points):
    for i, (family, given) in enumerate(NAMES):
        records.create_patient(chart_number=f"CJK-{i}", family_name=family, given_names=given,
                               date_of_birth=date(1980, 1, 1 + i))
    panel = PatientListPanel(records)
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show()
    qtbot.waitExposed(panel)
    view, model = panel.list, panel.model
    assert model.rowCount() == len(NAMES)
    # whichever font the list is given (every family on this machine): the fallback
    # fonts for other scripts can be taller than it
    for family in [view.font().family()] + QFontDatabase.families():
        font = QFont(family)
        font.setPointSize(points)
        view.setFont(font)
        qtbot.wait(1)
        margin = style_margin(view, model.index(0).data())
        for row in range(model.rowCount()):
            text = model.index(row).data()
            assert "#CJK-" in text.split("\n")[1]
            rect = view.visualRect(model.index(row))
            # the text, in the fonts that draw it, with the room the style gives any row
            assert rect.height() >= needed_height(text, font) + margin, (family, text)
    view.setFont(QFont())
    panel.grab().save(str(tmp_path / f"patient_list_{points}pt.png"))  # to look at
