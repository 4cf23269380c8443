"""The extraction cache of an output directory (``OUTDIR/cache/``), for fast and incremental builds.

Layout::

    OUTDIR/cache/
        manifest.json     the commit point: format, fingerprint, article id -> content key, shard list
        <sha256>.pkl      shards: pickled tuples of (content key, Extraction), named by their own SHA-256

An article's content key is the SHA-256 of its id, title, URL, date and cleaned text
(:func:`article_key`). The cache as a whole is valid for one :func:`fingerprint`: the cache
format, the versions of kgraph and spaCy, and the bytes of everything extraction depends on
(``extract.py``, ``model.py``, ``_text.py``, ``lang/id/*.py`` and the data files), so editing a
lexicon or upgrading kgraph invalidates it. Extractions are stored without the article text
(graphs never show it, and it is most of the size).

Shards are written once and never changed: a build writes its new extractions to new shards
and then replaces ``manifest.json`` (both atomically, through :mod:`kgraph._io`), and only after
that deletes the shards no article refers to any more. A shard whose entries are more than half
dead (articles replaced or dropped) has its live entries rewritten into a new shard, so the
cache stays within about twice the size of its live extractions.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import io
import json
import logging
import os
import pickle
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgraph._io import unlink_quietly, write_atomic
from kgraph.errors import CacheError, OutputError
from kgraph.model import Article, Extraction

log = logging.getLogger("kgraph")

#: Bumped whenever the layout of the manifest or of a shard changes.
CACHE_FORMAT = 1
MANIFEST = "manifest.json"
#: Extractions per shard: large enough to keep the file count low for 100,000 articles, small
#: enough that one pickled shard (a few MB) is cheap to hold in memory while it is written.
SHARD_ENTRIES = 1000
_SHARD_NAME = re.compile(r"^[0-9a-f]{64}\.pkl$")
# the records a shard may hold; anything else in a pickle is refused (see _Unpickler)
_MODEL_CLASSES = frozenset({"Article", "Evidence", "Mention", "Relation", "Quote", "Extraction", "EntityType"})


def article_key(article: Article) -> str:
    """The content key of an article: SHA-256 of its id, title, URL, date and text.

    The path is not part of it: a file that moved keeps its extraction (the stored
    record's path is updated).

    >>> from kgraph.model import Article
    >>> a = Article("x", "x.txt", "Judul", "Isi.")
    >>> len(article_key(a)), article_key(a) == article_key(Article("x", "moved/x.txt", "Judul", "Isi."))
    (64, True)
    """
    fields = [article.id, article.title, article.url, article.date, article.text]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def fingerprint() -> str:
    """What a cached extraction depends on besides its article, as one SHA-256.

    The cache format, kgraph's and spaCy's versions, and the bytes of the modules and data
    files that extraction reads. Computed on every call (a few hundred kB of hashing), so a
    lexicon edited while a process runs is noticed.
    """
    h = hashlib.sha256(f"kgraph-cache {CACHE_FORMAT} {_version('kgraph')} spacy {_version('spacy')}\n".encode())
    root = importlib.resources.files("kgraph")
    files = [root / "extract.py", root / "model.py", root / "_text.py"]
    lang = root / "lang" / "id"
    files += sorted((p for p in lang.iterdir() if p.name.endswith(".py")), key=lambda p: p.name)
    files += sorted((p for p in (lang / "data").iterdir() if p.is_file()), key=lambda p: p.name)
    for f in files:
        data = f.read_bytes()
        h.update(f"{f.name} {len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


class _Unpickler(pickle.Unpickler):
    """Loads only kgraph's records: a shard that names any other class is corrupt, not code to run."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "kgraph.model" and name in _MODEL_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected class {module}.{name}")


@dataclass
class Previous:
    """The cache an earlier build left: its articles and their extractions.

    Attributes:
        articles: article id -> content key, for every article of that build.
        extractions: content key -> extraction (article text removed).
        shards: shard file name -> the content keys it holds.
    """

    directory: Path | None = None
    articles: dict[str, str] = field(default_factory=dict)
    extractions: dict[str, Extraction] = field(default_factory=dict)
    shards: dict[str, tuple[str, ...]] = field(default_factory=dict)


def load(directory: str | os.PathLike[str], *, required: bool) -> Previous:
    """Read the cache in *directory*.

    Args:
        directory: ``OUTDIR/cache``.
        required: an update needs the cache. When true, a missing, corrupt or stale cache
            raises :class:`CacheError`; when false it is ignored (a missing one silently,
            a stale one with an info record, a corrupt one with a warning) and an empty
            :class:`Previous` is returned, for the build to replace.

    Raises:
        CacheError: only when *required*.
    """
    path = Path(directory)
    try:
        return _load(path)
    except _Missing as exc:
        if required:
            raise CacheError(exc.path, exc.reason) from exc
    except CacheError as exc:
        if required:  # the update cannot go on: the earlier build's inputs are not read again
            raise CacheError(exc.path, f"{exc.reason}; {_REBUILD}") from exc
        if isinstance(exc, _Stale):  # expected after an upgrade or a lexicon edit
            log.info("not using the extraction cache %s: %s", exc.path, exc.reason)
        else:
            log.warning("ignoring the extraction cache: %s", exc)
    return Previous(directory=path)


class _Missing(CacheError):
    """No cache in the directory (not an error for a plain build)."""


class _Stale(CacheError):
    """A sound cache made by another kgraph or with other language data."""


_REBUILD = "rebuild from all inputs with kgraph build INPUT... -o OUTDIR"


def _load(path: Path) -> Previous:
    manifest_path = path / MANIFEST
    try:
        raw = manifest_path.read_bytes()
    except FileNotFoundError as exc:
        raise _Missing(path, "no extraction cache of an earlier build here (build into this directory first)") from exc
    except OSError as exc:
        raise CacheError(manifest_path, f"cannot read the extraction cache: {exc.strerror or exc}") from exc
    try:
        manifest = json.loads(raw)
        if not isinstance(manifest, dict):
            raise TypeError("not a JSON object")
        if manifest.get("format") != CACHE_FORMAT or manifest.get("fingerprint") != fingerprint():
            raise _Stale(path, "extraction cache made by another kgraph version or with other language data")
        articles, shards = manifest["articles"], manifest["shards"]
        if not (isinstance(articles, dict) and isinstance(shards, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in articles.items())
                and all(isinstance(k, str) and isinstance(v, str) for k, v in shards.items())):
            raise TypeError("articles and shards must map strings to strings")
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise CacheError(manifest_path, f"corrupt extraction cache manifest ({type(exc).__name__}: {exc})") from exc
    prev = Previous(directory=path, articles=dict(articles))
    for name, digest in sorted(shards.items()):
        prev.shards[name] = _load_shard(path, name, digest, prev.extractions)
    missing = sorted(set(prev.articles.values()) - prev.extractions.keys())
    if missing:
        raise CacheError(manifest_path, f"corrupt extraction cache: {len(missing)} articles have no stored "
                                        "extraction")
    return prev


def _load_shard(path: Path, name: str, digest: str, into: dict[str, Extraction]) -> tuple[str, ...]:
    shard = path / name
    if not _SHARD_NAME.match(name):
        raise CacheError(path / MANIFEST, f"corrupt extraction cache manifest (bad shard name {name!r})")
    try:
        data = shard.read_bytes()
    except OSError as exc:
        raise CacheError(shard, f"cannot read the extraction cache: {exc.strerror or exc}") from exc
    if hashlib.sha256(data).hexdigest() != digest:
        raise CacheError(shard, "corrupt extraction cache (checksum mismatch)")
    try:
        entries = _Unpickler(io.BytesIO(data)).load()
        if not isinstance(entries, tuple):
            raise TypeError("not a tuple")
        keys = []
        for key, ex in entries:
            if not (isinstance(key, str) and isinstance(ex, Extraction)):
                raise TypeError("an entry is not a (key, Extraction) pair")
            into.setdefault(key, ex)
            keys.append(key)
    except Exception as exc:  # whatever a damaged pickle raises, it is a corrupt cache
        raise CacheError(shard, f"corrupt extraction cache ({type(exc).__name__}: {exc})") from exc
    return tuple(keys)


class ShardWriter:
    """Writes a build's new extractions to shards while the build runs, SHARD_ENTRIES at a time.

    A build hands each extraction over as it arrives and need not keep it: a full shard is
    pickled and written at once. Shards are named by their SHA-256 and no manifest names them
    until :func:`commit`, so a build that fails leaves the cache as it was (its stray shards
    are deleted by the next commit). A shard that cannot be written does not stop the build:
    the writer keeps the error, writes nothing more, and :func:`commit` raises it.
    """

    def __init__(self, directory: str | os.PathLike[str]):
        self.path = Path(directory)
        self.shards: dict[str, str] = {}  # shard file name -> digest, of the shards written
        self.stored: set[str] = set()  # the content keys in them
        self.error: OutputError | None = None
        self._pending: dict[str, Extraction] = {}

    def add(self, key: str, extraction: Extraction) -> None:
        """Store *extraction* (text removed) under its content *key*."""
        if self.error is None:
            self._pending[key] = extraction
            if len(self._pending) >= SHARD_ENTRIES:
                self.flush()

    def take_pending(self) -> dict[str, Extraction]:
        """The extractions added since the last shard was written (the writer forgets them)."""
        pending, self._pending = self._pending, {}
        return pending

    def flush(self) -> None:
        """Write what is pending as one shard."""
        if not self._pending or self.error is not None:
            return
        entries = tuple(sorted(self.take_pending().items()))
        try:
            _make_dir(self.path)
            digest = _write_shard(self.path, entries)
        except OutputError as exc:
            self.error = exc
            return
        self.shards[f"{digest}.pkl"] = digest
        self.stored.update(k for k, _ in entries)


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(path, f"cannot create the cache directory: {exc.strerror or exc}") from exc


def _write_shard(path: Path, entries: tuple[tuple[str, Extraction], ...]) -> str:
    data = pickle.dumps(entries, protocol=5)
    digest = hashlib.sha256(data).hexdigest()
    write_atomic(path / f"{digest}.pkl", data)
    return digest


def commit(previous: Previous, live: Mapping[str, str], written: ShardWriter) -> None:
    """Write the cache of a build: its last shard(s), then the manifest, then remove dead shards.

    Args:
        previous: the cache the build started from (its shards are reused where they hold
            live entries).
        live: article id -> content key, for every article of the build.
        written: the writer the build handed its new extractions to (every key of *live*
            not already stored unchanged in a previous shard); the cache is its directory
            (``OUTDIR/cache``, created if missing).

    Raises:
        OutputError: a file cannot be written; the previous manifest then still describes
            the previous build.
    """
    path = written.path
    if written.error is not None:
        raise written.error
    _make_dir(path)
    live_keys = set(live.values())
    pending = written.take_pending()  # the new extractions no shard holds yet
    shards = dict(written.shards)
    new_keys = written.stored | pending.keys()
    stored = set(new_keys)
    for name, keys in sorted(previous.shards.items()):
        alive = [k for k in keys if k in live_keys and k not in new_keys]
        if alive and 2 * len(alive) >= len(keys):
            shards[name] = _digest_of(name)
            stored.update(alive)
    # what is left: the pending extractions, and the live entries of previous shards that are
    # mostly dead, rewritten together into new shards
    fresh = sorted(k for k in live_keys if k not in stored or k in pending)
    for start in range(0, len(fresh), SHARD_ENTRIES):
        entries = tuple((k, pending[k] if k in pending else previous.extractions[k])
                        for k in fresh[start:start + SHARD_ENTRIES])
        digest = _write_shard(path, entries)
        shards[f"{digest}.pkl"] = digest
    manifest = {"format": CACHE_FORMAT, "fingerprint": fingerprint(), "articles": dict(sorted(live.items())),
                "shards": dict(sorted(shards.items()))}
    write_atomic(path / MANIFEST, (json.dumps(manifest, indent=0, sort_keys=True) + "\n").encode("utf-8"))
    for old in _shard_files(path):
        if old.name not in shards:
            unlink_quietly(str(old))


def _digest_of(name: str) -> str:
    return name.removesuffix(".pkl")


def _shard_files(path: Path) -> Iterable[Path]:
    try:
        return [p for p in path.iterdir() if _SHARD_NAME.match(p.name)]
    except OSError:
        return []
