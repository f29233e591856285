"""FHIR R4 export: a patient's visits as one Bundle (docs/export-format.md, "FHIR R4 bundle").

Each visit becomes an Encounter with: a Procedure per needled muscle and side (the muscle
as text, bodymap's region ids in bodymap's code system, laterality as the SNOMED CT
qualifier of HL7's mCODE implementation guide, and the needles as notes and a documented
extension), Observations for NPRS before and after (LOINC 72514-3) and for pain extent,
an AdverseEvent per adverse event, a ChargeItem with the visit's CPT code, and a
DocumentReference holding the visit's printed chart (PDF). The patient, the clinicians and
the dry-needling consents are each there once.

Only signed visits, unless drafts are asked for: every resource of a draft visit then
carries the meta tag ``draft`` and the statuses say it is not final. Resource ids are
derived from bodymap's ids (uuid5), so exporting the same record twice gives the same ids
and a receiver can recognise what it already holds.

Built as plain dicts (JSON-ready); the tests validate every bundle with the
``fhir.resources`` models. No SNOMED CT codes for muscles: bodymap has none read from an
authoritative source, and a code is never made up.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bodymap.atlas import Atlas, visit_atlas
from bodymap.export import fhir_codes as codes
from bodymap.export.fhir_codes import coding, quantity, site_extension, site_note
from bodymap.model import NeedleSite, Patient, Side, Visit, clock
from bodymap.model.coding import CPT_SYSTEM, PROCEDURE_CODES, procedure_code
from bodymap.model.timetext import date_text
from bodymap.services.output import write_output
from bodymap.services.records import Records


def resource_id(*parts: str) -> str:
    """A stable resource id from bodymap ids and a role ("nprs-before", ...)."""
    return str(uuid.uuid5(codes.ID_NAMESPACE, "/".join(parts)))


def _ref(resource: dict[str, Any]) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


@dataclass
class _VisitContext:
    visit: Visit
    atlas: Atlas
    encounter: dict[str, Any]
    performer: dict[str, Any]
    draft: bool

    def tagged(self, resource: dict[str, Any]) -> dict[str, Any]:
        if self.draft:
            resource["meta"] = {"tag": [coding(codes.TAG_SYSTEM, "draft", "Unsigned draft")]}
        return resource

    def base(self, resource_type: str, role: str) -> dict[str, Any]:
        return {"resourceType": resource_type, "id": resource_id(self.visit.id, role)}


class _Bundle:
    """The entries, each resource once (patient, practitioners, consents are shared)."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}

    def add(self, resource: dict[str, Any]) -> dict[str, Any]:
        return self.entries.setdefault(resource["id"], resource)


def _patient(patient: Patient) -> dict[str, Any]:
    name: dict[str, Any] = {"use": "official", "family": patient.family_name}
    given = patient.given_names.split()
    if given:
        name["given"] = given
    name["text"] = patient.display_name
    out: dict[str, Any] = {
        "resourceType": "Patient", "id": resource_id(patient.id, "patient"),
        "identifier": [{"use": "usual",
                        "type": {"coding": [coding(codes.IDENTIFIER_TYPE, "MR",
                                                    "Medical record number")],
                                 "text": "Chart number"},
                        "system": codes.CHART_NUMBER_SYSTEM, "value": patient.chart_number}],
        "name": [name], "gender": patient.sex.value}
    if patient.date_of_birth is not None:
        out["birthDate"] = patient.date_of_birth.isoformat()
    telecom = [{"system": kind, "value": value} for kind, value in
               (("phone", patient.phone), ("email", patient.email)) if value.strip()]
    if telecom:
        out["telecom"] = telecom
    if patient.address.strip():
        out["address"] = [{"text": patient.address}]
    return out


def _practitioner(name: str) -> dict[str, Any]:
    return {"resourceType": "Practitioner", "id": resource_id("practitioner", name),
            "name": [{"text": name}]}


