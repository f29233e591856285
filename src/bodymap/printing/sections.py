"""What a printed visit says, section by section, as page pieces: key facts (consent,
screening, NPRS, pain extent, needle count, adverse events), the chart, the marks table,
SOAP notes, the signature block (or DRAFT notice) and the addenda."""

from __future__ import annotations

from datetime import date

from bodymap.atlas import Atlas
from bodymap.model import (
    Mark,
    NeedleSite,
    PainZone,
    Patient,
    TextNote,
    TriggerPoint,
    Visit,
)
from bodymap.model.coding import procedure_code, short_text
from bodymap.model.timetext import time_text
from bodymap.printing.chart_page import chart_pieces, hazard_mark_ids
from bodymap.printing.layout import Piece, Typeset, spacer
from bodymap.printing.tables import (
    Column,
    boxed,
    heading,
    key_value_pieces,
    paragraph,
    table_pieces,
)
from bodymap.services.chart_checks import visit_pain_extent, zone_names
from bodymap.services.pain_extent import format_extent

MARK_COLUMNS = (Column("#", 0.04), Column("Type", 0.15), Column("Muscle", 0.16),
                Column("Side", 0.055), Column("Needle", 0.12), Column("Depth", 0.085),
                Column("Technique", 0.14), Column("LTR", 0.07), Column("Note", 0.18))
SOAP = (("Subjective", "subjective"), ("Objective", "objective"),
        ("Assessment", "assessment"), ("Plan", "plan"),
        ("Post-treatment instructions", "instructions"))


def fmt_date(day: date | None) -> str:
    return day.isoformat() if day else "not recorded"


def _num(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:g} {unit}"


def muscle_name(mark: Mark, atlas: Atlas) -> str:
    if not mark.muscle:
        return "off the muscles"
    try:
        return atlas.muscle(mark.muscle).name
    except KeyError:
        return mark.muscle.replace("_", " ")


def mark_row(number: int, mark: Mark, atlas: Atlas, numbers: dict[str, int],
             hazard: bool) -> list[str]:
    """One row of the marks table (MARK_COLUMNS)."""
    side = mark.side.label if mark.side else "—"
    try:
        view = atlas.view(mark.view).title.split(" (")[0].split(",")[0]
    except KeyError:
        view = mark.view
    muscle = f"{muscle_name(mark, atlas)} ({view.lower()})"
    needle = depth = technique = ltr = "—"
    notes = [mark.note] if mark.note else []
    if isinstance(mark, TriggerPoint):
        kind = f"Trigger point, {mark.tp_kind.value}"
        if mark.tenderness is not None:
            kind += f" (tenderness {mark.tenderness}/3)"
    elif isinstance(mark, NeedleSite):
        kind = "Needle site"
        needle = f"{mark.needle_count} × {_num(mark.needle_length_mm, 'mm')}"
        if mark.needle_diameter_mm is not None:
            needle += f", ⌀ {mark.needle_diameter_mm:g} mm"
        depth = _num(mark.depth_mm, "mm")
        if hazard:
            depth += " (hazard region)" if mark.depth_mm is not None else \
                " — hazard region, depth not recorded"
            if zones := zone_names(mark, atlas):  # by location, where the atlas has zones
                notes.insert(0, f"Over: {zones}")
        technique = mark.technique.label
        if mark.dwell_min is not None:
            technique += f", dwell {mark.dwell_min:g} min"
        if mark.estim is not None:
            e = mark.estim
            technique += f", {e.frequency_hz:g} Hz"
            if e.intensity_ma is not None:
                technique += f", {e.intensity_ma:g} mA"
            if e.duration_min is not None:
                technique += f", {e.duration_min:g} min"
        if mark.ltr_elicited is None:
            ltr = "—"  # not recorded, as the other columns show it (the words broke here)
        else:
            ltr = "yes" if mark.ltr_elicited else "no"
            if mark.ltr_count:
                ltr += f" ({mark.ltr_count})"
        if mark.response:
            notes.append(f"Response: {mark.response}")
    elif isinstance(mark, PainZone):
        # Muscle and side are where the zone lies, as the chart names it; only a zone
        # linked to a trigger point is referred pain, and the row says from which one.
        kind = f"Pain zone, {mark.quality.value}, {mark.intensity}/10"
        if mark.source_id in numbers:
            kind += f", referred from #{numbers[mark.source_id]}"
    elif isinstance(mark, TextNote):
        kind = "Text note"
        notes.insert(0, mark.text)
    else:  # pragma: no cover - every mark kind is listed above
        kind = mark.kind
    return [str(number), kind, muscle, side, needle, depth, technique, ltr, "\n".join(notes)]


