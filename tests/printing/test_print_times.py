"""Paper gives times as the screen does: local time with its UTC offset, in the page
header (the visit), the signature and the footer ("printed ...")."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from export_factory import make_patient
from pdf_tools import needs_poppler, pdf_pages_text

from bodymap.model.timetext import time_text
from bodymap.printing.pdf import write_visit_pdf

PRINTED = datetime(2026, 12, 4, 19, 5, tzinfo=UTC)


@needs_poppler
def test_visit_signature_and_printed_time_are_local_with_the_offset(gui_app, records,
                                                                    tmp_path: Path,
                                                                    local_zone):
    local_zone("America/Bogota")  # UTC−05:00 all year
    patient = make_patient(records, visits=2)
    signed = records.open_visit(records.list_visits(patient.id)[1].id)
    assert signed.signed_at is not None
    write_visit_pdf(records, patient, [signed], tmp_path / "v.pdf", printed_at=PRINTED)
    pages = pdf_pages_text(tmp_path / "v.pdf")
    assert all("Visit 2026-01-05 04:00 \u221205:00" in page for page in pages)
    assert all("printed 2026-12-04 14:05 \u221205:00" in page for page in pages)
    assert time_text(signed.signed_at).endswith("\u221205:00")
    assert f"on {time_text(signed.signed_at)}" in " ".join(pages)
    assert not any("UTC" in page for page in pages)
