"""How Indonesian news attributes speech: the verbs that tie words to a speaker.

The data is ``data/speech_verbs.tsv``: each form with its position, i.e. where
the speaker stands relative to it (see :data:`POSITIONS`). Forms are lowercase
and may be several words ("kata dia"). Read on first use and cached; importing
the module reads nothing.
"""

from __future__ import annotations

import functools

from kgraph.errors import ModelError
from kgraph.lang.id._data import read_table, split_forms

#: Where the speaker stands relative to a speech form:
#: ``before``    the form comes first, the speaker follows (", kata Budi");
#: ``after``     the speaker comes first ("Budi mengatakan");
#: ``pronoun``   the speaker is the last one named ("katanya", "kata dia", "menurutnya");
#: ``according`` "menurut X": X is the speaker.
POSITIONS = frozenset({"before", "after", "pronoun", "according"})


def _normalise(form: str) -> str:
    """Lowercase *form* and collapse its whitespace."""
    return " ".join(form.lower().split())


@functools.cache
def _speech_verbs() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_table("speech_verbs.tsv", 2):
        forms, position = row
        if not split_forms(forms) or position not in POSITIONS:
            raise ModelError(f"kgraph language data speech_verbs.tsv: bad row {row!r}")
        for form in split_forms(forms):
            key = _normalise(form)
            if key in out:
                raise ModelError(f"kgraph language data speech_verbs.tsv: duplicate form {form!r}")
            out[key] = position
    return out


def speech_verbs() -> dict[str, str]:
    """Map every lowercase speech form to its position ("kata" -> "before").

    Every position is one of :data:`POSITIONS`. Returns a fresh dict.

    Raises:
        ModelError: ``speech_verbs.tsv`` is missing or malformed.
    """
    return dict(_speech_verbs())
