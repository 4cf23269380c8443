"""Scaling up (GitHub issue 8): parallel extraction, the extraction cache and incremental
builds, and the Dask engine, all run for real.

Every way of running a build must give the same bytes as the plain in-process build: ``--jobs 2``
(a real pool of spawned processes), ``--update`` on top of an earlier build (against a fresh
build of all inputs), and a real ``distributed.LocalCluster`` of two worker processes started
here. The corpus is ``data/`` plus 30 short generated articles in two JSONL files, so
officials, institutions and events recur across articles (and across the two halves of an
update) and resolution has to merge them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import kgraph
from kgraph.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
OUTPUTS = ("graph.ttl", "graph.json", "graph.html")
SMALL = DATA / "002_96725414e4c5d2ed.txt"
SUBPROCESS_TIMEOUT = 120

# (title, region as written after it, kind word, official) of the generated articles: Serang and
# Lebak recur with the officials of data/, so new articles merge with old nodes
_OFFICES = [
    ("Bupati", "Serang", "Kabupaten", "Ratu Tatu Chasanah"),
    ("Bupati", "Lebak", "Kabupaten", "Iti Octavia Jayabaya"),
    ("Wali Kota", "Padang", "Kota", "Fadly Amran"),
    ("Bupati", "Sleman", "Kabupaten", "Kustini Sri Purnomo"),
    ("Wali Kota", "Bogor", "Kota", "Bima Arya Sugiarto"),
    ("Bupati", "Pandeglang", "Kabupaten", "Irna Narulita"),
]
_SEKDA = ["Nanang Supriatna", "Budi Santoso", "Andi Wirawan", "Harun Alrasyid", "Dedi Kurniawan"]
_BUILDINGS = ["Mal Pelayanan Publik", "gedung DPRD", "Puskesmas Cilegon", "pasar tradisional", "jembatan desa"]
_MONTHS = ["Januari", "Maret", "Mei", "Juli", "September", "November"]


def _article(i: int) -> dict[str, str]:
    title, region, kind, official = _OFFICES[i % len(_OFFICES)]
    sekda = _SEKDA[i % len(_SEKDA)]
    building = _BUILDINGS[i % len(_BUILDINGS)]
    text = (
        f"{region.upper()} – {title} {region} {official} meresmikan {building} pada {1 + i % 27} "
        f"{_MONTHS[i % len(_MONTHS)]} 2024.\n"
        f"Peresmian dihadiri Sekretaris Daerah {kind} {region} {sekda} dan jajaran Pemerintah {kind} {region}.\n"
        f"\"Kami ingin pelayanan kepada masyarakat semakin cepat dan mudah,\" kata {official}.\n"
        f"Menurut {sekda}, pembangunan itu menelan anggaran Rp{2 + i} miliar dan rampung menjelang Pemilu 2024."
    )
    return {"id": f"gen-{i:03d}", "title": f"{title} {region} resmikan {building}", "text": text,
            "url": f"https://berita.example/{i:03d}", "date": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}"}


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two JSONL files of 15 generated articles each: a.jsonl (the first build), b.jsonl (the update)."""
    d = tmp_path_factory.mktemp("corpus")
    return (_write_jsonl(d / "a.jsonl", [_article(i) for i in range(15)]),
            _write_jsonl(d / "b.jsonl", [_article(i) for i in range(15, 30)]))


