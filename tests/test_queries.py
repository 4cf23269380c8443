"""The example queries in ``queries/`` and ``kgraph query``, on the demo build with a real Oxigraph store.

Each query's answer is checked against the Python API on the same graph (``kg.officials``,
``kg.articles_mentioning``, ...) and for a few facts of the demo articles that extraction
tuning will not change (Ratu Tatu Chasanah is Bupati of Kabupaten Serang).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from pyoxigraph import Store

import kgraph
from kgraph.cli import main
from kgraph.query import IRI, QueryResult, format_table, load_store, query, read_query
from kgraph.rdf import BASE, iri

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
TATU = "person/ratu-tatu-chasanah"


@pytest.fixture(scope="module")
def store(sample_out: Path) -> Store:
    return load_store(sample_out)


def _run_file(store: Store, name: str) -> QueryResult:
    path = QUERIES / name
    return query(store, read_query(path), query_path=path)


def _body(path: Path) -> str:
    """The query without its header comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#")).strip()


def _name(kg: kgraph.KnowledgeGraph, node: str) -> str:
    return str(kg.node(node)["name"])


# --------------------------------------------------------------------------- the files


QUERY_FILES = sorted(p.name for p in QUERIES.glob("*.rq"))


def test_there_are_the_six_example_queries() -> None:
    assert QUERY_FILES == ["bupati-wali-kota.rq", "event-participants.rq", "multi-article-entities.rq",
                           "officials-per-province.rq", "post-sentences.rq", "regency-institutions.rq"]


