"""The Indonesian lexicons for institutions, parties, institution heads and events."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

from kgraph.errors import ModelError
from kgraph.lang.id import events as ev
from kgraph.lang.id import institutions as inst
from kgraph.lang.id._data import read_lines, read_table, split_forms

#: Small words a Title Case name may keep lowercase.
_CONNECTORS = {"dan", "atau", "serta", "di", "ke", "dari", "untuk", "terhadap", "of"}

_CACHED: tuple[Callable[..., object], ...] = (
    inst.institutions,
    inst.institution_forms,
    inst.institution_heads,
    inst.max_head_tokens,
    inst.institution_words,
    ev.event_triggers,
    ev.max_trigger_tokens,
)


def _dups(keys: list[str]) -> list[str]:
    return sorted(k for k, n in Counter(keys).items() if n > 1)


def _tidy(text: str) -> bool:
    """Non-empty, no leading/trailing whitespace, no double spaces, no tabs."""
    return bool(text) and text == text.strip() and "  " not in text and "\t" not in text


def _title_case(name: str) -> bool:
    """Every word starts with a capital or a digit, except the small connectors."""
    words = name.split()
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _CONNECTORS for w in words)


def _clear_caches() -> None:
    for func in _CACHED:
        func.cache_clear()  # type: ignore[attr-defined]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    _clear_caches()
    yield
    _clear_caches()


# --- the files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "columns"),
    [("institutions.tsv", 3), ("parties.tsv", 2), ("institution_heads.tsv", 3), ("events.tsv", 3)],
)
def test_file_parses_with_its_columns(name: str, columns: int) -> None:
    rows = read_table(name, columns)
    assert rows
    for row in rows:
        assert len(row) == columns
        assert _tidy(row[0]), row
    raw = read_lines(name)
    assert all(line.count("\t") < columns for line in raw)


@pytest.mark.parametrize("name", ["institutions.tsv", "parties.tsv", "institution_heads.tsv", "events.tsv"])
def test_file_starts_with_a_header_comment(name: str) -> None:
    from importlib import resources

    text = resources.files("kgraph.lang.id").joinpath("data", name).read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert header.startswith(f"# {name}")
    assert "Source:" in header
    assert "Columns:" in header


def test_institution_rows_are_well_formed() -> None:
    for name, scope, forms in read_table("institutions.tsv", 3):
        assert _title_case(name), name
        assert scope in inst.SCOPES, (name, scope)
        assert forms == "" or all(_tidy(f) for f in forms.split("|")), (name, forms)


def test_party_rows_are_well_formed() -> None:
    for name, forms in read_table("parties.tsv", 2):
        assert _title_case(name), name
        assert name.startswith("Partai "), name
        assert forms == "" or all(_tidy(f) for f in forms.split("|")), (name, forms)


def test_no_duplicate_names() -> None:
    names = [r[0] for r in read_table("institutions.tsv", 3)] + [r[0] for r in read_table("parties.tsv", 2)]
    assert _dups([inst.normalise_name(n) for n in names]) == []


def test_no_form_is_shared_by_two_names() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for i in inst.institutions():
        for text in (i.name, *i.forms):
            key = inst.normalise_name(text)
            if owner.setdefault(key, i.name) != i.name:
                clashes.append((text, owner[key], i.name))
    assert clashes == []


def test_forms_are_not_empty() -> None:
    rows = inst.institutions()
    for i in rows:
        assert all(f and inst.normalise_name(f) for f in i.forms), i
    # Only bodies without any established short form may go without one.
    with_forms = [i for i in rows if i.forms]
    assert len(with_forms) >= 0.95 * len(rows)
    parties = [i for i in rows if i.party]
    assert sum(1 for p in parties if p.forms) >= 0.8 * len(parties)


def test_heads_are_well_formed() -> None:
    rows = read_table("institution_heads.tsv", 3)
    assert _dups([inst.normalise_name(r[0]) for r in rows]) == []
    for head, scope, kind in rows:
        assert _title_case(head), head
        assert scope in inst.HEAD_SCOPES, (head, scope)
        assert kind in inst.HEAD_KINDS, (head, kind)


def test_event_rows_are_well_formed() -> None:
    rows = read_table("events.tsv", 3)
    assert _dups([r[0] for r in rows]) == []
    for trigger, canonical, kind in rows:
        assert trigger == trigger.lower() and _tidy(trigger), trigger
        assert _tidy(canonical) and (canonical[0].isupper() or canonical[0].isdigit()), (trigger, canonical)
        assert kind in ev.KINDS, (trigger, kind)


def test_plausible_counts() -> None:
    assert len(read_table("institutions.tsv", 3)) >= 120
    assert len(inst.institution_heads()) >= 40
    assert len(read_table("parties.tsv", 2)) >= 18
    assert len(ev.event_triggers()) >= 90


def test_every_event_kind_is_used() -> None:
    assert {t.kind for t in ev.event_triggers().values()} == ev.KINDS


def test_every_head_kind_is_used() -> None:
    assert {h.kind for h in inst.institution_heads().values()} == inst.HEAD_KINDS


# --- the loaders ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("KemenPAN-RB", "kemenpan rb"),
        ("Kemenpan RB", "kemenpan rb"),
        ("  Satpol  PP ", "satpol pp"),
        ("Kab. Bogor", "kab bogor"),
        ("ATR/BPN", "atr bpn"),
        ("Dinas Koperasi, Usaha Kecil dan Menengah", "dinas koperasi usaha kecil dan menengah"),
        ("Mahkamah Syar\u2019iyah", "mahkamah syar'iyah"),
        ("PDI\u2011P", "pdi p"),
    ],
)
def test_normalise_name(text: str, key: str) -> None:
    assert inst.normalise_name(text) == key


def test_institutions_are_sorted_and_include_parties() -> None:
    rows = inst.institutions()
    assert [i.name for i in rows] == sorted(i.name for i in rows)
    parties = [i for i in rows if i.party]
    assert len(parties) == len(read_table("parties.tsv", 2))
    assert all(p.scope == "national" for p in parties)
    assert not any(i.party for i in rows if not i.name.startswith("Partai "))


def test_institution_forms_cover_every_name_and_form() -> None:
    table = inst.institution_forms()
    for i in inst.institutions():
        for text in (i.name, *i.forms):
            assert table[inst.normalise_name(text)] is i


@pytest.mark.parametrize(
    ("text", "name", "scope"),
    [
        ("BPBD", "Badan Penanggulangan Bencana Daerah", "regional"),
        ("Badan Penanggulangan Bencana Daerah", "Badan Penanggulangan Bencana Daerah", "regional"),
        ("Bappeda", "Badan Perencanaan Pembangunan Daerah", "regional"),
        ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "regional"),
        ("Dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "regional"),
        ("Satpol PP", "Satuan Polisi Pamong Praja", "regional"),
        ("Pol PP", "Satuan Polisi Pamong Praja", "regional"),
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "regional"),
        ("Diskominfo", "Dinas Komunikasi dan Informatika", "regional"),
        ("Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "regional"),
        ("DPM-PTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "regional"),
        ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "regional"),
        ("Kesbangpol", "Badan Kesatuan Bangsa dan Politik", "regional"),
        ("DPRD", "Dewan Perwakilan Rakyat Daerah", "regional"),
        ("KPU", "Komisi Pemilihan Umum", "regional"),
        ("KPU RI", "Komisi Pemilihan Umum Republik Indonesia", "national"),
        ("Bawaslu", "Badan Pengawas Pemilihan Umum", "regional"),
        ("Polres", "Kepolisian Resor", "regional"),
        ("Kodim", "Komando Distrik Militer", "regional"),
        ("RSUD", "Rumah Sakit Umum Daerah", "regional"),
        ("KASN", "Komisi Aparatur Sipil Negara", "national"),
        ("BKN", "Badan Kepegawaian Negara", "national"),
        ("BPIP", "Badan Pembinaan Ideologi Pancasila", "national"),
        ("Korpri", "Korps Pegawai Republik Indonesia", "national"),
        ("KORPRI", "Korps Pegawai Republik Indonesia", "national"),
        ("Korp Pegawai Republik Indonesia", "Korps Pegawai Republik Indonesia", "national"),
        ("DP Korpri", "Dewan Pengurus Korps Pegawai Republik Indonesia", "regional"),
        ("Kemendagri", "Kementerian Dalam Negeri", "national"),
        ("KemenPAN-RB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "national"),
        ("Kemenpan RB", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "national"),
        ("DPR RI", "Dewan Perwakilan Rakyat", "national"),
        ("KPK", "Komisi Pemberantasan Korupsi", "national"),
        ("BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika", "national"),
        ("Badan Meteorologi Klimatologi dan Geofisika", "Badan Meteorologi, Klimatologi, dan Geofisika", "national"),
    ],
)
def test_lookup_institution(text: str, name: str, scope: str) -> None:
    found = inst.lookup_institution(text)
    assert found is not None, text
    assert (found.name, found.scope, found.party) == (name, scope, False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PDIP", "Partai Demokrasi Indonesia Perjuangan"),
        ("PDI-P", "Partai Demokrasi Indonesia Perjuangan"),
        ("PDI Perjuangan", "Partai Demokrasi Indonesia Perjuangan"),
        ("Golkar", "Partai Golongan Karya"),
        ("Partai Golkar", "Partai Golongan Karya"),
        ("Gerindra", "Partai Gerakan Indonesia Raya"),
        ("PKB", "Partai Kebangkitan Bangsa"),
        ("NasDem", "Partai NasDem"),
        ("PNA", "Partai Nanggroe Aceh"),
        ("Partai Aceh", "Partai Aceh"),
    ],
)
def test_lookup_party(text: str, name: str) -> None:
    found = inst.lookup_institution(text)
    assert found is not None, text
    assert (found.name, found.scope, found.party) == (name, "national", True)


@pytest.mark.parametrize("text", ["", "Budi Santoso", "Kabupaten Serang", "PBB", "PT"])
def test_lookup_institution_misses(text: str) -> None:
    assert inst.lookup_institution(text) is None


@pytest.mark.parametrize(
    ("head", "scope", "kind"),
    [
        ("Dinas", "regional", "agency"),
        ("Badan", "either", "agency"),
        ("Kementerian", "national", "agency"),
        ("Pemkab", "regional", "government"),
        ("Pemerintah Kota", "regional", "government"),
        ("Pemprov", "regional", "government"),
        ("Kepolisian Resor", "regional", "police"),
        ("Kodim", "regional", "military"),
        ("Pengadilan Negeri", "regional", "judiciary"),
        ("Rumah Sakit Umum Daerah", "regional", "health"),
        ("Universitas", "either", "education"),
        ("Partai", "national", "party"),
        ("Perumda", "regional", "company"),
        ("Yayasan", "either", "other"),
    ],
)
def test_institution_heads(head: str, scope: str, kind: str) -> None:
    found = inst.institution_heads()[inst.normalise_name(head)]
    assert (found.head, found.scope, found.kind) == (head, scope, kind)


def test_max_head_tokens() -> None:
    longest = max(len(re.findall(r"\w+|[^\w\s]", h.head)) for h in inst.institution_heads().values())
    assert inst.max_head_tokens() == longest >= 4


def test_institution_words() -> None:
    words = inst.institution_words()
    assert {"pertanian", "kepegawaian", "penanggulangan", "dinas"} <= words
    assert all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize(
    ("trigger", "canonical", "kind"),
    [
        ("rakor", "Rapat Koordinasi", "meeting"),
        ("rapat koordinasi", "Rapat Koordinasi", "meeting"),
        ("hut", "HUT", "anniversary"),
        ("hari ulang tahun", "HUT", "anniversary"),
        ("hari jadi", "HUT", "anniversary"),
        ("pilkada", "Pilkada", "election"),
        ("pemilihan umum", "Pemilu", "election"),
        ("pelantikan", "Pelantikan", "inauguration"),
        ("rapat paripurna", "Rapat Paripurna", "meeting"),
        ("musrenbang", "Musrenbang", "meeting"),
        ("bimtek", "Bimbingan Teknis", "training"),
        ("open bidding", "Seleksi Terbuka", "selection"),
        ("mutasi", "Mutasi", "personnel"),
        ("banjir", "Banjir", "disaster"),
        ("karhutla", "Kebakaran Hutan dan Lahan", "disaster"),
        ("operasi ketupat", "Operasi Ketupat", "operation"),
        ("kunker", "Kunjungan Kerja", "visit"),
        ("peletakan batu pertama", "Peletakan Batu Pertama", "launch"),
        ("mtq", "MTQ", "competition"),
        ("halal bihalal", "Halalbihalal", "religious"),
        ("debat publik", "Debat Publik", "campaign"),
    ],
)
def test_event_triggers(trigger: str, canonical: str, kind: str) -> None:
    found = ev.event_triggers()[trigger]
    assert (found.trigger, found.canonical, found.kind) == (trigger, canonical, kind)


def test_max_trigger_tokens() -> None:
    longest = max(len(re.findall(r"\w+|[^\w\s]", t)) for t in ev.event_triggers())
    assert ev.max_trigger_tokens() == longest >= 3


def test_nothing_is_read_at_import() -> None:
    code = (
        "import kgraph.lang.id.institutions as i, kgraph.lang.id.events as e\n"
        "fs = (i.institutions, i.institution_forms, i.institution_heads, i.institution_words, e.event_triggers)\n"
        "assert all(f.cache_info().currsize == 0 for f in fs)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- bad data -------------------------------------------------------------------


def _fake_tables(tables: dict[str, list[tuple[str, ...]]]) -> Callable[[str, int], list[tuple[str, ...]]]:
    def fake(name: str, columns: int) -> list[tuple[str, ...]]:
        return tables[name]

    return fake


@pytest.mark.usefixtures("fresh_caches")
def test_a_form_under_two_names_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    tables: dict[str, list[tuple[str, ...]]] = {
        "institutions.tsv": [("Badan Satu", "regional", "BSA|X-Y"), ("Badan Dua", "national", "x y")],
        "parties.tsv": [],
    }
    monkeypatch.setattr(inst, "read_table", _fake_tables(tables))
    with pytest.raises(ModelError, match="form of both"):
        inst.institution_forms()


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize(
    ("institutions", "parties", "message"),
    [
        ([("Badan Satu", "galactic", "")], [], "unknown scope"),
        ([("Partai Satu", "national", "")], [("Partai Satu", "")], "listed twice"),
    ],
)
def test_bad_institution_rows_are_errors(
    monkeypatch: pytest.MonkeyPatch,
    institutions: list[tuple[str, ...]],
    parties: list[tuple[str, ...]],
    message: str,
) -> None:
    tables = {"institutions.tsv": institutions, "parties.tsv": parties}
    monkeypatch.setattr(inst, "read_table", _fake_tables(tables))
    with pytest.raises(ModelError, match=message):
        inst.institutions()


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Dinas", "regional", "agency"), ("dinas", "regional", "agency")], "listed twice"),
        ([("Dinas", "planetary", "agency")], "unknown scope"),
        ([("Dinas", "regional", "spaceship")], "unknown kind"),
    ],
)
def test_bad_head_rows_are_errors(monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, ...]], message: str) -> None:
    monkeypatch.setattr(inst, "read_table", _fake_tables({"institution_heads.tsv": rows}))
    with pytest.raises(ModelError, match=message):
        inst.institution_heads()


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Rakor", "Rapat Koordinasi", "meeting")], "not lowercase"),
        ([("rakor", "", "meeting")], "no canonical"),
        ([("rakor", "Rapat Koordinasi", "party")], "unknown kind"),
        ([("rakor", "Rapat Koordinasi", "meeting"), ("rakor", "Rakor", "meeting")], "listed twice"),
    ],
)
def test_bad_event_rows_are_errors(monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, ...]], message: str) -> None:
    monkeypatch.setattr(ev, "read_table", _fake_tables({"events.tsv": rows}))
    with pytest.raises(ModelError, match=message):
        ev.event_triggers()


def test_split_forms_of_real_rows_round_trip() -> None:
    for name, _scope, forms in read_table("institutions.tsv", 3):
        assert "|".join(split_forms(forms)) == forms, name


def test_groups_name_regional_bodies_and_map_to_their_first_name() -> None:
    groups = inst.institution_groups()
    assert groups["Dinas Pendidikan dan Kebudayaan"] == "Dinas Pendidikan"
    assert groups["Dinas Pendidikan"] == "Dinas Pendidikan"
    for name, first in groups.items():
        body = inst.lookup_institution(name)
        assert body is not None and body.scope == "regional", name
        assert groups[first] == first
    assert "Dinas Pariwisata" not in groups  # it can stand beside a Dinas Pemuda dan Olahraga
