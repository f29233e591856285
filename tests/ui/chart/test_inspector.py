"""The inspector edits the selected mark; safety rules (hazard depth, e-stim) hold."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bodymap.model import EStim, PainQuality, Side, Technique, TriggerPointKind
from bodymap.services.chart_checks import is_incomplete
from bodymap.ui.chart import Tool, incomplete_needle_sites
from tests.ui.chart.conftest import click_region, drag, stored


def test_trigger_point_type_and_tenderness(qtbot, editor):
    click_region(qtbot, editor, "posterior.gluteus_medius.R", Tool.TRIGGER_ACTIVE)
    ins = editor.inspector
    mark_id = editor.doc.visit.marks[0].id
    ins.tp_kind.put(TriggerPointKind.LATENT)
    ins.tenderness.put(3)
    mark = editor.doc.visit.mark(mark_id)
    assert mark.tp_kind is TriggerPointKind.LATENT and mark.tenderness == 3
    editor.doc.undo_stack.undo()
    assert editor.doc.visit.mark(mark_id).tenderness is None
    assert ins.tenderness.get() is None  # the inspector follows undo
    editor.doc.undo_stack.redo()
    assert ins.tenderness.get() == 3


def test_needle_details_technique_ltr_and_response(qtbot, editor):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    site_id = editor.doc.visit.marks[0].id
    ins.length.setValue(50)
    ins.diameter.put(0.30)
    ins.depth.setValue(35)
    ins.count.setValue(2)
    ins.technique.put(Technique.STATIC)
    assert ins.dwell.isVisibleTo(ins)
    ins.dwell.setValue(15)
    ins.ltr.put(True)
    ins.ltr_count.setValue(4)
    ins.response.setText("familiar pain reproduced")
    ins.note.setText("patient prone")
    site = editor.doc.visit.mark(site_id)
    assert (site.needle_length_mm, site.needle_diameter_mm, site.depth_mm, site.needle_count,
            site.technique, site.dwell_min, site.ltr_elicited, site.ltr_count, site.response,
            site.note) == (50, 0.30, 35, 2, Technique.STATIC, 15, True, 4,
                           "familiar pain reproduced", "patient prone")
    ins.technique.put(Technique.ESTIM)
    assert not ins.dwell.isVisibleTo(ins) and ins.freq.isVisibleTo(ins)
    ins.freq.setValue(2)
    ins.intensity_ma.setValue(3.5)
    ins.duration.setValue(10)
    site = editor.doc.visit.mark(site_id)
    assert site.technique is Technique.ESTIM and site.dwell_min is None
    assert site.estim == EStim(frequency_hz=2, intensity_ma=3.5, duration_min=10)
    qtbot.waitUntil(lambda: editor.doc.visit.mark(site_id) in stored(editor).marks,
                    timeout=1000)


def test_hazard_region_shows_the_caution_and_requires_depth(qtbot, editor, atlas):
    click_region(qtbot, editor, "anterior.pectoralis_major.L", Tool.NEEDLE)
    ins = editor.inspector
    site = editor.doc.visit.marks[0]
    caution = atlas.muscle("pectoralis_major").caution
    assert ins.caution.isVisibleTo(ins) and caution in ins.caution.text()
    assert "thorax" in ins.caution.text() and "required" in ins.depth_label.text()
    assert incomplete_needle_sites(editor.doc.visit, atlas) == [site]
    item = editor.canvas.item(site.id)
    assert item.caution and item.incomplete
    ins.depth.setValue(18)
    assert incomplete_needle_sites(editor.doc.visit, atlas) == []
    assert not editor.canvas.item(site.id).incomplete and editor.canvas.item(site.id).caution
    # a site off the hazards: no caution, depth optional
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    assert not ins.caution.isVisibleTo(ins)
    assert not is_incomplete(editor.doc.visit.marks[-1], atlas)


def test_estim_is_refused_for_a_patient_with_an_electrical_implant(qtbot, make_editor):
    editor = make_editor(implant=True)
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    site_id = editor.doc.visit.marks[0].id
    steps = editor.doc.undo_stack.count()
    ins.technique.put(Technique.ESTIM)
    assert editor.doc.visit.mark(site_id).technique is Technique.PISTONING
    assert ins.technique.get() is Technique.PISTONING  # the choice visibly goes back
    assert ins.error.isVisibleTo(ins)
    assert "pacemaker" in ins.error.text() and "refused" in ins.error.text()
    assert editor.doc.undo_stack.count() == steps


def test_estim_is_allowed_without_an_implant(qtbot, editor):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    editor.inspector.technique.put(Technique.ESTIM)
    assert editor.doc.visit.marks[0].technique is Technique.ESTIM
    assert not editor.inspector.error.isVisibleTo(editor.inspector)


def test_impossible_value_is_refused_with_a_reason(qtbot, editor):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    ins.length.setValue(25)
    ins.depth.setValue(40)  # deeper than the needle is long
    assert editor.doc.visit.marks[0].depth_mm is None
    assert ins.depth.get() is None
    assert "cannot exceed" in ins.error.text() and ins.error.isVisibleTo(ins)


def test_clinician_corrects_muscle_and_side(qtbot, editor, atlas):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.TRIGGER_ACTIVE)
    ins = editor.inspector
    ins.muscle.put("vastus_medialis")
    ins.side.put(Side.RIGHT)
    mark = editor.doc.visit.marks[0]
    assert (mark.muscle, mark.side) == ("vastus_medialis", Side.RIGHT)
    assert mark.region_id == "anterior.vastus_medialis.R"
    assert "Vastus medialis (right)" in ins.title.text()


def test_zone_intensity_quality_and_source(qtbot, editor):
    click_region(qtbot, editor, "posterior.gluteus_medius.R", Tool.TRIGGER_ACTIVE)
    tp = editor.doc.visit.marks[0]
    editor.set_tool(Tool.ZONE_LASSO)
    drag(editor, [(330, 520), (380, 520), (380, 580), (330, 580), (330, 521)])
    zone = editor.doc.visit.marks[-1]
    ins = editor.inspector
    assert ins.pages.currentWidget() is ins.zone_page
    ins.zone_intensity.setValue(8)
    ins.quality.put(PainQuality.BURNING)
    ins.source.put(tp.id)
    zone = editor.doc.visit.mark(zone.id)
    assert (zone.intensity, zone.quality, zone.source_id) == (8, PainQuality.BURNING, tp.id)


def test_text_note_typing_replaces_the_placeholder(qtbot, editor):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.TEXT)
    ins = editor.inspector
    assert ins.text.hasSelectedText()
    qtbot.keyClicks(ins.text, "Bruise from last visit")
    assert editor.doc.visit.marks[0].text == "Bruise from last visit"
    ins.text.setText("Hématome")  # non-ASCII goes in through setText
    assert editor.doc.visit.marks[0].text == "Hématome"
    ins.text.setText("")
    assert editor.doc.visit.marks[0].text == "Hématome"  # a note needs text
    assert "required" in ins.error.text()
    qtbot.keyClick(ins.text, Qt.Key.Key_A)


def site(editor):
    """The first mark as saved (autosave flushed)."""
    editor.doc.save_now()
    return stored(editor).marks[0]


def _type(qtbot, box, text: str, *, enter: bool = True) -> None:
    """Type into a spin box as a person does: select all, digits, then Enter."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    if enter:
        qtbot.keyClick(box, Qt.Key.Key_Return)


