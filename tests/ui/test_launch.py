"""The app as a clinician starts it: a real process, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    return subprocess.run([sys.executable, "-m", "bodymap", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_smoke_test_opens_and_paints_the_main_window(tmp_path):
    proc = run_app("--data-dir", str(tmp_path / "d"), "--demo", "--smoke-test",
                   tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "bodymap smoke-test ok" in proc.stdout
    assert (tmp_path / "d" / "bodymap.sqlite").exists()


def test_start_up_holds_the_garbage_collector_off_until_the_first_paint(tmp_path):
    """Start-up builds objects that live all session; the collector is off until the
    window has painted, then on again with what start-up built frozen out of its scans.
    A verb, or a start that fails, leaves it on as well."""
    child = ("import gc, sys; from bodymap.app import main; "
             f"rc = main(['--data-dir', {str(tmp_path / 'd')!r}, '--smoke-test']); "
             "print('gui', gc.isenabled(), gc.get_freeze_count() > 0); gc.unfreeze(); "
             f"main(['--data-dir', {str(tmp_path / 'd')!r}, 'info']); "
             "print('verb', gc.isenabled(), gc.get_freeze_count()); sys.exit(rc)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "gui True True" in proc.stdout
    assert "verb True 0" in proc.stdout


def test_an_unusable_settings_folder_does_not_stop_the_records(tmp_path):
    """XDG_CONFIG_HOME naming a file: the verbs and the window run on default settings."""
    (tmp_path / "not-a-folder").write_text("x")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "not-a-folder"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    data = str(tmp_path / "d")
    for args in (["--data-dir", data, "info"], ["--data-dir", data, "--smoke-test"]):
        proc = subprocess.run([sys.executable, "-m", "bodymap", *args], capture_output=True,
                              text=True, timeout=120, env=env)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr


def test_version(tmp_path):
    proc = run_app("--version", tmp_path=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("bodymap ")


def test_unusable_database_gets_a_message_not_a_traceback(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "bodymap.sqlite").write_bytes(b"this is a spreadsheet, not a database" * 50)
    before = (data / "bodymap.sqlite").read_bytes()
    proc = run_app("--data-dir", str(data), "--smoke-test", tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "smoke-test failed" in proc.stderr
    assert (data / "bodymap.sqlite").read_bytes() == before


def test_damaged_pages_found_after_the_first_paint_still_stop_the_app(tmp_path):
    """The quick_check runs beside the first paint: a file whose header is sound but whose
    pages are not must still end in the message, with the file and its backups unchanged."""
    data = tmp_path / "d"
    assert run_app("--data-dir", str(data), "--demo", "--smoke-test",
                   tmp_path=tmp_path).returncode == 0
    db = data / "bodymap.sqlite"
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    assert len(raw) > 8 * page
    raw[3 * page:6 * page] = os.urandom(3 * page)
    db.write_bytes(bytes(raw))
    backups = sorted(p.name for p in (data / "backups").iterdir())
    proc = run_app("--data-dir", str(data), "--smoke-test", tmp_path=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "damaged" in proc.stderr
    assert f"Restore the latest backup from the folder {data / 'backups'}" in proc.stderr
    assert db.read_bytes() == bytes(raw)
    assert sorted(p.name for p in (data / "backups").iterdir()) == backups


def test_cli_verbs(tmp_path):
    data = str(tmp_path / "d")
    assert run_app("--data-dir", data, "--demo", "--smoke-test", tmp_path=tmp_path).returncode == 0
    info = run_app("--data-dir", data, "info", tmp_path=tmp_path)
    assert info.returncode == 0 and "patients:" in info.stdout
    verify = run_app("--data-dir", data, "verify", tmp_path=tmp_path)
    assert verify.returncode == 0 and verify.stdout.startswith("ok:"), verify.stderr
    backup = run_app("--data-dir", data, "backup", tmp_path=tmp_path)
    assert backup.returncode == 0 and "backup written" in backup.stdout


def test_automatic_backup_copies_what_changed(qapp, tmp_path):
    """Hourly while open and on closing: a copy only when the session wrote since its last
    copy (or no backup exists), replacing the session's own earlier copy of the day. A
    read-only session (a CLI 'info') must not leave the day's only backup a copy of an
    empty database, nor push older days out of the rotation."""
    import sqlite3

    from bodymap.services.records import Records
    from bodymap.storage.backup import regular_backups
    from bodymap.ui.launch import _backup_if_due

    data = tmp_path / "d"
    with Records.open(data, user="PT"):
        pass  # a fresh, empty database ('bodymap info' on a new folder): nothing to copy
    assert regular_backups(data) == []
    with Records.open(data, user="PT") as records:
        records.create_patient(chart_number="A-1", family_name="Aalto")
    (first,) = regular_backups(data)  # wrote: the close keeps a copy
    with Records.open(data, user="PT"):
        pass  # nothing written: nothing copied
    assert regular_backups(data) == [first]
    records = Records.open(data, user="PT")
    try:
        _backup_if_due(records)
        assert regular_backups(data) == [first]  # idle: still nothing to copy
        records.create_patient(chart_number="B-1", family_name="Berg")
        _backup_if_due(records)
        first_kept, second = regular_backups(data)  # another session's copy is kept
        assert first_kept == first
        records.backup_now()  # on request: never replaced by an automatic copy
        requested = regular_backups(data)[-1]
        records.create_patient(chart_number="B-2", family_name="Berg")
    finally:
        records.close()  # wrote since the hourly copy: the closing copy replaces it
    backups = regular_backups(data)
    assert first in backups and requested in backups and second not in backups
    last = backups[-1]
    conn = sqlite3.connect(last)
    try:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 3
    finally:
        conn.close()


def test_verify_reports_a_tampered_audit_trail(tmp_path):
    import sqlite3

    data = tmp_path / "d"
    assert run_app("--data-dir", str(data), "--demo", "--smoke-test",
                   tmp_path=tmp_path).returncode == 0
    conn = sqlite3.connect(data / "bodymap.sqlite")
    triggers = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit'")]
    for name in triggers:  # as someone editing the file outside bodymap would
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE audit SET who = 'someone else' WHERE seq = 3")
    conn.commit()
    conn.close()
    proc = run_app("--data-dir", str(data), "verify", tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "AUDIT TRAIL PROBLEM: Audit entry #3 was altered" in proc.stderr
    assert f"restore the latest backup ({data / 'backups'}{os.sep}bodymap-" in proc.stderr


def test_integrity_watch_reports_damage_found_after_the_window_is_up(qapp, qtbot, tmp_path,
                                                                     capsys, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from bodymap.services.records import Records
    from bodymap.storage import CorruptDatabaseError
    from bodymap.ui.launch import _IntegrityWatch

    data = tmp_path / "d"
    with Records.open(data, user="PT") as records:
        for i in range(60):
            records.create_patient(chart_number=f"C-{i}", family_name="Doe",
                                   given_names="Jane", notes="x" * 2000)
    db = data / "bodymap.sqlite"
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[4 * page:7 * page] = os.urandom(3 * page)
    db.write_bytes(bytes(raw))
    records = Records.open(data, user="PT", check_in_background=True)
    ended: list[str] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: ended.append(f"exit {code}"))
    monkeypatch.setattr(QApplication, "quit", lambda: ended.append("quit"))
    try:
        watch = _IntegrityWatch(records, smoke_test=True)
        qtbot.waitUntil(lambda: watch.error is not None, timeout=10_000)
        assert isinstance(watch.error, CorruptDatabaseError)
        # Ends the event loop without asking the windows to close: a visit window with
        # unsaved edits could otherwise cancel and keep the app on the damaged file.
        assert ended == ["exit 2"]
        assert watch.verdict() is watch.error  # asked again (after exec): same, said once
        assert capsys.readouterr().err.count("smoke-test failed") == 1
    finally:
        records.close()
    assert db.read_bytes() == bytes(raw)



def test_warm_up_loads_the_visit_window_code_and_the_atlas(qapp):
    """Scheduled a second after the first paint, so the first visit opened does not wait
    for them; start-up itself still loads neither (see test_main_window)."""
    import sys

    from bodymap.atlas import current_atlas_version
    from bodymap.atlas.versions import loaded_atlas_versions
    from bodymap.ui.launch import warm_up

    warm_up(0)
    assert "bodymap.ui.visit.window" in sys.modules
    assert "bodymap.ui.chart.editor" in sys.modules
    warm_up(1)
    assert current_atlas_version() in loaded_atlas_versions()
