"""The single-writer lock cannot be sidestepped, nothing of the data folder is followed
through a link, every file is owner-only, and the verbs that read change nothing: they
run beside the open app and on a write-protected copy."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from fault_tools import fingerprint, make_data, run, run_process

from bodymap.services.records import Records
from bodymap.storage import DatabaseLockedError, StorageError
from bodymap.storage.lock import WriterLock

READ_VERBS = (("info",), ("verify",),
              ("print", "--patient", "ZA-1001", "--visit", "all"),
              ("export", "--patient", "ZA-1001"))


def _read_all(capsys, data: Path, out: Path) -> None:
    for verb in READ_VERBS:
        extra = ("-o", str(out / f"{verb[0]}.out")) if verb[0] in ("print", "export") else ()
        code, stdout, err = run(capsys, "--data-dir", str(data), *verb, *extra)
        assert code == 0, f"{verb[0]}: {err}"
        assert stdout and "Traceback" not in err


def test_removing_the_lock_file_lets_no_second_writer_in(tmp_path, monkeypatch):
    monkeypatch.setattr(WriterLock, "READER_WAIT", 0.2)
    data = make_data(tmp_path / "data")
    with Records.open(data, user="Anna") as first:
        for how in ("delete", "rename"):
            lock = data / "bodymap.sqlite.lock"
            if how == "delete":
                lock.unlink()
            else:
                lock.rename(data / "moved.lock")
            with pytest.raises(DatabaseLockedError, match="in use"):
                Records.open(data, user="Ben")
        first.create_patient(chart_number="ZA-2", family_name="Ito", given_names="Kei")


def test_links_in_the_data_folder_are_never_followed(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    lock = data / "bodymap.sqlite.lock"
    lock.unlink()
    lock.symlink_to(victim)
    with pytest.raises(StorageError, match="symbolic link"):
        Records.open(data, user="Anna")
    assert victim.read_text() == "keep me"
    lock.unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data / "backups").rename(tmp_path / "old-backups")
    (data / "backups").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run(capsys, "--data-dir", str(data), "backup")
    assert code == 2 and "symbolic link" in err
    assert list(elsewhere.iterdir()) == []


def _modes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): oct(stat.S_IMODE(p.lstat().st_mode))
            for p in [folder, *folder.rglob("*")]}


def test_the_data_folder_is_owner_only_whatever_the_umask(tmp_path, capsys):
    old = os.umask(0o022)
    try:
        data = tmp_path / "data"
        with Records.open(data, user="Anna") as records:
            records.create_patient(chart_number="ZA-1", family_name="Ito", given_names="Kei")
            records.backup_now()
            open_modes = _modes(data)
        assert {"bodymap.sqlite-wal", "bodymap.sqlite-shm"} <= set(open_modes)
        closed = _modes(data)
        assert all(mode == ("0o700" if (data / name).is_dir() or name == "." else "0o600")
                   for name, mode in {**open_modes, **closed}.items()), (open_modes, closed)
        # a folder from before (or a copy) is tightened on open
        for path in [data, *data.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        Records.open(data, user="Anna").close()
        assert set(_modes(data).values()) == {"0o700", "0o600"}
        code, _, err = run(capsys, "--data-dir", str(data), "export", "--patient", "ZA-1",
                           "-o", str(tmp_path / "out.json"))
        assert code == 0, err
        assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_reading_verbs_change_nothing_in_a_rollback_journal_copy(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    conn = sqlite3.connect(data / "bodymap.sqlite")  # a copy put in place by hand
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = fingerprint(data)
    out = tmp_path / "out"
    out.mkdir()
    _read_all(capsys, data, out)
    assert fingerprint(data) == before


def test_reading_verbs_work_on_a_write_protected_copy(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    for path in [*data.rglob("*"), data]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    before = fingerprint(data)
    out = tmp_path / "out"
    out.mkdir()
    try:
        _read_all(capsys, data, out)
        code, stdout, _ = run(capsys, "--data-dir", str(data), "verify")
        assert code == 0 and stdout.startswith("ok")
        assert fingerprint(data) == before
    finally:
        for path in [data, *data.rglob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)


APP = """
import sys, time
from bodymap.services.records import Records
records = Records.open(sys.argv[1], user="Anna")
records.create_patient(chart_number="ZA-9", family_name="Open", given_names="App")
print("open", flush=True)
sys.stdin.readline()
records.create_patient(chart_number="ZA-10", family_name="Still", given_names="Writing")
records.close()
print("closed", flush=True)
"""


def test_reading_verbs_run_beside_the_open_app(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    app = subprocess.Popen([sys.executable, "-c", APP, str(data)], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "open"
        out = tmp_path / "out"
        out.mkdir()
        _read_all(capsys, data, out)
        code, stdout, _ = run(capsys, "--data-dir", str(data), "info")
        assert "patients:  2" in stdout  # the app's committed patient, read through its log
        code, _, err = run(capsys, "--data-dir", str(data), "backup")
        assert code == 2 and "in use" in err  # a writer is still refused
        app.stdin.write("\n")
        app.stdin.flush()
        assert app.stdout.readline().strip() == "closed"  # and the app wrote on
    finally:
        app.kill()
        app.wait()
    with Records.open(data, user="Anna") as records:
        assert records.patient_count() == 3


def test_restore_refuses_a_pipe_beside_the_database(tmp_path):
    data = make_data(tmp_path / "data")
    backup = next((data / "backups").glob("*.sqlite"))
    os.mkfifo(data / "bodymap.sqlite-wal")  # copying it aside would block forever
    proc = run_process("--data-dir", str(data), "restore", str(backup), timeout=60)
    assert proc.returncode == 2 and "named pipe" in proc.stderr, proc.stderr
