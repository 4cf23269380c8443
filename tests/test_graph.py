"""The knowledge graph (kgraph.graph) of the demo corpus: graph.json round trip,
loading errors, query helpers, provenance of every fact, and determinism.

Assertions about *what* was extracted are limited to a few robust facts of the
demo corpus (Ratu Tatu Chasanah, Bupati of Kabupaten Serang, Banten); the rest
are properties every graph must have, whatever the extractor finds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kgraph
from kgraph.model import Article

DATA = Path(__file__).resolve().parent.parent / "data"
A0 = "000_821ea28d2e938271"
A2 = "002_96725414e4c5d2ed"
TATU = "person/ratu-tatu-chasanah"
PEMKAB = "institution/pemerintah-kabupaten-serang"
SERANG = "region/36.04"
BANTEN = "region/36"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Each demo article's cleaned text (what every offset refers to), by id."""
    return {a.id: a.text for a in kgraph.read_articles([DATA]) if isinstance(a, Article)}


def _sorted_nodes(g: nx.MultiDiGraph) -> list[str]:
    return [json.dumps([n, d], sort_keys=True) for n, d in sorted(g.nodes(data=True))]


def _sorted_edges(g: nx.MultiDiGraph) -> list[str]:
    return sorted(json.dumps([u, v, k, d], sort_keys=True) for u, v, k, d in g.edges(keys=True, data=True))


# --------------------------------------------------------------------------- graph.json


def test_graph_json_round_trips(sample_kg: kgraph.KnowledgeGraph, sample_out: Path) -> None:
    loaded = kgraph.load(sample_out / "graph.json")
    assert isinstance(loaded, kgraph.KnowledgeGraph)
    assert loaded.nx.is_directed() and loaded.nx.is_multigraph()
    assert nx.utils.graphs_equal(loaded.nx, sample_kg.nx)
    assert sorted(loaded.nx.nodes) == sorted(sample_kg.nx.nodes)
    assert _sorted_nodes(loaded.nx) == _sorted_nodes(sample_kg.nx)
    assert _sorted_edges(loaded.nx) == _sorted_edges(sample_kg.nx)  # keys and attributes too
    assert loaded.skipped == ()
    # the loaded graph is a full graph again: it serialises to the same bytes
    assert loaded.to_json() == sample_kg.to_json() == (sample_out / "graph.json").read_text(encoding="utf-8")
    assert loaded.to_turtle() == sample_kg.to_turtle()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("missing.json", None, id="missing"),
        pytest.param("graph.json", b"<html>not json</html>", id="not-json"),
        pytest.param("graph.json", b"", id="empty"),
        pytest.param("graph.json", b"\xff\xfe{\x00}\x00", id="not-utf8"),
        pytest.param("graph.json", b'{"directed": true}', id="object-without-nodes"),
        pytest.param("graph.json", b'{"nodes": 5, "edges": []}', id="nodes-not-a-list"),
        pytest.param("dir.json", "DIR", id="directory"),
    ],
)
def test_load_bad_file_raises_graph_file_error_naming_it(
        tmp_path: Path, name: str, content: bytes | str | None) -> None:
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(kgraph.GraphFileError) as info:
        kgraph.load(path)
    err = info.value
    assert isinstance(err, kgraph.OutputError) and isinstance(err, kgraph.KgraphError)
    assert err.path == str(path)
    assert str(err).startswith(f"{path}: ")
    assert "\n" not in str(err)


@pytest.mark.parametrize("content", ["[1, 2]", '"graph"', "null"])
def test_load_json_that_is_not_an_object_raises_graph_file_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "graph.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(kgraph.GraphFileError, match="graph.json"):
        kgraph.load(path)


def test_load_foreign_node_link_json_raises_graph_file_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    foreign = nx.node_link_data(nx.MultiDiGraph([("a", "b")]), edges="edges")
    path.write_text(json.dumps(foreign), encoding="utf-8")
    try:
        kg = kgraph.load(path)
    except kgraph.GraphFileError:
        return
    kg.articles()  # what a caller does next: KeyError('type')
    pytest.fail("a node-link JSON without kgraph node attributes was loaded as a kgraph graph")


