"""Read-only view of one visit as a record: what was charted, noted, counted and signed.

The chart editor replaces this for drafts; for signed visits this stays the way to read the
record with its addenda underneath the original.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from bodymap.model import NeedleSite, PainZone, Patient, TextNote, TriggerPoint, Visit


def _row(label: str, value: str) -> str:
    return f"<tr><th align=left valign=top>{escape(label)}</th><td>{value}</td></tr>"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>") if value.strip() else "<i>—</i>"


def _site(m: object) -> str:
    muscle = getattr(m, "muscle", None)
    side = getattr(m, "side", None)
    name = muscle.replace("_", " ") if muscle else "off-muscle"
    return escape(f"{name} ({side.label})" if side else name)


def _mark_line(m: object) -> str:
    if isinstance(m, TriggerPoint):
        extra = f"{m.tp_kind.value} trigger point"
        if m.tenderness is not None:
            extra += f", tenderness {m.tenderness}/3"
    elif isinstance(m, NeedleSite):
        parts = [f"needle site ×{m.needle_count}", m.technique.label.lower()]
        if m.needle_length_mm:
            parts.append(f"{m.needle_length_mm:g} mm needle")
        if m.depth_mm:
            parts.append(f"depth {m.depth_mm:g} mm")
        if m.ltr_elicited is not None:
            parts.append("LTR " + (f"×{m.ltr_count}" if m.ltr_count else
                                   ("yes" if m.ltr_elicited else "none")))
        extra = ", ".join(parts)
    elif isinstance(m, PainZone):
        extra = f"referred pain, {m.quality.value}, intensity {m.intensity}/10"
    elif isinstance(m, TextNote):
        extra = f"note: {m.text}"
    else:
        extra = type(m).__name__
    note = f" — {getattr(m, 'note')}" if getattr(m, "note", "") else ""
    return f"<li>{_site(m)}: {escape(extra + note)}</li>"


def visit_html(patient: Patient, visit: Visit) -> str:
    """The record of ``visit`` as HTML (all user text escaped)."""
    when = visit.started_at.astimezone()
    rows = [
        _row("Patient", escape(f"{patient.display_name} (chart {patient.chart_number})")),
        _row("Date", escape(f"{when:%Y-%m-%d %H:%M}")),
        _row("Clinician", escape(visit.clinician)),
        _row("Consent", "recorded" + (f" {visit.consent_date:%Y-%m-%d}" if visit.consent_date
                                      else "") if visit.consent_obtained else
             "<b>not recorded</b>"),
        _row("Precautions reviewed", "yes" if visit.precautions_reviewed else "<b>no</b>"),
        _row("NPRS", escape(f"{visit.nprs_before if visit.nprs_before is not None else '–'} "
                            f"before → {visit.nprs_after if visit.nprs_after is not None else '–'}"
                            " after")),
        _row("Needles", escape(f"{visit.needles_used if visit.needles_used is not None else '–'}"
                               f" used, {visit.needles_removed if visit.needles_removed is not None else '–'}"
                               " removed")),
    ]
    for label, value in (("Subjective", visit.subjective), ("Objective", visit.objective),
                         ("Assessment", visit.assessment), ("Plan", visit.plan),
                         ("Instructions", visit.instructions)):
        rows.append(_row(label, _text(value)))
    events = ", ".join(e.label for e in sorted(visit.adverse_events, key=lambda e: e.value))
    rows.append(_row("Adverse events", escape(events or "none recorded")
                     + (f"<br>{_text(visit.adverse_event_notes)}" if visit.adverse_event_notes
                        else "")))
    marks = "".join(_mark_line(m) for m in visit.marks) or "<li><i>nothing charted</i></li>"
    if visit.signed:
        sig = escape(f"Signed by {visit.signed_by} at "
                     f"{visit.signed_at.astimezone():%Y-%m-%d %H:%M}")  # type: ignore[union-attr]
        for req, reason in visit.sign_overrides.items():
            sig += f"<br>Override — {escape(req.label)}: {escape(reason)}"
    else:
        sig = "<b style='color:#9a5b00'>DRAFT — not signed</b>"
    addenda = "".join(
        f"<div style='margin-top:6px;border-left:3px solid #888;padding-left:6px'>"
        f"<b>Addendum {escape(f'{a.created_at.astimezone():%Y-%m-%d %H:%M}')}, "
        f"{escape(a.author)}</b><br>{_text(a.text)}</div>" for a in visit.addenda)
    return (f"<h2>Visit {escape(f'{when:%Y-%m-%d}')}</h2><table cellspacing=4>"
            + "".join(rows) + "</table><h3>Chart</h3><ul>" + marks + "</ul>"
            + f"<h3>Signature</h3><p>{sig}</p>" + (f"<h3>Addenda</h3>{addenda}" if addenda
                                                   else ""))


class VisitRecordDialog(QDialog):
    def __init__(self, patient: Patient, visit: Visit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitRecord")
        self.setWindowTitle(f"Visit {visit.started_at.astimezone():%Y-%m-%d} — "
                            f"{patient.display_name}")
        self.browser = QTextBrowser()
        self.browser.setHtml(visit_html(patient, visit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)
