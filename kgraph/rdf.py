"""Stage 5a: the graph as RDF Turtle, following ``ontology/kgraph.ttl``.

Standard vocabularies carry the meaning (W3C ORG for posts, schema.org, SKOS,
PROV-O, Dublin Core, FOAF); kgraph's own terms live in :class:`KG`. Vocabulary
terms come from closed namespaces, so a misspelt term raises instead of
writing a wrong IRI. The Turtle is written as text, one block per subject in
an order fixed by the node ids, and streamed to its file: the same graph always
gives byte-identical Turtle (and N-Triples, which pyoxigraph converts from it).
"""

from __future__ import annotations

import functools
import io
import re
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import quote

from pyoxigraph import NamedNode, RdfFormat, Triple, parse, serialize
from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace, Namespace

from kgraph._text import slug

if TYPE_CHECKING:
    from kgraph.graph import KnowledgeGraph

__all__ = [
    "BASE", "KG", "PREFIXES", "iri", "shorten", "to_ntriples", "to_turtle", "triples", "write_ntriples",
    "write_turtle",
]

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


# The writer makes Turtle text itself, one block per subject, in an order fixed by the node ids:
# building a Python object per triple (rdflib, or pyoxigraph terms) costs more than the text, and
# sorting every triple as a line held the whole file in memory several times over. A block is
# written as soon as it is complete, so memory stays that of the graph.

def _q(term: URIRef) -> str:
    """A vocabulary term as the prefixed name the writer uses."""
    short = shorten(str(term))
    assert not short.startswith("<"), term
    return short


#: Characters a node id may hold for its IRI to be written as ``kgr:`` plus the id, escaping "/".
_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_/%.-]*[A-Za-z0-9_/%-])?")
_NEEDS_ESCAPE = re.compile(r'["\\\n\r]')


def _plain_local(text: str) -> str | None:
    """*text* (an id or a piece of one) as the local part of a ``kgr:`` name, or None when it cannot be."""
    local = quote(text, safe="/-._~")
    return local.replace("/", "\\/") if _PLAIN_ID.fullmatch(local) else None


#: :func:`_plain_local` for the ids and pieces met many times (entities, articles).
_part = functools.lru_cache(maxsize=1 << 17)(_plain_local)


def _term(node_id: str, local: str | None) -> str:
    return f"kgr:{local}" if local is not None else f"<{BASE}{quote(node_id, safe='/-._~')}>"


def _node(node_id: str) -> str:
    r"""The Turtle term of a node id: ``kgr:person\/ratu-tatu-chasanah``, or ``<...>`` when it cannot be."""
    return _term(node_id, _part(node_id))


def _node_uncached(node_id: str) -> str:
    """:func:`_node` for an id met once or twice (a post, a statement), which would only churn the cache."""
    return _term(node_id, _plain_local(node_id))


def _node_in(kind: str, article: str, rest: str, node_id: str = "") -> str:
    """The term of ``kind/article/rest[/node_id]`` (a mention, sentence or quote), from cached pieces.

    These ids are met once each, so they are not cached whole; their article and node parts are.
    """
    art = _part(article)
    tail = _part(node_id) if node_id else ""
    if art is None or tail is None:
        return _node_uncached(f"{kind}/{article}/{rest}/{node_id}" if node_id else f"{kind}/{article}/{rest}")
    return _joined(kind, art, rest, tail)


def _joined(kind: str, art: str, rest: str, tail: str) -> str:
    """:func:`_node_in` from the local parts of its article and node (*tail* "" for none)."""
    return f"kgr:{kind}\\/{art}\\/{rest}\\/{tail}" if tail else f"kgr:{kind}\\/{art}\\/{rest}"


def _str(text: str) -> str:
    """A Turtle string: quotes, backslashes and line breaks escaped."""
    if _NEEDS_ESCAPE.search(text):
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"'


def _id_lit(text: str) -> str:
    return _str(text) + "@id"