def _facts(patient: Patient, visit: Visit, atlas: Atlas) -> list[tuple[str, str]]:
    consent = (f"Obtained ({fmt_date(visit.consent_date)})" if visit.consent_obtained
               else "NOT RECORDED")
    precautions = "; ".join(f"{flag.label}" + (f": {note}" if note else "")
                            for flag, note in patient.precautions.items()) or "None recorded"
    nprs = (f"before {'—' if visit.nprs_before is None else visit.nprs_before}/10, "
            f"after {'—' if visit.nprs_after is None else visit.nprs_after}/10")
    extent = visit.pain_extent
    if not extent and any(isinstance(m, PainZone) for m in visit.marks):
        # stored by the editor; a record charted elsewhere (an import) may lack it
        extent = visit_pain_extent(visit, atlas)
    if extent:
        parts = [f"{k} {format_extent(v)}" for k, v in extent.items() if k != "total"]
        pain = f"total {format_extent(extent.get('total', 0.0))} of the body outline"
        pain += f" ({', '.join(parts)})" if parts else ""
    else:
        pain = "no pain zones drawn"
    used, removed = visit.needles_used, visit.needles_removed
    count = f"used {'—' if used is None else used}, removed {'—' if removed is None else removed}"
    charted = visit.charted_needles()
    if visit.needle_count_reconciles():
        count += " (reconciled)"
    elif used is not None and used == removed:
        count += f" — DOES NOT RECONCILE: {charted} charted at needle sites"
    else:
        count += " — DOES NOT RECONCILE"
    events = ", ".join(e.label for e in sorted(visit.adverse_events, key=lambda e: e.value))
    adverse = events or "None recorded"
    if visit.adverse_event_notes.strip():
        adverse += f". {visit.adverse_event_notes.strip()}"
    items = [("Consent for dry needling", consent),
             ("Precautions reviewed", "Yes" if visit.precautions_reviewed else "NO"),
             ("Patient precautions", precautions),
             ("NPRS (0-10)", nprs), ("Pain extent", pain), ("Needle count", count),
             ("Adverse events", adverse), ("Procedure code (CPT)", _procedure(visit))]
    if visit.pressure_pain_threshold.strip():
        items.append(("Pressure pain threshold", visit.pressure_pain_threshold))
    if visit.range_of_motion.strip():
        items.append(("Range of motion", visit.range_of_motion))
    return items


def _procedure(visit: Visit) -> str:
    code = procedure_code(visit)
    if visit.signed and visit.procedure_code is None:
        return "Not recorded (signed before procedure codes were kept)"
    text = short_text(code) if code else "None"
    if not visit.signed:
        text += (", suggested from the muscles needled" if visit.procedure_code is None
                 else ", chosen by the clinician")
    return text


def _signature(ts: Typeset, visit: Visit, width: float) -> Piece:
    bold, body = ts.font(9.5, bold=True), ts.font(8.5)
    if visit.signed and visit.signed_at is not None:
        lines = [(f"Electronically signed by {visit.signed_by} on "
                  f"{time_text(visit.signed_at)}", bold),
                 ("Signed records are not changed; corrections follow as dated addenda.", body)]
        for req, reason in visit.sign_overrides.items():
            lines.append((f"Signed although not met: {req.label}. Reason: {reason}", body))
    else:
        lines = [("DRAFT — NOT SIGNED", ts.font(12, bold=True)),
                 ("This visit record is incomplete and is not a signed clinical note.", body)]
    return boxed(ts, lines, width, border=1.0 if visit.signed else 2.0)


def visit_pieces(ts: Typeset, patient: Patient, visit: Visit, width: float,
                 page_height: float, atlas: Atlas) -> list[Piece]:
    """Everything printed for one visit, starting on a new page."""
    numbers = {m.id: i for i, m in enumerate(visit.marks, start=1)}
    hazards = set(hazard_mark_ids(visit.marks, atlas))
    max_row = page_height * 0.5
    pieces: list[Piece] = [spacer(0.0, new_page=True, context=visit)]
    pieces += key_value_pieces(ts, _facts(patient, visit, atlas), width, max_row)
    pieces += heading(ts, "Chart", width)
    pieces += chart_pieces(ts, visit, width, page_height * 0.45, numbers, atlas)
    pieces += heading(ts, f"Marks ({len(visit.marks)})", width)
    if visit.marks:
        rows = [mark_row(numbers[m.id], m, atlas, numbers, m.id in hazards)
                for m in visit.marks]
        pieces += table_pieces(ts, MARK_COLUMNS, rows, width, max_row)
    else:
        pieces += paragraph(ts, "", width, empty="No marks charted.")
    for title, name in SOAP:
        pieces += heading(ts, title, width)
        pieces += paragraph(ts, getattr(visit, name), width)
    pieces += heading(ts, "Signature", width)
    pieces.append(_signature(ts, visit, width))
    if visit.addenda:
        pieces += heading(ts, f"Addenda ({len(visit.addenda)}) — added after signing; the "
                              "signed record above is unchanged", width)
        for addendum in visit.addenda:
            pieces += heading(ts, f"{time_text(addendum.created_at)} · {addendum.author}",
                              width, size=9, space_before=5)
            pieces += paragraph(ts, addendum.text, width)
    return pieces