def test_typed_numbers_take_effect_whole_not_keystroke_by_keystroke(qtbot, editor):
    """'45' mm on a 30 mm needle must not be stored as the '4' typed on the way (a depth
    nobody entered, at a site over the lung); '40' mm of length must not fail at its '4'
    against a 20 mm depth."""
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    _type(qtbot, ins.length, "30")
    assert site(editor).needle_length_mm == 30
    _type(qtbot, ins.depth, "45")
    assert site(editor).depth_mm is None and ins.depth.get() is None
    assert "cannot exceed" in ins.error.text()
    _type(qtbot, ins.depth, "20")
    assert site(editor).depth_mm == 20 and not ins.error.isVisibleTo(ins)
    _type(qtbot, ins.length, "40")
    assert site(editor).needle_length_mm == 40 and site(editor).depth_mm == 20
    assert not ins.error.isVisibleTo(ins)


def test_digits_still_being_typed_are_kept_when_the_chart_commits_them(qtbot, editor):
    from bodymap.ui.chart.fields import commit_typed

    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    _type(qtbot, ins.length, "50")
    _type(qtbot, ins.depth, "35", enter=False)
    assert site(editor).depth_mm is None  # not entered yet
    commit_typed(ins)  # what closing or signing the visit does first
    assert site(editor).depth_mm == 35


def test_typing_into_an_empty_dash_field_replaces_the_dash(qtbot, editor):
    click_region(qtbot, editor, "anterior.rectus_femoris.L", Tool.NEEDLE)
    ins = editor.inspector
    ins.length.setValue(50)
    assert ins.depth.text() == "—"
    qtbot.mouseClick(ins.depth.lineEdit(), Qt.MouseButton.LeftButton)  # click, no select-all
    qtbot.wait(20)
    qtbot.keyClicks(ins.depth, "45")
    qtbot.keyClick(ins.depth, Qt.Key.Key_Return)
    assert site(editor).depth_mm == 45
