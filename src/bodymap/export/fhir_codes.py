"""The codes of bodymap's FHIR export: its own code systems and extensions, the published
codes it uses, and how one needle site is coded (docs/export-format.md, "bodymap's code
systems and extensions")."""

from __future__ import annotations

import uuid
from typing import Any

from bodymap.model import NeedleSite, Side

# -- code systems and extensions -------------------------------------------------------------
# bodymap's own: URNs (logical names, as FHIR allows for a system or an extension that has no
# web page); docs/export-format.md lists each with its codes.
NS = "urn:bodymap:fhir"
REGION_SYSTEM = f"{NS}:region"  # code: a region id, view.muscle.side (the patient's side)
OBSERVATION_SYSTEM = f"{NS}:observation"  # code: pain-extent
VIEW_SYSTEM = f"{NS}:view"  # code: a view id (a pain-extent component)
ADVERSE_EVENT_SYSTEM = f"{NS}:adverse-event"  # code: bodymap's adverse event values
TAG_SYSTEM = f"{NS}:record-status"  # code: draft
NEEDLE_SITE_EXTENSION = f"{NS}:needle-site"  # complex: one needle site of a Procedure
ADVERSE_NOTES_EXTENSION = f"{NS}:adverse-event-notes"  # valueString
CHART_NUMBER_SYSTEM = f"{NS}:chart-number"  # Patient.identifier: the clinic's chart number
ID_NAMESPACE = uuid.UUID("6f0b7f4e-5b8a-4d0c-9a55-0d1f3b2c8e71")  # bodymap's uuid5 namespace

# -- published ones ----------------------------------------------------------------------------
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
#: HL7 mCODE implementation guide (STU4, 4.0.0), extension "Laterality Qualifier", used on
#: Procedure.bodySite; its value set: SNOMED CT 7771000 Left, 24028007 Right (qualifier value)
LATERALITY_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"
LATERALITY = {Side.LEFT: ("7771000", "Left (qualifier value)"),
              Side.RIGHT: ("24028007", "Right (qualifier value)")}
#: LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
NPRS_CODE = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
#: LOINC 59284-0 "Patient Consent" (the R4 Consent category value set)
CONSENT_CATEGORY = ("59284-0", "Patient Consent")
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"


def quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def site_extension(site: NeedleSite) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"url": "needles", "valueInteger": site.needle_count},
                                   {"url": "technique", "valueCode": site.technique.value}]
    for url, value, unit in (("length", site.needle_length_mm, "mm"),
                             ("diameter", site.needle_diameter_mm, "mm"),
                             ("depth", site.depth_mm, "mm"), ("dwell", site.dwell_min, "min")):
        if value is not None:
            parts.append({"url": url, "valueQuantity": quantity(value, unit)})
    if site.estim is not None:
        for url, value, unit in (("estim-frequency", site.estim.frequency_hz, "Hz"),
                                 ("estim-intensity", site.estim.intensity_ma, "mA"),
                                 ("estim-duration", site.estim.duration_min, "min")):
            if value is not None:
                parts.append({"url": url, "valueQuantity": quantity(value, unit)})
    if site.ltr_elicited is not None:
        parts.append({"url": "ltr-elicited", "valueBoolean": site.ltr_elicited})
    if site.ltr_count is not None:
        parts.append({"url": "ltr-count", "valueInteger": site.ltr_count})
    if site.region_id:
        parts.append({"url": "region", "valueCode": site.region_id})
    return {"url": NEEDLE_SITE_EXTENSION, "extension": parts}


def site_note(number: int, site: NeedleSite) -> str:
    """'Site 1: 2 needles 0.25 × 40 mm, depth 25 mm, pistoning, LTR yes (3). Response: ...'"""
    needle = f"{site.needle_count} needle{'s' if site.needle_count != 1 else ''}"
    if site.needle_diameter_mm is not None or site.needle_length_mm is not None:
        size = " × ".join(f"{v:g}" for v in (site.needle_diameter_mm, site.needle_length_mm)
                          if v is not None)
        needle += f" {size} mm"
    parts = [needle]
    if site.depth_mm is not None:
        parts.append(f"depth {site.depth_mm:g} mm")
    parts.append(site.technique.label.lower())
    if site.dwell_min is not None:
        parts.append(f"dwell {site.dwell_min:g} min")
    if site.estim is not None:
        estim = f"e-stim {site.estim.frequency_hz:g} Hz"
        if site.estim.intensity_ma is not None:
            estim += f", {site.estim.intensity_ma:g} mA"
        if site.estim.duration_min is not None:
            estim += f", {site.estim.duration_min:g} min"
        parts.append(estim)
    if site.ltr_elicited is not None:
        parts.append("LTR " + ("yes" if site.ltr_elicited else "no")
                     + (f" ({site.ltr_count})" if site.ltr_count else ""))
    text = f"Site {number}: " + ", ".join(parts) + "."
    if site.response.strip():
        text += f" Response: {site.response.strip()}"
    if site.note.strip():
        text += f" Note: {site.note.strip()}"
    return text