_A = "a"
_CLASS_TERMS = {t: " , ".join(_q(c) for c in classes) for t, classes in _CLASSES.items()}
_GOV_TERMS = f"{_q(KG.GovernmentBody)} , {_q(SDO.GovernmentOrganization)}"
_FACT_TERMS = {name: _q(term) for name, term in _FACTS.items()}
_TRUE = "true"
_P = {name: _q(term) for name, term in {
    "prefLabel": SKOS.prefLabel, "label": RDFS.label, "altLabel": SKOS.altLabel, "broader": SKOS.broader,
    "code": KG.kemendagriCode, "identifier": SDO.identifier, "honorific": KG.honorific, "degree": KG.degree,
    "implicit": KG.implicit, "eventKind": KG.eventKind, "ordinal": KG.ordinal, "year": KG.year,
    "holds": ORG.holds, "heldBy": ORG.heldBy, "role": ORG.role, "postIn": ORG.postIn, "acting": KG.acting,
    "former": KG.former, "derived": PROV.wasDerivedFrom, "attendee": SDO.attendee, "mentions": SDO.mentions,
    "mentionOf": KG.mentionOf, "inArticle": KG.inArticle, "inSentence": KG.inSentence,
    "start": KG.startOffset, "end": KG.endOffset, "text": SDO.text, "creator": SDO.creator,
    "isPartOf": SDO.isPartOf, "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
    "dcid": DCTERMS.identifier, "title": DCTERMS.title, "url": SDO.url, "date": DCTERMS.date,
    "source": DCTERMS.source, "gYear": XSD.gYear, "xdate": XSD.date, "anyURI": XSD.anyURI,
}.items()}
_MENTION_TYPES = f"{_q(KG.Mention)} , {_q(PROV.Entity)}"
_SENTENCE_TYPES = f"{_q(KG.Sentence)} , {_q(PROV.Entity)}"
_ARTICLE_TYPES = f"{_q(KG.Article)} , {_q(SDO.NewsArticle)} , {_q(PROV.Entity)}"
_POST_TYPE = _q(ORG.Post)
_ROLE_TYPES = f"{_q(ORG.Role)} , {_q(SKOS.Concept)}"
_QUOTE_TYPE = _q(SDO.Quotation)
_STATEMENT_TYPE = _q(RDF.Statement)


def _block(subject: str, pairs: list[tuple[str, str]]) -> str:
    """One subject's triples as a Turtle block: ``s p1 o1 ; p2 o2 , o3 .`` (objects joined per predicate)."""
    lines: list[str] = []
    last = ""
    for p, o in pairs:
        if p == last:
            lines[-1] += f" , {o}"
        else:
            lines.append(f"{p} {o}")
            last = p
    return f"{subject} " + " ;\n\t".join(lines) + " .\n"


