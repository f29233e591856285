"""User preferences, declared once (key, type, default) and kept in a small SQLite file so a
crash can never leave them half-written. Window geometry and similar UI state live in
QSettings instead; clinical data never lives here.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bodymap.paths import config_dir, documents_dir


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    help: str


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return "unknown user"


# Starting points clinicians edit in Preferences; per SOAP field, template name -> text.
DEFAULT_SOAP_TEMPLATES: dict[str, dict[str, str]] = {
    "subjective": {
        "Follow-up": "Pain since last visit (NPRS 0-10): \nSoreness after last treatment "
                     "lasted: \nChanges in sleep, work, activity: \nMedication changes: ",
        "New complaint": "Chief complaint: \nOnset and mechanism: \nAggravating factors: "
                         "\nEasing factors: \nGoals: ",
    },
    "objective": {
        "Palpation and ROM": "Palpation: taut bands with tender trigger points in \n"
                             "Referred pain reproduced: yes / no\nROM: \nStrength: ",
    },
    "assessment": {
        "Myofascial pain": "Findings consistent with myofascial pain from active trigger "
                           "points in . Tolerated dry needling well; local twitch "
                           "responses elicited.",
    },
    "plan": {
        "Series": "Dry needling 1x/week for 4-6 visits, with home exercise programme. "
                  "Reassess NPRS and ROM each visit.",
        "Discharge": "Goals met; discharge to home exercise programme. Return as needed.",
    },
}
DEFAULT_INSTRUCTION_TEMPLATE = (
    "After dry needling:\n"
    "- Soreness in the treated muscles for 24-48 hours is expected; heat, gentle stretching "
    "and walking help.\n"
    "- Drink plenty of water today.\n"
    "- Keep moving normally; avoid intense exercise or heavy lifting for 24 hours.\n"
    "- A small bruise at a needle site can occur and fades within days.\n"
    "- Call the clinic if soreness lasts more than 48 hours, or if you notice increasing "
    "redness, swelling or warmth at a site.\n"
    "- Seek urgent care for shortness of breath or chest pain after treatment near the chest "
    "or upper back.")

OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("clinician_name", str, "", "Your name as it appears on signed records"),
    Option("clinician_credentials", str, "", "Credentials printed after the name, e.g. PT, DPT"),
    Option("clinic_name", str, "", "Clinic name printed on charts"),
    Option("data_dir", str, "", "Data directory; empty means the platform default"),
    Option("backups_keep", int, 10, "How many automatic backups to keep"),
    Option("needle_defaults", dict, {},
           "The clinician's own needle per muscle, where it differs from the built-in "
           "table: {muscle id: {length_mm, diameter_mm}}"),
    Option("soap_templates", dict, DEFAULT_SOAP_TEMPLATES,
           "Note templates per SOAP field: {field: {template name: text}}"),
    Option("instruction_template", str, DEFAULT_INSTRUCTION_TEMPLATE,
           "Post-treatment instructions given to the patient"),
    Option("protocols", dict, {},
           "The clinician's protocols, by name (services/protocols.py)"),
    Option("export_folders", dict, {},
           "The folder last used for each kind of export: {kind: folder}"),
)}
# fhir: where the EHR picks bundles up; protocols: files of protocols shared between clinicians
EXPORT_KINDS = ("pdf", "json", "csv", "png", "fhir", "protocols")


class Settings:
    """Typed access to the declared options. Unknown keys are refused, so a typo in code is an
    error, not a silently separate setting."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.sqlite"
        self._values: dict[str, Any] = {}
        self._conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.execute("CREATE TABLE IF NOT EXISTS settings "
                               "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            rows = self._conn.execute("SELECT key, value FROM settings").fetchall()
            for key, raw in rows:
                opt = OPTIONS.get(key)
                try:
                    value = json.loads(raw)
                except ValueError:
                    continue
                if opt is not None and isinstance(value, opt.type):
                    self._values[key] = value
        except (sqlite3.Error, OSError):
            # Preferences are a convenience: if the file or its folder is unusable, run on
            # defaults and keep them in memory rather than refusing to open the clinical
            # record.
            if self._conn is not None:
                self._conn.close()
            self._conn = None

    def get(self, key: str) -> Any:
        opt = OPTIONS[key]
        return self._values.get(key, opt.default)

    def set(self, key: str, value: Any) -> None:
        opt = OPTIONS[key]
        if not isinstance(value, opt.type):
            raise TypeError(f"setting {key} takes {opt.type.__name__}, got {value!r}")
        self._values[key] = value
        if self._conn is not None:
            with self._conn:
                self._conn.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)",
                                   (key, json.dumps(value)))

    @property
    def clinician(self) -> str:
        """"Name, Credentials" for records; the login name until a profile is set."""
        name = self.get("clinician_name").strip() or _login_name()
        cred = self.get("clinician_credentials").strip()
        return f"{name}, {cred}" if cred else name

    def export_folder(self, kind: str) -> Path:
        """Where a file dialog for exporting ``kind`` (one of EXPORT_KINDS) starts: the
        folder last used for that kind while it still exists, else the documents folder
        (never the working folder of the process)."""
        if kind not in EXPORT_KINDS:
            raise ValueError(f"export kind must be one of {', '.join(EXPORT_KINDS)}")
        last = self.get("export_folders").get(kind)
        if isinstance(last, str) and last and Path(last).is_dir():
            return Path(last)
        return documents_dir()

    def remember_export_folder(self, kind: str, folder: Path) -> None:
        """Keep ``folder`` as the start of the next ``kind`` export dialog."""
        if kind not in EXPORT_KINDS:
            raise ValueError(f"export kind must be one of {', '.join(EXPORT_KINDS)}")
        self.set("export_folders", {**self.get("export_folders"), kind: str(folder)})

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
