"""Stage 2 on short texts written for these tests, from provinces the demo corpus does not cover.

Each case exercises one general rule of Indonesian news (a title form, an acting
marker, an acronym, a place written bare); none is copied from the corpus.
"""

from __future__ import annotations

import pytest

import kgraph
from kgraph.ingest import make_article
from kgraph.model import EntityType, Extraction


def _extract(text: str, art_id: str = "t") -> Extraction:
    return kgraph.extract(make_article(art_id, f"{art_id}.txt", text))


def _posts(ex: Extraction) -> set[tuple[str, str, str]]:
    """(holder name, role, organisation name) of every post."""
    names = {m.key: m.name for m in ex.mentions}
    return {(names[r.subject], r.role, names.get(r.object, "")) for r in ex.relations if r.predicate == "holds"}


def _names(ex: Extraction, etype: EntityType) -> set[str]:
    return {m.name for m in ex.mentions if m.type == etype}


@pytest.mark.parametrize(
    ("text", "post"),
    [
        # acting marker, honorific and degrees around the name (Aceh)
        ("Penjabat (Pj) Bupati Aceh Timur, Ir. Mahyuddin, M.Si, membuka musrenbang.",
         ("Mahyuddin", "Penjabat Bupati", "Pemerintah Kabupaten Aceh Timur")),
        # issue examples: acting title, police rank and degree, city with a doctorate
        ("Pj Bupati Buleleng Ketut Lihadnyana meninjau lokasi banjir.",
         ("Ketut Lihadnyana", "Penjabat Bupati", "Pemerintah Kabupaten Buleleng")),
        ("Wali Kota Ternate, Dr. M. Tauhid Soleman, M.Si hadir di pelabuhan.",
         ("M. Tauhid Soleman", "Wali Kota", "Pemerintah Kota Ternate")),
        ("Kapolres Aceh Timur AKBP Andy Rahmansyah memimpin apel.",
         ("Andy Rahmansyah", "Kapolres", "Kepolisian Resor Kabupaten Aceh Timur")),
        # a head + field institution and its region (NTT)
        ("Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Kupang, Yanuar Dally, hadir.",
         ("Yanuar Dally", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
          "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Kupang")),
        # a province abbreviation and a provincial dinas (NTT)
        ("Kepala Dinas Kesehatan Provinsi NTT, Ruth Laiskodat, menyampaikan dukungan.",
         ("Ruth Laiskodat", "Kepala Dinas Kesehatan", "Dinas Kesehatan Provinsi Nusa Tenggara Timur")),
        # an acronym with its region, and Plt (Sulteng)
        ("Plt Kepala Dinas Komunikasi dan Informatika (Diskominfo) Palu Rizal Arifin menyebut hasilnya terbuka.",
         ("Rizal Arifin", "Pelaksana Tugas Kepala Dinas Komunikasi dan Informatika",
          "Dinas Komunikasi dan Informatika Kota Palu")),
        # the name before the title ("NAME, selaku TITLE"), Kalimantan Timur
        ("Edi Damansyah, selaku Bupati Kutai Kartanegara, membuka acara.",
         ("Edi Damansyah", "Bupati", "Pemerintah Kabupaten Kutai Kartanegara")),
        # a legislature head with a province acronym
        ("Rapat dipimpin Ketua DPRD Kaltim Hasanuddin Mas'ud.",
         ("Hasanuddin Mas'ud", "Ketua DPRD", "Dewan Perwakilan Rakyat Daerah Provinsi Kalimantan Timur")),
        # Wakil Wali Kota with an initial inside the name (Jawa Barat)
        ("Wakil Wali Kota Bogor Dedie A. Rachim mewakili Pemkot Bogor.",
         ("Dedie A. Rachim", "Wakil Wali Kota", "Pemerintah Kota Bogor")),
        # a minister: "Menteri" heads the ministry named after it, then its bracketed abbreviation
        ("Menteri Dalam Negeri (Mendagri) Tito Karnavian melantik penjabat gubernur.",
         ("Tito Karnavian", "Menteri Dalam Negeri", "Kementerian Dalam Negeri")),
        # a military unit named by its designation (Jawa Timur, Papua Selatan)
        ("Pangdam V/Brawijaya Mayjen TNI Farid Makruf meninjau pos pengamanan.",
         ("Farid Makruf", "Pangdam", "Komando Daerah Militer V/Brawijaya")),
        ("Dandim 1707/Merauke Letkol Inf Johny Nofriady turut hadir.",
         ("Johny Nofriady", "Dandim", "Komando Distrik Militer 1707/Merauke")),
        # a party faction between the post and the name (Sumatera Utara)
        ("Anggota DPRD Kota Medan dari Fraksi PDI Perjuangan, Robi Barus, mengatakan anggaran perlu ditambah.",
         ("Robi Barus", "Anggota DPRD", "Dewan Perwakilan Rakyat Daerah Kota Medan")),
        # a university's proper name (Sulawesi Selatan)
        ("Rektor Universitas Hasanuddin Prof. Jamaluddin Jompa menerima kunjungan.",
         ("Jamaluddin Jompa", "Rektor Universitas Hasanuddin", "Universitas Hasanuddin")),
        # a deputy without a region takes the region of the title before it in the sentence
        ("Gubernur Jawa Timur Khofifah Indar Parawansa meresmikan jembatan bersama Wagub Emil Dardak.",
         ("Emil Dardak", "Wakil Gubernur", "Pemerintah Provinsi Jawa Timur")),
        # an unknown body between a generic title and the name
        ("Tim SAR masih mencari korban, ungkap Koordinator Pos SAR, Budi Hartono.",
         ("Budi Hartono", "Koordinator Pos SAR", "Pos SAR")),
        # the title's own abbreviation in brackets between the body and its region (Jawa Barat)
        ("Kepala Dinas Kesehatan (Kadinkes) Kota Bandung, Anhar Hadian, menyebut kasus DBD meningkat.",
         ("Anhar Hadian", "Kepala Dinas Kesehatan", "Dinas Kesehatan Kota Bandung")),
        # the police example: rank and degree stripped
        ("Wakapolres Gowa AKP Budi Santoso, S.H. memimpin pengamanan.",
         ("Budi Santoso", "Wakapolres", "Kepolisian Resor Kabupaten Gowa")),
    ],
)
def test_title_parsing(text: str, post: tuple[str, str, str]) -> None:
    ex = _extract(text)
    assert post in _posts(ex)


