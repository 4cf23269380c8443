"""Reading kgraph's RDF output back: a graph.ttl or graph.nt file, or an Oxigraph store directory.

Shared by :mod:`kgraph.validate` and :mod:`kgraph.query`. pyoxigraph parses first, so a
syntax error becomes one line with its line and column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store, parse

from kgraph.errors import RdfFileError

#: Files looked for, in this order, in a directory given instead of a file.
GRAPH_FILES = ("graph.ttl", "graph.nt")

#: pyoxigraph's "at line 3 column 1: ...", "between line 2 column 13 and line 3 column 1: ...",
#: "at line 1 between columns 13 and 16: ...".
_PARSE_ERROR = re.compile(
    r"line (\d+)(?: column (\d+)| between columns (\d+) and \d+)(?: and line \d+ column \d+)?: (.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class RdfSource:
    """Where the RDF is: a file (with its format), or an Oxigraph store directory."""

    path: Path
    format: RdfFormat | None  # None: an Oxigraph store


def _is_store(directory: Path) -> bool:
    # an Oxigraph (RocksDB) store directory holds CURRENT and OPTIONS-* files
    return (directory / "CURRENT").is_file() and any(directory.glob("OPTIONS-*"))


def locate(path: str | os.PathLike[str]) -> RdfSource:
    """The RDF at *path*: the file itself, or a directory's graph.ttl, graph.nt or Oxigraph store.

    Raises:
        RdfFileError: nothing RDF is there.
    """
    p = Path(path)
    if p.is_dir():
        for name in GRAPH_FILES:
            if (p / name).is_file():
                return locate(p / name)
        if _is_store(p):
            return RdfSource(p, None)
        raise RdfFileError(p, f"no {' or '.join(GRAPH_FILES)} (nor an Oxigraph store) in this directory")
    if not p.exists():
        raise RdfFileError(p, "no such file or directory")
    fmt = RdfFormat.N_TRIPLES if p.suffix.lower() == ".nt" else RdfFormat.TURTLE
    return RdfSource(p, fmt)


def _syntax_error(path: Path, fmt: RdfFormat, exc: SyntaxError) -> RdfFileError:
    message = str(exc.args[0]) if exc.args else str(exc)
    kind = "N-Triples" if fmt == RdfFormat.N_TRIPLES else "Turtle"
    m = _PARSE_ERROR.search(message)
    if m:
        column = m.group(2) or m.group(3)
        reason = " ".join(m.group(4).split())
        return RdfFileError(path, f"invalid {kind} at line {m.group(1)}, column {column}: {reason}")
    return RdfFileError(path, f"invalid {kind}: {' '.join(message.split())}")


def read_bytes(source: RdfSource) -> tuple[bytes, RdfFormat, int]:
    """The RDF of *source* as bytes in a format rdflib reads, with the number of triples.

    A store's default graph is dumped as N-Triples.

    Raises:
        RdfFileError: the file cannot be read, is not valid RDF, or holds no triples.
    """
    if source.format is None:
        store = open_store(source)
        data = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
        assert isinstance(data, bytes)  # no output file given: pyoxigraph returns the bytes
        return data, RdfFormat.N_TRIPLES, len(store)
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise RdfFileError(source.path, f"cannot read: {exc.strerror or exc}") from exc
    try:
        count = sum(1 for _ in parse(data, format=source.format))
    except SyntaxError as exc:
        raise _syntax_error(source.path, source.format, exc) from exc
    if count == 0:
        raise RdfFileError(source.path, "no triples in this file")
    return data, source.format, count


def open_store(source: RdfSource) -> Store:
    """An in-memory store loaded with the file of *source*, or its store directory opened read-only.

    Raises:
        RdfFileError: the file or store cannot be read, or is not valid RDF.
    """
    if source.format is None:
        try:
            return Store.read_only(str(source.path))
        except OSError as exc:
            raise RdfFileError(source.path, f"cannot open the Oxigraph store: {' '.join(str(exc).split())}") from exc
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise RdfFileError(source.path, f"cannot read: {exc.strerror or exc}") from exc
    store = Store()
    try:
        store.load(data, source.format)
    except SyntaxError as exc:
        raise _syntax_error(source.path, source.format, exc) from exc
    return store
