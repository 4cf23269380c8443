"""Words that are never part of an Indonesian person's name, even when capitalised.

The data is ``data/name_stop.txt``: sentence-initial function words, days and
months, words that begin institution, place and event names, and acronyms of
non-persons. A name scanner stops at them. Read on first use and cached;
importing the module reads nothing.
"""

from __future__ import annotations

import functools

from kgraph.errors import ModelError
from kgraph.lang.id._data import read_lines, split_forms


@functools.cache
def name_stop() -> frozenset[str]:
    """Return the lowercase words that never belong to a person's name ("senin", "pemerintah").

    Compare a token lowercased; abbreviations are listed with and without
    their dot ("kab", "kab.").

    Raises:
        ModelError: ``name_stop.txt`` is missing or malformed.
    """
    out = set()
    for line in read_lines("name_stop.txt"):
        for form in split_forms(line):
            word = form.lower()
            if len(word.split()) != 1:
                raise ModelError(f"kgraph language data name_stop.txt: not one word: {form!r}")
            out.add(word)
    return frozenset(out)


@functools.cache
def name_abbreviations() -> frozenset[str]:
    """Return abbreviated given names that keep their dot inside a name ("moh", "abd").

    >>> "moh" in name_abbreviations()
    True
    """
    return frozenset(w.lower().rstrip(".") for w in read_lines("name_abbreviations.txt"))


@functools.lru_cache(maxsize=65536)
def is_name_abbreviation(token: str) -> bool:
    """True for "Moh", "Abd" or a single capital letter ("Q"): a dot after it continues a name."""
    t = token.rstrip(".")
    return (len(t) == 1 and t.isupper()) or t.lower() in name_abbreviations()


@functools.cache
def person_nouns() -> frozenset[str]:
    """Return nouns that introduce a named person without a post ("warga", "cendekiawan").

    >>> "warga" in person_nouns()
    True
    """
    return frozenset(" ".join(w.lower().split()) for w in read_lines("person_nouns.txt"))