def test_district_title_then_rank_then_name() -> None:
    ex = _extract("Kapolsek Cibinong AKP Dicky Wahyudi meninjau lokasi banjir.")
    assert any(name == "Dicky Wahyudi" and role == "Kapolsek" for name, role, _ in _posts(ex))


def test_honorifics_and_degrees_are_attributes_not_name() -> None:
    ex = _extract("Wali Kota Ternate, Dr. M. Tauhid Soleman, M.Si hadir.")
    (m,) = [m for m in ex.mentions if m.type == EntityType.OFFICIAL]
    assert m.name == "M. Tauhid Soleman"
    assert "Dr" in m.attr("honorifics").split("|")


def test_bare_region_after_title_is_typed_by_the_title() -> None:
    # Bogor is both a kabupaten and a kota: the title decides
    ex = _extract("Bupati Bogor Iwan Setiawan bertemu Wali Kota Bogor Bima Arya.")
    assert {"Kabupaten Bogor", "Kota Bogor"} <= _names(ex, EntityType.REGENCY) | _names(ex, EntityType.CITY)
    assert ("Iwan Setiawan", "Bupati", "Pemerintah Kabupaten Bogor") in _posts(ex)
    assert ("Bima Arya", "Wali Kota", "Pemerintah Kota Bogor") in _posts(ex)


def test_region_named_only_through_a_title_and_its_province() -> None:
    ex = _extract("Bupati Sleman Kustini Sri Purnomo meresmikan pasar.")
    assert "Kabupaten Sleman" in _names(ex, EntityType.REGENCY)
    assert "Daerah Istimewa Yogyakarta" in _names(ex, EntityType.PROVINCE)


def test_subdistrict_is_not_a_region() -> None:
    # a kecamatan that shares its name with the regency is not the regency
    ex = _extract("Warga Kecamatan Sambas mengeluhkan jalan rusak di Desa Sintang.")
    assert not _names(ex, EntityType.REGENCY)


def test_acronym_and_full_name_are_one_institution() -> None:
    ex = _extract("Badan Penanggulangan Bencana Daerah (BPBD) Aceh Timur siaga. BPBD Aceh Timur menyiapkan posko.")
    keys = {m.key for m in ex.mentions if m.type == EntityType.INSTITUTION}
    assert len(keys) == 1
    (name,) = _names(ex, EntityType.INSTITUTION)
    assert name == "Badan Penanggulangan Bencana Daerah Kabupaten Aceh Timur"


def test_an_acronym_defined_as_something_else_is_not_the_institution() -> None:
    ex = _extract("Bupati selaku Pejabat Pembina Kepegawaian (PPK) harus bertindak. PPK wajib menjatuhkan sanksi.")
    assert "Panitia Pemilihan Kecamatan" not in " ".join(_names(ex, EntityType.INSTITUTION))


def test_an_acronym_after_a_pay_or_budget_term_is_that_term() -> None:
    # Sulawesi Tengah: BK is also the Badan Kehormatan of a DPRD
    ex = _extract("Bupati Sigi menyalurkan Bantuan Keuangan (BK) kepada 176 desa. BK desa naik tahun ini.")
    assert not any("Kehormatan" in n for n in _names(ex, EntityType.INSTITUTION))


def test_a_misspelt_title_is_not_a_name() -> None:
    # Kalimantan Selatan: a list of vacant posts, one title misspelt
    ex = _extract("Jabatan yang kosong antara lain Kadis Kominfo, Kasatpol PP, Asissten III Setda dan Staf Ahli "
                  "Pemerintah Kabupaten Tapin.")
    assert not _names(ex, EntityType.OFFICIAL)


