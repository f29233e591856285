"""Protocols: saved from a chart without the patient's own data, applied to another visit as
ordinary new marks, carried across anatomy versions, e-stim dropped where it is refused,
and written to and read from their file with every field checked."""

from __future__ import annotations

import dataclasses
import json

import pytest

from bodymap.atlas import load_atlas
from bodymap.model import (
    EStim,
    NeedleSite,
    PainZone,
    TextNote,
    TriggerPoint,
    ValidationError,
    add_mark,
)
from bodymap.services.protocols import (
    Protocol,
    protocol_from_dict,
    protocol_from_visit,
    protocol_marks,
    protocol_to_dict,
    protocols_file,
    read_protocols_file,
    unique_name,
)
from bodymap.services.records import Records


def _site(region_id: str, **kw) -> NeedleSite:
    atlas = load_atlas()
    view, muscle, side = region_id.split(".")
    x, y = atlas.region(region_id).anchor
    return NeedleSite(view=view, region_id=region_id, muscle=muscle, side=side, x=x, y=y, **kw)


@pytest.fixture
def charted(records: Records):
    patient = records.create_patient(chart_number="P-1", family_name="Ruiz")
    visit = records.start_visit(patient.id, clinician="Anna Berg, PT")
    ql = _site("posterior.quadratus_lumborum.L", needle_length_mm=60, needle_diameter_mm=0.30,
               depth_mm=45, needle_count=2, ltr_elicited=True, ltr_count=3,
               response="familiar pain", note="patient anxious")
    tp = TriggerPoint(view="posterior", x=ql.x, y=ql.y, muscle="quadratus_lumborum", side="L",
                      region_id=ql.region_id, tenderness=3, note="jump sign")
    zone = PainZone(view="posterior", points=((250, 600), (290, 600), (270, 650)),
                    source_id=tp.id, intensity=7)
    gmed = _site("posterior.gluteus_medius.R", technique="estim",
                 estim=EStim(frequency_hz=2, intensity_ma=3, duration_min=10))
    for mark in (ql, tp, zone, gmed, TextNote(view="anterior", x=300, y=300, text="bruise")):
        add_mark(visit, mark)
    records.save_visit(visit)
    return patient, visit


def test_a_protocol_keeps_the_plan_and_drops_the_patients_own_data(charted):
    _, visit = charted
    protocol = protocol_from_visit("Low back: QL, gluteus medius", visit)
    kinds = [m.kind for m in protocol.marks]
    assert kinds == ["needle_site", "trigger_point", "pain_zone", "needle_site"]  # no note
    ql, tp, zone, gmed = protocol.marks
    assert (ql.needle_length_mm, ql.needle_diameter_mm, ql.needle_count) == (60, 0.30, 2)
    assert (ql.depth_mm, ql.ltr_elicited, ql.ltr_count, ql.response, ql.note) == \
        (None, None, None, "", "")
    assert (tp.tenderness, tp.note) == (None, "")
    assert zone.source_id == tp.id and zone.intensity == 7
    assert gmed.estim == EStim(frequency_hz=2, intensity_ma=3, duration_min=10)
    assert protocol.summary() == "2 needle sites, 1 trigger point, 1 pain zone"
    with pytest.raises(ValidationError, match="at least one"):
        protocol_from_visit("Anterior", visit, view="anterior")  # only a text note there
    with pytest.raises(ValidationError, match="Protocol name"):
        protocol_from_visit("   ", visit)


