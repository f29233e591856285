"""Reviewing history: a patient's timeline, how often each muscle was needled, and visit
search across patients. Qt-free; the review screens and the tests call these.

Date ranges are calendar days in the clinic's local time zone and both ends are included:
``date_to=2026-03-31`` finds a visit at 23:30 on the 31st.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bodymap.model import Side, VisitStatus
from bodymap.services.records import Records
from bodymap.storage.review import NAME_PATIENT_CAP, ReviewQueries, TimelineRow, VisitHitRow

__all__ = ["NAME_PATIENT_CAP", "TimelineEntry", "VisitHit", "VisitSearchResult", "day_start",
           "needling_counts", "search_visits", "search_visits_page", "timeline"]


@dataclass(frozen=True)
class TimelineEntry:
    """One visit on a patient's timeline: the visit list's fields plus what progress
    plots need (pain extent, needles)."""

    id: str
    patient_id: str
    started_at: datetime
    clinician: str
    status: VisitStatus
    nprs_before: int | None
    nprs_after: int | None
    needles_used: int | None  # as recorded on the visit form
    mark_count: int
    addendum_count: int
    pain_extent: float | None  # total referred-pain extent, % of the body outline
    needle_site_count: int
    needles_charted: int  # sum of needle_count over the charted needle sites

    @property
    def signed(self) -> bool:
        return self.status is VisitStatus.SIGNED

    @property
    def needles(self) -> int:
        """Needles of the visit: the recorded count, else what the chart shows."""
        return self.needles_used if self.needles_used is not None else self.needles_charted


@dataclass(frozen=True)
class VisitHit:
    """A visit found by :func:`search_visits`."""

    visit_id: str
    patient_id: str
    patient_name: str
    chart_number: str
    started_at: datetime
    clinician: str
    status: VisitStatus
    nprs_before: int | None
    nprs_after: int | None
    matched_needles: int | None  # needles into the searched muscle (muscle searches)


def day_start(day: date) -> datetime:
    """Local midnight starting ``day``, as an aware datetime."""
    return datetime.combine(day, time.min).astimezone()


def _range(date_from: date | None, date_to: date | None
           ) -> tuple[datetime | None, datetime | None]:
    # Inclusive calendar days -> the half-open instant range storage compares on.
    since = None if date_from is None else day_start(date_from)
    until = None if date_to is None else day_start(date_to + timedelta(days=1))
    return since, until


def _entry(row: TimelineRow) -> TimelineEntry:
    return TimelineEntry(
        id=row.id, patient_id=row.patient_id, started_at=row.started_at,
        clinician=row.clinician, status=row.status, nprs_before=row.nprs_before,
        nprs_after=row.nprs_after, needles_used=row.needles_used, mark_count=row.mark_count,
        addendum_count=row.addendum_count, pain_extent=row.pain_extent_total,
        needle_site_count=row.needle_site_count, needles_charted=row.needles_charted)


def timeline(records: Records, patient_id: str) -> list[TimelineEntry]:
    """Every visit of the patient, oldest first (one query)."""
    return [_entry(r) for r in ReviewQueries(records._db).timeline(patient_id)]


def needling_counts(records: Records, patient_id: str, *, since: date | None = None,
                    until: date | None = None) -> dict[tuple[str, str], int]:
    """(muscle, side) -> needles inserted there (each needle site counts its
    ``needle_count``) over the patient's visits from ``since`` to ``until`` inclusive."""
    lo, hi = _range(since, until)
    return ReviewQueries(records._db).needle_counts(patient_id, since=lo, until=hi)


def _side(side: Side | str | None) -> str | None:
    if side is None or side == "":
        return None
    return Side(side).value


def search_visits(records: Records, *, text: str | None = None,
                  chart_number: str | None = None, date_from: date | None = None,
                  date_to: date | None = None, muscle: str | None = None,
                  side: Side | str | None = None, kind: str | None = "needle_site",
                  limit: int = 500) -> list[VisitHit]:
    """Visits matching every criterion given, newest first.

    ``text``: words starting the patient's names (accents and case ignored);
    ``chart_number``: a prefix of the chart number; ``date_from``/``date_to``: inclusive
    local days; ``muscle`` (atlas muscle id) and ``side`` ("L"/"R"): the visit has a mark
    of ``kind`` there (default: a needle site, i.e. "visits where left piriformis was
    needled"; None: any mark)."""
    return search_visits_page(records, text=text, chart_number=chart_number,
                              date_from=date_from, date_to=date_to, muscle=muscle, side=side,
                              kind=kind, limit=limit).hits


@dataclass(frozen=True)
class VisitSearchResult:
    """Hits of a search and whether every matching patient was searched (False when a
    name prefix matched more than NAME_PATIENT_CAP patients: type more letters)."""

    hits: list[VisitHit]
    complete: bool


def search_visits_page(records: Records, *, text: str | None = None,
                       chart_number: str | None = None, date_from: date | None = None,
                       date_to: date | None = None, muscle: str | None = None,
                       side: Side | str | None = None, kind: str | None = "needle_site",
                       limit: int = 500) -> VisitSearchResult:
    """:func:`search_visits` with its completeness (what a search screen shows)."""
    lo, hi = _range(date_from, date_to)
    found = ReviewQueries(records._db).search_visits(
        name=text, chart_number=chart_number, since=lo, until=hi, muscle=muscle or None,
        side=_side(side), kind=kind, limit=limit)
    rows: list[VisitHitRow] = found.rows
    hits = [VisitHit(visit_id=r.visit_id, patient_id=r.patient_id, patient_name=r.patient_name,
                     chart_number=r.chart_number, started_at=r.started_at,
                     clinician=r.clinician, status=r.status, nprs_before=r.nprs_before,
                     nprs_after=r.nprs_after, matched_needles=r.matched_needles)
            for r in rows]
    return VisitSearchResult(hits=hits, complete=found.complete and len(hits) < limit)
