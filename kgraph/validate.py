"""Checking kgraph's RDF output against its SHACL shapes (``ontology/shapes.ttl``) with pySHACL.

The shapes say what a SPARQL user may rely on: every official holds a post, every post has
one role, every entity one ``@id`` label and at least one article that mentions it, every
region its Kemendagri code and (below a province) its province. They are checked without
inference, because ``graph.ttl`` states each node's superclasses itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyshacl
import rdflib
from pyoxigraph import RdfFormat
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kgraph._rdffile import locate, read_bytes
from kgraph.errors import RdfFileError
from kgraph.rdf import shorten

__all__ = ["SHAPES", "ValidationReport", "Violation", "format_violations", "validate"]

#: The shapes kgraph ships: ``ontology/shapes.ttl`` (``kgraph/ontology`` links to it in a checkout,
#: and the wheel holds a copy).
SHAPES = (Path(__file__).parent / "ontology" / "shapes.ttl").resolve()


@dataclass(frozen=True, slots=True)
class Violation:
    """One way the graph breaks a shape.

    Terms are written as in SPARQL and Turtle, IRIs shortened with :data:`kgraph.rdf.PREFIXES`
    (``kgr:person\\/joko-widodo``, ``"Bupati"@id``).

    Attributes:
        focus: the node that breaks the rule.
        path: the property path checked (``org:holds``, ``^schema:mentions`` for an inverse
            path), or "" for a rule about the node itself.
        message: the rule, in English (the shape's ``sh:message``).
        value: the offending value, or "" when a value is missing rather than wrong.
        component: the SHACL constraint broken ("MinCount", "LanguageIn", "Class", ...).
        severity: "Violation", "Warning" or "Info".
    """

    focus: str
    path: str
    message: str
    value: str = ""
    component: str = ""
    severity: str = "Violation"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes:
        path: the RDF file (or store directory) that was checked.
        triples: how many triples it holds.
        conforms: True when no shape is broken.
        violations: every broken rule, sorted by focus node, path and message.
    """

    path: Path
    triples: int
    conforms: bool
    violations: tuple[Violation, ...]


def _lexical(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def _term(node: Node | None) -> str:
    """A term as SPARQL writes it."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return shorten(str(node))
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        if node.language:
            return f"{_lexical(str(node))}@{node.language}"
        if node.datatype is None or node.datatype == XSD.string:
            return _lexical(str(node))
        return f"{_lexical(str(node))}^^{shorten(str(node.datatype))}"
    return str(node)


def _path(results: rdflib.Graph, node: Node | None) -> str:
    """A SHACL property path in SPARQL property-path syntax."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return shorten(str(node))
    assert isinstance(node, BNode)
    if (node, RDF.first, None) in results:
        return "/".join(_path(results, n) for n in Collection(results, node))
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                      (SH.zeroOrOnePath, "{}?")):
        inner = results.value(node, pred)
        if inner is not None:
            return fmt.format(_path(results, inner))
    alternatives = results.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(results, n) for n in Collection(results, alternatives)) + ")"
    return "(path)"


def _message(results: rdflib.Graph, result: Node) -> str:
    messages = sorted(results.objects(result, SH.resultMessage),
                      key=lambda m: (getattr(m, "language", None) not in ("en", None), str(m)))
    return " ".join(str(messages[0]).split()) if messages else ""


def _violations(results: rdflib.Graph) -> Iterator[Violation]:
    for result in results.subjects(RDF.type, SH.ValidationResult):
        component = str(results.value(result, SH.sourceConstraintComponent) or "")
        severity = str(results.value(result, SH.resultSeverity) or SH.Violation)
        yield Violation(
            focus=_term(results.value(result, SH.focusNode)),
            path=_path(results, results.value(result, SH.resultPath)),
            message=_message(results, result),
            value=_term(results.value(result, SH.value)),
            component=component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent"),
            severity=severity.rsplit("#", 1)[-1],
        )


