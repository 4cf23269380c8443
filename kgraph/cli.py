"""The ``kgraph`` command: a thin layer over the library.

Exit codes (:class:`ExitCode`): 0 all inputs built (validate: the graph
conforms; query: answered); 1 built, but some inputs were skipped (each named
on stderr), or (validate) the graph breaks a shape; 2 usage error; 3 fatal
error, nothing written (validate, query: unreadable graph, bad query).
"""

from __future__ import annotations

import argparse
import enum
import functools
import logging
import sys
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import kgraph
from kgraph._io import unlink_quietly, write_atomic
from kgraph.errors import KgraphError, OutputError
from kgraph.ingest import MAX_TXT_BYTES
from kgraph.model import Article, Skipped


class ExitCode(enum.IntEnum):
    """Process exit codes of the ``kgraph`` command."""

    OK = 0
    SKIPPED = 1
    VIOLATIONS = 1  # the same code for ``kgraph validate``: the graph does not conform
    USAGE = 2
    FATAL = 3


_EXIT_HELP = "Exit codes: 0 all built; 1 built, some inputs skipped; 2 usage error; 3 fatal, nothing written."
_VALIDATE_EXIT_HELP = "Exit codes: 0 conforms; 1 some shape is broken (each violation listed); 2 usage error; " \
                      "3 the graph cannot be read."
