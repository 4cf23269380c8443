"""``kgraph validate``: the demo build against ``ontology/shapes.ttl``, with real pySHACL.

The demo graph must conform (the build's own output passes its own shapes). Broken graphs are
the demo graph's N-Triples with lines removed or edited by hand (N-Triples is Turtle too), each
edit on its own node, so every expected violation is checked by its focus node, path and
constraint, and nothing else may break.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SH

import kgraph
from kgraph.cli import ExitCode, main
from kgraph.rdf import BASE, KG, iri, shorten, to_ntriples
from kgraph.validate import SHAPES, ValidationReport, Violation, format_violations, validate

KGNS = str(KG._NS)
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SDO = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
TATU = "person/ratu-tatu-chasanah"
A3, A4 = "article/003_0dd45a0c05d42680", "article/004_7276b879e6f50d95"


def _nt(node_id: str) -> str:
    """A node as N-Triples writes it."""
    return f"<{iri(node_id).value}>"


def _short(node_id: str) -> str:
    """A node as a violation names it."""
    return shorten(iri(node_id).value)


def _lines(text: bytes | str) -> list[str]:
    return (text.decode("utf-8") if isinstance(text, bytes) else text).splitlines()


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_nt(sample_kg: kgraph.KnowledgeGraph) -> list[str]:
    return _lines(to_ntriples(sample_kg))


@pytest.fixture(scope="module")
def sample_report(sample_out: Path) -> ValidationReport:
    return validate(sample_out)


# --------------------------------------------------------------------------- the demo build conforms


def test_the_shapes_are_the_repositorys(repo_root: Path) -> None:
    assert SHAPES == (repo_root / "ontology" / "shapes.ttl").resolve()
    assert SHAPES.is_file()


def test_demo_build_conforms(sample_report: ValidationReport, sample_out: Path, sample_nt: list[str]) -> None:
    assert sample_report.violations == ()
    assert sample_report.conforms
    assert sample_report.path == sample_out / "graph.ttl"
    assert sample_report.triples == len(sample_nt)


def test_shapes_cover_every_class_in_the_demo_build(sample_nt: list[str]) -> None:
    """Every class the data uses is a shape's target, or a superclass its node shape requires (sh:class)."""
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    targeted = {str(o) for o in shapes.objects(None, SH.targetClass)}
    required = {str(o) for s, o in shapes.subject_objects(SH["class"]) if (s, RDF.type, SH.NodeShape) in shapes}
    used = {line.split(" ", 2)[2].removesuffix(" .")[1:-1] for line in sample_nt if f" {RDF_TYPE} " in line}
    assert used - targeted - required == set()
    assert {f"{KGNS}{c}" for c in ("Official", "Person", "Institution", "Region", "Event", "Article", "Mention",
                                   "Sentence")} | {f"{ORG}Post", f"{ORG}Role", f"{SDO}Quotation"} <= targeted


def test_demo_build_conforms_as_ntriples_and_as_a_store(tmp_path: Path, sample_kg: kgraph.KnowledgeGraph,
                                                       sample_out: Path) -> None:
    from pyoxigraph import RdfFormat, Store

    nt = tmp_path / "graph.nt"
    nt.write_bytes(to_ntriples(sample_kg))
    assert validate(nt).conforms
    store_dir = tmp_path / "store"
    store = Store(str(store_dir))
    store.load(path=str(sample_out / "graph.ttl"), format=RdfFormat.TURTLE)
    store.flush()
    del store  # closes the store (and its lock)
    report = validate(store_dir)
    assert report.conforms and report.triples == len(_lines(nt.read_bytes()))


# --------------------------------------------------------------------------- broken graphs


@dataclass(frozen=True)
class Breakage:
    """One hand-made fault: how to edit the N-Triples, and the violation it must cause."""

    edit: Callable[[list[str], kgraph.KnowledgeGraph], list[str]]
    focus: Callable[[kgraph.KnowledgeGraph], str]
    path: str
    component: str


def _one_post_official(kg: kgraph.KnowledgeGraph) -> str:
    return next(n for n in kg.entities("Official") if len(kg.posts(n)) == 1 and n != TATU)


def _drop(lines: list[str], subject: str, predicate: str) -> list[str]:
    start = f"{subject} <{predicate}> "
    kept = [line for line in lines if not line.startswith(start)]
    assert len(kept) < len(lines), start
    return kept


def _replace(lines: list[str], subject: str, predicate: str, old: str, new: str) -> list[str]:
    start = f"{subject} <{predicate}> "
    out = [line.replace(old, new) if line.startswith(start) else line for line in lines]
    assert out != lines, (start, old)
    return out


def _entity_in_one_article(kg: kgraph.KnowledgeGraph) -> str:
    return next(n for n in kg.entities("Event") if len(kg.articles_mentioning(n)) == 1)


