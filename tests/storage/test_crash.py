"""A crash at any instant leaves the last committed state: a writer is SIGKILLed at random
moments, over and over, on the same database file."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bodymap.services.records import Records

KILLS = 55
WRITER = r"""
import random, sys
from pathlib import Path
from bodymap.model import TriggerPoint, add_mark, set_visit_fields
from bodymap.services.records import Records

r = Records.open(Path(sys.argv[1]), user="crash-test")
run = sys.argv[2]
i = 0
while True:
    p = r.create_patient(chart_number=f"{run}-{i}", family_name="Ångström", given_names="Zoë")
    print("P", p.id, flush=True)
    v = r.start_visit(p.id)
    print("V", v.id, 0, flush=True)
    for k in range(3):
        add_mark(v, TriggerPoint(view="posterior", x=10.0 * k, y=20.0 * k, side="L"))
        set_visit_fields(v, subjective="Neck pain " * random.randint(1, 800))
        r.save_visit(v)  # marks + fields + audit: one transaction
        print("V", v.id, len(v.marks), flush=True)
    i += 1
"""


def _collect(stream, lines: list[str]) -> None:
    for line in stream:
        if line.endswith("\n"):  # a line cut by the kill was never fully reported
            lines.append(line)


@pytest.mark.slow
def test_every_reported_commit_survives_random_sigkills(tmp_path: Path):
    data_dir = tmp_path / "data"
    rng = random.Random(20260123)
    patients: set[str] = set()
    visit_marks: dict[str, int] = {}
    for run in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), f"R{run}"],
                                stdout=subprocess.PIPE, text=True, encoding="utf-8")
        lines: list[str] = []
        reader = threading.Thread(target=_collect, args=(proc.stdout, lines))
        reader.start()
        # Start-up takes ~0.25 s: some kills land while opening, most while writing.
        time.sleep(rng.uniform(0.1, 0.55))
        proc.kill()
        proc.wait()
        reader.join()
        proc.stdout.close()  # type: ignore[union-attr]
        for line in lines:
            kind, ident, *rest = line.split()
            if kind == "P":
                patients.add(ident)
            else:
                visit_marks[ident] = max(visit_marks.get(ident, 0), int(rest[0]))
        db_file = data_dir / "bodymap.sqlite"
        if not db_file.exists():  # killed before it created the database (a slow start)
            assert not lines, f"run {run} reported commits but left no database"
            continue
        conn = sqlite3.connect(db_file)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"after run {run}"
        conn.close()
    assert len(patients) > KILLS, "the writer hardly ever got to commit: test is not testing"

    with Records.open(data_dir, user="checker") as records:
        for pid in patients:
            records.get_patient(pid)  # raises if a reported commit was lost
        for vid, count in visit_marks.items():
            assert len(records.open_visit(vid).marks) >= count, vid
        verification = records.verify_audit()
        assert verification.ok, verification.problem