_QUERY_EXIT_HELP = "Exit codes: 0 answered; 2 usage error; 3 the graph cannot be read or the query is invalid."
_EXPLAIN_EXIT_HELP = "Exit codes: 0 explained; 1 no entity has that name; 2 usage error; 3 graph.json cannot be read."
_COMMANDS = (
    "Commands:\n"
    "  kgraph build INPUT... -o/--output OUTDIR [-j/--jobs N] [--engine local|dask] [--scheduler ADDRESS]\n"
    "               [--max-article-bytes N] [--ntriples] [-q/--quiet] [--debug]\n"
    "  kgraph build --update OUTDIR NEW_INPUT... [the same options]\n"
    "  kgraph validate PATH [--debug]\n"
    "  kgraph query PATH [SPARQL] [--file QUERY.rq] [--format table|csv|json] [--debug]\n"
    "  kgraph explain PATH NAME [--debug]\n\n"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kgraph",
        description="Build a knowledge graph of Indonesian local-government news, offline.",
        epilog=_COMMANDS + _EXIT_HELP + " (validate: 1 when the graph breaks a shape.)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = sub.add_parser(
        "build",
        help="build graph.ttl, graph.json and graph.html from articles",
        description="Read articles (.txt files, directories of them, .jsonl files), extract officials, "
                    "institutions, regions and events, and write graph.ttl, graph.json and graph.html "
                    "into OUTDIR, with an extraction cache in OUTDIR/cache/ that later builds reuse (and "
                    "--update OUTDIR needs). Unreadable inputs are skipped with a one-line error each.",
        epilog=_EXIT_HELP,
    )
    build.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="a .txt article (optional leading 'URL:' line; first line is the title), "
                            "a directory of them, or a .jsonl file (id, text; optional title, url, date)")
    target = build.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="OUTDIR",
                        help="directory for graph.ttl, graph.json and graph.html (created if missing), "
                             "and the extraction cache OUTDIR/cache/")
    target.add_argument("--update", metavar="OUTDIR",
                        help="add the INPUTs to the graph built earlier in OUTDIR (instead of -o): its articles "
                             "come from OUTDIR/cache/, an article with an id seen before is replaced, and "
                             "OUTDIR is rewritten as a full build of all of them would write it")
    build.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                       help="extract articles in N processes (default: all cores, but an input of fewer than "
                            "200 articles is extracted in-process; 1: always in-process); with --engine dask "
                            "and no --scheduler, the number of workers of the local Dask cluster")
    build.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="where extraction runs: local (default: this machine) or dask (a Dask cluster; "
                            "needs pip install 'kgraph[dask]'); resolution always runs here")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the address of a running Dask scheduler (tcp://HOST:8786); "
                            "without it a local Dask cluster is started for the build")
    build.add_argument("--max-article-bytes", type=int, default=MAX_TXT_BYTES, metavar="N",
                       help=f"skip a .txt article larger than N bytes (default {MAX_TXT_BYTES:,})")
    build.add_argument("--ntriples", action="store_true",
                       help="also write graph.nt: the same triples as graph.ttl, as N-Triples (one a line)")
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    build.add_argument("--debug", action="store_true", help="show a traceback on errors")
    build.set_defaults(usage_error=build.error)

    validate = sub.add_parser(
        "validate",
        help="check a graph.ttl against kgraph's SHACL shapes",
        description="Check a graph written by kgraph build against kgraph's SHACL shapes (ontology/shapes.ttl) "
                    "with pySHACL, without inference. Prints 'conforms', or one line per violation: "
                    "the node, the property path and the rule it breaks.",
        epilog=_VALIDATE_EXIT_HELP,
    )
    validate.add_argument("path", metavar="PATH",
                          help="a graph.ttl or graph.nt file, an output directory holding one, "
                               "or an Oxigraph store directory")
    validate.add_argument("--debug", action="store_true", help="show a traceback on errors")

    query = sub.add_parser(
        "query",
        help="run a SPARQL query on a graph.ttl",
        description="Run a SPARQL query on a graph written by kgraph build, in an in-memory Oxigraph store. "
                    "The prefixes of graph.ttl (kg:, kgr:, org:, schema:, skos:, prov:, dcterms:, foaf:, rdf:, "
                    "rdfs:, xsd:) are declared for a query that does not declare them.",
        epilog=_QUERY_EXIT_HELP,
    )
    query.add_argument("path", metavar="PATH",
                       help="a graph.ttl or graph.nt file, an output directory holding one, "
                            "or an Oxigraph store directory")
    query.add_argument("sparql", nargs="?", metavar="SPARQL", help="the query (or give --file)")
    query.add_argument("--file", metavar="QUERY.rq", help="read the query from this file (e.g. queries/bupati-wali-kota.rq)")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="table (default: aligned, IRIs shortened), csv or json (IRIs in full)")
    query.add_argument("--debug", action="store_true", help="show a traceback on errors")
    query.set_defaults(usage_error=query.error)

    explain = sub.add_parser(
        "explain",
        help="show why the mentions of an entity were merged into one node",
        description="Look NAME up (by name or alias, case and accents ignored) in a graph.json written by "
                    "kgraph build, and print each matching entity's identity rule (why its mentions are one "
                    "node) and every mention: the article, the text as written and the sentence.",
        epilog=_EXPLAIN_EXIT_HELP,
    )
    explain.add_argument("path", metavar="PATH", help="a graph.json file, or an output directory holding one")
    explain.add_argument("name", metavar="NAME", help="a name or alias, e.g. 'Tatu' or 'Pemkab Serang'")
    explain.add_argument("--debug", action="store_true", help="show a traceback on errors")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


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
        args, extras = parser.parse_known_args(argv)
        if extras and args.command == "query" and args.sparql is None and len(extras) == 1 \
                and not extras[0].startswith("-"):
            # "kgraph query out --format csv 'SELECT ...'": before Python 3.12.7, argparse leaves
            # an optional positional that follows an option unparsed
            args.sparql = extras[0]
        elif extras:
            parser.error(f"unrecognized arguments: {' '.join(extras)}")
        if args.command == "query" and (args.sparql is None) == (args.file is None):
            args.usage_error("give the query either as SPARQL or with --file")  # exits 2, like argparse
        if args.command == "build" and args.scheduler is not None and args.engine != "dask":
            args.usage_error("--scheduler needs --engine dask")
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    # the library's warnings (an extraction cache it had to ignore) reach the user as one line each
    warnings = logging.StreamHandler(sys.stderr)
    warnings.setLevel(logging.ERROR if getattr(args, "quiet", False) else logging.WARNING)
    warnings.setFormatter(logging.Formatter("kgraph: warning: %(message)s"))
    logging.getLogger("kgraph").addHandler(warnings)
    try:
        return {"build": _build, "validate": _validate, "query": _query, "explain": _explain}[args.command](args)
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
    finally:
        logging.getLogger("kgraph").removeHandler(warnings)


