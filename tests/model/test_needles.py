"""The needle table and the clinician's overrides, without Qt."""

from __future__ import annotations

from bodymap.model import NeedleSite
from bodymap.model.needles import (
    FALLBACK,
    NeedleChoice,
    default_needle,
    needle_for_new_site,
    read_overrides,
    table_needle,
    write_overrides,
)


def test_table_values_follow_the_muscle():
    assert table_needle("upper_trapezius") == NeedleChoice(30, 0.25)
    assert table_needle("quadratus_lumborum").length_mm == 60
    assert table_needle("piriformis") == table_needle("gluteus_maximus") == NeedleChoice(75, 0.30)
    assert table_needle(None) == table_needle("no_such_muscle") == FALLBACK


def test_overrides_from_a_hand_edited_file_keep_only_usable_needles():
    raw = {"upper_trapezius": {"length_mm": 25, "diameter_mm": 0.2},
           "piriformis": {"length_mm": -5, "diameter_mm": 0.3},
           "soleus": {"length_mm": 40, "diameter_mm": 0.27},
           "masseter": "30 mm", 7: {}, "gracilis": {"length_mm": True, "diameter_mm": 0.25}}
    assert read_overrides(raw) == {"upper_trapezius": NeedleChoice(25, 0.20)}
    assert read_overrides(["not", "a", "dict"]) == {}


def test_only_differences_from_the_table_are_written():
    chosen = {"upper_trapezius": NeedleChoice(25, 0.20), "soleus": table_needle("soleus")}
    assert write_overrides(chosen) == {"upper_trapezius": {"length_mm": 25, "diameter_mm": 0.2}}
    assert read_overrides(write_overrides(chosen)) == {"upper_trapezius": NeedleChoice(25, 0.2)}


def test_same_as_last_is_per_muscle_within_the_marks_given():
    ql = NeedleSite(view="posterior", x=1, y=1, muscle="quadratus_lumborum",
                    needle_length_mm=75, needle_diameter_mm=0.30)
    own = {"upper_trapezius": NeedleChoice(25, 0.20)}
    assert needle_for_new_site([ql], "quadratus_lumborum", {}) == NeedleChoice(75, 0.30)
    assert needle_for_new_site([ql], "upper_trapezius", {}) == NeedleChoice(30, 0.25)
    assert needle_for_new_site([ql], "upper_trapezius", own) == NeedleChoice(25, 0.20)
    assert default_needle("upper_trapezius", own) == NeedleChoice(25, 0.20)
