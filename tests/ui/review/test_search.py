"""Visit search screen: each kind of criterion, as a clinician types and picks."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate
from PySide6.QtTest import QTest
from review_factory import COURSE, make_course

from bodymap.ui.review.search import COLUMNS, ReviewSearch


def _ids(search: ReviewSearch) -> set[str]:
    return {h.visit_id for h in search.hits}


def _piriformis_left(course) -> set[str]:
    return {v for v, plan in zip(course.visit_ids, COURSE)
            if any(rid == "posterior.piriformis.L" for rid, _ in plan)}


def test_search_by_name_as_typed(qtbot, records, course):
    other = make_course(records, chart_number="RV-002", family_name="Okafor",
                        given_names="Chinedu")
    search = ReviewSearch(records)
    qtbot.addWidget(search)
    assert len(search.hits) == 12  # no criteria: every visit, newest first
    QTest.keyClicks(search.name, "oka")
    assert _ids(search) == set(other.visit_ids)
    assert search.results.topLevelItemCount() == 6
    assert search.results.topLevelItem(0).text(COLUMNS.index("Patient")) == "Okafor, Chinedu"
    assert search.status.text() == "6 visits"
    search.name.setText("Ökafor chi")  # accents ignored (setText: keyClicks is ASCII only)
    assert len(search.hits) == 6


def test_search_by_chart_number(qtbot, records, course):
    make_course(records, chart_number="XB-77", family_name="Other")
    search = ReviewSearch(records)
    qtbot.addWidget(search)
    QTest.keyClicks(search.chart_number, "xb")
    assert {h.chart_number for h in search.hits} == {"XB-77"} and len(search.hits) == 6


def test_search_by_muscle_and_side_lists_exactly_the_visits_that_needled_it(qtbot, records,
                                                                            course):
    other = make_course(records, chart_number="RV-002", family_name="Okafor")
    search = ReviewSearch(records)
    qtbot.addWidget(search)
    search.set_muscle("piriformis", "L")
    assert _ids(search) == _piriformis_left(course) | _piriformis_left(other)
    row = next(search.results.topLevelItem(i) for i in range(search.results.topLevelItemCount())
               if search.results.topLevelItem(i).text(2) == "RV-001"
               and search.hits[i].visit_id == course.visit_ids[3])
    assert row.text(COLUMNS.index("Needles there")) == "3"
    search.side.setCurrentIndex(search.side.findData("R"))
    assert _ids(search) == {course.visit_ids[3], other.visit_ids[3]}
    search.kind.setCurrentIndex(search.kind.findData("trigger_point"))
    search.muscle.setCurrentIndex(search.muscle.findData("upper_trapezius"))
    search.side.setCurrentIndex(search.side.findData("L"))
    assert _ids(search) == {course.visit_ids[4], other.visit_ids[4]}


def test_search_by_date_range_is_inclusive(qtbot, records, course):
    search = ReviewSearch(records)
    qtbot.addWidget(search)
    day = course.starts[2].astimezone().date()
    search.set_dates(day, day)
    assert _ids(search) == {course.visit_ids[2]}
    search.date_to.setDate(QDate(day.year, day.month, day.day).addDays(7))
    assert _ids(search) == {course.visit_ids[2], course.visit_ids[3]}
    search.use_from.setChecked(False)
    assert _ids(search) == set(course.visit_ids[:4])


def test_criteria_combine_and_activating_opens_the_visit(qtbot, records, course):
    other = make_course(records, chart_number="RV-002", family_name="Okafor",
                        first=datetime(2025, 6, 1, 9, tzinfo=UTC))
    search = ReviewSearch(records)
    qtbot.addWidget(search)
    search.name.setText("okafor")
    search.set_muscle("piriformis", "L")
    assert _ids(search) == _piriformis_left(other)
    item = search.results.topLevelItem(0)
    with qtbot.waitSignal(search.visit_opened) as opened:
        search.results.itemActivated.emit(item, 0)
    assert opened.args == [other.patient.id, search.hits[0].visit_id]


def test_visit_times_fit_their_column_with_the_utc_offset(qtbot, records, course, local_zone):
    local_zone("America/St_Johns")  # a half-hour offset, negative: the widest text
    search = ReviewSearch(records)
    qtbot.addWidget(search)
    column = COLUMNS.index("Date")
    shown = search.results.topLevelItem(0).text(column)
    assert shown.endswith(("\u221202:30", "\u221203:30"))
    needed = search.results.fontMetrics().horizontalAdvance(shown)
    assert search.results.columnWidth(column) > needed  # not cut to "2026-01-19 04:00 ..."
