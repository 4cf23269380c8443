"""SPARQL over kgraph's RDF output, with pyoxigraph: results as plain Python values.

The prefixes of ``graph.ttl`` (:data:`kgraph.rdf.PREFIXES`: ``kg:``, ``kgr:``, ``org:``,
``schema:``, ``skos:``, ...) are declared for every query that does not declare them itself.

>>> import tempfile
>>> import kgraph
>>> from kgraph.query import query
>>> kg = kgraph.build(["data/002_96725414e4c5d2ed.txt"])
>>> with tempfile.TemporaryDirectory() as out:
...     _ = kg.write(out)
...     result = query(out, '''SELECT ?name ?role WHERE {
...         ?person org:holds/org:role/skos:prefLabel ?role ; skos:prefLabel ?name
...     } ORDER BY ?name''')
>>> result.variables
('name', 'role')
>>> ("Ratu Tatu Chasanah", "Bupati") in result.rows
True
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Triple

from kgraph._rdffile import locate, open_store
from kgraph.errors import QueryError
from kgraph.rdf import PREFIXES, shorten

__all__ = ["IRI", "BlankNodeId", "FORMATS", "QueryResult", "Value", "format_csv", "format_json", "format_result",
           "format_table", "load_store", "query", "read_query"]

FORMATS = ("table", "csv", "json")


class IRI(str):
    """An IRI in a query result: a ``str`` holding the whole IRI, told apart from a literal string."""

    __slots__ = ()


class BlankNodeId(str):
    """A blank node in a query result: a ``str`` holding its label (kgraph's own graphs have none)."""

    __slots__ = ()


#: A value in a result row: an :class:`IRI`, a :class:`BlankNodeId`, a literal's Python value
#: (``int``, ``float``, ``bool``, otherwise its text), or ``None`` for an unbound variable.
Value = str | int | float | bool | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong",
                                     "unsignedInt", "unsignedShort", "unsignedByte")}
_FLOATS = {f"{_XSD}{t}" for t in ("decimal", "double", "float")}
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_SPARQL_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a SPARQL query.

    ``SELECT`` gives its variables and one tuple per solution; ``ASK`` the variable ``ask`` and
    one row holding ``True`` or ``False``; ``CONSTRUCT`` and ``DESCRIBE`` the variables
    ``subject``, ``predicate``, ``object`` and a row per triple.

    Attributes:
        variables: the column names, without ``?``.
        rows: the rows, each value a :data:`Value`.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def dicts(self) -> list[dict[str, Value]]:
        """The rows as dicts from variable name to value."""
        return [dict(zip(self.variables, row)) for row in self.rows]


def _value(term: object) -> Value:
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return IRI(term.value)
    if isinstance(term, BlankNode):
        return BlankNodeId(term.value)
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value  # an ill-typed literal: its text
        if datatype == f"{_XSD}boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, Triple):  # RDF-star: a quoted triple, written as N-Triples
        return str(term)
    raise TypeError(f"unexpected RDF term {term!r}")


def _with_prefixes(sparql: str) -> tuple[str, int]:
    """*sparql* with a ``PREFIX`` line for each of :data:`kgraph.rdf.PREFIXES` it does not declare.

    Returns:
        The query and how many lines were added before it (0 or 1).
    """
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    if not missing:
        return sparql, 0
    return " ".join(missing) + "\n" + sparql, 1


def load_store(source: str | os.PathLike[str]) -> Store:
    """A pyoxigraph store holding the graph at *source*, to run several queries on.

    Args:
        source: a ``graph.ttl`` or ``graph.nt`` file, a directory holding one (an output
            directory of ``kgraph build``), or an Oxigraph store directory (opened read-only).

    Raises:
        RdfFileError: nothing readable as RDF is there.
    """
    return open_store(locate(source))


