"""`bodymap export` and `bodymap import` as a clinic would run them: subprocesses, no
screen, plain messages, non-zero exit on a refused file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from export_factory import make_patient, row_counts

from bodymap.services.records import Records


def bodymap(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "st"))
    env.pop("QT_QPA_PLATFORM", None)  # the verbs must cope with no screen on their own
    return subprocess.run([sys.executable, "-m", "bodymap", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_export_then_import_into_another_data_dir(tmp_path: Path):
    source, target = tmp_path / "clinic", tmp_path / "other"
    with Records.open(source, user="Anna") as records:
        make_patient(records)
    out = tmp_path / "zoe.json"
    proc = bodymap("export", "--data-dir", str(source), "--patient", "ZA-1001", "-o",
                   str(out), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "2 visit(s)" in proc.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["patient"]["chart_number"] == "ZA-1001"
    proc = bodymap("--data-dir", str(target), "import", str(out), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "imported Ångström-Núñez, Zoë (ZA-1001) with 2 visit(s)" in proc.stdout
    # the same file again: refused, and said so
    proc = bodymap("import", "--data-dir", str(target), str(out), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "already in this database" in proc.stderr and "Nothing was written" in proc.stderr


def test_bad_file_and_unknown_chart_number(tmp_path: Path):
    data = tmp_path / "data"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bodymap-patient-export", "version": 7}', encoding="utf-8")
    proc = bodymap("import", "--data-dir", str(data), str(bad), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "version 7" in proc.stderr
    with Records.open(data, user="x") as records:
        assert row_counts(records)["patients"] == 0
    proc = bodymap("export", "--data-dir", str(data), "--patient", "NOPE", "-o",
                   str(tmp_path / "x.json"), tmp_path=tmp_path)
    assert proc.returncode == 1 and "no patient has chart number 'NOPE'" in proc.stderr
    assert not (tmp_path / "x.json").exists()


def test_fhir_export_from_the_command_line(tmp_path: Path):
    from fhir.resources.R4B.bundle import Bundle

    data = tmp_path / "clinic"
    with Records.open(data, user="Anna") as records:
        patient = make_patient(records, visits=2)
        draft = next(s.id for s in records.list_visits(patient.id) if s.status.value == "draft")
    out = tmp_path / "zoe-fhir.json"
    proc = bodymap("export", "--data-dir", str(data), "--patient", "ZA-1001", "--format",
                   "fhir", "-o", str(out), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "FHIR R4 bundle of ZA-1001, 1 visit(s)" in proc.stdout
    bundle = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    (doc,) = [e["resource"] for e in bundle["entry"]
              if e["resource"]["resourceType"] == "DocumentReference"]
    import base64

    pdf = base64.b64decode(doc["content"][0]["attachment"]["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000  # the printed chart itself
    # one draft visit: refused unless drafts are asked for, and then marked
    proc = bodymap("export", "--data-dir", str(data), "--patient", "ZA-1001", "--format",
                   "fhir", "--visit", draft, "-o", str(tmp_path / "d.json"), tmp_path=tmp_path)
    assert proc.returncode == 1 and "no signed visit" in proc.stderr
    assert not (tmp_path / "d.json").exists()
    proc = bodymap("export", "--data-dir", str(data), "--patient", "ZA-1001", "--format",
                   "fhir", "--visit", draft, "--drafts", "-o", str(tmp_path / "d.json"),
                   tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert '"code": "draft"' in (tmp_path / "d.json").read_text(encoding="utf-8")
    # options that only make sense for FHIR, and a folder that is not there
    proc = bodymap("export", "--data-dir", str(data), "--patient", "ZA-1001", "--drafts",
                   "-o", str(tmp_path / "x.json"), tmp_path=tmp_path)
    assert proc.returncode == 1 and "--format fhir" in proc.stderr
    proc = bodymap("export", "--data-dir", str(data), "--patient", "ZA-1001", "--format",
                   "fhir", "-o", str(tmp_path / "missing" / "b.json"), tmp_path=tmp_path)
    assert proc.returncode == 1 and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr
