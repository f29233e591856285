"""Visit.pain_extent: validated, and carried through the JSON codec."""

from __future__ import annotations

import pytest

from bodymap.model import ValidationError, Visit
from bodymap.model._validate import new_id
from bodymap.model.codec import visit_from_dict, visit_to_dict


def test_pain_extent_round_trips_through_the_codec():
    v = Visit(patient_id=new_id(), clinician="A", pain_extent={"anterior": 3.25, "total": 1.5})
    assert visit_from_dict(visit_to_dict(v)).pain_extent == {"anterior": 3.25, "total": 1.5}


def test_an_old_record_without_pain_extent_loads_empty():
    d = visit_to_dict(Visit(patient_id=new_id(), clinician="A"))
    del d["pain_extent"]
    assert visit_from_dict(d).pain_extent == {}


@pytest.mark.parametrize("bad", [{"anterior": 101.0}, {"anterior": -1}, {"": 1.0},
                                 {"anterior": "5"}, [("anterior", 1.0)]])
def test_impossible_pain_extent_is_refused(bad):
    with pytest.raises(ValidationError):
        Visit(patient_id=new_id(), clinician="A", pain_extent=bad)
