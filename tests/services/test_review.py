"""Review services on a real database: timeline rows, needling counts, visit search."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bodymap.model import NeedleSite, VisitStatus, add_mark
from bodymap.services.records import Records
from bodymap.services.review import day_start, needling_counts, search_visits, timeline

# The realistic course of treatment is shared with the review UI tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui" / "review"))
from review_factory import COURSE, NPRS, make_course, needles_at


@pytest.fixture
def course(records: Records):
    return make_course(records)


def test_timeline_lists_every_visit_oldest_first_with_its_figures(records, course):
    entries = timeline(records, course.patient.id)
    assert [e.id for e in entries] == course.visit_ids
    assert [(e.nprs_before, e.nprs_after) for e in entries] == NPRS
    stored_extent = [records.open_visit(v).pain_extent["total"] for v in course.visit_ids]
    assert [e.pain_extent for e in entries] == stored_extent
    assert len(set(stored_extent)) > 1 and all(x > 0 for x in stored_extent)
    assert [e.needles for e in entries] == [sum(c for _, c in plan) for plan in COURSE]
    assert [e.needles_charted for e in entries] == [e.needles_used for e in entries]
    assert [e.status for e in entries] == [VisitStatus.SIGNED] * 4 + [VisitStatus.DRAFT] * 2
    assert entries[0].clinician == "Anna Berg, PT"
    stored = records.open_visit(course.visit_ids[3])
    assert entries[3].mark_count == len(stored.marks)
    assert entries[3].needle_site_count == 2


def test_timeline_of_a_patient_without_visits_is_empty(records):
    p = records.create_patient(chart_number="EMPTY-1", family_name="Nobody")
    assert timeline(records, p.id) == []


def test_timeline_falls_back_to_charted_needles_when_none_recorded(records):
    p = records.create_patient(chart_number="N-1", family_name="Ng")
    visit = records.start_visit(p.id)
    add_mark(visit, NeedleSite(view="posterior", x=270, y=500, side="L", muscle="piriformis",
                               region_id="posterior.piriformis.L", needle_count=3))
    records.save_visit(visit)
    (entry,) = timeline(records, p.id)
    assert entry.needles_used is None and entry.needles == 3 and entry.pain_extent is None


def test_needling_counts_sum_needles_per_muscle_and_side(records, course):
    counts = needling_counts(records, course.patient.id)
    assert counts[("piriformis", "L")] == needles_at("posterior.piriformis.L") == 7
    assert counts[("piriformis", "R")] == 1
    assert counts[("gluteus_medius", "R")] == 3
    assert ("gluteus_medius", "L") not in counts
    # trigger points are not needles
    assert sum(counts.values()) == sum(c for plan in COURSE for _, c in plan)


def test_needling_counts_date_range_includes_both_end_days(records, course):
    # visits 2..4 (0-based 1, 2, 3): from the day of the 2nd to the day of the 4th
    d_from = course.starts[1].astimezone().date()
    d_to = course.starts[3].astimezone().date()
    counts = needling_counts(records, course.patient.id, since=d_from, until=d_to)
    assert counts[("piriformis", "L")] == 1 + 3
    assert counts[("quadratus_lumborum", "L")] == 2
    assert ("upper_trapezius", "L") not in counts  # visit 5 is after the range
    # one day earlier at the end drops the 4th visit
    counts = needling_counts(records, course.patient.id, since=d_from,
                             until=d_to - timedelta(days=1))
    assert counts[("piriformis", "L")] == 1


def test_search_by_muscle_and_side_finds_exactly_the_visits_that_needled_it(records, course):
    other = make_course(records, chart_number="RV-002", family_name="Okafor",
                        given_names="Chinedu")
    hits = search_visits(records, muscle="piriformis", side="L")
    want = {vid for c in (course, other) for vid, plan in zip(c.visit_ids, COURSE)
            if any(rid == "posterior.piriformis.L" for rid, _ in plan)}
    assert {h.visit_id for h in hits} == want and len(hits) == len(want) == 8
    assert [h.started_at for h in hits] == sorted((h.started_at for h in hits), reverse=True)
    first = next(h for h in hits if h.visit_id == course.visit_ids[3])
    assert first.matched_needles == 3 and first.patient_name == "Lindqvist, Maja"
    right = search_visits(records, muscle="piriformis", side="R")
    assert {h.visit_id for h in right} == {course.visit_ids[3], other.visit_ids[3]}
    either = search_visits(records, muscle="piriformis")
    assert len(either) == 8
    # a muscle only trigger-pointed, never needled, is not "needled"
    assert search_visits(records, muscle="soleus", side="R") == []


def test_search_by_name_accent_and_case_insensitive(records, course):
    make_course(records, chart_number="RV-002", family_name="Ångström", given_names="Zoë")
    hits = search_visits(records, text="angstrom zo")
    assert len(hits) == len(COURSE) and {h.chart_number for h in hits} == {"RV-002"}
    assert search_visits(records, text="lindq")[0].patient_name == "Lindqvist, Maja"
    assert search_visits(records, text="nobody") == []


def test_search_by_chart_number_prefix(records, course):
    make_course(records, chart_number="XB-77", family_name="Other")
    assert {h.chart_number for h in search_visits(records, chart_number="RV")} == {"RV-001"}
    assert {h.chart_number for h in search_visits(records, chart_number="xb-7")} == {"XB-77"}


def test_search_by_date_range_bounds_are_inclusive(records):
    p = records.create_patient(chart_number="D-1", family_name="Dates")
    # late evening and early morning in local time: the edges of the days
    days = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]
    ids = []
    for i, d in enumerate(days):
        edge = (day_start(d) + timedelta(hours=23, minutes=59) if i % 2 else day_start(d))
        ids.append(records.start_visit(p.id, started_at=edge).id)
    hits = search_visits(records, date_from=days[1], date_to=days[2], kind=None)
    assert {h.visit_id for h in hits} == {ids[1], ids[2]}
    assert {h.visit_id for h in search_visits(records, date_from=days[3])} == {ids[3]}
    assert {h.visit_id for h in search_visits(records, date_to=days[0])} == {ids[0]}


def test_search_criteria_combine(records, course):
    make_course(records, chart_number="RV-002", family_name="Okafor",
                first=datetime(2025, 6, 1, 9, tzinfo=UTC))
    hits = search_visits(records, text="okafor", muscle="piriformis", side="L",
                         date_to=date(2025, 6, 5))
    assert len(hits) == 1 and hits[0].chart_number == "RV-002"
    assert hits[0].matched_needles == 2


def test_a_name_matching_too_many_patients_says_the_search_is_incomplete(records, monkeypatch):
    import bodymap.storage.review as storage_review
    from bodymap.services.review import search_visits_page

    for n in range(3):
        p = records.create_patient(chart_number=f"S-{n}", family_name="Smith")
        records.start_visit(p.id)
    assert search_visits_page(records, text="smith").complete
    monkeypatch.setattr(storage_review, "NAME_PATIENT_CAP", 2)
    page = search_visits_page(records, text="smith")
    assert not page.complete and len(page.hits) == 2