BREAKAGES: dict[str, Breakage] = {
    "official-without-post": Breakage(
        lambda ls, kg: _drop(ls, _nt(_one_post_official(kg)), f"{ORG}holds"),
        _one_post_official, "org:holds", "MinCount"),
    "label-without-language-tag": Breakage(
        lambda ls, kg: _replace(ls, _nt(TATU), f"{SKOS}prefLabel", '"@id .', '" .'),
        lambda kg: TATU, "skos:prefLabel", "LanguageIn"),
    "article-without-identifier": Breakage(
        lambda ls, kg: _drop(ls, _nt(A4), f"{DCT}identifier"),
        lambda kg: A4, "dcterms:identifier", "MinCount"),
    "regency-without-province": Breakage(
        lambda ls, kg: _drop(_drop(ls, _nt("region/33.08"), f"{SDO}containedInPlace"), _nt("region/33.08"),
                             f"{SKOS}broader"),
        lambda kg: "region/33.08", "schema:containedInPlace", "MinCount"),
    "malformed-region-code": Breakage(
        lambda ls, kg: _replace(ls, _nt("region/36.02"), f"{KGNS}kemendagriCode", '"36.02"', '"36.2"'),
        lambda kg: "region/36.02", "kg:kemendagriCode", "Pattern"),
    "regency-code-of-another-province": Breakage(
        lambda ls, kg: _replace(_replace(ls, _nt("region/52.07"), f"{KGNS}kemendagriCode", '"52.07"', '"53.07"'),
                                _nt("region/52.07"), f"{SDO}identifier", '"52.07"', '"53.07"'),
        lambda kg: "region/52", "", "SPARQL"),
    "unmentioned-entity": Breakage(
        lambda ls, kg: [line for line in ls
                        if not line.endswith(f"<{SDO}mentions> {_nt(_entity_in_one_article(kg))} .")],
        _entity_in_one_article, "^schema:mentions", "MinCount"),
    "entity-of-two-kinds": Breakage(
        lambda ls, kg: ls + [f"{_nt('person/joko-widodo')} {RDF_TYPE} <{KGNS}Institution> ."],
        lambda kg: "person/joko-widodo", "", "Xone"),
}


@pytest.fixture(scope="module")
def broken(sample_nt: list[str], sample_kg: kgraph.KnowledgeGraph,
           tmp_path_factory: pytest.TempPathFactory) -> ValidationReport:
    lines = sample_nt
    for breakage in BREAKAGES.values():
        lines = breakage.edit(lines, sample_kg)
    return validate(_write(tmp_path_factory.mktemp("broken") / "broken.ttl", lines))


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_each_fault_is_reported(name: str, broken: ValidationReport, sample_kg: kgraph.KnowledgeGraph) -> None:
    b = BREAKAGES[name]
    focus = _short(b.focus(sample_kg))
    found = [(v.path, v.component) for v in broken.violations if v.focus == focus]
    assert (b.path, b.component) in found, found
    v = next(v for v in broken.violations if v.focus == focus and (v.path, v.component) == (b.path, b.component))
    assert v.message and v.message[0].isupper() and "\n" not in v.message
    assert v.severity == "Violation"


def test_nothing_else_is_reported(broken: ValidationReport, sample_kg: kgraph.KnowledgeGraph) -> None:
    assert not broken.conforms
    faulty = {_short(b.focus(sample_kg)) for b in BREAKAGES.values()}
    assert faulty <= {v.focus for v in broken.violations}
    # besides: the articles and mentions that point at the entity of two kinds (sh:node kgsh:AnEntity)
    others = [v for v in broken.violations if v.focus not in faulty]
    assert others and all((v.component, v.value) == ("Node", _short("person/joko-widodo")) for v in others), others
    assert {v.path for v in others} == {"schema:mentions", "kg:mentionOf"}


def test_violations_name_the_offending_value(broken: ValidationReport, sample_kg: kgraph.KnowledgeGraph) -> None:
    (lang,) = [v for v in broken.violations if v.focus == _short(TATU) and v.component == "LanguageIn"]
    assert lang.value == '"Ratu Tatu Chasanah"'
    (other_province,) = [v for v in broken.violations if v.component == "SPARQL"]
    assert other_province.value == _short("region/52.07")
    assert "province's code" in other_province.message
    assert broken.violations == tuple(sorted(broken.violations, key=lambda v: (v.focus, v.path, v.message, v.value)))


