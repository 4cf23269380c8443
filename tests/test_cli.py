"""The ``kgraph`` command, run for real: in-process through ``kgraph.cli.main``,
as ``python -m kgraph`` and as the installed console script.

Exit codes (kgraph.cli.ExitCode): 0 all built; 1 built but some inputs skipped
(each named on stderr in one line); 2 usage error; 3 fatal, nothing written.

Write failures are produced by the operating system itself, not by mocks: an
output path under a regular file (mkdir fails, even for root), or a lowered
``RLIMIT_FSIZE`` so that writing a file past N bytes fails with EFBIG the way a
full disk or a quota does (chmod cannot be used: CI runs as root).
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import kgraph
from kgraph.cli import ExitCode, main

DATA = Path(__file__).resolve().parent.parent / "data"
OUTPUTS = ("graph.ttl", "graph.json", "graph.html")
#: The shortest demo article; copied into tmp dirs where one good article is enough.
SMALL = DATA / "002_96725414e4c5d2ed.txt"
SMALL_ID = SMALL.stem
SUBPROCESS_TIMEOUT = 120


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return int(code), captured.out, captured.err


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _changed(out: Path, before: dict[str, bytes]) -> list[str]:
    """The output files whose bytes differ from *before* (or that are gone)."""
    return [name for name in OUTPUTS if not (out / name).is_file() or (out / name).read_bytes() != before[name]]


def _leftover_tmp(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp"))


def _article_nodes(graph_json: Path) -> set[str]:
    data = json.loads(graph_json.read_text(encoding="utf-8"))
    return {n["id"] for n in data["nodes"] if n["type"] == "Article"}


def _previous_outputs(sample_out: Path, tmp_path: Path) -> Path:
    """An output dir holding a previous build (a copy of the demo corpus' outputs)."""
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUTS:
        shutil.copyfile(sample_out / name, out / name)
    return out


@contextlib.contextmanager
def _file_size_limit(nbytes: int) -> Iterator[None]:
    """Make any write that grows a file past *nbytes* fail with EFBIG (like a full disk)."""
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


# --------------------------------------------------------------------------- success


def test_exit_codes_are_the_documented_ones() -> None:
    assert {c.name: int(c) for c in ExitCode} == {"OK": 0, "SKIPPED": 1, "USAGE": 2, "FATAL": 3}


def test_build_demo_corpus_in_process(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_kg: kgraph.KnowledgeGraph) -> None:
    out = tmp_path / "new" / "out"  # created if missing, parents too
    code, stdout, stderr = _run(["build", str(DATA), "-o", str(out)], capsys)
    assert code == 0
    assert stderr == ""
    assert "5 articles read" in stdout and "0 skipped" in stdout
    assert f"wrote {out}/graph.ttl" in stdout
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUTS, "cache"])  # cache/: see test_scale.py
    # the command writes exactly what the library produces
    assert (out / "graph.ttl").read_bytes() == sample_kg.to_turtle()
    assert (out / "graph.json").read_text(encoding="utf-8") == sample_kg.to_json()
    assert (out / "graph.html").read_text(encoding="utf-8") == sample_kg.to_html()
    assert _article_nodes(out / "graph.json") == {f"article/{p.stem}" for p in DATA.glob("*.txt")}


def test_quiet_build_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = _run(["build", str(SMALL), "-q", "-o", str(out)], capsys)
    assert (code, stdout, stderr) == (0, "", "")
    assert all((out / name).stat().st_size > 0 for name in OUTPUTS)


