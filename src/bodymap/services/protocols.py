"""Protocols: a clinician's named set of marks ("Low back: bilateral QL, gluteus medius"),
saved from a chart and applied to another visit in one step.

A protocol keeps what is the same from patient to patient, and drops what belongs to the
patient it was charted on:

- trigger points keep their place and kind (active or latent), not the tenderness or note;
- needle sites keep their place, needle (length, diameter), number of needles, technique,
  dwell time and e-stim parameters; never the depth (a depth that was safe for one patient's
  build is not for another: a site over a hazard asks for its depth again at signing), the
  local twitch responses, the patient's response or the note;
- pain zones keep their outline, intensity, quality and link to their trigger point;
- text notes are left out.

Applied marks are ordinary marks of the visit (new ids, edited and deleted like any other).
A protocol saved on one atlas version or body figure is carried onto the visit's by
bodymap.atlas.mapping, and for a patient whose record lists an electrical implant, e-stim is
dropped as copy-forward drops it (model/safety.py). Qt-free; the app keeps protocols in the
clinician's preferences, and exports and imports them as a JSON file (PROTOCOLS_FORMAT).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bodymap.atlas import load_atlas, visit_atlas
from bodymap.atlas.mapping import carry_marks
from bodymap.model import Mark, NeedleSite, PainZone, Patient, TriggerPoint, Visit
from bodymap.model._validate import check_aware, check_int, check_text, utcnow
from bodymap.model.codec import mark_from_dict, mark_to_dict
from bodymap.model.errors import ValidationError
from bodymap.model.limits import MAX_SHORT
from bodymap.model.safety import estim_dropped_message, estim_refusal, estim_sites, without_estim
from bodymap.model.visit import FIGURES, MAX_ATLAS_VERSION
from bodymap.services.visits import copied_marks

PROTOCOLS_FORMAT = "bodymap-protocols"
PROTOCOLS_VERSION = 1
MAX_PROTOCOL_MARKS = 500


def template(mark: Mark) -> Mark | None:
    """What a protocol keeps of ``mark`` (None: a text note, left out)."""
    if isinstance(mark, TriggerPoint):
        return dataclasses.replace(mark, tenderness=None, note="")
    if isinstance(mark, NeedleSite):
        return dataclasses.replace(mark, depth_mm=None, ltr_elicited=None, ltr_count=None,
                                   response="", note="")
    if isinstance(mark, PainZone):
        return dataclasses.replace(mark, note="")
    return None


@dataclass(frozen=True, kw_only=True)
class Protocol:
    """A named set of template marks in the diagram units of ``atlas_version`` drawn in
    ``figure``."""

    name: str
    atlas_version: int
    figure: str = "standard"
    marks: tuple[Mark, ...]
    created_at: datetime = dataclasses.field(default_factory=utcnow)

    def __post_init__(self) -> None:
        check_text("name", self.name, limit=MAX_SHORT, required=True, label="Protocol name")
        if self.name != self.name.strip():
            raise ValidationError("name", "A protocol name cannot start or end with spaces")
        check_int("atlas_version", self.atlas_version, 1, MAX_ATLAS_VERSION,
                  label="Atlas version", optional=False)
        if self.figure not in FIGURES:
            raise ValidationError("figure", f"Unknown body figure {self.figure!r}")
        if not self.marks:
            raise ValidationError("marks", "A protocol needs at least one trigger point, "
                                           "needle site or pain zone")
        if len(self.marks) > MAX_PROTOCOL_MARKS:
            raise ValidationError("marks", f"A protocol holds at most {MAX_PROTOCOL_MARKS} "
                                           f"marks (this one has {len(self.marks):,})")
        for mark in self.marks:
            if template(mark) != mark:
                raise ValidationError("marks", f"A protocol's {mark.kind.replace('_', ' ')} "
                                               "holds patient data (a depth, a response, a "
                                               "note or a text note)")
        check_aware("created_at", self.created_at)

    def summary(self) -> str:
        """'3 needle sites, 2 trigger points' for lists and menus."""
        counts: dict[str, int] = {}
        for mark in self.marks:
            counts[mark.kind] = counts.get(mark.kind, 0) + 1
        words = {"needle_site": "needle site", "trigger_point": "trigger point",
                 "pain_zone": "pain zone"}
        return ", ".join(f"{n} {words[k]}{'s' if n != 1 else ''}" for k, n in counts.items())


def protocol_from_visit(name: str, visit: Visit, *, view: str | None = None,
                        at: datetime | None = None) -> Protocol:
    """A protocol of the visit's marks (of one view, when ``view`` is given). ValidationError
    when the name is impossible or there is nothing to keep."""
    marks = [t for m in visit.marks if view is None or m.view == view
             if (t := template(m)) is not None]
    kept = {m.id for m in marks}
    marks = [dataclasses.replace(m, source_id=None)
             if isinstance(m, PainZone) and m.source_id not in kept else m for m in marks]
    return Protocol(name=name.strip(), atlas_version=visit.atlas_version, figure=visit.figure,
                    marks=tuple(marks), created_at=at or utcnow())


def protocol_marks(protocol: Protocol, visit: Visit, patient: Patient
                   ) -> tuple[list[Mark], list[str]]:
    """The marks to add to ``visit`` for ``protocol``: fresh ids, carried onto the visit's
    atlas version and figure, e-stim dropped for a patient with an electrical implant; and
    what the clinician should be told (marks moved, left behind, e-stim dropped)."""
    marks = copied_marks(list(protocol.marks))
    notices: list[str] = []
    if (protocol.atlas_version, protocol.figure) != (visit.atlas_version, visit.figure):
        carried = carry_marks(marks, load_atlas(protocol.atlas_version, protocol.figure),
                              visit_atlas(visit))
        marks, notices = list(carried.marks), list(carried.notices)
    if estim_refusal(patient) is not None:
        dropped = estim_sites(marks)
        marks = [without_estim(m) for m in marks]
        if dropped:
            notices.append(estim_dropped_message(dropped))
    return marks, notices


# -- the stored and exported form ----------------------------------------------------------
def protocol_to_dict(protocol: Protocol) -> dict[str, Any]:
    return {"name": protocol.name, "atlas_version": protocol.atlas_version,
            "figure": protocol.figure, "created_at": protocol.created_at.isoformat(),
            "marks": [mark_to_dict(m) for m in protocol.marks]}


def protocol_from_dict(d: Any) -> Protocol:
    """A protocol from its dict form, every field checked (ValidationError naming it)."""
    if not isinstance(d, dict):
        raise ValidationError("protocol", "A protocol must be an object")
    unknown = set(d) - {"name", "atlas_version", "figure", "created_at", "marks"}
    if unknown:
        raise ValidationError("protocol", f"Unknown field {sorted(unknown)[0]!r} in a protocol")
    marks = d.get("marks")
    if not isinstance(marks, list):
        raise ValidationError("marks", "A protocol's marks must be a list")
    try:
        created = datetime.fromisoformat(d.get("created_at"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("created_at", "A protocol's created_at must be an ISO date "
                                            "and time") from None
    name = d.get("name")
    try:
        return Protocol(name=name, atlas_version=d.get("atlas_version"),  # type: ignore[arg-type]
                        figure=d.get("figure", "standard"),
                        marks=tuple(mark_from_dict(m) for m in marks), created_at=created)
    except ValidationError as exc:
        raise ValidationError(exc.field, f"protocol {name!r}: {exc.message}") from None


def protocols_file(protocols: Iterable[Protocol]) -> bytes:
    """The export file of ``protocols`` (UTF-8 JSON)."""
    data = {"format": PROTOCOLS_FORMAT, "version": PROTOCOLS_VERSION,
            "protocols": [protocol_to_dict(p) for p in protocols]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_protocols_file(raw: bytes) -> list[Protocol]:
    """The protocols of an export file; ValidationError naming what is wrong (then none is
    taken)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError("file", "The file is not a bodymap protocols file (not UTF-8 "
                                      "JSON)") from None
    if not isinstance(data, dict) or data.get("format") != PROTOCOLS_FORMAT:
        raise ValidationError("file", "The file is not a bodymap protocols file")
    if data.get("version") != PROTOCOLS_VERSION:
        raise ValidationError("file", f"Protocols file version {data.get('version')!r} is not "
                                      "one this bodymap reads")
    items = data.get("protocols")
    if not isinstance(items, list):
        raise ValidationError("file", "The file's protocols must be a list")
    protocols = [protocol_from_dict(d) for d in items]
    names = [p.name for p in protocols]
    if len(set(names)) != len(names):
        raise ValidationError("file", "Two protocols in the file have the same name")
    return protocols


def unique_name(name: str, taken: Sequence[str]) -> str:
    """``name``, or 'name (2)', 'name (3)'... when it is taken."""
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


__all__ = ["PROTOCOLS_FORMAT", "Protocol", "protocol_from_dict",
           "protocol_from_visit", "protocol_marks", "protocol_to_dict", "protocols_file",
           "read_protocols_file", "template", "unique_name"]