def _encounter(visit: Visit, patient_ref: dict[str, str],
               practitioners: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Encounter", "id": resource_id(visit.id, "encounter"),
            "identifier": [{"system": f"{codes.NS}:visit", "value": visit.id}],
            "status": "finished" if visit.signed else "in-progress",
            "class": coding(codes.ACT_CODE, "AMB", "ambulatory"),
            "type": [{"text": "Dry needling treatment visit"}],
            "subject": patient_ref,
            "participant": [{"individual": _ref(p)} for p in practitioners],
            "period": {"start": visit.started_at.isoformat()}}


def _muscle_name(atlas: Atlas, muscle: str | None) -> str:
    if muscle is None:
        return "site off the charted muscles"
    try:
        return atlas.muscle(muscle).name
    except KeyError:
        return muscle.replace("_", " ")


def _procedures(ctx: _VisitContext, patient_ref: dict[str, str]) -> list[dict[str, Any]]:
    """One Procedure per needled muscle and side, in the order first needled."""
    groups: dict[tuple[str | None, Side | None], list[NeedleSite]] = {}
    for mark in ctx.visit.marks:
        if isinstance(mark, NeedleSite):
            groups.setdefault((mark.muscle, mark.side), []).append(mark)
    out = []
    for (muscle, side), sites in groups.items():
        name = _muscle_name(ctx.atlas, muscle)
        text = f"{side.label.capitalize()} {name.lower()}" if side else name.capitalize()
        body_site: dict[str, Any] = {"text": text}
        regions = sorted({s.region_id for s in sites if s.region_id})
        if regions:
            body_site["coding"] = [coding(codes.REGION_SYSTEM, r, name) for r in regions]
        if side is not None:
            code, display = codes.LATERALITY[side]
            body_site["extension"] = [{"url": codes.LATERALITY_EXTENSION, "valueCodeableConcept": {
                "coding": [coding(codes.SNOMED, code, display)], "text": side.label}}]
        needles = sum(s.needle_count for s in sites)
        procedure = ctx.base("Procedure", f"procedure/{muscle}/{side.value if side else '-'}")
        procedure.update({
            "extension": [site_extension(s) for s in sites],
            "status": "completed" if ctx.visit.signed else "in-progress",
            "code": {"text": "Dry needling (needle insertion without injection)"},
            "subject": patient_ref, "encounter": _ref(ctx.encounter),
            "performedDateTime": ctx.visit.started_at.isoformat(),
            "performer": [{"actor": _ref(ctx.performer)}],
            "bodySite": [body_site],
            "note": [{"text": f"{text}: {needles} needle{'s' if needles != 1 else ''} at "
                              f"{len(sites)} site{'s' if len(sites) != 1 else ''}."},
                     *({"text": site_note(i, s)} for i, s in enumerate(sites, start=1))]})
        out.append(ctx.tagged(procedure))
    return out


def _observations(ctx: _VisitContext, patient_ref: dict[str, str]) -> list[dict[str, Any]]:
    visit = ctx.visit
    status = "final" if visit.signed else "preliminary"
    out = []
    for role, score, label in (("nprs-before", visit.nprs_before, "before treatment"),
                               ("nprs-after", visit.nprs_after, "after treatment")):
        if score is None:
            continue
        obs = ctx.base("Observation", role)
        obs.update({
            "status": status,
            "category": [{"coding": [coding(codes.OBSERVATION_CATEGORY, "survey", "Survey")]}],
            "code": {"coding": [coding(codes.LOINC, *codes.NPRS_CODE)], "text": f"NPRS {label}"},
            "subject": patient_ref, "encounter": _ref(ctx.encounter),
            "performer": [_ref(ctx.performer)], "valueInteger": score})
        if role == "nprs-before":
            obs["effectiveDateTime"] = visit.started_at.isoformat()
        else:  # the record keeps no time for it: after treatment, by the signature at latest
            period = {"start": visit.started_at.isoformat()}
            if visit.signed_at is not None:
                period["end"] = visit.signed_at.isoformat()
            obs["effectivePeriod"] = period
        out.append(ctx.tagged(obs))
    extent = visit.pain_extent
    if extent:
        obs = ctx.base("Observation", "pain-extent")
        obs.update({
            "status": status,
            "code": {"coding": [coding(codes.OBSERVATION_SYSTEM, "pain-extent",
                                        "Pain extent, percent of the body outline")],
                     "text": "Pain extent (percent of the body outline drawn as pain zones)"},
            "subject": patient_ref, "encounter": _ref(ctx.encounter),
            "effectiveDateTime": visit.started_at.isoformat(),
            "valueQuantity": quantity(round(extent.get("total", 0.0), 2), "%"),
            "component": [{"code": {"coding": [coding(codes.VIEW_SYSTEM, view)], "text": view},
                           "valueQuantity": quantity(round(pct, 2), "%")}
                          for view, pct in extent.items() if view != "total"]})
        if not obs["component"]:
            del obs["component"]
        out.append(ctx.tagged(obs))
    return out