# --------------------------------------------------------------------------- queries


def test_find_by_name_alias_and_abbreviation(sample_kg: kgraph.KnowledgeGraph) -> None:
    assert sample_kg.find("Ratu Tatu Chasanah") == [TATU]
    assert TATU in sample_kg.find("Tatu")
    assert TATU in sample_kg.find("  ratu   TATU chasanah ")  # case and spaces ignored
    assert TATU in sample_kg.find("Tatu", type="Official")
    assert sample_kg.find("Tatu", type="Regency") == []
    assert sample_kg.find("pemkab serang") == [PEMKAB]
    assert sample_kg.find("Pemerintah Kabupaten Serang", type="Institution") == [PEMKAB]
    assert sample_kg.find("Nama Yang Tidak Pernah Disebut") == []


def test_the_robust_facts_of_the_demo_corpus(sample_kg: kgraph.KnowledgeGraph) -> None:
    tatu = sample_kg.node(TATU)
    assert (tatu["type"], tatu["name"]) == ("Official", "Ratu Tatu Chasanah")
    assert "Tatu" in tatu["aliases"]
    pemkab = sample_kg.node(PEMKAB)
    assert (pemkab["type"], pemkab["name"]) == ("Institution", "Pemerintah Kabupaten Serang")
    assert (PEMKAB, SERANG) in {(u, v) for u, v, _ in sample_kg.edges("serves")}
    serang = sample_kg.node(SERANG)
    assert (serang["type"], serang["name"]) == ("Regency", "Kabupaten Serang")
    assert (SERANG, BANTEN) in {(u, v) for u, v, _ in sample_kg.edges("located_in")}
    assert (sample_kg.node(BANTEN)["type"], sample_kg.node(BANTEN)["name"]) == ("Province", "Banten")
    assert sample_kg.region_of(PEMKAB) == SERANG
    assert sample_kg.region_of(SERANG) == SERANG
    events = [sample_kg.node(e)["name"] for e in sample_kg.entities("Event")]
    assert any("Korpri" in name and "52" in name for name in events), events
    assert sample_kg.articles() == sorted(f"article/{p.stem}" for p in DATA.glob("*.txt"))
    assert len(sample_kg.articles()) == 5
    with pytest.raises(KeyError):
        sample_kg.node("person/tidak-ada")


def test_posts_of_ratu_tatu(sample_kg: kgraph.KnowledgeGraph) -> None:
    posts = sample_kg.posts(TATU)
    bupati = [p for p in posts if p["role"] == "Bupati"]
    assert bupati, posts
    assert any(p["org"] == PEMKAB for p in bupati)
    for p in bupati:
        assert set(p) >= {"role", "org", "acting", "former", "role_forms", "evidence"}
        assert p["former"] is False and not p["acting"]
        assert p["evidence"]
    # the post is an edge too, with the same role
    assert any(d.get("role") == "Bupati" for _, v, d in sample_kg.edges("holds") if v == PEMKAB)
    assert sample_kg.evidence(TATU, PEMKAB)  # the sentences behind the edge(s)
    assert sample_kg.evidence(TATU, "region/tidak-ada") == []


def test_officials_of_a_region_include_its_bupati(sample_kg: kgraph.KnowledgeGraph) -> None:
    assert TATU in sample_kg.officials("Kabupaten Serang")
    assert TATU in sample_kg.officials(SERANG)
    assert TATU in sample_kg.officials("Banten")
    # a province includes its regencies and cities
    assert set(sample_kg.officials("Kabupaten Serang")) <= set(sample_kg.officials("Banten"))
    assert set(sample_kg.officials(BANTEN)) == set(sample_kg.officials("Banten"))
    assert sample_kg.officials() == sample_kg.entities("Official")
    assert set(sample_kg.officials("Banten")) <= set(sample_kg.officials())
    assert sample_kg.officials("Wilayah Yang Tidak Ada") == []


