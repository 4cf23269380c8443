"""``kgraph.build``: every stage, from paths to a :class:`~kgraph.graph.KnowledgeGraph`.

The orchestrator: it reads the inputs (streaming), looks each article up in the extraction
cache, hands the others to an extraction engine (:mod:`kgraph._engine`), resolves all
extractions on this node, writes the cache (:mod:`kgraph._cache`) and builds the graph.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgraph import _cache, _gc
from kgraph._engine import ENGINES, EngineReport, extract_dask, extract_local
from kgraph.graph import KnowledgeGraph, from_resolution
from kgraph.ingest import MAX_TXT_BYTES, read_articles
from kgraph.model import Article, Extraction, Skipped
from kgraph.resolve import Resolver

log = logging.getLogger("kgraph")


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What a build did, for the command's summary line."""

    read: int  # articles read from the inputs
    skipped: int  # inputs (files or JSONL lines) that could not be read
    extracted: int  # articles extracted by this build
    cached: int  # articles read whose extraction came from the cache
    kept: int  # articles of the earlier build kept by an update (not among the new inputs)
    engine: str  # how extraction ran: "in-process", "in 4 processes", "on Dask at ..."


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    engine: str = "local",
    client: Any = None,
    scheduler: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    update: bool = False,
    on_article: Callable[[Article | Skipped], None] | None = None,
    max_bytes: int = MAX_TXT_BYTES,
) -> KnowledgeGraph:
    """Run every stage: read *paths*, extract each article, resolve, and return the graph.

    Extraction can run in parallel (*jobs*, *engine*); resolution always runs here, on all
    extractions at once. Every way of running gives the same graph, byte for byte.

    Args:
        paths: ``.txt`` files, ``.jsonl`` files and directories of them.
        jobs: processes for extraction: 1 (the default) extracts in this process, N in a
            pool of N worker processes (never more than there are articles), ``None`` all
            cores (``os.cpu_count()``), or in-process for an input of fewer than 200
            articles, where starting workers costs more than it saves. Workers are
            spawned: a script that uses them needs ``if __name__ == "__main__":``. With
            ``engine="dask"`` and no *client* or *scheduler*: the number of workers of the
            local cluster started for the build.
        engine: ``"local"`` (this machine) or ``"dask"`` (a Dask cluster; needs
            ``pip install 'kgraph[dask]'``).
        client: with ``engine="dask"``, a ``distributed.Client`` to run on (left open).
        scheduler: with ``engine="dask"``, else the address of a scheduler
            (``"tcp://host:8786"``); with neither, a ``LocalCluster`` runs for the build.
        cache: a directory for the extraction cache (the command uses ``OUTDIR/cache``).
            Articles whose content is cached are not extracted again, and the cache is
            replaced by this build's extractions (unless no article was read).
        update: add *paths* to the build whose cache is *cache* instead of building them
            alone: the graph holds that build's articles plus the new ones (an article
            with an id seen before replaces the old one). Needs *cache*.
        on_article: called with each article read (or each input skipped),
            for progress reporting.
        max_bytes: the largest ``.txt`` article accepted; larger files are skipped.

    Returns:
        The :class:`KnowledgeGraph`; inputs that could not be read are in
        its ``skipped`` attribute, each with a one-line error.

    Raises:
        CacheError: *update* and the cache is missing, corrupt, or from another kgraph.
        EngineError: the Dask engine cannot run.
        OutputError: the cache cannot be written.

    >>> kg = build(["data"])
    >>> "person/ratu-tatu-chasanah" in kg.officials("Kabupaten Serang")
    True
    """
    kg, _, commit = run(paths, jobs=jobs, engine=engine, client=client, scheduler=scheduler, cache=cache,
                        update=update, on_article=on_article, max_bytes=max_bytes)
    commit()
    return kg


