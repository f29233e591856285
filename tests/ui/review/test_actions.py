"""The review actions in the main window's menus, and opening visits from them."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from bodymap.ui.main_window import MainWindow
from bodymap.ui.review.window import COMPARE, HEATMAP, PROGRESS


def _window(qtbot, records, settings) -> MainWindow:
    window = MainWindow(records, settings)
    qtbot.addWidget(window)
    return window


def test_menus_hold_the_review_actions(qtbot, records, settings):
    window = _window(qtbot, records, settings)
    def plain(text: str) -> str:  # "&&" is a literal ampersand, "&x" a mnemonic
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    menus = {plain(a.text()): [plain(x.text()) for x in a.menu().actions()]
             for a in window.menuBar().actions()}
    assert {"Timeline & progress…", "Compare visits…", "Treatment heat map…"} <= \
        set(menus["Patient"])
    assert "Search visits…" in menus["Edit"]
    assert window.review_actions.search_action.shortcut() == QKeySequence("Ctrl+F")


def test_timeline_needs_a_patient_and_opens_a_visit(qtbot, records, settings, course):
    window = _window(qtbot, records, settings)
    assert window.review_actions.show_timeline() is None  # nobody chosen yet
    window.patient_panel.show_patient(course.patient)
    review = window.review_actions.show_timeline()
    assert review is not None and review.timeline.model.rowCount() == 6
    assert window.review_actions.show_timeline() is review  # one window per patient
    for tab in (PROGRESS, HEATMAP, COMPARE):
        assert review.show_tab(tab) is review.tabs.currentWidget()
    review.timeline.visit_opened.emit(course.visit_ids[0])
    opened = window.visit_windows[course.visit_ids[0]]
    assert opened.doc.read_only  # a signed visit opens read-only
    opened.close()


def test_search_opens_a_visit_of_another_patient(qtbot, records, settings, course):
    window = _window(qtbot, records, settings)
    search = window.review_actions.show_search()
    search.name.setText("lindqvist")
    hit = search.hits[0]
    window.review_actions.open_found_visit(hit.patient_id, hit.visit_id)
    assert window.patient_panel.patient.id == course.patient.id
    assert hit.visit_id in window.visit_windows
    window.visit_windows[hit.visit_id].close()


def test_timeline_shows_a_visit_edited_while_it_was_open(qtbot, records, settings, course):
    from bodymap.ui.commands import SetVisitFields

    window = _window(qtbot, records, settings)
    window.patient_panel.show_patient(course.patient)
    review = window.review_actions.show_timeline()
    draft = records.start_visit(course.patient.id)
    window.open_visit(draft.id)
    visit_window = window.visit_windows[draft.id]
    visit_window.doc.push(SetVisitFields(visit_window.doc, nprs_before=8))
    visit_window.close()  # saves; the main window refreshes what shows this patient
    row = review.timeline.model.row_of(draft.id)
    assert review.timeline.model.entry(row).nprs_before == 8
