"""Safety rules that depend on the patient, not only on the chart (no Qt).

E-stim and electrical implants: electrical stimulation through needles is not used for a
patient with a pacemaker or other electrical implant (DOMAIN.md, vocabulary). The rule is
refused, never overridden, on every path in: the inspector asks :func:`estim_refusal` before
it lets the technique change; saving, signing and import call :func:`check_estim`; copy-forward
carries sites over through :func:`without_estim`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from bodymap.model.errors import ValidationError
from bodymap.model.marks import Mark, NeedleSite, Technique
from bodymap.model.patient import Patient, Precaution

ESTIM_REFUSAL = ("E-stim refused: this patient's record lists a pacemaker or other electrical "
                 "implant{note}. Electrical stimulation is contraindicated; choose another "
                 "technique.")


def estim_refusal(patient: Patient) -> str | None:
    """Why e-stim may not be charted for this patient, or None when it may."""
    if not patient.has(Precaution.ELECTRICAL_IMPLANT):
        return None
    note = patient.precautions.get(Precaution.ELECTRICAL_IMPLANT, "")
    return ESTIM_REFUSAL.format(note=f" ({note})" if note else "")


def records_estim(mark: Mark) -> bool:
    """A needle site charted with e-stim (the technique, or parameters of it)."""
    return isinstance(mark, NeedleSite) and (mark.technique is Technique.ESTIM
                                             or mark.estim is not None)


def estim_sites(marks: Iterable[Mark]) -> list[NeedleSite]:
    return [m for m in marks if isinstance(m, NeedleSite) and records_estim(m)]


def _site_names(sites: Iterable[NeedleSite]) -> str:
    names = []
    for site in sites:
        side = {"L": "left ", "R": "right "}.get(site.side.value if site.side else "", "")
        names.append(f"{side}{(site.muscle or 'unnamed site').replace('_', ' ')}")
    return ", ".join(names)


def check_estim(patient: Patient, marks: Iterable[Mark]) -> None:
    """ValidationError (not overridable) when ``marks`` record e-stim for a patient whose
    record lists an electrical implant."""
    refusal = estim_refusal(patient)
    if refusal is None:
        return
    sites = estim_sites(marks)
    if sites:
        raise ValidationError("estim", f"{refusal} E-stim is charted at: "
                                       f"{_site_names(sites)}.")


def without_estim(mark: Mark) -> Mark:
    """The mark with its e-stim dropped: a site charted with e-stim becomes a static
    (dwell) site with no e-stim parameters; any other mark is returned as it is."""
    if not records_estim(mark):
        return mark
    assert isinstance(mark, NeedleSite)
    technique = Technique.STATIC if mark.technique is Technique.ESTIM else mark.technique
    return dataclasses.replace(mark, technique=technique, estim=None)


def estim_dropped_message(sites: Iterable[NeedleSite]) -> str:
    """What copy-forward tells the clinician when it dropped e-stim from copied sites."""
    return (f"E-stim was not copied to {_site_names(sites)}: the patient's record lists an "
            "electrical implant. These sites are now static needling; check the technique.")
