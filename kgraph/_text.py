"""Small text helpers shared by the stages: name keys, slugs, capitalisation."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: the matching key of a name.

    >>> fold("H.W. Musyafirin")
    'h w musyafirin'
    >>> fold("Pemkab  Serang")
    'pemkab serang'
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", t.lower())).strip()


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A person-name key: :func:`fold`, with runs of single letters joined ("h w" -> "hw").

    >>> name_key("H. W. Musyafirin") == name_key("HW Musyafirin")
    True
    """
    out: list[str] = []
    run = ""
    for tok in fold(text).split():
        if len(tok) == 1:
            run += tok
            continue
        if run:
            out.append(run)
            run = ""
        out.append(tok)
    if run:
        out.append(run)
    return " ".join(out)


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """An IRI-safe slug: ASCII letters, digits, dots and hyphens.

    >>> slug("Pemerintah Kabupaten Serang")
    'pemerintah-kabupaten-serang'
    >>> slug("HUT Korpri ke-52")
    'hut-korpri-ke-52'
    """
    t = unicodedata.normalize("NFKD", text)
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"[^a-z0-9.]+", "-", t).strip("-.")
    return re.sub(r"-{2,}", "-", t) or "x"


def is_cap(text: str) -> bool:
    """True when a token starts with an upper-case letter ("Bupati", "KPU", "Q.")."""
    return bool(text) and text[0].isupper()


@functools.lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _SPACES.sub(" ", text).strip()
