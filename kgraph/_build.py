"""``kgraph.build``: every stage, from paths to a :class:`~kgraph.graph.KnowledgeGraph`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from kgraph.extract import extract
from kgraph.graph import KnowledgeGraph, from_resolution
from kgraph.ingest import MAX_TXT_BYTES, read_articles
from kgraph.model import Article, Extraction, Skipped
from kgraph.resolve import resolve


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_article: Callable[[Article | Skipped], None] | None = None,
    max_bytes: int = MAX_TXT_BYTES,
) -> KnowledgeGraph:
    """Run every stage: read *paths*, extract each article, resolve, and return the graph.

    Args:
        paths: ``.txt`` files, ``.jsonl`` files and directories of them.
        on_article: called with each article read (or each input skipped),
            for progress reporting.
        max_bytes: the largest ``.txt`` article accepted; larger files are skipped.

    Returns:
        The :class:`KnowledgeGraph`; inputs that could not be read are in
        its ``skipped`` attribute, each with a one-line error.

    >>> kg = build(["data"])
    >>> "person/ratu-tatu-chasanah" in kg.officials("Kabupaten Serang")
    True
    """
    if isinstance(paths, (str, os.PathLike)):
        raise TypeError("build() takes a list of paths, not a single path")
    skipped: list[Skipped] = []
    extractions: list[Extraction] = []
    for item in read_articles(paths, max_bytes=max_bytes):
        if on_article is not None:
            on_article(item)
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        extractions.append(extract(item))
    return from_resolution(resolve(extractions), skipped)