@pytest.fixture(scope="module")
def full_build(corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/, a.jsonl and b.jsonl built in one process (--jobs 1): the reference every other way must equal."""
    out = tmp_path_factory.mktemp("full") / "out"
    assert main(["build", str(DATA), *map(str, corpus), "-o", str(out), "--jobs", "1", "-q"]) == 0
    return out


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return int(code), captured.out, captured.err


def _articles(out: Path) -> dict[str, dict[str, object]]:
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return {n["id"]: n for n in data["nodes"] if n["type"] == "Article"}


def _names(out: Path) -> set[str]:
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return {n["name"] for n in data["nodes"] if n["type"] != "Article"}


# --------------------------------------------------------------------------- parallel extraction


def test_the_generated_corpus_makes_a_connected_graph(full_build: Path) -> None:
    kg = kgraph.load(full_build / "graph.json")
    assert len(kg.articles()) == 35
    tatu = kg.find("Ratu Tatu Chasanah")
    assert tatu == ["person/ratu-tatu-chasanah"]
    # named in data/ and in the generated articles of both halves: resolution joined them
    assert {"002_96725414e4c5d2ed", "gen-000", "gen-018"} <= set(kg.articles_mentioning(tatu[0]))
    assert kg.find("Fadly Amran") and kg.find("Pemilu 2024")


def test_jobs_2_writes_the_same_bytes_as_jobs_1(
        corpus: tuple[Path, Path], full_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = _run(["build", str(DATA), *map(str, corpus), "-o", str(out), "--jobs", "2"], capsys)
    assert (code, stderr) == (0, "")
    assert "35 articles read, 0 skipped" in stdout
    assert "(35 extracted in 2 processes, 0 from the cache)" in stdout  # a real pool ran
    assert _snapshot(out) == _snapshot(full_build)


def test_library_jobs_keeps_the_progress_callback_in_input_order(corpus: tuple[Path, Path]) -> None:
    seen: list[str] = []
    kg = kgraph.build([SMALL, corpus[0]], jobs=2,
                      on_article=lambda item: seen.append(item.id if isinstance(item, kgraph.Article) else "?"))
    assert seen == [SMALL.stem, *(f"gen-{i:03d}" for i in range(15))]
    assert len(kg.articles()) == 16


@pytest.mark.parametrize("jobs", [0, -1, "2"])
def test_library_rejects_a_bad_jobs_value(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs"):
        kgraph.build([SMALL], jobs=jobs)  # type: ignore[arg-type]  # the wrong type is the point


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["build", "IN", "-o", "OUT", "--jobs", "0"], id="jobs-0"),
        pytest.param(["build", "IN", "-o", "OUT", "--jobs", "many"], id="jobs-not-a-number"),
        pytest.param(["build", "IN", "-o", "OUT", "--scheduler", "tcp://127.0.0.1:8786"], id="scheduler-without-dask"),
        pytest.param(["build", "IN", "-o", "OUT", "--engine", "spark"], id="unknown-engine"),
        pytest.param(["build", "IN", "-o", "OUT", "--update", "OUT"], id="output-and-update"),
        pytest.param(["build", "--update", "OUT"], id="update-without-inputs"),
    ],
)
def test_scale_usage_errors_exit_2(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    argv = [str(SMALL) if a == "IN" else str(out) if a == "OUT" else a for a in argv]
    code, stdout, stderr = _run(argv, capsys)
    assert (code, stdout) == (2, "")
    assert "usage: kgraph" in stderr
    assert not out.exists()


# --------------------------------------------------------------------------- cache and --update


def test_every_build_writes_a_cache_that_the_next_build_uses(
        full_build: Path, corpus: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = json.loads((full_build / "cache" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == 1 and len(manifest["articles"]) == 35
    shards = sorted(p.name for p in (full_build / "cache").glob("*.pkl"))
    assert shards == sorted(manifest["shards"])
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    code, stdout, _ = _run(["build", str(DATA), *map(str, corpus), "-o", str(out)], capsys)
    assert code == 0
    assert "(0 extracted, 35 from the cache)" in stdout
    assert _snapshot(out) == _snapshot(full_build)


def test_update_equals_a_full_build_and_extracts_only_the_new_articles(
        corpus: tuple[Path, Path], full_build: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    code, _, _ = _run(["build", str(DATA), str(corpus[0]), "-o", str(out), "-q"], capsys)
    assert code == 0 and len(_articles(out)) == 20
    before = _snapshot(out)
    with caplog.at_level(logging.INFO, logger="kgraph"):
        code, stdout, stderr = _run(["build", "--update", str(out), str(corpus[1])], capsys)
    assert (code, stderr) == (0, "")
    assert _snapshot(out) != before
    assert _snapshot(out) == _snapshot(full_build)  # byte for byte what a build of A+B writes
    assert "15 articles read, 0 skipped" in stdout
    assert "(15 extracted in-process, 0 from the cache); 20 kept from the earlier build, 35 in the graph" in stdout
    (record,) = [r for r in caplog.records if "articles read" in r.getMessage()]
    assert record.getMessage().startswith("15 articles read (15 extracted")
    # and the cache now holds all 35, so a second update on top of it still equals the full build
    manifest = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == 35


def test_update_with_an_article_already_built_takes_it_from_the_cache(
        corpus: tuple[Path, Path], full_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    # b.jsonl again (unchanged: 15 cache hits) plus one new article
    new = _write_jsonl(tmp_path / "c.jsonl", [_article(30)])
    code, stdout, _ = _run(["build", "--update", str(out), str(corpus[1]), str(new)], capsys)
    assert code == 0
    assert "16 articles read, 0 skipped" in stdout
    assert "(1 extracted in-process, 15 from the cache); 20 kept from the earlier build, 36 in the graph" in stdout
    fresh = tmp_path / "fresh"
    assert main(["build", str(DATA), *map(str, corpus), str(new), "-o", str(fresh), "-q", "-j", "1"]) == 0
    assert _snapshot(out) == _snapshot(fresh)


def test_a_changed_article_is_extracted_again_and_replaces_the_old_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(SMALL, inputs / SMALL.name)
    changed = inputs / "berita-sleman.txt"
    changed.write_text("Bupati Sleman resmikan pasar\n\nBupati Sleman Kustini Sri Purnomo meresmikan pasar.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(inputs), "-o", str(out), "-q"]) == 0
    assert "Kustini Sri Purnomo" in _names(out)

    # a plain rebuild: the edited article is extracted again, the other one comes from the cache
    changed.write_text("Bupati Sleman resmikan pasar\n\nBupati Sleman Harda Kiswaya meresmikan pasar.\n",
                       encoding="utf-8")
    code, stdout, _ = _run(["build", str(inputs), "-o", str(out)], capsys)
    assert code == 0
    assert "(1 extracted in-process, 1 from the cache)" in stdout
    assert "Harda Kiswaya" in _names(out) and "Kustini Sri Purnomo" not in _names(out)
    fresh = tmp_path / "fresh"
    assert main(["build", str(inputs), "-o", str(fresh), "-q"]) == 0
    assert _snapshot(out) == _snapshot(fresh)

    # an update with a new version of an article already in the graph replaces it
    again = tmp_path / "again" / changed.name
    again.parent.mkdir()
    again.write_text("Bupati Sleman resmikan pasar\n\nWakil Bupati Sleman Danang Maharsa meresmikan pasar.\n",
                     encoding="utf-8")
    code, stdout, _ = _run(["build", "--update", str(out), str(again)], capsys)
    assert code == 0
    assert "(1 extracted in-process, 0 from the cache); 1 kept from the earlier build, 2 in the graph" in stdout
    assert "Danang Maharsa" in _names(out) and "Harda Kiswaya" not in _names(out)
    assert _articles(out)["article/berita-sleman"]["path"] == str(again)
    expected = tmp_path / "expected"
    assert main(["build", str(inputs / SMALL.name), str(again), "-o", str(expected), "-q"]) == 0
    assert _snapshot(out) == _snapshot(expected)


def test_a_moved_file_keeps_its_extraction_with_its_new_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, moved = tmp_path / "first", tmp_path / "moved"
    first.mkdir()
    moved.mkdir()
    shutil.copyfile(SMALL, first / SMALL.name)
    shutil.copyfile(SMALL, moved / SMALL.name)
    out = tmp_path / "out"
    assert main(["build", str(first), "-o", str(out), "-q"]) == 0
    code, stdout, _ = _run(["build", str(moved), "-o", str(out)], capsys)
    assert code == 0 and "(0 extracted, 1 from the cache)" in stdout
    fresh = tmp_path / "fresh"
    assert main(["build", str(moved), "-o", str(fresh), "-q"]) == 0
    assert _snapshot(out) == _snapshot(fresh)
    # the cache stored the new path too: an update on top of it still matches a full build
    extra = _write_jsonl(tmp_path / "x.jsonl", [_article(3)])
    assert main(["build", "--update", str(out), str(extra), "-q"]) == 0
    assert main(["build", str(moved), str(extra), "-o", str(fresh), "-q"]) == 0
    assert _snapshot(out) == _snapshot(fresh)


@pytest.fixture
def small_build(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    assert main(["build", str(SMALL), "-o", str(out), "-q"]) == 0
    return out


def _shard(out: Path) -> Path:
    (shard,) = (out / "cache").glob("*.pkl")
    return shard


def _corrupt_shard(out: Path) -> Path:
    shard = _shard(out)
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])  # a truncated write
    return shard


def test_update_of_a_corrupt_cache_is_a_one_line_error(
        small_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(small_build)
    shard = _corrupt_shard(small_build)
    new = _write_jsonl(tmp_path / "new.jsonl", [_article(1)])
    code, stdout, stderr = _run(["build", "--update", str(small_build), str(new)], capsys)
    assert (code, stdout) == (3, "")
    assert stderr == (f"kgraph: error: {shard}: corrupt extraction cache (checksum mismatch); "
                      "rebuild from all inputs with kgraph build INPUT... -o OUTDIR\n")
    assert _snapshot(small_build) == before


def test_update_of_a_cache_naming_other_code_refuses_to_load_it(
        small_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a shard whose checksum is right but that would call a function when unpickled
    manifest_path = small_build / "cache" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    data = pickle.dumps((("key", print),), protocol=5)
    digest = hashlib.sha256(data).hexdigest()
    _shard(small_build).unlink()
    (small_build / "cache" / f"{digest}.pkl").write_bytes(data)
    manifest["shards"] = {f"{digest}.pkl": digest}
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    code, _, stderr = _run(["build", "--update", str(small_build), str(SMALL)], capsys)
    assert code == 3
    assert "corrupt extraction cache (UnpicklingError: unexpected class builtins.print)" in stderr
    assert len(stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        pytest.param(lambda m: m.write_text("{not json", encoding="utf-8"),
                     "manifest.json: corrupt extraction cache manifest (JSONDecodeError: ", id="garbled-manifest"),
        pytest.param(lambda m: m.unlink(), ": no extraction cache of an earlier build here", id="no-cache"),
        pytest.param(lambda m: m.write_text(m.read_text(encoding="utf-8").replace('"fingerprint": "',
                                                                                 '"fingerprint": "0'),
                                            encoding="utf-8"),
                     "extraction cache made by another kgraph version or with other language data", id="stale"),
    ],
)
def test_update_of_an_unusable_cache_names_the_problem(
        damage: object, message: str, small_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage(small_build / "cache" / "manifest.json")  # type: ignore[operator]
    code, _, stderr = _run(["build", "--update", str(small_build), str(SMALL)], capsys)
    assert code == 3
    (line,) = stderr.splitlines()
    assert line.startswith("kgraph: error: ") and message in line


def test_a_plain_build_ignores_a_corrupt_cache_with_a_warning_and_repairs_it(
        small_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shard = _corrupt_shard(small_build)
    code, stdout, stderr = _run(["build", str(SMALL), "-o", str(small_build)], capsys)
    assert code == 0
    assert stderr == f"kgraph: warning: ignoring the extraction cache: {shard}: corrupt extraction cache " \
                     "(checksum mismatch)\n"
    assert "(1 extracted in-process, 0 from the cache)" in stdout
    # written again (the same extraction, so the same name), sound: an update can use it
    assert hashlib.sha256(shard.read_bytes()).hexdigest() == shard.stem
    new = _write_jsonl(tmp_path / "new.jsonl", [_article(1)])
    code, stdout, stderr = _run(["build", "--update", str(small_build), str(new)], capsys)
    assert (code, stderr) == (0, "")
    assert "1 kept from the earlier build, 2 in the graph" in stdout


def test_a_plain_build_with_a_stale_cache_extracts_everything_quietly(
        small_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = small_build / "cache" / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"fingerprint": "', '"fingerprint": "0'),
                        encoding="utf-8")
    code, stdout, stderr = _run(["build", str(SMALL), "-o", str(small_build)], capsys)
    assert (code, stderr) == (0, "")
    assert "(1 extracted in-process, 0 from the cache)" in stdout


def test_the_fingerprint_changes_with_the_language_data(tmp_path: Path) -> None:
    # a copy of the package with one lexicon line added: its caches must not be trusted
    code = "import kgraph._cache as c\nprint(c.__file__)\nprint(c.fingerprint())\n"
    pkg = Path(kgraph.__file__).parent
    copy = tmp_path / "kgraph"
    shutil.copytree(pkg, copy, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def fp() -> str:
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                              timeout=SUBPROCESS_TIMEOUT, check=True, cwd=tmp_path)
        where, digest = proc.stdout.split()
        assert Path(where) == copy / "_cache.py"  # the copy, not the installed package
        return digest

    same = fp()
    assert len(same) == 64
    with (copy / "lang" / "id" / "data" / "person_nouns.txt").open("a", encoding="utf-8") as fh:
        fh.write("penjual sayur\n")
    assert fp() != same


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_client() -> Iterator[object]:
    """A real LocalCluster: two worker processes, one thread each (extraction holds the GIL)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  host="127.0.0.1") as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        yield client


