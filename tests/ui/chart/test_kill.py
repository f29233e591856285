"""Autosave survives a SIGKILL: every edit the editor reported as committed is stored."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bodymap.services.records import Records

CHILD = Path(__file__).with_name("kill_child.py")
REPO = Path(__file__).resolve().parents[3]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_nothing_committed_is_lost_when_the_app_is_killed(tmp_path, seed):
    data = tmp_path / "data"
    with Records.open(data, user="Kill Test") as records:
        patient = records.create_patient(chart_number="K-1", family_name="Kill")
        visit_id = records.start_visit(patient.id).id
    kill_after = random.Random(seed).randint(2, 8)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]))
    child = subprocess.Popen([sys.executable, str(CHILD), str(data), visit_id],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    committed: list[str] = []
    try:
        assert child.stdout is not None
        while len(committed) < kill_after:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"child ended early: {child.stderr.read()}")  # type: ignore[union-attr]
            committed.append(line.strip())
        child.send_signal(signal.SIGKILL)  # no clean-up of any kind
    finally:
        child.kill()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    with Records.open(data, user="After Kill") as records:
        stored = {m.id for m in records.open_visit(visit_id).marks}
        assert set(committed) <= stored
        assert records.verify_audit().problem is None
        with records._db.snapshot() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
