"""`bodymap print` as a batch job: a subprocess with no display at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from export_factory import make_patient
from pdf_tools import needs_poppler, pdf_info, pdf_pages_text

from bodymap.services.records import Records

pytestmark = needs_poppler


def bodymap(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "st"))
    return subprocess.run([sys.executable, "-m", "bodymap", *args], capture_output=True,
                          text=True, env=env, timeout=180)


def test_print_latest_all_and_one_visit_with_no_screen(tmp_path: Path):
    data = tmp_path / "data"
    with Records.open(data, user="Anna") as records:
        patient = make_patient(records, visits=3)
        oldest = records.list_visits(patient.id)[-1].id
    runs = {"latest": "DRAFT — NOT SIGNED", "all": "Phoned next day", oldest: "Phoned next day"}
    for which, expected in runs.items():
        out = tmp_path / f"{which[:8]}.pdf"
        proc = bodymap("print", "--data-dir", str(data), "--patient", "ZA-1001", "--visit",
                       which, "-o", str(out), "--page-size", "Letter", "--clinic", "Northside",
                       tmp_path=tmp_path)
        assert proc.returncode == 0, proc.stderr
        pages = pdf_pages_text(out)
        assert f"{len(pages)} page(s)" in proc.stdout
        assert pdf_info(out)["Page size"].startswith("612 x 792")
        assert all("Chart no. ZA-1001" in p and "Northside" in p for p in pages)
        assert expected in " ".join(" ".join(pages).split())
    no_clinic = bodymap("print", "--data-dir", str(data), "--patient", "ZA-1001", "--visit",
                        "all", "-o", str(tmp_path / "a.pdf"), tmp_path=tmp_path)
    assert "3 visit(s)" in no_clinic.stdout
    # no clinic name anywhere: the header slot stays blank on paper, the terminal says why
    assert "no clinic name" in no_clinic.stderr and "--clinic" in no_clinic.stderr
    assert not any("Preferences" in p or "not set" in p
                   for p in pdf_pages_text(tmp_path / "a.pdf"))


def test_print_refuses_unknown_patient_or_visit(tmp_path: Path):
    data = tmp_path / "data"
    with Records.open(data, user="Anna") as records:
        make_patient(records, visits=1)
    proc = bodymap("print", "--data-dir", str(data), "--patient", "NOPE", "-o",
                   str(tmp_path / "x.pdf"), tmp_path=tmp_path)
    assert proc.returncode == 1 and "no patient has chart number" in proc.stderr
    proc = bodymap("print", "--data-dir", str(data), "--patient", "ZA-1001", "--visit",
                   "not-a-visit", "-o", str(tmp_path / "x.pdf"), tmp_path=tmp_path)
    assert proc.returncode == 1 and "is not a visit of ZA-1001" in proc.stderr
    assert not (tmp_path / "x.pdf").exists()
