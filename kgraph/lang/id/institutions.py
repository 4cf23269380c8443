"""Named Indonesian institutions and parties, and the heads that start institution names.

Three data files feed this module:

* ``data/institutions.tsv``: government bodies, legislatures, election
  bodies, police and military commands, courts, state enterprises and public
  organisations, each with its scope and short forms ("BPBD", "Satpol PP",
  "KemenPAN-RB");
* ``data/parties.tsv``: the political parties (national parties of recent
  elections and the Aceh local parties) with their short forms ("PDIP",
  "Golkar"); they are returned as institutions with ``party=True``;
* ``data/institution_heads.tsv``: the words that start an institution's name
  in running text ("Dinas", "Badan", "Kepolisian Resor", "Pemkab"), so that
  names missing from the lists can still be found;
* ``data/institution_groups.tsv``: regional bodies of which a region has
  only one ("Dinas Pendidikan" or "Dinas Pendidikan dan Kebudayaan"), so
  that either name with one region is one institution;
* ``data/institution_words.txt``: the lowercase words that make up the field
  part of such names ("pertanian", "perkebunan", "kepegawaian").

``scope`` is ``"regional"`` when there is one such institution per region and
the region name follows it in text ("BPBD Aceh Timur", "Polres Gowa"), and
``"national"`` for a single body that needs no region (BKN, KPK, DPR). Head
scopes may also be ``"either"`` ("Badan", "Komisi"): the code decides from
what follows.

Every name and form is compared after :func:`normalise_name`, so "KemenPAN-RB",
"Kemenpan RB" and "KEMENPAN RB" are one key. Files are read on first use and
cached; importing the module reads nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kgraph.errors import ModelError
from kgraph.lang.id._data import read_lines, read_table, split_forms

#: The scopes an institution or party may have.
SCOPES = frozenset({"regional", "national"})

#: The scopes a head may have: ``either`` leaves the decision to the code.
HEAD_SCOPES = frozenset({"regional", "national", "either"})

#: What kind of body a head starts.
HEAD_KINDS = frozenset(
    {
        "government",
        "agency",
        "legislature",
        "police",
        "military",
        "judiciary",
        "education",
        "health",
        "party",
        "company",
        "other",
    }
)

_INSTITUTIONS = "institutions.tsv"
_PARTIES = "parties.tsv"
_HEADS = "institution_heads.tsv"
_WORDS = "institution_words.txt"
_GROUPS = "institution_groups.tsv"

#: Dots and commas vanish ("Kab.", "Dinas Koperasi, Usaha Kecil ...");
#: hyphens (ASCII, Unicode, non-breaking, en dash) and slashes become spaces.
_DROP = re.compile("[.,]")
_SPACE = re.compile("[-\u2010\u2011\u2013/]")
_APOSTROPHES = re.compile("[\u2018\u2019\u02bc`]")
_WHITESPACE = re.compile(r"\s+")
#: A token as spaCy's tokenizer may cut it at most: words and single
#: punctuation marks, so counts are an upper bound for window sizes.
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Institution:
    """One named institution or party.

    ``name`` is the canonical full name without a region ("Badan
    Penanggulangan Bencana Daerah"); ``forms`` are its acronyms and short
    names ("BPBD"), also without a region; ``party`` marks a political party.
    """

    name: str
    scope: str
    forms: tuple[str, ...]
    party: bool = False


@dataclass(frozen=True, slots=True)
class Head:
    """A word or phrase that starts an institution's name ("Dinas", "Kepolisian Resor").

    ``scope`` is ``regional``, ``national`` or ``either``; ``kind`` is one of
    :data:`HEAD_KINDS` (``government`` for "Pemkab", "Pemerintah Kota" ...:
    the government of the region that follows).
    """

    head: str
    scope: str
    kind: str


def normalise_name(text: str) -> str:
    """Return the lookup key of an institution name or form.

    Lowercase; dots and commas removed; hyphens and slashes turned into
    spaces; curly apostrophes made straight; runs of whitespace collapsed;
    stripped. ``"KemenPAN-RB"`` gives ``"kemenpan rb"``, ``"Kab. Bogor"``
    gives ``"kab bogor"``.
    """
    text = _APOSTROPHES.sub("'", text.lower())
    text = _SPACE.sub(" ", _DROP.sub("", text))
    return _WHITESPACE.sub(" ", text).strip()


def _token_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def _read_institutions(name: str, party: bool) -> list[Institution]:
    out = []
    columns = 2 if party else 3
    for row in read_table(name, columns):
        if party:
            inst_name, scope, forms = row[0], "national", row[1]
        else:
            inst_name, scope, forms = row
        if not inst_name:
            raise ModelError(f"kgraph language data {name}: a row has no name")
        if scope not in SCOPES:
            raise ModelError(f"kgraph language data {name}: {inst_name!r} has unknown scope {scope!r}")
        out.append(Institution(inst_name, scope, split_forms(forms), party))
    return out


@functools.cache
def institutions() -> tuple[Institution, ...]:
    """Return every institution and party, sorted by name.

    Parties come from ``parties.tsv`` with ``party=True`` and scope
    ``"national"``.

    Raises:
        ModelError: a data file is missing or malformed, or two rows share a name.
    """
    rows = _read_institutions(_INSTITUTIONS, party=False) + _read_institutions(_PARTIES, party=True)
    seen: set[str] = set()
    for inst in rows:
        key = normalise_name(inst.name)
        if key in seen:
            raise ModelError(f"kgraph language data: institution name {inst.name!r} is listed twice")
        seen.add(key)
    return tuple(sorted(rows, key=lambda i: i.name))


@functools.cache
def institution_forms() -> dict[str, Institution]:
    """Return a map from every normalised name and form to its institution.

    Raises:
        ModelError: one name or form belongs to two institutions.
    """
    out: dict[str, Institution] = {}
    for inst in institutions():
        for text in (inst.name, *inst.forms):
            key = normalise_name(text)
            other = out.get(key)
            if other is not None and other is not inst:
                raise ModelError(
                    f"kgraph language data: {text!r} is a form of both {other.name!r} and {inst.name!r}"
                )
            out[key] = inst
    return out


@functools.lru_cache(maxsize=65536)
def lookup_institution(text: str) -> Institution | None:
    """Return the institution or party named by *text* (a name or any form), or ``None``.

    >>> lookup_institution("KemenPAN-RB").name
    'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi'
    """
    return institution_forms().get(normalise_name(text))


@functools.cache
def institution_heads() -> dict[str, Head]:
    """Return a map from each normalised head to its :class:`Head`.

    Raises:
        ModelError: the file is malformed, a scope or kind is unknown, or a
            head is listed twice.
    """
    out: dict[str, Head] = {}
    for head, scope, kind in read_table(_HEADS, 3):
        if scope not in HEAD_SCOPES:
            raise ModelError(f"kgraph language data {_HEADS}: {head!r} has unknown scope {scope!r}")
        if kind not in HEAD_KINDS:
            raise ModelError(f"kgraph language data {_HEADS}: {head!r} has unknown kind {kind!r}")
        key = normalise_name(head)
        if not key:
            raise ModelError(f"kgraph language data {_HEADS}: a row has no head")
        if key in out:
            raise ModelError(f"kgraph language data {_HEADS}: head {head!r} is listed twice")
        out[key] = Head(head, scope, kind)
    return out


@functools.cache
def max_head_tokens() -> int:
    """Return the largest number of tokens in a head (an upper bound: punctuation counts as a token)."""
    return max((_token_count(h.head) for h in institution_heads().values()), default=0)


@functools.cache
def institution_words() -> frozenset[str]:
    """Return the lowercase words that may continue an institution's name.

    These are the words of ``institution_words.txt`` ("pertanian",
    "kepegawaian") together with every word of the institution and party
    names and of the heads, each passed through :func:`normalise_name`.
    """
    words: set[str] = set()
    for line in read_lines(_WORDS):
        words.update(normalise_name(line).split())
    for inst in institutions():
        words.update(normalise_name(inst.name).split())
    for head in institution_heads().values():
        words.update(normalise_name(head.head).split())
    return frozenset(words)


@functools.cache
def institution_groups() -> dict[str, str]:
    """Return a map from an institution's name to the first name of its group.

    A group lists regional bodies of which one region has only one (a merged
    body and the narrower or older ones it replaced); a name outside every
    group is not in the map.

    >>> institution_groups()["Badan Pengembangan Sumber Daya Manusia"]
    'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'

    Raises:
        ModelError: a name is not a regional institution of ``institutions.tsv``,
            or is in two groups.
    """
    by_name = {normalise_name(i.name): i for i in institutions() if not i.party}
    out: dict[str, str] = {}
    for line in read_lines(_GROUPS):
        names = split_forms(line)
        for name in names:
            inst = by_name.get(normalise_name(name))
            if inst is None or inst.name != name or inst.scope != "regional":
                raise ModelError(f"kgraph language data {_GROUPS}: {name!r} is not a regional institution's name")
            if name in out:
                raise ModelError(f"kgraph language data {_GROUPS}: {name!r} is in two groups")
            out[name] = names[0]
    return out
