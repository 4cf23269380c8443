"""Stage 5a: the graph as RDF Turtle, following ``ontology/kgraph.ttl``.

Standard vocabularies carry the meaning (W3C ORG for posts, schema.org, SKOS,
PROV-O, Dublin Core, FOAF); kgraph's own terms live in :class:`KG`. Vocabulary
terms come from closed namespaces, so a misspelt term raises instead of
writing a wrong IRI. Triples are sorted before they are written with
pyoxigraph, so the same graph always gives byte-identical Turtle (and N-Triples).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize
from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace, Namespace

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = ["BASE", "KG", "PREFIXES", "iri", "shorten", "to_ntriples", "to_turtle", "triples"]

#: Where kgraph's data IRIs live: ``BASE + "person/ratu-tatu-chasanah"``.
BASE = "https://w3id.org/kgraph/id/"


class KG(DefinedNamespace):
    """kgraph's own ontology terms (``ontology/kgraph.ttl``)."""

    _NS = Namespace("https://w3id.org/kgraph/ontology#")
    _fail = True

    # classes
    Official: URIRef
    Person: URIRef
    Institution: URIRef
    GovernmentBody: URIRef
    PoliticalParty: URIRef
    Region: URIRef
    Regency: URIRef
    City: URIRef
    Province: URIRef
    Event: URIRef
    Article: URIRef
    Sentence: URIRef
    Mention: URIRef
    # properties
    kemendagriCode: URIRef
    serves: URIRef
    participatesIn: URIRef
    acting: URIRef
    former: URIRef
    mentionOf: URIRef
    inArticle: URIRef
    inSentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    eventKind: URIRef
    honorific: URIRef
    degree: URIRef
    implicit: URIRef
    ordinal: URIRef
    year: URIRef


PREFIXES = {
    "kg": str(KG._NS), "kgr": BASE, "org": str(ORG), "schema": str(SDO), "skos": str(SKOS),
    "prov": str(PROV), "dcterms": str(DCTERMS), "foaf": str(FOAF), "rdf": str(RDF), "rdfs": str(RDFS),
    "xsd": str(XSD),
}

_CLASSES: dict[str, tuple[URIRef, ...]] = {
    # the superclasses are stated too, so a store without a reasoner finds an
    # Official with "?x a kg:Person" and a Regency with "?x a kg:Region"
    "Official": (KG.Official, KG.Person, FOAF.Person, SDO.Person),
    "Person": (KG.Person, FOAF.Person, SDO.Person),
    "Institution": (KG.Institution, ORG.Organization, SDO.Organization),
    "Regency": (KG.Regency, KG.Region, SDO.AdministrativeArea),
    "City": (KG.City, KG.Region, SDO.AdministrativeArea),
    "Province": (KG.Province, KG.Region, SDO.AdministrativeArea),
    "Event": (KG.Event, SDO.Event),
}

_FACTS: dict[str, URIRef] = {
    "serves": KG.serves,
    "located_in": SDO.containedInPlace,
    "part_of": ORG.subOrganizationOf,
    "participates": KG.participatesIn,
    "event_in": SDO.location,
    "member_of": ORG.memberOf,
}


def iri(node_id: str) -> NamedNode:
    """The IRI of a graph node id ("person/ratu-tatu-chasanah"), percent-encoded where needed."""
    return NamedNode(BASE + quote(node_id, safe="/-._~"))


# Terms are written as N-Triples text: building one Python object per triple was
# the cost of writing Turtle; strings sort in C and pyoxigraph parses them fast.
_TYPE_SORTS_FIRST = "<\x00>"  # rdf:type while sorting, so a node reads "a kg:Official ; ..."


def _n(term: URIRef | str) -> str:
    return f"<{term}>"


@functools.lru_cache(maxsize=1 << 16)
def _i(node_id: str) -> str:
    return f"<{BASE}{quote(node_id, safe='/-._~')}>"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _lit(text: str, lang: str | None = None) -> str:
    return f'"{_esc(text)}"@{lang}' if lang else f'"{_esc(text)}"'


def _typed(text: str, datatype: URIRef) -> str:
    return f'"{_esc(text)}"^^<{datatype}>'


def _int(v: int) -> str:
    return f'"{v}"^^<{XSD.integer}>'


def _t(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} ."