def run(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = 1,
    engine: str = "local",
    client: Any = None,
    scheduler: str | None = None,
    cache: str | os.PathLike[str] | None = None,
    update: bool = False,
    on_article: Callable[[Article | Skipped], None] | None = None,
    max_bytes: int = MAX_TXT_BYTES,
) -> tuple[KnowledgeGraph, BuildStats, Callable[[], None]]:
    """:func:`build`, also returning what it did and the function that writes the cache.

    The command writes the graph first and the cache after it, so that the cache always
    describes the graph in OUTDIR: a build that fails to write its graph leaves the old
    graph and the old cache. The returned function does nothing without *cache*, or when
    no article was read.
    """
    if isinstance(paths, (str, os.PathLike)):
        raise TypeError("build() takes a list of paths, not a single path")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"jobs must be a positive integer or None, not {jobs!r}")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(map(repr, ENGINES))}, not {engine!r}")
    if engine != "dask" and (client is not None or scheduler is not None):
        raise ValueError("client and scheduler are for engine='dask'")
    if client is not None and scheduler is not None:
        raise ValueError("give a Dask client or a scheduler address, not both")
    if update and cache is None:
        raise ValueError("update=True needs the cache of the earlier build (cache=OUTDIR/cache)")

    previous = _cache.load(cache, required=update) if cache is not None else _cache.Previous()
    skipped: list[Skipped] = []
    # Each extraction is folded into the resolution as it arrives, and handed to the cache's
    # shard writer: neither the articles nor their extractions are held until the end.
    resolver = Resolver()
    writer = _cache.ShardWriter(cache) if cache is not None else None
    live: dict[str, str] = {}  # article id -> content key, of every article of the graph
    keys: dict[str, str] = {}  # article id -> content key, for the articles sent to extraction
    counts = {"read": 0, "cached": 0}

    def take(art_id: str, key: str, ex: Extraction, store: bool) -> None:
        live[art_id] = key
        resolver.add(ex)
        if store and writer is not None:
            writer.add(key, ex)

    def uncached() -> Iterator[Article]:
        for item in read_articles(paths, max_bytes=max_bytes):
            if on_article is not None:
                on_article(item)
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            counts["read"] += 1
            key = _cache.article_key(item)
            hit = previous.extractions.get(key)
            if hit is None:
                keys[item.id] = key
                yield item
                continue
            counts["cached"] += 1
            record = dataclasses.replace(item, text="")
            changed = hit.article != record  # same content, other file: keep the extraction, update the record
            take(item.id, key, dataclasses.replace(hit, article=record) if changed else hit, store=changed)

    report = EngineReport()
    if engine == "dask":
        extractions = extract_dask(uncached(), client=client, scheduler=scheduler, jobs=jobs, report=report)
    else:
        extractions = extract_local(uncached(), jobs, report)
    # (a Dask client runs threads of its own: the collector stays on for them)
    with _gc.paused() if engine == "local" else contextlib.nullcontext():
        for ex in extractions:
            take(ex.article.id, keys.pop(ex.article.id), ex, store=True)
    with _gc.paused():
        kept = 0
        if update:  # the earlier build's articles that no new input replaced (by id)
            for art_id, key in previous.articles.items():
                if art_id not in live:
                    take(art_id, key, previous.extractions[key], store=False)
                    kept += 1
        stats = BuildStats(read=counts["read"], skipped=len(skipped), extracted=report.extracted,
                           cached=counts["cached"], kept=kept, engine=report.description)
        log.info("%d articles read (%d extracted%s, %d from the cache), %d inputs skipped%s", stats.read,
                 stats.extracted, f" {stats.engine}" if stats.extracted else "", stats.cached, stats.skipped,
                 f"; {kept} articles kept from the earlier build" if update else "")
        # (resolution does not depend on the order the extractions came in)
        resolution = resolver.result()
        del resolver  # what it held that the resolution does not is freed before the graph is built
        kg = from_resolution(resolution, skipped)
        del resolution

    def commit() -> None:
        if writer is not None and live:
            _cache.commit(previous, live, writer)

    return kg, stats, commit