def _build(args: argparse.Namespace) -> int:
    from kgraph._build import run

    started = time.monotonic()
    update = args.update is not None
    if update:
        args.output = args.update  # --update OUTDIR: the graph built there is read and rewritten
    progress = _Progress(sys.stderr, args.quiet)
    kg, stats, write_cache = run(args.inputs, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                                 cache=Path(args.output) / "cache", update=update, on_article=progress,
                                 max_bytes=args.max_article_bytes)
    progress.close()
    for item in kg.skipped:
        print(f"kgraph: skipped: {item.error}", file=sys.stderr)
    n_articles = len(kg.articles())
    if n_articles == 0:
        print("kgraph: error: no article could be read; nothing written", file=sys.stderr)
        return ExitCode.FATAL
    kg.write(args.output)
    written = "graph.ttl, graph.json, graph.html"
    if args.ntriples:
        from kgraph.rdf import write_ntriples

        write_atomic(Path(args.output) / "graph.nt", functools.partial(write_ntriples, kg))
        written += ", graph.nt"
    try:
        write_cache()  # after the graph: the cache describes the graph in OUTDIR, or is gone
        written += ", cache/"
    except OutputError as exc:  # shown even with -q: the next --update depends on it
        unlink_quietly(str(Path(args.output) / "cache" / "manifest.json"))
        print(f"kgraph: warning: the graph is written, but not its extraction cache: {exc}; "
              "the next build extracts every article again, and --update needs a full build first", file=sys.stderr)
    if not args.quiet:
        types = Counter(d["type"] for _, d in kg.nx.nodes(data=True) if d["type"] != "Article")
        posts = sum(len(d.get("posts", [])) for _, d in kg.nx.nodes(data=True))
        summary = ", ".join(f"{types[t]} {t}" for t in
                            ("Official", "Person", "Institution", "Regency", "City", "Province", "Event") if types[t])
        how = f"{stats.extracted} extracted{' ' + stats.engine if stats.extracted else ''}, " \
              f"{stats.cached} from the cache"
        kept = f"; {stats.kept} kept from the earlier build, {n_articles} in the graph" if update else ""
        print(f"kgraph: {stats.read} articles read, {len(kg.skipped)} skipped, "
              f"{time.monotonic() - started:.1f} s ({how}){kept}")
        print(f"kgraph: entities: {summary or 'none'}; {posts} posts; {types['Event']} events")
        print(f"kgraph: wrote {args.output}/{written}")
    return ExitCode.SKIPPED if kg.skipped else ExitCode.OK


def _validate(args: argparse.Namespace) -> int:
    from kgraph.validate import format_violations, validate

    # rdflib logs a traceback for each ill-typed literal ("abc"^^xsd:integer); the shapes
    # report those as violations already, in one line each
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    report = validate(args.path)
    if report.conforms:
        print(f"kgraph: {report.path}: conforms ({report.triples:,} triples)")
        return ExitCode.OK
    print(format_violations(report.violations))
    n = len(report.violations)
    nodes = len({v.focus for v in report.violations})
    print(f"kgraph: {report.path}: does not conform: {n} violation{'s' if n != 1 else ''} "
          f"on {nodes} node{'s' if nodes != 1 else ''} ({report.triples:,} triples)")
    return ExitCode.VIOLATIONS


def _explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    path = Path(args.path)
    kg = kgraph.load(path / "graph.json" if path.is_dir() else path)
    found = kg.explain(args.name)
    if not found:
        print(f"kgraph: no entity named {args.name!r}", file=sys.stderr)
        return ExitCode.SKIPPED
    for n, ent in enumerate(found):
        if n:
            print()
        aliases = ", ".join(ent["aliases"]) or "none"
        print(f"{ent['id']}  {ent['type']}  {ent['name']!r}")
        print(f"  aliases: {aliases}")
        print(f"  why one node: {ent['identity']}")
        for m in ent["mentions"]:
            print(f"  [{m['article']}] {m['text']!r}: {m['sentence']}")
    return ExitCode.OK


def _query(args: argparse.Namespace) -> int:
    from kgraph.query import format_result, query, read_query

    sparql = read_query(args.file) if args.file is not None else args.sparql
    result = query(args.path, sparql, query_path=args.file)
    sys.stdout.write(format_result(result, args.format))
    return ExitCode.OK
