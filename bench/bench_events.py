"""Charting effort in input events (issue 18): the two scripted visits driven through the real
windows with Qt test events, counting every mouse press, key press and wheel notch a clinician
makes, step by step.

Only what a person can do is used: clicks on widgets that are visible on screen (not hidden,
not scrolled out of their scroll area), typed keys, wheel notches to scroll. Where a step needs
something else, it is a finding and is listed in the step's notes. A key chord (Ctrl+Shift+S)
counts as one key press; a drag counts its one mouse press.

The screen is 1280 x 800: the offscreen platform's screen is smaller, so the windows are sized
as the app sizes them on that screen (the visit window 1264 x 752, see
bodymap.ui.visit.window.fitted_size; the main window its default 1100 x 720).

    QT_QPA_PLATFORM=offscreen python -m bench.bench_events      # prints both as JSON
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMenu,
    QTabBar,
    QToolButton,
    QWidget,
)

SCREEN = (1280, 800)
#: the visit window on a 1280 x 800 screen: fitted_size(…, 1600, 1000) there
VISIT_WINDOW = QSize(min(1600, SCREEN[0] - 16), min(1000, SCREEN[1] - 48))
MAIN_WINDOW = QSize(1100, 720)
NOTCH = 120  # one wheel notch, in eighths of a degree
GOALS = {"standard": 30, "returning": 15}

L, R = "L", "R"
#: the standard visit's needle sites (muscle, side); a depth is typed where the inspector
#: asks for one (a hazard zone under the needle, bodymap.services.chart_checks), these
#: where given, else 20 mm
NEEDLE_SITES = [("upper_trapezius", R), ("infraspinatus", L), ("gluteus_medius", R),
                ("piriformis", R), ("quadratus_lumborum", L), ("gastrocnemius", R)]
DEPTHS = {"upper_trapezius": "15", "quadratus_lumborum": "40"}


class NotReachable(RuntimeError):
    """A step needs a widget a person cannot reach (hidden or off screen)."""


@dataclass
class Step:
    name: str
    events: int = 0
    what: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"name": self.name, "events": self.events,
                                "what": "; ".join(self.what)}
        if self.notes:
            d["notes"] = " ".join(self.notes)
        return d


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def settle(ms: int = 0) -> None:
    app = _app()
    app.processEvents()
    if ms:
        QTest.qWait(ms)
        app.processEvents()


def on_screen(widget: QWidget, pos: QPoint) -> bool:
    """Whether ``pos`` in ``widget`` can be seen: the widget is visible and the point lies
    inside every ancestor up to its window (so not scrolled out of a scroll area)."""
    if not widget.isVisible() or not widget.rect().contains(pos):
        return False
    w, p = widget, pos
    while not w.isWindow():
        p = w.mapToParent(p)
        w = w.parentWidget()
        if not w.rect().contains(p):
            return False
    return True


class Input:
    """The one way events reach the windows: each call sends real Qt input and counts it in
    the current step."""

    def __init__(self) -> None:
        self.steps: list[Step] = []

    @property
    def total(self) -> int:
        return sum(s.events for s in self.steps)

    @contextmanager
    def step(self, name: str) -> Iterator[Step]:
        s = Step(name)
        self.steps.append(s)
        yield s
        settle()

    @property
    def current(self) -> Step:
        if not self.steps:
            self.steps.append(Step("(no step)"))
        return self.steps[-1]

    def _count(self, n: int, what: str) -> None:
        self.current.events += n
        self.current.what.append(what)

    # -- input -------------------------------------------------------------------------------
    def click(self, widget: QWidget, what: str, pos: QPoint | None = None) -> None:
        pos = widget.rect().center() if pos is None else pos
        self.reach(widget, pos)
        self._count(1, f"click {what}")  # before sending: a click may open a modal dialog
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        settle()

    def drag(self, widget: QWidget, points: list[QPoint], what: str) -> None:
        """One press, moves through ``points``, one release: a lasso or a move."""
        self.reach(widget, points[0])
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         points[0])
        for p in points[1:]:
            QTest.mouseMove(widget, p)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           points[-1])
        self._count(1, f"drag {what}")
        settle()

    def type(self, text: str, what: str) -> None:
        """Type ``text`` where the keyboard focus is, one key press a character."""
        target = QApplication.focusWidget()
        if target is None:
            raise NotReachable(f"no keyboard focus to type {what!r} into")
        QTest.keyClicks(target, text)
        self._count(len(text), f"type {what} ({len(text)} keys)")
        settle()

    def key(self, key: Qt.Key, what: str,
            modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.focusWidget() or QApplication.activeWindow()
        self._count(1, f"key {what}")  # before sending: a shortcut may open a modal dialog
        QTest.keyClick(target, key, modifiers)
        settle()

    def wheel(self, widget: QWidget, notches: int, what: str) -> None:
        """``notches`` wheel notches over ``widget`` (negative: scroll down)."""
        pos = QPointF(widget.rect().center())
        for _ in range(abs(notches)):
            ev = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                             QPoint(0, NOTCH if notches > 0 else -NOTCH),
                             Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                             Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(widget, ev)
            settle()
        self._count(abs(notches), f"{abs(notches)} wheel notch{'es' if abs(notches) != 1 else ''}"
                                  f" {what}")

    def reach(self, widget: QWidget, pos: QPoint) -> None:
        """Scroll ``widget`` into view with the wheel (counted) if a scroll area hides it; a
        widget that stays out of reach is a finding (NotReachable)."""
        if on_screen(widget, pos):
            return
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None or not widget.isVisible():
            raise NotReachable(f"{widget.objectName() or type(widget).__name__} is not visible")
        notches = 0
        while not on_screen(widget, pos) and notches < 40:
            y = widget.mapTo(area.viewport(), pos).y()
            down = y > area.viewport().height()
            self.wheel(area.viewport(), -1 if down else 1, "")
            notches += 1
        self.current.what.pop()  # the per-notch entries become one
        for _ in range(notches - 1):
            self.current.what.pop()
        self.current.what.append(f"{notches} wheel notch{'es' if notches != 1 else ''} to "
                                 f"scroll {widget.objectName() or type(widget).__name__} "
                                 "into view")
        if not on_screen(widget, pos):
            raise NotReachable(f"{widget.objectName()} cannot be scrolled into view")

    # -- modal dialogs -----------------------------------------------------------------------
    def in_modal(self, opener: Callable[[], None], fill: Callable[[QWidget], None]) -> None:
        """Run ``opener`` (the counted input that opens a modal dialog) and then ``fill`` on
        the dialog from inside its event loop, as a person would answer it."""
        errors: list[BaseException] = []

        def drive() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, drive)
                return
            try:
                fill(dialog)
            except BaseException as exc:  # re-raised once the dialog is closed
                errors.append(exc)
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, drive)
        opener()
        if errors:
            raise errors[0]


# -- the visits ------------------------------------------------------------------------------
class Bench:
    """An app session: a data folder, settings with the clinician's profile, the main window
    at its size on a 1280 x 800 screen."""

    def __init__(self, tmp: Path) -> None:
        from bodymap.services.records import Records
        from bodymap.settings import Settings
        from bodymap.ui.main_window import MainWindow

        self.app = _app()
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
        self.records = Records.open(tmp / "data", user="Bench")
        self.settings = Settings(tmp / "settings.sqlite")
        # the clinician's profile was set up once, before these visits
        self.settings.set("clinician_name", "Ana Ruiz")
        self.settings.set("clinician_credentials", "PT, DPT")
        self.main = MainWindow(self.records, self.settings)
        self.main.resize(MAIN_WINDOW)
        self.main.show()
        self.main.activateWindow()
        QTest.qWaitForWindowExposed(self.main)
        settle()
        if QApplication.focusWidget() is not self.main.patients.search:
            raise RuntimeError("the patient search does not have the keyboard focus")

    def close(self) -> None:
        for w in list(self.main.visit_windows.values()):
            w.close()
        self.main.close()
        settle()
        self.records.close()

    def visit_window(self):  # type: ignore[no-untyped-def]
        (window,) = self.main.visit_windows.values()
        if window.size() != VISIT_WINDOW:
            window.resize(VISIT_WINDOW)  # as fitted_size sizes it on a 1280 x 800 screen
        window.activateWindow()
        QTest.qWaitForWindowExposed(window)
        settle(50)
        return window


def _tab(tabs: QTabBar, text: str) -> tuple[QTabBar, QPoint]:
    for i in range(tabs.count()):
        if tabs.tabText(i) == text:
            return tabs, tabs.tabRect(i).center()
    raise NotReachable(f"no {text!r} tab")


def _tool_button(window, tool) -> QToolButton:  # type: ignore[no-untyped-def]
    action = next(a for a in window.chart.tool_actions if a.data() is tool)
    return window.chart.toolbar.widgetForAction(action)


TOOL_KEYS = {"SELECT": Qt.Key.Key_V, "ZONE_LASSO": Qt.Key.Key_Z, "TRIGGER_ACTIVE": Qt.Key.Key_T,
             "TRIGGER_LATENT": Qt.Key.Key_L, "NEEDLE": Qt.Key.Key_N, "DELETE": Qt.Key.Key_D}


def _choose_tool(inp: Input, window, tool, what: str) -> None:  # type: ignore[no-untyped-def]
    """Click the tool's button; where the toolbar has no room to show it, its letter."""
    button = _tool_button(window, tool)
    if button is not None and on_screen(button, button.rect().center()):
        inp.click(button, what)
        return
    inp.key(TOOL_KEYS[tool.name], f"{chr(TOOL_KEYS[tool.name])} ({what})")
    inp.current.notes.append(f"The {what[4:]} button is not shown at this window size (the "
                             "chart's toolbar is too narrow); its letter works.")
    if window.chart.tool is not tool:
        raise RuntimeError(f"the letter did not choose {tool}")


