"""The limits of every free-text field of the record, defined once.

The model's validators (what the services, import and copy-forward write), the read path,
the signing dialog's text boxes, the import validator and docs/export-format.md all take
their numbers from here, so a value one path accepts is never one another path refuses.
"""

from __future__ import annotations

MAX_TEXT = 100_000  # characters in one free-text field (a long SOAP note is ~5,000)
MAX_SHORT = 200  # names, chart numbers, clinician, signer, addendum author
MAX_REASON = 2_000  # an override reason, a patient's response, a note on the diagram
MAX_CHART_NUMBER = 40
MAX_VIEW_KEY = 64  # a view id (also a pain-extent key)
MAX_ANATOMY_ID = 128  # a region or muscle id

# Field -> the most characters it may hold. Fields not listed are not free text.
FIELD_LIMITS: dict[str, int] = {
    # patient
    "chart_number": MAX_CHART_NUMBER, "family_name": MAX_SHORT, "given_names": MAX_SHORT,
    "phone": MAX_SHORT, "email": MAX_SHORT, "address": MAX_SHORT,
    "precautions": MAX_SHORT, "notes": MAX_TEXT,
    # visit
    "clinician": MAX_SHORT, "signed_by": MAX_SHORT, "sign_overrides": MAX_REASON,
    "subjective": MAX_TEXT, "objective": MAX_TEXT, "assessment": MAX_TEXT, "plan": MAX_TEXT,
    "instructions": MAX_TEXT, "pressure_pain_threshold": MAX_TEXT,
    "range_of_motion": MAX_TEXT, "adverse_event_notes": MAX_TEXT,
    "pain_extent": MAX_VIEW_KEY,
    # marks and addenda
    "view": MAX_VIEW_KEY, "region_id": MAX_ANATOMY_ID, "muscle": MAX_ANATOMY_ID,
    "response": MAX_REASON, "text": MAX_REASON, "author": MAX_SHORT, "note": MAX_TEXT,
    "addendum_text": MAX_TEXT,
}


def limit(field: str) -> int:
    """The most characters ``field`` may hold."""
    return FIELD_LIMITS[field]
