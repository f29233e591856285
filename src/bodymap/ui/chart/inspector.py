"""The inspector: shows and edits the selected mark's details.

Each widget edit becomes one EditMark (successive edits of the same field merge into one
undo step). An impossible value never reaches the record: the command refuses it, the
widget goes back to the stored value and the reason is shown in red. Safety rules live here
too: the catalogue's caution for hazard regions (with depth required), and e-stim refused
for a patient with a pacemaker or other electrical implant.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bodymap.atlas import Atlas
from bodymap.model import (
    Changes,
    EStim,
    Mark,
    NeedleSite,
    PainQuality,
    PainZone,
    Side,
    Technique,
    TextNote,
    TriggerPoint,
    TriggerPointKind,
    ValidationError,
)
from bodymap.model.marks import LIMITS
from bodymap.model.safety import estim_refusal
from bodymap.services import chart_checks as checks
from bodymap.ui.chart import fields
from bodymap.ui.chart.fields import Choice, OptionalDouble, OptionalInt
from bodymap.ui.chart.referral import resolved_of
from bodymap.ui.commands import EditMark, mark_name
from bodymap.ui.document import VisitDocument
from bodymap.ui.messages import MessageArea

DEPTH_REQUIRED = "Depth (required here)"


class Inspector(QScrollArea):
    """Details of one mark. ``referral_zone_requested`` and ``referral_shown`` drive the
    referral overlay."""

    referral_zone_requested = Signal(str)  # trigger point id
    culprits_requested = Signal(str, QPoint)  # pain zone id, where to list them
    referral_shown = Signal(bool)

    def __init__(self, doc: VisitDocument, atlas: Atlas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.atlas = doc, atlas
        self.mark_id: str | None = None
        self._loading = False
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        # wrap and shrink rather than scroll sideways: a cut-off caution is a missed caution
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        self.title = QLabel("No mark selected")
        self.title.setStyleSheet("font-weight: bold; font-size: 13px")
        self.title.setWordWrap(True)
        self.caution = QLabel()
        self.caution.setWordWrap(True)
        self.caution.setStyleSheet("background: #ffe082; color: black; border: 2px solid #b26a00;"
                                   " padding: 4px; border-radius: 3px")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold")
        # the reason an entry was just refused first, then the standing caution
        self.messages = MessageArea([self.error, self.caution], lines=6)
        self.form = QWidget()
        self.form.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.title)
        lay.addWidget(self.messages)
        lay.addWidget(self.form)
        lay.addStretch(1)
        # The title keeps two lines' room, so a long muscle name moves no field either.
        self.title.setFixedHeight(2 * self.title.fontMetrics().lineSpacing() + 4)
        self._build_form()
        doc.changed.connect(self._on_changed)
        self.set_mark(None)

    # -- widgets ---------------------------------------------------------------------------------
    def _build_form(self) -> None:
        outer = QVBoxLayout(self.form)
        outer.setContentsMargins(0, 0, 0, 0)
        common = QFormLayout()
        muscles = sorted(self.atlas.muscles, key=lambda m: m.name.lower())
        self.muscle = Choice([("(not on a muscle)", None)] + [(m.name, m.id) for m in muscles])
        self.side = Choice([("(none)", None), ("Left", Side.LEFT), ("Right", Side.RIGHT)])
        common.addRow("Muscle", self.muscle)
        common.addRow("Side (patient's)", self.side)
        outer.addLayout(common)
        self.pages = QStackedWidget()
        # no share of spare height: spare height handed out differently after a message
        # would move the rows below
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        outer.addWidget(self.pages)
        # trigger point
        f = QFormLayout()
        self.tp_kind = Choice([("Active", TriggerPointKind.ACTIVE),
                               ("Latent", TriggerPointKind.LATENT)])
        self.tenderness = Choice([("Not graded", None)] + fields.TENDERNESS)
        self.show_referral = QCheckBox("Show referral pattern")
        self.show_referral.setChecked(True)
        self.referral_button = QPushButton("Chart referral as pain zone")
        f.addRow("Type", self.tp_kind)
        f.addRow("Tenderness", self.tenderness)
        f.addRow(self.show_referral)
        f.addRow(self.referral_button)
        self.tp_page = fields.form_page(f)
        # needle site
        f = QFormLayout()
        self.length = OptionalDouble(LIMITS["needle_length_mm"][1], suffix=" mm")
        self.diameter = Choice([("—", None)] + fields.DIAMETERS)
        self.depth = OptionalDouble(LIMITS["depth_mm"][1], suffix=" mm")
        self.depth_label = QLabel("Depth")
        # room for "Depth (required here)" always, so the label column never changes width
        self.depth_label.setMinimumWidth(
            self.depth_label.fontMetrics().horizontalAdvance(DEPTH_REQUIRED) + 4)
        self.count = OptionalInt(*LIMITS["needle_count"])
        self.technique = Choice([(t.label, t) for t in Technique])
        self.dwell = OptionalDouble(LIMITS["dwell_min"][1], suffix=" min")
        self.dwell_label = QLabel("Dwell time")
        self.freq = OptionalDouble(LIMITS["frequency_hz"][1], decimals=1, suffix=" Hz")
        self.intensity_ma = OptionalDouble(LIMITS["intensity_ma"][1], decimals=1, suffix=" mA")
        self.duration = OptionalDouble(LIMITS["duration_min"][1], suffix=" min")
        self.ltr = Choice([("Not recorded", None), ("Yes", True), ("No", False)])
        self.ltr_count = OptionalInt(*LIMITS["ltr_count"])
        self.response = QLineEdit()
        self.response.setPlaceholderText("e.g. familiar pain reproduced, tolerated well")
        f.addRow("Needle length", self.length)
        f.addRow("Needle gauge", self.diameter)
        f.addRow(self.depth_label, self.depth)
        f.addRow("Needles", self.count)
        f.addRow("Technique", self.technique)
        f.addRow(self.dwell_label, self.dwell)
        self.estim_labels = [QLabel("E-stim frequency"), QLabel("E-stim intensity"),
                             QLabel("E-stim duration")]
        for label, w in zip(self.estim_labels, (self.freq, self.intensity_ma, self.duration)):
            f.addRow(label, w)
        f.addRow("LTR elicited", self.ltr)
        f.addRow("LTR count", self.ltr_count)
        f.addRow("Response", self.response)
        self.needle_page = fields.form_page(f)
        # pain zone
        f = QFormLayout()
        self.zone_intensity = OptionalInt(1, 10)
        self.zone_intensity.setRange(0, 10)
        self.zone_intensity.setToolTip("{:g} to {:g}".format(*LIMITS["intensity"]))
        self.zone_intensity.setSpecialValueText("")
        self.quality = Choice([(q.value.capitalize(), q) for q in PainQuality])
        self.source = Choice([("(none)", None)])
        f.addRow("Intensity (0-10)", self.zone_intensity)
        f.addRow("Quality", self.quality)
        f.addRow("From trigger point", self.source)
        self.culprits_button = QPushButton("What refers here?")
        self.culprits_button.setObjectName("zoneCulprits")
        self.culprits_button.setToolTip("The muscles whose referral patterns cover this zone, "
                                        "ranked; choose one to place its trigger point")
        self.culprits_button.clicked.connect(lambda: self.mark_id and self.culprits_requested.emit(
            self.mark_id, self.culprits_button.mapToGlobal(
                self.culprits_button.rect().bottomLeft())))
        f.addRow(self.culprits_button)
        self.zone_page = fields.form_page(f)
        # text note
        f = QFormLayout()
        self.text = QLineEdit()
        f.addRow("Text", self.text)
        self.text_page = fields.form_page(f)
        for page in (self.tp_page, self.needle_page, self.zone_page, self.text_page):
            self.pages.addWidget(page)
        for combo in self.form.findChildren(Choice):
            combo.setSizeAdjustPolicy(Choice.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        notes = QFormLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText("Free note")
        notes.addRow("Note", self.note)
        outer.addLayout(notes)
        self._connect()

    def _connect(self) -> None:
        def on(signal: Any, handler: Any) -> None:
            signal.connect(lambda *_: None if self._loading else handler())

        on(self.muscle.currentIndexChanged, self._muscle_side)
        on(self.side.currentIndexChanged, self._muscle_side)
        on(self.tp_kind.currentIndexChanged, lambda: self.edit(tp_kind=self.tp_kind.get()))
        on(self.tenderness.currentIndexChanged,
           lambda: self.edit(tenderness=self.tenderness.get()))
        self.show_referral.toggled.connect(self.referral_shown)
        self.referral_button.clicked.connect(
            lambda: self.mark_id and self.referral_zone_requested.emit(self.mark_id))
        on(self.length.valueChanged, lambda: self.edit(needle_length_mm=self.length.get()))
        on(self.diameter.currentIndexChanged,
           lambda: self.edit(needle_diameter_mm=self.diameter.get()))
        on(self.depth.valueChanged, self._depth_edited)
        on(self.count.valueChanged, lambda: self.edit(needle_count=self.count.get() or 1))
        on(self.technique.currentIndexChanged, self._technique)
        on(self.dwell.valueChanged, lambda: self.edit(dwell_min=self.dwell.get()))
        for w in (self.freq, self.intensity_ma, self.duration):
            on(w.valueChanged, self._estim)
        on(self.ltr.currentIndexChanged, self._ltr)
        on(self.ltr_count.valueChanged, lambda: self.edit(ltr_count=self.ltr_count.get()))
        on(self.response.textChanged, lambda: self.edit(response=self.response.text()))
        on(self.zone_intensity.valueChanged,
           lambda: self.edit(intensity=self.zone_intensity.value()))
        on(self.quality.currentIndexChanged, lambda: self.edit(quality=self.quality.get()))
        on(self.source.currentIndexChanged, lambda: self.edit(source_id=self.source.get()))
        on(self.text.textChanged, lambda: self.edit(text=self.text.text()))
        on(self.note.textChanged, lambda: self.edit(note=self.note.text()))

    # -- editing ----------------------------------------------------------------------------------
    @property
    def mark(self) -> Mark | None:
        try:
            return self.doc.visit.mark(self.mark_id) if self.mark_id else None
        except KeyError:
            return None

    def edit(self, undo_label: str = "", /, **values: Any) -> bool:
        """Push one EditMark on the selected mark; on a refused value, show why and put
        the widgets back to what is stored."""
        mark = self.mark
        if mark is None or self.doc.read_only:
            return False
        try:
            cmd = EditMark(self.doc, mark.id, undo_label, **values)
        except ValidationError as exc:
            self.error.setText(exc.message if hasattr(exc, "message") else str(exc))
            self.error.show()
            self._load(mark)
            return False
        if cmd.after == cmd.before:
            return True
        self.error.hide()
        self.doc.push(cmd)
        return True

    def _depth_edited(self) -> None:
        """A depth beyond the guidance of the hazard zone under the needle is confirmed
        first (the core says when: chart_checks.depth_beyond_guidance)."""
        mark, depth = self.mark, self.depth.get()
        question = (checks.depth_beyond_guidance(mark, self.atlas, depth)
                    if mark is not None and depth is not None else None)
        if question and QMessageBox.question(
                self, "Check the depth", f"{question}\n\nKeep {depth:g} mm?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            self._load(mark)  # type: ignore[arg-type]
            return
        self.edit(depth_mm=depth)

    def _muscle_side(self) -> None:
        mark = self.mark
        if mark is None:
            return
        muscle, side = self.muscle.get(), self.side.get()
        rid = f"{mark.view}.{muscle}.{side.value}" if muscle and side else None
        try:
            if rid is not None:
                self.atlas.region(rid)
        except KeyError:
            rid = None
        self.edit("Correct muscle and side", muscle=muscle, side=side, region_id=rid)

    def _technique(self) -> None:
        mark = self.mark
        chosen: Technique = self.technique.get()
        if not isinstance(mark, NeedleSite) or chosen is mark.technique:
            return
        refusal = estim_refusal(self.doc.patient)
        if chosen is Technique.ESTIM and refusal is not None:
            self.error.setText(refusal)
            self.error.show()
            self._load(mark)  # the combo goes back: refused, not silently ignored
            self.error.show()
            return
        values: dict[str, Any] = {"technique": chosen}
        if chosen is not Technique.ESTIM:
            values["estim"] = None  # parameters of a technique not used are not recorded
        if chosen is not Technique.STATIC:
            values["dwell_min"] = None
        self.edit(**values)

    def _estim(self) -> None:
        freq = self.freq.get()
        if freq is None:
            if self.intensity_ma.get() is not None or self.duration.get() is not None:
                self.error.setText("Set the e-stim frequency first.")
                self.error.show()
            self.edit(estim=None)
            return
        self.edit(estim=EStim(frequency_hz=freq, intensity_ma=self.intensity_ma.get(),
                              duration_min=self.duration.get()))

    def _ltr(self) -> None:
        elicited = self.ltr.get()
        values: dict[str, Any] = {"ltr_elicited": elicited}
        if elicited is False:
            values["ltr_count"] = None
        self.edit(**values)

    # -- showing ----------------------------------------------------------------------------------
    def set_mark(self, mark_id: str | None) -> None:
        """Show this mark (None: nothing selected)."""
        self.mark_id = mark_id
        self.error.hide()
        self._load(self.mark)

    def _on_changed(self, changes: Changes) -> None:
        if self.mark_id is None:
            return
        if self.mark is None:
            self.set_mark(None)
        elif "*" in changes.fields or self.mark_id in changes.marks_updated \
                or changes.marks_added or changes.marks_removed:
            self._load(self.mark)

    def _load(self, mark: Mark | None) -> None:
        self._loading = True
        try:
            self._fill(mark)
        finally:
            self._loading = False
        # Lay the rows out for what is shown now (rows hidden or shown for a technique),
        # not later on whichever event happens next: rows must not move after a message.
        self.pages.currentWidget().layout().invalidate()
        self.pages.updateGeometry()
        self.form.layout().invalidate()
        self.form.updateGeometry()

    def _fill(self, mark: Mark | None) -> None:
        self.form.setVisible(mark is not None)
        self.form.setEnabled(not self.doc.read_only)
        self.caution.hide()
        if mark is None:
            self.title.setText("No mark selected. Pick a tool and click the body." if
                               not self.doc.read_only else "Signed visit: read-only.")
            return
        where = self.atlas.muscle(mark.muscle).name if checks.muscle_of(mark, self.atlas) \
            else (mark.muscle or "not on a muscle")
        side = f" ({mark.side.label})" if mark.side else ""
        self.title.setText(f"{mark_name(mark).capitalize()}: {where}{side}")
        self.muscle.put(mark.muscle)
        self.side.put(mark.side)
        if self.note.text() != mark.note:
            self.note.setText(mark.note)
        if isinstance(mark, TriggerPoint):
            self.pages.setCurrentWidget(self.tp_page)
            self.tp_kind.put(mark.tp_kind)
            self.tenderness.put(mark.tenderness)
            has_referral = resolved_of(mark, self.atlas) is not None
            self.referral_button.setEnabled(has_referral and not self.doc.read_only)
            self.show_referral.setEnabled(has_referral)
            self.referral_button.setToolTip("" if has_referral else
                                            "No referral pattern is charted for this muscle")
        elif isinstance(mark, NeedleSite):
            self._fill_needle(mark)
        elif isinstance(mark, PainZone):
            self.pages.setCurrentWidget(self.zone_page)
            self.zone_intensity.setValue(mark.intensity)
            self.quality.put(mark.quality)
            sources = [(f"{'Active' if m.tp_kind is TriggerPointKind.ACTIVE else 'Latent'} TrP: "
                        f"{self._where(m)}", m.id) for m in self.doc.visit.marks
                       if isinstance(m, TriggerPoint)]
            self.source.set_items([("(none)", None)] + sources)
            self.source.put(mark.source_id)
        elif isinstance(mark, TextNote):
            self.pages.setCurrentWidget(self.text_page)
            if self.text.text() != mark.text:
                self.text.setText(mark.text)

    def _where(self, mark: Mark) -> str:
        muscle = checks.muscle_of(mark, self.atlas)
        name = muscle.name if muscle else "off muscle"
        return f"{name} ({mark.side.value})" if mark.side else name

    def _fill_needle(self, mark: NeedleSite) -> None:
        self.pages.setCurrentWidget(self.needle_page)
        self.length.put(mark.needle_length_mm)
        self.diameter.put(mark.needle_diameter_mm)
        self.depth.put(mark.depth_mm)
        self.count.put(mark.needle_count)
        self.technique.put(mark.technique)
        self.dwell.put(mark.dwell_min)
        static, estim = mark.technique is Technique.STATIC, mark.technique is Technique.ESTIM
        self.dwell.setVisible(static)
        self.dwell_label.setVisible(static)
        for label, w in zip(self.estim_labels, (self.freq, self.intensity_ma, self.duration)):
            label.setVisible(estim)
            w.setVisible(estim)
        self.freq.put(mark.estim.frequency_hz if mark.estim else None)
        self.intensity_ma.put(mark.estim.intensity_ma if mark.estim else None)
        self.duration.put(mark.estim.duration_min if mark.estim else None)
        self.ltr.put(mark.ltr_elicited)
        self.ltr_count.put(mark.ltr_count)
        self.ltr_count.setEnabled(mark.ltr_elicited is not False)
        if self.response.text() != mark.response:
            self.response.setText(mark.response)
        required = checks.depth_required(mark, self.atlas)
        missing = required and mark.depth_mm is None
        self.depth_label.setText(DEPTH_REQUIRED if required else "Depth")
        self.depth.setStyleSheet("background: #ffcdd2; border: 2px solid #b71c1c"
                                 if missing else "")
        text = checks.caution_text(mark, self.atlas)
        hazards = checks.hazards_of(mark, self.atlas)
        if text or hazards:
            head = "⚠ Caution" + (f" ({', '.join(h.replace('_', ' ') for h in hazards)})"
                                  if hazards else "")
            tail = " Record the needling depth." if missing else ""
            self.caution.setText(f"{head}: {text or 'hazard region.'}{tail}")
            self.caution.show()
        if estim and estim_refusal(self.doc.patient) is not None:
            self.error.setText("This site records e-stim, but the patient's record lists an "
                               "electrical implant: check this entry.")
            self.error.show()