def test_a_presidential_post_without_institution_conforms(sample_kg: kgraph.KnowledgeGraph,
                                                          sample_nt: list[str]) -> None:
    """org:postIn is optional: "Presiden" is in no institution the text names."""
    joko = next(iter(sample_kg.find("Joko Widodo")))
    assert [p["org"] for p in sample_kg.posts(joko)] == [""]
    posts = [line for line in sample_nt if line.startswith(f"{_nt(joko)} <{ORG}holds> ")]
    assert posts and not any(line.startswith(posts[0].split(" ")[2] + f" <{ORG}postIn>") for line in sample_nt)


def test_format_violations_is_one_line_each_and_cuts_long_ids() -> None:
    long_focus = "kgr:mention\\/" + "x" * 100 + "\\/person\\/ratu-tatu-chasanah"
    table = format_violations((
        Violation(long_focus, "kg:startOffset", "A mention has one kg:startOffset", '"-1"^^xsd:integer', "MinInclusive"),
        Violation("kgr:person\\/a", "", "An entity is exactly one kind " + "y" * 300),
    ))
    lines = table.splitlines()
    assert len(lines) == 4
    assert lines[0].split() == ["focus", "path", "message"]
    assert "ratu-tatu-chasanah" in lines[2] and "…" in lines[2]  # cut in the middle: the name stays
    assert '(value: "-1"^^xsd:integer)' in lines[2]
    assert lines[3].endswith("…") and len(lines[3]) < 250
    assert "  -  " in lines[3]  # no path: a dash


# --------------------------------------------------------------------------- the command


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return int(code), captured.out, captured.err


def test_exit_code_for_violations_is_1() -> None:
    assert ExitCode.VIOLATIONS == 1 and ExitCode.VIOLATIONS is ExitCode.SKIPPED  # an alias: one table row


def test_validate_command_on_the_demo_build(sample_out: Path, sample_nt: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["validate", str(sample_out)], capsys)
    assert (code, err) == (0, "")
    assert out == f"kgraph: {sample_out / 'graph.ttl'}: conforms ({len(sample_nt):,} triples)\n"


def test_validate_command_lists_the_three_faults(sample_nt: list[str], sample_kg: kgraph.KnowledgeGraph,
                                                 tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = sample_nt
    for name in ("official-without-post", "label-without-language-tag", "article-without-identifier"):
        lines = BREAKAGES[name].edit(lines, sample_kg)
    broken = _write(tmp_path / "broken.ttl", lines)
    code, out, err = _run(["validate", str(broken)], capsys)
    assert (code, err) == (1, "")
    rows = out.splitlines()
    assert rows[0].split() == ["focus", "path", "message"] and set(rows[1]) == {"-", " "}
    official = _short(_one_post_official(sample_kg))
    expected = [
        (_short(A4), "dcterms:identifier", "An article has exactly one dcterms:identifier"),
        (official, "org:holds", "An official holds at least one org:Post"),
        (_short(TATU), "skos:prefLabel", "An entity has exactly one skos:prefLabel, tagged @id"),
    ]
    for focus, path, message in expected:
        assert any(row.split()[:2] == [focus, path] and message in row for row in rows[2:]), (focus, path)
    assert rows[-1].startswith(f"kgraph: {broken}: does not conform: ") and " on 3 nodes (" in rows[-1]


@pytest.mark.parametrize(("content", "reason"), [
    pytest.param(b"<a:b> <a:c> \"x\" .\n<a:b> <a:c> \n", "invalid Turtle at line 3, column 1: ", id="truncated"),
    pytest.param(b"@prefix kg: <x> .\n", "invalid Turtle at line 1, column ", id="relative-iri"),
    pytest.param(b"<a:b> <a:c> \"caf\xe9\" .\n", "invalid Turtle at line 1, column ", id="latin-1"),
    pytest.param(b"", "no triples in this file", id="empty"),
])
def test_unreadable_turtle_exits_3_in_one_line(content: bytes, reason: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "graph.ttl"
    bad.write_bytes(content)
    for target in (bad, tmp_path):  # the file, or the directory holding it
        code, out, err = _run(["validate", str(target)], capsys)
        assert (code, out) == (3, "")
        (line,) = err.splitlines()
        assert line.startswith(f"kgraph: error: {bad}: {reason}"), line


def test_missing_path_and_empty_directory_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["validate", str(tmp_path / "nope.ttl")], capsys)
    assert code == 3 and err == f"kgraph: error: {tmp_path / 'nope.ttl'}: no such file or directory\n"
    code, _, err = _run(["validate", str(tmp_path)], capsys)
    assert code == 3 and err.startswith(f"kgraph: error: {tmp_path}: no graph.ttl or graph.nt")
    with pytest.raises(kgraph.RdfFileError) as info:
        validate(tmp_path / "nope.ttl")
    assert info.value.path == str(tmp_path / "nope.ttl") and info.value.reason == "no such file or directory"


def test_validate_without_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["validate"], capsys)
    assert (code, out) == (2, "") and "usage: kgraph validate" in err
