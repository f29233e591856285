"""The timeline: every visit with its figures, thumbnails rendered lazily, opening."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bodymap.model import VisitStatus
from bodymap.model.timetext import time_text
from bodymap.services.pain_extent import format_extent
from bodymap.ui.review.timeline import COLUMNS, TimelineView


def _cell(view: TimelineView, row: int, title: str) -> str:
    return view.model.index(row, COLUMNS.index(title)).data()


def test_timeline_shows_every_visit_newest_first_with_stored_figures(qtbot, records, course):
    view = TimelineView(records, course.patient.id)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 6
    newest = records.open_visit(course.visit_ids[-1])
    assert _cell(view, 0, "Date") == time_text(newest.started_at)
    assert _cell(view, 0, "Status") == "Draft"
    assert _cell(view, 5, "Status") == "Signed"
    for row, visit_id in enumerate(reversed(course.visit_ids)):
        stored = records.open_visit(visit_id)
        assert _cell(view, row, "NPRS before → after") == \
            f"{stored.nprs_before} → {stored.nprs_after}"
        assert _cell(view, row, "Needles") == str(stored.needles_used)
        assert _cell(view, row, "Pain extent") == format_extent(stored.pain_extent['total'])
        assert _cell(view, row, "Clinician") == "Anna Berg, PT"
    assert [e.status for e in view.entries()][-1] is VisitStatus.SIGNED


def test_thumbnails_render_after_first_paint_and_only_for_shown_rows(qtbot, records, course):
    view = TimelineView(records, course.patient.id)
    qtbot.addWidget(view)
    assert not any(view.has_thumbnail(v) for v in course.visit_ids)  # nothing up front
    view.resize(900, 230)  # room for about two rows
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.has_thumbnail(course.visit_ids[-1]))
    shown = [v for v in course.visit_ids if view.has_thumbnail(v)]
    assert 1 <= len(shown) < 6  # the oldest, scrolled out of sight, are not rendered
    assert not view.has_thumbnail(course.visit_ids[0])
    # a rendered thumbnail has marks on it: it differs from an empty diagram
    thumb = view.thumbnail(course.visit_ids[-1]).toImage()
    last = records.open_visit(course.visit_ids[-1])
    empty = view.painter_for(last.atlas_version, last.figure).render([]).toImage()
    assert thumb.size() == empty.size() and thumb != empty
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.has_thumbnail(course.visit_ids[0]))


def test_activating_a_visit_emits_its_id(qtbot, records, course):
    view = TimelineView(records, course.patient.id)
    qtbot.addWidget(view)
    view.show()
    view.select_visit(course.visit_ids[2])
    with qtbot.waitSignal(view.visit_opened) as opened:
        view.table.setFocus()
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [course.visit_ids[2]]


def test_refresh_shows_a_new_visit(qtbot, records, course):
    view = TimelineView(records, course.patient.id)
    qtbot.addWidget(view)
    visit = records.start_visit(course.patient.id)
    view.refresh()
    assert view.model.rowCount() == 7 and view.entries()[0].id == visit.id
    assert _cell(view, 0, "NPRS before → after") == "– → –"


def test_visit_times_fit_on_one_line(qtbot, records, course, local_zone):
    local_zone("America/St_Johns")  # a half-hour offset, negative: the widest text
    view = TimelineView(records, course.patient.id)
    qtbot.addWidget(view)
    shown = _cell(view, 0, "Date")
    assert shown.endswith(("\u221202:30", "\u221203:30"))
    needed = view.table.fontMetrics().horizontalAdvance(shown)
    assert view.table.columnWidth(COLUMNS.index("Date")) > needed  # no wrap to two lines
