"""CSV of a visit's marks: one row per mark, numbered as on the printed chart, with every
recorded field in its own column (units in the column names), for spreadsheets and audits.

Text cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed
with an apostrophe: a note typed as "=HYPERLINK(...)" must stay text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from bodymap.atlas import load_atlas
from bodymap.model import Mark, NeedleSite, PainZone, TextNote, TriggerPoint, Visit
from bodymap.model.coding import procedure_code
from bodymap.services.output import write_output

COLUMNS = ("number", "id", "kind", "view", "region_id", "muscle", "muscle_name", "side",
           "x", "y", "tp_kind", "tenderness_0_3", "needle_count", "needle_length_mm",
           "needle_diameter_mm", "depth_mm", "technique", "dwell_min", "estim_frequency_hz",
           "estim_intensity_ma", "estim_duration_min", "ltr_elicited", "ltr_count",
           "response", "intensity_0_10", "quality", "source_number", "point_count", "text",
           "note", "created_at", "atlas_version", "procedure_code")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return "" if value is None else value


def mark_record(number: int, mark: Mark, numbers: dict[str, int],
                atlas_version: int = 1) -> dict[str, Any]:
    """The CSV row of one mark as a dict keyed by COLUMNS (missing = not applicable); x and
    y are in the diagram units of the atlas version the visit was charted on."""
    atlas = load_atlas(atlas_version)
    try:
        muscle_name = atlas.muscle(mark.muscle).name if mark.muscle else ""
    except KeyError:
        muscle_name = ""
    x, y = mark.anchor
    row: dict[str, Any] = {
        "number": number, "id": mark.id, "kind": mark.kind, "view": mark.view,
        "region_id": mark.region_id, "muscle": mark.muscle, "muscle_name": muscle_name,
        "side": mark.side.value if mark.side else None, "x": round(x, 3), "y": round(y, 3),
        "note": mark.note, "created_at": mark.created_at.isoformat(),
        "atlas_version": atlas_version}
    if isinstance(mark, TriggerPoint):
        row.update(tp_kind=mark.tp_kind.value, tenderness_0_3=mark.tenderness)
    elif isinstance(mark, NeedleSite):
        row.update(needle_count=mark.needle_count, needle_length_mm=mark.needle_length_mm,
                   needle_diameter_mm=mark.needle_diameter_mm, depth_mm=mark.depth_mm,
                   technique=mark.technique.value, dwell_min=mark.dwell_min,
                   ltr_elicited=None if mark.ltr_elicited is None else
                   ("yes" if mark.ltr_elicited else "no"),
                   ltr_count=mark.ltr_count, response=mark.response)
        if mark.estim is not None:
            row.update(estim_frequency_hz=mark.estim.frequency_hz,
                       estim_intensity_ma=mark.estim.intensity_ma,
                       estim_duration_min=mark.estim.duration_min)
    elif isinstance(mark, PainZone):
        row.update(intensity_0_10=mark.intensity, quality=mark.quality.value,
                   source_number=numbers.get(mark.source_id or ""),
                   point_count=len(mark.points))
    elif isinstance(mark, TextNote):
        row.update(text=mark.text)
    return row


def marks_csv(visit: Visit) -> str:
    """The visit's marks as CSV text (header row first, RFC 4180 quoting, \\r\\n)."""
    numbers = {m.id: i for i, m in enumerate(visit.marks, start=1)}
    code = procedure_code(visit)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="raise")
    writer.writeheader()
    for mark in visit.marks:
        record = mark_record(numbers[mark.id], mark, numbers, visit.atlas_version)
        record["procedure_code"] = code  # the visit's, on each of its rows
        writer.writerow({k: _safe(record.get(k)) for k in COLUMNS})
    return out.getvalue()


def write_marks_csv(visit: Visit, path: Path | str) -> None:
    """Write :func:`marks_csv` as UTF-8 with a BOM (so spreadsheet programs detect UTF-8
    and show names in any script correctly), through :func:`write_output`."""
    write_output(path, marks_csv(visit).encode("utf-8-sig"))
