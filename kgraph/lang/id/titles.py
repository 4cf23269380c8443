"""Indonesian official titles (jabatan) and the acting/former markers before them.

The data is ``data/titles.tsv`` (one surface form per row with its normalised
role, the level of government the title implies and the institution it
implies) and ``data/acting.tsv`` (Pj, Plt, Plh, mantan, calon, ...). Every form
is compared after :func:`normalise_title`, so "Wabup", "WABUP" and "Wabup."
are one key, and "Wakil Wali-Kota" is "wakil wali kota". Everything is read on
first use and cached; importing the module reads nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kgraph.errors import ModelError
from kgraph.lang.id._data import read_table, split_forms

#: Where a title says its post is, from the widest level to none at all.
#: ``region`` is any of province, regency or city; ``none`` leaves the level
#: to the institution written after the title.
PLACES = frozenset({"national", "province", "regency", "city", "region", "district", "village", "none"})

#: What an acting marker makes of the post. The capitalised meanings are the
#: prefix the role takes ("Penjabat Bupati", "Calon Bupati"); the lowercase
#: keywords mark a former holder ("mantan Bupati") and an elected holder not
#: yet sworn in ("Bupati terpilih").
ACTING_MEANINGS = frozenset(
    {
        "Penjabat",
        "Penjabat Sementara",
        "Pelaksana Tugas",
        "Pelaksana Harian",
        "Calon",
        "Bakal Calon",
        "former",
        "elect",
    }
)

#: The org value of a head that takes the institution written after it.
TAKES_ORG = "*"

#: ASCII hyphen, Unicode hyphen and non-breaking hyphen.
_HYPHENS = re.compile("[-\u2010\u2011]")


@dataclass(frozen=True, slots=True)
class Title:
    """One surface form of an official title, as listed in ``titles.tsv``.

    ``form`` is the form as written in the file ("Wabup"), ``role`` the
    normalised role ("Wakil Bupati"), ``place`` one of :data:`PLACES`, and
    ``org`` the institution the title implies ("Polres" for Kapolres), ``"*"``
    when the institution is written after the title, or ``""`` for none.
    """

    form: str
    role: str
    place: str
    org: str

    @property
    def takes_org(self) -> bool:
        """Whether the title takes the institution written right after it ("Ketua DPRD")."""
        return self.org == TAKES_ORG


def normalise_title(text: str) -> str:
    """Return the key under which a title or acting marker is looked up.

    Lowercase, dots dropped, hyphens to spaces, runs of whitespace collapsed
    to one space, stripped: "Wakil  Wali-Kota" -> "wakil wali kota",
    "Pj." -> "pj".
    """
    return " ".join(_HYPHENS.sub(" ", text.replace(".", "")).lower().split())


@functools.cache
def _titles() -> dict[str, Title]:
    out: dict[str, Title] = {}
    for row in read_table("titles.tsv", 4):
        forms, role, place, org = row
        if not split_forms(forms) or not role or place not in PLACES:
            raise ModelError(f"kgraph language data titles.tsv: bad row {row!r}")
        for form in split_forms(forms):
            key = normalise_title(form)
            if key in out:
                raise ModelError(f"kgraph language data titles.tsv: duplicate form {form!r}")
            out[key] = Title(form, role, place, org)
    return out


def titles() -> dict[str, Title]:
    """Map every normalised title form to its :class:`Title`.

    Returns a fresh dict.

    Raises:
        ModelError: ``titles.tsv`` is missing or malformed (an unknown place,
            an empty role, a form listed twice).
    """
    return dict(_titles())


@functools.lru_cache(maxsize=65536)
def lookup_title(text: str) -> Title | None:
    """Return the title whose form is *text* ("Wabup", "Wali-Kota"), or ``None``.

    The match ignores case, dots, hyphens and extra whitespace; *text* must be
    the whole form, not a phrase that starts with one.
    """
    return _titles().get(normalise_title(text))


@functools.cache
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of titles, of six letters or more, and those words less one letter."""
    words = {key.split()[0] for key in _titles() if len(key.split()[0]) >= 6 and key.split()[0].isalpha()}
    shorter = {w[:i] + w[i + 1:] for w in words for i in range(len(w))}
    return frozenset(words), frozenset(shorter - words)


@functools.lru_cache(maxsize=65536)
def is_misspelt_title_word(word: str) -> bool:
    """Whether *word* is the first word of a title, of six letters or more with one letter added or dropped.

    News copy has such slips ("Asissten II Setda", "Gubenur"); they are
    not names. A changed letter does not count, since names differ from title
    words that way ("Mentari", "Menteri").

    >>> is_misspelt_title_word("Asissten"), is_misspelt_title_word("Gubenur")
    (True, True)
    >>> is_misspelt_title_word("Asisten"), is_misspelt_title_word("Mentari")
    (False, False)
    """
    low = word.lower()
    words, shorter = _title_words()
    if low in words or not low.isalpha():
        return False
    return low in shorter or any(low[:i] + low[i + 1:] in words for i in range(len(low)))


@functools.cache
def max_title_tokens() -> int:
    """Return the number of whitespace tokens in the longest normalised title form.

    A matcher that tries the longest form first needs a window this wide.
    """
    return max(len(key.split()) for key in _titles())


@functools.cache
def _acting_markers() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_table("acting.tsv", 2):
        forms, meaning = row
        if not split_forms(forms) or meaning not in ACTING_MEANINGS:
            raise ModelError(f"kgraph language data acting.tsv: bad row {row!r}")
        for form in split_forms(forms):
            key = normalise_title(form)
            if key in out:
                raise ModelError(f"kgraph language data acting.tsv: duplicate form {form!r}")
            out[key] = meaning
    return out


def acting_markers() -> dict[str, str]:
    """Map every normalised acting/former marker to its meaning.

    "pj" -> "Penjabat", "plt" -> "Pelaksana Tugas", "calon" -> "Calon",
    "mantan" -> "former"; every meaning is one of :data:`ACTING_MEANINGS`.
    Markers precede the title except "terpilih" (meaning "elect"), which
    follows it ("Bupati terpilih"). Returns a fresh dict.

    Raises:
        ModelError: ``acting.tsv`` is missing or malformed.
    """
    return dict(_acting_markers())
