"""The Turtle output (kgraph.rdf), read back by two independent RDF stacks:
rdflib and a real pyoxigraph Store answering SPARQL.

The scorer (../shared/eval/kgeval.py, README "What the scorer reads from the
Turtle") relies on: entity nodes typed with a class whose local name is one of
Official/Person/Institution/Regency/City/Province/Event and named with
rdfs:label or skos:prefLabel; posts as ``?h org:holds ?p . ?p org:role ?r ;
org:postIn ?o``; provenance as ``?a schema:mentions ?e ; dcterms:identifier
"<file stem>"``. Those are checked here on the demo corpus, along with literal
escaping, IRI well-formedness and agreement with ``ontology/kgraph.ttl``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pyoxigraph
import pytest
import rdflib
from pyoxigraph import DefaultGraph, RdfFormat, Store
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS

import kgraph
import kgraph.rdf as kgraph_rdf
from kgraph.cli import main
from kgraph.query import query
from kgraph.rdf import KG

A0 = "000_821ea28d2e938271"
A2 = "002_96725414e4c5d2ed"
TATU = "person/ratu-tatu-chasanah"
SERANG = "region/36.04"
DATA = Path(__file__).resolve().parent.parent / "data"
KG_NS = str(KG._NS)
SCORED_CLASSES = ["Official", "Person", "Institution", "Regency", "City", "Province", "Event"]
SPARQL_PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <https://w3id.org/kgraph/ontology#>
"""
#: Characters that may not appear in an IRI (RFC 3987), plus whitespace.
_BAD_IRI_CHARS = re.compile(r'[\s<>"{}|\\^`\x00-\x1f]')


def _local_name(term: object) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _iri(node_id: str) -> str:
    """The IRI kgraph gives a graph node."""
    return kgraph_rdf.iri(node_id).value


def _parse_rdflib(data: bytes, fmt: str = "turtle") -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return g


def _oxigraph_store(data: bytes) -> Store:
    store = Store()
    store.load(data, RdfFormat.TURTLE)
    return store


def _entity_iri(g: rdflib.Graph, name: str) -> URIRef:
    (node,) = set(g.subjects(SKOS.prefLabel, Literal(name, lang="id")))
    assert isinstance(node, URIRef)
    return node


@pytest.fixture(scope="module")
def ttl(sample_out: Path) -> bytes:
    return (sample_out / "graph.ttl").read_bytes()


@pytest.fixture(scope="module")
def graph(ttl: bytes) -> rdflib.Graph:
    return _parse_rdflib(ttl)


@pytest.fixture(scope="module")
def store(ttl: bytes) -> Store:
    return _oxigraph_store(ttl)


def _ntriples(store: Store) -> bytes:
    """The store's default graph as N-Triples, serialised by pyoxigraph."""
    nt = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    assert isinstance(nt, bytes)
    return nt


def _select(store: Store, query: str) -> list[dict[str, Any]]:
    solutions = store.query(SPARQL_PREFIXES + query)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: sol[n] for n in names} for sol in solutions]


def _ask(store: Store, query: str) -> bool:
    result = store.query(SPARQL_PREFIXES + query)
    assert isinstance(result, pyoxigraph.QueryBoolean)
    return bool(result)


# --------------------------------------------------------------------------- parsing


