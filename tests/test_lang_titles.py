"""The Indonesian lexicons for people and speech: titles, acting markers,
honorifics, degrees, ranks, name particles, speech verbs and name stop words."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kgraph.lang.id import honorifics as hon
from kgraph.lang.id import names
from kgraph.lang.id import speech_verbs as sv
from kgraph.lang.id import titles as tl
from kgraph.lang.id._data import read_lines, read_table, split_forms

#: Small words a Title Case institution name may keep lowercase.
_CONNECTORS = {"dan", "atau", "serta", "di", "ke", "dari", "untuk"}

_ONE_FORM_FILES = ("honorifics.txt", "degrees.txt", "ranks.txt", "rank_suffixes.txt", "name_particles.txt")


def _table_forms(name: str, columns: int) -> list[str]:
    return [form for row in read_table(name, columns) for form in split_forms(row[0])]


def _dups(keys: list[str]) -> list[str]:
    return sorted(k for k, n in Counter(keys).items() if n > 1)


def _tidy(form: str) -> bool:
    """No leading/trailing whitespace, no double spaces, no tabs."""
    return form == form.strip() and "  " not in form and "\t" not in form and bool(form)


# --- titles.tsv -----------------------------------------------------------------


def test_titles_parse_with_four_columns() -> None:
    for row in read_table("titles.tsv", 4):
        form, role, place, org = row
        assert split_forms(form) and role and place, row


def test_titles_no_duplicate_forms() -> None:
    forms = _table_forms("titles.tsv", 4)
    assert _dups([tl.normalise_title(f) for f in forms]) == []
    assert len(tl.titles()) == len(forms)


def test_titles_forms_and_roles_are_tidy() -> None:
    for row in read_table("titles.tsv", 4):
        assert all(_tidy(cell) for cell in row[:3]), row
        assert row[3] == "" or _tidy(row[3]), row


def test_titles_count() -> None:
    assert len(tl.titles()) >= 150


def test_titles_places_allowed() -> None:
    assert {t.place for t in tl.titles().values()} <= tl.PLACES
    for row in read_table("titles.tsv", 4):
        assert row[2] in tl.PLACES, row


def test_titles_every_place_used() -> None:
    assert {t.place for t in tl.titles().values()} == tl.PLACES


def test_titles_org_is_title_case() -> None:
    for t in tl.titles().values():
        if t.org in ("", tl.TAKES_ORG):
            continue
        for word in t.org.split():
            assert word in _CONNECTORS or word[0].isupper(), (t.form, t.org)


def test_titles_role_is_title_case() -> None:
    for t in tl.titles().values():
        for word in t.role.split():
            assert word in _CONNECTORS or word[0].isupper(), (t.form, t.role)


def test_titles_no_rank_is_a_title() -> None:
    keys = {hon.normalise_token(k) for k in tl.titles()}
    assert keys & hon.ranks() == set()


@pytest.mark.parametrize(
    ("form", "role", "place", "org"),
    [
        ("Wabup", "Wakil Bupati", "regency", ""),
        ("Wakil Bupati", "Wakil Bupati", "regency", ""),
        ("Bupati", "Bupati", "regency", ""),
        ("Walikota", "Wali Kota", "city", ""),
        ("Wali Kota", "Wali Kota", "city", ""),
        ("Wali-Kota", "Wali Kota", "city", ""),
        ("Wako", "Wali Kota", "city", ""),
        ("Wawali", "Wakil Wali Kota", "city", ""),
        ("Wakil  Walikota", "Wakil Wali Kota", "city", ""),
        ("Gubernur", "Gubernur", "province", ""),
        ("Sekda", "Sekretaris Daerah", "region", ""),
        ("SEKDA", "Sekretaris Daerah", "region", ""),
        ("Kapolres", "Kapolres", "region", "Polres"),
        ("Kepala Kepolisian Resor", "Kapolres", "region", "Polres"),
        ("Kapolda", "Kapolda", "province", "Polda"),
        ("Kapolsek", "Kapolsek", "district", "Polsek"),
        ("Dandim", "Dandim", "region", "Kodim"),
        ("Komandan Kodim", "Dandim", "region", "Kodim"),
        ("Pangdam", "Pangdam", "province", "Kodam"),
        ("Kajari", "Kajari", "region", "Kejaksaan Negeri"),
        ("Kajati", "Kajati", "province", "Kejaksaan Tinggi"),
        ("Kadinkes", "Kepala Dinas Kesehatan", "region", "Dinas Kesehatan"),
        ("Kadisdik", "Kepala Dinas Pendidikan", "region", "Dinas Pendidikan"),
        ("Mendagri", "Menteri Dalam Negeri", "national", "Kementerian Dalam Negeri"),
        ("Menpan-RB", "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "national",
         "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
        ("Kordiv", "Koordinator Divisi", "none", "*"),
        ("Jubir", "Juru Bicara", "none", "*"),
        ("Kadis", "Kepala Dinas", "region", "*"),
        ("Ketum", "Ketua Umum", "none", "*"),
        ("Camat", "Camat", "district", ""),
        ("Kades", "Kepala Desa", "village", ""),
        ("Presiden", "Presiden", "national", ""),
        ("Gubernur BI", "Gubernur Bank Indonesia", "national", "Bank Indonesia"),
    ],
)
def test_lookup_title(form: str, role: str, place: str, org: str) -> None:
    title = tl.lookup_title(form)
    assert title is not None, form
    assert (title.role, title.place, title.org) == (role, place, org)


@pytest.mark.parametrize("form", ["Ketua", "Kepala", "Anggota", "Menteri", "Direktur", "Kabid", "Komisioner"])
def test_generic_heads_take_org(form: str) -> None:
    title = tl.lookup_title(form)
    assert title is not None and title.takes_org


@pytest.mark.parametrize("form", ["Bupati", "Sekda", "Kapolres", "Camat"])
def test_specific_titles_do_not_take_org(form: str) -> None:
    title = tl.lookup_title(form)
    assert title is not None and not title.takes_org


@pytest.mark.parametrize(
    "text",
    ["Ketua DPRD", "Kepala BPBD", "Kadin", "Karo", "Pejabat", "Hakim", "Kapten", "AKBP", "Bupati Serang", ""],
)
def test_not_titles(text: str) -> None:
    assert tl.lookup_title(text) is None


def test_normalise_title() -> None:
    assert tl.normalise_title("Wakil  Wali-Kota") == "wakil wali kota"
    assert tl.normalise_title("Pj.") == "pj"
    assert tl.normalise_title(" MenPAN-RB ") == "menpan rb"


def test_max_title_tokens() -> None:
    assert tl.max_title_tokens() == max(len(k.split()) for k in tl.titles())
    assert tl.max_title_tokens() >= 5  # "Kepala Kepolisian Negara Republik Indonesia"


def test_titles_returns_a_fresh_dict() -> None:
    tl.titles().clear()
    assert tl.lookup_title("Bupati") is not None


# --- acting.tsv -----------------------------------------------------------------


def test_acting_parse_no_duplicates_meanings() -> None:
    forms = _table_forms("acting.tsv", 2)
    assert _dups([tl.normalise_title(f) for f in forms]) == []
    assert all(_tidy(f) for f in forms)
    for _, meaning in read_table("acting.tsv", 2):
        assert meaning in tl.ACTING_MEANINGS
    assert len(tl.acting_markers()) == len(forms) >= 15


@pytest.mark.parametrize(
    ("form", "meaning"),
    [
        ("Pj.", "Penjabat"),
        ("Pj", "Penjabat"),
        ("PJ", "Penjabat"),
        ("Penjabat", "Penjabat"),
        ("Pjs.", "Penjabat Sementara"),
        ("Plt.", "Pelaksana Tugas"),
        ("PLT", "Pelaksana Tugas"),
        ("Pelaksana Tugas", "Pelaksana Tugas"),
        ("Plh", "Pelaksana Harian"),
        ("Plh.", "Pelaksana Harian"),
        ("mantan", "former"),
        ("Mantan", "former"),
        ("eks-", "former"),
        ("calon", "Calon"),
        ("terpilih", "elect"),
    ],
)
def test_acting_lookup(form: str, meaning: str) -> None:
    assert tl.acting_markers()[tl.normalise_title(form)] == meaning


def test_plain_pejabat_is_not_a_marker() -> None:
    assert "pejabat" not in tl.acting_markers()


# --- one-form-a-line files: honorifics, degrees, ranks, suffixes, particles -------


@pytest.mark.parametrize("name", _ONE_FORM_FILES)
def test_one_form_files_tidy_and_unique(name: str) -> None:
    lines = read_lines(name)
    assert all(_tidy(line) and "|" not in line for line in lines), name
    assert _dups([hon.normalise_token(line) for line in lines]) == [], name


@pytest.mark.parametrize(
    ("loader", "minimum"),
    [
        (hon.honorifics, 40),
        (hon.degrees, 60),
        (hon.ranks, 40),
        (hon.rank_suffixes, 20),
        (hon.name_particles, 40),
    ],
)
def test_one_form_counts(loader: object, minimum: int) -> None:
    assert callable(loader)
    forms = loader()
    assert isinstance(forms, frozenset) and len(forms) >= minimum
    assert all(f == hon.normalise_token(f) for f in forms)


def test_normalise_token() -> None:
    assert hon.normalise_token("S.Sos.") == "ssos"
    assert hon.normalise_token("K.H.") == "kh"
    assert hon.normalise_token("La Ode") == "laode"
    assert hon.normalise_token("(P)") == "(p)"


@pytest.mark.parametrize("token", ["S.Sos.", "S.Sos", "M.Si", "M.Si.", "SH", "S.H.", "M.H", "S.STP", "M.AP", "Ph.D", "A.Md",
                                   "Sp.PD", "M.Kes", "Lc", "S.IK", "S.I.K."])
def test_degrees(token: str) -> None:
    assert hon.is_degree(token)


@pytest.mark.parametrize("token", ["H.", "Hj.", "Hj", "Dr.", "dr.", "drg.", "Drs.", "Ir.", "Prof.", "KH", "K.H.", "Ustaz",
                                   "Tgk.", "TGH", "Bapak", "Ibu", "Sdr.", "Ny."])
def test_honorifics(token: str) -> None:
    assert hon.is_honorific(token)


@pytest.mark.parametrize("token", ["Andi", "Tubagus", "Tb.", "Teuku", "Cut", "Raden", "Habib", "I Gusti", "Anak Agung",
                                   "I Made", "Ni Luh", "La Ode"])
def test_name_particles_are_not_honorifics(token: str) -> None:
    assert not hon.is_honorific(token)
    assert hon.is_name_particle(token)


@pytest.mark.parametrize("token", ["AKBP", "Letkol", "Kombes", "Kombes Pol", "Iptu", "Brigjen", "Irjen", "Kapten",
                                   "Serka", "Laksma", "Marsma", "Bharada"])
def test_ranks(token: str) -> None:
    assert hon.is_rank(token)


@pytest.mark.parametrize("token", ["Inf", "Pol", "TNI", "Czi", "(P)", "(K)", "(Purn)"])
def test_rank_suffixes(token: str) -> None:
    assert hon.is_rank_suffix(token)


def test_people_word_lists_are_disjoint() -> None:
    sets = {
        "honorifics": hon.honorifics(),
        "degrees": hon.degrees(),
        "ranks": hon.ranks(),
        "rank_suffixes": hon.rank_suffixes(),
        "name_particles": hon.name_particles(),
    }
    for a, left in sets.items():
        for b, right in sets.items():
            if a < b:
                assert left & right == set(), (a, b, sorted(left & right))


# --- speech_verbs.tsv -------------------------------------------------------------


def test_speech_verbs_parse_lowercase_unique() -> None:
    forms = _table_forms("speech_verbs.tsv", 2)
    assert all(_tidy(f) and f == f.lower() for f in forms)
    assert _dups(forms) == []
    for _, position in read_table("speech_verbs.tsv", 2):
        assert position in sv.POSITIONS
    verbs = sv.speech_verbs()
    assert len(verbs) == len(forms) >= 40
    assert set(verbs.values()) == sv.POSITIONS


@pytest.mark.parametrize(
    ("form", "position"),
    [
        ("katanya", "pronoun"),
        ("ujarnya", "pronoun"),
        ("menurutnya", "pronoun"),
        ("kata", "before"),
        ("ujar", "before"),
        ("tegas", "before"),
        ("mengatakan", "after"),
        ("menegaskan", "after"),
        ("berharap", "after"),
        ("menurut", "according"),
    ],
)
def test_speech_verb_positions(form: str, position: str) -> None:
    assert sv.speech_verbs()[form] == position


def test_every_before_verb_has_its_pronoun_form() -> None:
    verbs = sv.speech_verbs()
    short = [f for f, p in verbs.items() if p == "before" and " " not in f and not f.startswith("di")]
    missing = [f for f in short if verbs.get(f + "nya") != "pronoun"]
    assert missing == []


@pytest.mark.parametrize("form", ["aku", "nilai", "nilainya", "seru", "janji"])
def test_ambiguous_words_are_not_speech_verbs(form: str) -> None:
    assert form not in sv.speech_verbs()


# --- name_stop.txt ----------------------------------------------------------------


def test_name_stop_parse_lowercase_unique() -> None:
    lines = read_lines("name_stop.txt")
    assert all(_tidy(line) and line == line.lower() and " " not in line for line in lines)
    assert _dups(lines) == []
    assert len(names.name_stop()) == len(lines) >= 300


@pytest.mark.parametrize("word", ["senin", "jumat", "januari", "desember", "pemerintah", "pemkab", "kabupaten",
                                  "dalam", "menurut", "ia", "asn", "dprd", "wib", "kab."])
def test_name_stop_has(word: str) -> None:
    assert word in names.name_stop()


@pytest.mark.parametrize("word", ["hari", "jan", "sri", "agung", "andi", "bupati", "kepala"])
def test_name_stop_lacks(word: str) -> None:
    assert word not in names.name_stop()


def test_name_stop_shares_nothing_with_titles_or_name_words() -> None:
    stop = names.name_stop()
    assert stop & set(tl.titles()) == set()
    for words in (hon.honorifics(), hon.ranks(), hon.rank_suffixes()):
        assert {hon.normalise_token(w) for w in stop} & words == set()
    # a particle may also be a function word ("lalu" = "then"; "Lalu" = a Sasak noble title):
    # the extractor reads it as a name part only before another capitalised word
    assert {hon.normalise_token(w) for w in stop} & hon.name_particles() == {"lalu"}


# --- loading ------------------------------------------------------------------------


def test_files_have_header_comments() -> None:
    from importlib import resources

    data = resources.files("kgraph.lang.id").joinpath("data")
    for name in ("titles.tsv", "acting.tsv", "speech_verbs.tsv", "name_stop.txt", *_ONE_FORM_FILES):
        text = data.joinpath(name).read_text(encoding="utf-8")
        assert text.startswith("# kgraph"), name
        assert re.search(r"[Hh]and-written", text.split("\n\n")[0]), name