def _statements(kg: KnowledgeGraph) -> Iterator[str]:
    """Every triple of the graph as an N-Triples line (rdf:type as a placeholder), unsorted."""
    g = kg.nx
    type_ = _TYPE_SORTS_FIRST
    sentences: dict[tuple[str, int], str] = {}

    def sentence(ev: dict[str, Any]) -> str:
        sentences[(ev["article"], ev["sentence_start"])] = ev["sentence"]
        return _i(f"sentence/{ev['article']}/{ev['sentence_start']}")

    for nid, d in g.nodes(data=True):
        s = _i(nid)
        t = d["type"]
        if t == "Article":
            yield _t(s, type_, _n(KG.Article))
            yield _t(s, type_, _n(SDO.NewsArticle))
            yield _t(s, type_, _n(PROV.Entity))
            yield _t(s, _n(DCTERMS.identifier), _lit(d["article"]))
            if d.get("title"):
                yield _t(s, _n(DCTERMS.title), _lit(d["title"], "id"))
            if d.get("url", "").startswith(("http://", "https://")):
                yield _t(s, _n(SDO.url), _typed(d["url"], XSD.anyURI))
            if d.get("date"):
                yield _t(s, _n(DCTERMS.date), _typed(d["date"], XSD.date))
            if d.get("path"):
                yield _t(s, _n(DCTERMS.source), _lit(d["path"]))
            continue
        for cls in _CLASSES[t]:
            yield _t(s, type_, _n(cls))
        if t == "Institution":
            if nid.startswith("institution/pemerintah-"):
                yield _t(s, type_, _n(KG.GovernmentBody))
                yield _t(s, type_, _n(SDO.GovernmentOrganization))
            if d.get("party"):
                yield _t(s, type_, _n(KG.PoliticalParty))
        yield _t(s, _n(SKOS.prefLabel), _lit(d["name"], "id"))
        yield _t(s, _n(RDFS.label), _lit(d["name"], "id"))
        for a in d.get("aliases", []):
            yield _t(s, _n(SKOS.altLabel), _lit(a, "id"))
        if d.get("code"):
            yield _t(s, _n(KG.kemendagriCode), _lit(d["code"]))
            yield _t(s, _n(SDO.identifier), _lit(d["code"]))
        for h in d.get("honorifics", []):
            yield _t(s, _n(KG.honorific), _lit(h))
        for deg in d.get("degrees", []):
            yield _t(s, _n(KG.degree), _lit(deg))
        if d.get("implied"):
            yield _t(s, _n(KG.implicit), _typed("true", XSD.boolean))
        if t == "Event":
            if d.get("kind"):
                yield _t(s, _n(KG.eventKind), _lit(d["kind"]))
            if d.get("ordinal"):
                yield _t(s, _n(KG.ordinal), _int(int(d["ordinal"])))
            if d.get("year"):
                yield _t(s, _n(KG.year), _typed(d["year"], XSD.gYear))
        # provenance: which article mentions it, and where exactly
        for ev in d.get("mentions", []):
            art = _i(f"article/{ev['article']}")
            yield _t(art, _n(SDO.mentions), s)
            m = _i(f"mention/{ev['article']}/{ev['start']}-{ev['end']}/{nid}")
            yield _t(m, type_, _n(KG.Mention))
            yield _t(m, type_, _n(PROV.Entity))
            yield _t(m, _n(KG.mentionOf), s)
            yield _t(m, _n(KG.inArticle), art)
            yield _t(m, _n(KG.inSentence), sentence(ev))
            yield _t(m, _n(KG.startOffset), _int(ev["start"]))
            yield _t(m, _n(KG.endOffset), _int(ev["end"]))
            yield _t(m, _n(PROV.wasDerivedFrom), art)
        for post in d.get("posts", []):
            yield from _post_triples(nid, post, sentence)
        for q in d.get("quotes", []):
            qn = _i(f"quote/{q['article']}/{q['start']}-{q['end']}")
            yield _t(qn, type_, _n(SDO.Quotation))
            yield _t(qn, _n(SDO.text), _lit(q["text"], "id"))
            yield _t(qn, _n(SDO.creator), s)
            yield _t(qn, _n(SDO.isPartOf), _i(f"article/{q['article']}"))
            yield _t(qn, _n(PROV.wasDerivedFrom), sentence(q))
    for u, v, d in g.edges(data=True):
        pred = _FACTS.get(d.get("predicate", ""))
        if pred is not None:
            yield _t(_i(u), _n(pred), _i(v))
            if d["predicate"] == "participates":
                yield _t(_i(v), _n(SDO.attendee), _i(u))
            elif d["predicate"] == "located_in":
                # the same link for SKOS tools, which browse a hierarchy by skos:broader
                yield _t(_i(u), _n(SKOS.broader), _i(v))
            # the sentences behind the link, on a standard RDF reification of it
            st = _i(f"statement/{u}/{d['predicate']}/{v}")
            yield _t(st, type_, _n(RDF.Statement))
            yield _t(st, _n(RDF.subject), _i(u))
            yield _t(st, _n(RDF.predicate), _n(pred))
            yield _t(st, _n(RDF.object), _i(v))
            for ev in d.get("evidence", []):
                yield _t(st, _n(PROV.wasDerivedFrom), sentence(ev))
    for (art_id, start), text in sentences.items():
        sn = _i(f"sentence/{art_id}/{start}")
        yield _t(sn, type_, _n(KG.Sentence))
        yield _t(sn, type_, _n(PROV.Entity))
        yield _t(sn, _n(SDO.text), _lit(text, "id"))
        yield _t(sn, _n(KG.inArticle), _i(f"article/{art_id}"))
        yield _t(sn, _n(KG.startOffset), _int(start))