def test_sample_turtle_parses_with_rdflib_and_pyoxigraph(
        ttl: bytes, graph: rdflib.Graph, store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    assert ttl == sample_kg.to_turtle()
    assert len(graph) > 500
    assert len(store) == len(graph)  # both parsers read the same triples
    assert ttl.decode("utf-8")  # UTF-8 as Turtle requires


def test_turtle_to_ntriples_round_trip_is_isomorphic(graph: rdflib.Graph, store: Store) -> None:
    nt = _ntriples(store)
    assert nt.count(b"\n") == len(graph)
    again = _parse_rdflib(nt, "nt")
    assert len(again) == len(graph)
    assert isomorphic(again, graph)


# --------------------------------------------------------------------------- scorer contract


def test_every_entity_node_is_typed_and_labelled_as_the_scorer_reads_it(
        graph: rdflib.Graph, sample_kg: kgraph.KnowledgeGraph) -> None:
    # what the scorer takes for entities: subjects typed with a scored local name, first in list order
    predicted: dict[URIRef, str] = {}
    for s, cls in graph.subject_objects(RDF.type):
        ln = _local_name(cls)
        if ln in SCORED_CLASSES and isinstance(s, URIRef):
            prev = predicted.get(s)
            if prev is None or SCORED_CLASSES.index(ln) < SCORED_CLASSES.index(prev):
                predicted[s] = ln
    by_name = {str(s): c for s, c in predicted.items()}
    expected = {}
    for nid in sample_kg.entities():
        d = sample_kg.node(nid)
        s = URIRef(_iri(nid))
        assert (s, RDF.type, KG[d["type"]]) in graph, nid  # stated, not inferred
        expected[str(s)] = d["type"]
        labels = {str(o) for p in (RDFS.label, SKOS.prefLabel) for o in graph.objects(s, p)}
        assert d["name"] in labels, nid
        assert set(d["aliases"]) <= {str(o) for o in graph.objects(s, SKOS.altLabel)}, nid
    assert by_name == expected  # every entity, in its own class, and nothing else looks like one
    for s in predicted:
        assert set(graph.objects(s, RDFS.label)) | set(graph.objects(s, SKOS.prefLabel)), s


def test_every_mention_is_stated_as_scorer_provenance(
        graph: rdflib.Graph, sample_kg: kgraph.KnowledgeGraph) -> None:
    article_of = {str(o): a for a, o in graph.subject_objects(DCTERMS.identifier)
                  if (a, RDF.type, SDO.NewsArticle) in graph}
    assert sorted(article_of) == sorted(n.split("/", 1)[1] for n in sample_kg.articles())
    mentioned: dict[str, set[str]] = {}
    for a, e in graph.subject_objects(SDO.mentions):
        ident = graph.value(a, DCTERMS.identifier)
        assert ident is not None, a
        mentioned.setdefault(str(e), set()).add(str(ident))
    for nid in sample_kg.entities():
        assert mentioned.get(_iri(nid)) == set(sample_kg.articles_mentioning(nid)), nid
    tatu = _entity_iri(graph, "Ratu Tatu Chasanah")
    assert {A0, A2} <= mentioned[str(tatu)]


def test_sparql_post_of_ratu_tatu(store: Store, graph: rdflib.Graph) -> None:
    rows = _select(store, """
        SELECT ?rl ?o WHERE {
            ?h org:holds ?p . ?p org:role ?r ; org:postIn ?o . ?r skos:prefLabel ?rl .
            ?h skos:prefLabel "Ratu Tatu Chasanah"@id .
        }""")
    assert rows, "no post for Ratu Tatu Chasanah"
    bupati = [row for row in rows if row["rl"].value == "Bupati"]
    assert bupati, [row["rl"].value for row in rows]
    regency = _entity_iri(graph, "Kabupaten Serang")
    assert str(regency) == _iri(SERANG)
    assert (regency, RDF.type, KG.Regency) in graph
    # the org is the regency or links to it in one hop (what the scorer follows)
    assert any(
        row["o"].value == str(regency) or _ask(store, f"ASK {{ <{row['o'].value}> ?link <{regency}> }}")
        for row in bupati
    )
    assert _ask(store, f"""ASK {{ ?o kg:serves <{regency}> ; skos:prefLabel "Pemerintah Kabupaten Serang"@id .
                                  ?p org:postIn ?o ; org:heldBy ?h . ?h skos:altLabel "Tatu"@id }}""")


def test_sparql_provenance_of_an_article(store: Store, graph: rdflib.Graph) -> None:
    tatu = _entity_iri(graph, "Ratu Tatu Chasanah")
    for art in (A0, A2):
        rows = _select(store, f'SELECT ?e WHERE {{ ?a schema:mentions ?e ; dcterms:identifier "{art}" }}')
        assert str(tatu) in {row["e"].value for row in rows}, art
    assert _select(store, 'SELECT ?e WHERE { ?a schema:mentions ?e ; dcterms:identifier "tidak-ada" }') == []


def _assert_iris_are_absolute_without_spaces(graph: rdflib.Graph) -> None:
    iris = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    assert iris
    for iri in iris:
        parts = urlsplit(str(iri))
        assert parts.scheme in ("http", "https") and parts.netloc, iri
        assert not _BAD_IRI_CHARS.search(str(iri)), iri


def test_every_iri_is_absolute_and_has_no_spaces(graph: rdflib.Graph) -> None:
    _assert_iris_are_absolute_without_spaces(graph)


# --------------------------------------------------------------------------- escaping


TRICKY_ID = "uji 1 日本"
TRICKY_TITLE = 'Judul "uji" \\ baris\ndua <script>alert(1)</script> 日本 & café'
TRICKY_TEXT = (
    'Bupati Kabupaten Sleman Kustini Sri Purnomo berkata "café\\\\ <script>alert(\'x\')</script>\n'
    'itu 日本 — ok" di Kabupaten Sleman.\n'
    'Wali Kota Ambon Bodewin Wattimena hadir di Kota Ambon, Maluku; katanya "a\\"b" & <b>.'
)


@dataclass
class Tricky:
    kg: kgraph.KnowledgeGraph
    ttl: bytes
    graph: rdflib.Graph
    store: Store


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Tricky:
    """A graph built from a JSONL article full of characters Turtle must escape."""
    d = tmp_path_factory.mktemp("tricky")
    rec = {"id": TRICKY_ID, "title": TRICKY_TITLE, "text": TRICKY_TEXT, "date": "2024-01-02"}
    (d / "tricky.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    kg = kgraph.build([d / "tricky.jsonl"])
    assert kg.skipped == ()
    out = d / "out"
    kg.write(out)
    ttl = (out / "graph.ttl").read_bytes()
    return Tricky(kg, ttl, _parse_rdflib(ttl), _oxigraph_store(ttl))


def _kg_sentences(kg: kgraph.KnowledgeGraph) -> Iterator[str]:
    for _, d in kg.nx.nodes(data=True):
        for ev in d.get("mentions", []):
            yield ev["sentence"]
        for post in d.get("posts", []):
            yield from (ev["sentence"] for ev in post["evidence"])
        for q in d.get("quotes", []):
            yield q["sentence"]


def test_tricky_literals_round_trip_exactly(tricky: Tricky) -> None:
    g, store = tricky.graph, tricky.store
    assert len(store) == len(g)
    (art,) = set(g.subjects(DCTERMS.identifier, Literal(TRICKY_ID)))
    assert str(g.value(art, DCTERMS.title)) == TRICKY_TITLE
    rows = _select(store, f"""SELECT ?t WHERE {{ ?a dcterms:identifier "{TRICKY_ID}" ; dcterms:title ?t }}""")
    assert [row["t"].value for row in rows] == [TRICKY_TITLE]

    in_rdflib = {str(o) for o in g.objects(None, SDO.text)}
    in_oxigraph = {q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(SDO.text)), None)
                   if isinstance(q.object, pyoxigraph.Literal)}
    assert in_rdflib == in_oxigraph
    sentences = set(_kg_sentences(tricky.kg))
    assert sentences and sentences <= in_rdflib
    joined = "".join(sentences)
    for piece in ('"', "\\", "<script>", "日本", "&", "é"):
        assert piece in joined, piece  # the escaping was really exercised
    for nid in tricky.kg.entities():  # names survive too
        assert (URIRef(_iri(nid)), SKOS.prefLabel, Literal(tricky.kg.node(nid)["name"], lang="id")) in g, nid