def test_dask_build_equals_the_local_build(
        dask_client: object, corpus: tuple[Path, Path], full_build: Path) -> None:
    kg = kgraph.build([DATA, *corpus], engine="dask", client=dask_client)
    assert kg.to_turtle() == (full_build / "graph.ttl").read_bytes()
    assert kg.to_json().encode("utf-8") == (full_build / "graph.json").read_bytes()
    assert kg.to_html().encode("utf-8") == (full_build / "graph.html").read_bytes()


def test_dask_command_with_a_scheduler_address_and_update(
        dask_client: object, corpus: tuple[Path, Path], full_build: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    address = dask_client.scheduler.address  # type: ignore[attr-defined]
    out = tmp_path / "out"
    code, stdout, stderr = _run(["build", str(DATA), str(corpus[0]), "-o", str(out), "--engine", "dask",
                                 "--scheduler", address], capsys)
    assert (code, stderr) == (0, "")
    assert f"(20 extracted on Dask at {address} (2 worker threads), 0 from the cache)" in stdout
    code, stdout, stderr = _run(["build", "--update", str(out), str(corpus[1]), "--engine", "dask",
                                 "--scheduler", address], capsys)
    assert (code, stderr) == (0, "")
    assert _snapshot(out) == _snapshot(full_build)


def _python(code: str, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT,
                          check=False, env={**os.environ, **(env or {})})


def test_importing_kgraph_does_not_import_dask() -> None:
    proc = _python("import sys, kgraph, kgraph.cli\n"
                   "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed'}))")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_dask_engine_without_dask_is_a_one_line_error(tmp_path: Path) -> None:
    # None in sys.modules makes "import dask" fail exactly as on a machine without it
    proc = _python("import sys\n"
                   "sys.modules['dask'] = sys.modules['distributed'] = None\n"
                   "from kgraph.cli import main\n"
                   f"sys.exit(main(['build', {str(SMALL)!r}, '-o', {str(tmp_path / 'out')!r}, '--engine', 'dask']))")
    assert proc.returncode == 3
    (line,) = proc.stderr.splitlines()
    assert line.startswith("kgraph: error: the dask engine needs dask[distributed] (")
    assert line.endswith("install it with: pip install 'kgraph[dask]'")
    assert not (tmp_path / "out").exists()


def test_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    proc = subprocess.run(
        [sys.executable, "-m", "kgraph", "build", str(SMALL), "-o", str(tmp_path / "out"), "--engine", "dask",
         "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT, check=False,
        env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"},
    )
    assert proc.returncode == 3
    (line,) = proc.stderr.splitlines()
    assert line.startswith("kgraph: error: cannot connect to the Dask scheduler at tcp://127.0.0.1:9: ")


def test_a_cache_that_cannot_be_written_is_a_warning_after_the_graph(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "cache").write_text("a regular file where the cache directory goes\n", encoding="utf-8")
    code, stdout, stderr = _run(["build", str(SMALL), "-o", str(out)], capsys)
    assert code == 0
    reading, writing = stderr.splitlines()  # it could neither be read nor written
    assert reading.startswith("kgraph: warning: ignoring the extraction cache: ")
    assert writing.startswith(f"kgraph: warning: the graph is written, but not its extraction cache: {out / 'cache'}: ")
    assert f"wrote {out}/graph.ttl, graph.json, graph.html\n" in stdout
    assert all((out / name).stat().st_size > 0 for name in OUTPUTS)
    code, _, stderr = _run(["build", "--update", str(out), str(SMALL)], capsys)
    assert code == 3 and stderr.startswith(f"kgraph: error: {out / 'cache' / 'manifest.json'}: cannot read")


def test_dask_command_without_a_scheduler_starts_and_stops_a_local_cluster(
        small_build: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    out = tmp_path / "dask"
    code, stdout, stderr = _run(["build", str(SMALL), "-o", str(out), "--engine", "dask", "--jobs", "1"], capsys)
    assert (code, stderr) == (0, "")
    assert "(1 extracted on Dask at tcp://127.0.0.1:" in stdout and "(1 worker thread)" in stdout
    assert _snapshot(out) == _snapshot(small_build)


def test_update_appends_a_shard_and_compacts_one_that_is_mostly_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def shards(out: Path) -> set[str]:
        return {p.name for p in (out / "cache").glob("*.pkl")}

    out = tmp_path / "out"
    assert main(["build", str(_write_jsonl(tmp_path / "a.jsonl", [_article(i) for i in range(6)])),
                 "-o", str(out), "-q"]) == 0
    (first,) = shards(out)
    # one new article: the first shard is kept as it is, the new extraction gets a shard of its own
    assert main(["build", "--update", str(out), str(_write_jsonl(tmp_path / "b.jsonl", [_article(6)])), "-q"]) == 0
    assert len(shards(out)) == 2 and first in shards(out)
    # four of the six articles of the first shard change: it is more than half dead, so its two
    # live entries are rewritten next to the four new extractions, and it is deleted
    changed = [{**_article(i), "text": _article(i)["text"] + " Acara ditutup dengan doa bersama."} for i in range(4)]
    code, stdout, _ = _run(["build", "--update", str(out), str(_write_jsonl(tmp_path / "c.jsonl", changed))], capsys)
    assert code == 0
    assert "(4 extracted in-process, 0 from the cache); 3 kept from the earlier build, 7 in the graph" in stdout
    assert first not in shards(out) and len(shards(out)) == 2
    manifest = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == 7 and set(manifest["shards"]) == shards(out)
    # and the compacted cache is sound: an unchanged rebuild of the same articles extracts nothing
    code, stdout, _ = _run(["build", "--update", str(out), str(tmp_path / "c.jsonl")], capsys)
    assert code == 0 and "(0 extracted, 4 from the cache)" in stdout


def test_the_cache_is_written_during_the_build_and_named_at_its_commit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph import _cache
    from kgraph._build import run

    def shards(cache: Path) -> set[str]:
        return {p.name for p in cache.glob("*.pkl")}

    monkeypatch.setattr(_cache, "SHARD_ENTRIES", 4)
    cache = tmp_path / "out" / "cache"
    first = _write_jsonl(tmp_path / "a.jsonl", [_article(i) for i in range(10)])
    kg, _, commit = run([first], cache=cache)
    # two full shards were written while the articles came in (the extractions are not held
    # until the end), but no manifest names them yet
    assert len(shards(cache)) == 2 and not (cache / "manifest.json").exists()
    commit()
    manifest = json.loads((cache / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == 10 and set(manifest["shards"]) == shards(cache) and len(shards(cache)) == 3
    # a build that stops before its commit leaves the manifest as it was ...
    before = (cache / "manifest.json").read_bytes()
    run([_write_jsonl(tmp_path / "b.jsonl", [_article(i) for i in range(10, 20)])], cache=cache)
    assert (cache / "manifest.json").read_bytes() == before and len(shards(cache)) == 5
    # ... and the next commit deletes its stray shards; the cache still gives the same graph
    again = kgraph.build([first], cache=cache)
    assert shards(cache) == set(manifest["shards"])
    assert again.to_turtle() == kg.to_turtle()


def test_a_shard_that_cannot_be_written_during_the_build_is_the_same_warning_after_the_graph(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph import _cache

    monkeypatch.setattr(_cache, "SHARD_ENTRIES", 2)  # so that shards are written while articles come in
    out = tmp_path / "out"
    out.mkdir()
    (out / "cache").write_text("a regular file where the cache directory goes\n", encoding="utf-8")
    source = _write_jsonl(tmp_path / "a.jsonl", [_article(i) for i in range(5)])
    code, _, stderr = _run(["build", str(source), "-o", str(out), "-q"], capsys)
    assert code == 0
    assert len(stderr.splitlines()) == 1  # one warning for the cache, not one for each shard
    assert stderr.startswith(f"kgraph: warning: the graph is written, but not its extraction cache: {out / 'cache'}: ")
    assert len(_articles(out)) == 5
