"""Gates that `make test` runs: ruff over the code, tests, benchmarks and tools, and
`mypy --strict` over the Qt-free core (model, storage, services). Their settings are in
pyproject.toml; the versions are pinned in the test extras."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent))
    assert path, f"{name} is a test dependency; reinstall with the test extras"
    return path


def test_ruff_finds_nothing() -> None:
    proc = subprocess.run([_tool("ruff"), "check", "--no-cache", "src", "tests", "bench",
                           "tools"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_core_is_clean_under_mypy_strict() -> None:
    proc = subprocess.run([_tool("mypy"), "--strict", "--no-incremental",
                           "--cache-dir", "/dev/null", "src/bodymap/model",
                           "src/bodymap/storage", "src/bodymap/services"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