def test_deputies_listed_after_wakilnya() -> None:
    ex = _extract("Sidang dipimpin Ketua DPRD Kabupaten Bantul, Hanung Raharjo (PDIP), didampingi "
                  "wakilnya yakni: Arif Haryanto (Gerindra), dan Subhan Nawawi (PKB).")
    posts = _posts(ex)
    dprd = "Dewan Perwakilan Rakyat Daerah Kabupaten Bantul"
    assert ("Hanung Raharjo", "Ketua DPRD", dprd) in posts
    assert ("Arif Haryanto", "Wakil Ketua DPRD", dprd) in posts
    assert ("Subhan Nawawi", "Wakil Ketua DPRD", dprd) in posts
    parties = {(r.subject, r.object) for r in ex.relations if r.predicate == "member_of"}
    assert len(parties) == 3


def test_short_name_and_nickname_are_the_same_person() -> None:
    ex = _extract("Bupati Lombok Tengah, H. Lalu Pathul Bahri, meninjau sawah. "
                  "\"Petani harus dibantu,\" kata Pathul. Menurut Pathul, irigasi diperbaiki.")
    persons = {m.key for m in ex.mentions if m.type.is_person}
    assert len(persons) == 1
    (quote,) = {q.text for q in ex.quotes}
    assert quote.startswith("Petani harus dibantu")


def test_quotes_go_to_the_right_speaker() -> None:
    ex = _extract("Wali Kota Kupang George Hadjoh membuka acara. \"Jabatan adalah amanah,\" kata George.\n"
                  "Kepala Dinas Kesehatan Kota Kupang, Maria Ernawati, menyampaikan laporan. "
                  "\"Kami siap melayani,\" ujarnya.")
    by_speaker = {next(m.name for m in ex.mentions if m.key == q.speaker): q.text for q in ex.quotes}
    assert by_speaker["George Hadjoh"].startswith("Jabatan adalah amanah")
    assert by_speaker["Maria Ernawati"].startswith("Kami siap melayani")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Upacara peringatan HUT Korpri ke-53 digelar di Kabupaten Sleman.", "HUT Korpri ke-53"),
        ("Gubernur hadir dalam HUT ke-67 Provinsi Kalimantan Timur.", "HUT Provinsi Kalimantan Timur ke-67"),
        ("ASN diminta netral pada Pemilihan Umum (Pemilu) dan Pemilihan Presiden (Pilpres) 2024.", "Pilpres 2024"),
        ("KPU menyiapkan Pilkada Serentak 2024 di Kota Palu.", "Pilkada 2024"),
        ("DPRD Kabupaten Bantul menggelar Rapat Paripurna pada Senin.", "Rapat Paripurna"),
    ],
)
def test_events(text: str, event: str) -> None:
    assert event in _names(_extract(text), EntityType.EVENT)


def test_event_word_in_a_regulation_title_is_not_an_event() -> None:
    ex = _extract("Hal itu sesuai Surat Edaran nomor 5 tentang pelantikan pejabat secara daring.")
    assert not _names(ex, EntityType.EVENT)


def test_disaster_is_an_event_only_when_it_happens() -> None:
    assert "Banjir" in " ".join(_names(_extract("Banjir melanda Kabupaten Luwu, Jumat."), EntityType.EVENT))
    assert not _names(_extract("BPBD menyiapkan rencana kontinjensi banjir di desa rawan banjir."), EntityType.EVENT)


def test_warning_is_not_a_commemoration() -> None:
    ex = _extract("Wakil Bupati Sleman memberikan peringatan tegas kepada ASN yang mangkir.")
    assert not _names(ex, EntityType.EVENT)


def test_ordinary_sentences_name_no_person() -> None:
    ex = _extract("Menurut BPS, angka kemiskinan turun. \"Kami akan terus berupaya,\" kata dia. "
                  "Hal itu disampaikan di Aula Kantor Camat Suka Makmur. Program Keluarga Harapan (PKH) "
                  "tetap berjalan, kata Sekretaris Dinas Sosial.")
    assert not [m for m in ex.mentions if m.type.is_person]


def test_headline_words_are_not_names() -> None:
    ex = _extract("Bupati Sleman Minta ASN Disiplin\nBupati Sleman Kustini Sri Purnomo meminta ASN disiplin.")
    assert _names(ex, EntityType.OFFICIAL) == {"Kustini Sri Purnomo"}


def test_pipeline_labels_doc_ents_with_kgraph_types() -> None:
    doc = kgraph.nlp()("Kepala BPBD Aceh Timur, Muhammad Rizal, mengatakan posko siap.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Muhammad Rizal", "Official") in labels
    assert any(label == "Institution" for _, label in labels)
    assert all(s.label_ in {t.value for t in EntityType} for s in doc.spans["kgraph"])


def test_every_mention_points_at_its_text() -> None:
    art = make_article("t", "t.txt", "Bupati Gowa Adnan Purichta Ichsan membuka Pilkada 2020.\nIa hadir.")
    ex = kgraph.extract(art)
    for m in ex.mentions:
        ev = m.evidence
        assert art.text[ev.start:ev.end] == m.text
        assert art.text[ev.sentence_start:].startswith(ev.sentence)