def _post_triples(holder: str, post: dict[str, Any], sentence: Any) -> Iterator[str]:
    from kgraph._text import slug

    type_ = _TYPE_SORTS_FIRST
    role_id = f"role/{slug(post['role'])}"
    pid = f"post/{holder.split('/', 1)[1]}/{slug(post['role'])}/{slug(post['org'] or 'none')}"
    p, r = _i(pid), _i(role_id)
    yield _t(_i(holder), _n(ORG.holds), p)
    yield _t(p, type_, _n(ORG.Post))
    yield _t(p, _n(ORG.heldBy), _i(holder))
    yield _t(p, _n(ORG.role), r)
    if post["org"]:
        yield _t(p, _n(ORG.postIn), _i(post["org"]))
    yield _t(p, _n(RDFS.label), _lit(post["role"], "id"))
    if post.get("acting"):
        yield _t(p, _n(KG.acting), _lit(post["acting"], "id"))
    if post.get("former"):
        yield _t(p, _n(KG.former), _typed("true", XSD.boolean))
    for ev in post.get("evidence", []):
        yield _t(p, _n(PROV.wasDerivedFrom), sentence(ev))
    yield _t(r, type_, _n(ORG.Role))
    yield _t(r, type_, _n(SKOS.Concept))
    yield _t(r, _n(SKOS.prefLabel), _lit(post["role"], "id"))
    for form in post.get("role_forms", []):
        if form != post["role"]:
            yield _t(r, _n(SKOS.altLabel), _lit(form, "id"))


def _ntriples(kg: KnowledgeGraph) -> bytes:
    """The graph as sorted, deduplicated N-Triples: subjects in order, rdf:type first in each."""
    lines = sorted(set(_statements(kg)))
    text = "\n".join(lines).replace(_TYPE_SORTS_FIRST, _n(RDF.type))
    return (text + "\n").encode("utf-8") if lines else b""


def triples(kg: KnowledgeGraph) -> Iterator[Triple]:
    """Every triple of the graph, as pyoxigraph triples, in the order :func:`to_turtle` writes them."""
    for quad in parse(_ntriples(kg), format=RdfFormat.N_TRIPLES):
        yield quad.triple


def to_turtle(kg: KnowledgeGraph) -> bytes:
    """Serialise the graph as Turtle bytes: sorted, deduplicated, deterministic."""
    data = serialize(parse(_ntriples(kg), format=RdfFormat.N_TRIPLES), format=RdfFormat.TURTLE, prefixes=PREFIXES)
    assert data is not None  # no output file given: pyoxigraph returns the bytes
    return data


def to_ntriples(kg: KnowledgeGraph) -> bytes:
    """Serialise the graph as N-Triples bytes: the triples of :func:`to_turtle`, one a line, in the same order.

    N-Triples has no prefixes and no nesting, so any RDF tool (or ``grep``) reads it, and a
    file can be split or concatenated line by line.
    """
    return _ntriples(kg)


#: What may follow a prefix in a prefixed name without escaping (SPARQL/Turtle ``PN_LOCAL``, ASCII only).
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_:]|%[0-9A-Fa-f]{2}")
#: Characters a prefixed name may carry only escaped with a backslash (``PN_LOCAL_ESC``).
_ESCAPABLE = set("_~.-!$&'()*+,;=/?#@%")


def _local_name(local: str) -> str | None:
    """*local* written as the local part of a prefixed name, or None when it cannot be."""
    out: list[str] = []
    i = 0
    while i < len(local):
        m = _PLAIN_LOCAL.match(local, i)
        if m:
            out.append(m.group())
            i = m.end()
            continue
        ch = local[i]
        if ch in "-." and 0 < i < len(local) - 1 or ch == "-" and i == len(local) - 1:
            out.append(ch)  # allowed inside a name ("36.04", "hut-korpri-52")
        elif ch in _ESCAPABLE:
            out.append("\\" + ch)
        else:
            return None
        i += 1
    return "".join(out)


def shorten(value: str) -> str:
    r"""An IRI as a prefixed name with :data:`PREFIXES`, written so SPARQL and Turtle read it back.

    A ``/`` in the local part is escaped, as in ``graph.ttl``; an IRI no prefix covers is
    returned as ``<iri>``.

    >>> print(shorten("https://w3id.org/kgraph/id/region/36.04"))
    kgr:region\/36.04
    >>> print(shorten("https://w3id.org/kgraph/ontology#Official"))
    kg:Official
    >>> print(shorten("http://example.org/x"))
    <http://example.org/x>
    """
    best = ""
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        local = _local_name(value[len(PREFIXES[best]):])
        if local is not None:
            return f"{best}:{local}"
    return f"<{value}>"
