"""Stage 1: reading real files, cleaning boilerplate, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph import errors
from kgraph.ingest import clean_text, make_article, read_articles
from kgraph.model import Article, Skipped

DATA = Path(__file__).resolve().parent.parent / "data"


def _articles(items: list[Article | Skipped]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def _skipped(items: list[Article | Skipped]) -> list[Skipped]:
    return [s for s in items if isinstance(s, Skipped)]


def test_demo_corpus_reads_five_articles_sorted() -> None:
    items = list(read_articles([DATA]))
    arts = _articles(items)
    assert not _skipped(items)
    assert [a.id for a in arts] == sorted(p.stem for p in DATA.glob("*.txt"))
    assert len(arts) == 5
    tatu = next(a for a in arts if a.id == "002_96725414e4c5d2ed")
    assert tatu.title == "Bupati Tatu Minta ASN Berinovasi"


def test_boilerplate_is_stripped_from_real_articles() -> None:
    arts = {a.id: a for a in _articles(list(read_articles([DATA])))}
    serang = arts["000_821ea28d2e938271"].text
    assert "Baca juga" not in serang and "Inspektorat" not in serang  # only in a teaser
    magelang = arts["004_7276b879e6f50d95"]
    for junk in ("Advertisement", "Berita Lainnya", "Terpopuler", "Foto: The Verge", "sumber : ANTARA"):
        assert junk not in magelang.text
    assert magelang.date == "2021-12-15"
    assert magelang.title.startswith("Bupati Magelang")  # not the date line
    lebak = arts["003_0dd45a0c05d42680"].text
    assert "Leave a Reply" not in lebak and "one × five" not in lebak and "(anjas)" not in lebak
    ksb = arts["001_d2c4a636fbcc0641"].text
    assert ksb.count("Jelang Pemilu dan Pilpres, Bupati KSB Ingatkan Netralitas ASN") == 1
    assert "(cdn.Tan/Kominfo)" not in ksb


def test_url_line_is_metadata(tmp_path: Path) -> None:
    p = tmp_path / "h1.txt"
    p.write_text("URL: https://example.id/berita/1\n\nJudul Berita\nIsi. Bupati Gowa hadir.\n", encoding="utf-8")
    (art,) = _articles(list(read_articles([p])))
    assert art.url == "https://example.id/berita/1"
    assert art.title == "Judul Berita"
    assert "URL:" not in art.text


def test_clean_text_keeps_paragraphs_and_offsets_stable() -> None:
    text = clean_text("Satu.\r\n\r\nDua  dan\ttiga.\nBaca juga: lain\nEmpat. (ant/dhe)")
    assert text == "Satu.\nDua dan tiga.\nEmpat."
    assert make_article("x", "x", "A\nB").text == "A\nB"


def test_jsonl_records_and_a_malformed_line(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Bupati Sleman hadir.", "title": "T1", "date": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "text": "Wali Kota Ambon hadir."}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([p]))
    assert [a.id for a in _articles(items)] == ["a1", "a3"]
    assert _articles(items)[0].date == "2024-01-02"
    errs = [s.error for s in _skipped(items)]
    assert [type(e) for e in errs] == [errors.MalformedRecordError] * 3
    assert [e.lineno for e in errs if isinstance(e, errors.InputError)] == [2, 3, 4]
    assert str(errs[0]).startswith(f"{p}:2: invalid JSON")
    assert "\n" not in str(errs[0])


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [
        ("empty.txt", b"", errors.EmptyInputError, "empty"),
        ("blank.txt", b"  \n\n ", errors.EmptyInputError, "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", errors.BinaryInputError, "binary"),
        ("latin1.txt", "Bupati Sleman menghadiri acara di café".encode("latin-1"), errors.EncodingError, "UTF-8"),
        ("notes.docx", b"PK\x03\x04", errors.UnsupportedInputError, ".txt or .jsonl"),
        ("empty.jsonl", b"\n\n", errors.EmptyInputError, "empty"),
    ],
)
def test_bad_file_is_one_line_error_naming_the_file_and_others_still_read(
        tmp_path: Path, name: str, content: bytes, error: type[Exception], words: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Judul\nBupati Sleman hadir.", encoding="utf-8")
    items = list(read_articles([bad, good]))
    (skip,) = _skipped(items)
    assert isinstance(skip.error, error)
    msg = str(skip.error)
    assert msg.startswith(str(bad)) and words in msg and "\n" not in msg
    assert [a.id for a in _articles(items)] == ["good"]


def test_encoding_error_carries_offset(tmp_path: Path) -> None:
    bad = tmp_path / "cp.txt"
    bad.write_bytes("abc é".encode("cp1252"))
    (skip,) = _skipped(list(read_articles([bad])))
    assert isinstance(skip.error, errors.EncodingError)
    assert skip.error.offset == 4 and skip.error.path == str(bad)


def test_missing_path_and_too_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Judul\n" + "kata " * 400, encoding="utf-8")
    items = list(read_articles([tmp_path / "nope.txt", big], max_bytes=1000))
    errs = [s.error for s in _skipped(items)]
    assert isinstance(errs[0], errors.MissingInputError) and "nope.txt" in str(errs[0])
    assert isinstance(errs[1], errors.InputTooLargeError) and "1,000-byte limit" in str(errs[1])


def test_duplicate_ids_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "same.txt").write_text("Judul\nIsi.", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert len(_articles(items)) == 1
    (skip,) = _skipped(items)
    assert "duplicate article id 'same'" in str(skip.error)
