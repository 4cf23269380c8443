"""Reading the Indonesian data files shipped in ``kgraph/lang/id/data/``.

Every data file is UTF-8 text, one entry per line, ``#`` starts a comment
line, and tables separate their columns with a tab. Files are read on first
use (callers cache the parsed result), never at import time.
"""

from __future__ import annotations

from importlib import resources

from kgraph.errors import ModelError


def read_lines(name: str) -> list[str]:
    """Return the non-blank, non-comment lines of data file *name*, stripped."""
    try:
        raw = resources.files("kgraph.lang.id").joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"kgraph language data {name}: {exc}") from exc
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_table(name: str, columns: int) -> list[tuple[str, ...]]:
    """Return the rows of tab-separated data file *name*, padded to *columns*.

    Raises:
        ModelError: a row has more than *columns* fields.
    """
    rows = []
    for lineno, line in enumerate(read_lines(name), 1):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > columns:
            raise ModelError(f"kgraph language data {name}: row {lineno} has {len(cells)} columns, expected {columns}")
        rows.append(tuple(cells + [""] * (columns - len(cells))))
    return rows


def split_forms(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into its non-empty forms."""
    return tuple(f.strip() for f in cell.split("|") if f.strip())
