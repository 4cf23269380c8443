"""The benchmark corpus generator (``benchmarks/corpus.py``, issue 8): seeded, sized, buildable."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import kgraph

CORPUS_PY = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus.py"


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kgraph_bench_corpus", CORPUS_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_corpus(corpus: ModuleType) -> None:
    first = list(corpus.generate(40, seed=5))
    assert first == list(corpus.generate(40, seed=5))
    assert first[:10] == list(corpus.generate(10, seed=5))  # a prefix does not depend on n
    other = list(corpus.generate(40, seed=6))
    assert [r["text"] for r in other] != [r["text"] for r in first]


def test_records_sizes_and_ids(corpus: ModuleType) -> None:
    records = list(corpus.generate(1500, seed=1))
    assert all(set(r) == {"id", "title", "text", "date"} for r in records)
    assert len({r["id"] for r in records}) == len(records)
    sizes = [len(r["text"].encode("utf-8")) for r in records]
    assert min(sizes) >= corpus.MIN_BYTES == 1200
    assert max(sizes) <= corpus.MAX_BYTES == 3000
    assert 1800 <= sum(sizes) / len(sizes) <= 2300  # about 2 KB
    days = [dt.date.fromisoformat(r["date"]) for r in records]
    assert min(days) >= corpus.FIRST_DAY and max(days) <= corpus.LAST_DAY
    assert all(r["title"] and "\n" not in r["title"] for r in records)
    # a varied vocabulary, not the same few sentences over and over
    words = Counter(w for r in records for w in r["text"].split())
    assert len(words) > 0.04 * sum(words.values())


def test_name_pools_are_large_and_varied(corpus: ModuleType) -> None:
    pools = corpus._tables()["pools"]
    given = {w for male, female, _family in pools.values() for w in male + female}
    family = {w for _male, _female, fam in pools.values() for w in fam}
    assert len(given) >= 300 and len(family) >= 300
    assert {"jawa", "sunda", "batak", "minang", "bugis", "bali", "sasak", "papua", "aceh", "tionghoa", "arab"} <= set(
        pools
    )
    gen = corpus._Generator(0)
    rng = random.Random(0)
    names = " | ".join(gen._name(rng, prov, i % 3 == 0)[0] for prov in ("51", "73", "52", "11") for i in range(300))
    for particle in ("I Wayan", "Ni Luh", "Andi ", "Lalu ", "Baiq ", "Teuku ", "Cut "):
        assert particle in names
    text = "\n".join(r["text"] for r in corpus.generate(300, seed=2))
    for mark in ("AKBP ", "H. ", ", S.", ", M.", "Kepala Dinas", "ujarnya", "(ANTARA) - "):
        assert mark in text


def test_cli_writes_jsonl(corpus: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    corpus.main(["7", "-o", str(out), "--seed", "3"])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(corpus.generate(7, seed=3))


def test_build_of_generated_articles(corpus: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "generated.jsonl"
    corpus.write_jsonl(path, 50, seed=0)
    kg = kgraph.build([path])
    assert not kg.skipped
    assert len(kg.articles()) == 50
    officials = kg.entities("Official")
    with_posts = [o for o in officials if kg.posts(o)]
    regions = kg.entities("Regency") + kg.entities("City")
    assert len(with_posts) > 20
    assert len(regions) > 5
    recurring = [o for o in officials if len(kg.articles_mentioning(o)) >= 2]
    assert len(recurring) >= 3, "the same officials should come back across articles"


def test_resolution_does_not_depend_on_the_order_extractions_arrive(corpus: ModuleType, tmp_path: Path) -> None:
    # a build folds each extraction into the resolution as it comes back from a worker
    # (kgraph.resolve.Resolver): any order must give the same graph, byte for byte
    path = tmp_path / "generated.jsonl"
    corpus.write_jsonl(path, 300, seed=5)
    extractions = [kgraph.extract(a) for a in kgraph.read_articles([path, "data"])]
    shuffled = list(extractions)
    random.Random(1).shuffle(shuffled)
    outputs = set()
    for order in (extractions, list(reversed(extractions)), shuffled):
        resolver = kgraph.Resolver()
        for ex in order:
            resolver.add(ex)
        kg = kgraph.from_resolution(resolver.result())
        outputs.add(kg.to_turtle() + kg.to_json().encode())
    assert len(outputs) == 1
    assert len(kgraph.from_resolution(kgraph.resolve(extractions)).entities("Official")) > 100
