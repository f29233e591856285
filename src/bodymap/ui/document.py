"""VisitDocument: the open visit, its undo stack, and autosave.

Every user edit of a visit (a mark placed, a note typed, a count changed) is a QUndoCommand
pushed here (see ui/commands.py); the command calls a model edit function, and the document
broadcasts the returned Changes through one ``changed`` signal so each view refreshes only
what was touched. Each completed edit schedules a save through the services; the click that
made it never waits for the disk. The undo stack's clean state means "everything is stored".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from bodymap.model import Changes, Patient, SignedVisitError, ValidationError, Visit
from bodymap.services import StorageError
from bodymap.services.records import Records

AUTOSAVE_DELAY_MS = 150  # short enough that a committed edit is on disk within 500 ms


class VisitDocument(QObject):
    """Owns one open Visit. Views subscribe to ``changed``; edits go through ``push``."""

    changed = Signal(object)  # Changes
    saved = Signal()
    save_failed = Signal(str)  # a message for the person at the keyboard
    read_only_changed = Signal(bool)

    def __init__(self, records: Records, patient: Patient, visit: Visit,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.patient = patient
        self.visit = visit
        self.undo_stack = QUndoStack(self)
        self._saved_index = 0
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.undo_stack.indexChanged.connect(self._edited)

    # -- state ------------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """A signed visit is never edited; corrections are addenda. A stored visit that
        breaks today's rules (``Visit.read_problems``) is shown but not edited either."""
        return self.visit.signed or bool(self.visit.read_problems)

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # -- editing ----------------------------------------------------------------------------
    def push(self, command: QUndoCommand) -> None:
        """Run ``command`` (its redo) and keep it for undo. Refused on a signed visit."""
        if self.read_only:
            raise SignedVisitError("This visit is signed; add an addendum instead.")
        self.undo_stack.push(command)

    def apply(self, edit: Callable[..., Changes], *args: Any, **kwargs: Any) -> Changes:
        """Run a model edit on this visit and broadcast what changed. Commands call this
        from redo/undo; ValidationError propagates with nothing changed."""
        changes = edit(self.visit, *args, **kwargs)
        if changes:
            self.changed.emit(changes)
        return changes

    def _edited(self, _index: int) -> None:
        self._dirty = True
        self._timer.start()

    # -- saving -----------------------------------------------------------------------------
    def save_now(self) -> bool:
        """Write the visit (fields and marks, one transaction). On failure the edits stay
        in memory and on the undo stack, ``save_failed`` says why, and a later edit or
        save retries; nothing already stored is touched."""
        self._timer.stop()
        if not self._dirty or self.read_only:
            return True
        try:
            self.records.save_visit(self.visit)
        except (StorageError, SignedVisitError, ValidationError) as exc:
            message = getattr(exc, "user_message", None) or str(exc)
            self.save_failed.emit(message)
            return False
        self._dirty = False
        self.undo_stack.setClean()
        self.saved.emit()
        return True

    def reload(self) -> None:
        """Re-read the visit from storage (after signing or an addendum), dropping undo
        history: what is stored is now the record."""
        was_read_only = self.read_only
        self.visit = self.records.open_visit(self.visit.id)
        # Clearing the stack changes its index, which marks the document edited and
        # schedules a save: both are undone here, since what is shown is what is stored.
        self.undo_stack.clear()
        self._timer.stop()
        self._dirty = False
        self.changed.emit(Changes(fields=frozenset({"*"})))
        if self.read_only != was_read_only:
            self.read_only_changed.emit(self.read_only)

    def sign(self, **kwargs: Any) -> None:
        """Save pending edits, sign through the services, reload as read-only.
        ValidationError lists unmet requirements (nothing changes)."""
        if not self.save_now():
            raise ValidationError("sign", "The visit could not be saved, so it was not "
                                          "signed. Resolve the save problem first.")
        self.records.sign_visit(self.visit.id, **kwargs)
        self.reload()
