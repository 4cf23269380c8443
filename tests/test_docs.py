"""README.md documents the code as it is (after sqlite-utils' ``tests/test_docs.py``).

Each test fails when something is added to the code without its line in the README: a
command, an option, an exit code, an error class, a language data file, a runtime
dependency. The README's ``>>>`` examples run as one doctest from the repository root, and
every ``kgraph`` command line in its shell blocks must parse.
"""

from __future__ import annotations

import argparse
import doctest
import functools
import re
import shlex
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgraph import cli, errors

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "kgraph" / "lang" / "id" / "data"
_FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)")


@functools.cache
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


@functools.cache
def sections() -> tuple[tuple[int, str, str], ...]:
    """Every heading of the README as (level, title, body up to the next heading of its level or higher).

    Lines inside fenced code blocks are never headings (shell comments start with "#" too).
    """
    heads: list[tuple[int, int, str]] = []  # (line index, level, title)
    lines = readme().splitlines()
    fence = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line.strip())
        if m:
            if not fence:
                fence = m.group(1)
            elif line.strip() == fence:
                fence = ""
            continue
        h = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if h and not fence:
            heads.append((i, len(h.group(1)), h.group(2)))
    out = []
    for k, (i, level, title) in enumerate(heads):
        end = next((j for j, lv, _ in heads[k + 1:] if lv <= level), len(lines))
        out.append((level, title, "\n".join(lines[i + 1:end])))
    return tuple(out)


def section(title_start: str) -> str:
    """The body of the first section whose title starts with *title_start* (case ignored)."""
    for _, title, body in sections():
        if title.lower().startswith(title_start.lower()):
            return body
    raise AssertionError(f"README.md has no section titled {title_start!r}...")


def code_blocks(text: str) -> list[tuple[str, str]]:
    """The fenced code blocks of *text* as (language, code)."""
    blocks: list[tuple[str, str]] = []
    fence, lang = "", ""
    body: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not fence:
            m = _FENCE.match(stripped)
            if m:
                fence, lang, body = m.group(1), m.group(2), []
        elif stripped == fence:
            blocks.append((lang, "\n".join(body)))
            fence = ""
        else:
            body.append(line)
    return blocks


def table_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row in *text*, separator rows left out."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") and not re.fullmatch(r"\|[\s:|-]+\|", line):
            rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows


def mentions(text: str, word: str) -> bool:
    """Whether *word* occurs in *text* as a whole word or option ("-o" is not in "--output")."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


# ----------------------------------------------------------------------------- the command


def _subcommands() -> Iterator[tuple[str, argparse.ArgumentParser, str | None]]:
    parser = cli._parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, sub, helps.get(name)


SUBCOMMANDS = sorted(name for name, _, _ in _subcommands())
OPTIONS = sorted(
    {("kgraph", opt) for a in cli._parser()._actions for opt in a.option_strings}
    | {(name, opt) for name, sub, _ in _subcommands() for a in sub._actions for opt in a.option_strings}
)


def test_there_are_subcommands_and_options() -> None:
    assert "build" in SUBCOMMANDS
    assert ("build", "--output") in OPTIONS


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_subcommand_has_help(name: str) -> None:
    sub, helptext = next((sub, h) for n, sub, h in _subcommands() if n == name)
    assert helptext, f"kgraph {name} has no help= in the subparsers list"
    assert sub.description, f"kgraph {name} has no description"
    for action in sub._actions:
        assert action.help and action.help != argparse.SUPPRESS, f"kgraph {name}: {action.dest} has no help"


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_subcommand_has_a_readme_section(name: str) -> None:
    titles = [title for _, title, _ in sections()]
    assert any(f"kgraph {name}" in title for title in titles), (
        f"README.md needs a section whose heading names `kgraph {name}`")


@pytest.mark.parametrize(("command", "option"), OPTIONS)
def test_option_is_documented(command: str, option: str) -> None:
    assert mentions(readme(), option), f"README.md does not mention {option} of `{command}`"


def test_exit_code_table_lists_every_exit_code() -> None:
    table = {}
    for cells in table_rows(section("Exit codes")):
        if len(cells) >= 3 and cells[0].isdigit():
            table[int(cells[0])] = cells[1].strip("`")
    assert table == {code.value: code.name for code in cli.ExitCode}


def test_documented_command_lines_parse() -> None:
    lines = [line.strip() for lang, code in code_blocks(readme()) if lang in ("sh", "bash", "shell", "console")
             for line in code.splitlines()]
    commands = [shlex.split(line) for line in lines
                if re.match(r"^(\.venv/bin/)?kgraph\s|^python\s+-m\s+kgraph\s", line)]
    assert commands, "README.md shows no kgraph command line"
    for argv in commands:
        args = argv[3:] if argv[0] == "python" else argv[1:]
        try:
            cli._parser().parse_args(args)
        except SystemExit as exc:  # argparse's way of rejecting a command line
            pytest.fail(f"README.md command does not parse: {shlex.join(argv)} (exit {exc.code})")


# ----------------------------------------------------------------------------- errors


ERROR_CLASSES = sorted(
    name for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.KgraphError)
)


@pytest.mark.parametrize("name", ERROR_CLASSES)
def test_error_class_is_named(name: str) -> None:
    assert mentions(readme(), name), f"README.md does not name {name}"


def test_readme_repeats_the_error_tree() -> None:
    assert errors.__doc__
    tree = "\n".join(line[4:] for line in errors.__doc__.splitlines() if line.startswith("    "))
    assert "KgraphError" in tree
    assert tree in section("Errors"), "README.md's error tree differs from kgraph/errors.py's docstring"


# ----------------------------------------------------------------------------- data, setup, dependencies


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.iterdir() if p.is_file()))
def test_data_file_is_named(name: str) -> None:
    assert f"`{name}`" in section("What kgraph knows"), f"README.md does not describe {name}"


def test_quick_start_is_make_demo_and_make_test() -> None:
    blocks = [code.strip() for _, code in code_blocks(section("Quick start"))]
    assert blocks == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"the Makefile has no {target} target"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^\s*make test\s*$", ci, re.MULTILINE), ".ci/run does not run `make test`"


def _split(requirement: str) -> tuple[str, str]:
    """("networkx>=3.2,<4") -> ("networkx", ">=3.2,<4"), the name normalised as PyPI does."""
    m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)", requirement)
    assert m, requirement
    return re.sub(r"[-_.]+", "-", m.group(1)).lower(), m.group(2).strip()


RUNTIME_DEPS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


@pytest.mark.parametrize("requirement", RUNTIME_DEPS)
def test_runtime_dependency_is_in_the_table(requirement: str) -> None:
    name, spec = _split(requirement)
    rows = {_split(cells[0])[0]: cells for cells in table_rows(section("Dependencies")) if cells and cells[0]}
    assert name in rows, f"README.md's dependency table has no row for {name}"
    assert spec in " ".join(rows[name]), f"README.md gives another version range for {name} than {spec}"


# ----------------------------------------------------------------------------- examples


def test_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``>>>`` sessions in the README's Python code blocks, run in order as one doctest from the repository root."""
    monkeypatch.chdir(ROOT)
    sessions = "\n\n".join(code for lang, code in code_blocks(readme())
                            if lang in ("pycon", "python", "py") and ">>>" in code)
    test = doctest.DocTestParser().get_doctest(sessions, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 10, "README.md lost its Python session"
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test, out=report.append)
    assert result.failed == 0, "".join(report)
