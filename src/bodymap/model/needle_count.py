""""Needles used" follows the chart, inside the edit that changes the chart (no Qt).

A clinician counts needles in and out; the chart's needle sites give the count to start from.
While "needles used" is blank or equal to the needles charted, it follows the chart; once the
clinician has typed a count of their own that differs, it stays theirs. The follow-up is part
of the chart edit itself (one undo step, one change broadcast, one save), so undoing a needle
site also undoes the count it brought.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bodymap.model.edits import Changes, set_visit_fields
from bodymap.model.errors import ValidationError
from bodymap.model.visit import Visit

Edit = Callable[..., Changes]


def needles_follow_chart(visit: Visit) -> bool:
    """True while "needles used" is blank or equal to the needles charted."""
    return visit.needles_used is None or visit.needles_used == visit.charted_needles()


def _set_used(visit: Visit, used: int | None) -> Changes:
    if visit.needles_used == used:
        return Changes()
    try:
        return set_visit_fields(visit, needles_used=used)
    except ValidationError:  # a chart beyond the count's limit: the clinician counts
        return Changes()


def following_needles(edit: Edit, follows: bool) -> Edit:
    """``edit`` (a chart edit), then, when ``follows``, "needles used" set to the needles
    now charted (left blank while nothing is charted and nothing was counted)."""

    def run(visit: Visit, *args: Any, **kwargs: Any) -> Changes:
        changes = edit(visit, *args, **kwargs)
        charted = visit.charted_needles()
        if follows and (charted > 0 or visit.needles_used is not None):
            changes = changes | _set_used(visit, charted)
        return changes

    return run


def restoring_needles(edit: Edit, used: int | None) -> Edit:
    """``edit`` (the undo of a chart edit), then "needles used" as it was before that edit."""

    def run(visit: Visit, *args: Any, **kwargs: Any) -> Changes:
        return edit(visit, *args, **kwargs) | _set_used(visit, used)

    return run
