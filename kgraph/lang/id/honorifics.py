"""The words around an Indonesian name: honorifics, degrees, ranks and name particles.

Honorifics (``data/honorifics.txt``: H., Hj., Dr., K.H., Bapak, ...) and
ranks (``data/ranks.txt``: AKBP, Letkol, ...; with the corps suffixes of
``data/rank_suffixes.txt``: Inf, Pol, (P), ...) stand before a name, degrees
(``data/degrees.txt``: S.Sos., M.Si., ...) after it; the extractor strips them
from the name and keeps them as attributes. Name particles
(``data/name_particles.txt``: Andi, Tubagus, I Made, La Ode, ...) look like
titles but belong to the name, so the extractor keeps them.

Every form is compared after :func:`normalise_token`, so "S.Sos." and "SSos"
are one key, and so are "Dr." (doctorate) and "dr." (medical doctor).
Everything is read on first use and cached; importing the module reads nothing.
The ``is_*`` tests are cached too: the extractor asks them of every token.
"""

from __future__ import annotations

import functools

from kgraph.errors import ModelError
from kgraph.lang.id._data import read_lines, split_forms


def normalise_token(text: str) -> str:
    """Return the key under which an honorific, degree, rank or particle is looked up.

    Lowercase, dots and all whitespace removed: "S.Sos." -> "ssos",
    "K.H." -> "kh", "La Ode" -> "laode". Hyphens and brackets are kept
    ("Sp.THT-KL" -> "sptht-kl", "(P)" -> "(p)").
    """
    return "".join(text.replace(".", "").lower().split())


@functools.cache
def _forms(name: str) -> frozenset[str]:
    """Return the normalised forms listed in the one-form-a-line data file *name*."""
    out = set()
    for line in read_lines(name):
        for form in split_forms(line):
            key = normalise_token(form)
            if not key:
                raise ModelError(f"kgraph language data {name}: empty form in {line!r}")
            out.add(key)
    return frozenset(out)


def honorifics() -> frozenset[str]:
    """Return the normalised honorific prefixes ("h", "hj", "dr", "kh", "bapak").

    Raises:
        ModelError: ``honorifics.txt`` is missing or malformed.
    """
    return _forms("honorifics.txt")


def degrees() -> frozenset[str]:
    """Return the normalised degrees written after names ("ssos", "msi", "sh").

    Raises:
        ModelError: ``degrees.txt`` is missing or malformed.
    """
    return _forms("degrees.txt")


def ranks() -> frozenset[str]:
    """Return the normalised Polri and TNI ranks ("akbp", "letkol", "kombespol").

    Multi-word ranks ("Komisaris Besar Polisi") are one key without spaces.

    Raises:
        ModelError: ``ranks.txt`` is missing or malformed.
    """
    return _forms("ranks.txt")


def rank_suffixes() -> frozenset[str]:
    """Return the normalised corps and status suffixes that follow a rank ("inf", "pol", "(p)", "(purn)").

    Raises:
        ModelError: ``rank_suffixes.txt`` is missing or malformed.
    """
    return _forms("rank_suffixes.txt")


def name_particles() -> frozenset[str]:
    """Return the normalised name particles the extractor keeps in names ("andi", "tubagus", "imade").

    Raises:
        ModelError: ``name_particles.txt`` is missing or malformed.
    """
    return _forms("name_particles.txt")


@functools.lru_cache(maxsize=65536)
def is_honorific(token: str) -> bool:
    """Whether *token* is an honorific prefix ("H.", "Hj", "dr.", "KH")."""
    return normalise_token(token) in honorifics()


@functools.lru_cache(maxsize=65536)
def is_degree(token: str) -> bool:
    """Whether *token* is a degree written after a name ("S.Sos.", "M.Si", "SH")."""
    return normalise_token(token) in degrees()


@functools.lru_cache(maxsize=65536)
def is_rank(token: str) -> bool:
    """Whether *token* is a Polri or TNI rank ("AKBP", "Letkol", "Kombes Pol")."""
    return normalise_token(token) in ranks()


@functools.lru_cache(maxsize=65536)
def is_rank_suffix(token: str) -> bool:
    """Whether *token* is a corps or status suffix that follows a rank ("Inf", "Pol", "(Purn)")."""
    return normalise_token(token) in rank_suffixes()


@functools.lru_cache(maxsize=65536)
def is_name_particle(token: str) -> bool:
    """Whether *token* is a name particle kept in names ("Andi", "Tb.", "La Ode")."""
    return normalise_token(token) in name_particles()
