"""Every menu action of the main window and the visit window, run in a pytest of its own
(tests/ui/menu_crawl.py) so that a crash inside Qt fails this test with the crash report
rather than ending the whole run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CRAWL = Path(__file__).with_name("menu_crawl.py")


def test_every_menu_action_opens_paints_and_closes_without_a_crash(tmp_path: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "pytest", str(CRAWL), "-q", "-p",
         "no:cacheprovider", f"--basetemp={tmp_path / 'crawl'}"],
        cwd=CRAWL.parents[2], env=env, capture_output=True, text=True, timeout=600)
    report = (result.stdout + result.stderr)[-6000:]
    assert result.returncode >= 0, f"the app crashed (signal {-result.returncode}):\n{report}"
    assert result.returncode == 0, report
    assert "3 passed" in result.stdout, report
