"""Compare two visits: side by side in step (zoom and pan), and the overlay mode."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from bodymap.ui.review.compare import FADED, OVERLAY, SIDE, CompareView


def _compare(qtbot, records, course) -> CompareView:
    view = CompareView(records, course.patient.id)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_defaults_to_the_last_two_visits_on_their_main_view(qtbot, records, course):
    view = _compare(qtbot, records, course)
    assert view.later_id() == course.visit_ids[-1]
    assert view.earlier_id() == course.visit_ids[-2]
    assert view.left.view_id == view.right.view_id == "posterior"
    later = records.open_visit(course.visit_ids[-1])
    assert len(view.right.layers[0].marks) == len([m for m in later.marks
                                                    if m.view == "posterior"])


def test_zooming_one_side_zooms_the_other(qtbot, records, course):
    view = _compare(qtbot, records, course)
    assert view.left.zoom == view.right.zoom
    centre = QPointF(view.left.viewport().rect().center())
    wheel = QWheelEvent(centre, view.left.viewport().mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    before = view.left.zoom
    view.left.wheelEvent(wheel)
    assert view.left.zoom > before * 1.2
    assert view.right.zoom == view.left.zoom
    view.right.zoom_by(1.5)  # and the other way round
    assert view.left.zoom == view.right.zoom


def test_panning_one_side_pans_the_other(qtbot, records, course):
    view = _compare(qtbot, records, course)
    view.left.zoom_by(4)
    bar = view.left.verticalScrollBar()
    assert bar.maximum() > 0

    def centres():
        return [v.mapToScene(v.viewport().rect().center()) for v in (view.left, view.right)]

    bar.setValue(bar.maximum() // 3)
    left, right = centres()
    assert abs(left.y() - right.y()) <= 1 and abs(left.x() - right.x()) <= 1
    before = centres()[0].x()
    view.right.horizontalScrollBar().setValue(view.right.horizontalScrollBar().maximum() * 2 // 3)
    left, right = centres()
    assert abs(left.x() - right.x()) <= 1 and left.x() > before + 20  # both moved right


def test_overlay_shows_the_earlier_marks_faded_under_the_later(qtbot, records, course):
    view = _compare(qtbot, records, course)
    view.set_visits(course.visit_ids[2], course.visit_ids[3])
    view.set_mode(OVERLAY)
    assert view.stack.currentIndex() == 1 and view.mode == OVERLAY
    earlier, later = view.overlay.layers
    assert earlier.opacity() == FADED and later.opacity() == 1.0
    assert earlier.zValue() < later.zValue()
    stored = [records.open_visit(v) for v in course.visit_ids[2:4]]
    assert [m.id for m in earlier.marks] == [m.id for m in stored[0].marks
                                              if m.view == "posterior"]
    assert [m.id for m in later.marks] == [m.id for m in stored[1].marks
                                            if m.view == "posterior"]
    assert "Faded" in view.overlay_caption.text()
    # the overlay differs from the later chart alone: the faded marks are drawn
    alone = view.grab().toImage()
    view.set_visits(course.visit_ids[3], course.visit_ids[3])
    assert view.grab().toImage() != alone
    view.set_mode(SIDE)
    assert view.stack.currentIndex() == 0


def test_changing_the_view_changes_both_sides(qtbot, records, course):
    view = _compare(qtbot, records, course)
    view.set_view("anterior")
    assert view.left.view_id == view.right.view_id == view.overlay.view_id == "anterior"
    assert view.right.layers[0].marks == []


def test_both_sides_show_the_patients_r_and_l(qtbot, records, course):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    view = _compare(qtbot, records, course)  # the posterior view: L at the viewer's left
    for side in (view.left, view.right):
        labels = sorted((i.pos().x(), i.text()) for i in side.scene().items()
                        if isinstance(i, QGraphicsSimpleTextItem))
        assert [t for _, t in labels] == ["L", "R"]