def _region_point(window, muscle: str, side: str) -> tuple[QPoint, str]:  # type: ignore[no-untyped-def]
    """Where on the canvas a person clicks for ``muscle`` on ``side`` in the shown view (the
    middle of its largest clickable part), and the layer it is in."""
    from bodymap.atlas.targets import region_target

    canvas = window.chart.canvas
    atlas = window.chart.atlas
    region = next(r for r in atlas.regions_in(canvas.view_id)
                  if r.muscle == muscle and r.side == side)
    _, (x, y) = region_target(atlas, region)
    return canvas.mapFromScene(QPointF(x, y)), region.depth


def _place(inp: Input, window, muscle: str, side: str, what: str) -> None:  # type: ignore[no-untyped-def]
    canvas = window.chart.canvas
    pos, depth = _region_point(window, muscle, side)
    if (depth == "deep") != (canvas.layer == "deep"):
        inp.key(Qt.Key.Key_D, f"Shift+D ({'deep' if depth == 'deep' else 'superficial'} layer "
                "for " + muscle.replace("_", " ") + ")", Qt.KeyboardModifier.ShiftModifier)
        inp.current.notes.append(f"{muscle.replace('_', ' ')} is drawn in the {depth} layer: "
                                 "the layer has to be switched to reach it.")
    before = len(window.doc.visit.marks)
    inp.click(canvas.viewport(), what, pos)
    marks = window.doc.visit.marks
    if len(marks) != before + 1 or marks[-1].muscle != muscle or \
            getattr(marks[-1].side, "value", marks[-1].side) != side:
        raise RuntimeError(f"the click for {muscle} {side} placed {marks[-1:]!r}")


