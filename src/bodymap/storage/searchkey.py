"""Accent- and case-insensitive search keys for type-ahead patient search.

"angstrom" finds "Ångström", "zoe" finds "Zoë", "obrien" and "o'brien" find "O'Brien".
Keys are stored (schema v2: ``patient_terms``) so a keystroke is an index range scan, not a
scan of every name through a Python function.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into base + accent but that people type as ASCII.
_FOLD_EXTRA = str.maketrans({
    "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ı": "i", "ŧ": "t", "þ": "th",
    "æ": "ae", "œ": "oe", "ŋ": "n",
})
_WORD_BREAK = re.compile(r"[\W_]+")
# Sorts after every other character in SQLite's BINARY (UTF-8 memcmp) order, so
# ``term >= p AND term < p + PREFIX_END`` selects exactly the terms starting with ``p``.
PREFIX_END = "\U0010ffff"


@lru_cache(maxsize=8192)  # names repeat: a clinic has many Smiths and many Annas
def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (scripts without case or accents pass
    through unchanged: Arabic vowel marks are dropped, Chinese is kept as is)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare.translate(_FOLD_EXTRA))


def query_tokens(text: str) -> list[str]:
    """The words of a search box entry, folded; empty for blank input."""
    return [t for t in _WORD_BREAK.split(fold(text)) if t]


def terms_for(*fields: str) -> set[str]:
    """Every key under which a patient is found: each word of each field, plus each field
    with its punctuation and spaces removed (so "obrien" and "smithjones" match)."""
    terms: set[str] = set()
    for value in fields:
        words = query_tokens(value)
        terms.update(words)
        if len(words) > 1:
            terms.add("".join(words))
    return terms


def sort_key(family_name: str, given_names: str) -> str:
    """Key that orders patients by family name, then given names, ignoring case/accents."""
    return f"{fold(family_name)}\x1f{fold(given_names)}"

