"""Time each stage of a kgraph build, against spaCy's tokenizer alone on the same texts.

    .venv/bin/python benchmarks/bench.py [INPUT ...] [--repeat N]

INPUT defaults to the demo corpus ``data/``. ``--repeat N`` processes the
articles N times (as distinct articles) so that timings are not dominated by
start-up. Figures are for this machine; the ratio to the tokenizer baseline,
measured in the same run, is what compares across machines.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import tempfile
import time
from pathlib import Path

import spacy

import kgraph
from kgraph.graph import from_resolution
from kgraph.model import Article
from kgraph.rdf import to_turtle
from kgraph.viz import render_html


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", default=[str(Path(__file__).resolve().parent.parent / "data")])
    ap.add_argument("--repeat", type=int, default=20, help="process the articles N times (default 20)")
    args = ap.parse_args()

    base = [a for a in kgraph.read_articles(args.inputs) if isinstance(a, Article)]
    articles = [dataclasses.replace(a, id=f"{a.id}-{n}") for n in range(args.repeat) for a in base]
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles ({len(base)} distinct x {args.repeat}), {chars / len(articles):,.0f} chars each")

    kgraph.nlp()  # load the pipeline outside the timings
    tok = spacy.blank("id")
    t0 = time.perf_counter()
    for a in articles:
        tok(a.text)
    t_tok = time.perf_counter() - t0

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    extractions = [kgraph.extract(a) for a in articles]
    times["extract"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    res = kgraph.resolve(extractions)
    times["resolve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    kg = from_resolution(res)
    times["graph"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ttl = to_turtle(kg)
    times["turtle"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    kg.to_json()
    times["json"] = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        render_html(kg.nx, Path(tmp) / "graph.html")
        times["html"] = time.perf_counter() - t0

    n = len(articles)
    triples = ttl.count(b" .\n")
    print(f"tokenizer alone      {n / t_tok:9.0f} articles/s")
    print(f"extraction           {n / times['extract']:9.0f} articles/s  ({t_tok / times['extract']:.2f} x tokenizer)")
    total = sum(times.values())
    print(f"end to end           {n / total:9.0f} articles/s  ({t_tok / total:.2f} x tokenizer)")
    for stage, t in times.items():
        print(f"  {stage:8} {t:8.3f} s")
    print(f"graph: {kg.nx.number_of_nodes()} nodes, {kg.nx.number_of_edges()} edges, ~{triples} Turtle statements")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