def _blocks(kg: KnowledgeGraph) -> Iterator[str]:
    """The graph as Turtle blocks, one per subject, in an order that depends only on the graph."""
    g = kg.nx
    P = _P
    sentences: dict[str, dict[int, str]] = {}  # article -> sentence start -> text
    sentence_terms: dict[tuple[str, int], str] = {}
    mentioned: dict[str, set[str]] = {}  # article id -> the nodes it mentions
    roles: dict[str, set[str]] = {}  # role label -> every form it was written in
    article_nodes: list[str] = []

    def sentence(ev: dict[str, Any]) -> str:
        key = (ev["article"], ev["sentence_start"])
        term = sentence_terms.get(key)
        if term is None:
            term = sentence_terms[key] = _node_in("sentence", key[0], str(key[1]))
            sentences.setdefault(key[0], {})[key[1]] = ev["sentence"]
        return term

    article_terms: dict[str, tuple[str, str | None]] = {}  # article id -> its node's term, its kgr: local part

    def article_term(art_id: str) -> tuple[str, str | None]:
        terms = article_terms.get(art_id)
        if terms is None:
            terms = article_terms[art_id] = (_node("article/" + art_id), _part(art_id))
        return terms

    in_sentence, start_p, end_p, derived = P["inSentence"], P["start"], P["end"], P["derived"]
    # one pass over the edges: the links each node states, with their evidence, and who attends what
    links: dict[str, dict[tuple[str, str], list[dict[str, Any]]]] = {}
    attendees: dict[str, set[str]] = {}
    for u, v, ed in g.edges(data=True):
        pred_name = ed.get("predicate", "")
        if pred_name in _FACT_TERMS:
            links.setdefault(u, {}).setdefault((pred_name, v), []).extend(ed.get("evidence", []))
            if pred_name == "participates":
                attendees.setdefault(v, set()).add(u)
    for nid in sorted(g.nodes):
        d = g.nodes[nid]
        t = d["type"]
        if t == "Article":
            article_nodes.append(nid)
            continue
        s = _node(nid)
        mention_head = f"a {_MENTION_TYPES} ;\n\t{P['mentionOf']} {s} ;\n\t{P['inArticle']}"
        pairs: list[tuple[str, str]] = [(_A, _CLASS_TERMS[t])]
        if t == "Institution":
            if nid.startswith("institution/pemerintah-"):
                pairs.append((_A, _GOV_TERMS))
            if d.get("party"):
                pairs.append((_A, _q(KG.PoliticalParty)))
        name = _id_lit(d["name"])
        pairs.append((P["prefLabel"], name))
        pairs.append((P["label"], name))
        pairs.extend((P["altLabel"], _id_lit(a)) for a in sorted(set(d.get("aliases", []))))
        if d.get("code"):
            pairs.append((P["code"], _str(d["code"])))
            pairs.append((P["identifier"], _str(d["code"])))
        pairs.extend((P["honorific"], _str(h)) for h in sorted(set(d.get("honorifics", []))))
        pairs.extend((P["degree"], _str(x)) for x in sorted(set(d.get("degrees", []))))
        if d.get("implied"):
            pairs.append((P["implicit"], _TRUE))
        if t == "Event":
            if d.get("kind"):
                pairs.append((P["eventKind"], _str(d["kind"])))
            if d.get("ordinal"):
                pairs.append((P["ordinal"], str(int(d["ordinal"]))))
            if d.get("year"):
                pairs.append((P["year"], f'{_str(d["year"])}^^{P["gYear"]}'))
        # posts: one org:Post per holder, role and organisation (a post stated twice is one post)
        posts: dict[str, list[dict[str, Any]]] = {}
        for post in d.get("posts", []):
            pid = f"post/{nid.split('/', 1)[1]}/{slug(post['role'])}/{slug(post['org'] or 'none')}"
            posts.setdefault(pid, []).append(post)
            roles.setdefault(post["role"], set()).update(post.get("role_forms", []))
        post_terms = {pid: _node_uncached(pid) for pid in sorted(posts)}
        pairs.extend((P["holds"], term) for term in post_terms.values())
        # the links this node states, and those that make it the attended event
        statements = links.pop(nid, {})
        for pred_name, v in sorted(statements):
            pairs.append((_FACT_TERMS[pred_name], _node(v)))
            if pred_name == "located_in":
                # the same link for SKOS tools, which browse a hierarchy by skos:broader
                pairs.append((P["broader"], _node(v)))
        pairs.extend((P["attendee"], _node(u)) for u in sorted(attendees.pop(nid, ())))
        yield _block(s, _grouped(pairs))
        # where it is mentioned: one kg:Mention per mention, with article, sentence and offsets
        mentions = d.get("mentions", [])
        for art_id in {ev["article"] for ev in mentions}:
            mentioned.setdefault(art_id, set()).add(nid)
        blocks = []  # (one string for all of them: a node may have thousands)
        tail = _part(nid)
        for ev in mentions:
            art_id, start, end = ev["article"], ev["start"], ev["end"]
            art, art_part = article_term(art_id)
            if tail is not None and art_part is not None:  # (what _node_in does, from parts known here)
                m = _joined("mention", art_part, f"{start}-{end}", tail)
            else:
                m = _node_in("mention", art_id, f"{start}-{end}", nid)
            blocks.append(f"{m} {mention_head} {art} ;\n\t{in_sentence} {sentence(ev)} ;\n\t{start_p} {start} ;\n\t"
                          f"{end_p} {end} ;\n\t{derived} {art} .\n")
        yield "".join(blocks)
        for pid in sorted(posts):
            same = posts[pid]
            first = same[0]
            pairs = [(_A, _POST_TYPE), (P["heldBy"], s), (P["role"], _node(f"role/{slug(first['role'])}"))]
            if first["org"]:
                pairs.append((P["postIn"], _node(first["org"])))
            pairs.append((P["label"], _id_lit(first["role"])))
            pairs.extend((P["acting"], _id_lit(a)) for a in sorted({p["acting"] for p in same if p.get("acting")}))
            if any(p.get("former") for p in same):
                pairs.append((P["former"], _TRUE))
            evidence = {sentence(ev) for p in same for ev in p.get("evidence", [])}
            pairs.extend((P["derived"], sn) for sn in sorted(evidence))
            yield _block(post_terms[pid], _grouped(pairs))
        for q in sorted(d.get("quotes", []), key=lambda q: (q["article"], q["start"], q["end"])):
            qn = _node_in("quote", q["article"], f"{q['start']}-{q['end']}")
            yield (f"{qn} a {_QUOTE_TYPE} ;\n\t{P['text']} {_id_lit(q['text'])} ;\n\t{P['creator']} {s} ;\n\t"
                   f"{P['isPartOf']} {_node('article/' + q['article'])} ;\n\t{P['derived']} {sentence(q)} .\n")
        # the sentences behind each link, on a standard RDF reification of it
        for (pred_name, v), evs in sorted(statements.items()):
            st = _node_uncached(f"statement/{nid}/{pred_name}/{v}")
            pairs = [(_A, _STATEMENT_TYPE), (P["subject"], s), (P["predicate"], _FACT_TERMS[pred_name]),
                     (P["object"], _node(v))]
            pairs.extend((P["derived"], sn) for sn in sorted({sentence(ev) for ev in evs}))
            yield _block(st, pairs)
    for role in sorted(roles):
        pairs = [(_A, _ROLE_TYPES), (P["prefLabel"], _id_lit(role))]
        pairs.extend((P["altLabel"], _id_lit(f)) for f in sorted(roles[role] - {role}))
        yield _block(_node(f"role/{slug(role)}"), pairs)
    for nid in article_nodes:
        d = g.nodes[nid]
        pairs = [(_A, _ARTICLE_TYPES), (P["dcid"], _str(d["article"]))]
        if d.get("title"):
            pairs.append((P["title"], _id_lit(d["title"])))
        if d.get("url", "").startswith(("http://", "https://")):
            pairs.append((P["url"], f'{_str(d["url"])}^^{P["anyURI"]}'))
        if d.get("date"):
            pairs.append((P["date"], f'{_str(d["date"])}^^{P["xdate"]}'))
        if d.get("path"):
            pairs.append((P["source"], _str(d["path"])))
        pairs.extend((P["mentions"], _node(e)) for e in sorted(mentioned.pop(d["article"], ())))
        yield _block(_node(nid), pairs)
    for art_id in sorted(sentences):
        art = _node("article/" + art_id)
        texts = sentences[art_id]
        yield "".join(f"{sentence_terms[(art_id, start)]} a {_SENTENCE_TYPES} ;\n\t{P['text']} "
                      f"{_id_lit(texts[start])} ;\n\t{P['inArticle']} {art} ;\n\t{P['start']} {start} .\n"
                      for start in sorted(texts))


