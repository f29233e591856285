"""A signed chart never moves: after a new atlas version ships, a visit charted on version 1
opens, prints and exports exactly as before (pixel for pixel), new visits chart on the new
version, and a visit charted on an anatomy this bodymap lacks is refused with a message."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from synthetic_atlas import MOVED_REGION

from bodymap.export.png_export import render_view_image
from bodymap.model import NeedleSite, PainZone, TriggerPoint, add_mark, set_visit_fields
from bodymap.ui.main_window import MainWindow
from bodymap.ui.review.compare import CompareView
from bodymap.ui.visit import VisitWindow


def _signed_v1_visit(records):
    patient = records.create_patient(chart_number="PX-1", family_name="Moreau",
                                     given_names="Élodie")
    visit = records.start_visit(patient.id, clinician="Anna Berg, PT")
    for mark in (
            NeedleSite(view="anterior", x=429.76, y=313.68, region_id=MOVED_REGION,
                       muscle="biceps_brachii", side="L", depth_mm=12),
            TriggerPoint(view="anterior", x=420.0, y=300.0, region_id=MOVED_REGION,
                         muscle="biceps_brachii", side="L"),
            PainZone(view="anterior", points=[(410, 330), (450, 330), (430, 380)])):
        add_mark(visit, mark)
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     needles_used=1, needles_removed=1, subjective="elbow pain")
    records.save_visit(visit)
    records.sign_visit(visit.id)
    return patient, records.open_visit(visit.id)


def _canvas_image(qtbot, records, settings, patient, visit) -> QImage:
    window = VisitWindow(records, settings, patient, records.open_visit(visit.id))
    qtbot.addWidget(window)
    window.resize(1264, 752)
    window.show()
    qtbot.waitExposed(window)
    window.chart.set_view("anterior")
    qtbot.wait(20)
    image = window.chart.canvas.viewport().grab().toImage()
    return image, window.chart.atlas.version


def test_a_signed_version_1_chart_draws_identically_after_the_upgrade(
        qtbot, records, settings, atlas_upgrade):
    patient, visit = _signed_v1_visit(records)
    before_canvas, version = _canvas_image(qtbot, records, settings, patient, visit)
    before_png = render_view_image(visit, "anterior", height=900)
    assert version == 1

    atlas_v2 = atlas_upgrade()  # version 2 ships: the biceps is drawn elsewhere
    assert atlas_v2.region(MOVED_REGION).anchor != (429.76, 313.68)
    after_canvas, version = _canvas_image(qtbot, records, settings, patient, visit)
    after_png = render_view_image(records.open_visit(visit.id), "anterior", height=900)
    assert version == 1  # drawn on the anatomy it was charted on
    assert after_png == before_png
    assert after_canvas == before_canvas
    # and the comparison would show a difference had it been drawn on version 2
    from bodymap.atlas.qt import render_view_image as plain_view
    assert plain_view("anterior", 900, atlas=atlas_v2) != plain_view(
        "anterior", 900, atlas=records_atlas(1))


def records_atlas(version: int):
    from bodymap.atlas import load_atlas

    return load_atlas(version)


def test_compare_draws_each_visit_on_its_own_version(qtbot, records, atlas_upgrade):
    patient, old = _signed_v1_visit(records)
    atlas_v2 = atlas_upgrade()
    new = records.start_visit(patient.id)
    assert new.atlas_version == 2
    view = CompareView(records, patient.id)
    qtbot.addWidget(view)
    view.set_visits(old.id, new.id)
    view.set_view("anterior")
    assert view.left.atlas.version == 1 and view.right.atlas.version == 2
    assert "Earlier" in view.left_caption.text()
    view.set_mode("overlay")
    assert view.overlay.atlas is atlas_v2
    assert "carried onto version 2" in view.overlay_caption.text()


def test_a_visit_on_an_anatomy_this_bodymap_lacks_is_refused_with_a_message(
        qtbot, records, settings, monkeypatch, atlas_upgrade):
    patient = records.create_patient(chart_number="PX-2", family_name="Ito")
    visit = records.start_visit(patient.id)
    conn = sqlite3.connect(records._db.path)  # as a newer bodymap would have written it
    with conn:
        conn.execute("UPDATE visits SET atlas_version = 7 WHERE id = ?", (visit.id,))
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr("bodymap.ui.main_window.show_error",
                        lambda parent, title, text: shown.append(text))
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    window.show()
    window.patients.refresh()
    window.patients.select(patient.id)
    assert window.open_visit(visit.id) is None
    assert shown == ["This visit was charted on anatomy atlas version 7, which this bodymap "
                     "does not have (it has version 1). Open it with a newer bodymap. "
                     "Nothing was changed."]
    assert records.open_visit(visit.id).atlas_version == 7
    qtbot.wait(50)  # the window lives on, showing the patient
    assert window.patient_panel.patient.id == patient.id


def test_the_body_figure_menu_redraws_a_draft_and_reopens_it(qtbot, records, settings,
                                                             atlas_v2):
    from bodymap.model import Sex

    patient = records.create_patient(chart_number="PX-3", family_name="Nakamura",
                                     given_names="Aiko", sex=Sex.FEMALE)
    visit = records.start_visit(patient.id)
    assert visit.figure == "female"
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    window.show()
    window.patients.refresh()
    window.patients.select(patient.id)
    opened = window.open_visit(visit.id)
    assert opened.chart.atlas.figure == "female"
    assert opened.figure_actions["female"].isChecked()
    assert opened.figure_actions["standard"].isEnabled()
    opened.chart.set_view("anterior")
    region = atlas_v2.region(MOVED_REGION)
    qtbot.waitExposed(opened)
    needle = next(a for a in opened.chart.tool_actions if a.data().value == "needle")
    needle.trigger()  # the needle-site tool, as its toolbar button does
    x, y = opened.chart.atlas.region(MOVED_REGION).anchor
    point = opened.chart.canvas.mapFromScene(x, y)
    qtbot.mouseClick(opened.chart.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [m.region_id for m in opened.doc.visit.marks] == [MOVED_REGION]
    opened.figure_actions["standard"].trigger()  # Chart ▸ Body figure ▸ Standard figure
    qtbot.waitUntil(lambda: visit.id in window.visit_windows
                    and window.visit_windows[visit.id] is not opened)
    reopened = window.visit_windows[visit.id]
    assert reopened.chart.atlas.figure == "standard"
    assert reopened.figure_actions["standard"].isChecked()
    stored = records.open_visit(visit.id)
    assert stored.figure == "standard"
    assert [m.region_id for m in stored.marks] == [MOVED_REGION]
    mark = stored.marks[0]
    assert atlas_v2.region_at("anterior", mark.x, mark.y) is region
