"""The ``kgraph`` command: a thin layer over the library.

Exit codes (:class:`ExitCode`): 0 all inputs built; 1 built, but some inputs
were skipped (each named on stderr); 2 usage error; 3 fatal error, nothing
written.
"""

from __future__ import annotations

import argparse
import enum
import sys
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

import kgraph
from kgraph.errors import KgraphError
from kgraph.ingest import MAX_TXT_BYTES
from kgraph.model import Article, Skipped


class ExitCode(enum.IntEnum):
    """Process exit codes of the ``kgraph`` command."""

    OK = 0
    SKIPPED = 1
    USAGE = 2
    FATAL = 3


_EXIT_HELP = "Exit codes: 0 all built; 1 built, some inputs skipped; 2 usage error; 3 fatal, nothing written."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kgraph",
        description="Build a knowledge graph of Indonesian local-government news, offline.",
        epilog="Commands:\n  kgraph build INPUT... -o/--output OUTDIR [--max-article-bytes N] [-q/--quiet] [--debug]\n\n" + _EXIT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = sub.add_parser(
        "build",
        help="build graph.ttl, graph.json and graph.html from articles",
        description="Read articles (.txt files, directories of them, .jsonl files), extract officials, "
                    "institutions, regions and events, and write graph.ttl, graph.json and graph.html "
                    "into OUTDIR. Unreadable inputs are skipped with a one-line error each.",
        epilog=_EXIT_HELP,
    )
    build.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="a .txt article (optional leading 'URL:' line; first line is the title), "
                            "a directory of them, or a .jsonl file (id, text; optional title, url, date)")
    build.add_argument("-o", "--output", required=True, metavar="OUTDIR",
                       help="directory for graph.ttl, graph.json and graph.html (created if missing)")
    build.add_argument("--max-article-bytes", type=int, default=MAX_TXT_BYTES, metavar="N",
                       help=f"skip a .txt article larger than N bytes (default {MAX_TXT_BYTES:,})")
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    build.add_argument("--debug", action="store_true", help="show a traceback on errors")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kgraph")
    except PackageNotFoundError:
        return "unknown"


class _Progress:
    """A one-line progress counter on stderr, shown only for many articles on a terminal."""

    def __init__(self, stream: TextIO, quiet: bool):
        self.stream = stream
        self.enabled = not quiet and stream.isatty()
        self.count = 0
        self.start = time.monotonic()

    def __call__(self, item: Article | Skipped) -> None:
        self.count += 1
        if self.enabled and self.count % 50 == 0:
            rate = self.count / max(time.monotonic() - self.start, 1e-9)
            self.stream.write(f"\rkgraph: {self.count} articles read ({rate:.0f}/s)")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.count >= 50:
            self.stream.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kgraph`` command; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return _build(args)
    except KgraphError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"kgraph: error: {exc}", file=sys.stderr)
        return ExitCode.FATAL
    except Exception as exc:  # a bug: still exit 3 (nothing written), never 1 ("some inputs skipped")
        if args.debug:
            traceback.print_exc()
        print(f"kgraph: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return ExitCode.FATAL


def _build(args: argparse.Namespace) -> int:
    started = time.monotonic()
    progress = _Progress(sys.stderr, args.quiet)
    kg = kgraph.build(args.inputs, on_article=progress, max_bytes=args.max_article_bytes)
    progress.close()
    for item in kg.skipped:
        print(f"kgraph: skipped: {item.error}", file=sys.stderr)
    n_articles = len(kg.articles())
    if n_articles == 0:
        print("kgraph: error: no article could be read; nothing written", file=sys.stderr)
        return ExitCode.FATAL
    kg.write(args.output)
    if not args.quiet:
        types = Counter(d["type"] for _, d in kg.nx.nodes(data=True) if d["type"] != "Article")
        posts = sum(len(d.get("posts", [])) for _, d in kg.nx.nodes(data=True))
        summary = ", ".join(f"{types[t]} {t}" for t in
                            ("Official", "Person", "Institution", "Regency", "City", "Province", "Event") if types[t])
        print(f"kgraph: {n_articles} articles read, {len(kg.skipped)} skipped, {time.monotonic() - started:.1f} s")
        print(f"kgraph: entities: {summary or 'none'}; {posts} posts; {types['Event']} events")
        print(f"kgraph: wrote {args.output}/graph.ttl, graph.json, graph.html")
    return ExitCode.SKIPPED if kg.skipped else ExitCode.OK
