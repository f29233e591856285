"""Reading PDFs back with poppler-utils (pdfinfo, pdftotext), as the print tests do."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdfinfo, pdftotext) not installed; "
                        "tools/ensure-system-libs.sh base installs it")


def pdf_pages_text(path: Path, mode: str = "-layout") -> list[str]:
    """The text of each page as pdftotext extracts it: ``-layout`` keeps the page's
    arrangement (headers, footers), ``-raw`` the drawing order (a table cell's lines
    together)."""
    out = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in
                                                   out.splitlines())}
