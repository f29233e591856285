"""A new needle site's needle: the muscle's default (the clinician's own from Preferences,
else the built-in table), "same as last" only within the visit, never another patient's."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from bodymap.model.needles import MUSCLE_NEEDLES, table_needle
from bodymap.settings import Settings
from bodymap.ui.chart import Tool
from bodymap.ui.preferences import PreferencesDialog
from tests.ui.chart.conftest import click_region
from tests.ui.chart.test_inspector import _type


def needle(mark) -> tuple[float, float]:
    return mark.needle_length_mm, mark.needle_diameter_mm


def test_another_patients_long_needle_is_not_the_next_default(qtbot, make_editor, settings):
    first = make_editor(settings=settings)
    click_region(qtbot, first, "posterior.quadratus_lumborum.R", Tool.NEEDLE)
    _type(qtbot, first.inspector.length, "60")
    first.inspector.diameter.put(0.30)
    assert needle(first.doc.visit.marks[0]) == (60, 0.30)
    first.close()

    # another patient, a new visit, with the same preferences
    other = make_editor(settings=settings)
    click_region(qtbot, other, "posterior.upper_trapezius.L", Tool.NEEDLE)
    assert needle(other.doc.visit.marks[0]) == (30, 0.25) == \
        tuple(vars(table_needle("upper_trapezius")).values())
    assert other.inspector.length.get() == 30


def test_nothing_carries_over_a_restart(qtbot, make_editor, tmp_path):
    path = tmp_path / "prefs.sqlite"
    prefs = Settings(path)
    ed = make_editor(settings=prefs)
    click_region(qtbot, ed, "posterior.upper_trapezius.L", Tool.NEEDLE)
    _type(qtbot, ed.inspector.length, "50")
    qtbot.wait(20)
    prefs.close()
    again = Settings(path)  # the app started again
    ed2 = make_editor(settings=again)
    click_region(qtbot, ed2, "posterior.upper_trapezius.L", Tool.NEEDLE)
    assert ed2.doc.visit.marks[0].needle_length_mm == 30
    again.close()


def test_within_a_visit_the_last_needle_on_the_muscle_follows(qtbot, editor):
    click_region(qtbot, editor, "posterior.gluteus_medius.R", Tool.NEEDLE)
    assert needle(editor.doc.visit.marks[0]) == (50, 0.30)  # the table's gluteus medius
    _type(qtbot, editor.inspector.length, "60")
    click_region(qtbot, editor, "posterior.gluteus_medius.L", Tool.NEEDLE)
    assert needle(editor.doc.visit.marks[-1]) == (60, 0.30)  # same as last, this visit
    click_region(qtbot, editor, "posterior.upper_trapezius.L", Tool.NEEDLE)
    assert needle(editor.doc.visit.marks[-1]) == (30, 0.25)  # another muscle: its own
    click_region(qtbot, editor, "posterior.gluteus_maximus.R", Tool.NEEDLE)
    assert needle(editor.doc.visit.marks[-1]) == (75, 0.30)


def test_a_preference_override_applies(qtbot, make_editor, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentWidget(dialog.needles)
    assert dialog.needles.lengths["upper_trapezius"].get() == 30
    dialog.needles.lengths["upper_trapezius"].put(25.0)
    dialog.needles.gauges["upper_trapezius"].put(0.20)
    dialog.accept()
    # only what differs from the table is stored
    assert settings.get("needle_defaults") == {
        "upper_trapezius": {"length_mm": 25.0, "diameter_mm": 0.20}}

    ed = make_editor(settings=settings)
    click_region(qtbot, ed, "posterior.upper_trapezius.R", Tool.NEEDLE)
    assert needle(ed.doc.visit.marks[0]) == (25, 0.20)
    click_region(qtbot, ed, "posterior.quadratus_lumborum.R", Tool.NEEDLE)
    assert needle(ed.doc.visit.marks[-1]) == (60, 0.30)  # untouched rows keep the table

    again = PreferencesDialog(settings)
    qtbot.addWidget(again)
    assert again.needles.lengths["upper_trapezius"].get() == 25
    again.needles.restore.click()
    again.accept()
    assert settings.get("needle_defaults") == {}


def test_the_table_covers_every_muscle_of_the_atlas(atlas):
    from bodymap.atlas import atlas_versions, load_atlas

    # every shipped version: a draft charted on an older anatomy still opens and is charted
    shipped = {m.id for v in atlas_versions() for m in load_atlas(v).muscles}
    assert {m.id for m in atlas.muscles} <= shipped == set(MUSCLE_NEEDLES)
