"""Menu actions for reviewing history, installed onto the main window:
Patient ▸ Timeline & progress…, Compare visits…, Treatment heat map…, and
Edit ▸ Search visits… (Ctrl+F).

Nothing heavy is imported here: the review windows (and the atlas, and pyqtgraph) load
when an action is first used, so start-up does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from bodymap.ui.main_window import MainWindow
    from bodymap.ui.review.search import ReviewSearch
    from bodymap.ui.review.window import ReviewWindow


def _menu(window: MainWindow, title: str) -> QMenu:
    """The menu bar's menu called ``title`` (mnemonic ignored), created if missing."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == title:
            return menu
    return window.menuBar().addMenu(f"&{title}")


class ReviewActions:
    """The actions and their slots; kept alive as ``window.review_actions``."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.review_windows: dict[str, ReviewWindow] = {}  # patient id -> open window
        self.search: ReviewSearch | None = None

        def action(text: str, slot: object, name: str, shortcut: str | None = None) -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.timeline_action = action("&Timeline && progress…", self.show_timeline,
                                      "reviewTimeline")
        self.compare_action = action("C&ompare visits…", self.show_compare, "reviewCompare")
        self.heatmap_action = action("Treatment &heat map…", self.show_heatmap,
                                     "reviewHeatmap")
        self.search_action = action("&Search visits…", self.show_search, "reviewSearch",
                                    "Ctrl+F")
        patient_menu = _menu(window, "Patient")
        patient_menu.addSeparator()
        for act in (self.timeline_action, self.compare_action, self.heatmap_action):
            patient_menu.addAction(act)
        edit_menu = _menu(window, "Edit")
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)

    # -- slots ------------------------------------------------------------------------------
    def _review_window(self) -> ReviewWindow | None:
        patient = self.window.patient_panel.patient
        if patient is None:
            self.window.statusBar().showMessage("Choose a patient first.", 4000)
            return None
        existing = self.review_windows.get(patient.id)
        if existing is not None:
            return existing
        from bodymap.ui.review.window import ReviewWindow

        review = ReviewWindow(self.window.records, patient, self.window)
        review.visit_opened.connect(self.window.open_visit)
        review.destroyed.connect(lambda *_: self.review_windows.pop(patient.id, None))
        self.review_windows[patient.id] = review
        return review

    def _show(self, tab: str) -> ReviewWindow | None:
        review = self._review_window()
        if review is not None:
            review.show_tab(tab)
            review.show()
            review.raise_()
            review.activateWindow()
        return review

    def show_timeline(self) -> ReviewWindow | None:
        return self._show("timeline")

    def show_compare(self) -> ReviewWindow | None:
        return self._show("compare")

    def show_heatmap(self) -> ReviewWindow | None:
        return self._show("heatmap")

    def show_search(self) -> ReviewSearch:
        """The (single, non-modal) visit search window."""
        if self.search is None:
            from bodymap.ui.review.search import ReviewSearch

            self.search = ReviewSearch(self.window.records, parent=self.window)
            self.search.visit_opened.connect(self.open_found_visit)
        self.search.show()
        self.search.raise_()
        self.search.activateWindow()
        self.search.name.setFocus()
        return self.search

    def open_found_visit(self, patient_id: str, visit_id: str) -> None:
        """Show the visit's patient in the main window, then open the visit."""
        window = self.window
        window.patients.search.clear()
        window.patients.refresh()
        window.patients.select(patient_id)
        window.patient_panel.show_patient(window.records.get_patient(patient_id))
        window.open_visit(visit_id)


    def visit_changed(self, patient_id: str) -> None:
        """A visit of ``patient_id`` was edited, signed or amended: an open review window
        of that patient shows it again."""
        review = self.review_windows.get(patient_id)
        if review is not None:
            review.refresh()


def install_review_actions(window: MainWindow) -> ReviewActions:
    """Add the review actions to the window's menus (kept as ``window.review_actions``)."""
    actions = ReviewActions(window)
    window.review_actions = actions  # type: ignore[attr-defined]
    return actions
