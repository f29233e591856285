"""The chart's undo stack as a state machine (Hypothesis): after any sequence of chart
commands (place, move, edit, delete marks; set visit fields), each undo gives back the state
before its command, step by step to the first; each redo the state after it, to the last;
and saving then reopening gives the visit as edited."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from bodymap.model import NeedleSite, TriggerPoint, ValidationError, Visit
from bodymap.model.codec import visit_to_dict
from bodymap.services.records import Records
from bodymap.ui.commands import AddMark, EditMark, MoveMark, RemoveMark, SetVisitFields
from bodymap.ui.document import VisitDocument

# where marks go: inside the anterior view, away from its edges
XS = st.floats(min_value=100, max_value=500, allow_nan=False)
YS = st.floats(min_value=100, max_value=900, allow_nan=False)
SIDES = st.sampled_from(["L", "R"])


def state(visit: Visit) -> dict[str, Any]:
    """What the record says, without the time of the last edit (undo re-touches it)."""
    d = visit_to_dict(visit)
    del d["updated_at"]
    return d


class ChartMachine(RuleBasedStateMachine):
    @initialize()
    def open_visit(self) -> None:
        self.folder = tempfile.TemporaryDirectory()
        self.records = Records.open(Path(self.folder.name), user="Anna Berg, PT")
        patient = self.records.create_patient(chart_number="SM-1", family_name="Machine")
        visit = self.records.start_visit(patient.id, clinician="Anna Berg, PT")
        self.doc = VisitDocument(self.records, patient, self.records.open_visit(visit.id))
        # history[i]: the record with the first i commands of the undo stack applied
        self.history = [state(self.doc.visit)]

    def push(self, make: Callable[[], object]) -> None:
        """Make the command and push it. An impossible value (a NUL in a note, a mark moved
        off the diagram) is refused when the command is made: nothing changes."""
        try:
            command = make()
        except ValidationError:
            assert state(self.doc.visit) == self.history[-1]
            return
        self.doc.push(command)  # type: ignore[arg-type]
        # a merged edit (typing) replaces the state of the command it merged into
        self.history[self.doc.undo_stack.index():] = [state(self.doc.visit)]

    def teardown(self) -> None:
        if hasattr(self, "records"):
            self.records.close(backup=False)
            self.folder.cleanup()

    @rule(x=XS, y=YS, side=SIDES, active=st.booleans())
    def place_trigger_point(self, x: float, y: float, side: str, active: bool) -> None:
        self.push(lambda: AddMark(self.doc, TriggerPoint(
            view="anterior", x=x, y=y, muscle="rectus_femoris", side=side,
            tp_kind="active" if active else "latent")))

    @rule(x=XS, y=YS, side=SIDES, needles=st.integers(1, 5))
    def place_needle_site(self, x: float, y: float, side: str, needles: int) -> None:
        self.push(lambda: AddMark(self.doc, NeedleSite(
            view="anterior", x=x, y=y, muscle="vastus_lateralis", side=side,
            needle_count=needles)))

    @precondition(lambda self: self.doc.visit.marks)
    @rule(pick=st.integers(0, 1000), dx=st.floats(-50, 50), dy=st.floats(-50, 50))
    def move_a_mark(self, pick: int, dx: float, dy: float) -> None:
        mark = self.doc.visit.marks[pick % len(self.doc.visit.marks)]
        self.push(lambda: MoveMark(self.doc, mark.id, dx, dy))

    @precondition(lambda self: self.doc.visit.marks)
    @rule(pick=st.integers(0, 1000), note=st.text(max_size=20))  # NUL, lone surrogates too
    def edit_a_note(self, pick: int, note: str) -> None:
        mark = self.doc.visit.marks[pick % len(self.doc.visit.marks)]
        self.push(lambda: EditMark(self.doc, mark.id, note=note))

    @precondition(lambda self: self.doc.visit.marks)
    @rule(pick=st.integers(0, 1000))
    def delete_a_mark(self, pick: int) -> None:
        mark = self.doc.visit.marks[pick % len(self.doc.visit.marks)]
        self.push(lambda: RemoveMark(self.doc, mark.id))

    @rule(before=st.none() | st.integers(0, 10), after=st.none() | st.integers(0, 10))
    def score_pain(self, before: int | None, after: int | None) -> None:
        self.push(lambda: SetVisitFields(self.doc, nprs_before=before, nprs_after=after))

    @rule()
    def undo_all_redo_all_save_and_reopen(self) -> None:
        stack = self.doc.undo_stack
        assert stack.index() == len(self.history) - 1
        while stack.canUndo():
            stack.undo()
            assert state(self.doc.visit) == self.history[stack.index()]
        while stack.canRedo():
            stack.redo()
            assert state(self.doc.visit) == self.history[stack.index()]
        assert self.doc.save_now()
        assert state(self.records.open_visit(self.doc.visit.id)) == self.history[-1]

    @invariant()
    def needles_used_follow_the_chart(self) -> None:
        if hasattr(self, "doc") and self.doc.visit.needles_used is not None:
            assert self.doc.visit.needles_used == self.doc.visit.charted_needles()


def test_any_sequence_of_chart_commands_undoes_redoes_and_saves(qapp) -> None:
    run_state_machine_as_test(ChartMachine, settings=settings(
        max_examples=30, stateful_step_count=15, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))
