"""Errors raised by the domain model."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value a clinician (or an import file) gave is impossible.

    ``field`` names the offending field so a form can point at it; the message is written for
    the person at the keyboard, e.g. "NPRS before treatment must be 0-10 (got 11)".
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class SignedVisitError(PermissionError):
    """An edit was attempted on a signed visit; corrections must be made as addenda."""
