"""Extraction engines: in-process, a local process pool, or a Dask cluster.

Extraction is the part of a build that scales: each article is extracted on its own
(:func:`kgraph.extract` is a pure function), so articles can be spread over processes or
machines. Every engine takes an iterator of articles and yields their extractions in input
order, with the article text removed (nothing after extraction reads it). Articles are taken
from the iterator in bounded batches, at most two batches in flight, so memory does not grow
with the size of the input; only the extractions are kept.

Dask is imported only when the Dask engine runs.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import chain
from typing import Any

from kgraph.errors import EngineError
from kgraph.extract import extract, nlp
from kgraph.model import Article, Extraction

log = logging.getLogger("kgraph")

#: Articles per batch taken from the input: a few hundred keeps every process busy while
#: bounding what is read ahead. A batch also ends at BATCH_BYTES of text.
BATCH_ARTICLES = 256
BATCH_BYTES = 16 * 1024 * 1024
#: Below this many articles, ``jobs=None`` extracts in-process: starting a process (importing
#: spaCy, building the pipeline: about 5 s) costs more than it saves on a small input.
AUTO_MIN_ARTICLES = 200
# Dask embeds a batch's articles in the task graph and warns about graphs over 10 MB.
_DASK_BATCH_BYTES = 4 * 1024 * 1024

ENGINES = ("local", "dask")


@dataclass
class EngineReport:
    """How extraction ran, filled in as it runs (for the build's summary)."""

    description: str = "in-process"
    extracted: int = 0


def extract_lean(article: Article) -> Extraction:
    """:func:`kgraph.extract`, with the text dropped from the returned article record.

    Module-level so that process pools and Dask workers can pickle it by name.
    """
    ex = extract(article)
    return dataclasses.replace(ex, article=dataclasses.replace(ex.article, text=""))


def _batches(articles: Iterable[Article], max_articles: int, max_bytes: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    size = 0
    for art in articles:
        batch.append(art)
        size += len(art.text)
        if len(batch) >= max_articles or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _counted(extractions: Iterable[Extraction], report: EngineReport) -> Iterator[Extraction]:
    for ex in extractions:
        report.extracted += 1
        yield ex


def extract_local(articles: Iterable[Article], jobs: int | None, report: EngineReport) -> Iterator[Extraction]:
    """Extract *articles* in-process (``jobs=1``) or in a pool of up to *jobs* processes.

    ``jobs=None`` means all cores, except that an input of fewer than
    :data:`AUTO_MIN_ARTICLES` articles is extracted in-process. A pool never has more
    processes than there are articles. Results come back in input order
    (``Executor.map``); each worker process builds the spaCy pipeline once. Workers are
    spawned, so a script that builds with a pool must guard its entry point
    (``if __name__ == "__main__":``), as :mod:`multiprocessing` requires.
    """
    batches = _batches(articles, BATCH_ARTICLES, BATCH_BYTES)
    head = list(_take(batches, 2))  # two batches: enough to know whether the input is small
    n_head = sum(len(b) for b in head)
    if jobs is None:
        jobs = 1 if len(head) < 2 and n_head < AUTO_MIN_ARTICLES else (os.cpu_count() or 1)
    workers = min(jobs, n_head) if len(head) < 2 else jobs
    all_batches = chain(head, batches)
    if workers <= 1:
        yield from _counted((extract_lean(a) for batch in all_batches for a in batch), report)
        return
    report.description = f"in {workers} processes"
    log.info("extracting in %d worker processes", workers)
    # spawn, not fork: a forked child of a process that runs threads (a Dask client, a GUI)
    # can deadlock, and fork is no longer the default from Python 3.14 anyway
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker)
    try:
        pending: deque[Iterator[Extraction]] = deque()
        for batch in all_batches:
            chunksize = max(1, min(16, len(batch) // (workers * 4)))
            pending.append(pool.map(extract_lean, batch, chunksize=chunksize))
            if len(pending) > 1:  # keep the next batch queued while this one is collected
                yield from _counted(pending.popleft(), report)
        while pending:
            yield from _counted(pending.popleft(), report)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker() -> None:
    """A pool worker's start: build the pipeline, then take it out of the collector's reach.

    ``gc.freeze`` moves every object alive now (spaCy, the lexicons) to a generation the
    cyclic collector never walks again: each collection then looks at the current
    article's objects only (see :mod:`kgraph._gc`).
    """
    try:
        nlp()
    except Exception:  # the first extraction raises it again, as the ModelError the build reports
        return
    gc.freeze()


def _take(it: Iterator[list[Article]], n: int) -> Iterator[list[Article]]:
    for _ in range(n):
        batch = next(it, None)
        if batch is None:
            return
        yield batch


def extract_dask(
    articles: Iterable[Article],
    *,
    client: Any = None,
    scheduler: str | None = None,
    jobs: int | None,
    report: EngineReport,
) -> Iterator[Extraction]:
    """Extract *articles* on a Dask cluster: each batch is a ``dask.bag`` mapped with :func:`extract_lean`.

    Args:
        client: a ``distributed.Client`` to use (left open).
        scheduler: else the address of a scheduler to connect to (``tcp://host:8786``).
        jobs: else the number of worker processes of a ``LocalCluster`` started for this
            build (``None``: all cores); one thread each, since extraction holds the GIL.

    Raises:
        EngineError: dask is not installed, the scheduler cannot be reached, or a worker
            cannot import kgraph or runs another kgraph (version or language data).
    """
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError(f"the dask engine needs dask[distributed] ({exc}); "
                          "install it with: pip install 'kgraph[dask]'") from exc
    articles = iter(articles)
    first = next(articles, None)
    if first is None:  # everything came from the cache: no cluster to start or reach
        return
    with ExitStack() as stack:
        if client is None and scheduler is not None:
            try:
                client = stack.enter_context(Client(scheduler, set_as_default=False))
            except (OSError, ValueError, TypeError) as exc:  # TimeoutError is an OSError
                raise EngineError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from exc
        elif client is None:
            try:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=":0"))  # any free port: 8787 may be taken
            except Exception as exc:  # distributed wraps whatever went wrong in a RuntimeError
                raise EngineError(f"cannot start a local Dask cluster: {exc}") from exc
            client = stack.enter_context(Client(cluster, set_as_default=False))
        threads = _check_workers(client)
        report.description = f"on Dask at {client.scheduler.address} ({threads} worker thread{'s' * (threads != 1)})"
        log.info("extracting on the Dask cluster at %s (%d worker threads)", client.scheduler.address, threads)
        batch_size = max(BATCH_ARTICLES, 32 * threads)
        pending: deque[Any] = deque()
        for batch in _batches(chain([first], articles), batch_size, _DASK_BATCH_BYTES):
            partition = max(1, min(32, -(-len(batch) // (2 * threads))))
            bag = db.from_sequence(batch, partition_size=partition).map(extract_lean)
            pending.append(client.compute(bag))
            if len(pending) > 1:
                yield from _counted(pending.popleft().result(), report)
        while pending:
            yield from _counted(pending.popleft().result(), report)


def _check_workers(client: Any) -> int:
    """The cluster's worker threads, after checking every worker extracts exactly as this process would."""
    from kgraph._cache import fingerprint

    try:
        client.wait_for_workers(1, timeout=60)
        remote = client.run(fingerprint)
    except Exception as exc:  # a worker without kgraph fails to unpickle the function, and so on
        raise EngineError(f"cannot run kgraph on the Dask workers of {client.scheduler.address}: "
                          f"{type(exc).__name__}: {exc}") from exc
    local = fingerprint()
    differ = sorted(addr for addr, fp in remote.items() if fp != local)
    if differ:
        raise EngineError(f"Dask worker {differ[0]} runs another kgraph version or other language data than "
                          f"this process ({len(differ)} of {len(remote)} workers differ); install the same kgraph "
                          "everywhere")
    return sum(client.nthreads().values()) or 1
