"""The printed chart read back by a real PDF reader (poppler): what a clinician, a
physician or a records clerk would find on paper."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from export_factory import chart, make_patient
from pdf_tools import needs_poppler, pdf_info, pdf_pages_text

from bodymap.atlas import load_atlas
from bodymap.model import PainZone, Patient, TriggerPoint, Visit, add_mark, set_visit_fields
from bodymap.model.timetext import time_text
from bodymap.printing.pdf import write_visit_pdf
from bodymap.services.records import Records

pytestmark = [needs_poppler, pytest.mark.usefixtures("gui_app")]
WORDS = ("scapula", "ipsilateral", "dermatome", "paraspinal", "occiput", "myofascial",
         "crepitus", "radiating", "tenderness", "palpation")


def _visits(records: Records, patient: Patient) -> list[Visit]:
    return [records.open_visit(s.id) for s in reversed(records.list_visits(patient.id))]


def _print(records: Records, patient: Patient, visits: list[Visit], path: Path,
           **kw: object) -> list[str]:
    pages = write_visit_pdf(records, patient, visits, path, clinic_name="Northside Physio",
                            **kw)  # type: ignore[arg-type]
    text = pdf_pages_text(path)
    assert len(text) == pages == int(pdf_info(path)["Pages"])
    return text


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_page_identifies_patient_and_counts_pages(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=3)
    pages = _print(records, patient, _visits(records, patient), tmp_path / "all.pdf")
    assert len(pages) >= 3  # each visit starts on its own page
    for n, page in enumerate(pages, start=1):
        assert "Ångström-Núñez, Zoë" in page
        assert "Chart no. ZA-1001" in page
        assert "Date of birth 1984-02-29" in page
        assert "Northside Physio" in page
        assert f"Page {n} of {len(pages)}" in page


def test_marks_table_lists_every_mark(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=1)
    visit = _visits(records, patient)[0]
    _print(records, patient, [visit], tmp_path / "v.pdf")
    text = _flat("\n".join(pdf_pages_text(tmp_path / "v.pdf", "-raw")))
    assert "Confidential medical record" in text  # no ligature glyphs in the text
    assert f"Marks ({len(visit.marks)})" in text
    for needle in ("Upper trapezius", "Infraspinatus", "Trigger point, active", "Needle site",
                   "Pain zone, burning, 6/10", "2 × 40 mm", "15 mm", "Electrical",
                   "stimulation", "2 Hz, 3 mA, 10", "yes (2)", "referred from #1",
                   "bruise from fall", "Response: familiar pain", "visit 1"):
        assert needle in text, needle
    for label in ("NPRS", "before 7/10, after 3/10", "used 4, removed 4 (reconciled)",
                  "Obtained (2026-01-05)", "Bruising", "Pain extent"):
        assert label in text, label


def test_draft_has_watermark_and_no_signature(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=1)
    pages = _print(records, patient, _visits(records, patient), tmp_path / "d.pdf")
    assert all("DRAFT" in page for page in pages)  # the watermark is on every page
    text = _flat("\n".join(pages))
    assert "DRAFT — NOT SIGNED" in text
    assert "Electronically signed" not in text


def test_signed_visit_shows_signature_and_addenda(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=2)
    signed = _visits(records, patient)[0]
    assert signed.signed and signed.signed_at is not None
    text = _flat("\n".join(_print(records, patient, [signed], tmp_path / "s.pdf")))
    assert f"Electronically signed by Anna Berg, PT on {time_text(signed.signed_at)}" in text
    assert "DRAFT" not in text
    assert "Addenda (1)" in text and "Phoned next day: headache gone." in text


def test_long_note_flows_onto_further_pages_without_loss(records: Records, tmp_path: Path):
    patient = records.create_patient(chart_number="L-1", family_name="Long",
                                     date_of_birth=date(1970, 1, 1))
    visit = records.start_visit(patient.id, clinician="A. Berg")
    for region in ("posterior.upper_trapezius.L", "posterior.infraspinatus.R",
                   "posterior.gluteus_medius.R", "posterior.gastrocnemius.R"):
        chart(visit, region)
    words = [f"{WORDS[i % len(WORDS)]}{i}" for i in range(5000)]
    set_visit_fields(visit, subjective=" ".join(words),
                     plan="\n".join(f"Step {i}: review." for i in range(60)))
    records.save_visit(visit)
    pages = _print(records, patient, [records.open_visit(visit.id)], tmp_path / "long.pdf")
    assert len(pages) >= 5
    found = set(" ".join(pages).split())
    missing = [w for w in words if w not in found]
    assert not missing, f"{len(missing)} words lost, e.g. {missing[:5]}"
    assert "Step 59: review." in _flat("\n".join(pages))
    for n, page in enumerate(pages, start=1):
        assert "Chart no. L-1" in page and f"Page {n} of {len(pages)}" in page


def test_many_marks_table_continues_with_its_header(records: Records, tmp_path: Path):
    patient = records.create_patient(chart_number="M-1", family_name="Many")
    visit = records.start_visit(patient.id, clinician="A. Berg")
    regions = ["posterior.upper_trapezius.L", "posterior.upper_trapezius.R",
               "posterior.infraspinatus.R", "posterior.infraspinatus.L",
               "posterior.gluteus_medius.R", "posterior.gluteus_medius.L",
               "posterior.gastrocnemius.R", "posterior.soleus.R"] * 3
    for region in regions:
        chart(visit, region, note="taut band, jump sign")
    records.save_visit(visit)
    pages = _print(records, patient, [records.open_visit(visit.id)], tmp_path / "many.pdf")
    n = len(visit.marks)
    text = _flat("\n".join(pdf_pages_text(tmp_path / "many.pdf", "-raw")))
    for k in range(1, n + 1):
        assert re.search(rf"(^| ){k} (Trigger point|Needle site|Pain zone)", text), k
    table_pages = [p for p in pages if "Technique" in p]
    assert len(table_pages) >= 2  # the header is repeated where the table continues


@pytest.mark.parametrize(("size", "points"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_page_sizes(records: Records, tmp_path: Path, size: str, points: str):
    patient = make_patient(records, visits=1)
    path = tmp_path / f"{size}.pdf"
    _print(records, patient, _visits(records, patient), path, page_size=size)
    assert pdf_info(path)["Page size"].startswith(points)


def test_empty_chart_prints_front_and_back(records: Records, tmp_path: Path):
    patient = records.create_patient(chart_number="E-1", family_name="Empty")
    visit = records.start_visit(patient.id, clinician="A. Berg")
    text = _flat("\n".join(_print(records, patient, [visit], tmp_path / "e.pdf")))
    assert "Anterior (front) view" in text and "Posterior (back) view" in text
    assert "No marks charted." in text and "Marks (0)" in text


def test_a_count_that_agrees_with_itself_but_not_with_the_chart_does_not_reconcile(
        records: Records, tmp_path: Path):
    patient = make_patient(records, visits=1)
    visit = _visits(records, patient)[0]
    charted = visit.charted_needles()
    set_visit_fields(visit, needles_used=charted - 1, needles_removed=charted - 1)
    records.save_visit(visit)
    text = _flat("\n".join(_print(records, patient, [records.open_visit(visit.id)],
                                  tmp_path / "n.pdf")))
    assert (f"used {charted - 1}, removed {charted - 1} — DOES NOT RECONCILE: {charted} "
            "charted at needle sites") in text
    assert "(reconciled)" not in text


def _zone_around(region_id: str) -> tuple[tuple[float, float], ...]:
    x, y = load_atlas().region(region_id).anchor
    return ((x - 6, y - 6), (x + 6, y - 6), (x, y + 8))


def test_pain_zone_rows_name_their_muscle_side_and_source(records: Records, tmp_path: Path):
    """A zone prints as the chart names it (muscle, patient's side); "referred from #N"
    only when it is linked to trigger point N; a zone drawn on its own is a pain zone."""
    patient = records.create_patient(chart_number="Z-1", family_name="Zones")
    visit = records.start_visit(patient.id, clinician="A. Berg")
    x, y = load_atlas().region("posterior.supraspinatus.L").anchor
    tp = TriggerPoint(view="posterior", x=x, y=y, region_id="posterior.supraspinatus.L",
                      muscle="supraspinatus", side="L")
    add_mark(visit, tp)
    add_mark(visit, PainZone(view="posterior",
                             points=_zone_around("posterior.deltoid_middle.L"),
                             region_id="posterior.deltoid_middle.L", muscle="deltoid_middle",
                             side="L", source_id=tp.id, intensity=6))
    add_mark(visit, PainZone(view="posterior",
                             points=_zone_around("posterior.gluteus_medius.R"),
                             region_id="posterior.gluteus_medius.R", muscle="gluteus_medius",
                             side="R", intensity=4, quality="sharp"))
    records.save_visit(visit)
    _print(records, patient, [records.open_visit(visit.id)], tmp_path / "z.pdf")
    text = _flat("\n".join(pdf_pages_text(tmp_path / "z.pdf", "-raw")))
    linked = text[text.index("2 Pain zone"):text.index("3 Pain zone")]
    drawn = text[text.index("3 Pain zone"):text.index("Subjective")]
    assert "Deltoid, middle (posterior) left" in linked  # muscle, then the patient's side
    assert "referred from #1" in linked
    assert "Gluteus medius (posterior) right" in drawn
    assert "referred" not in drawn
    assert "referred pain" not in text


def test_an_unrecorded_ltr_prints_a_dash_not_a_broken_word(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=1)
    visit = _visits(records, patient)[0]
    site = next(m for m in visit.marks if m.kind == "needle_site")
    from bodymap.model import update_mark

    update_mark(visit, site.id, ltr_elicited=None, ltr_count=None)
    records.save_visit(visit)
    _print(records, patient, [records.open_visit(visit.id)], tmp_path / "l.pdf")
    text = "\n".join(pdf_pages_text(tmp_path / "l.pdf", "-layout"))
    assert not re.search(r"\brecorde\b", text)  # "not recorded" broke as "recorde" / "d"


def test_the_procedure_code_is_printed_as_stored_or_as_suggested(records: Records,
                                                                 tmp_path: Path):
    patient = make_patient(records, visits=2)  # the first signed, the second a draft
    signed, draft = _visits(records, patient)
    text = _flat("\n".join(_print(records, patient, [signed], tmp_path / "s.pdf")))
    assert "Procedure code (CPT) 20560 — 1 or 2 muscles" in text
    assert "suggested" not in text  # a signed visit prints the code it was signed with
    set_visit_fields(draft, procedure_code="20561")
    text = _flat("\n".join(_print(records, patient, [draft], tmp_path / "d.pdf")))
    assert "20561 — 3 or more muscles, chosen by the clinician" in text


def test_the_hazard_zone_is_named_beside_the_needle_site(records: Records, tmp_path: Path):
    patient = make_patient(records, visits=1)  # upper trapezius, over the first ribs
    (visit,) = _visits(records, patient)
    _print(records, patient, [visit], tmp_path / "v.pdf")
    text = _flat("\n".join(pdf_pages_text(tmp_path / "v.pdf", "-raw")))
    assert "Over: Lung and pleura (pneumothorax)" in text
    assert text.count("Over: ") == 1  # the infraspinatus site lies over the scapula's body