def test_applied_marks_are_new_marks_linked_among_themselves(records: Records, charted):
    patient, visit = charted
    protocol = protocol_from_visit("Low back", visit)
    other = records.start_visit(patient.id, clinician="Anna Berg, PT")
    marks, notices = protocol_marks(protocol, other, records.get_patient(patient.id))
    assert notices == []
    assert {m.id for m in marks}.isdisjoint({m.id for m in protocol.marks})
    tp = next(m for m in marks if isinstance(m, TriggerPoint))
    zone = next(m for m in marks if isinstance(m, PainZone))
    assert zone.source_id == tp.id  # the zone refers to the new trigger point
    for mark in marks:
        add_mark(other, mark)
    records.save_visit(other)
    stored = records.open_visit(other.id)
    assert [m.kind for m in stored.marks] == [m.kind for m in protocol.marks]
    assert [(m.x, m.y) for m in stored.marks if isinstance(m, NeedleSite)] == \
        [(m.x, m.y) for m in protocol.marks if isinstance(m, NeedleSite)]


def test_estim_is_dropped_for_a_patient_with_an_electrical_implant(records: Records,
                                                                   charted):
    patient, visit = charted
    protocol = protocol_from_visit("Low back", visit)
    paced = records.create_patient(chart_number="P-2", family_name="Okafor",
                                   precautions={"electrical_implant": "pacemaker"})
    target = records.start_visit(paced.id, clinician="Anna Berg, PT")
    marks, notices = protocol_marks(protocol, target, paced)
    sites = [m for m in marks if isinstance(m, NeedleSite)]
    assert all(s.estim is None and s.technique.value != "estim" for s in sites)
    assert any("E-stim was not copied to right gluteus medius" in n for n in notices)
    for mark in marks:
        add_mark(target, mark)
    records.save_visit(target)  # the core's own e-stim rule lets it through


def test_a_protocol_saved_on_version_1_is_carried_onto_todays_anatomy(records: Records):
    v1 = load_atlas(1)
    region = v1.region("posterior.gluteus_medius.R")
    old_site = NeedleSite(view="posterior", x=region.anchor[0], y=region.anchor[1],
                          region_id=region.id, muscle="gluteus_medius", side="R")
    protocol = Protocol(name="Hip", atlas_version=1, marks=(old_site,))
    patient = records.create_patient(chart_number="P-3", family_name="Lee")
    visit = records.start_visit(patient.id, clinician="Anna Berg, PT")
    assert visit.atlas_version == 2
    (site,), _ = protocol_marks(protocol, visit, patient)
    hit = load_atlas(2).region_at("posterior", site.x, site.y)
    assert hit is not None and (hit.muscle, hit.side) == ("gluteus_medius", "R")


def test_the_file_round_trips_and_a_bad_one_is_refused_whole(charted):
    _, visit = charted
    protocols = [protocol_from_visit("Low back", visit),
                 protocol_from_visit("Low back — 腰", visit)]
    back = read_protocols_file(protocols_file(protocols))
    assert [protocol_to_dict(p) for p in back] == [protocol_to_dict(p) for p in protocols]
    data = json.loads(protocols_file(protocols))
    data["protocols"][1]["marks"][0]["depth_mm"] = 45  # a patient's depth smuggled in
    with pytest.raises(ValidationError, match="protocol 'Low back — 腰'.*patient data"):
        read_protocols_file(json.dumps(data).encode())
    for bad, message in ((b"\xff", "not UTF-8"), (b"[]", "not a bodymap protocols file"),
                         (json.dumps({"format": "bodymap-protocols", "version": 9}).encode(),
                          "version 9")):
        with pytest.raises(ValidationError, match=message):
            read_protocols_file(bad)
    twice = json.loads(protocols_file(protocols[:1] * 2))
    with pytest.raises(ValidationError, match="same name"):
        read_protocols_file(json.dumps(twice).encode())
    with pytest.raises(ValidationError, match="Unknown field 'owner'"):
        protocol_from_dict({**protocol_to_dict(protocols[0]), "owner": "x"})
    changed = dataclasses.replace(protocols[0], name="Other")
    assert changed.name == "Other"


def test_unique_names():
    assert unique_name("Neck", []) == "Neck"
    assert unique_name("Neck", ["Neck", "Neck (2)"]) == "Neck (3)"