def read_query(path: str | os.PathLike[str]) -> str:
    """The text of a query file (a ``.rq`` file).

    Raises:
        QueryError: the file cannot be read or is not UTF-8.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise QueryError("no such query file", path) from exc
    except UnicodeDecodeError as exc:
        raise QueryError(f"not valid UTF-8 (byte {exc.start})", path) from exc
    except OSError as exc:
        raise QueryError(f"cannot read: {exc.strerror or exc}", path) from exc


def _syntax_error(exc: SyntaxError, added_lines: int, query_path: str | os.PathLike[str] | None) -> QueryError:
    message = str(exc.args[0]) if exc.args else str(exc)
    m = _SPARQL_ERROR.search(message)
    if m:
        line = int(m.group(1))
        line = line - added_lines if line > added_lines else line
        reason = f"SPARQL syntax error at line {line}, column {m.group(2)}: {' '.join(m.group(3).split())}"
    else:
        reason = f"SPARQL syntax error: {' '.join(message.split())}"
    return QueryError(reason, query_path)


def query(source: str | os.PathLike[str] | Store, sparql: str, *,
          query_path: str | os.PathLike[str] | None = None) -> QueryResult:
    """Run a SPARQL query on a graph.

    Args:
        source: what :func:`load_store` takes (a ``graph.ttl``, an output directory, a store
            directory), or a loaded ``pyoxigraph.Store``.
        sparql: the query. The prefixes of :data:`kgraph.rdf.PREFIXES` it does not declare
            are declared for it.
        query_path: the file the query was read from, named in error messages.

    Returns:
        A :class:`QueryResult` of plain Python values.

    Raises:
        RdfFileError: the graph cannot be read.
        QueryError: the query is not valid SPARQL (the message gives its line and column),
            or cannot be evaluated.
    """
    store = source if isinstance(source, Store) else load_store(source)
    text, added = _with_prefixes(sparql)
    try:
        answer = store.query(text)
        if isinstance(answer, QueryBoolean):
            return QueryResult(("ask",), ((bool(answer),),))
        if isinstance(answer, QuerySolutions):
            variables = tuple(v.value for v in answer.variables)
            rows = tuple(tuple(_value(solution[v]) for v in variables) for solution in answer)
            return QueryResult(variables, rows)
        triples = tuple((_value(t.subject), _value(t.predicate), _value(t.object)) for t in answer)
        return QueryResult(("subject", "predicate", "object"), triples)
    except SyntaxError as exc:
        raise _syntax_error(exc, added, query_path) from exc
    except (OSError, ValueError, RuntimeError) as exc:  # evaluation: SERVICE, a store error, ...
        raise QueryError(f"SPARQL query failed: {' '.join(str(exc).split())}", query_path) from exc


# ----------------------------------------------------------------------------- output


def _width(text: str) -> int:
    """Columns *text* takes on a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, IRI):
        return shorten(value)
    if isinstance(value, BlankNodeId):
        return f"_:{value}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")


def format_table(result: QueryResult) -> str:
    """An aligned text table: literal values bare, IRIs shortened with :data:`kgraph.rdf.PREFIXES`.

    Numbers are right-aligned; the last line counts the rows.

    >>> print(format_table(QueryResult(("name", "n"), (("Banten", 6), ("Jawa Tengah", 1)))))
    name         n
    -----------  -
    Banten       6
    Jawa Tengah  1
    (2 rows)
    """
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([_width(name)] + [_width(row[i]) for row in cells]) for i, name in enumerate(result.variables)]
    numeric = [bool(result.rows) and all(isinstance(row[i], (int, float)) and not isinstance(row[i], bool)
                                         for row in result.rows if row[i] is not None)
               for i in range(len(result.variables))]

    def line(values: Iterable[str], right: list[bool]) -> str:
        parts = []
        for text, width, r in zip(values, widths, right):
            pad = " " * (width - _width(text))
            parts.append(pad + text if r else text + pad)
        return "  ".join(parts).rstrip()

    out = [line(result.variables, numeric), "  ".join("-" * w for w in widths)]
    out.extend(line(row, numeric) for row in cells)
    out.append(f"({len(cells)} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(out)


def _plain(value: Value) -> str | int | float | bool | None:
    return str(value) if isinstance(value, (IRI, BlankNodeId)) else value


def format_csv(result: QueryResult) -> str:
    """CSV with a header row; IRIs in full, unbound variables empty, booleans ``true``/``false``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if v is None else ("true" if v else "false") if isinstance(v, bool)
                         else _plain(v) for v in row])
    return buffer.getvalue()


def format_json(result: QueryResult) -> str:
    """JSON: ``{"variables": [...], "rows": [{variable: value}, ...]}``, IRIs in full, unbound as null."""
    rows = [{k: _plain(v) for k, v in zip(result.variables, row)} for row in result.rows]
    return json.dumps({"variables": list(result.variables), "rows": rows}, ensure_ascii=False, indent=1) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """*result* in one of :data:`FORMATS`, ending with a newline.

    Raises:
        ValueError: an unknown format.
    """
    if fmt == "table":
        return format_table(result) + "\n"
    if fmt == "csv":
        return format_csv(result)
    if fmt == "json":
        return format_json(result)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
