"""Helpers shared by the storage tests: fully populated records, file fingerprints."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from bodymap.model import (
    EStim,
    NeedleSite,
    PainZone,
    Patient,
    TextNote,
    TriggerPoint,
    Visit,
    add_mark,
    set_visit_fields,
)

IST = timezone(timedelta(hours=5, minutes=30))


def file_state(path: Path) -> tuple[str, int]:
    """What a user would call "the file": its bytes (hash) and modification time."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


def full_patient(**over: object) -> dict[str, object]:
    """Every patient field set, in several scripts."""
    fields: dict[str, object] = dict(
        chart_number="ÅZ-0042", family_name="Ångström", given_names="Zoë Renée",
        date_of_birth=date(1984, 2, 29), sex="female", phone="+46 70 123 45 67",
        email="zoë@example.se", address="Storgatan 1\n114 55 Stockholm 🇸🇪",
        precautions={"anticoagulants": "apixaban 5 mg", "lymphoedema": "left arm, 2019"},
        notes="Prefers Swedish; 左肩 pain; ملاحظة 🩺")
    fields.update(over)
    return fields


def fill_visit(visit: Visit) -> Visit:
    """Give a draft visit every field and one mark of each kind."""
    tp = TriggerPoint(view="posterior", x=212.125, y=301.0000001, side="L",
                      region_id="posterior.upper_trapezius.L", muscle="upper_trapezius",
                      tp_kind="latent", tenderness=3, note="جهة اليسار 🔥")
    add_mark(visit, tp)
    add_mark(visit, NeedleSite(view="posterior", x=214.5, y=299.25, side="L",
                               region_id="posterior.upper_trapezius.L",
                               muscle="upper_trapezius", needle_length_mm=40,
                               needle_diameter_mm=0.25, depth_mm=18.5, needle_count=2,
                               technique="estim", estim=EStim(frequency_hz=2, intensity_ma=3.5,
                                                              duration_min=15),
                               ltr_elicited=True, ltr_count=4, response="局部抽搐 ✓"))
    add_mark(visit, PainZone(view="left_lateral", points=((10.5, 20.25), (30, 20), (25, 45.75)),
                             intensity=7, quality="burning", source_id=tp.id, note="temple"))
    add_mark(visit, TextNote(view="anterior", x=300, y=150, text="Zoë: no e-stim near 🫀"))
    set_visit_fields(visit, consent_obtained=True, consent_date=date(2026, 1, 5),
                     precautions_reviewed=True, subjective="Neck pain 6/10 — «worse» at desk",
                     objective="TrP L upper trapezius, جهة اليسار", assessment="MPS 肌筋膜",
                     plan="Reassess in 1 week 🗓", instructions="Hydrate; soreness 24-48 h",
                     nprs_before=6, nprs_after=3, pressure_pain_threshold="3.1 kg/cm²",
                     range_of_motion="Cervical rotation L 60°", needles_used=2,
                     needles_removed=2, adverse_events=frozenset({"bruising", "drowsiness"}),
                     adverse_event_notes="Small bruise ≈ 1 cm")
    return visit


def new_patient(**over: object) -> Patient:
    return Patient(**full_patient(**over))  # type: ignore[arg-type]


def aware(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


HOLDER_SCRIPT = """
import sys
from pathlib import Path
from bodymap.services.records import Records
r = Records.open(Path(sys.argv[1]), user="holder")
print("ready", flush=True)
sys.stdin.read()  # hold the database until the parent closes our stdin
r.close()
"""


def spawn_holder(data_dir: Path) -> subprocess.Popen[str]:
    """A second, real bodymap process that opens the database and keeps it open."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER_SCRIPT, str(data_dir)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", f"holder did not start: {line!r}"
    return proc


def make_database(data_dir: Path, patients: int = 3) -> Path:
    """A closed bodymap database with a few patients and a signed visit; returns its path."""
    from bodymap.services.records import Records

    with Records.open(data_dir, user="setup") as r:
        made = [r.create_patient(**full_patient(chart_number=f"P-{i}", notes="x" * 3000))
                for i in range(patients)]
        visit = fill_visit(r.start_visit(made[0].id))
        r.save_visit(visit)
        r.sign_visit(visit.id)
    return data_dir / "bodymap.sqlite"


def kill(proc: subprocess.Popen[str]) -> None:
    """SIGKILL a child (as a crash would) and close its pipes."""
    proc.kill()
    proc.communicate()
