"""kgraph's errors: one root, one line each.

    KgraphError
    ├── InputError                 a file or record that cannot be read as articles
    │   ├── MissingInputError      the path does not exist
    │   ├── UnreadableInputError   the file exists but cannot be read (permissions, I/O error)
    │   ├── EmptyInputError        the file (or the text of a record) is empty
    │   ├── BinaryInputError       the file is not text (NUL bytes)
    │   ├── EncodingError          the file is not valid UTF-8
    │   ├── MalformedRecordError   a JSONL line is not a JSON object with id and text
    │   ├── InputTooLargeError     the file is larger than the size limit
    │   └── UnsupportedInputError  not a .txt or .jsonl file, nor a directory
    ├── ModelError                 the language pipeline cannot be built
    ├── EngineError                the Dask engine cannot run: dask missing, scheduler unreachable, workers differ
    ├── CacheError                 the extraction cache an update needs is missing, corrupt or from another kgraph
    ├── OutputError                an output file cannot be written
    │   ├── GraphFileError         a graph.json that cannot be loaded
    │   └── RdfFileError           a graph.ttl (or .nt, or store) that cannot be read for validate or query
    └── QueryError                 a SPARQL query that cannot be parsed or run

``str(err)`` is the whole one-line message, and it names the file (with the
line for JSONL records). Bad input is recorded and skipped; the other articles
still build.
"""

from __future__ import annotations

import os


class KgraphError(Exception):
    """Root of every error kgraph raises for bad data or a broken environment."""


class InputError(KgraphError):
    """An input path or record that cannot be read as articles.

    Attributes:
        path: the file, as given.
        lineno: the 1-based line of a JSONL record, or ``None``.
        reason: what is wrong, without the location.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, lineno: int | None = None):
        self.path = os.fspath(path)
        self.lineno = lineno
        self.reason = reason
        where = f"{self.path}:{lineno}" if lineno is not None else self.path
        super().__init__(f"{where}: {reason}")


class MissingInputError(InputError):
    """The input path does not exist."""


class UnreadableInputError(InputError):
    """The file exists but cannot be read (permissions, an I/O error)."""


class EmptyInputError(InputError):
    """The file, or the text of a record, is empty."""


class BinaryInputError(InputError):
    """The file holds binary data, not text."""


class EncodingError(InputError):
    """The file is not valid UTF-8."""

    def __init__(self, path: str | os.PathLike[str], reason: str, offset: int | None = None):
        self.offset = offset
        super().__init__(path, reason)


class MalformedRecordError(InputError):
    """A JSONL line is not a JSON object with a string ``id`` and ``text``."""


class InputTooLargeError(InputError):
    """The file is larger than the configured size limit."""


class UnsupportedInputError(InputError):
    """The path is neither a directory, a ``.txt`` file nor a ``.jsonl`` file."""


class ModelError(KgraphError):
    """The spaCy pipeline or kgraph's language data cannot be loaded."""


class EngineError(KgraphError):
    """The Dask engine cannot run the extraction.

    Raised when ``dask[distributed]`` is not installed (``pip install 'kgraph[dask]'``),
    when the scheduler cannot be reached, or when a worker runs another kgraph
    (another version or other language data) than the client.
    """


class CacheError(KgraphError):
    """The extraction cache of an earlier build cannot be used for an update.

    An update (``kgraph build --update OUTDIR``) needs the cache of the build in
    OUTDIR, because it does not read that build's inputs again. A plain build
    ignores an unusable cache (with a logged warning) and replaces it.

    Attributes:
        path: the cache directory, or the file in it that is wrong.
        reason: what is wrong, without the path.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str):
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(KgraphError):
    """An output file cannot be written; earlier outputs are left untouched."""

    def __init__(self, path: str | os.PathLike[str], reason: str):
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class GraphFileError(OutputError):
    """A ``graph.json`` file that cannot be loaded back into a graph."""


class RdfFileError(OutputError):
    """A ``graph.ttl`` (or N-Triples file, or Oxigraph store) that cannot be read: missing, or not valid RDF.

    ``reason`` gives the line and column of a syntax error.
    """


class QueryError(KgraphError):
    """A SPARQL query that cannot be parsed or evaluated, or a query file that cannot be read.

    Attributes:
        path: the query file, or ``None`` for a query given as text.
        reason: what is wrong ("SPARQL syntax error at line 2, column 7: ...").
    """

    def __init__(self, reason: str, path: str | os.PathLike[str] | None = None):
        self.path = os.fspath(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)