def _focus(window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    settle()
    if QApplication.activeWindow() is not window:
        raise RuntimeError("the window did not become active")


def _soap_note(inp: Input, window) -> None:  # type: ignore[no-untyped-def]
    """Signing needs a SOAP note (or a typed reason in the sign dialog): the assessment's
    "Myofascial pain" template, picked from its list, is the fewest events."""
    visit = window.doc.visit
    if any(getattr(visit, f).strip() for f in ("subjective", "objective", "assessment",
                                                "plan")):
        return
    with inp.step("SOAP note (signing requires one)"):
        picker = window.form.soap.notes["assessment"].picker
        row = picker.findText("Myofascial pain")

        def pick() -> None:
            popup = QApplication.activePopupWidget()
            if popup is None or not picker.view().isVisible():
                QTimer.singleShot(20, pick)
                return
            # a release within the double-click time of opening is taken as the opening
            # click's own; a person's next click comes later
            QTest.qWait(QApplication.doubleClickInterval() + 50)
            view = picker.view()
            inp.click(view.viewport(), "“Myofascial pain”",
                      view.visualRect(picker.model().index(row, 0)).center())

        QTimer.singleShot(0, pick)
        inp.click(picker, "Insert template… (assessment)")
        deadline = time.perf_counter() + 3
        while not window.doc.visit.assessment.strip() and time.perf_counter() < deadline:
            settle(20)
        inp.current.notes.append(
            "Not in the issue's list: signing asks for a SOAP note or a reason typed in the "
            "sign dialog (a reason such as “see paper” costs 10 events there).")
        if not window.doc.visit.assessment.strip():
            raise RuntimeError("the template was not inserted")


def _sign(inp: Input, window) -> None:  # type: ignore[no-untyped-def]
    _soap_note(inp, window)

    def fill(dialog: QWidget) -> None:
        settle()
        unmet = list(dialog.reasons)  # type: ignore[attr-defined]
        if unmet:
            raise RuntimeError(f"unmet at signing: {unmet}")
        inp.click(dialog.sign_button, "Sign")  # type: ignore[attr-defined]

    with inp.step("sign"):
        inp.in_modal(lambda: inp.key(Qt.Key.Key_S, "Ctrl+Shift+S (Sign…)",
                                     Qt.KeyboardModifier.ControlModifier
                                     | Qt.KeyboardModifier.ShiftModifier), fill)
    if not window.doc.read_only:
        raise RuntimeError("the visit was not signed")


def _form_steps(inp: Input, window, *, removed: str) -> None:  # type: ignore[no-untyped-def]
    form = window.form
    with inp.step("NPRS before and after"):
        inp.click(form.outcomes.nprs_before.edit, "NPRS before")
        inp.type("7", "7")
        inp.click(form.outcomes.nprs_after.edit, "NPRS after")
        inp.type("3", "3")
    with inp.step("needles removed"):
        inp.click(form.needles.removed.edit, "Needles removed")
        inp.type(removed, removed)
        used = window.doc.visit.needles_used
        inp.current.notes.append(f"Needles used followed the chart by itself ({used}).")


def standard_visit(bench: Bench, inp: Input) -> str:
    """New patient … sign (issue 18). Returns the patient's id."""
    from bodymap.ui.chart import Tool
    from bodymap.ui.chart.inspector import DEPTH_REQUIRED

    main = bench.main

    def patient_form(dialog: QWidget) -> None:
        settle()
        if not dialog.chart_number.hasFocus():  # type: ignore[attr-defined]
            inp.click(dialog.chart_number, "Chart number")  # type: ignore[attr-defined]
        inp.type("C-1042", "the chart number “C-1042”")
        inp.current.notes.append("No automatic chart numbers: the number the clinic gives "
                                 "is typed.")
        inp.key(Qt.Key.Key_Tab, "Tab")
        inp.type("Ortega", "family name")
        inp.key(Qt.Key.Key_Tab, "Tab")
        inp.type("Lucia", "given name")
        inp.key(Qt.Key.Key_Tab, "Tab")
        inp.type("19750312", "date of birth")
        if QApplication.focusWidget() is not dialog.dob.edit:  # type: ignore[attr-defined]
            raise RuntimeError(f"tab order: the date of birth is not third after the chart "
                               f"number ({QApplication.focusWidget()!r})")
        inp.key(Qt.Key.Key_Return, "Enter (Save)")
        settle()
        if dialog.isVisible():
            raise RuntimeError("Enter did not save the new patient: "
                               + dialog.error.text())  # type: ignore[attr-defined]

    with inp.step("new patient"):
        inp.in_modal(lambda: inp.key(Qt.Key.Key_N, "Ctrl+N (New patient…)",
                                     Qt.KeyboardModifier.ControlModifier), patient_form)
    patient = main.patient_panel.patient
    if patient is None or patient.family_name != "Ortega":
        raise RuntimeError("the new patient is not shown")

    with inp.step("new visit"):
        inp.click(main.patient_panel.new_visit_button, "New visit")
    window = bench.visit_window()
    _focus(window)
    form, chart = window.form, window.chart

    with inp.step("consent"):
        inp.click(form.screening.consent, "the consent check box")
    with inp.step("precaution review"):
        inp.click(form.screening.reviewed, "the precautions-reviewed check box")

    with inp.step("Back view"):
        tabs, pos = _tab(chart.tabs, "Back")
        inp.click(tabs, "the Back tab", pos)

    with inp.step("needle sites"):
        _choose_tool(inp, window, Tool.NEEDLE, "the needle-site tool")
        order = sorted(NEEDLE_SITES, key=lambda ms: _region_point(window, *ms)[1] == "deep")
        for muscle, side in order:
            _place(inp, window, muscle, side, f"{side} {muscle.replace('_', ' ')}")
            # the depth where the inspector asks for one (a hazard zone under the needle)
            if chart.inspector.depth_label.text() == DEPTH_REQUIRED:
                depth = DEPTHS.get(muscle, "20")
                inp.click(chart.inspector.depth, f"the depth field ({muscle})")
                inp.type(depth, f"{depth} mm")
        if chart.canvas.layer == "deep":
            inp.key(Qt.Key.Key_D, "Shift+D (back to the superficial layer)",
                    Qt.KeyboardModifier.ShiftModifier)
    sites = {(m.muscle, getattr(m.side, "value", m.side)): m.depth_mm
             for m in window.doc.visit.marks}
    missing = [f"{m} {s}" for m, s in NEEDLE_SITES if (m, s) not in sites]
    if missing:
        raise RuntimeError(f"needle sites missing {missing}")
    inp.current.notes.append("Depths typed where the inspector asks for one: "
                             + ", ".join(f"{m.replace('_', ' ')} {s} {d:g} mm"
                                         for (m, s), d in sites.items() if d is not None)
                             + ".")

    with inp.step("trigger points (one active, one latent)"):
        _choose_tool(inp, window, Tool.TRIGGER_ACTIVE, "the active trigger-point tool")
        _place(inp, window, "upper_trapezius", R, "active TP on R upper trapezius")
        _choose_tool(inp, window, Tool.TRIGGER_LATENT, "the latent trigger-point tool")
        _place(inp, window, "infraspinatus", L, "latent TP on L infraspinatus")

    with inp.step("referred-pain zone"):
        # drawn where the patient shows it: a lasso over the right posterior shoulder
        from bodymap.model import PainZone

        _choose_tool(inp, window, Tool.ZONE_LASSO, "the pain-zone lasso tool")
        centre, _ = _region_point(window, "infraspinatus", R)
        ring = [centre + QPoint(dx, dy) for dx, dy in
                ((-14, -10), (0, -16), (14, -10), (16, 4), (6, 14), (-8, 14), (-16, 4),
                 (-14, -10))]
        inp.drag(chart.canvas.viewport(), ring, "a zone around the R infraspinatus")
        zones = [m for m in window.doc.visit.marks if isinstance(m, PainZone)]
        if len(zones) != 1:
            raise RuntimeError(f"{len(zones)} pain zones charted")

    _form_steps(inp, window, removed=str(window.doc.visit.needles_used))

    _sign(inp, window)
    return patient.id


def returning_visit(bench: Bench, inp: Input) -> None:
    """Find the patient by typing, new visit from the previous one, change one site, NPRS
    before and after, needles removed, sign (issue 18)."""
    from bodymap.ui.chart import Tool

    main = bench.main  # a new session: the app opens with the search field focused

    with inp.step("find the patient"):
        inp.type("orte", "“orte”")
        if main.patient_panel.patient is None:
            inp.key(Qt.Key.Key_Down, "Down (select the first match)")
        if main.patient_panel.patient is None or main.patient_panel.patient.family_name \
                != "Ortega":
            raise RuntimeError("the patient was not found")

    with inp.step("new visit from the previous one"):
        button = main.patient_panel.copy_button
        menu: QMenu = button.menu()
        action = main.patient_panel.copy_all_action

        def pick() -> None:
            m = QApplication.activePopupWidget()
            if m is None:
                QTimer.singleShot(20, pick)
                return
            inp.click(m, "“Carry the plan over and copy the chart”",
                      m.actionGeometry(action).center())

        QTimer.singleShot(0, pick)
        inp.click(button, "New visit from previous")
        settle(50)
        if menu.isVisible():
            raise RuntimeError("the menu did not close")
    window = bench.visit_window()
    _focus(window)
    form, chart = window.form, window.chart
    visit = window.doc.visit

    with inp.step("carried-over screening"):
        if not visit.consent_obtained:
            inp.click(form.screening.consent, "the consent check box")
        if not visit.precautions_reviewed:
            inp.click(form.screening.reviewed, "the precautions-reviewed check box")
        if inp.current.events:
            inp.current.notes.append("Consent and the precaution review are not carried "
                                     "over; signing asks for both (not in the issue's list).")

    with inp.step("change one site (R gastrocnemius → R soleus)"):
        if chart.canvas.view_id != "posterior":
            tabs, pos = _tab(chart.tabs, "Back")
            inp.click(tabs, "the Back tab", pos)
        _choose_tool(inp, window, Tool.DELETE, "the delete tool")
        site = next(m for m in visit.marks if m.muscle == "gastrocnemius")
        inp.click(chart.canvas.viewport(), "the R gastrocnemius needle site",
                  chart.canvas.mapFromScene(QPointF(site.x, site.y)))
        if any(m.id == site.id for m in window.doc.visit.marks):
            raise RuntimeError("the site was not deleted")
        _choose_tool(inp, window, Tool.NEEDLE, "the needle-site tool")
        _place(inp, window, "soleus", R, "R soleus")

    _form_steps(inp, window, removed=str(window.doc.visit.needles_used))

    _sign(inp, window)


def _result(kind: str, inp: Input, seconds: float) -> dict[str, object]:
    steps = [s.as_dict() for s in inp.steps]
    top = sorted(steps, key=lambda s: -int(s["events"]))[:3]  # type: ignore[call-overload]
    return {"value": inp.total, "goal": GOALS[kind], "screen": f"{SCREEN[0]}x{SCREEN[1]}",
            "steps": steps, "costliest": [s["name"] for s in top],
            "counting": "mouse presses, key presses (a chord is one), wheel notches",
            "run_s": round(seconds, 1)}


def bench_standard_visit_events() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(Path(tmp))
        inp = Input()
        t0 = time.perf_counter()
        try:
            standard_visit(bench, inp)
        finally:
            bench.close()
        return _result("standard", inp, time.perf_counter() - t0)


def bench_returning_visit_events() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(Path(tmp))
        try:
            standard_visit(bench, Input())  # the first visit, not counted
        finally:
            bench.close()
        bench = Bench(Path(tmp))  # days later: the app started again
        try:
            inp = Input()
            t0 = time.perf_counter()
            returning_visit(bench, inp)
        finally:
            bench.close()
        return _result("returning", inp, time.perf_counter() - t0)


if __name__ == "__main__":
    print(json.dumps({"standard_visit_events": bench_standard_visit_events(),
                      "returning_visit_events": bench_returning_visit_events()}, indent=1))
