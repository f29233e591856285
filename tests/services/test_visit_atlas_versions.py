"""Each visit records the atlas version it was charted on: new visits take the current one,
existing ones are version 1, signed ones keep theirs, copy-forward carries marks onto
today's anatomy and says what had to move, and an export carries the version."""

from __future__ import annotations

import json
import sqlite3

import pytest
from synthetic_atlas import MOVED_REGION

from bodymap.atlas import load_atlas
from bodymap.atlas.mapping import carry_marks
from bodymap.export.json_export import export_patient
from bodymap.export.validate import ImportRejected, validate_export
from bodymap.model import NeedleSite, PainZone, TriggerPoint, Visit, add_mark, set_visit_fields
from bodymap.services.records import Records
from bodymap.services.visits import copy_forward

BICEPS_L = (429.76, 313.68)  # version 1's anchor of the left biceps (anterior view)


def _v1_visit(records: Records) -> Visit:
    """A signed visit charted on atlas version 1 (before version 2 shipped)."""
    patient = records.create_patient(chart_number="AV-1", family_name="Okafor",
                                     given_names="Ngozi")
    visit = records.start_visit(patient.id, clinician="Anna Berg, PT")
    assert visit.atlas_version == 1
    site = NeedleSite(view="anterior", x=BICEPS_L[0], y=BICEPS_L[1], region_id=MOVED_REGION,
                      muscle="biceps_brachii", side="L", depth_mm=10)
    tp = TriggerPoint(view="posterior", x=222.67, y=471.99,
                      region_id="posterior.gluteus_minimus.L", muscle="gluteus_minimus",
                      side="L")
    # charted on the biceps, but placed (by an import) well outside its drawing
    stray = TriggerPoint(view="anterior", x=430.0, y=240.0, region_id=MOVED_REGION,
                         muscle="biceps_brachii", side="L")
    zone = PainZone(view="posterior", points=[(210, 500), (240, 500), (226, 540)],
                    source_id=tp.id)
    for mark in (site, tp, stray, zone):
        add_mark(visit, mark)
    set_visit_fields(visit, consent_obtained=True, precautions_reviewed=True,
                     needles_used=1, needles_removed=1, subjective="hip", plan="DN weekly")
    records.save_visit(visit)
    records.sign_visit(visit.id)
    return records.open_visit(visit.id)


def test_a_new_visit_is_charted_on_the_current_version(records: Records, atlas_v2) -> None:
    patient = records.create_patient(chart_number="AV-2", family_name="Lind")
    visit = records.start_visit(patient.id)
    assert visit.atlas_version == 2 == records.open_visit(visit.id).atlas_version


def test_a_signed_visit_keeps_its_version_in_the_database_itself(records: Records,
                                                                  atlas_upgrade) -> None:
    visit = _v1_visit(records)
    records.start_visit(visit.patient_id)  # a draft
    conn = sqlite3.connect(records._db.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="signed visit"):
            conn.execute("UPDATE visits SET atlas_version = 2 WHERE id = ?", (visit.id,))
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # no such version
            conn.execute("UPDATE visits SET atlas_version = 0 WHERE status = 'draft'")
    finally:
        conn.close()
    assert records.open_visit(visit.id).atlas_version == 1
    assert records.verify_file().ok


def test_copy_forward_carries_marks_onto_todays_anatomy_and_says_what_moved(
        records: Records, atlas_upgrade) -> None:
    old = _v1_visit(records)
    atlas_v2 = atlas_upgrade()
    notices: list[str] = []
    new = copy_forward(records, old.id, clinician="Omar Haddad, DPT", copy_marks=True,
                       notices=notices)
    stored = records.open_visit(new.id)
    assert stored.atlas_version == 2 and records.open_visit(old.id).atlas_version == 1
    site, tp, stray, zone = stored.marks
    # the biceps is drawn a little lower in version 2 but the body is not: the needle site
    # keeps its place on the body, which is on the biceps still
    assert (site.x, site.y) == pytest.approx(BICEPS_L, abs=0.01)
    assert atlas_v2.region_at("anterior", site.x, site.y) is atlas_v2.region(MOVED_REGION)
    # gluteus minimus is in version 2's deep layer: the trigger point stays on it there
    assert atlas_v2.region_at("posterior", tp.x, tp.y, "deep").muscle == "gluteus_minimus"
    assert zone.source_id == tp.id
    # the stray point could not be carried by position: it went to the muscle, and was told
    assert (stray.x, stray.y) == atlas_v2.region(MOVED_REGION).anchor
    assert len(notices) == 1 and "atlas version 1" in notices[0]
    assert "Trigger point on Biceps brachii (left): moved to the middle" in notices[0]
    assert "Needle site" not in notices[0]  # what stayed in place is not listed


def test_same_version_copy_forward_moves_nothing(records: Records, atlas_upgrade) -> None:
    old = _v1_visit(records)
    notices: list[str] = []
    new = copy_forward(records, old.id, clinician="PT", copy_marks=True, notices=notices)
    assert [(m.x, m.y) for m in new.marks[:3]] == [(m.x, m.y) for m in old.marks[:3]]
    assert notices == []


def test_a_muscle_todays_anatomy_does_not_draw_is_left_behind_and_named(atlas_v2) -> None:
    v1 = load_atlas(1)
    site = NeedleSite(view="anterior", x=BICEPS_L[0], y=BICEPS_L[1], region_id=MOVED_REGION,
                      muscle="biceps_brachii", side="L")

    class Without:  # version 2 as if it no longer drew the biceps anywhere
        version = 3
        landmarks = atlas_v2.landmarks
        views = atlas_v2.views

        def __getattr__(self, name):
            return getattr(atlas_v2, name)

        def region(self, region_id):
            if "biceps" in region_id:
                raise KeyError(region_id)
            return atlas_v2.region(region_id)

        @property
        def regions(self):
            return [r for r in atlas_v2.regions if r.muscle != "biceps_brachii"]

    carried = carry_marks([site], v1, Without())
    assert carried.marks == [] and carried.left_behind == [site.id]
    assert carried.notices == ["Needle site on Biceps brachii (left): not copied, today's "
                               "anatomy does not draw that muscle; chart it again."]


def test_the_export_carries_the_version_and_import_checks_it(records: Records,
                                                              atlas_upgrade) -> None:
    visit = _v1_visit(records)
    atlas_upgrade()
    data = json.loads(json.dumps(export_patient(records, visit.patient_id)))
    assert data["visits"][0]["atlas_version"] == 1
    assert validate_export(data).visits[0].atlas_version == 1
    older = json.loads(json.dumps(data))
    del older["visits"][0]["atlas_version"]  # written before atlas versions existed
    assert validate_export(older).visits[0].atlas_version == 1
    newer = json.loads(json.dumps(data))
    newer["visits"][0]["atlas_version"] = 7
    with pytest.raises(ImportRejected, match="anatomy atlas version 7, which this bodymap "
                                             r"does not have \(it has version 1, 2\)"):
        validate_export(newer)
