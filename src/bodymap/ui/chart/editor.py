"""ChartEditor: the visit's body chart with its tools, view tabs, inspector and legend.

The editor wires the pieces together; it holds no chart state of its own beyond the tool,
the selection and the needle defaults. Edits go through ``doc.push`` (see tools.py and
inspector.py) and every part refreshes from ``doc.changed``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.atlas import Atlas, visit_atlas
from bodymap.model import Changes, Mark, NeedleSite, PainZone, Technique, TextNote, TriggerPoint
from bodymap.model.needles import needle_for_new_site, read_overrides
from bodymap.model.safety import estim_refusal
from bodymap.model.timetext import time_text
from bodymap.services.chart_checks import visit_pain_extent
from bodymap.settings import Settings
from bodymap.ui.chart.canvas import ChartCanvas
from bodymap.ui.chart.culprits import WhatRefersHere
from bodymap.ui.chart.hazard_overlay import hazard_action, hazard_overlay
from bodymap.ui.chart.inspector import Inspector
from bodymap.ui.chart.legend import Legend
from bodymap.ui.chart.referral import ReferralView, referral_zone_command
from bodymap.ui.chart.tools import Tool
from bodymap.ui.document import VisitDocument

TOOLS: list[tuple[Tool, str, str]] = [
    (Tool.SELECT, "Select / move", "V"),
    (Tool.TRIGGER_ACTIVE, "Trigger point (active)", "T"),
    (Tool.TRIGGER_LATENT, "Trigger point (latent)", "L"),
    (Tool.NEEDLE, "Needle site", "N"),
    (Tool.ZONE_LASSO, "Pain zone (lasso)", "Z"),
    (Tool.ZONE_BRUSH, "Pain zone (brush)", "B"),
    (Tool.TEXT, "Text note", "X"),
    (Tool.DELETE, "Delete (click a mark)", "D"),
]
#: Show and click the deep muscles. Shift+D: no tool letter, standard key or window
#: shortcut uses it; like the tool letters it works anywhere in the window but in a text
#: entry, where it types a capital D.
DEEP_LAYER_SHORTCUT = "Shift+D"
DEEP_LAYER_HINT = "Deep layer"


#: short tab names, so that more views fit beside each other in a narrow chart (the full
#: title is the tab's tooltip and the "Views" menu's entry)
#: how long after a selection its referral pattern is drawn
REFERRAL_DELAY_MS = 120
TAB_NAMES = {
    "anterior": "Front", "posterior": "Back", "left_lateral": "Left side",
    "right_lateral": "Right side", "head_neck_anterior": "Head front",
    "head_neck_posterior": "Head back", "head_neck_left_lateral": "Head left",
    "head_neck_right_lateral": "Head right", "hand_palmar": "Palms",
    "hand_dorsal": "Backs of hands", "foot_plantar": "Soles", "foot_dorsal": "Tops of feet",
    "forearms_anterior": "Forearms front", "forearms_posterior": "Forearms back",
    "lower_limbs_anterior": "Legs front", "lower_limbs_posterior": "Legs back",
}


class ChartEditor(QWidget):
    """The chart of one open visit. ``tool_actions`` are checkable and carry shortcuts;
    ``status_message`` names the muscle under the pointer ("Upper trapezius (left)")."""

    status_message = Signal(str)

    def __init__(self, doc: VisitDocument, atlas: Atlas | None = None,
                 parent: QWidget | None = None, *, settings: Settings | None = None,
                 show_banner: bool = True) -> None:
        super().__init__(parent)
        self.doc = doc
        self._referral_of: str | None = None  # the trigger point whose pattern is shown
        self._switching_view = False  # a selection lost to a tab switch keeps its referral
        # A host window that shows its own signed-visit notice passes show_banner=False.
        self._show_banner = show_banner
        # the anatomy the visit was charted on: its marks are in that version's units
        self.atlas = atlas or visit_atlas(doc.visit)
        self.settings = settings
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #37474f; color: white; font-weight: bold; "
                                  "padding: 6px")
        self.canvas = ChartCanvas(doc, self.atlas)
        self.controller = self.canvas.controller
        self.controller.needle_for = self.needle_for
        self.controller.on_placed = self._placed
        self.controller.on_message = self.status_message.emit
        self.inspector = Inspector(doc, self.atlas)
        self.legend = Legend(self.atlas)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for i, view in enumerate(self.atlas.views):
            self.tabs.addTab(TAB_NAMES.get(view.id, view.title))
            self.tabs.setTabData(i, view.id)
            key = f" (Ctrl+{i + 1})" if i < 9 else ""
            self.tabs.setTabToolTip(i, f"{view.title}{key}")
        # every view by name in one click, however many tabs the width hides
        self.views_button = QToolButton()
        self.views_button.setObjectName("allViewsButton")
        self.views_button.setText("Views")
        self.views_button.setToolTip("All views of the chart")
        self.views_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        views_menu = QMenu(self.views_button)
        for view in self.atlas.views:
            views_menu.addAction(view.title, lambda v=view.id: self.set_view(v))
        self.views_button.setMenu(views_menu)
        self.hover_label = QLabel(" ")
        self.hover_label.setStyleSheet("color: #263238; padding: 2px 6px")
        self.toolbar = QToolBar("Chart tools")
        self.tool_actions: list[QAction] = []
        self._build_actions()
        self._layout()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.tabBarClicked.connect(lambda _: self.canvas.setFocus())
        first = self._first_view()
        self.canvas.set_view(first)
        self.tabs.blockSignals(True)  # the canvas already shows it
        self.set_view(first)
        self.tabs.blockSignals(False)
        self.deep_action.setEnabled(self.canvas.has_deep_layer())
        self.canvas.hovered.connect(self._hovered)
        self.canvas.selection_changed.connect(self._selection_changed)
        self.inspector.referral_shown.connect(lambda _: self._update_referral())
        self.inspector.referral_zone_requested.connect(self.chart_referral)
        self._referral_timer = QTimer(self)
        self._referral_timer.setSingleShot(True)
        self._referral_timer.setInterval(REFERRAL_DELAY_MS)
        self._referral_timer.timeout.connect(self._update_referral)
        self.hazard_action = hazard_action(self)
        self.hazard_action.toggled.connect(lambda _: self._update_hazards())
        self.addAction(self.hazard_action)
        self.referral = ReferralView(self.atlas, self.canvas,
                                     lambda v: TAB_NAMES.get(v, self.atlas.view(v).title))
        self.culprits = WhatRefersHere(self.doc, self.atlas, self.canvas, self._culprit_placed)
        self.addAction(self.culprits.action)
        self.inspector.culprits_requested.connect(
            lambda zone_id, where: self.culprits.ask_zone(self.doc.visit.mark(zone_id), where))
        doc.changed.connect(self._on_changed)
        doc.read_only_changed.connect(lambda _: self._apply_read_only())
        self._apply_read_only()
        # Show the pain extent stored with the visit at once, and recompute it just after
        # the first paint: it costs milliseconds per zone and the chart comes first.
        self._zones_shown: tuple[PainZone, ...] | None = None
        self.legend.show_extent(doc.visit.pain_extent)
        self.canvas.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and watched is self.canvas.viewport():
            watched.removeEventFilter(self)  # once: the first paint of the chart
            QTimer.singleShot(0, lambda: self._on_changed(Changes()))
        return False

    # -- construction -----------------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        group = QActionGroup(self)
        for tool, text, key in TOOLS:
            action = self._action(f"{text}", key, lambda _=False, t=tool: self.pick_tool(t))
            # A tool letter works anywhere in the window: text entries (notes, fields) claim
            # printable keys before shortcuts (ShortcutOverride), so there a letter is text.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(True)
            action.setData(tool)
            action.setToolTip(f"{text} ({key})")
            group.addAction(action)
            self.toolbar.addAction(action)
            self.tool_actions.append(action)
        self.tool_actions[0].setChecked(True)
        self.toolbar.addSeparator()
        self.delete_action = self._action("Delete selected mark", QKeySequence.StandardKey.Delete,
                                          self.delete_selected)
        self.zoom_in_action = self._action("Zoom in", QKeySequence.StandardKey.ZoomIn,
                                           lambda: self.canvas.zoom_by(1.25))
        self.zoom_out_action = self._action("Zoom out", QKeySequence.StandardKey.ZoomOut,
                                            lambda: self.canvas.zoom_by(0.8))
        self.fit_action = self._action("Fit to window", "Ctrl+0", self.canvas.fit_to_window)
        self._action("Cancel", "Esc", self._escape)
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.deep_action = self._action(DEEP_LAYER_HINT, DEEP_LAYER_SHORTCUT,
                                        lambda checked=False: self.set_deep_layer(checked))
        self.deep_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.deep_action.setCheckable(True)
        self.deep_action.setToolTip(f"Show and click the deep muscles ({DEEP_LAYER_SHORTCUT})")
        # under the chart, beside the muscle named there, where it stays in sight (the
        # toolbar's end folds away in a small window)
        self.deep_button = QToolButton()
        self.deep_button.setDefaultAction(self.deep_action)
        self.deep_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # no taller than the line of text it sits on: the chart keeps its height
        self.deep_button.setMaximumHeight(self.hover_label.sizeHint().height())
        for i, view in enumerate(self.atlas.views[:9]):
            self._action(f"Show {view.title}", f"Ctrl+{i + 1}",
                         lambda _=False, n=i: self.tabs.setCurrentIndex(n))

    def _layout(self) -> None:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        # the tabs scroll rather than widen the window: the Views menu reaches them all
        self.tabs.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        top.addWidget(self.tabs, 1)
        top.addWidget(self.views_button)
        lv.addLayout(top)
        lv.addWidget(self.canvas, 1)
        under = QHBoxLayout()  # what a click reaches: the muscle named, the layer toggle
        under.setContentsMargins(0, 0, 0, 0)
        under.setSpacing(0)
        under.addWidget(self.hover_label, 1)
        under.addWidget(self.deep_button)
        lv.addLayout(under)
        right = QWidget()
        # The chart is what the clinician looks at; the inspector and legend keep to a
        # column wide enough for the legend's two columns.
        right.setMaximumWidth(400)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 0, 0, 0)
        rv.addWidget(self.inspector, 1)
        rv.addWidget(self.legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.banner)
        bar = QHBoxLayout()
        bar.addWidget(self.toolbar)
        top.addLayout(bar)
        top.addWidget(split, 1)

    def _first_view(self) -> str:
        """Open on the view holding the first mark (a chart of the back opens on the
        back), else the first atlas view."""
        known = {v.id for v in self.atlas.views}
        for mark in self.doc.visit.marks:
            if mark.view in known:
                return mark.view
        return self.atlas.views[0].id

    # -- tools ------------------------------------------------------------------------------------
    @property
    def tool(self) -> Tool:
        return self.controller.tool

    def set_tool(self, tool: Tool) -> None:
        """Switch the canvas tool (also checks its action)."""
        if self.doc.read_only and tool is not Tool.SELECT:
            tool = Tool.SELECT
        self.controller.cancel()
        self.controller.tool = tool
        for action in self.tool_actions:
            action.setChecked(action.data() is tool)
        self.canvas.viewport().setCursor(Qt.CursorShape.ArrowCursor if tool is Tool.SELECT
                                         else Qt.CursorShape.CrossCursor)

    def pick_tool(self, tool: Tool) -> None:
        """The clinician chose a tool (button, menu or letter): the chart takes the keyboard,
        so the next letter switches tools rather than landing in the field last typed in."""
        self.set_tool(tool)
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _escape(self) -> None:
        self.controller.cancel()
        self.set_tool(Tool.SELECT)

    def set_view(self, view_id: str) -> None:
        """Show an atlas view by id."""
        for i in range(self.tabs.count()):
            if self.tabs.tabData(i) == view_id:
                self.tabs.setCurrentIndex(i)

    def _tab_changed(self, index: int) -> None:
        self._switching_view = True
        try:
            self.canvas.set_view(self.tabs.tabData(index))
        finally:
            self._switching_view = False
        self._update_layer()
        self._update_referral()
        self._update_hazards()

    def _update_hazards(self) -> None:
        self.canvas.show_hazards(hazard_overlay(self.atlas, self.canvas.view_id)
                                 if self.hazard_action.isChecked() else None)

    # -- layers -----------------------------------------------------------------------------------
    @property
    def layer(self) -> str:
        """The layer the chart shows and clicks now: "superficial" or "deep"."""
        return self.canvas.layer

    def set_deep_layer(self, on: bool) -> None:
        """Show and click the deep layer (on views that have one) or the default picture.
        The choice is this window's and stays as views change."""
        self.deep_action.setChecked(on)
        self.canvas.set_deep(on)
        self._update_layer()

    def _update_layer(self) -> None:
        """The action is usable only where the view has a deep layer; the line under the
        chart says when the deep layer is what a click reaches."""
        self.deep_action.setEnabled(self.canvas.has_deep_layer())
        self._show_hover(self.hover_label.property("hovered") or "")

    def delete_selected(self) -> None:
        """Delete the selected mark (Del)."""
        if self.canvas.selected_id and not self.doc.read_only:
            self.controller.delete(self.canvas.selected_id)

    # -- reactions --------------------------------------------------------------------------------
    def _placed(self, mark: Mark) -> None:
        self.canvas.select(mark.id)
        if isinstance(mark, TextNote):
            # typing replaces the placeholder text right away
            self.inspector.text.setFocus()
            self.inspector.text.selectAll()

    def _hovered(self, text: str) -> None:
        self.status_message.emit(self._show_hover(text))

    def _show_hover(self, text: str) -> str:
        """Name the muscle under the pointer (`text`) under the chart and as its tooltip,
        saying "Deep layer" when that is what a click reaches; returns what is shown."""
        self.hover_label.setProperty("hovered", text)
        if self.canvas.layer == "deep":
            text = f"{DEEP_LAYER_HINT}: {text}" if text else DEEP_LAYER_HINT
        self.hover_label.setText(text or " ")
        self.canvas.setToolTip(text if self.hover_label.property("hovered") else "")
        return text

    def _selection_changed(self, mark_id: str | None) -> None:
        self.inspector.set_mark(mark_id)
        if mark_id is not None or not self._switching_view:
            self._referral_of = mark_id
        # The pattern follows once the pointer rests: drawing it costs milliseconds that the
        # click placing a mark must not wait for (bench click_to_mark_ms), and points placed
        # in quick succession do not flash their patterns.
        self._referral_timer.start()

    def _update_referral(self) -> None:
        """The selected trigger point's pattern on the view shown, on every view it covers
        (bodymap.atlas.referral), and where it continues said under the chart."""
        mark_id = self._referral_of
        try:
            mark = self.doc.visit.mark(mark_id) if mark_id else None
        except KeyError:  # deleted
            mark = None
        self.canvas.show_referral(self.referral.update(
            mark, self.canvas.view_id, self.inspector.show_referral.isChecked()))

    def _culprit_placed(self, tp: TriggerPoint) -> None:
        self.set_view(tp.view)
        self.canvas.select(tp.id)

    def chart_referral(self, trigger_point_id: str) -> list[PainZone]:
        """Turn the trigger point's referral pattern into pain zones linked to it (one undo
        step); returns the new zones."""
        if self.doc.read_only:
            return []
        made = referral_zone_command(self.doc, self.atlas, trigger_point_id)
        if made is None:
            self.status_message.emit("No referral pattern is charted for this muscle.")
            return []
        command, zones = made
        self.doc.push(command)
        self.canvas.select(zones[0].id)
        return zones

    def _on_changed(self, changes: Changes) -> None:
        # Pain extent costs milliseconds per zone; recompute only when the zones themselves
        # differ (marks are immutable values, so an unchanged tuple means unchanged zones).
        zones = tuple(m for m in self.doc.visit.marks if isinstance(m, PainZone))
        if zones != self._zones_shown:
            self._zones_shown = zones
            self.legend.show_extent(visit_pain_extent(self.doc.visit, self.atlas))
        if changes.marks_updated or "*" in changes.fields:
            self._update_referral()

    # -- needle defaults --------------------------------------------------------------------------
    def needle_for(self, muscle: str | None) -> dict[str, Any]:
        """Needle details of a new site on ``muscle``: the needle last used on that muscle in
        this visit, else the muscle's default (the clinician's or the built-in table); the
        technique last used in this visit. Never another patient's or visit's needle."""
        overrides = read_overrides(self.settings.get("needle_defaults")) if self.settings \
            else {}
        needle = needle_for_new_site(self.doc.visit.marks, muscle, overrides)
        sites = [m for m in self.doc.visit.marks if isinstance(m, NeedleSite)]
        technique = sites[-1].technique if sites else Technique.PISTONING
        # never pre-fill e-stim for a patient with an electrical implant
        if technique is Technique.ESTIM and estim_refusal(self.doc.patient) is not None:
            technique = Technique.PISTONING
        return {"needle_length_mm": needle.length_mm, "needle_diameter_mm": needle.diameter_mm,
                "technique": technique}

    # -- signed visits ----------------------------------------------------------------------------
    def _apply_read_only(self) -> None:
        ro = self.doc.read_only
        visit = self.doc.visit
        if ro:
            when = time_text(visit.signed_at) if visit.signed_at else "?"
            self.banner.setText(f"Signed by {visit.signed_by} on {when}: read-only. "
                                "Corrections are addenda.")
            self.set_tool(Tool.SELECT)
        self.banner.setVisible(ro and self._show_banner)
        for action in self.tool_actions[1:]:
            action.setEnabled(not ro)
        self.delete_action.setEnabled(not ro)
        self.inspector.set_mark(self.inspector.mark_id)
