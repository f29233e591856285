"""Undoable edits of an open visit. Each command's redo/undo calls a plain model edit
through VisitDocument.apply; a drag or a run of typing merges into one undo step."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from bodymap.model import (
    Changes,
    Mark,
    ValidationError,
    Visit,
    add_mark,
    remove_mark,
    replace_mark,
    set_visit_fields,
)
from bodymap.model.edits import EDITABLE_VISIT_FIELDS, _require_draft, moved_mark
from bodymap.model.needle_count import following_needles, needles_follow_chart, restoring_needles
from bodymap.ui.document import VisitDocument

# Command ids for mergeWith (QUndoCommand merges only commands with equal, non -1 ids).
EDIT_MARK_ID = 2
VISIT_FIELDS_ID = 3
# Edits of the same field closer together than this are one undo step (typing a word,
# "1" then "10" in a score); a pause longer than this starts a new step.
MERGE_WINDOW_S = 2.0

KIND_NAMES = {"trigger_point": "trigger point", "needle_site": "needle site",
              "pain_zone": "pain zone", "text_note": "text note"}


def mark_name(mark: Mark) -> str:
    return KIND_NAMES.get(mark.kind, mark.kind.replace("_", " "))


class ChartCommand(QUndoCommand):
    """A chart edit that carries what it derives: "needles used" follows the needles
    charted (model.needle_count) inside this same command, so a needle site placed is one
    undo step, one change broadcast and one save."""

    def __init__(self, doc: VisitDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.follows = needles_follow_chart(doc.visit)
        self.used_before = doc.visit.needles_used

    def forward(self, edit: Callable[..., Changes], *args: Any) -> None:
        self.doc.apply(following_needles(edit, self.follows), *args)

    def back(self, edit: Callable[..., Changes], *args: Any) -> None:
        self.doc.apply(restoring_needles(edit, self.used_before), *args)


class AddMark(ChartCommand):
    def __init__(self, doc: VisitDocument, mark: Mark) -> None:
        super().__init__(doc, f"Add {mark_name(mark)}")
        self.mark = mark

    def redo(self) -> None:
        self.forward(add_mark, self.mark)

    def undo(self) -> None:
        self.back(remove_mark, self.mark.id)


class RemoveMark(ChartCommand):
    """Delete a mark; undo puts it back at the same place in the drawing order, and
    re-links the pain zones that named it as their source."""

    def __init__(self, doc: VisitDocument, mark_id: str) -> None:
        mark = doc.visit.mark(mark_id)
        super().__init__(doc, f"Delete {mark_name(mark)}")
        self.mark = mark
        self.index = doc.visit.mark_index(mark_id)
        self.linked = [m for m in doc.visit.marks
                       if getattr(m, "source_id", None) == mark_id]

    def redo(self) -> None:
        self.forward(remove_mark, self.mark.id)

    def undo(self) -> None:
        self.back(add_mark, self.mark, self.index)
        for zone in self.linked:
            self.doc.apply(replace_mark, zone)


class MoveMark(QUndoCommand):
    """Translate a mark by (dx, dy) and, with ``relabel``, give it the region, muscle and
    side of where it now lies. The canvas pushes one MoveMark when a drag ends, so a drag
    is one undo step however many mouse events it took; undo restores position and labels.
    ValidationError here, before anything changes, if the moved mark is impossible."""

    def __init__(self, doc: VisitDocument, mark_id: str, dx: float, dy: float,
                 relabel: dict[str, Any] | None = None) -> None:
        self.before = doc.visit.mark(mark_id)
        super().__init__(f"Move {mark_name(self.before)}")
        self.doc, self.mark_id, self.dx, self.dy = doc, mark_id, dx, dy
        self.after = dataclasses.replace(moved_mark(self.before, dx, dy), **(relabel or {}))

    def redo(self) -> None:
        self.doc.apply(replace_mark, self.after)

    def undo(self) -> None:
        self.doc.apply(replace_mark, self.before)


class EditMark(ChartCommand):
    """Change fields of one mark (inspector edits). Successive edits of the same fields of
    the same mark merge, so typing a note is one undo step. An impossible value raises
    ValidationError here, before anything is pushed or changed."""

    def __init__(self, doc: VisitDocument, mark_id: str, text: str = "", /,
                 **values: Any) -> None:
        # positional-only: a text note's own field is also called "text"
        before = doc.visit.mark(mark_id)
        super().__init__(doc, text or f"Edit {mark_name(before)}")
        if "id" in values:
            raise ValidationError("id", "A mark's id cannot change")
        self.mark_id, self.values = mark_id, values
        self.before = before
        self.after: Mark = dataclasses.replace(before, **values)
        self.last_edit = time.monotonic()

    def id(self) -> int:
        return EDIT_MARK_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, EditMark) and other.mark_id == self.mark_id
                and other.values.keys() == self.values.keys()
                and other.last_edit - self.last_edit <= MERGE_WINDOW_S):
            return False
        self.values = other.values
        self.after = other.after
        self.last_edit = other.last_edit
        return True

    def redo(self) -> None:
        self.forward(replace_mark, self.after)

    def undo(self) -> None:
        self.back(replace_mark, self.before)


class SetVisitFields(QUndoCommand):
    """Set note, count and screening fields. A burst of typing in one field (keystrokes
    less than MERGE_WINDOW_S apart) is one undo step; a pause starts a new one."""

    def __init__(self, doc: VisitDocument, text: str = "", **values: Any) -> None:
        super().__init__(text or "Edit " + ", ".join(k.replace("_", " ") for k in values))
        unknown = set(values) - EDITABLE_VISIT_FIELDS
        if unknown:
            raise ValidationError(sorted(unknown)[0], f"{sorted(unknown)[0]!r} is not an "
                                                      "editable visit field")
        # Validate the result now, on a copy, so a bad value never reaches the stack.
        dataclasses.replace(doc.visit, **values)
        self.doc, self.values = doc, values
        self.before = {k: getattr(doc.visit, k) for k in values}
        self.last_edit = time.monotonic()

    def id(self) -> int:
        return VISIT_FIELDS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, SetVisitFields) and other.values.keys() == self.values.keys()
                and other.last_edit - self.last_edit <= MERGE_WINDOW_S):
            return False
        self.values = other.values
        self.last_edit = other.last_edit
        return True

    def redo(self) -> None:
        self.doc.apply(set_visit_fields, **self.values)

    def undo(self) -> None:
        self.doc.apply(set_visit_fields, **self.before)


# -- chart editor additions ------------------------------------------------------------------
def set_pain_extent(visit: Visit, extent: dict[str, float]) -> Changes:
    """Store the derived pain extent (percent per view and "total") on a draft visit."""
    _require_draft(visit)
    if visit.pain_extent == extent:
        return Changes()
    before = visit.pain_extent
    visit.pain_extent = dict(extent)
    try:
        visit.validate()
    except ValidationError:
        visit.pain_extent = before
        raise
    return Changes(fields=frozenset({"pain_extent"}))


class SetPainExtent(QUndoCommand):
    """Recompute the pain extent when it runs (``compute(visit)``), so that inside a
    Compound after a zone edit it stores the value that edit produced; undo restores the
    value from before."""

    def __init__(self, doc: VisitDocument, compute: Callable[[Visit], dict[str, float]]) -> None:
        super().__init__("Update pain extent")
        self.doc, self.compute = doc, compute
        self.before: dict[str, float] = dict(doc.visit.pain_extent)

    def redo(self) -> None:
        self.before = dict(self.doc.visit.pain_extent)
        self.doc.apply(set_pain_extent, self.compute(self.doc.visit))

    def undo(self) -> None:
        self.doc.apply(set_pain_extent, self.before)


class Compound(QUndoCommand):
    """Several commands as one undo step named ``text`` (e.g. a pain zone made from a
    referral pattern, plus the pain extent it changes). Redo runs them in order, undo in
    reverse; if one fails, the ones already run are undone before the error propagates."""

    def __init__(self, text: str, commands: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.commands = commands

    def redo(self) -> None:
        done: list[QUndoCommand] = []
        try:
            for cmd in self.commands:
                cmd.redo()
                done.append(cmd)
        except Exception:
            for cmd in reversed(done):
                cmd.undo()
            raise

    def undo(self) -> None:
        for cmd in reversed(self.commands):
            cmd.undo()
