"""Event triggers: the words that start an event mention in Indonesian news.

The data is ``data/events.tsv``: a lowercase trigger ("hut", "hari jadi",
"rakor", "pilkada", "banjir bandang"), the Title Case head of the event's
canonical name ("HUT", "Rapat Koordinasi", "Pilkada", "Banjir Bandang") and
the kind of event (one of :data:`KINDS`). Synonyms and abbreviations share a
canonical head, so "hari ulang tahun" and "hari jadi" both give "HUT".

The file is read on first use and cached; importing the module reads nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kgraph.errors import ModelError
from kgraph.lang.id._data import read_table

#: The kinds of event a trigger may start.
KINDS = frozenset(
    {
        "anniversary",
        "election",
        "inauguration",
        "ceremony",
        "meeting",
        "training",
        "selection",
        "personnel",
        "festival",
        "competition",
        "religious",
        "disaster",
        "operation",
        "visit",
        "launch",
        "campaign",
        "other",
    }
)

_EVENTS = "events.tsv"
#: A token as spaCy's tokenizer may cut it at most: words and single
#: punctuation marks, so counts are an upper bound for window sizes.
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class EventTrigger:
    """One event trigger.

    ``trigger`` is the lowercase surface form ("hari ulang tahun");
    ``canonical`` the Title Case head of the event's name ("HUT"); ``kind``
    one of :data:`KINDS` ("anniversary").
    """

    trigger: str
    canonical: str
    kind: str


@functools.cache
def event_triggers() -> dict[str, EventTrigger]:
    """Return a map from each lowercase trigger to its :class:`EventTrigger`.

    Raises:
        ModelError: the file is missing or malformed, a trigger is not
            lowercase or listed twice, a canonical head is missing, or a kind
            is unknown.
    """
    out: dict[str, EventTrigger] = {}
    for trigger, canonical, kind in read_table(_EVENTS, 3):
        if not trigger or trigger != trigger.lower():
            raise ModelError(f"kgraph language data {_EVENTS}: trigger {trigger!r} is not lowercase")
        if not canonical:
            raise ModelError(f"kgraph language data {_EVENTS}: trigger {trigger!r} has no canonical head")
        if kind not in KINDS:
            raise ModelError(f"kgraph language data {_EVENTS}: trigger {trigger!r} has unknown kind {kind!r}")
        key = " ".join(trigger.split())
        if key in out:
            raise ModelError(f"kgraph language data {_EVENTS}: trigger {trigger!r} is listed twice")
        out[key] = EventTrigger(key, canonical, kind)
    return out


@functools.cache
def max_trigger_tokens() -> int:
    """Return the largest number of tokens in a trigger (an upper bound: punctuation counts as a token)."""
    return max((len(_TOKEN.findall(t)) for t in event_triggers()), default=0)
