"""The records that flow between kgraph's stages.

Every record is a frozen, slotted dataclass built from tuples, so it is
hashable, cheap to pickle to a worker process and impossible to change by
accident after a stage has produced it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class EntityType(str, enum.Enum):
    """The entity classes of the kgraph ontology (``ontology/kgraph.ttl``)."""

    OFFICIAL = "Official"
    PERSON = "Person"
    INSTITUTION = "Institution"
    REGENCY = "Regency"
    CITY = "City"
    PROVINCE = "Province"
    EVENT = "Event"

    @property
    def is_region(self) -> bool:
        return self in (EntityType.REGENCY, EntityType.CITY, EntityType.PROVINCE)

    @property
    def is_person(self) -> bool:
        return self in (EntityType.OFFICIAL, EntityType.PERSON)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, cleaned of boilerplate.

    ``id`` is the file stem (or the ``id`` field of a JSONL line); ``text``
    is the cleaned body that every character offset in kgraph refers to.
    """

    id: str
    path: str
    title: str
    text: str
    url: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: article, sentence text and character offsets.

    ``start``/``end`` are offsets of the mention (or of the sentence, for a
    relation) in :attr:`Article.text`; ``sentence_start`` locates the
    sentence itself.
    """

    article: str
    sentence: str
    sentence_start: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an entity.

    ``key`` is the extractor's identity for the entity *within the
    article* (several mentions with one key are one entity);
    ``attrs`` carries typed facts the resolver needs, as sorted
    ``(name, value)`` pairs: a region's Kemendagri ``code``, an
    institution's ``region`` code, an event's ``year``. An ``implied``
    mention refers to the entity without naming it ("Bupati tersebut" for
    the Bupati, "Bupati X" for Pemerintah Kabupaten X): it is provenance,
    never an alias.
    """

    key: str
    type: EntityType
    text: str
    name: str
    evidence: Evidence
    attrs: tuple[tuple[str, str], ...] = ()
    implied: bool = False  # the text implies the entity without naming it ("Bupati" for the Pemkab)

    def attr(self, name: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == name:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact between two entities of one article, by their mention keys.

    ``predicate`` is one of :data:`PREDICATES`. For ``holds`` the
    ``role`` is the normalised role name and ``qualifiers`` may hold
    ``acting`` (Penjabat, Pelaksana Tugas, ...), ``former`` and
    ``role_forms`` (the surface forms of the title, ``|``-joined).
    """

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    role: str = ""
    qualifiers: tuple[tuple[str, str], ...] = ()

    def qualifier(self, name: str, default: str = "") -> str:
        for k, v in self.qualifiers:
            if k == name:
                return v
        return default


#: Relation predicates, with what they join.
PREDICATES: dict[str, str] = {
    "holds": "person -> institution or region: holds a post (role) there",
    "member_of": "person -> institution (a political party)",
    "serves": "institution -> region it belongs to or serves",
    "part_of": "institution -> parent institution",
    "located_in": "regency/city -> province",
    "participates": "person or institution -> event",
    "event_in": "event -> region where it takes place",
}


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct speech attributed to a person (by mention key)."""

    speaker: str
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything :func:`kgraph.extract` found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity after resolution across articles."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Evidence, ...]
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        for k, v in self.attrs:
            if k == name:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, with the error that says why."""

    path: str
    error: Exception = field(compare=False)


@dataclass(frozen=True, slots=True)
class Fact:
    """A resolved relation between entity ids, with every sentence that states it."""

    subject: str
    predicate: str
    object: str
    evidence: tuple[Evidence, ...]
    role: str = ""
    qualifiers: tuple[tuple[str, str], ...] = ()

    def qualifier(self, name: str, default: str = "") -> str:
        for k, v in self.qualifiers:
            if k == name:
                return v
        return default


@dataclass(frozen=True, slots=True)
class ResolvedQuote:
    """A quote attributed to a resolved speaker entity."""

    speaker: str
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Resolution:
    """All articles' extractions merged into canonical entities and facts."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    quotes: tuple[ResolvedQuote, ...]