def _rdflib_graph(data: bytes, fmt: RdfFormat, where: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    try:
        graph.parse(data=data, format="nt" if fmt == RdfFormat.N_TRIPLES else "turtle")
    except Exception as exc:  # pyoxigraph accepted it; rdflib's errors span lines, so keep the first
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise RdfFileError(where, f"rdflib cannot read it: {first}") from exc
    return graph


def validate(path: str | os.PathLike[str], *, shapes: str | os.PathLike[str] | None = None) -> ValidationReport:
    r"""Check a graph against kgraph's SHACL shapes.

    Args:
        path: a ``graph.ttl`` (or ``graph.nt``) file, or a directory holding one (an output
            directory of ``kgraph build``), or an Oxigraph store directory.
        shapes: a SHACL shapes file to use instead of :data:`SHAPES`.

    Returns:
        A :class:`ValidationReport`; ``conforms`` is False when any shape is broken.

    Raises:
        RdfFileError: the graph (or the shapes file) is missing, unreadable, not valid RDF,
            or empty.

    A region without its code, and without the article that should mention it:

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as out:
    ...     with open(f"{out}/graph.ttl", "w", encoding="utf-8") as fh:
    ...         _ = fh.write('''@prefix kg: <https://w3id.org/kgraph/ontology#> .
    ...             @prefix schema: <https://schema.org/> .
    ...             @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ...             <https://w3id.org/kgraph/id/region/36> a kg:Province , kg:Region , schema:AdministrativeArea ;
    ...                 skos:prefLabel "Banten"@id .''')
    ...     report = validate(out)
    >>> report.conforms, report.triples
    (False, 4)
    >>> print(format_violations(report.violations))
    focus           path               message
    --------------  -----------------  -----------------------------------------------------------------------------------------
    kgr:region\/36  ^kg:mentionOf      An entity has at least one kg:Mention giving where an article names it
    kgr:region\/36  ^schema:mentions   An entity is mentioned (schema:mentions) by at least one kg:Article, and only by articles
    kgr:region\/36  kg:kemendagriCode  A region has exactly one kg:kemendagriCode, "NN" (province) or "NN.NN" (regency, city)
    kgr:region\/36  rdfs:label         An entity's rdfs:label repeats its skos:prefLabel (value: "Banten"@id)
    """
    source = locate(path)
    data, fmt, count = read_bytes(source)
    graph = _rdflib_graph(data, fmt, source.path)
    shapes_file = locate(SHAPES if shapes is None else shapes)
    shapes_data, shapes_fmt, _ = read_bytes(shapes_file)
    shapes_graph = _rdflib_graph(shapes_data, shapes_fmt, shapes_file.path)
    conforms, results, _text = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none")
    assert isinstance(results, rdflib.Graph)
    violations = sorted(_violations(results), key=lambda v: (v.focus, v.path, v.message, v.value))
    return ValidationReport(source.path, count, bool(conforms), tuple(violations))


def _fit(text: str, width: int, *, middle: bool = False) -> str:
    """*text* cut to *width* characters with "…", at the end or (for identifiers) in the middle."""
    if len(text) <= width:
        return text
    if middle:
        head = (width - 1) // 2
        return text[:head] + "…" + text[len(text) - (width - 1 - head):]
    return text[:width - 1] + "…"


def format_violations(violations: Sequence[Violation], *, focus_width: int = 56, path_width: int = 28,
                      message_width: int = 140) -> str:
    """The violations as an aligned text table, one line each: focus node, path, message (and value).

    Long focus nodes are cut in the middle (both the kind and the name stay readable), long
    messages at the end.
    """
    rows = [("focus", "path", "message")]
    for v in violations:
        message = f"{v.message} (value: {_fit(v.value, 48, middle=True)})" if v.value else v.message
        rows.append((_fit(v.focus, focus_width, middle=True), _fit(v.path or "-", path_width),
                     _fit(message, message_width)))
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    lines = []
    for n, (focus, path, message) in enumerate(rows):
        lines.append(f"{focus.ljust(widths[0])}  {path.ljust(widths[1])}  {message}".rstrip())
        if n == 0:
            lines.append(f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * min(message_width, max(len(r[2]) for r in rows))}")
    return "\n".join(lines)