def test_articles_mentioning_ratu_tatu(sample_kg: kgraph.KnowledgeGraph) -> None:
    arts = sample_kg.articles_mentioning(TATU)
    assert {A0, A2} <= set(arts)
    assert arts == sorted(set(arts))
    assert sorted({ev["article"] for ev in sample_kg.evidence(TATU)}) == arts


# --------------------------------------------------------------------------- provenance


def _entity_nodes(kg: kgraph.KnowledgeGraph) -> list[tuple[str, dict[str, Any]]]:
    return [(n, d) for n, d in kg.nx.nodes(data=True) if d["type"] != "Article"]


def test_every_mention_points_at_its_surface_text(
        sample_kg: kgraph.KnowledgeGraph, texts: dict[str, str]) -> None:
    checked = 0
    for nid, d in _entity_nodes(sample_kg):
        evs = sample_kg.evidence(nid)
        assert evs, f"{nid} has no mention"
        for ev in evs:
            text = texts[ev["article"]]
            sentence, s0 = ev["sentence"], ev["sentence_start"]
            surface = text[ev["start"]:ev["end"]]
            assert surface.strip(), (nid, ev)
            assert surface in sentence, (nid, surface, sentence)
            assert text[s0:s0 + len(sentence)] == sentence, (nid, ev)  # sentence_start locates it
            assert s0 <= ev["start"] < ev["end"] <= s0 + len(sentence), (nid, ev)
            # the article node links to the entity with this very evidence
            edge = sample_kg.nx.get_edge_data(f"article/{ev['article']}", nid, key="mentions")
            assert edge is not None and ev in edge["evidence"], (nid, ev)
            checked += 1
        assert sample_kg.articles_mentioning(nid) == sorted({ev["article"] for ev in evs})
    assert checked >= 50


def test_every_post_edge_and_quote_has_evidence_from_its_article(
        sample_kg: kgraph.KnowledgeGraph, texts: dict[str, str]) -> None:
    def check(ev: dict[str, Any], what: object) -> None:
        assert ev["article"] in texts, what
        assert ev["sentence"].strip(), what
        assert ev["sentence"] in texts[ev["article"]], (what, ev["sentence"])

    n_posts = n_edges = 0
    for nid, d in _entity_nodes(sample_kg):
        for post in d.get("posts", []):
            assert post["evidence"], (nid, post)
            for ev in post["evidence"]:
                check(ev, (nid, post["role"]))
            n_posts += 1
        for q in d.get("quotes", []):
            check(q, (nid, "quote"))
            assert q["text"].strip() and q["text"] in texts[q["article"]], (nid, q)
    for u, v, k, d in sample_kg.nx.edges(keys=True, data=True):
        assert d["evidence"], (u, v, k)
        for ev in d["evidence"]:
            check(ev, (u, v, k))
        n_edges += 1
    assert n_posts >= 1 and n_edges >= 1



def test_relation_evidence_offsets_are_exactly_the_sentence(
        sample_kg: kgraph.KnowledgeGraph, texts: dict[str, str]) -> None:
    bad = []
    for u, v, k, d in sample_kg.nx.edges(keys=True, data=True):
        if d["predicate"] == "mentions":
            continue
        for ev in d["evidence"]:
            if texts[ev["article"]][ev["start"]:ev["end"]] != ev["sentence"]:
                bad.append((u, v, k, ev["article"], ev["start"], ev["end"]))
    assert bad == []


# --------------------------------------------------------------------------- determinism


def test_input_order_does_not_change_the_outputs(sample_kg: kgraph.KnowledgeGraph) -> None:
    files = sorted(DATA.glob("*.txt"))
    assert len(files) == 5
    reversed_kg = kgraph.build(list(reversed(files)))
    assert reversed_kg.to_turtle() == sample_kg.to_turtle()
    assert reversed_kg.to_json() == sample_kg.to_json()


def test_building_twice_gives_identical_bytes(sample_kg: kgraph.KnowledgeGraph) -> None:
    again = kgraph.build([DATA])
    assert again.to_turtle() == sample_kg.to_turtle() == sample_kg.to_turtle()
    assert again.to_json() == sample_kg.to_json()
    assert again.to_html() == sample_kg.to_html()
