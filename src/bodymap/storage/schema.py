"""The database schema and its forward migrations.

The schema version is ``PRAGMA user_version``. ``MIGRATIONS[n]`` turns a version-``n``
database into version ``n + 1``; each runs in its own transaction together with the version
bump, so a crash mid-migration leaves the previous version intact. Old steps are never
edited once released: a released database was made by exactly that code.

History:
  v1  patients, visits, marks, addenda, hash-chained audit log, meta; triggers that make
      signed visits, their marks, addenda and the audit log immutable.
  v2  type-ahead search: ``patients.sort_key`` (accent/case-folded name, indexed) and
      ``patient_terms`` (one row per folded word of name and chart number, keyed by
      term then sort_key, so a prefix's matches come out of one index range ready to
      order by name).
  v3  review search: ``marks_muscle`` (muscle, side, kind, visit_id) so "visits where the
      left piriformis was needled" reads an index range instead of every mark, and
      ``visits_started`` (started_key) for date-range searches across patients.
  v4  triggers that close the ways round v1's: ``INSERT OR REPLACE`` / ``REPLACE INTO``
      (SQLite fires no delete trigger for the row a replace removes), ids that change, and
      patients deleted or re-keyed under their visits when foreign keys are off (the plain
      ``sqlite3`` shell).
  v5  ``audit.content``: the hash of each changed row as the change left it, so verify can
      check the clinical tables against the log; one "baseline" entry records the content
      of every row that existed before.
  v6  ``visits.atlas_version``: the anatomy atlas version each chart is drawn on (its marks'
      positions are in that version's units, so a signed chart never moves when the
      anatomy is redrawn). Every visit before it was charted on version 1; the new column
      changes each visit row's content, so one "baseline" entry records their new hashes.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

from bodymap.model import clock
from bodymap.storage import audit, content, searchkey
from bodymap.storage.content import TABLES

# PRAGMA application_id: "bmap". Tells a bodymap database from any other SQLite file.
APPLICATION_ID = 0x626D6170
SIGNED_VISIT_MESSAGE = "bodymap: a signed visit cannot be changed"
ADDENDUM_MESSAGE = "bodymap: addenda are append-only and belong to signed visits"
AUDIT_MESSAGE = "bodymap: the audit log is append-only"
# The messages name the column (patients.id, marks.id...) the way SQLite's own UNIQUE
# error does: the repositories tell a duplicate id from a duplicate chart number by it.
PATIENT_MESSAGE = "bodymap: a patient with visits keeps its row and its id"

# Version 1 exactly as released. Kept verbatim: tests build a v1 database from it and
# migrate it.
SCHEMA_V1: tuple[str, ...] = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        chart_number TEXT NOT NULL UNIQUE,
        family_name TEXT NOT NULL,
        given_names TEXT NOT NULL,
        date_of_birth TEXT,
        is_demo INTEGER NOT NULL CHECK (is_demo IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)))""",
    "CREATE INDEX patients_family ON patients (family_name COLLATE NOCASE)",
    """CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        started_at TEXT NOT NULL,
        started_key TEXT NOT NULL,
        clinician TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
        signed_by TEXT,
        signed_at TEXT,
        nprs_before INTEGER,
        nprs_after INTEGER,
        needles_used INTEGER,
        needles_removed INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)))""",
    "CREATE INDEX visits_patient ON visits (patient_id, started_key)",
    """CREATE TABLE marks (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits (id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        view TEXT NOT NULL,
        region_id TEXT,
        muscle TEXT,
        side TEXT CHECK (side IN ('L', 'R')),
        data TEXT NOT NULL CHECK (json_valid(data)))""",
    "CREATE INDEX marks_visit ON marks (visit_id, position)",
    """CREATE TABLE addenda (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits (id),
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX addenda_visit ON addenda (visit_id, created_at)",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        patient_id TEXT,
        visit_id TEXT,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL)""",
    "CREATE INDEX audit_patient ON audit (patient_id, seq)",
    "CREATE INDEX audit_visit ON audit (visit_id, seq)",
    # Signed visits: the only allowed change is the one transition draft -> signed.
    f"""CREATE TRIGGER visits_signed_no_update BEFORE UPDATE ON visits
        WHEN OLD.status = 'signed'
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER visits_signed_no_delete BEFORE DELETE ON visits
        WHEN OLD.status = 'signed'
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER marks_signed_no_insert BEFORE INSERT ON marks
        WHEN (SELECT status FROM visits WHERE id = NEW.visit_id) = 'signed'
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER marks_signed_no_update BEFORE UPDATE ON marks
        WHEN (SELECT status FROM visits WHERE id = OLD.visit_id) = 'signed'
          OR (SELECT status FROM visits WHERE id = NEW.visit_id) = 'signed'
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER marks_signed_no_delete BEFORE DELETE ON marks
        WHEN (SELECT status FROM visits WHERE id = OLD.visit_id) = 'signed'
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER addenda_only_on_signed BEFORE INSERT ON addenda
        WHEN (SELECT status FROM visits WHERE id = NEW.visit_id) IS NOT 'signed'
        BEGIN SELECT RAISE(ABORT, '{ADDENDUM_MESSAGE}'); END""",
    f"""CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
        BEGIN SELECT RAISE(ABORT, '{ADDENDUM_MESSAGE}'); END""",
    f"""CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
        BEGIN SELECT RAISE(ABORT, '{ADDENDUM_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END""",
)


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA_V1:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO meta (key, value) VALUES ('created_at', ?)",
                 (clock.now().isoformat(),))