def _adverse_events(ctx: _VisitContext, patient_ref: dict[str, str],
                    procedures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for event in sorted(ctx.visit.adverse_events, key=lambda e: e.value):
        resource = ctx.base("AdverseEvent", f"adverse-event/{event.value}")
        resource.update({
            "actuality": "actual",
            "event": {"coding": [coding(codes.ADVERSE_EVENT_SYSTEM, event.value, event.label)],
                      "text": event.label},
            "subject": patient_ref, "encounter": _ref(ctx.encounter),
            "date": ctx.visit.started_at.isoformat(),
            "recorder": _ref(ctx.performer),
            "seriousness": {"coding": [coding(codes.SERIOUSNESS, "serious", "Serious")
                                       if event.major else
                                       coding(codes.SERIOUSNESS, "non-serious", "Non-serious")]}})
        if procedures:
            resource["suspectEntity"] = [{"instance": _ref(p)} for p in procedures]
        if ctx.visit.adverse_event_notes.strip():
            resource["extension"] = [{"url": codes.ADVERSE_NOTES_EXTENSION,
                                      "valueString": ctx.visit.adverse_event_notes.strip()}]
        out.append(ctx.tagged(resource))
    return out


def _charge_item(ctx: _VisitContext, patient_ref: dict[str, str],
                 procedures: list[dict[str, Any]]) -> dict[str, Any] | None:
    code = procedure_code(ctx.visit)
    if code is None:
        return None
    item = ctx.base("ChargeItem", "charge")
    item.update({
        "status": "billable" if ctx.visit.signed else "planned",
        "code": {"coding": [coding(CPT_SYSTEM, code, PROCEDURE_CODES[code])],
                 "text": f"CPT {code}"},
        "subject": patient_ref, "context": _ref(ctx.encounter),
        "occurrenceDateTime": ctx.visit.started_at.isoformat(),
        "performer": [{"actor": _ref(ctx.performer)}],
        "quantity": {"value": 1},
        "service": [_ref(p) for p in procedures]})
    return ctx.tagged(item)


def _consent(visit: Visit, patient: Patient, patient_ref: dict[str, str]) -> dict[str, Any]:
    day = visit.consent_date.isoformat() if visit.consent_date else None
    consent: dict[str, Any] = {
        "resourceType": "Consent",
        "id": resource_id(patient.id, "consent", day or visit.id),
        "status": "active",
        "scope": {"coding": [coding(codes.CONSENT_SCOPE, "treatment", "Treatment")]},
        "category": [{"coding": [coding(codes.LOINC, *codes.CONSENT_CATEGORY)]}],
        "patient": patient_ref,
        "policyRule": {"text": "Written informed consent for dry needling"}}
    if day:
        consent["dateTime"] = day
    return consent


def _document(ctx: _VisitContext, patient_ref: dict[str, str], pdf: bytes,
              exported_at: datetime) -> dict[str, Any]:
    visit = ctx.visit
    doc = ctx.base("DocumentReference", "chart-pdf")
    doc.update({
        "status": "current", "docStatus": "final" if visit.signed else "preliminary",
        "type": {"text": "Dry needling visit chart"},
        "subject": patient_ref,
        "date": (visit.signed_at or exported_at).isoformat(),
        "author": [_ref(ctx.performer)],
        "description": f"Visit chart of {date_text(visit.started_at)}"
                       + ("" if visit.signed else " (unsigned draft)"),
        "content": [{"attachment": {
            "contentType": "application/pdf", "language": "en",
            "data": base64.b64encode(pdf).decode("ascii"),
            "title": f"Visit chart {date_text(visit.started_at)}.pdf",
            "creation": exported_at.isoformat()}}],
        "context": {"encounter": [_ref(ctx.encounter)],
                    "period": {"start": visit.started_at.isoformat()}}})
    return ctx.tagged(doc)


class NothingToExport(ValueError):
    """The chosen visits hold nothing to export (say why)."""


def fhir_bundle(patient: Patient, visits: Sequence[Visit], *,
                pdf_for: Callable[[Visit], bytes], include_drafts: bool = False,
                exported_at: datetime | None = None) -> dict[str, Any]:
    """A FHIR R4 Bundle (type collection) of ``visits`` of ``patient``, oldest first.
    ``pdf_for(visit)`` gives each visit's printed chart (the printing layer makes it).
    Drafts are left out unless ``include_drafts``; NothingToExport when none is left."""
    exported_at = exported_at or clock.now()
    chosen = [v for v in sorted(visits, key=lambda v: (v.started_at, v.id))
              if v.signed or include_drafts]
    if not chosen:
        raise NothingToExport(f"{patient.display_name} has no signed visit to export"
                              + ("" if include_drafts else
                                 " (unsigned drafts are left out unless asked for)"))
    bundle = _Bundle()
    patient_resource = bundle.add(_patient(patient))
    patient_ref = _ref(patient_resource)
    for visit in chosen:
        names = [visit.signed_by] if visit.signed and visit.signed_by else []
        if visit.clinician not in names:
            names.append(visit.clinician)
        practitioners = [bundle.add(_practitioner(n)) for n in names]
        encounter = _encounter(visit, patient_ref, practitioners)
        ctx = _VisitContext(visit, visit_atlas(visit), encounter, practitioners[0],
                            draft=not visit.signed)
        bundle.add(ctx.tagged(encounter))
        if visit.consent_obtained:
            bundle.add(_consent(visit, patient, patient_ref))
        procedures = [bundle.add(p) for p in _procedures(ctx, patient_ref)]
        for resource in _observations(ctx, patient_ref):
            bundle.add(resource)
        for resource in _adverse_events(ctx, patient_ref, procedures):
            bundle.add(resource)
        charge = _charge_item(ctx, patient_ref, procedures)
        if charge is not None:
            bundle.add(charge)
        bundle.add(_document(ctx, patient_ref, pdf_for(visit), exported_at))
    return {
        "resourceType": "Bundle",
        "id": resource_id(patient.id, "bundle", *(v.id for v in chosen)),
        "meta": {"lastUpdated": exported_at.isoformat()},
        "type": "collection",
        "timestamp": exported_at.isoformat(),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r}
                  for r in bundle.entries.values()]}


def patient_bundle(records: Records, patient_id: str, *, pdf_for: Callable[[Visit], bytes],
                   visit_ids: Sequence[str] | None = None, include_drafts: bool = False
                   ) -> dict[str, Any]:
    """The bundle of a stored patient's visits (all of them, or ``visit_ids``)."""
    patient = records.get_patient(patient_id)
    ids = [s.id for s in records.list_visits(patient_id)] if visit_ids is None else visit_ids
    return fhir_bundle(patient, [records.open_visit(i) for i in ids], pdf_for=pdf_for,
                       include_drafts=include_drafts)


def write_bundle(bundle: dict[str, Any], path: Any) -> None:
    """Write the bundle as UTF-8 JSON through :func:`write_output` (owner-only, atomic: an
    OutputError leaves no partial file)."""
    write_output(path, (json.dumps(bundle, ensure_ascii=False, indent=1) + "\n")
                 .encode("utf-8"))


__all__ = ["NothingToExport", "fhir_bundle", "patient_bundle", "resource_id", "write_bundle"]