def test_tricky_ids_give_valid_absolute_iris(tricky: Tricky) -> None:
    _assert_iris_are_absolute_without_spaces(tricky.graph)
    (art,) = set(tricky.graph.subjects(DCTERMS.identifier, Literal(TRICKY_ID)))
    assert (art, RDF.type, KG.Article) in tricky.graph
    assert isomorphic(_parse_rdflib(_ntriples(tricky.store), "nt"), tricky.graph)


# --------------------------------------------------------------------------- ontology


@pytest.fixture(scope="module")
def ontology(repo_root: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(repo_root / "ontology" / "kgraph.ttl", format="turtle")
    return g


PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def _declared(onto: rdflib.Graph, term: Node) -> set[URIRef]:
    return {o for o in onto.objects(term, RDF.type) if isinstance(o, URIRef)}


def _has_en_and_id_labels(onto: rdflib.Graph, term: Node) -> bool:
    langs = {o.language for o in onto.objects(term, RDFS.label) if isinstance(o, Literal)}
    return {"en", "id"} <= langs


def test_ontology_declares_every_kg_term_used_in_the_sample(graph: rdflib.Graph, ontology: rdflib.Graph) -> None:
    classes = {o for o in graph.objects(None, RDF.type) if str(o).startswith(KG_NS)}
    properties = {p for p in graph.predicates() if str(p).startswith(KG_NS)}
    # (a relation's rdf:Statement names its predicate as an object of rdf:predicate)
    others = {t for triple in graph for i, t in enumerate(triple)
              if i != 1 and isinstance(t, URIRef) and str(t).startswith(KG_NS) and triple[1] != RDF.predicate}
    assert KG.Official in classes and KG.serves in properties
    assert others == classes  # kg: terms appear only as classes and predicates
    for cls in classes:
        assert OWL.Class in _declared(ontology, cls), cls
        assert _has_en_and_id_labels(ontology, cls), cls
    for prop in properties:
        assert _declared(ontology, prop) & set(PROPERTY_KINDS), prop
        assert _has_en_and_id_labels(ontology, prop), prop
    # object properties point at resources, datatype properties at literals
    for s, p, o in graph:
        if p in properties:
            kinds = _declared(ontology, p)
            if OWL.ObjectProperty in kinds:
                assert isinstance(o, URIRef), (s, p, o)
            if OWL.DatatypeProperty in kinds:
                assert isinstance(o, Literal), (s, p, o)


def test_ontology_and_the_kg_namespace_agree(ontology: rdflib.Graph) -> None:
    code_terms = {KG[name] for name in KG.__annotations__}
    onto_terms = {s for s in ontology.subjects(RDF.type, None)
                  if isinstance(s, URIRef) and str(s).startswith(KG_NS)}
    assert onto_terms == code_terms
    for name in KG.__annotations__:
        kinds = _declared(ontology, KG[name])
        if name[0].isupper():
            assert OWL.Class in kinds, name
        else:
            assert kinds & set(PROPERTY_KINDS), name
        assert _has_en_and_id_labels(ontology, KG[name]), name
    # standard vocabularies the ontology aligns to are referenced with their real namespaces
    assert (KG.Person, RDFS.subClassOf, FOAF.Person) in ontology
    assert (KG.Institution, RDFS.subClassOf, ORG.Organization) in ontology
    assert (KG.Event, RDFS.subClassOf, SDO.Event) in ontology


ALIGNMENTS = [
    (KG.Person, FOAF.Person), (KG.Person, SDO.Person), (KG.Official, KG.Person),
    (KG.Institution, ORG.Organization), (KG.Institution, SDO.Organization),
    (KG.GovernmentBody, KG.Institution), (KG.GovernmentBody, SDO.GovernmentOrganization),
    (KG.PoliticalParty, KG.Institution), (KG.Region, SDO.AdministrativeArea),
    (KG.Regency, KG.Region), (KG.City, KG.Region), (KG.Province, KG.Region),
    (KG.Event, SDO.Event), (KG.Article, SDO.NewsArticle), (KG.Article, PROV.Entity),
    (KG.Sentence, PROV.Entity), (KG.Mention, PROV.Entity), (ORG.Role, SKOS.Concept),
]


@pytest.mark.parametrize(("cls", "parent"), ALIGNMENTS)
def test_ontology_aligns_classes_with_standard_vocabularies(cls: URIRef, parent: URIRef,
                                                            ontology: rdflib.Graph) -> None:
    assert (cls, RDFS.subClassOf, parent) in ontology


def test_every_class_in_the_data_is_covered_by_the_ontology(graph: rdflib.Graph, ontology: rdflib.Graph) -> None:
    """Each class is kgraph's own, a superclass the ontology aligns to, or a standard class it describes."""
    used = set(graph.objects(None, RDF.type))
    own = set(ontology.subjects(RDF.type, OWL.Class))
    parents = set(ontology.objects(None, RDFS.subClassOf))
    described = {s for s in ontology.subjects(RDFS.isDefinedBy, None) if _has_en_and_id_comments(ontology, s)}
    assert used - own - parents - described == set()
    assert {ORG.Post, ORG.Role, SDO.Quotation} <= described
    # what the data states beside each kgraph class is what the ontology says it is a subclass of
    for s in {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}:
        types = set(graph.objects(s, RDF.type))
        for cls in types & own:
            assert set(ontology.objects(cls, RDFS.subClassOf)) <= types, (s, cls)


def _has_en_and_id_comments(onto: rdflib.Graph, term: Node) -> bool:
    langs = {o.language for o in onto.objects(term, RDFS.comment) if isinstance(o, Literal)}
    return {"en", "id"} <= langs


# --------------------------------------------------------------------------- IRIs of any id


@pytest.mark.parametrize("node_id", [
    "article/uji 1 日本", "article/a#b?c&d", "article/50% naik", 'article/x<y>"z{}|^`\\', "article/tab\there",
    "article/ÉÇÃ ñ", "person/ratu-tatu-chasanah", "region/36.04",
])
def test_iri_of_any_id_is_valid_and_reads_back(node_id: str) -> None:
    node = kgraph_rdf.iri(node_id)  # pyoxigraph's NamedNode refuses an invalid IRI
    assert pyoxigraph.NamedNode(node.value) == node
    assert not _BAD_IRI_CHARS.search(node.value), node.value
    assert node.value.isascii()
    assert unquote(node.value.removeprefix(kgraph_rdf.BASE)) == node_id
    # written in Turtle and N-Triples, and named in SPARQL by its shortened form, it is the same node
    quad = pyoxigraph.Quad(node, pyoxigraph.NamedNode(str(RDFS.label)), pyoxigraph.Literal(node_id))
    for fmt in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES):
        data = pyoxigraph.serialize([quad.triple], format=fmt, prefixes=kgraph_rdf.PREFIXES) \
            if fmt == RdfFormat.TURTLE else pyoxigraph.serialize([quad.triple], format=fmt)
        assert data is not None
        store = Store()
        store.load(data, fmt)
        short = kgraph_rdf.shorten(node.value)
        assert short.startswith("kgr:"), short
        assert query(store, f"SELECT ?l WHERE {{ {short} rdfs:label ?l }}").rows == ((node_id,),)