def test_python_dash_m_kgraph_builds_the_demo_corpus(tmp_path: Path, sample_out: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "kgraph", "build", str(DATA), "-o", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "kgraph: 5 articles read, 0 skipped" in proc.stdout
    for name in OUTPUTS:  # a fresh process gives byte-identical outputs
        assert (out / name).read_bytes() == (sample_out / name).read_bytes(), name


def test_console_script_reports_a_skipped_input(tmp_path: Path) -> None:
    bindir = Path(sys.executable).parent
    script = shutil.which("kgraph", path=str(bindir))
    if script is None:
        pytest.skip(f"no kgraph console script in {bindir} (package not installed)")
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(SMALL, inputs / SMALL.name)
    (inputs / "kosong.txt").write_bytes(b"")
    out = tmp_path / "out"
    proc = subprocess.run([script, "build", str(inputs), "-o", str(out)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT, check=False)
    assert proc.returncode == 1, proc.stderr
    assert _lines(proc.stderr) == [f"kgraph: skipped: {inputs / 'kosong.txt'}: empty file"]
    assert "1 articles read, 1 skipped" in proc.stdout
    assert _article_nodes(out / "graph.json") == {f"article/{SMALL_ID}"}


# --------------------------------------------------------------------------- exit 1: some inputs skipped


JSONL_GOOD = {"id": "berita-jsonl", "title": "Bupati Sleman", "text": "Bupati Sleman Kustini Sri Purnomo hadir."}

BAD_INPUTS = {
    "empty": ("kosong.txt", b"", "empty file"),
    "binary": ("gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "latin-1": ("latin.txt", "Bupati Sleman menghadiri acara di café.".encode("latin-1"), "not valid UTF-8"),
    "malformed-jsonl": (
        "batch.jsonl",
        (json.dumps(JSONL_GOOD) + "\n{\"id\": \"x\", \"text\": \n").encode("utf-8"),
        "invalid JSON",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_one_bad_input_exits_1_names_it_once_and_builds_the_rest(
        kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, content, reason = BAD_INPUTS[kind]
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(SMALL, inputs / SMALL.name)
    bad = inputs / name
    bad.write_bytes(content)
    out = tmp_path / "out"

    code, stdout, stderr = _run(["build", str(inputs), "-o", str(out)], capsys)

    assert code == 1
    (line,) = _lines(stderr)  # one line for the one bad input, nothing else
    assert line.startswith("kgraph: skipped: ")
    where = f"{bad}:2" if name.endswith(".jsonl") else str(bad)
    assert f"kgraph: skipped: {where}: " in line and reason in line
    expected = {f"article/{SMALL_ID}"}
    if name.endswith(".jsonl"):
        expected.add(f"article/{JSONL_GOOD['id']}")
    assert _article_nodes(out / "graph.json") == expected
    assert f"{len(expected)} articles read, 1 skipped" in stdout


def test_every_bad_input_is_named_on_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(SMALL, inputs / SMALL.name)
    bad_paths = []
    for name, content, _ in BAD_INPUTS.values():
        (inputs / name).write_bytes(content)
        bad_paths.append(f"{inputs / name}:2" if name.endswith(".jsonl") else str(inputs / name))
    missing = tmp_path / "tidak-ada.txt"
    out = tmp_path / "out"

    code, stdout, stderr = _run(["build", str(inputs), str(missing), "-o", str(out)], capsys)

    assert code == 1
    lines = _lines(stderr)
    assert all(line.startswith("kgraph: skipped: ") for line in lines), lines
    assert len(lines) == len(bad_paths) + 1
    for path in [*bad_paths, str(missing)]:
        assert sum(f"kgraph: skipped: {path}: " in line for line in lines) == 1, path
    assert "2 articles read, 5 skipped" in stdout
    assert _article_nodes(out / "graph.json") == {f"article/{SMALL_ID}", f"article/{JSONL_GOOD['id']}"}


# --------------------------------------------------------------------------- exit 2: usage


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="no-args"),
        pytest.param(["build", "INPUT"], id="build-without-output"),
        pytest.param(["build", "-o", "OUT"], id="build-without-inputs"),
        pytest.param(["build", "INPUT", "-o", "OUT", "--bogus"], id="unknown-option"),
        pytest.param(["--bogus"], id="unknown-top-level-option"),
        pytest.param(["frobnicate", "INPUT"], id="unknown-command"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
        argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    argv = [str(DATA) if a == "INPUT" else str(out) if a == "OUT" else a for a in argv]
    code, stdout, stderr = _run(argv, capsys)
    assert code == 2
    assert "usage: kgraph" in stderr
    assert stdout == ""
    assert not out.exists()


# --------------------------------------------------------------------------- exit 3: fatal, nothing written


def test_no_readable_article_exits_3_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = [tmp_path / "a.txt", tmp_path / "b.jsonl", tmp_path / "dir"]
    out = tmp_path / "out"
    code, stdout, stderr = _run(["build", *map(str, missing), "-o", str(out)], capsys)
    assert code == 3
    lines = _lines(stderr)
    assert lines[:-1] == [f"kgraph: skipped: {p}: no such file or directory" for p in missing]
    assert lines[-1].startswith("kgraph: error: ") and "nothing written" in lines[-1]
    assert stdout == ""
    assert not out.exists() or not any(out.iterdir())


def test_all_invalid_inputs_leave_previous_outputs_byte_identical(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_out: Path) -> None:
    out = _previous_outputs(sample_out, tmp_path)
    before = _snapshot(out)
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    code, _, stderr = _run(["build", str(empty), str(tmp_path / "hilang.txt"), "-o", str(out)], capsys)
    assert code == 3
    assert "nothing written" in stderr
    assert _changed(out, before) == []
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


def test_output_under_a_regular_file_is_one_line_fatal_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "bukan-direktori"
    blocker.write_text("a regular file\n", encoding="utf-8")
    out = blocker / "out"
    code, stdout, stderr = _run(["build", str(SMALL), "-q", "-o", str(out)], capsys)
    assert code == 3
    assert stdout == ""
    (line,) = _lines(stderr)
    assert line.startswith(f"kgraph: error: {out}: ")
    assert "Traceback" not in stderr
    assert blocker.read_text(encoding="utf-8") == "a regular file\n"


def test_debug_shows_the_traceback_of_a_fatal_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "bukan-direktori"
    blocker.write_bytes(b"")
    out = blocker / "out"
    code, _, stderr = _run(["build", str(SMALL), "-q", "--debug", "-o", str(out)], capsys)
    assert code == 3
    assert stderr.startswith("Traceback (most recent call last):")
    assert "kgraph.errors.OutputError" in stderr
    assert "NotADirectoryError" in stderr or "FileExistsError" in stderr  # the OS cause is chained
    assert _lines(stderr)[-1].startswith(f"kgraph: error: {out}: ")


def test_write_failure_on_the_first_file_leaves_previous_outputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_out: Path,
        sample_kg: kgraph.KnowledgeGraph) -> None:
    # sample_kg: the language pipeline is loaded before the file-size limit is set
    out = _previous_outputs(sample_out, tmp_path)
    before = _snapshot(out)
    with _file_size_limit(1024):  # every output of the new build is larger than this
        code, stdout, stderr = _run(["build", str(SMALL), "-o", str(out)], capsys)
    assert code == 3
    assert stdout == ""
    (line,) = _lines(stderr)
    assert line.startswith(f"kgraph: error: {out / 'graph.ttl'}: cannot write")
    assert _changed(out, before) == []
    assert _leftover_tmp(out) == []



def test_write_failure_on_the_last_file_leaves_previous_outputs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_out: Path) -> None:
    new = kgraph.build([SMALL])
    sizes = {"graph.ttl": len(new.to_turtle()), "graph.json": len(new.to_json().encode()),
             "graph.html": len(new.to_html().encode())}
    limit = max(sizes["graph.ttl"], sizes["graph.json"]) + 1
    assert limit < sizes["graph.html"]  # only the last file written is too large
    out = _previous_outputs(sample_out, tmp_path)
    before = _snapshot(out)
    with _file_size_limit(limit):
        code, _, stderr = _run(["build", str(SMALL), "-o", str(out)], capsys)
    assert code == 3
    assert f"kgraph: error: {out / 'graph.html'}: cannot write" in stderr
    assert _leftover_tmp(out) == []
    assert _changed(out, before) == []


# --------------------------------------------------------------------------- help


BUILD_OPTIONS = ("-o", "--output", "-q", "--quiet", "--debug")
EXIT_CODES = ("0", "1", "2", "3")


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, stdout, stderr = _run(argv, capsys)
    assert code == 0
    assert stderr == ""
    return " ".join(stdout.split())  # argparse wraps lines


def _states_exit_codes(text: str) -> bool:
    return "Exit codes:" in text and all(f"{c} " in text.split("Exit codes:", 1)[1] for c in EXIT_CODES)


def test_top_level_help_names_the_build_command_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(["--help"], capsys)
    assert "usage: kgraph" in text and "build" in text
    assert _states_exit_codes(text)
    assert "1 built, some inputs skipped" in text and "3 fatal, nothing written" in text


def test_build_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(["build", "--help"], capsys)
    assert "usage: kgraph build" in text
    for option in BUILD_OPTIONS:
        assert f"{option} " in text or f"{option}," in text, option
    assert ".jsonl" in text and "OUTDIR" in text



def test_build_help_states_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert _states_exit_codes(_help(["build", "--help"], capsys))



def test_top_level_help_names_every_build_option(capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(["--help"], capsys)
    for option in BUILD_OPTIONS:
        assert option in text, option


def test_explain_prints_the_identity_rule_and_mentions(sample_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(sample_out), "Pemkab Serang"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("institution/pemerintah-kabupaten-serang  Institution  'Pemerintah Kabupaten Serang'")
    assert "why one node:" in out and "36.04" in out
    assert "[002_96725414e4c5d2ed] 'Pemkab Serang':" in out
    assert main(["explain", str(sample_out / "graph.json"), "Nobody At All"]) == 1
    assert "no entity named 'Nobody At All'" in capsys.readouterr().err
    assert main(["explain", str(sample_out / "missing.json"), "Tatu"]) == 3
