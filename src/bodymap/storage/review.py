"""Read-only queries for reviewing history: a patient's timeline rows, needling counts per
muscle, and visit search across patients (name, chart number, date range, muscle treated).

Each method is one snapshot and a fixed number of statements, whatever the number of
visits: a 200-visit timeline is one query, not 200. Dates are passed as aware datetimes
and compared on ``visits.started_key`` (fixed-width UTC text), so bounds are exact.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bodymap.model import VisitStatus
from bodymap.model.patient import display_name
from bodymap.storage import searchkey
from bodymap.storage.database import Database
from bodymap.storage.visits import started_key

# A name search looks at the visits of at most this many matching patients (a one-letter
# prefix matches thousands; the screen asks for more letters instead of scanning them all).
NAME_PATIENT_CAP = 1000
# Needles charted at a needle site: ``needle_count`` lives in the mark's JSON (default 1).
_NEEDLES = "coalesce(json_extract(m.data, '$.needle_count'), 1)"


@dataclass(frozen=True)
class TimelineRow:
    """One visit as the timeline lists it (no notes, no mark geometry)."""

    id: str
    patient_id: str
    started_at: datetime
    clinician: str
    status: VisitStatus
    nprs_before: int | None
    nprs_after: int | None
    needles_used: int | None
    pain_extent_total: float | None  # % of the body outline; None before it was computed
    mark_count: int
    needle_site_count: int
    needles_charted: int  # sum of needle_count over the needle sites
    addendum_count: int


@dataclass(frozen=True)
class VisitHitRow:
    """One visit found by a search, with its patient and, for a muscle search, how many
    needles went into that muscle."""

    visit_id: str
    patient_id: str
    patient_name: str
    chart_number: str
    started_at: datetime
    clinician: str
    status: VisitStatus
    nprs_before: int | None
    nprs_after: int | None
    matched_needles: int | None


@dataclass(frozen=True)
class VisitSearchRows:
    """Search results; ``complete`` is False when a name matched more than
    NAME_PATIENT_CAP patients and only the first of them were searched."""

    complete: bool
    rows: list[VisitHitRow]


class ReviewQueries:
    """The storage side of the review screens."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def timeline(self, patient_id: str) -> list[TimelineRow]:
        """Every visit of the patient, oldest first, with counts aggregated in SQL."""
        with self.db.snapshot() as conn:
            rows = conn.execute(
                "SELECT v.id, v.patient_id, v.started_at, v.clinician, v.status, "
                "v.nprs_before, v.nprs_after, v.needles_used, "
                "json_extract(v.data, '$.pain_extent.total'), "
                "coalesce(mc.marks, 0), coalesce(mc.sites, 0), coalesce(mc.needles, 0), "
                "(SELECT count(*) FROM addenda a WHERE a.visit_id = v.id) "
                "FROM visits v LEFT JOIN ("
                f"  SELECT m.visit_id, count(*) AS marks, "
                f"  sum(m.kind = 'needle_site') AS sites, "
                f"  sum(CASE WHEN m.kind = 'needle_site' THEN {_NEEDLES} ELSE 0 END) AS needles "
                "  FROM marks m WHERE m.visit_id IN "
                "    (SELECT id FROM visits WHERE patient_id = ?) GROUP BY m.visit_id"
                ") mc ON mc.visit_id = v.id "
                "WHERE v.patient_id = ? ORDER BY v.started_key, v.id",
                (patient_id, patient_id)).fetchall()
        return [TimelineRow(
            id=r[0], patient_id=r[1], started_at=datetime.fromisoformat(r[2]), clinician=r[3],
            status=VisitStatus(r[4]), nprs_before=r[5], nprs_after=r[6], needles_used=r[7],
            pain_extent_total=None if r[8] is None else float(r[8]), mark_count=r[9],
            needle_site_count=r[10], needles_charted=r[11], addendum_count=r[12])
            for r in rows]

    def needle_counts(self, patient_id: str, *, since: datetime | None = None,
                      until: datetime | None = None, kind: str = "needle_site"
                      ) -> dict[tuple[str, str], int]:
        """(muscle, side) -> needles inserted (sum of needle_count) over the patient's
        visits started in [since, until); marks off the muscles are not counted. For
        another ``kind`` (e.g. trigger_point) each mark counts once."""
        where, args = ["v.patient_id = ?", "m.kind = ?", "m.muscle IS NOT NULL",
                       "m.side IS NOT NULL"], [patient_id, kind]
        if since is not None:
            where.append("v.started_key >= ?")
            args.append(started_key(since))
        if until is not None:
            where.append("v.started_key < ?")
            args.append(started_key(until))
        amount = _NEEDLES if kind == "needle_site" else "1"
        with self.db.snapshot() as conn:
            rows = conn.execute(
                f"SELECT m.muscle, m.side, sum({amount}) FROM visits v "
                "JOIN marks m ON m.visit_id = v.id "
                f"WHERE {' AND '.join(where)} GROUP BY m.muscle, m.side", args).fetchall()
        return {(r[0], r[1]): int(r[2]) for r in rows}

    def search_visits(self, *, name: str | None = None, chart_number: str | None = None,
                      since: datetime | None = None, until: datetime | None = None,
                      muscle: str | None = None, side: str | None = None,
                      kind: str | None = "needle_site", limit: int = 500
                      ) -> VisitSearchRows:
        """Visits matching every given criterion, newest first, at most ``limit``.

        ``name``: every word must start a word of the patient's names or chart number
        (accents and case ignored, as the patient search). ``chart_number``: the chart
        number starts with it (as typed, or upper-cased). ``since``/``until``: started in
        [since, until). ``muscle``/``side``: the visit has a mark of ``kind``
        there (``kind`` None: any kind; ``kind`` alone filters nothing)."""
        with self.db.snapshot() as conn:
            where: list[str] = []
            args: list[Any] = []
            complete = self._name_filter(conn, name or "", where, args)
            number = (chart_number or "").strip()
            if number:
                where.append("v.patient_id IN (SELECT id FROM patients WHERE "
                             "(chart_number >= ? AND chart_number < ?) OR "
                             "(chart_number >= ? AND chart_number < ?))")
                args += [number, number + searchkey.PREFIX_END,
                         number.upper(), number.upper() + searchkey.PREFIX_END]
            if since is not None:
                where.append("v.started_key >= ?")
                args.append(started_key(since))
            if until is not None:
                where.append("v.started_key < ?")
                args.append(started_key(until))
            source, matched, mark_args = "visits v", "NULL", []
            if muscle or side:
                # The marks_muscle index (schema v3) yields the matching visits and their
                # needles in one range; the visits are then fetched by id.
                mark_where = []
                for column, value in (("muscle", muscle), ("side", side), ("kind", kind)):
                    if value:
                        mark_where.append(f"m.{column} = ?")
                        mark_args.append(value)
                amount = _NEEDLES if kind == "needle_site" else "1"
                source = (f"(SELECT m.visit_id, sum({amount}) AS needles FROM marks m "
                          f"WHERE {' AND '.join(mark_where)} GROUP BY m.visit_id) h "
                          "JOIN visits v ON v.id = h.visit_id")
                matched = "h.needles"
            sql = ("SELECT v.id, v.patient_id, p.family_name, p.given_names, p.chart_number, "
                   f"v.started_at, v.clinician, v.status, v.nprs_before, v.nprs_after, "
                   f"{matched} FROM {source} JOIN patients p ON p.id = v.patient_id"
                   + (f" WHERE {' AND '.join(where)}" if where else "")
                   + " ORDER BY v.started_key DESC, v.id LIMIT ?")
            rows = conn.execute(sql, (*mark_args, *args, limit)).fetchall()
        return VisitSearchRows(complete=complete, rows=[VisitHitRow(
            visit_id=r[0], patient_id=r[1], patient_name=display_name(r[2], r[3]),
            chart_number=r[4], started_at=datetime.fromisoformat(r[5]), clinician=r[6],
            status=VisitStatus(r[7]), nprs_before=r[8], nprs_after=r[9],
            matched_needles=None if r[10] is None else int(r[10])) for r in rows])

    def _name_filter(self, conn: sqlite3.Connection, name: str, where: list[str],
                     args: list[Any]) -> bool:
        """Add the patient-name condition; False if the name matched more than
        NAME_PATIENT_CAP patients (only the first of them, in word then name order, are
        searched)."""
        tokens = sorted(set(searchkey.query_tokens(name)))
        if not tokens:
            return True
        # As the patient search: the token with the fewest matching terms drives, capped
        # so a one-letter prefix costs a bounded index range rather than every patient;
        # the other tokens are checked per patient.
        counts = {t: self._term_matches(conn, t) for t in tokens}
        driver = min(tokens, key=counts.__getitem__)
        others = [t for t in tokens if t != driver]
        checks = "".join(" AND EXISTS (SELECT 1 FROM patient_terms x WHERE x.patient_id = "
                         "t.patient_id AND x.term >= ? AND x.term < ?)" for _ in others)
        where.append("v.patient_id IN (SELECT t.patient_id FROM patient_terms t "
                     f"WHERE t.term >= ? AND t.term < ?{checks} LIMIT ?)")
        args += [b for t in [driver, *others] for b in (t, t + searchkey.PREFIX_END)]
        args.append(NAME_PATIENT_CAP)
        return counts[driver] <= NAME_PATIENT_CAP

    @staticmethod
    def _term_matches(conn: sqlite3.Connection, token: str) -> int:
        """Patients' name/chart-number terms starting with ``token``, counted up to
        NAME_PATIENT_CAP + 1."""
        return int(conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM patient_terms WHERE term >= ? AND "
            "term < ? LIMIT ?)", (token, token + searchkey.PREFIX_END, NAME_PATIENT_CAP + 1)
        ).fetchone()[0])