def test_tricky_article_iri_is_queried_by_its_shortened_name(tricky: Tricky) -> None:
    art = kgraph_rdf.iri(f"article/{TRICKY_ID}")
    assert " " not in art.value
    short = kgraph_rdf.shorten(art.value)
    rows = query(tricky.store, f"SELECT ?id WHERE {{ {short} dcterms:identifier ?id }}").rows
    assert rows == ((TRICKY_ID,),)
    for term in {t for triple in tricky.graph for t in triple if isinstance(t, URIRef)}:
        pyoxigraph.NamedNode(str(term))  # raises on an invalid IRI


# --------------------------------------------------------------------------- graph.nt (kgraph build --ntriples)


@pytest.fixture(scope="module")
def ntriples_build(tmp_path_factory: pytest.TempPathFactory, sample_kg: kgraph.KnowledgeGraph) -> Path:
    """The demo corpus built by the command with --ntriples (sample_kg: the pipeline is loaded)."""
    out = tmp_path_factory.mktemp("ntriples") / "out"
    assert main(["build", str(DATA), "-o", str(out), "-q", "--ntriples"]) == 0
    return out


def test_ntriples_option_writes_graph_nt_beside_the_others(ntriples_build: Path, ttl: bytes) -> None:
    assert sorted(p.name for p in ntriples_build.iterdir()) == [
        "cache", "graph.html", "graph.json", "graph.nt", "graph.ttl"]  # cache/: see test_scale.py
    assert (ntriples_build / "graph.ttl").read_bytes() == ttl  # --ntriples changes nothing else