def _grouped(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """*pairs* with each predicate's objects together (first-seen predicate order) and no repeats."""
    order: dict[str, list[str]] = {}
    for p, o in pairs:
        objs = order.setdefault(p, [])
        if o not in objs:
            objs.append(o)
    return [(p, o) for p, objs in order.items() for o in objs]


def _prefix_lines() -> str:
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in sorted(PREFIXES.items())) + "\n"


def write_turtle(kg: KnowledgeGraph, out: BinaryIO) -> None:
    """Write the graph as Turtle to a binary file, block by block, without holding the whole text.

    The output depends only on the graph: the same graph always gives the same bytes.
    """
    chunk: list[str] = [_prefix_lines()]
    size = 0
    for block in _blocks(kg):
        chunk.append(block)
        size += len(block)
        if size > 1 << 20:
            out.write("".join(chunk).encode("utf-8"))
            chunk, size = [], 0
    out.write("".join(chunk).encode("utf-8"))


def write_ntriples(kg: KnowledgeGraph, out: BinaryIO) -> None:
    """Write the graph as N-Triples: the triples of :func:`write_turtle`, one a line, in the same order.

    N-Triples has no prefixes and no nesting, so any RDF tool (or ``grep``) reads it, and a
    file can be split or concatenated line by line.
    """
    with tempfile.TemporaryFile() as tmp:
        write_turtle(kg, tmp)
        tmp.seek(0)
        serialize(parse(tmp, format=RdfFormat.TURTLE), out, format=RdfFormat.N_TRIPLES)


def triples(kg: KnowledgeGraph) -> Iterator[Triple]:
    """Every triple of the graph, as pyoxigraph triples, in the order :func:`to_turtle` writes them."""
    for quad in parse(to_turtle(kg), format=RdfFormat.TURTLE):
        yield quad.triple


def to_turtle(kg: KnowledgeGraph) -> bytes:
    """The graph as Turtle bytes (:func:`write_turtle` into memory)."""
    buf = io.BytesIO()
    write_turtle(kg, buf)
    return buf.getvalue()


def to_ntriples(kg: KnowledgeGraph) -> bytes:
    """The graph as N-Triples bytes (:func:`write_ntriples` into memory)."""
    buf = io.BytesIO()
    write_ntriples(kg, buf)
    return buf.getvalue()