@pytest.mark.parametrize("name", QUERY_FILES)
def test_query_file_says_what_it_answers(name: str) -> None:
    text = (QUERIES / name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# ") and len(header) >= 3, "a header comment says what the query answers"
    assert f"# Run: kgraph query out --file queries/{name}" in header


@pytest.mark.parametrize("name", QUERY_FILES)
def test_readme_shows_the_query_as_it_is(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"queries/{name}" in readme
    assert _body(QUERIES / name) in readme, f"README.md's copy of queries/{name} differs from the file"


# --------------------------------------------------------------------------- the answers


def test_bupati_and_wali_kota_with_their_regions(store: Store) -> None:
    result = _run_file(store, "bupati-wali-kota.rq")
    assert result.variables == ("name", "role", "region", "code")
    rows = set(result.rows)
    assert ("Ratu Tatu Chasanah", "Bupati", "Kabupaten Serang", "36.04") in rows
    assert ("Zaenal Arifin", "Bupati", "Kabupaten Magelang", "33.08") in rows
    for name, role, region, code in rows:
        assert re.fullmatch(r"((Penjabat|Pelaksana)( \w+)? )?(Bupati|Wali Kota)", str(role)), role
        assert region is None or str(region).startswith(("Kabupaten ", "Kota ")), region


def test_officials_per_province_agree_with_the_python_api(store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    result = _run_file(store, "officials-per-province.rq")
    counts = dict(result.rows)
    assert "Banten" in counts and all(isinstance(n, int) for n in counts.values())
    for province in sample_kg.entities("Province"):
        name = _name(sample_kg, province)
        assert counts.get(name, 0) == len(sample_kg.officials(province)), name


def test_event_participants_agree_with_the_graph(store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    result = _run_file(store, "event-participants.rq")
    got = {(r["event"], r["participant"]) for r in result.dicts()}
    expected = {(_name(sample_kg, v), _name(sample_kg, u)) for u, v, _ in sample_kg.edges("participates")}
    assert got == expected and got
    assert {r["type"] for r in result.dicts()} <= {"Official", "Person", "Institution"}
    tatu_events = {event for event, person in got if person == "Ratu Tatu Chasanah"}
    assert tatu_events, "Ratu Tatu Chasanah attends an event in the demo articles"


def test_institutions_of_kabupaten_serang(store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    result = _run_file(store, "regency-institutions.rq")
    holders = dict(result.rows)
    serang = {_name(sample_kg, n) for n in sample_kg.entities("Institution") if sample_kg.region_of(n) == "region/36.04"}
    assert set(holders) == serang
    assert "Ratu Tatu Chasanah (Bupati)" in str(holders["Pemerintah Kabupaten Serang"]).split(", ")


def test_sentences_behind_ratu_tatus_bupati_post(store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    result = _run_file(store, "post-sentences.rq")
    assert result.variables == ("article", "sentence")
    assert any("Bupati Serang Ratu Tatu Chasanah" in str(sentence) for _, sentence in result.rows)
    (post,) = [p for p in sample_kg.posts(TATU) if p["role"] == "Bupati"]
    assert {(ev["article"], ev["sentence"]) for ev in post["evidence"]} == set(result.rows)


def test_entities_in_more_than_one_article(store: Store, sample_kg: kgraph.KnowledgeGraph) -> None:
    result = _run_file(store, "multi-article-entities.rq")
    got = {name: n for name, _, n in result.rows}
    assert {"Ratu Tatu Chasanah", "Korps Pegawai Republik Indonesia"} <= set(got)
    expected = {_name(sample_kg, e): len(sample_kg.articles_mentioning(e)) for e in sample_kg.entities()
                if len(sample_kg.articles_mentioning(e)) > 1}
    assert got == expected
    types = {name: t for name, t, _ in result.rows}
    assert types["Ratu Tatu Chasanah"] == "Official" and types["Korps Pegawai Republik Indonesia"] == "Institution"


# --------------------------------------------------------------------------- the library


def test_values_are_plain_python(store: Store) -> None:
    result = query(store, """
        SELECT ?person ?n ?unbound ?official WHERE {
          ?person skos:prefLabel "Ratu Tatu Chasanah"@id .
          { SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Article } }
          OPTIONAL { ?person kg:noSuchProperty ?unbound }
          BIND (EXISTS { ?person a kg:Official } AS ?official)
        }""")
    ((person, n, unbound, official),) = result.rows
    assert isinstance(person, IRI) and person == iri(TATU).value
    assert n == 5 and type(n) is int
    assert unbound is None
    assert official is True
    assert query(store, "ASK { ?x a kg:Official }") == QueryResult(("ask",), ((True,),))
    constructed = query(store, f"CONSTRUCT {{ ?x a kg:Official }} WHERE {{ ?x skos:prefLabel \"Ratu Tatu Chasanah\"@id }}")
    assert constructed.variables == ("subject", "predicate", "object")
    assert constructed.rows == ((iri(TATU).value, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                                 "https://w3id.org/kgraph/ontology#Official"),)


def test_own_prefix_declarations_win(store: Store) -> None:
    # http://schema.org/ is not the namespace graph.ttl uses (https), so nothing matches
    own = query(store, "PREFIX schema: <http://schema.org/>\nSELECT ?e WHERE { ?a schema:mentions ?e }")
    assert own.rows == ()
    assert query(store, "SELECT ?e WHERE { ?a schema:mentions ?e }").rows


def test_table_shortens_iris_so_they_can_be_queried_back(store: Store) -> None:
    result = query(store, 'SELECT ?p WHERE { ?p skos:prefLabel "Ratu Tatu Chasanah"@id }')
    table = format_table(result).splitlines()
    assert table == ["p", "-" * len(table[2]), "kgr:person\\/ratu-tatu-chasanah", "(1 row)"]
    again = query(store, f"ASK {{ {table[2]} a kg:Official }}")
    assert again.rows == ((True,),)


def test_query_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(kgraph.QueryError, match=r"^SPARQL syntax error at line 3, column \d+: "):
        query(store, "SELECT ?x WHERE {\n  ?x a kg:Official .\n  FILTER ( }")
    with pytest.raises(kgraph.QueryError, match=r"^SPARQL syntax error at line 1, column \d+: "):
        query(store, "SELEC ?x")
    bad = tmp_path / "bad.rq"
    bad.write_text("# a comment\nSELECT ?x WHERE { ?x a kg:Official FILTER ( }", encoding="utf-8")
    with pytest.raises(kgraph.QueryError) as info:
        query(store, read_query(bad), query_path=bad)
    assert str(info.value).startswith(f"{bad}: SPARQL syntax error at line 2, column ")  # the file's own lines
    assert info.value.path == str(bad)
    with pytest.raises(kgraph.QueryError, match="no such query file"):
        read_query(tmp_path / "nope.rq")
    with pytest.raises(kgraph.RdfFileError, match="no such file or directory"):
        query(tmp_path / "nope", "ASK {}")


# --------------------------------------------------------------------------- the command


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return int(code), captured.out, captured.err


def test_query_command_prints_a_table(sample_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["query", str(sample_out), "--file", str(QUERIES / "bupati-wali-kota.rq")], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["name", "role", "region", "code"]
    assert any(line.split() == ["Ratu", "Tatu", "Chasanah", "Bupati", "Kabupaten", "Serang", "36.04"]
               for line in lines)
    assert re.fullmatch(r"\(\d+ rows?\)", lines[-1])
    widths = {len(line.rstrip()) <= len(lines[1]) for line in lines[2:-1]}
    assert widths == {True}  # aligned under the dashes


def test_query_command_csv_and_json(sample_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sparql = 'SELECT ?p ?name WHERE { ?p a kg:Official ; skos:prefLabel ?name } ORDER BY ?name'
    code, out, _ = _run(["query", str(sample_out / "graph.ttl"), sparql, "--format", "csv"], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and rows[0] == ["p", "name"]
    assert [iri(TATU).value, "Ratu Tatu Chasanah"] in rows[1:]
    code, out, _ = _run(["query", str(sample_out), "--format", "json", sparql], capsys)  # option first
    data = json.loads(out)
    assert code == 0 and data["variables"] == ["p", "name"]
    assert {"p": iri(TATU).value, "name": "Ratu Tatu Chasanah"} in data["rows"]
    assert all(r["p"].startswith(BASE) for r in data["rows"])


def test_query_command_errors_are_one_line_and_exit_3(sample_out: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["query", str(sample_out), "SELECT ?x WHERE {\n ?x a kg:Official\n FILTER( }"], capsys)
    assert (code, out) == (3, "")
    assert re.fullmatch(r"kgraph: error: SPARQL syntax error at line 3, column \d+: [^\n]+\n", err), err
    code, out, err = _run(["query", str(sample_out), "--file", str(tmp_path / "nope.rq")], capsys)
    assert (code, out, err) == (3, "", f"kgraph: error: {tmp_path / 'nope.rq'}: no such query file\n")
    code, out, err = _run(["query", str(tmp_path / "nope"), "ASK {}"], capsys)
    assert (code, out, err) == (3, "", f"kgraph: error: {tmp_path / 'nope'}: no such file or directory\n")


@pytest.mark.parametrize("argv", [
    pytest.param(["query", "OUT"], id="no-query"),
    pytest.param(["query", "OUT", "ASK {}", "--file", "x.rq"], id="query-and-file"),
    pytest.param(["query", "OUT", "ASK {}", "--format", "xml"], id="unknown-format"),
    pytest.param(["query"], id="no-path"),
])
def test_query_usage_errors_exit_2(argv: list[str], sample_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run([str(sample_out) if a == "OUT" else a for a in argv], capsys)
    assert (code, out) == (2, "")
    assert "usage: kgraph query" in err
