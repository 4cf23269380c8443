"""Stage 2: one :class:`~kgraph.model.Article` -> an :class:`~kgraph.model.Extraction`.

No trained Indonesian NER model can be had offline, so extraction is rules over
spaCy's Indonesian tokenizer (``spacy.blank("id")``) and kgraph's lexicons
(:mod:`kgraph.lang.id`). Two pipeline components do the work:

* ``kgraph_sentences`` splits sentences at line breaks and at sentence-final
  punctuation that is not an abbreviation ("Moh.", "Kab.", "Wabup.");
* ``kgraph_entities`` finds regions, institutions, officials with their posts,
  other persons, events and quotes, and stores them on the ``Doc``: the
  non-overlapping ones in ``doc.ents`` (labelled with :class:`EntityType`
  values), all of them in ``doc.spans["kgraph"]``, and the full analysis in
  ``doc._.kgraph``.

:func:`extract` is a pure function of the article: it can run in any process.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy
import spacy
from spacy.attrs import FLAG63, IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from kgraph._text import fold, is_cap, name_key, squash
from kgraph.errors import ModelError
from kgraph.lang.id import events as ev_lex
from kgraph.lang.id import grammar as G
from kgraph.lang.id import honorifics as hon_lex
from kgraph.lang.id import institutions as inst_lex
from kgraph.lang.id import names as names_lex
from kgraph.lang.id import regions as reg_lex
from kgraph.lang.id import speech_verbs as speech_lex
from kgraph.lang.id import titles as title_lex
from kgraph.model import Article, EntityType, Evidence, Extraction, Mention, Quote, Relation

__all__ = ["extract", "nlp"]

_KIND_WORDS = {"kabupaten": "regency", "kab": "regency", "kota": "city", "provinsi": "province", "prov": "province"}
_GOV_KIND = {"kabupaten": "regency", "pemkab": "regency", "kota": "city", "pemkot": "city", "pemko": "city",
             "provinsi": "province", "pemprov": "province"}
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_ORDINAL = re.compile(r"^ke-?(\d{1,4})$", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[“\"]")
_QUOTE_OPEN = {"“": "”", '"': '"', "‘": "’"}
#: The PhraseMatcher's labels (see :func:`_build_lexicon`).
_LABELS = ("RX", "RB", "GOV", "HEAD", "INST", "TITLE", "ACT", "EVT", "SPV")
_HEAD_OF_REGION_START = frozenset(G.HEAD_OF_REGION_PHRASE[:1])
_TENTANG = frozenset(["tentang"])  # "about": a regulation's title follows
#: Words some rules look for (see _Analyser.positions).
_CUE_WORDS = G.DEPUTY_WORDS | G.NICKNAME_WORDS | _HEAD_OF_REGION_START | _TENTANG
_KIND_TITLES = {"regency": "Kabupaten", "city": "Kota", "province": "Provinsi"}
_ENT_KINDS = {"regency": EntityType.REGENCY, "city": EntityType.CITY, "province": EntityType.PROVINCE}


# --------------------------------------------------------------------------- pipeline


@functools.cache
def nlp() -> Language:
    """Return kgraph's spaCy pipeline (built once per process, no downloads).

    Returns:
        ``spacy.blank("id")`` with a tokenizer that also splits quotes and
        brackets glued to words, plus the ``kgraph_sentences`` and
        ``kgraph_entities`` components.

    Raises:
        ModelError: the language data cannot be loaded.

    >>> doc = nlp()("Bupati Serang Ratu Tatu Chasanah meresmikan gedung itu.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Serang', 'Regency'), ('Ratu Tatu Chasanah', 'Official')]
    """
    try:
        pipeline = spacy.blank("id")
    except Exception as exc:  # spaCy raises many kinds for a broken install
        raise ModelError(f"cannot build spaCy's Indonesian pipeline: {exc}") from exc
    infixes = list(pipeline.Defaults.infixes or []) + [
        r"[“”\"‘]",  # quotes glued to words: perbaikan."Kami, 2024.“Kami
        r"(?<=[^\s(\[])[(](?=\S)",  # Kirana(PDIP
        r"(?<=\S)[)](?=[^\s,.;:)])",
        r"(?<=[0-9A-Za-z])\.(?=[“”\"])",
        r"(?<=[a-z])[–—](?=[A-Za-z])",  # Sumbawa Barat–Memasuki
    ]
    tokenizer: Any = pipeline.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if not Doc.has_extension("kgraph"):
        Doc.set_extension("kgraph", default=None)
    if "kgraph_sentences" not in Language.factories:
        Language.component("kgraph_sentences", func=_set_sentences)
    if "kgraph_entities" not in Language.factories:
        Language.factory("kgraph_entities", func=_make_recognizer)
    pipeline.vocab.add_flag(_has_word_class, _HAS_CLASS)
    tokenizer.max_cache_size = max(tokenizer.max_cache_size, _CACHED_CHUNKS_MAX + 10_000)  # see _cache_chunks
    pipeline.add_pipe("kgraph_sentences")
    pipeline.add_pipe("kgraph_entities")
    return pipeline


def extract(article: Article) -> Extraction:
    """Find the entities, relations and quotes of one article.

    A pure function of its argument: safe to run in worker processes.

    Args:
        article: a cleaned article from :mod:`kgraph.ingest`.

    Returns:
        The article's mentions (with article-local entity keys), relations
        and quotes, each with its evidence sentence and offsets.

    >>> from kgraph.ingest import make_article
    >>> ex = extract(make_article("t1", "t1.txt", "Wali Kota Ternate, Dr. M. Tauhid Soleman, M.Si hadir."))
    >>> sorted({m.name for m in ex.mentions if m.type.value == "Official"})
    ['M. Tauhid Soleman']
    """
    # The work of ``nlp()(article.text)`` without what only a Doc's users need:
    # the Doc's sentence starts, its entity spans and ``Doc.text``.
    pipeline = nlp()
    doc = pipeline.make_doc(article.text)
    _cache_chunks(pipeline, article.text)
    tokens = _Tokens.read(doc, article.text)
    analysis = _Analyser(doc, _lexicon(), tokens, _sentence_starts(tokens)).run()
    return analysis.to_extraction(article)


#: The chunks of text (as split at whitespace) that :func:`_cache_chunks` had the tokenizer cache.
_CACHED_CHUNKS: set[str] = set()
_CACHED_CHUNKS_MAX = 200_000


def _cache_chunks(pipeline: Language, text: str) -> None:
    """Have the tokenizer cache how it splits the chunks of *text* it has not met.

    spaCy's tokenizer caches the tokens of each whitespace-separated chunk, but
    stops caching for the rest of a text at the text's first special case
    ("Kab.", "H.": spaCy issue #1250). In news that comes early, so most chunks
    were split again, with the affix regexes, in every article: the bulk of the
    tokenizer's time. A chunk split on its own is cached; the cache only saves
    work (it holds what splitting the chunk gives), so tokens do not change.
    """
    if len(_CACHED_CHUNKS) >= _CACHED_CHUNKS_MAX:
        return
    new = set(text.split()).difference(_CACHED_CHUNKS)
    for chunk in new:
        pipeline.tokenizer(chunk)
    _CACHED_CHUNKS.update(new)


@dataclass(frozen=True)
class _Tokens:
    """A Doc's text and its tokens' texts, offsets and :func:`_word_class` flags, as plain lists.

    spaCy builds a Token object on every access and ``Doc.text`` joins every
    token again: the columns are read once with ``Doc.to_array`` instead, and
    the token texts sliced from the text. Most tokens have no word class;
    :func:`nlp`'s vocabulary marks the words that have one (:data:`_HAS_CLASS`),
    so only those are looked up.
    """

    text: str
    words: list[str]
    idx: list[int]
    classes: list[int]
    classed: list[int]  # the tokens with a class

    @classmethod
    def read(cls, doc: Doc, text: str | None = None) -> _Tokens:
        """Read *doc*; *text*, when given, is the string it was made from."""
        if text is None:
            text = doc.text
        vocab: Any = doc.vocab  # (spaCy's stubs lack lex_attr_getters)
        if vocab.lex_attr_getters.get(_HAS_CLASS) is _has_word_class:
            # the vocabulary knows which words have a class: look only those up
            columns = doc.to_array([IDX, LENGTH, _HAS_CLASS])
            classed: list[int] = columns[:, 2].nonzero()[0].tolist()
        else:
            columns = doc.to_array([IDX, LENGTH])
            classed = list(range(len(columns)))
        idx: list[int] = columns[:, 0].tolist()
        ends: list[int] = (columns[:, 0] + columns[:, 1]).tolist()
        words = [text[a:b] for a, b in zip(idx, ends)]
        classes = [0] * len(words)
        known = _WORD_CLASSES.get
        for i in classed:
            classes[i] = known(words[i]) or _cached_word_class(words[i])
        return cls(text, words, idx, classes, classed)

    def with_class(self, flags: int) -> list[int]:
        """The tokens that have any of the :func:`_word_class` *flags*, in order."""
        classes = self.classes
        return [i for i in self.classed if classes[i] & flags]


def _set_sentences(doc: Doc) -> Doc:
    """The ``kgraph_sentences`` component: writes :func:`_sentence_starts` into the Doc."""
    firsts = _sentence_starts(_Tokens.read(doc))
    if firsts:
        # one array write: setting Token.is_sent_start one by one rescans the Doc each time
        values = [-1] * len(doc)
        for i in firsts:
            values[i] = 1
        column: Any = numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], column)
    return doc


def _sentence_starts(tokens: _Tokens) -> list[int]:
    """The first token of each sentence: sentences start after a line break, and after . ! ? that ends one."""
    texts = tokens.words
    firsts = [0] if texts else []
    # only a token after a mark or a line break may start a sentence
    after_marks = [i + 1 for i in tokens.with_class(_SENTENCE_MARK | _SPACE) if i + 1 < len(texts)]
    for i in after_marks:
        prev, text = texts[i - 1], texts[i]
        if "\n" in prev and not prev.strip():
            firsts.append(i)
        elif prev in (".", "!", "?") and text.strip():
            # "Moh. Arifin", "Kab. Serang", "Q. Amahoru": an abbreviation, not an end.
            abbrev = i >= 2 and tokens.classes[i - 2] & _ABBREVIATION
            if (is_cap(text) or text in _QUOTE_OPEN) and not abbrev:
                firsts.append(i)
        elif prev in ("”", '"') and i >= 2 and texts[i - 2] in (".", "!", "?") and is_cap(text):
            firsts.append(i)
    return firsts


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    matcher: PhraseMatcher
    tables: dict[str, dict[str, Any]]
    inst_vocab: frozenset[str]
    acronyms: frozenset[str]
    # read once: speech_lex.speech_verbs() and title_lex.acting_markers() copy their tables on each call
    speech_verbs: dict[str, str]
    acting_markers: dict[str, str]
    labels: dict[int, str]  # the matcher's match ids -> _LABELS


def _make_recognizer(nlp: Language, name: str) -> _Recognizer:
    return _Recognizer(nlp)


def _build_lexicon(nlp_: Language) -> _Lexicon:
    matcher = PhraseMatcher(nlp_.vocab, attr="LOWER")
    tables: dict[str, dict[str, Any]] = {}

    def add(label: str, forms: dict[str, Any]) -> None:
        table = tables.setdefault(label, {})
        docs = []
        for form, payload in forms.items():
            d = nlp_.make_doc(form)
            key = " ".join(t.lower_ for t in d)
            if key not in table:
                table[key] = payload
                docs.append(d)
        matcher.add(label, docs)

    add("RX", dict(reg_lex.explicit_forms()))
    add("RB", dict(reg_lex.bare_forms()))
    heads = inst_lex.institution_heads()
    add("GOV", {h.head: h for h in heads.values() if h.kind == "government"})
    add("HEAD", {h.head: h for h in heads.values() if h.kind != "government"})
    inst_forms: dict[str, Any] = {}
    cased: dict[str, set[bool]] = {}
    for inst in inst_lex.institutions():
        for form in (inst.name, *inst.forms):
            inst_forms.setdefault(form, inst)
            key = " ".join(t.lower_ for t in nlp_.make_doc(form))
            cased.setdefault(key, set()).add(form.isupper())
    add("INST", inst_forms)
    # an acronym written only in capitals ("IDI", "PAN") is not the word "Idi" or "pan"
    acronyms = frozenset(k for k, v in cased.items() if v == {True})
    add("TITLE", {t.form: t for t in title_lex.titles().values()})
    add("ACT", dict(title_lex.acting_markers()))
    add("EVT", {t.trigger: t for t in ev_lex.event_triggers().values()})
    add("SPV", dict(speech_lex.speech_verbs()))
    vocab: set[str] = set()
    for inst in inst_lex.institutions():
        vocab.update(fold(inst.name).split())
    for h in heads.values():
        vocab.update(fold(h.head).split())
    vocab.update(inst_lex.institution_words())
    vocab -= G.NAME_CONNECTORS
    labels = {nlp_.vocab.strings[label]: label for label in _LABELS}
    return _Lexicon(matcher, tables, frozenset(vocab), acronyms, speech_lex.speech_verbs(), title_lex.acting_markers(),
                    labels)


@functools.cache
def _lexicon() -> _Lexicon:
    """The lexicon of :func:`nlp`'s ``kgraph_entities`` component."""
    recognizer = nlp().get_pipe("kgraph_entities")
    assert isinstance(recognizer, _Recognizer)
    return recognizer.lex


class _Recognizer:
    """The ``kgraph_entities`` component."""

    def __init__(self, nlp_: Language):
        self.lex = _build_lexicon(nlp_)

    def __call__(self, doc: Doc) -> Doc:
        firsts: list[int] = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if len(doc) and firsts[:1] != [0]:
            firsts.insert(0, 0)  # the first token starts a sentence
        analysis = _Analyser(doc, self.lex, _Tokens.read(doc), firsts).run()
        doc._.kgraph = analysis
        spans = []
        for m in analysis.mentions:
            if not m.implied:
                spans.append(Span(doc, m.start, m.end, label=m.type.value))
        doc.spans["kgraph"] = spans
        chosen: list[Span] = []
        taken: set[int] = set()
        for sp in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if not taken.intersection(range(sp.start, sp.end)):
                chosen.append(sp)
                taken.update(range(sp.start, sp.end))
        doc.ents = sorted(chosen, key=lambda s: s.start)
        return doc


# --------------------------------------------------------------------------- analysis records


@dataclass(slots=True)
class _Ent:
    key: str
    type: EntityType
    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    tokens: tuple[str, ...] = ()  # a person's name key tokens


@dataclass(slots=True)
class _MentionT:
    key: str
    type: EntityType
    start: int  # token span
    end: int
    name: str
    implied: bool = False  # the span implies the entity (a Bupati implies the Pemkab) without naming it


@dataclass(slots=True)
class _RelT:
    subject: str
    predicate: str
    object: str
    at: int  # a token of the sentence that states it
    role: str = ""
    qualifiers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _QuoteT:
    speaker: str
    start: int  # char offsets of the quoted text
    end: int
    at: int


@dataclass(slots=True)
class _Inst:
    start: int
    end: int  # end of the whole span, region included
    core_end: int  # end of the institution words, region excluded
    key: str
    name: str  # canonical base name, without region
    scope: str
    region: tuple[str, ...] | str | None  # codes, "home:<kind>", or None
    party: bool = False
    is_gov: bool = False
    parent: str = ""
    short: str = ""  # the short name a title implies ("Polres" for Kapolres)


@dataclass(slots=True)
class _Post:
    role: str
    role_forms: set[str]
    acting: str
    former: bool
    org: str | None  # an institution key
    region: tuple[str, ...] | str | None
    place: str
    at: int
    title_start: int
    title_end: int = -1


@dataclass
class _Analysis:
    """What ``kgraph_entities`` found in one Doc (token offsets, with the token table to map them)."""

    text: str
    idx: list[int]
    tokens: list[str]
    sent_id: list[int]
    sents: list[tuple[int, int]]
    ents: dict[str, _Ent]
    mentions: list[_MentionT]
    relations: list[_RelT]
    quotes: list[_QuoteT]
    _sentences: dict[int, tuple[str, int]] = field(default_factory=dict, compare=False, repr=False)

    def _char(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + len(self.tokens[end - 1])

    def _sentence(self, token: int) -> tuple[str, int]:
        """The stripped text of the sentence holding *token*, and its start offset."""
        sid = self.sent_id[token]
        found = self._sentences.get(sid)
        if found is None:
            a, b = self.sents[sid]
            s, e = self._char(a, b)
            raw = self.text[s:e]
            lead = len(raw) - len(raw.lstrip())
            found = self._sentences[sid] = (raw.strip(), s + lead)
        return found

    def to_extraction(self, article: Article) -> Extraction:
        mentions = []
        attrs_of: dict[str, tuple[tuple[str, str], ...]] = {}
        idx, tokens, text, sentence_of = self.idx, self.tokens, self.text, self._sentence
        for m in self.mentions:
            ent = self.ents[m.key]
            attrs = attrs_of.get(m.key)
            if attrs is None:
                attrs = attrs_of[m.key] = tuple(sorted(ent.attrs.items()))
            sentence, sent_start = sentence_of(m.start)
            s, e = idx[m.start], idx[m.end - 1] + len(tokens[m.end - 1])  # self._char(m.start, m.end)
            mentions.append(Mention(m.key, ent.type, text[s:e], ent.name,
                                    Evidence(article.id, sentence, sent_start, s, e), attrs, m.implied))
        # one Relation per distinct fact: keyed by its fields (tuples hash faster than Relations)
        relations: dict[tuple[Any, ...], Relation] = {}
        evidence_of: dict[int, Evidence] = {}  # sentence id -> evidence: a relation's is its whole sentence
        for r in self.relations:
            sentence, sent_start = self._sentence(r.at)
            qualifiers = tuple(sorted(r.qualifiers.items()))
            fact = (r.subject, r.predicate, r.object, sent_start, sentence, r.role, qualifiers)
            if fact in relations:
                continue
            evidence = evidence_of.get(self.sent_id[r.at])
            if evidence is None:
                evidence = Evidence(article.id, sentence, sent_start, sent_start, sent_start + len(sentence))
                evidence_of[self.sent_id[r.at]] = evidence
            relations[fact] = Relation(r.subject, r.predicate, r.object, evidence, r.role, qualifiers)
        quotes = []
        for q in self.quotes:
            sentence, sent_start = self._sentence(q.at)
            quotes.append(Quote(q.speaker, self.text[q.start:q.end].strip(),
                                Evidence(article.id, sentence, sent_start, q.start, q.end)))
        return Extraction(article, tuple(mentions), tuple(relations.values()), tuple(quotes))


# --------------------------------------------------------------------------- the analyser

#: A region name found in the text: start, end, codes, explicit (with its kind word), context.
_RegionHit = tuple[int, int, tuple[str, ...], bool, str]


class _Analyser:
    def __init__(self, doc: Doc, lex: _Lexicon, tokens: _Tokens, sent_firsts: list[int]):
        self.lex = lex
        self.doc_text = tokens.text
        self.text = tokens.words
        self.n = len(self.text)
        self.lower = list(map(str.lower, self.text))  # spaCy's LOWER is str.lower()
        self.tokens = tokens
        self.cue_words = tokens.with_class(_CUE_WORD)
        self.idx = tokens.idx
        self.word_class = tokens.classes
        self.sent_firsts = set(sent_firsts)
        self.sents = list(zip(sent_firsts, sent_firsts[1:] + [self.n]))  # token span of each sentence
        self.sent_id: list[int] = []
        for sid, (a, b) in enumerate(self.sents):
            self.sent_id += [sid] * (b - a)
        self.headline = self._headline_lines()
        # label -> start -> ends, longest first
        self.match: dict[str, dict[int, tuple[int, ...]]] = {label: {} for label in _LABELS}
        for label_id, s, e in lex.matcher(doc):
            by_start = self.match[lex.labels[label_id]]
            ends = by_start.get(s)
            by_start[s] = (e,) if ends is None else tuple(sorted((*ends, e), reverse=True))
        # a title, a government, an event or a head starts here, or an institution's acronym: not a name
        self.not_name_starts = set(self.match["TITLE"]) | set(self.match["GOV"]) | set(self.match["EVT"]) \
            | set(self.match["HEAD"]) | {s for s in self.match["INST"] if self.text[s].isupper()
                                         and len(self.text[s]) > 3}
        self.ents: dict[str, _Ent] = {}
        self.mentions: list[_MentionT] = []
        self.relations: list[_RelT] = []
        self.quotes: list[_QuoteT] = []
        self.insts: dict[int, _Inst] = {}
        self.inst_tokens: set[int] = set()
        self.person_tokens: set[int] = set()
        self.persons: list[str] = []  # person keys in order of creation
        self.person_mentions: list[tuple[int, str]] = []  # (token, key)
        self.person_at: dict[int, str] = {}  # the same by token (person() reads a token once)
        self.posts: dict[str, list[_Post]] = {}
        self.title_refs: list[tuple[int, int, str, tuple[str, ...] | str | None]] = []  # start, end, role, region
        self.region_hits: list[_RegionHit] = []
        self.region_starts: dict[int, _RegionHit] = {}  # the hit at each start, for region_at
        self._pending_posts: list[tuple[str | None, _Post]] = []
        self.title_holder: dict[int, str] = {}  # title start token -> the person holding it
        self.final_inst_keys: dict[str, str] = {}  # temporary institution key -> entity key

    # ---------------------------------------------------------------- helpers

    def span_text(self, a: int, b: int) -> str:
        """The text of tokens a..b (exclusive), as in the document."""
        if b <= a:
            return ""
        return self.doc_text[self.idx[a]:self.idx[b - 1] + len(self.text[b - 1])]

    def ends(self, label: str, i: int) -> tuple[int, ...]:
        return self.match[label].get(i, ())

    def table(self, label: str, i: int, j: int) -> Any:
        return self.lex.tables[label].get(" ".join(self.lower[i:j]))

    def _headline_lines(self) -> set[int]:
        """Sentences on Title Case lines without closing punctuation (headlines, captions).

        Every word is capitalised there, so a name found there is trusted only
        when the body names the same person.
        """
        out: set[int] = set()
        pos = 0
        text = self.doc_text
        for line in text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            stripped = line.strip()
            if not stripped or stripped[-1] in ".!?\"”'":
                continue
            words = [w for w in stripped.split() if w[:1].isalpha()]
            caps = sum(1 for w in words if is_cap(w))
            if len(words) >= 3 and caps / len(words) >= 0.6:
                span = self.token_span(start, start + len(line))
                if span is not None:
                    out.update(self.sent_id[span[0]:span[1]])
        return out

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens of ``doc.char_span(start, end, alignment_mode="expand")``, without making the Span.

        The tokens tile the text: token i holds the characters from its
        offset up to the next token's.
        """
        if not (0 <= start < len(self.doc_text) and 0 <= end - 1 < len(self.doc_text)):
            return None
        first = bisect.bisect_right(self.idx, start) - 1
        last = bisect.bisect_right(self.idx, end - 1) - 1
        if start == self.idx[first] + len(self.text[first]):
            first += 1  # the space after a token is not part of it
        return first, last + 1

    def positions(self, words: frozenset[str]) -> list[int]:
        """Where any of the lowercase *words* stands, in order (*words* from :data:`_CUE_WORDS`, rare words)."""
        return [i for i in self.cue_words if self.lower[i] in words]

    def skip_paren(self, j: int, max_inner: int = 4) -> int:
        """Skip "( ... )" at j when short: an acronym or abbreviation in brackets."""
        if j < self.n and self.text[j] == "(":
            for k in range(j + 1, min(self.n, j + 2 + max_inner)):
                if self.text[k] == ")":
                    return k + 1
        return j

    def _space_after(self, k: int) -> bool:
        """Whether token k ends the text or whitespace follows it."""
        return k + 1 >= self.n or self.idx[k] + len(self.text[k]) < self.idx[k + 1]

    def skip_space(self, j: int) -> int:
        while j < self.n and self.word_class[j] & _SPACE:
            j += 1
        return j

    # ---------------------------------------------------------------- run

    def run(self) -> _Analysis:
        self._collect_regions()
        self._find_institutions()
        self._find_titles()
        self._find_deputies()
        self._find_other_persons()
        self._find_known_names()
        self._find_events()
        self._find_quotes()
        self._finish_regions()
        self._finish_posts()
        self._finish_institutions()
        self._title_anaphora()
        return _Analysis(self.doc_text, self.idx, self.text, self.sent_id, self.sents,
                         self.ents, self.mentions, self.relations, self.quotes)

    # ---------------------------------------------------------------- regions

    def _collect_regions(self) -> None:
        stop = reg_lex.bare_stop()
        taken: set[int] = set()
        starts = sorted(set(self.match.get("RX", {})) | set(self.match.get("RB", {})))
        for i in starts:
            if i in taken:
                continue
            best: tuple[int, tuple[str, ...], bool] | None = None
            for e in self.ends("RX", i):
                best = (e, self.table("RX", i, e), True)
                break
            for e in self.ends("RB", i):
                if best is None or e > best[0]:
                    best = (e, self.table("RB", i, e), False)
                break
            if best is None:
                continue
            e, codes, explicit = best
            if not codes:
                continue
            if explicit and any(ts < i < te for ts in range(max(0, i - 3), i) for te in self.ends("TITLE", ts)):
                continue  # "Wali [Kota Ternate]": the title has the word, the region is the bare name
            if not explicit:
                if not is_cap(self.text[i]):
                    continue
                prev = self.lower[i - 1] if i else ""
                if prev in G.SUBREGION_WORDS:
                    continue
                bare = " ".join(self.lower[i:e])
                if bare in stop and not self._region_context(i):
                    continue
            elif i and self.lower[i - 1] in G.SUBREGION_WORDS:
                continue
            self._add_region_hit((i, e, tuple(codes), explicit, ""))
            taken.update(range(i, e))

    def _region_context(self, i: int) -> bool:
        """A title or a government head right before a bare name makes it a region."""
        k = i - 1
        if k >= 0 and self.text[k] in (",",):
            k -= 1
        for label in ("TITLE", "GOV"):
            for s in range(max(0, k - 3), k + 1):
                if any(e == k + 1 for e in self.ends(label, s)):
                    return True
        return False

    def region_at(self, j: int) -> tuple[int, int, tuple[str, ...], bool] | None:
        hit = self.region_starts.get(j)
        return None if hit is None else hit[:4]

    def _add_region_hit(self, hit: _RegionHit) -> None:
        self.region_hits.append(hit)
        self.region_starts.setdefault(hit[0], hit)

    def _set_region_hits(self, hits: list[_RegionHit]) -> None:
        self.region_hits = hits
        self.region_starts = {}
        for hit in hits:
            self.region_starts.setdefault(hit[0], hit)

    def region_after(self, j: int, kind: str | None = None) -> tuple[tuple[str, ...] | str, int] | None:
        """The region named at token j: codes (filtered by kind) and the end, or a home reference."""
        j = self.skip_space(j)
        if j >= self.n:
            return None
        hit = self.region_at(j)
        if hit is None and self.lower[j].rstrip(".") in _KIND_WORDS:
            word_kind = _KIND_WORDS[self.lower[j].rstrip(".")]
            k = j + 1
            if k < self.n and self.text[k] == ".":
                k += 1
            k2 = self.skip_paren(k)
            inner = self.region_at(k2)
            if inner is None:
                # the bare name may be stop-listed ("Kabupaten Puncak"): look it up directly
                for e in self.ends("RB", k2):
                    codes = self.table("RB", k2, e)
                    if codes:
                        inner = (k2, e, tuple(codes), False)
                        self._add_region_hit((k2, e, tuple(codes), False, "kind"))
                        break
            if inner is not None:
                codes = self._filter_kind(inner[2], word_kind)
                if codes != inner[2]:
                    self._set_region_hits([(s, e, codes if s == inner[0] else c, x, ctx)
                                           for s, e, c, x, ctx in self.region_hits])
                return codes, inner[1]
            if not is_cap(self.text[k]) if k < self.n else True:
                return f"home:{word_kind}", j + 1
            return None
        if hit is None:
            for e in self.ends("RB", j):  # stop-listed bare name after a title: "Bupati Puncak"
                codes = self.table("RB", j, e)
                if codes and kind:
                    self._add_region_hit((j, e, tuple(codes), False, "title"))
                    return self._filter_kind(tuple(codes), kind), e
            return None
        codes = hit[2]
        if kind:
            codes = self._filter_kind(codes, kind)
            if codes != hit[2]:  # "Wali Kota Bogor": the title settles which Bogor
                self._set_region_hits([(s, e, codes if s == hit[0] else c, x, ctx)
                                       for s, e, c, x, ctx in self.region_hits])
        return codes, hit[1]

    @staticmethod
    def _filter_kind(codes: tuple[str, ...], kind: str | None) -> tuple[str, ...]:
        if not kind or kind == "region":
            return codes
        kept = tuple(c for c in codes if reg_lex.by_code(c).kind == kind)
        return kept or codes

    def _region_entity(self, code: str) -> str:
        key = f"region:{code}"
        if key not in self.ents:
            r = reg_lex.by_code(code)
            self.ents[key] = _Ent(key, _ENT_KINDS[r.kind], r.full_name,  # (EntityType(r.entity_type))
                                  {"code": r.code, "province": r.province, "kind": r.kind})
        return key

    # ---------------------------------------------------------------- institutions

    def _dateline(self, i: int) -> bool:
        """"IDI – Penjabat ...", "SAROLANGUN - ...": a place name opening a news line, not a body."""
        first = i == 0 or "\n" in self.text[i - 1]
        return first and self.text[i].isupper() and i + 1 < self.n and self.text[i + 1] in ("-", "–", "—", ",", "(")

    def _local_acronyms(self) -> set[str]:
        """Acronyms the article defines for something that is not an institution.

        "Pejabat Pembina Kepegawaian (PPK)": PPK here is not the election body
        Panitia Pemilihan Kecamatan, in this sentence or later ones.
        """
        out: set[str] = set()
        for i in (s - 1 for s in self.match["INST"]):  # "(" before a known acronym
            if not 2 <= i < self.n - 2 or self.text[i] != "(" or self.text[i + 2] != ")":
                continue
            k = i
            while k - 1 >= 0 and i - k < 4 and is_cap(self.text[k - 1]) and self.text[k - 1][:1].isalpha():
                k -= 1
            if i - k < 2 or any(self.ends(lbl, t) for t in range(k, i) for lbl in ("INST", "HEAD", "GOV")):
                continue
            known = self.table("INST", i + 1, i + 2)
            if known is not None and known.party:
                continue  # "Tatang Kirana (PDIP)": a party after a name
            words = self.text[k:i]
            # the phrase is a term, not a name: its initials spell the acronym, or it has common words
            if _initials_match(self.text[i + 1], words) or any(
                    w.lower() in names_lex.name_stop() or fold(w) in self.lex.inst_vocab for w in words):
                out.add(self.text[i + 1])
        return out

    def _find_institutions(self) -> None:
        self.local_acronyms = self._local_acronyms()
        # an institution starts with a government head, a known institution or a head
        starts = sorted(self.match["GOV"].keys() | self.match["INST"].keys() | self.match["HEAD"].keys())
        resume = 0
        for i in starts:
            if i < resume:
                continue
            inst = self._institution_at(i)
            if inst is None:
                continue
            self.insts[inst.start] = inst
            self.inst_tokens.update(range(inst.start, inst.core_end))
            resume = max(inst.end, i + 1)

    def _institution_at(self, i: int) -> _Inst | None:
        gov_ends = self.ends("GOV", i)
        if gov_ends:
            inst = self._government(i, gov_ends[0])
            if inst:
                return inst
        if not is_cap(self.text[i]):
            return None
        inst_ends, head_ends = self.ends("INST", i), self.ends("HEAD", i)
        best_known = inst_ends[0] if inst_ends else 0
        if best_known == i + 1 and (self.text[i] in self.local_acronyms or self._dateline(i) or (
                self.lower[i] in self.lex.acronyms and not self.text[i].isupper())):
            best_known = 0
        head_end = head_ends[0] if head_ends else 0
        if not best_known and not head_end:
            return None
        core_end = best_known
        known: inst_lex.Institution | None = self.table("INST", i, best_known) if best_known else None
        if head_end:
            head_info: inst_lex.Head | None = self.table("HEAD", i, head_end)
            if head_info is not None and head_info.kind in G.PROPER_NAME_HEAD_KINDS:
                pattern_end = self._proper_name_words(head_end)
            else:
                pattern_end = self._name_words(head_end)
            if pattern_end > core_end:
                core_end = pattern_end
                known = inst_lex.lookup_institution(self.span_text(i, core_end))
        if core_end <= i:
            return None
        # "Badan Pembinaan Indeologi Pancasila (BPIP)": capitalised words up to a bracketed
        # acronym belong to the name even when the scanner does not know them (a typo).
        k = core_end
        while k < self.n and k - core_end < 4 and is_cap(self.text[k]) and self.text[k][:1].isalpha():
            k += 1
        if k > core_end and k + 2 < self.n and self.text[k] == "(" and self.text[k + 2] == ")" and (
                inst_lex.lookup_institution(self.text[k + 1]) is not None
                or _initials_match(self.text[k + 1], self.text[i:k])):
            core_end = k
            known = inst_lex.lookup_institution(self.span_text(i, core_end)) or known
        surface = self.span_text(i, core_end)
        # "Full Name (ACR)" or "Full Name/ACR": the acronym names the same body.
        j = core_end
        acr_inst: inst_lex.Institution | None = None
        if j + 2 < self.n and self.text[j] == "(" and self.text[j + 2] == ")":
            acr_inst = inst_lex.lookup_institution(self.text[j + 1])
            if acr_inst or _initials_match(self.text[j + 1], self.text[i:core_end]) \
                    or title_lex.lookup_title(self.text[j + 1]) is not None:
                j += 3  # "Dinas Kesehatan (Kadinkes) Kota Bandung": the bracket abbreviates the title
        elif j + 1 < self.n and self.text[j] == "/" and is_cap(self.text[j + 1]):
            acr_inst = inst_lex.lookup_institution(self.text[j + 1])
            if acr_inst:
                j += 2
        if known is None and acr_inst is not None:
            known = acr_inst
        if known is None and head_end and core_end == head_end:
            return None  # a bare head word ("Dinas", "Badan") names nothing
        name = known.name if known else squash(surface)
        scope = known.scope if known else self._head_scope(i, head_end, name)
        party = bool(known and known.party)
        region: tuple[str, ...] | str | None = None
        end = j
        if scope in ("regional", "either") and not party:
            after = self.region_after(j)
            if after is not None:
                region, end = after
            elif scope == "regional":
                region = "home:any"
            if end < self.n and self.lower[end] == "nasional":
                end += 1
        elif scope == "national" and not party:
            # a national body followed by an explicit region is its regional branch
            # ("Korpri Kabupaten Serang", "Kemenag Kota Ambon")
            jj = self.skip_space(j)
            if jj < self.n and self.lower[jj].rstrip(".") in _KIND_WORDS:
                after = self.region_after(jj)
                if after is not None and not isinstance(after[0], str):
                    region, end = after
                    parent_key = f"inst:{fold(name)}"
                    self._inst_entity(parent_key, name, "national", None, False)
                    return _Inst(i, end, core_end, "", name, "branch", region, parent=parent_key)
            if jj < self.n and self.lower[jj] in G.NATIONAL_WORDS:
                end = jj + 1
        elif party:
            after = self.region_after(j)
            if after is not None and not isinstance(after[0], str) and self.lower[j].rstrip(".") in _KIND_WORDS:
                region, end = after
        if scope == "either":
            scope = "regional" if region is not None else "national"
        return _Inst(i, end, core_end, "", name, scope, region, party=party)

    def _head_scope(self, i: int, head_end: int, name: str) -> str:
        head: inst_lex.Head | None = self.table("HEAD", i, head_end)
        if head is None:
            return "either"
        if head.scope == "either":
            return "regional" if fold(name).endswith("daerah") else "either"
        return head.scope

    def _name_words(self, j: int) -> int:
        """Extend an institution head over its field words ("Dinas" + "Pertanian dan Perkebunan")."""
        k = j
        last = j
        while k < self.n:
            t, low = self.text[k], self.lower[k]
            if self.region_at(k) is not None or (low.rstrip(".") in _KIND_WORDS and k + 1 < self.n
                                                 and is_cap(self.text[k + 1])):
                break
            if (self.ends("HEAD", k) or self.ends("GOV", k)) and is_cap(t):
                break  # "Bagian Hukum [Sekretariat DPRD]", "Kantor [Dinas Kesehatan]": the next body
            if low in G.NAME_CONNECTORS and last == k and k + 1 < self.n and self._field_word(k + 1):
                k += 1
                continue
            if self._field_word(k):
                k += 1
                last = k
                continue
            if t in ("-",) and k + 1 < self.n and self._field_word(k + 1) and last == k:
                k += 1
                continue
            break
        return last

    def _proper_name_words(self, j: int) -> int:
        """"Universitas [Hasanuddin]", "Institut [Teknologi Bandung]": capitalised words, regions included."""
        k = j
        while k < self.n and k - j < 4:
            t = self.text[k]
            if not (t[:1].isalpha() and is_cap(t)) or self.word_class[k] & (_HONORIFIC | _RANK) \
                    or self.ends("TITLE", k) or t.lower() in names_lex.name_stop():
                break
            k += 1
        return k

    def _field_word(self, k: int) -> bool:
        t = self.text[k]
        if not t[:1].isalpha():
            return False
        if self.ends("TITLE", k) and not self.ends("HEAD", k) and not self.ends("INST", k):
            return False
        if fold(t) in self.lex.inst_vocab and (is_cap(t) or t.isupper()):
            return True
        if t.isupper() and 2 <= len(t) <= 8 and t not in ("PT",):  # PTSP, PUPR, SDM
            return not self.ends("RB", k) or bool(self.ends("INST", k))
        return bool(self.ends("INST", k))

    def _government(self, i: int, head_end: int) -> _Inst | None:
        head: inst_lex.Head = self.table("GOV", i, head_end)
        hint = None
        for w in fold(head.head).split():
            hint = _GOV_KIND.get(w, hint)
        j = self.skip_paren(head_end)
        after = self.region_after(j, hint)
        if after is None:
            return None
        codes, end = after
        if isinstance(codes, str):
            if not is_cap(self.text[i]) and hint is None:
                return None
            region: tuple[str, ...] | str = codes if hint is None else f"home:{hint}"
        else:
            region = codes
        return _Inst(i, end, end, "", "", "regional", region, is_gov=True)

    def _inst_entity(self, key: str, name: str, scope: str, region_key: str | None, party: bool) -> str:
        if key not in self.ents:
            attrs = {"scope": scope}
            if region_key:
                attrs["region"] = region_key
            if party:
                attrs["party"] = "1"
            self.ents[key] = _Ent(key, EntityType.INSTITUTION, name, attrs)
        return key

    def inst_key(self, inst: _Inst) -> str:
        """The entity key of an institution span, registering it (region resolved later)."""
        if inst.key:
            return inst.key
        inst.key = f"inst@{inst.start}"
        return inst.key

    # ---------------------------------------------------------------- titles, officials, posts

    def _find_titles(self) -> None:
        resume = 0
        for i, ends in sorted(self.match["TITLE"].items()):
            if i < resume or i in self.person_tokens:
                continue
            resume = self._parse_title(i, ends[0])

    def _acting_before(self, i: int) -> tuple[str, bool, int]:
        """Acting marker and 'former' before the title at i: (acting, former, new start)."""
        acting, former, k = "", False, i
        markers = self.lex.acting_markers
        # "Pejabat (Pj)", "Penjabat (Pj.)"
        if k >= 3 and self.text[k - 1] == ")" and self.text[k - 3] == "(":
            inner = self.lower[k - 2].rstrip(".")
            if markers.get(inner) not in (None, "former", "elect"):
                acting = markers[inner]
                k -= 3
                if k >= 1 and self.lower[k - 1] in G.ACTING_NOUNS:
                    k -= 1
        if not acting:
            kk = k - 1 if k >= 1 and self.text[k - 1] == "." else k
            act = self.match["ACT"]
            for s in range(max(0, kk - 3), kk):
                for e in act.get(s, ()):
                    if e == kk:
                        meaning = markers.get(title_lex.normalise_title(self.span_text(s, e)), "")
                        if meaning and meaning not in ("former", "elect"):
                            acting, k = meaning, s
                        elif meaning == "former":
                            former, k = True, s
        if k >= 1 and markers.get(self.lower[k - 1].rstrip("-")) == "former":
            former, k = True, k - 1
        return acting, former, k

    def _parse_title(self, i: int, e: int) -> int:
        """Parse "[Pj] TITLE [unit] [institution|region] [,] [honorifics] NAME [, degrees]"."""
        title: title_lex.Title | None = self.table("TITLE", i, e)
        if title is None:
            return i + 1
        acting, former, start = self._acting_before(i)
        surface_start = i
        role = title.role
        forms = {self.span_text(i, e)}
        j = e
        if j < self.n and self.text[j] == "." and fold(title.form) != fold(title.role) and e - i == 1:
            j += 1  # "Wabup. Mansur Hidayat": the dot of an abbreviated title
        j = self._skip_title_paren(j)
        # roman numeral: "Wakil Ketua I", "Asisten II"
        if j < self.n and self.text[j] in G.ROMAN_NUMERALS and not (j + 1 < self.n and self.text[j + 1] == "/"):
            role += " " + self.text[j]
            j += 1
        # "Staf Ahli Bupati", "Asisten Sekda": a title qualified by a second title
        if title.place in ("region", "none") and j < self.n:
            nxt = self.ends("TITLE", j)
            if nxt:
                t2: title_lex.Title | None = self.table("TITLE", j, nxt[0])
                if t2 is not None and t2.place in ("regency", "city", "province") and title.org != "*":
                    role += " " + t2.role
                    title = title_lex.Title(title.form, role, t2.place, title.org)
                    j = nxt[0]
        # unit: "Bidang Mutasi dan Promosi", "Kordiv penanganan pelanggaran"
        unit_end = self._unit_words(j, title)
        if unit_end > j:
            role += " " + squash(self.span_text(j, unit_end)).title().replace(" Dan ", " dan ")
            j = unit_end
        org_key: str | None = None
        region: tuple[str, ...] | str | None = None
        inst = self._inst_overlapping(i, e, j)
        if inst is None and title.org == "*":
            inst = self._abbreviated_head(title, i, e, j)
        if inst is not None and (title.org == "*" or title.place in ("none", "region") or inst.start >= j):
            org_key = self.inst_key(inst)
            role = self._compose_role(role, title, inst, forms)
            j = max(j, inst.end)
        elif title.org not in ("", "*"):
            implied = inst_lex.lookup_institution(title.org)
            base = implied.name if implied else title.org
            scope = implied.scope if implied else "regional"
            short = title.org
            if scope == "national":
                region = None
            else:
                designation = self._unit_designation(j)
                if designation is not None:
                    # "Pangdam V/Brawijaya", "Dandim 1707/Merauke": the unit's number and name
                    label, place, j = designation
                    short = f"{title.org} {label}"
                    base = f"{base} {label}"
                    region = place if place is not None else None
                    scope = "regional" if place is not None else "national"
                else:
                    after = self.region_after(j, None)
                    if after is not None:
                        region, j = after
                    else:
                        region = "home:any"
            org_key = f"implied@{i}"
            self.insts[-i - 1] = _Inst(i, e, e, org_key, base, scope, region, short=short)
        elif title.place in ("regency", "city", "province", "region"):
            kind = title.place if title.place != "region" else None
            after = self.region_after(j, kind)
            if after is not None:
                region, j = after
                # apposition: "Bupati Magelang, Jawa Tengah, Zaenal Arifin"
                if j + 2 < self.n and self.text[j] == ",":
                    hit = self.region_at(j + 1)
                    if hit is not None and all(reg_lex.by_code(c).kind == "province" for c in hit[2]):
                        j = hit[1]
            else:
                region = f"home:{title.place}"
        elif title.org == "*" and title.place == "none":
            unknown = self._unknown_org(j)
            if unknown is not None:
                org_key = self.inst_key(unknown)
                role = self._compose_role(role, title, unknown, forms)
                j = unknown.end
            else:
                # "Juru Bicara Provinsi Kalimantan Barat": the post is in that region's government
                after = self.region_after(j)
                if after is not None and not isinstance(after[0], str):
                    region, j = after
        j = self._skip_title_paren(j)  # "Menteri Dalam Negeri (Mendagri) Tito Karnavian"
        if j + 1 < self.n and self.lower[j] == "dari" and j + 1 in self.insts:
            member_of = self.insts[j + 1]  # "Anggota DPRD Kota Medan dari Fraksi PDI Perjuangan, Robi Barus"
            j = member_of.end
        else:
            member_of = None
        # the holder's name: after the title, or before it ("Andree Algamar, Penjabat Wali Kota")
        k = j
        chained = self._chained_title(k)
        if chained is not None:
            k = chained
        name_span = self._name_after(k, title.place in ("district", "village"))
        if name_span is not None and title.org == "*" and org_key is None and region is None:
            # "Koordinator Pos SAR, Budi Hartono": the first run names the body, the second the person
            s0, t0 = name_span[0], name_span[1]
            if t0 + 1 < self.n and self.text[t0] == "," and k == s0:
                second = self._name_after(t0)
                if second is not None:
                    unknown = _Inst(s0, t0, t0, "", self.span_text(s0, t0), "national", None)
                    self.insts[s0] = unknown
                    self.inst_tokens.update(range(s0, t0))
                    org_key = self.inst_key(unknown)
                    role = self._compose_role(role, title, unknown, forms)
                    name_span = second
        if name_span is None:
            name_span = self._name_before(start)
        if name_span is None and (org_key or region) and j + 1 < self.n and self.text[j] == ".":
            # "Bupati Sarolangun. Cek Endra." : a stray full stop between title and name
            cand = self._name_run(j + 1, [])
            if cand is not None and cand[1] - cand[0] <= 3 and cand[1] < self.n and self.text[cand[1]] in (".", ","):
                name_span = cand
        role_full = f"{acting} {role}" if acting else role
        if acting:
            forms |= {f"{self.span_text(start, i)} {self.span_text(i, e)}"}
        post = _Post(role_full, forms | {role}, acting, former, org_key, region, title.place, i, start, e)
        if name_span is None and start > 0 and self.lower[start - 1] in G.POST_ASSIGNING_WORDS \
                and is_cap(self.text[i]):
            # "Marcellus TJ ... ditunjuk untuk menjabat sebagai Pj Bupati": the sentence's subject holds it
            subject = next((key for t, key in sorted(self.person_mentions)
                            if self.sent_id[t] == self.sent_id[start] and t < start), None)
            if subject is not None:
                self._pending_posts.append((subject, post))
                self.title_holder[start] = subject
                return max(j, i + 1)
        if name_span is None:
            self.title_refs.append((start, j, role, region if org_key is None else org_key))
            self._pending_posts.append((None, post))
            return max(j, i + 1)
        s, t, hons, end = name_span
        degrees = [self.text[d].rstrip(",").rstrip(".") for d in range(t, end) if self.word_class[d] & _DEGREE]
        pkey = self.person(s, t, hons, official=True, degrees=degrees)
        self.title_holder[start] = pkey
        self._pending_posts.append((pkey, post))
        if chained is not None:
            self._parse_chain(e, chained, pkey, org_key, region)
        self._party_after(pkey, t)
        if member_of is not None:
            self.relations.append(_RelT(pkey, "member_of", self.inst_key(member_of), i))
        return max(end, j, i + 1)

    def _unit_designation(self, j: int) -> tuple[str, tuple[str, ...] | None, int] | None:
        """"V/Brawijaya", "1707/Merauke", "0607/Sukabumi": a military unit's number and name.

        Returns the label, the region its name is (if it is one) and the end.
        """
        if j + 2 >= self.n or self.text[j + 1] != "/":
            return None
        number, name = self.text[j], self.text[j + 2]
        if not (number.isdigit() or number in G.ROMAN_NUMERALS) or not is_cap(name):
            return None
        hit = self.region_at(j + 2)
        codes = hit[2] if hit is not None else None
        return f"{number}/{name}", codes, j + 3

    def _skip_title_paren(self, j: int) -> int:
        """Skip "(Sekda)", "(Ketum)": the title's own abbreviation in brackets."""
        if j + 2 < self.n and self.text[j] == "(" and self.text[j + 2] == ")":
            inner = self.text[j + 1]
            if title_lex.lookup_title(inner) is not None or inner.isupper() or inner.istitle():
                return j + 3
        return j

    def _unit_words(self, j: int, title: title_lex.Title) -> int:
        """Words naming a unit under a unit-level title: "Kepala Bidang Mutasi dan Promosi"."""
        form = fold(title.form)
        is_unit = _is_unit_title(form)
        k = j
        if not is_unit:
            if form.startswith("staf ahli") and j < self.n and self.lower[j] == "bidang":
                k = j + 1
            else:
                return j
        last = k
        while k < self.n and k - j < 10:
            t, low = self.text[k], self.lower[k]
            if k > j and (self.ends("HEAD", k) or self.ends("INST", k) or self.ends("GOV", k)) and is_cap(t):
                break
            if self.region_at(k) is not None and k > j:
                break
            if low in G.NAME_CONNECTORS and k > j and k + 1 < self.n and self.text[k + 1][:1].isalpha():
                k += 1
                continue
            if t[:1].isalpha() and low not in G.PHRASE_BREAKERS and not self.ends("TITLE", k) \
                    and (fold(t) in self.lex.inst_vocab or not is_cap(t) or t.isupper() or k == j):
                if is_cap(t) and fold(t) not in self.lex.inst_vocab and not t.isupper() and k > j:
                    break
                k += 1
                last = k
                continue
            break
        return last if last > j else j

    def _abbreviated_head(self, title: title_lex.Title, i: int, e: int, j: int) -> _Inst | None:
        """"Kadis PUPR", "Kaban Pol PP": the title abbreviates "Kepala Dinas", so the words after it name the dinas."""
        head = G.TITLE_HEAD_BODIES.get(title.role.split()[-1].lower(), "")
        if not head or head.lower() in fold(title.form).split():
            return None
        end = self._name_words(j)
        if end <= j:
            return None
        field = squash(self.span_text(j, end))
        known = inst_lex.lookup_institution(f"{head} {field}") or inst_lex.lookup_institution(field)
        name = known.name if known else f"{head} {field}"
        scope = known.scope if known else "regional"
        region: tuple[str, ...] | str | None = "home:any" if scope != "national" else None
        stop = end
        after = self.region_after(end) if scope != "national" else None
        if after is not None:
            region, stop = after
        inst = _Inst(j, stop, end, "", name, scope, region)
        self.insts[j] = inst
        self.inst_tokens.update(range(j, end))
        return inst

    def _inst_overlapping(self, i: int, e: int, j: int) -> _Inst | None:
        """An institution that starts inside the title ("Kepala [Dinas ...]") or right after it."""
        for s in range(i + 1, e):
            inst = self.insts.get(s)
            if inst is not None:
                return inst
        jj = j
        if jj < self.n and self.text[jj] == ",":
            return None
        return self.insts.get(jj)

    def _compose_role(self, role: str, title: title_lex.Title, inst: _Inst, forms: set[str]) -> str:
        """Role name from title and institution: "Kepala" + "Dinas Pekerjaan Umum", "Ketua" + "DPRD"."""
        if inst.is_gov or title.place in ("regency", "city", "province"):
            return role
        if title.org != "*" and title.place not in ("none",):
            return role
        short = squash(self.span_text(inst.start, inst.core_end))
        if not short:
            return role
        first = short.split()[0]
        if role.split()[-1].lower() == first.lower():
            composed = role.rsplit(" ", 1)[0] + " " + short
        else:
            composed = f"{role} {short}"
        forms.add(title.role if not any(c.isdigit() for c in role) else role)
        forms.add(role)
        if inst.name and fold(inst.name) != fold(short):
            expanded = inst.name
            if role.split()[-1].lower() == expanded.split()[0].lower():
                forms.add(role.rsplit(" ", 1)[0] + " " + expanded)
            else:
                forms.add(f"{role} {expanded}")
        return composed

    def _unknown_org(self, j: int) -> _Inst | None:
        """"Wakil Korpi Kabupaten Lebak": unknown words then an explicit region name an institution."""
        k = j
        while k < self.n and k - j < 4 and is_cap(self.text[k]) and self.region_at(k) is None \
                and self.lower[k] not in names_lex.name_stop():
            k += 1
        if k == j or k >= self.n:
            return None
        hit = self.region_at(k)
        if hit is None or not hit[3]:
            return None
        inst = _Inst(j, hit[1], k, "", squash(self.span_text(j, k)), "branch", hit[2])
        self.insts[j] = inst
        self.inst_tokens.update(range(j, k))
        return inst

    def _chained_title(self, k: int) -> int | None:
        """", Kordiv penanganan pelanggaran, Yusnaeni": a second title for the same holder."""
        kk = k + 1 if k < self.n and self.text[k] == "," else k
        ends = self.ends("TITLE", kk) if kk < self.n else []
        if not ends:
            return None
        t2: title_lex.Title | None = self.table("TITLE", kk, ends[0])
        if t2 is None or t2.place in ("regency", "city", "province", "national"):
            return None
        unit_end = self._unit_words(ends[0], t2)
        m = unit_end
        if m < self.n and self.text[m] == ",":
            m += 1
        return m if unit_end > ends[0] else None

    def _parse_chain(self, title_end: int, chain_end: int, pkey: str, org_key: str | None,
                     region: tuple[str, ...] | str | None) -> None:
        kk = title_end
        while kk < chain_end and not self.ends("TITLE", kk):
            kk += 1
        ends = self.ends("TITLE", kk)
        if not ends:
            return
        t2: title_lex.Title = self.table("TITLE", kk, ends[0])
        unit_end = self._unit_words(ends[0], t2)
        role = t2.role + " " + squash(self.span_text(ends[0], unit_end)).title().replace(" Dan ", " dan ")
        forms = {self.span_text(kk, unit_end), t2.role}
        self._pending_posts.append((pkey, _Post(role, forms, "", False, org_key, region, t2.place, kk, kk)))

    def _is_name_token(self, k: int) -> bool:
        word = self.word_class[k]
        if not word & (_NAME | _NAME_IF_CAP_FOLLOWS) or k in self.inst_tokens or k in self.not_name_starts:
            return False
        if word & _NAME_IF_CAP_FOLLOWS and not (k + 1 < self.n and is_cap(self.text[k + 1])):
            return False
        return len(self.text[k]) <= 3 or k not in self.region_starts

    def _scan_honorifics(self, k: int) -> tuple[int, list[str]]:
        hons: list[str] = []
        while k < self.n:
            word = self.word_class[k]
            if word & (_HONORIFIC | _RANK) or (hons and word & _RANK_SUFFIX):
                hons.append(self.text[k].rstrip(",").rstrip("."))
                k += 1
                while k < self.n and self.text[k] in (".", ","):
                    k += 1
                continue
            break
        return k, hons

    def _name_after(self, k: int, place_first: bool = False) -> tuple[int, int, list[str], int] | None:
        """A person's name starting at k (after optional comma, colon and honorifics)."""
        k = self.skip_space(k)
        if k < self.n and self.text[k] in (",", ":", "-", "–"):
            k += 1
        elif place_first:
            # "Camat Pelawan" names the district; the person follows a comma
            m = k
            while m < self.n and self._is_name_token(m) and not self.word_class[m] & (_RANK | _HONORIFIC):
                m += 1
            if m > k and m + 1 < self.n and self.text[m] == ",":
                k = m + 1
            elif m > k and m < self.n and self.word_class[m] & (_RANK | _HONORIFIC):
                k = m  # "Kapolsek Cibinong AKP Dicky Wahyudi": the rank opens the name
            else:
                return None
        k = self.skip_space(k)
        if k < self.n and self.lower[k] in G.APPOSITION_WORDS:
            return None
        k, hons = self._scan_honorifics(k)
        return self._name_run(k, hons)

    def _name_run(self, k: int, hons: list[str]) -> tuple[int, int, list[str], int] | None:
        s = k
        toks = 0
        while k < self.n and toks < 6:
            t = self.text[k]
            if t == "." and toks and names_lex.is_name_abbreviation(self.text[k - 1]) and k + 1 < self.n \
                    and self._is_name_token(k + 1):
                k += 1  # "Moh. Arifin"
                continue
            if self._is_name_token(k):
                k += 1
                toks += 1
                continue
            if self.lower[k] in ("bin", "binti", "van", "de", "da") and toks and k + 1 < self.n \
                    and self._is_name_token(k + 1):
                k += 1
                continue
            break
        t_end = k
        while t_end > s and self.text[t_end - 1] == ".":
            t_end -= 1
        if toks == 0 or t_end <= s:
            return None
        # (the first token is a name token: two letters or more are enough)
        if len(self.text[s]) < 2 and sum(len(x) for x in self.text[s:t_end] if x[:1].isalpha()) < 2:
            return None
        if self.sent_id[s] in self.headline and not self._known_name(s, t_end):
            return None
        end = self._skip_degrees(t_end)
        return s, t_end, hons, end

    def _skip_degrees(self, k: int) -> int:
        """Consume ", S.Sos., M.Si" after a name."""
        end = k
        m = k
        while m < self.n:
            if self.text[m] in (",", "."):
                m += 1
                continue
            if self.word_class[m] & _DEGREE and (self.text[m] not in ("MA",) or (m > k and self.text[m - 1] == ",")):
                m += 1
                end = m
                continue
            break
        return end

    def _name_before(self, start: int) -> tuple[int, int, list[str], int] | None:
        """"Andree Algamar, Penjabat Wali Kota" / "Adnan Purichta Ichsan, selaku Bupati"."""
        k = start - 1
        if k >= 0 and self.lower[k] in G.APPOSITION_WORDS:
            k -= 1
        if k >= 0 and self.text[k] == ",":
            k -= 1
        elif k >= 0 and self.lower[k + 1] not in G.APPOSITION_WORDS:
            return None
        k = self._skip_degrees_back(k)
        e = k + 1
        s = e
        while s - 1 >= 0 and e - s < 5 and (self._is_name_token(s - 1) or (
                self.text[s - 1] == "." and s - 2 >= 0 and names_lex.is_name_abbreviation(self.text[s - 2]))):
            s -= 1
        while s < e and not self._is_name_token(s):
            s += 1
        if s >= e or self.sent_id[s] != self.sent_id[start] or any(t in self.person_tokens for t in range(s, e)):
            return None
        if s > 0 and self.text[s - 1][:1].isalpha() and is_cap(self.text[s - 1]) \
                and not self.word_class[s - 1] & _HONORIFIC:
            return None  # the run continues into something that is not a name
        hs, hons = s, []
        if s > 0 and self.word_class[s - 1] & _HONORIFIC:
            hons.append(self.text[s - 1].rstrip("."))
        if self.sent_id[s] in self.headline and not self._known_name(s, e):
            return None
        return s, e, hons, hs

    def _skip_degrees_back(self, k: int) -> int:
        while k >= 1 and self.word_class[k] & _DEGREE and self.text[k - 1] in (",", "."):
            k -= 2
            while k >= 0 and self.text[k] in (",", "."):
                k -= 1
        return k

    def _known_name(self, s: int, e: int) -> bool:
        toks = set(name_key(self.span_text(s, e)).split())
        return any(toks <= set(self.ents[p].tokens) for p in self.persons)

    def person(self, s: int, e: int, hons: list[str], official: bool = False, degrees: list[str] | None = None) -> str:
        """Register a person mention at tokens s..e, merging with a person already seen."""
        known = self.person_at.get(s)
        if known is not None:
            return known  # this name was already read here (by a title, then by its honorific)
        raw = squash(self.span_text(s, e))
        toks = _name_tokens(raw)
        key = self._match_person(toks)
        if key is None:
            key = f"person:{len(self.persons)}"
            self.persons.append(key)
            self.ents[key] = _Ent(key, EntityType.PERSON, raw, {}, toks)
        ent = self.ents[key]
        if len(toks) > len(ent.tokens) or (len(toks) == len(ent.tokens) and len(raw) > len(ent.name)):
            old = ent.attrs.get("aliases", "")
            ent.attrs["aliases"] = "|".join(sorted(set(filter(None, old.split("|") + [ent.name]))))
            ent.name, ent.tokens = raw, toks
        elif fold(raw) != fold(ent.name):
            aliases = set(filter(None, ent.attrs.get("aliases", "").split("|")))
            aliases.add(raw)
            ent.attrs["aliases"] = "|".join(sorted(aliases))
        if hons:
            have = set(filter(None, ent.attrs.get("honorifics", "").split("|")))
            ent.attrs["honorifics"] = "|".join(sorted(have | set(hons)))
        if degrees:
            have = set(filter(None, ent.attrs.get("degrees", "").split("|")))
            ent.attrs["degrees"] = "|".join(sorted(have | set(degrees)))
        if official:
            ent.type = EntityType.OFFICIAL
        self.mentions.append(_MentionT(key, ent.type, s, e, ent.name))
        self.person_tokens.update(range(s, e))
        self.person_mentions.append((s, key))
        self.person_at[s] = key
        return key

    def _match_person(self, toks: tuple[str, ...]) -> str | None:
        """The person this name refers to: same name, a part of it, or its initials."""
        if not toks:
            return None
        cands = []
        words = set(toks)
        for key in self.persons:
            have = self.ents[key].tokens
            have_words = set(have)
            if toks == have or words <= have_words or have_words <= words:
                cands.append(key)
            elif toks[-1] == have[-1] and (_initials_cover(toks, have) or _initials_cover(have, toks)):
                cands.append(key)  # (initials cover a name with the same last word)
        if len(cands) <= 1:
            return cands[0] if cands else None
        # the most recently mentioned candidate: "Zainal" after "Zainal Arifin Fanath"
        order = {k: i for i, (_, k) in enumerate(self.person_mentions)}
        cands.sort(key=lambda c: (self.ents[c].type != EntityType.OFFICIAL, -order.get(c, -1)))
        return cands[0]

    def _party_after(self, pkey: str, k: int) -> None:
        """"Tatang Kirana(PDIP)": party membership in brackets after a name."""
        if k + 2 < self.n and self.text[k] == "(":
            inst = self.insts.get(k + 1)
            if inst is not None and inst.party:
                self.relations.append(_RelT(pkey, "member_of", self.inst_key(inst), k))

    def _find_deputies(self) -> None:
        """"Ketua DPRD X, A, didampingi ketiga wakilnya yakni: B(PKB), C(PPP), dan D": deputies of the last post."""
        for i in self.positions(G.DEPUTY_WORDS):
            antecedent = None
            for pkey, post in self._pending_posts:
                if pkey and post.at < i and self.sent_id[i] - self.sent_id[post.at] <= 1:
                    antecedent = post
            if antecedent is None:
                continue
            base = _base_role(antecedent.role)
            role = base if base.startswith("Wakil ") else f"Wakil {base}"
            k = i + 1
            while k < self.n:
                while k < self.n and (self.lower[k] in ("yakni", "yaitu", "masing-masing", "dan", ":", ",")
                                      or self.word_class[k] & _SPACE):
                    k += 1
                span = self._name_run(k, [])
                if span is None or span[0] in self.person_tokens:
                    break
                pkey = self.person(span[0], span[1], [], official=True)
                forms = {role, *(f"Wakil {f}" for f in antecedent.role_forms if f and not f.startswith("Wakil"))}
                self._pending_posts.append((pkey, _Post(role, forms, "", False, antecedent.org, antecedent.region,
                                                        antecedent.place, span[0], span[0])))
                k = span[3]
                if k < self.n and self.text[k] == "(":
                    self._party_after(pkey, k)
                    k = self.skip_paren(k, 6)

    # ---------------------------------------------------------------- other persons

    def _find_other_persons(self) -> None:
        verbs = self.lex.speech_verbs
        # only a speech verb, a person noun or an honorific introduces a person here
        candidates = self.tokens.with_class(_PERSON_CUE | _HONORIFIC)
        for i in candidates:
            if i in self.person_tokens:
                continue
            low = self.lower[i]
            pos = verbs.get(low)
            if pos in ("before", "according") and i + 1 < self.n:
                k, hons = self._scan_honorifics(i + 1)
                span = self._name_run(k, hons)
                if span and not self.ends("TITLE", k):
                    self.person(span[0], span[1], span[2])
            elif pos == "after" and i > 0:
                k = i - 1
                while k >= 0 and self.lower[k] in G.SPEECH_ADVERBS:
                    k -= 1
                relative = k >= 0 and self.lower[k] == "yang"  # "Lili yang mengatakan"
                if relative:
                    k -= 1
                e = k + 1
                s = e
                while s - 1 >= 0 and e - s < 4 and self._is_name_token(s - 1):
                    s -= 1
                if s < e and (s == 0 or not is_cap(self.text[s - 1]) or s in self.sent_firsts) \
                        and (self._known_name(s, e) or e - s >= 2 or s in self.sent_firsts or relative):
                    if not (self.sent_id[s] in self.headline and not self._known_name(s, e)):
                        self.person(s, e, [])
            elif (noun_end := self._person_noun_end(i)) and i not in self.inst_tokens:
                k, hons = self._scan_honorifics(noun_end)
                span = self._name_run(k, hons)
                if span and not self.ends("TITLE", k):
                    self.person(span[0], span[1], span[2])
            elif self.word_class[i] & _HONORIFIC and is_cap(self.text[i]) and low.rstrip(".") not in (
                    "bapak", "ibu", "pak", "bu", "saudara", "saudari"):
                k, hons = self._scan_honorifics(i)
                span = self._name_run(k, hons)
                if span and span[1] - span[0] >= 1 and not self._preceded_by_title(i):
                    self.person(span[0], span[1], span[2])
        self._nicknames()

    def _person_noun_end(self, i: int) -> int:
        """The end of a person noun at i ("warga", "tokoh masyarakat"), or 0."""
        if not self.word_class[i] & _PERSON_CUE:
            return 0
        nouns = names_lex.person_nouns()
        for size in (3, 2, 1):
            if i + size <= self.n and " ".join(self.lower[i:i + size]) in nouns:
                return i + size
        return 0

    def _preceded_by_title(self, i: int) -> bool:
        return any(e == i for s in range(max(0, i - 4), i) for e in self.ends("TITLE", s))

    def _nicknames(self) -> None:
        """"Iron, sapaan Bupati Lombok Timur": a nickname of the holder of that title."""
        for i in self.positions(G.NICKNAME_WORDS):
            if not 1 <= i < self.n - 1:
                continue
            k = i - 1
            if self.text[k] == ",":
                k -= 1
            nick_key = next((key for s, key in self.person_mentions if s <= k < s + 4 and
                             self._mention_end(s, key) == k + 1), None)
            if nick_key is None:
                continue
            title_ends = self.ends("TITLE", i + 1)
            if not title_ends:
                continue
            role = self.table("TITLE", i + 1, title_ends[0]).role
            holder = next((pk for pk, post in self._pending_posts if pk and pk != nick_key and
                           post.role.endswith(role)), None)
            if holder:
                self._merge_persons(nick_key, holder)

    def _mention_end(self, s: int, key: str) -> int:
        for m in self.mentions:
            if m.start == s and m.key == key:
                return m.end
        return -1

    def _merge_persons(self, src: str, dst: str) -> None:
        if src == dst:
            return
        s, d = self.ents[src], self.ents[dst]
        aliases = set(filter(None, d.attrs.get("aliases", "").split("|")))
        aliases |= set(filter(None, s.attrs.get("aliases", "").split("|")))
        aliases.add(s.name)
        d.attrs["aliases"] = "|".join(sorted(aliases - {d.name}))
        d.tokens = tuple(dict.fromkeys(d.tokens + s.tokens))
        for m in self.mentions:
            if m.key == src:
                m.key = dst
        self.person_mentions = [(t, dst if k == src else k) for t, k in self.person_mentions]
        self.person_at = dict(self.person_mentions)
        self._pending_posts = [(dst if k == src else k, p) for k, p in self._pending_posts]
        for r in self.relations:
            if r.subject == src:
                r.subject = dst
        self.persons.remove(src)
        del self.ents[src]

    def _find_known_names(self) -> None:
        """Later mentions of a person by part of the name ("Nanang", "Musyafirin")."""
        known = self._person_name_words()
        initials = {w[0] for w in known}
        candidates = self.tokens.with_class(_NAME | _NAME_IF_CAP_FOLLOWS)
        for i in candidates:
            if i in self.person_tokens or i in self.inst_tokens:
                continue
            # The quick no: the name's first key word must be a known one. It is the first
            # folded word of the first token when that word ends in the token and is not a
            # single letter (those are joined, "H. W." -> "hw"); it starts with the token's
            # first letter anyway (a capital, which folding keeps first).
            first = _fold_words(self.text[i])
            if len(first[0]) > 1 and (len(first) > 1 or self._space_after(i)):
                if first[0] not in known:
                    continue
            elif first[0][0] not in initials:
                continue
            if not self._is_name_token(i):
                continue
            e = i
            while e < self.n and e - i < 4 and e not in self.person_tokens and self._is_name_token(e):
                e += 1
            toks = _name_tokens(self.span_text(i, e))
            if not toks or not known.issuperset(toks):
                continue  # (the next quick no: a word no person's name has)
            key = self._match_person(toks)
            if key and set(toks) <= set(self.ents[key].tokens):
                self.person(i, e, [])
                known = self._person_name_words()
                initials = {w[0] for w in known}

    def _person_name_words(self) -> set[str]:
        """The name key words of every person found so far."""
        return {w for key in self.persons for w in self.ents[key].tokens}

    # ---------------------------------------------------------------- events

    def _find_events(self) -> None:
        triggers = ev_lex.event_triggers()
        resume = 0
        found: list[tuple[int, int, str, str, str, dict[str, str]]] = []
        for i, ends in sorted(self.match["EVT"].items()):
            if i < resume:
                continue
            e = ends[0]
            trig: ev_lex.EventTrigger = triggers.get(" ".join(self.lower[i:e])) or self.table("EVT", i, e)
            if trig is None or i in self.person_tokens or i in self.inst_tokens or self._in_regulation(i):
                continue
            res = self._event_phrase(i, e, trig)
            if res is None:
                continue
            end, name, ident, attrs = res
            found.append((i, end, name, ident, trig.canonical, attrs))
            resume = max(end, i + 1)
        self._register_events(found)

    def _in_regulation(self, i: int) -> bool:
        """An event word inside a regulation's title ("Surat Edaran ... tentang pelantikan")."""
        if not any(i - 25 < k < i for k in self.positions(_TENTANG)):
            return False  # (the quick no: no "tentang" in reach)
        sid = self.sent_id[i]
        k = i - 1
        seen_tentang = False
        while k >= 0 and self.sent_id[k] == sid and i - k < 25:
            if self.lower[k] == "tentang":
                seen_tentang = True
            elif seen_tentang and (self.lower[k] in G.REGULATION_WORDS or self.lower[k].startswith("permen")):
                return True
            k -= 1
        return False

    def _event_phrase(self, i: int, e: int, trig: ev_lex.EventTrigger) -> tuple[int, str, str, dict[str, str]] | None:
        kind = trig.kind
        cap = is_cap(self.text[i])
        headline = self.sent_id[i] in self.headline
        attrs: dict[str, str] = {"kind": kind}
        if self.lower[i] in G.AMBIGUOUS_EVENT_WORDS and not (e < self.n and (is_cap(self.text[e]) or self.ends("EVT", e))):
            return None  # "peringatan tegas" is a warning, "peringatan HUT" a commemoration
        if kind in ("ceremony",) and self._ceremony_of_named(e):
            return None  # "upacara peringatan HUT Korpri": the named event is the one
        if kind == "ceremony" and e + 1 < self.n and self.lower[e] == "hari" and e + 1 in self.insts:
            # "peringatan hari Korpri": the institution's anniversary
            return self._anniversary(i, e + 1, ev_lex.EventTrigger("hari", "HUT", "anniversary"),
                                     {"kind": "anniversary"})
        if kind == "anniversary":
            return self._anniversary(i, e, trig, attrs)
        if kind == "election":
            year = self._year_after(e)
            if year is None and not cap and len(self.text[i]) > 8 and self.lower[i] not in ("pemilu",):
                return None
            name = trig.canonical
            k = self.skip_paren(e)
            if k < self.n and self.lower[k] == "serentak":
                name += " Serentak"
                k += 1
            if year:
                attrs["year"] = year
                return k, f"{trig.canonical} {year}", f"event:{fold(trig.canonical)} {year}", attrs
            return k, name, f"event@{fold(trig.canonical)}", attrs
        if kind == "disaster" and not self._disaster_occurs(i, e):
            return None  # "rawan banjir", "kontinjensi banjir": a risk, not an event
        strong = kind in ("inauguration", "meeting", "ceremony", "selection", "disaster", "election", "anniversary")
        if not strong and not (cap and not headline):
            return None
        if headline and not strong:
            return None
        k = self.skip_paren(e)
        words = [trig.canonical]
        last = k
        while k < self.n and len(words) < 5:
            t, low = self.text[k], self.lower[k]
            if low in G.PHRASE_BREAKERS or low in G.EVENT_NAME_BREAKERS or not t[:1].isalnum() and t not in ("/",):
                break
            if len(low) > 5 and low.startswith(G.VERB_PREFIXES) and fold(t) not in self.lex.inst_vocab:
                break
            if self.region_at(k) is not None or k in self.person_tokens:
                break
            if self.ends("TITLE", k) and not (low == "pj" or self.lower[k - 1] == "pj"):
                if not self.lower[k - 1] in ("pj", "plt", "plh", "pejabat"):
                    break
            if k in self.inst_tokens and kind != "meeting":
                break
            if self.ends("EVT", k):
                break
            words.append(t if (is_cap(t) and t.isupper()) or t in G.ROMAN_NUMERALS or is_cap(t) else low)
            k += 1
            last = k
        name = squash(" ".join(words))
        if kind == "meeting" and last < self.n:
            inst = self.insts.get(self.skip_paren(last))
            if inst is not None and not inst.party:
                attrs["organiser_at"] = str(inst.start)
        return last, name, f"event@{fold(trig.canonical)}", attrs

    def _disaster_occurs(self, i: int, e: int) -> bool:
        """A disaster word names an occurrence: it strikes a place, or has victims or effects."""
        after = range(e, min(self.n, e + 5))
        if any(self.lower[k] in G.DISASTER_VERBS or self.region_at(k) is not None for k in after):
            return True
        return any(self.lower[k] in G.DISASTER_AFTERMATH for k in range(max(0, i - 2), i))

    def _ceremony_of_named(self, e: int) -> bool:
        """"upacara peringatan dan tasyakuran HUT Korpri": a ceremony word before a named event."""
        k = e
        while k < self.n and k - e < 6:
            ends = self.ends("EVT", k)
            if ends:
                t = self.table("EVT", k, ends[0])
                if t is not None and t.kind in ("anniversary", "election"):
                    return True
                if t is None or t.kind not in ("ceremony", "religious", "other"):
                    return False
                k = ends[0]
                continue
            if self.lower[k] not in ("dan", "perdana", ",", "&"):
                return False
            k += 1
        return False

    def _anniversary(self, i: int, e: int, trig: ev_lex.EventTrigger,
                     attrs: dict[str, str]) -> tuple[int, str, str, dict[str, str]] | None:
        """"HUT Korpri ke-52", "Hari Ulang Tahun (HUT) Korps Pegawai Republik Indonesia (Korpri) ke-52"."""
        k = self.skip_paren(e)
        if trig.canonical.lower() != "hut" and k < self.n and self.ends("EVT", k):
            return None  # "peringatan HUT ...": the HUT is the event
        obj_name = ""
        obj_key = ""
        m = k
        limit = min(self.n, k + 12)
        ordinal = ""
        while m < limit:
            t = self.text[m]
            inst = self.insts.get(m)
            if inst is not None and not obj_name:
                obj_key = f"inst:{m}"
                obj_name = self._short_inst_name(inst)
                m = self.skip_paren(inst.core_end)
                continue
            hit = self.region_at(m)
            if hit is not None and not obj_name:
                obj_name = self.span_text(hit[0], hit[1])
                obj_key = "region"
                m = hit[1]
                continue
            mo = _ORDINAL.match(t)
            if mo and not ordinal:
                ordinal = mo.group(1)
                m += 1
                if obj_name:
                    break
                continue  # "HUT ke-67 Provinsi Kalimantan Timur": the object follows
            if self.lower[m] == "ke" and m + 1 < self.n and not ordinal:
                nxt = self.text[m + 1] if self.text[m + 1] != "-" else (self.text[m + 2] if m + 2 < self.n else "")
                if nxt.isdigit():
                    ordinal = nxt
                    m += 2 if self.text[m + 1] != "-" else 3
                    if obj_name:
                        break
                    continue
            if is_cap(t) and t[:1].isalpha() and not obj_key and t.lower() not in names_lex.name_stop():
                obj_name = (obj_name + " " + t).strip()  # "HUT Kemerdekaan RI ke-78"
                m += 1
                continue
            if t in ("(", ")", "-") or self.word_class[m] & _SPACE:
                m += 1
                continue
            break
        if not obj_name:
            return None
        name = f"HUT {obj_name}" + (f" ke-{ordinal}" if ordinal else "")
        attrs["object"] = fold(obj_name)
        if ordinal:
            attrs["ordinal"] = ordinal
            return m, name, f"event:hut {fold(obj_name)} {ordinal}", attrs
        return m, name, f"event@hut {fold(obj_name)}", attrs

    def _short_inst_name(self, inst: _Inst) -> str:
        """The short form an institution goes by: its acronym in brackets, or a known form."""
        j = inst.core_end
        if j + 2 < self.n and self.text[j] == "(" and self.text[j + 2] == ")":
            return self.text[j + 1]
        known = inst_lex.lookup_institution(self.span_text(inst.start, inst.core_end))
        if known is not None:
            short = [f for f in known.forms if f.isalpha() and len(f) <= 8]
            if short:
                return sorted(short, key=lambda f: (not f.istitle(), len(f)))[0]
        return squash(self.span_text(inst.start, inst.core_end))

    def _year_after(self, e: int) -> str | None:
        """The year of an election: "Pemilu 2024", "Pemilu dan Pilpres 2024", "Pilkada serentak 2020"."""
        k = e
        for _ in range(10):
            if k >= self.n:
                return None
            t = self.text[k]
            if _YEAR.match(t):
                return t
            if t in ("(", ")", "dan", ",", "serentak", "tahun", "&") or self.ends("EVT", k) or (
                    k > 0 and self.text[k - 1] == "(") or self.lower[k] in ("pemilihan", "umum", "presiden"):
                k += 1
                continue
            return None
        return None

    def _register_events(self, found: list[tuple[int, int, str, str, str, dict[str, str]]]) -> None:
        if not found:
            return
        # One event per identity. Events without one (no year, no ordinal) are grouped
        # by their trigger within the article ("pelantikan pejabat eselon II" ...
        # "pelantikan ini"): one node, named by the most frequent specific wording.
        canon_of = {ident: fold(canon) for _, _, _, ident, canon, _ in found if ident.startswith("event@")}
        canons = set(canon_of.values())
        group_of: dict[str, str] = {}
        for ident, canon in canon_of.items():
            longer = [c for c in canons if c != canon and c.startswith(canon + " ")]
            group_of[ident] = min(longer) if longer and not ident.startswith("event@hut") else canon
        counts: dict[str, Counter[str]] = {}
        names: dict[str, str] = {}
        for s, e, name, ident, canon, attrs in found:
            if ident in group_of:
                counts.setdefault(group_of[ident], Counter())[fold(name)] += 1
                names.setdefault(fold(name), name)
        best_of: dict[str, str] = {}
        for group, c in counts.items():
            specific = [n for n in c if n not in canons]
            pool = specific or list(c)
            best_of[group] = max(pool, key=lambda n: (c[n], -pool.index(n)))
        # elections without a year join the same election with a year in this article
        dated = {fold(canon): ident for _, _, _, ident, canon, _ in found if ident.startswith("event:")
                 and not ident.startswith("event:hut")}
        hut_ordinal = {ident.rsplit(" ", 1)[0].replace("event:", "event@"): ident
                       for _, _, _, ident, _, _ in found if ident.startswith("event:hut")}
        own_name: dict[str, str] = {}
        for _, _, name, ident, _, _ in found:
            if ident.startswith("event:") and len(name) > len(own_name.get(ident, "")):
                own_name[ident] = name
        anniversaries = sorted({ident for _, _, _, ident, _, a in found if a.get("kind") == "anniversary"},
                               key=lambda x: (not x.startswith("event:"), x))
        for s, e, name, ident, canon, attrs in found:
            key = ident
            if ident.startswith("event@") and attrs.get("kind") == "ceremony" and fold(name) == fold(canon) \
                    and anniversaries:
                # a bare "upacara" in an article about an anniversary is that ceremony
                key = anniversaries[0]
                if key.startswith("event@hut") and key in hut_ordinal:
                    key = hut_ordinal[key]
            elif ident.startswith("event@"):
                base = ident[len("event@"):]
                if base in dated:
                    key = dated[base]
                elif ident in hut_ordinal:
                    key = hut_ordinal[ident]
                else:
                    best = best_of[group_of[ident]]
                    key = f"event@{best}"
                    name = names.get(best, name)
            if key.startswith("event:"):
                name = own_name.get(key, name)
            if key not in self.ents:
                self.ents[key] = _Ent(key, EntityType.EVENT, name, {k: v for k, v in attrs.items()
                                                                    if k != "organiser_at"})
            self.mentions.append(_MentionT(key, EntityType.EVENT, s, e, self.ents[key].name))
            sid = self.sent_id[s]
            for t, pkey in self.person_mentions:
                if self.sent_id[t] == sid:
                    self.relations.append(_RelT(pkey, "participates", key, s))
            org_at = attrs.get("organiser_at")
            if org_at:
                inst = self.insts.get(int(org_at))
                if inst is not None:
                    self.relations.append(_RelT(self.inst_key(inst), "participates", key, s))
            for rs, re_, codes, explicit, _ in self.region_hits:
                if s <= rs < e + 8 and self.sent_id[rs] == sid and len(codes) == 1:
                    self.relations.append(_RelT(key, "event_in", f"region:{codes[0]}", s))
                    break

    # ---------------------------------------------------------------- quotes

    def _find_quotes(self) -> None:
        text = self.doc_text
        verbs = self.lex.speech_verbs
        pos = 0
        spans: list[tuple[int, int]] = []
        while pos < len(text):
            m = _QUOTE_MARK.search(text, pos)
            if not m:
                break
            s = m.start()
            close = "”" if text[s] == "“" else '"'
            e = text.find(close, s + 1)
            alt = text.find("\n", s + 1)
            if close == "”":
                e2 = text.find('"', s + 1)
                if e == -1 or (e2 != -1 and e2 < e and (alt == -1 or e2 < alt)):
                    e = e2
            if e == -1 or (alt != -1 and alt < e):
                pos = s + 1
                continue
            if len(text[s + 1:e].split()) >= 2:  # a quoted phrase, not a quoted word
                spans.append((s + 1, e))
            pos = e + 1
        for s, e in spans:
            at = self.token_span(s, e)
            if at is None:
                continue
            speaker = self._speaker_after(at[1], verbs) or self._speaker_before(at[0], verbs)
            if speaker:
                self.quotes.append(_QuoteT(speaker, s, e, at[0]))

    def _speaker_after(self, k: int, verbs: dict[str, str]) -> str | None:
        """", kata Nanang." / ", ujarnya." / "tegas Bupati" after the closing quote."""
        k += 1
        while k < self.n and self.text[k] in (",", "”", '"', "'") or (k < self.n and self.word_class[k] & _SPACE
                                                                      and "\n" not in self.text[k]):
            k += 1
        if k >= self.n:
            return None
        pos = verbs.get(self.lower[k])
        if pos is None:
            return None
        if pos == "pronoun":
            return self._last_person_before(k)
        for m in range(k + 1, min(self.n, k + 4)):
            if m in self.title_holder:
                return self.title_holder[m]
        for t, key in self.person_mentions:
            if k < t <= k + 5 and self.sent_id[t] == self.sent_id[k]:
                return key
        if pos == "before" and k + 1 < self.n and self.ends("TITLE", k + 1):
            return self._holder_of_title_at(k + 1) or self._last_person_before(k)
        return self._last_person_before(k) if self.lower[k + 1: k + 2] in (["dia"], ["ia"]) else None

    def _speaker_before(self, k: int, verbs: dict[str, str]) -> str | None:
        """"Zaenal mengatakan, “...”" / "Menurut Zainal, ..." before the opening quote."""
        sid = self.sent_id[max(0, k - 1)]
        m = k - 1
        while m >= 0 and self.sent_id[m] == sid and k - m < 30:
            if verbs.get(self.lower[m]) in ("after", "according"):
                cands = [key for t, key in self.person_mentions if self.sent_id[t] == sid and t < k]
                if cands:
                    return cands[0]
                return self._last_person_before(m)
            m -= 1
        return None

    def _last_person_before(self, k: int) -> str | None:
        best = None
        best_t = -1
        for t, key in self.person_mentions:
            if best_t < t < k:
                best, best_t = key, t
        if best is None:
            best = self._holder_near(k)
        return best

    def _holder_of_title_at(self, k: int) -> str | None:
        ends = self.ends("TITLE", k)
        if not ends:
            return None
        role = self.table("TITLE", k, ends[0]).role
        for pkey, post in self._pending_posts:
            if pkey and post.role.endswith(role):
                return pkey
        return None

    def _holder_near(self, k: int) -> str | None:
        for s, e, role, _ in reversed(self.title_refs):
            if s < k:
                for pkey, post in self._pending_posts:
                    if pkey and post.role.endswith(role):
                        return pkey
        return None

    # ---------------------------------------------------------------- finishing

    def _home(self) -> dict[str, str]:
        """The article's home regions: the most talked-about regency/city and province."""
        score: dict[str, float] = {}
        first: dict[str, int] = {}
        for s, e, codes, explicit, ctx in self.region_hits:
            if s in self.person_tokens:
                continue
            for c in codes:
                score[c] = score.get(c, 0.0) + (2 if explicit or ctx else 1) / len(codes)
                first.setdefault(c, s)
        home: dict[str, str] = {}
        for kind in ("regency", "city", "province"):
            cands = [c for c in score if reg_lex.by_code(c).kind == kind]
            if cands:
                home[kind] = max(cands, key=lambda c: (score[c], -first[c]))
        local = [c for c in score if reg_lex.by_code(c).kind != "province"]
        if local:
            home["any"] = max(local, key=lambda c: (score[c], -first[c]))
        if "province" not in home and "any" in home:
            home["province"] = reg_lex.by_code(home["any"]).province
        if "any" not in home and "province" in home:
            home["any"] = home["province"]
        home["region"] = home.get("any", "")
        return home

    def _resolve_codes(self, codes: tuple[str, ...] | str | None) -> str | None:
        if codes is None:
            return None
        if isinstance(codes, str):
            kind = codes.split(":", 1)[1]
            code = self.home.get(kind) or (self.home.get("any") if kind in ("any", "region") else None)
            return code or None
        if len(codes) == 1:
            return codes[0]
        explicit = {c for _, _, cs, ex, _ in self.region_hits for c in cs if ex and len(cs) == 1}
        for c in codes:
            if c in explicit:
                return c
        provinces = {reg_lex.by_code(c).province for c in codes}
        home_prov = self.home.get("province")
        in_home = [c for c in codes if reg_lex.by_code(c).province == home_prov]
        if len(in_home) == 1:
            return in_home[0]
        regencies = [c for c in codes if reg_lex.by_code(c).kind == "regency"]
        return (regencies or sorted(codes))[0] if len(provinces) >= 1 else None

    def _finish_regions(self) -> None:
        self.home = self._home()
        kept = []
        for s, e, codes, explicit, ctx in self.region_hits:
            if not self.person_tokens.isdisjoint(range(s, e)):
                continue
            kept.append((s, e, codes, explicit, ctx))
        self._set_region_hits(kept)
        for s, e, codes, explicit, ctx in kept:
            code = self._resolve_codes(codes)
            if code:
                key = self._region_entity(code)
                self.mentions.append(_MentionT(key, self.ents[key].type, s, e, self.ents[key].name))
        # every regency or city implies its province
        first: dict[str, _MentionT] = {}  # the first mention of each entity
        for m in self.mentions:
            first.setdefault(m.key, m)
        for key in [k for k in self.ents if k.startswith("region:")]:
            ent = self.ents[key]
            if ent.type in (EntityType.REGENCY, EntityType.CITY):
                pkey = self._region_entity(ent.attrs["province"])
                if pkey not in first:
                    m0 = first[key]
                    self.ents[pkey].attrs["implied"] = "1"
                    first[pkey] = _MentionT(pkey, EntityType.PROVINCE, m0.start, m0.end, self.ents[pkey].name,
                                            implied=True)
                    self.mentions.append(first[pkey])
                self.relations.append(_RelT(key, "located_in", pkey, first[key].start))

    def _finish_institutions(self) -> None:
        # _finish_posts registered every institution already: registering one again adds
        # nothing but repeats of its relations (to_extraction keeps one of each) and,
        # for a branch, a second mention of its parent
        for inst in sorted(self.insts.values(), key=lambda x: x.start):
            if inst.key and inst.parent:
                self._register_inst(inst)

    def _register_inst(self, inst: _Inst, rename: bool = True) -> str:
        """Make the entity of an institution span and give it its final key.

        Relations that point at its temporary key are pointed at the final one,
        unless *rename* is false: then that is the caller's business.
        """
        temp = inst.key
        code = self._resolve_codes(inst.region) if inst.scope != "national" else None
        region_key = self._region_entity(code) if code else None
        if inst.is_gov:
            if not code:
                return temp
            r = reg_lex.by_code(code)
            word = _KIND_TITLES[r.kind]
            name = f"Pemerintah {word} {r.name}"
            key = f"inst:gov@{code}"
        elif inst.scope == "branch" and code:
            name = f"{inst.name} {reg_lex.by_code(code).full_name}"
            key = f"inst:{fold(inst.name)}@{code}"
        elif inst.scope == "regional" and code and not inst.party:
            region = reg_lex.by_code(code)
            base = inst.name
            if base.endswith(" Kabupaten/Kota"):  # "Dewan Perwakilan Rakyat Kabupaten/Kota" (Aceh's DPRK)
                base = base[: -len(" Kabupaten/Kota")]
            region_name = region.full_name if region.kind != "province" else f"Provinsi {region.name}"
            if base.split()[-1].lower() == region_name.split()[0].lower():
                base = base.rsplit(" ", 1)[0]  # "Kepolisian Resor Kota" + "Kota Pontianak"
            name = base if fold(region.name) in fold(base) else f"{base} {region_name}"
            # "BKPSDM Maluku" and "BPSDM Provinsi Maluku": a region has one of the group
            key = f"inst:{fold(inst_lex.institution_groups().get(inst.name, inst.name))}@{code}"
        else:
            name = inst.name
            key = f"inst:{fold(inst.name)}"
        scope = "regional" if code else "national"
        self._inst_entity(key, name, scope, region_key, inst.party)
        ent = self.ents[key]
        if inst.start >= 0 and inst.core_end > inst.start and inst.key.startswith("inst@"):
            surface = squash(self.span_text(inst.start, inst.end))
            core = squash(self.span_text(inst.start, inst.core_end))
            aliases = set(filter(None, ent.attrs.get("aliases", "").split("|")))
            # a branch ("Korpri Kabupaten Serang") is not called by its parent's bare name
            for a in (surface,) if inst.scope == "branch" else (surface, core):
                if fold(a) != fold(ent.name) and len(a) > 1:
                    aliases.add(a)
            if inst.core_end + 2 < self.n and self.text[inst.core_end] == "(" and self.text[inst.core_end + 2] == ")":
                aliases.add(self.text[inst.core_end + 1])
            ent.attrs["aliases"] = "|".join(sorted(aliases))
            self.mentions.append(_MentionT(key, EntityType.INSTITUTION, inst.start, inst.end, name))
        elif inst.key.startswith("implied@"):
            ent.attrs.setdefault("implied", "1")
            if inst.short and code:  # "Polres Aceh Timur" for the Kapolres of Aceh Timur
                aliases = set(filter(None, ent.attrs.get("aliases", "").split("|")))
                aliases.add(f"{inst.short} {reg_lex.by_code(code).name}")
                ent.attrs["aliases"] = "|".join(sorted(aliases))
            self.mentions.append(_MentionT(key, EntityType.INSTITUTION, inst.start, inst.end, name, implied=True))
        if region_key:
            self.relations.append(_RelT(key, "serves", region_key, max(inst.start, 0)))
        if inst.parent:
            self.relations.append(_RelT(key, "part_of", inst.parent, max(inst.start, 0)))
            self.mentions.append(_MentionT(inst.parent, EntityType.INSTITUTION, inst.start, inst.core_end,
                                           self.ents[inst.parent].name))
        if rename:
            self._rename_in_relations({temp: key})
        inst.key = key
        return key

    def _rename_in_relations(self, keys: dict[str, str]) -> None:
        """Point relations at the final keys of institutions (*keys*: temporary key -> final key)."""
        for rel in self.relations:
            rel.subject = keys.get(rel.subject, rel.subject)
            rel.object = keys.get(rel.object, rel.object)

    def _finish_posts(self) -> None:
        # every institution span becomes an entity; posts then point at final keys
        insts = sorted(self.insts.values(), key=lambda x: x.start)
        for inst in insts:
            self.inst_key(inst)
        by_temp: dict[str, _Inst] = {inst.key: inst for inst in self.insts.values()}
        for inst in insts:
            self._register_inst(inst, rename=False)
        final = {temp: inst.key for temp, inst in by_temp.items()}
        self._rename_in_relations(final)  # (no final key is a temporary one)
        self.final_inst_keys = final
        recent_region: dict[str, str] = {}
        recent_place: dict[str, tuple[str, int]] = {}  # place kind -> (region, sentence)
        for pkey, post in self._pending_posts:
            org = final.get(post.org, post.org) if post.org else None
            region_code: str | None = None
            if org is None:
                region_code = self._resolve_codes(post.region)
                sid = self.sent_id[post.at]
                if isinstance(post.region, str) and post.region.startswith("home:"):
                    # a title without its region takes the region of its last full mention,
                    # or of the title just before it in the sentence ("Gubernur Jawa Timur X
                    # bersama Wagub Y": Y is Wakil Gubernur of Jawa Timur)
                    near = recent_place.get(post.place)
                    if _base_role(post.role) in recent_region:
                        region_code = recent_region[_base_role(post.role)]
                    elif near is not None and near[1] == sid:
                        region_code = near[0]
                elif region_code:
                    recent_region[_base_role(post.role)] = region_code
                    recent_place[post.place] = (region_code, sid)
            if pkey is None:
                continue
            if org is None and region_code:
                org = self._government_for(region_code, post.title_start, max(post.title_end, post.at + 1))
            if pkey not in self.ents:
                continue
            self.ents[pkey].type = EntityType.OFFICIAL
            quals = {"role_forms": "|".join(sorted(f for f in post.role_forms if f))}
            if post.acting:
                quals["acting"] = post.acting
            if post.former:
                quals["former"] = "1"
            self.relations.append(_RelT(pkey, "holds", org or "", post.at, post.role, quals))
        for m in self.mentions:
            if m.key in self.ents:
                m.type = self.ents[m.key].type

    def _title_anaphora(self) -> None:
        """"Bupati tersebut", "tegas Bupati", "orang nomor satu di Kabupaten X": the holder named elsewhere.

        Each becomes an implied mention of the one person who holds that role
        for that place in the article (provenance, not an alias).
        """
        refs = list(self.title_refs)
        for i in self.positions(_HEAD_OF_REGION_START):  # "orang nomor satu di Kabupaten X": its head of government
            if i < self.n - 4 and tuple(self.lower[i:i + 4]) == G.HEAD_OF_REGION_PHRASE:
                after = self.region_after(i + 4)
                if after is not None and not isinstance(after[0], str):
                    code = self._resolve_codes(after[0])
                    if code:
                        role = {"regency": "Bupati", "city": "Wali Kota", "province": "Gubernur"}[reg_lex.by_code(code).kind]
                        refs.append((i, after[1], role, (code,)))
        if not refs:
            return
        holders: dict[tuple[str, str], set[str]] = {}
        for r in self.relations:
            if r.predicate == "holds" and r.subject in self.ents:
                org = self.ents.get(r.object)
                org_region = org.attrs.get("region", "") if org else ""
                holders.setdefault((_base_role(r.role), org_region), set()).add(r.subject)
                holders.setdefault((_base_role(r.role), ""), set()).add(r.subject)
        taken = {(m.start, m.end) for m in self.mentions}
        for start, end, role, place in refs:
            if isinstance(place, str) and place.startswith(("inst", "implied", "gov")):
                place = self.final_inst_keys.get(place, place)
                where = self.ents[place].attrs.get("region", "") if place in self.ents else ""
            else:
                code = self._resolve_codes(place) if not (isinstance(place, str) and place.startswith("home:")) else None
                where = f"region:{code}" if code else ""
            who = holders.get((_base_role(role), where), set())
            if len(who) == 1 and (start, end) not in taken:
                (key,) = who
                self.mentions.append(_MentionT(key, self.ents[key].type, start, end, self.ents[key].name, implied=True))

    def _government_for(self, code: str, at: int, end: int) -> str:
        """The regional government a regional post belongs to ("Bupati X" -> Pemerintah Kabupaten X)."""
        key = f"inst:gov@{code}"
        if key not in self.ents:
            inst = _Inst(-1, -1, -1, f"gov@{code}", "", "regional", (code,), is_gov=True)
            self._register_inst(inst)
            self.ents[key].attrs["implied"] = "1"
            self.mentions.append(_MentionT(key, EntityType.INSTITUTION, at, end, self.ents[key].name, implied=True))
        return key


#: What a token's text alone says about it (bit flags, see :func:`_word_class`).
_NAME = 1  # may be part of a person's name
_NAME_IF_CAP_FOLLOWS = 2  # ... but only before a capitalised word: "Lalu" is "then", "Lalu Pathul Bahri" a name
_HONORIFIC = 4  # "H.", "Dr.", "Bapak"
_PERSON_CUE = 8  # a speech verb or the first word of a person noun: "kata", "menurut", "warga", "tokoh"
_RANK = 16  # "AKBP", "Letkol"
_RANK_SUFFIX = 32  # "Inf", "(Purn)"
_DEGREE = 64  # "S.Sos.", "M.Si"
_SPACE = 128  # whitespace: spaCy's IS_SPACE is str.isspace()
_SENTENCE_MARK = 256  # a sentence may start after it (see _sentence_starts): . ! ? ” "
_ABBREVIATION = 512  # a full stop after it does not end a sentence: "Moh", "Kab", "Wabup", "Q"
_CUE_WORD = 1024  # one of _CUE_WORDS ("wakilnya", "sapaan", "orang")

#: :func:`_word_class` of the words seen, dropped when it grows large.
_WORD_CLASSES: dict[str, int] = {}
_WORD_CLASSES_MAX = 200_000

#: The lexeme flag :func:`nlp` gives the words whose :func:`_word_class` is not 0 (most
#: tokens have none). spaCy computes it once for each word of the vocabulary, and
#: ``Doc.to_array`` reads it for every token of a Doc at once.
_HAS_CLASS = FLAG63


def _cached_word_class(word: str) -> int:
    """:func:`_word_class`, from a plain dict (quicker than ``lru_cache`` for every token)."""
    flags = _WORD_CLASSES.get(word)
    if flags is None:
        if len(_WORD_CLASSES) > _WORD_CLASSES_MAX:
            _WORD_CLASSES.clear()
        flags = _WORD_CLASSES[word] = _word_class(word)
    return flags


def _has_word_class(word: str) -> bool:
    """The :data:`_HAS_CLASS` flag of a word."""
    return _cached_word_class(word) != 0


@functools.cache
def _person_cues() -> frozenset[str]:
    """The lowercase words with the :data:`_PERSON_CUE` flag."""
    noun_starts = {noun.split(" ")[0] for noun in names_lex.person_nouns()}
    return frozenset(speech_lex.speech_verbs()) | noun_starts


def _word_class(t: str) -> int:
    """The flags of a token's text: ``_NAME``, ``_NAME_IF_CAP_FOLLOWS``, ``_HONORIFIC``, ``_PERSON_CUE``, ...

    What the word alone says, computed once a word (:data:`_HAS_CLASS`,
    :func:`_cached_word_class`) instead of at every token. Whether a name
    word is a name where it stands (not in an institution, a title or a
    region) depends on the document and is the analyser's business.
    """
    flags = 0
    for flag, test in ((_HONORIFIC, hon_lex.is_honorific), (_RANK, hon_lex.is_rank),
                       (_RANK_SUFFIX, hon_lex.is_rank_suffix), (_DEGREE, hon_lex.is_degree)):
        if test(t):
            flags |= flag
    if t.lower() in _person_cues():
        flags |= _PERSON_CUE
    if t.lower() in _CUE_WORDS:
        flags |= _CUE_WORD
    if t.isspace():
        flags |= _SPACE
    if t in (".", "!", "?", "”", '"'):
        flags |= _SENTENCE_MARK
    if names_lex.is_name_abbreviation(t) or flags & _HONORIFIC or title_lex.lookup_title(t) is not None \
            or t.lower() in _KIND_WORDS:
        flags |= _ABBREVIATION
    if not t[:1].isalpha() or not is_cap(t):
        return flags
    if flags & _DEGREE and len(t) > 3 and not t.isalpha():
        return flags
    if any(c.isdigit() for c in t) or (t in G.ROMAN_NUMERALS and len(t) > 1):
        return flags
    if title_lex.is_misspelt_title_word(t):
        return flags
    if t.lower().rstrip(".") in names_lex.name_stop():
        return flags | _NAME_IF_CAP_FOLLOWS if hon_lex.is_name_particle(t) else flags
    return flags | _NAME


@functools.lru_cache(maxsize=4096)
def _is_unit_title(form: str) -> bool:
    """Whether a title (folded) heads a unit whose name follows it ("Kepala Bidang", "Kasubag")."""
    return bool(G.UNIT_TITLE_WORDS.intersection(form.split())) or form in G.UNIT_TITLE_FORMS


@functools.lru_cache(maxsize=65536)
def _fold_words(text: str) -> tuple[str, ...]:
    """The words of :func:`~kgraph._text.fold`."""
    return tuple(fold(text).split())


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    """The words of :func:`~kgraph._text.name_key`."""
    return tuple(name_key(name).split())


def _base_role(role: str) -> str:
    for prefix in ("Penjabat Sementara ", "Penjabat ", "Pelaksana Tugas ", "Pelaksana Harian "):
        if role.startswith(prefix):
            return role[len(prefix):]
    return role


def _initials_match(acronym: str, words: list[str]) -> bool:
    """"BPVP" abbreviates "Balai Pelatihan Vokasi dan Produktivitas" (connectors skipped)."""
    initials = "".join(w[0] for w in words if w[:1].isalpha() and w.lower() not in G.NAME_CONNECTORS)
    return len(acronym) >= 2 and acronym.isupper() and initials.upper().startswith(acronym.upper()[:3]) \
        and abs(len(initials) - len(acronym)) <= 2


def _initials_cover(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"fx mote" is "fransiscus xaverius mote": an initials token stands for several names."""
    if not short or not full or len(short) >= len(full):
        return False
    if short[-1] != full[-1]:
        return False
    initials = "".join(w[0] for w in full[:-1])
    return "".join(short[:-1]) == initials[-len("".join(short[:-1])):] if short[:-1] else False
