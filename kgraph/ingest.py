"""Stage 1: files -> :class:`~kgraph.model.Article` records, cleaned of boilerplate.

Inputs are ``.txt`` files (one article each), directories of them, and
``.jsonl`` files (one article per line with ``id`` and ``text``, optional
``title``, ``url`` and ``date``). A file that cannot be read becomes a
:class:`~kgraph.model.Skipped` record carrying a one-line
:class:`~kgraph.errors.InputError`; reading goes on with the next file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingInputError,
    UnreadableInputError,
    UnsupportedInputError,
)
from kgraph.model import Article, Skipped

#: Default size limit for one input file (a JSONL file may hold many articles).
MAX_TXT_BYTES = 5 * 1024 * 1024
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024

_URL_LINE = re.compile(r"^\s*URL:\s*(\S+)\s*$", re.IGNORECASE)

# Lines that are page furniture, not article content. They are dropped whole.
# Why each: "Baca juga" teasers link other stories (their entities are not this
# article's); photo credits and captions name photographers; share widgets,
# comment forms, newsletter prompts and ad slots are site chrome.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        baca\s+(?:juga|pula)\b.*
      | (?:foto|photo|ilustrasi|sumber\s+foto|dok(?:umentasi)?|grafis)\s*[:|].*
      | (?:editor|penulis|reporter|pewarta|redaktur|penyunting)\s*:.*
      | sumber\s*:.*
      | advertisement | iklan | scroll\s+to\s+continue.* | berita\s+(?:lainnya|terkait) | terpopuler
      | bagikan(?:/[\w ]+)*:? | share(?:\s+this)?:? | tweet
      | leave\s+a\s+reply | your\s+email\s+address.* | (?:comment|komentar)s?:?
      | eksplorasi\s+konten\s+lain.* | berlangganan\s+untuk.* | ikuti\s+(?:kami|berita).*
      | (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s*[×x+\-]\s*\w+\s*=.*
      | \d{1,2}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A closing byline in parentheses: "(jek/zee/ira)", "(anjas)", "(rls/tim)".
_BYLINE_TAIL = re.compile(r"\s*\((?:[\w.]{1,20}/)*[\w.]{1,20}\)\s*$")
_DATE = re.compile(
    r"\b(\d{1,2})\s+(Jan(?:uari|uary)?|Feb(?:ruari|ruary)?|Mar(?:et|ch)?|Apr(?:il)?|Mei|May|Jun(?:i|e)?|"
    r"Jul(?:i|y)?|Agu(?:stus)?|Aug(?:ust)?|Sep(?:tember)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|"
    r"Des(?:ember)?|Dec(?:ember)?)\s+(\d{4})\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_DATE_LINE = re.compile(
    r"^(?:\w+,?\s+)?\d{1,2}\s+\w+\s+\d{4}(?:[,\s]+\d{1,2}[:.]\d{2})?(?:\s+W\w{1,3})?$", re.IGNORECASE)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7,
    "agu": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = MAX_TXT_BYTES,
) -> Iterator[Article | Skipped]:
    """Read articles from files and directories, streaming.

    Directories are walked recursively for ``*.txt`` and ``*.jsonl`` files in
    sorted order. Each input yields :class:`Article` records, or a
    :class:`Skipped` record whose ``error`` says in one line what is wrong.
    Article ids must be unique; a later article with an id already seen is
    skipped.

    Args:
        paths: files or directories.
        max_bytes: the largest ``.txt`` file accepted.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a1.txt").write_text("Judul\\n\\nBupati Serang hadir.", encoding="utf-8")
    >>> [a.title for a in read_articles([d])]
    ['Judul']
    """
    seen: set[str] = set()
    for path in paths:
        for item in _read_path(Path(path), max_bytes):
            if isinstance(item, Article):
                if item.id in seen:
                    item = Skipped(item.path, MalformedRecordError(item.path, f"duplicate article id {item.id!r}"))
                else:
                    seen.add(item.id)
            yield item


def _read_path(path: Path, max_bytes: int) -> Iterator[Article | Skipped]:
    if not path.exists():
        yield Skipped(str(path), MissingInputError(path, "no such file or directory"))
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".jsonl"))
        for f in files:
            yield from _read_file(f, max_bytes)
        return
    yield from _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path)
        elif suffix == ".txt":
            yield _read_txt(path, max_bytes)
        else:
            raise UnsupportedInputError(path, "not a .txt or .jsonl file")
    except InputError as exc:
        yield Skipped(str(path), exc)


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw:
        raise BinaryInputError(path, "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
            offset=exc.start,
        ) from exc
    return text


def _read_txt(path: Path, max_bytes: int) -> Article:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for one article")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise MissingInputError(path, "no such file or directory") from exc
    except OSError as exc:
        raise UnreadableInputError(path, f"cannot read: {exc.strerror or exc}") from exc
    text = _decode(path, raw)
    if not text.strip():
        raise EmptyInputError(path, "empty file")
    url = ""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        m = _URL_LINE.match(lines[first])
        if m:
            url = m.group(1)
            lines = lines[first + 1:]
    return make_article(path.stem, str(path), "\n".join(lines), url=url)


def _read_jsonl(path: Path) -> Iterator[Article | Skipped]:
    try:
        size = path.stat().st_size
        if size > MAX_JSONL_BYTES:
            raise InputTooLargeError(path, f"file is {size:,} bytes, over the {MAX_JSONL_BYTES:,}-byte limit")
        fh = path.open("rb")
    except FileNotFoundError as exc:
        raise MissingInputError(path, "no such file or directory") from exc
    except OSError as exc:
        raise UnreadableInputError(path, f"cannot read: {exc.strerror or exc}") from exc
    any_line = False
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            any_line = True
            try:
                yield _jsonl_record(path, lineno, raw)
            except InputError as exc:
                yield Skipped(f"{path}:{lineno}", exc)
    if not any_line:
        raise EmptyInputError(path, "empty file")


def _jsonl_record(path: Path, lineno: int, raw: bytes) -> Article:
    if b"\x00" in raw:
        raise BinaryInputError(path, "binary data in line", lineno)
    try:
        rec = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise MalformedRecordError(path, f"not valid UTF-8 (offset {exc.start} in the line)", lineno) from exc
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", lineno) from exc
    if not isinstance(rec, dict):
        raise MalformedRecordError(path, "expected a JSON object", lineno)
    art_id, text = rec.get("id"), rec.get("text")
    if isinstance(art_id, int):
        art_id = str(art_id)
    if not isinstance(art_id, str) or not art_id.strip():
        raise MalformedRecordError(path, 'missing or non-string "id"', lineno)
    if not isinstance(text, str):
        raise MalformedRecordError(path, 'missing or non-string "text"', lineno)
    if not text.strip():
        raise EmptyInputError(path, f"article {art_id!r} has empty text", lineno)
    extra = {k: rec.get(k) for k in ("title", "url", "date")}
    for k, v in extra.items():
        if v is not None and not isinstance(v, str):
            raise MalformedRecordError(path, f'"{k}" must be a string', lineno)
    if extra["date"] and not _ISO_DATE.match(extra["date"]):
        raise MalformedRecordError(path, f'"date" must be YYYY-MM-DD, got {extra["date"]!r}', lineno)
    return make_article(
        art_id.strip(), f"{path}:{lineno}", text,
        title=extra["title"] or "", url=extra["url"] or "", date=extra["date"] or "",
    )


def make_article(art_id: str, path: str, raw_text: str, *, title: str = "", url: str = "", date: str = "") -> Article:
    """Build an :class:`Article` from raw text: clean it, find the title and date.

    The title is the given one or else the first non-empty line. The date is
    the given one or else the first "15 Desember 2021"-style date in the first
    lines, as ISO ``YYYY-MM-DD``.

    >>> a = make_article("x", "x.txt", "Judul\\nBaca juga: lain\\nIsi berita. (ant)")
    >>> a.title, a.text
    ('Judul', 'Judul\\nIsi berita.')
    """
    text = clean_text(raw_text)
    if not title:
        # the first line that is not only a date ("Rabu 15 Dec 2021 21:54 WIB")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title = next((line for line in lines if not _DATE_LINE.match(line)), lines[0] if lines else "")
    if not date:
        date = _find_date(text[:600])
    return Article(id=art_id, path=path, title=title, text=text, url=url, date=date)


def clean_text(text: str) -> str:
    """Drop boilerplate lines, repeated lines and a closing byline; normalise spaces.

    Paragraphs stay on their own lines (blank lines collapse), so sentence
    offsets stay meaningful.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    out: list[str] = []
    seen: set[str] = set()
    for line in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", line).strip()
        if not line or _BOILERPLATE_LINE.match(line):
            continue
        key = line.lower()
        if key in seen:  # a title or caption repeated by the page template
            continue
        seen.add(key)
        out.append(line)
    if out:
        last = _BYLINE_TAIL.sub("", out[-1]).rstrip()
        if last:
            out[-1] = last
        else:
            out.pop()
    return "\n".join(out)


def _find_date(head: str) -> str:
    m = _DATE.search(head)
    if not m:
        return ""
    day, month, year = int(m.group(1)), _MONTHS[m.group(2)[:3].lower()], int(m.group(3))
    if not 1 <= day <= 31:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"