def _to_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE patients ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
    conn.execute("""CREATE TABLE patient_terms (
        term TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        PRIMARY KEY (term, sort_key, patient_id)) WITHOUT ROWID""")
    rows = conn.execute(
        "SELECT id, family_name, given_names, chart_number FROM patients").fetchall()
    for pid, family, given, chart in rows:
        key = searchkey.sort_key(family, given)
        conn.execute("UPDATE patients SET sort_key = ? WHERE id = ?", (key, pid))
        conn.executemany("INSERT INTO patient_terms (term, sort_key, patient_id) "
                         "VALUES (?, ?, ?)",
                         [(t, key, pid) for t in searchkey.terms_for(family, given, chart)])
    conn.execute("CREATE INDEX patient_terms_patient ON patient_terms (patient_id)")
    conn.execute("CREATE INDEX patients_sort ON patients (sort_key, id)")
    conn.execute("DROP INDEX patients_family")  # superseded by patients_sort


def _to_v3(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX marks_muscle ON marks (muscle, side, kind, visit_id)")
    conn.execute("CREATE INDEX visits_started ON visits (started_key, id)")


# v4: an insert is refused when its key collides with a row that must not be replaced; ids
# never change. A plain INSERT with such a key failed already (UNIQUE); these make
# INSERT OR REPLACE and UPDATE OR REPLACE fail the same way.
_V4_TRIGGERS: tuple[str, ...] = (
    f"""CREATE TRIGGER visits_signed_no_replace BEFORE INSERT ON visits
        WHEN EXISTS (SELECT 1 FROM visits WHERE id = NEW.id AND status = 'signed')
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER visits_id_fixed BEFORE UPDATE OF id ON visits
        WHEN NEW.id IS NOT OLD.id
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE} (visits.id never changes)'); END""",
    f"""CREATE TRIGGER marks_signed_no_replace BEFORE INSERT ON marks
        WHEN EXISTS (SELECT 1 FROM marks m JOIN visits v ON v.id = m.visit_id
                     WHERE m.id = NEW.id AND v.status = 'signed')
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE} (marks.id is a signed mark)'); END""",
    f"""CREATE TRIGGER marks_id_fixed BEFORE UPDATE OF id ON marks
        WHEN NEW.id IS NOT OLD.id
        BEGIN SELECT RAISE(ABORT, '{SIGNED_VISIT_MESSAGE} (marks.id never changes)'); END""",
    """CREATE TRIGGER addenda_no_replace BEFORE INSERT ON addenda
        WHEN EXISTS (SELECT 1 FROM addenda WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'bodymap: addenda.id exists; addenda are never replaced');
        END""",
    f"""CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
        WHEN EXISTS (SELECT 1 FROM audit WHERE seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END""",
    f"""CREATE TRIGGER patients_with_visits_no_delete BEFORE DELETE ON patients
        WHEN EXISTS (SELECT 1 FROM visits WHERE patient_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, '{PATIENT_MESSAGE}'); END""",
    f"""CREATE TRIGGER patients_with_visits_id_fixed BEFORE UPDATE OF id ON patients
        WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM visits WHERE patient_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, '{PATIENT_MESSAGE} (patients.id)'); END""",
    f"""CREATE TRIGGER patients_with_visits_no_replace BEFORE INSERT ON patients
        WHEN EXISTS (SELECT 1 FROM visits WHERE patient_id = NEW.id)
        BEGIN SELECT RAISE(ABORT, '{PATIENT_MESSAGE} (patients.id)'); END""",
    f"""CREATE TRIGGER patients_chart_no_replace BEFORE INSERT ON patients
        WHEN EXISTS (SELECT 1 FROM patients p JOIN visits v ON v.patient_id = p.id
                     WHERE p.chart_number = NEW.chart_number)
        BEGIN SELECT RAISE(ABORT, '{PATIENT_MESSAGE} (chart_number is taken)'); END""",
    f"""CREATE TRIGGER patients_chart_no_replace_on_update BEFORE UPDATE OF chart_number
        ON patients
        WHEN EXISTS (SELECT 1 FROM patients p JOIN visits v ON v.patient_id = p.id
                     WHERE p.chart_number = NEW.chart_number AND p.id IS NOT OLD.id)
        BEGIN SELECT RAISE(ABORT, '{PATIENT_MESSAGE} (chart_number is taken)'); END""",
)


def _to_v4(conn: sqlite3.Connection) -> None:
    for statement in _V4_TRIGGERS:
        conn.execute(statement)


def _to_v5(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE audit ADD COLUMN content TEXT")
    records = []
    for kind, table in TABLES.items():
        scope = {"patient": "id AS patient_id, NULL", "visit": "patient_id, id",
                 "mark": "(SELECT patient_id FROM visits WHERE id = visit_id), visit_id",
                 "addendum": "(SELECT patient_id FROM visits WHERE id = visit_id), visit_id"}
        rows = conn.execute(f"SELECT id, {scope[kind]} FROM {table} ORDER BY rowid")
        records += [audit.AuditRecord("baseline", kind, ident, patient_id=patient,
                                      visit_id=visit) for ident, patient, visit in rows]
    audit.append(conn, "bodymap (schema v5)", records)


def _to_v6(conn: sqlite3.Connection) -> None:
    # Adding a column updates no row (no trigger fires): signed visits stay as signed, now
    # read with atlas_version 1, which is what they were drawn on.
    conn.execute("ALTER TABLE visits ADD COLUMN atlas_version INTEGER NOT NULL DEFAULT 1 "
                 "CHECK (typeof(atlas_version) = 'integer' AND atlas_version >= 1)")
    rows = conn.execute("SELECT id, patient_id FROM visits ORDER BY rowid")
    records = [audit.AuditRecord("baseline", "visit", ident, patient_id=patient,
                                 visit_id=ident) for ident, patient in rows]
    if records:
        audit.append(conn, "bodymap (schema v6)", records)


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[Migration, ...] = (_to_v1, _to_v2, _to_v3, _to_v4, _to_v5, _to_v6)
LATEST_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, *, target: int = LATEST_VERSION) -> int:
    """Bring an open read-write connection (autocommit mode) up to ``target``; returns the
    version it started from. One transaction per step."""
    start = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for version in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            content.forget_columns()  # the step may have changed a table's columns
    return start


def _master(conn: sqlite3.Connection) -> dict[str, tuple[str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {name: (kind, table, sql) for kind, name, table, sql in rows}


@functools.cache
def defined_schema(version: int) -> dict[str, tuple[str, str, str | None]]:
    """The tables, indexes, triggers and views a version-``version`` database has, as
    ``sqlite_master`` holds them (name -> (type, table, sql)): built by the migrations
    themselves in memory, so it is exactly what they make."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, target=version)
        return _master(conn)
    finally:
        conn.close()


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """How the schema behind ``conn`` differs from the one bodymap defines for
    ``version``: one line per table, index, trigger or view missing, added or altered
    ([] when identical). A dropped trigger lifts the immutability of signed visits; an
    added one can rewrite what is saved: either makes the file untrustworthy."""
    found, wanted = _master(conn), defined_schema(version)
    problems = []
    for name in sorted(wanted.keys() | found.keys()):
        kind = (wanted.get(name) or found[name])[0]
        if name not in found:
            problems.append(f"{kind} {name} is missing")
        elif name not in wanted:
            problems.append(f"{kind} {name} was added (bodymap defines no such {kind})")
        elif found[name] != wanted[name]:
            problems.append(f"{kind} {name} differs from bodymap's definition")
    return problems
