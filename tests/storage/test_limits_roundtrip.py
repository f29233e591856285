"""Whatever the write path accepts, the read path reads back equal: the limits are the
core's, one table for both (model/limits.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.model import SignRequirement, TextNote, ValidationError, add_mark
from bodymap.model.limits import limit
from bodymap.services.records import Records

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# Lengths around each limit, where a write/read mismatch would show.
AROUND = [0, 1, 199, 200, 201, 1_999, 2_000, 2_001, 2_500]
texts = st.builds(lambda n, c: c * n, st.sampled_from(AROUND),
                  st.sampled_from(["a", "é", "字", "\U0001F600", " "]))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=texts, response=texts, note=texts, plan=texts)
def test_what_the_write_path_accepts_reads_back_equal(tmp_path_factory, reason, response,
                                                      note, plan):
    with Records.open(tmp_path_factory.mktemp("db"), user="Dr A. Test") as records:
        patient = records.create_patient(chart_number="L-1", family_name="Limit")
        visit = records.start_visit(patient.id, clinician="Dr A. Test", started_at=START)
        try:
            visit.plan = plan
            visit.validate()
            add_mark(visit, TextNote(view="anterior", x=10.0, y=10.0, text=note or "n",
                                     note=response))
            records.save_visit(visit)
            records.sign_visit(visit.id, signed_by="Dr A. Test",
                               overrides={SignRequirement.CONSENT: reason,
                                          SignRequirement.NEEDLE_COUNT: reason,
                                          SignRequirement.PRECAUTIONS_REVIEWED: reason})
        except ValidationError:
            assume_refused = True
        else:
            assume_refused = False
        stored = records.open_visit(visit.id)
        assert stored.read_problems == ()  # nothing written breaks a rule on reading
        if not assume_refused:
            assert stored.signed
            assert stored.sign_overrides[SignRequirement.CONSENT] == reason
            assert stored.plan == plan and stored.marks[0].text == (note or "n")


@pytest.mark.parametrize("over", [1, 500])
def test_signing_refuses_a_reason_over_the_limit(records, over):
    patient = records.create_patient(chart_number="L-2", family_name="Limit")
    visit = records.start_visit(patient.id, clinician="Dr A. Test", started_at=START)
    reason = "r" * (limit("sign_overrides") + over)
    with pytest.raises(ValidationError, match="too long"):
        records.sign_visit(visit.id, signed_by="Dr A. Test",
                           overrides={SignRequirement.CONSENT: reason,
                                      SignRequirement.NEEDLE_COUNT: reason,
                                      SignRequirement.PRECAUTIONS_REVIEWED: reason})
    assert not records.open_visit(visit.id).signed
