"""A full disk, bad output paths and damaged files: a clear message, a non-zero exit, no
partial output file and nothing changed beside the database."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from fault_tools import fill, fingerprint, make_data, run, run_process

from bodymap.services.records import Records
from bodymap.storage import CorruptDatabaseError, StorageError


def _on_full_disk(tmp_path: Path, disk: Path) -> Path:
    data = make_data(tmp_path / "data")
    target = disk / "data"
    target.mkdir()
    shutil.copy2(data / "bodymap.sqlite", target / "bodymap.sqlite")
    (target / "bodymap.sqlite.lock").touch()
    (target / "bodymap.sqlite.lock").chmod(0o600)
    (disk / "out").mkdir()
    fill(disk)
    return target


def test_a_full_disk_gives_messages_and_never_a_partial_file(tmp_path, small_disk, capsys):
    data = _on_full_disk(tmp_path, small_disk)
    before = fingerprint(data)
    out = small_disk / "out"
    for verb, name in (("print", "chart.pdf"), ("export", "record.json")):
        code, _, err = run(capsys, "--data-dir", str(data), verb, "--patient", "ZA-1001",
                           "-o", str(out / name))
        assert code == 1, err
        assert "the disk is full" in err and "Nothing was written" in err
        assert "Traceback" not in err
    assert list(out.iterdir()) == []  # no 0-byte PDF, no temporary file
    code, _, err = run(capsys, "--data-dir", str(data), "info")
    assert code == 0, err  # reading needs no space
    code, _, err = run(capsys, "--data-dir", str(data), "backup")
    assert code == 2 and "the disk is full" in err and "Traceback" not in err
    # the app's start takes the same path: a message it can show, not an OSError
    with pytest.raises(StorageError, match="the disk is full"):
        Records.open(data, user="Anna")
    assert fingerprint(data) == before


@pytest.mark.parametrize("case", ["missing folder", "onto a folder", "read-only folder"])
@pytest.mark.parametrize("verb", ["print", "export"])
def test_bad_output_paths_are_refused_with_a_message(tmp_path, capsys, verb, case):
    data = make_data(tmp_path / "data")
    target = {"missing folder": tmp_path / "nowhere" / "out.file",
              "onto a folder": tmp_path / "a-folder",
              "read-only folder": tmp_path / "locked" / "out.file"}[case]
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "locked").mkdir(mode=0o555)
    code, out, err = run(capsys, "--data-dir", str(data), verb, "--patient", "ZA-1001",
                         "-o", str(target))
    assert code == 1 and "wrote" not in out
    assert str(target) in err and "Nothing was written" in err
    assert {"missing folder": "does not exist", "onto a folder": "is a folder",
            "read-only folder": "read-only"}[case] in err
    assert not target.is_file() and list((tmp_path / "locked").iterdir()) == []


@pytest.mark.parametrize("entry", ["bodymap.sqlite", "bodymap.sqlite.lock"])
def test_a_folder_where_a_file_belongs_is_refused(tmp_path, capsys, entry):
    data = tmp_path / "data"
    data.mkdir()
    if entry != "bodymap.sqlite":
        make_data(data)
    (data / entry).unlink(missing_ok=True)
    (data / entry).mkdir()
    for verb in ("info", "backup"):
        code, _, err = run(capsys, "--data-dir", str(data), verb)
        assert code == 2 and f"{entry} is a folder" in err and "Traceback" not in err


def test_a_pipe_as_the_database_is_refused_without_being_opened(tmp_path):
    data = make_data(tmp_path / "data")
    (data / "bodymap.sqlite").unlink()
    os.mkfifo(data / "bodymap.sqlite")
    for verb in ("info", "verify", "backup"):
        proc = run_process("--data-dir", str(data), verb, timeout=60)  # hung before
        assert proc.returncode == 2 and "is a named pipe" in proc.stderr, proc.stderr
    assert stat.S_ISFIFO((data / "bodymap.sqlite").lstat().st_mode)


def test_a_database_one_byte_short_is_refused_and_nothing_made_beside_it(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    db = data / "bodymap.sqlite"
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size - 1)
    before = fingerprint(data)
    for verb in ("info", "verify", "backup"):
        code, _, err = run(capsys, "--data-dir", str(data), verb)
        assert code == 2 and "truncated" in err, err
    with pytest.raises(CorruptDatabaseError, match="truncated"):
        Records.open(data, user="Anna")
    assert fingerprint(data) == before  # no -wal, no -shm, no byte changed


def test_a_damaged_wal_mode_file_gets_no_journal_files_beside_it(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    db = data / "bodymap.sqlite"
    raw = bytearray(db.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[2 * page:4 * page] = b"\xa5" * (2 * page)
    db.write_bytes(bytes(raw))
    before = fingerprint(data)
    for verb in ("info", "backup"):
        code, _, err = run(capsys, "--data-dir", str(data), verb)
        assert code == 2 and "damaged" in err
    assert fingerprint(data) == before


def test_a_database_the_user_may_not_read_gets_a_message(tmp_path, capsys, monkeypatch):
    # Root reads any file whatever its mode: the refusal an ordinary user meets is injected.
    import builtins

    data = make_data(tmp_path / "data")
    db = str(data / "bodymap.sqlite")

    def guarded(real):
        def call(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and os.fspath(path) == db:
                raise PermissionError(13, "Permission denied", db)
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(builtins, "open", guarded(builtins.open))
    monkeypatch.setattr(os, "open", guarded(os.open))
    for verb in ("info", "backup"):
        code, _, err = run(capsys, "--data-dir", str(data), verb)
        assert code == 2, err
        assert "permission denied" in err and "bodymap.sqlite" in err