def test_ntriples_and_turtle_are_isomorphic_and_in_the_same_order(
        ntriples_build: Path, graph: rdflib.Graph, sample_kg: kgraph.KnowledgeGraph) -> None:
    nt = (ntriples_build / "graph.nt").read_bytes()
    assert nt == kgraph_rdf.to_ntriples(sample_kg)
    assert nt.count(b"\n") == len(graph)
    assert isomorphic(_parse_rdflib(nt, "nt"), graph)
    ttl = (ntriples_build / "graph.ttl").read_bytes()
    in_turtle = list(pyoxigraph.parse(ttl, format=RdfFormat.TURTLE))
    in_ntriples = list(pyoxigraph.parse(nt, format=RdfFormat.N_TRIPLES))
    assert in_ntriples == in_turtle  # the same sorted triples, one a line


# --------------------------------------------------------------------------- regions


def test_regions_carry_code_and_province(store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    rows = _select(store, """
        SELECT ?r ?code ?p ?broader WHERE {
            ?r a kg:Regency ; kg:kemendagriCode ?code ; schema:containedInPlace ?p .
            ?p a kg:Province .
            OPTIONAL { ?r skos:broader ?broader }
        }""")
    got = {(row["r"].value, row["code"].value, row["p"].value) for row in rows}
    expected = {(_iri(n), sample_kg.node(n)["code"], _iri(f"region/{sample_kg.node(n)['province']}"))
                for n in sample_kg.entities("Regency")}
    assert got == expected and got
    assert all(row["broader"] is not None and row["broader"].value == row["p"].value for row in rows)
    assert (_iri(SERANG), "36.04", _iri("region/36")) in got


def test_tricky_graph_conforms_to_the_shapes(tricky: Tricky, tmp_path: Path) -> None:
    from kgraph.validate import validate

    (tmp_path / "graph.ttl").write_bytes(tricky.ttl)
    report = validate(tmp_path)
    assert report.violations == () and report.conforms
