"""Stage 3: one node per real entity across articles, and evidence for every node and edge."""

from __future__ import annotations

import json
import random
from pathlib import Path

import kgraph
from kgraph.ingest import make_article


def _kg(tmp_path: Path, articles: dict[str, str]) -> kgraph.KnowledgeGraph:
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in articles.items()), encoding="utf-8")
    return kgraph.build([path])


def test_alias_chain_within_an_article_is_one_person(tmp_path: Path) -> None:
    kg = _kg(tmp_path, {"a1": "Bupati Lombok Tengah, H. Lalu Pathul Bahri, meninjau sawah.\n"
                              "Pathul mengatakan irigasi diperbaiki. \"Kami bantu petani,\" ujar Pathul Bahri."})
    (pid,) = kg.find("Pathul")
    node = kg.node(pid)
    assert node["name"] == "Lalu Pathul Bahri"
    assert {"Pathul", "Pathul Bahri"} <= set(node["aliases"])
    assert "H" in node["honorifics"]
    assert len(node["mentions"]) >= 3


def test_same_official_across_articles_is_one_node(tmp_path: Path) -> None:
    kg = _kg(tmp_path, {
        "b1": "Bupati Sleman Kustini Sri Purnomo membuka pasar.",
        "b2": "Kepala daerah itu, Bupati Sleman Kustini Sri Purnomo, meninjau banjir. Kustini meminta warga waspada.",
    })
    (pid,) = kg.find("Kustini Sri Purnomo")
    assert kg.articles_mentioning(pid) == ["b1", "b2"]
    (post,) = kg.posts(pid)
    assert {e["article"] for e in post["evidence"]} == {"b1", "b2"}


def test_same_name_in_different_provinces_stays_two_people(tmp_path: Path) -> None:
    kg = _kg(tmp_path, {
        "c1": "Kepala Dinas Pendidikan Kabupaten Gowa, Ahmad Yani, meresmikan sekolah.",
        "c2": "Kepala Dinas Kesehatan Kota Ambon, Ahmad Yani, membuka posyandu.",
    })
    people = kg.find("Ahmad Yani")
    assert len(people) == 2
    assert {kg.articles_mentioning(p)[0] for p in people} == {"c1", "c2"}


def test_pemkab_and_full_name_and_acronym_forms_are_one_institution(tmp_path: Path) -> None:
    kg = _kg(tmp_path, {
        "d1": "Pemerintah Kabupaten Banyuwangi menggelar apel. BPBD Banyuwangi siaga.",
        "d2": "Pemkab Banyuwangi bersama Badan Penanggulangan Bencana Daerah (BPBD) Banyuwangi menyiapkan posko.",
    })
    assert kg.find("Pemkab Banyuwangi") == kg.find("Pemerintah Kabupaten Banyuwangi")
    (bpbd,) = kg.find("BPBD Banyuwangi")
    assert kg.node(bpbd)["name"] == "Badan Penanggulangan Bencana Daerah Kabupaten Banyuwangi"
    assert kg.articles_mentioning(bpbd) == ["d1", "d2"]


def test_a_region_has_one_body_of_a_group_whichever_name_the_press_uses(tmp_path: Path) -> None:
    kg = _kg(tmp_path, {
        # Jambi: the planning agency under its old and its 2024 name, in one article and across two
        "e1": "Kepala Bappeda Kabupaten Kerinci memaparkan RPJMD. Bapperida Kerinci menggelar musrenbang.",
        "e2": "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah (Bapperida) Kerinci menerima usulan.",
        # NTT: the education office short and merged; another regency's stays apart
        "e3": "Dinas Pendidikan Kota Kupang membuka PPDB. Dinas Pendidikan Kabupaten Alor menyusul.",
        "e4": "Dinas Pendidikan dan Kebudayaan Kota Kupang menambah kuota.",
    })
    (plan,) = kg.find("Bappeda Kabupaten Kerinci")
    assert kg.find("Bapperida Kerinci") == [plan]
    assert kg.node(plan)["name"] == "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Kabupaten Kerinci"
    assert kg.articles_mentioning(plan) == ["e1", "e2"]
    (kupang,) = kg.find("Dinas Pendidikan dan Kebudayaan Kota Kupang")
    assert kg.node(kupang)["name"] == "Dinas Pendidikan dan Kebudayaan Kota Kupang"
    assert kg.articles_mentioning(kupang) == ["e3", "e4"]
    (alor,) = kg.find("Dinas Pendidikan Kabupaten Alor")
    assert alor != kupang


def test_recurring_event_is_one_node_and_generic_ones_stay_per_article(tmp_path: Path) -> None:
    kg = _kg(tmp_path, {
        "e1": "Upacara HUT Korpri ke-53 digelar di Kota Kediri. Rapat paripurna DPRD digelar sore.",
        "e2": "Peringatan HUT Korpri ke-53 di Kabupaten Jember berlangsung khidmat. DPRD Jember menggelar rapat paripurna.",
    })
    hut = kg.find("HUT Korpri ke-53", type="Event")
    assert len(hut) == 1 and kg.articles_mentioning(hut[0]) == ["e1", "e2"]
    paripurna = [n for n in kg.entities("Event") if "paripurna" in kg.node(n)["name"].lower()]
    assert len(paripurna) == 2


def test_input_order_does_not_change_the_graph(tmp_path: Path) -> None:
    texts = {
        f"f{i}": t for i, t in enumerate([
            "Bupati Sleman Kustini Sri Purnomo membuka pasar.",
            "Wali Kota Yogyakarta Hasto Wardoyo hadir. Kustini Sri Purnomo juga hadir.",
            "Kepala BPBD Sleman, Makwan, mengatakan posko siap.",
            "Pj Gubernur DIY hadir dalam HUT Korpri ke-53 di Sleman.",
        ])
    }
    arts = [make_article(k, k, v) for k, v in texts.items()]
    outputs = set()
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(arts)
        kg = kgraph.from_resolution(kgraph.resolve(kgraph.extract(a) for a in arts))
        outputs.add(kg.to_turtle() + kg.to_json().encode())
    assert len(outputs) == 1


def test_adding_an_article_does_not_rename_existing_nodes(tmp_path: Path) -> None:
    base = {"g1": "Bupati Sleman Kustini Sri Purnomo membuka pasar. BPBD Sleman siaga."}
    before = set(_kg(tmp_path, base).entities())
    more = dict(base, g2="Wali Kota Kediri Abdullah Abu Bakar membuka pameran di Kota Kediri.")
    (tmp_path / "batch.jsonl").unlink()
    after = set(_kg(tmp_path, more).entities())
    assert before <= after


def test_every_node_and_edge_of_the_sample_has_evidence(sample_kg: kgraph.KnowledgeGraph) -> None:
    for node, data in sample_kg.nx.nodes(data=True):
        if data["type"] == "Article":
            continue
        assert sample_kg.evidence(node), node
        for post in data.get("posts", []):
            assert post["evidence"], (node, post["role"])
    for u, v, data in sample_kg.nx.edges(data=True):
        assert data["evidence"], (u, v, data["predicate"])
        for ev in data["evidence"]:
            assert ev["article"] and ev["sentence"]


def test_quotes_are_linked_to_speaker_and_article(sample_kg: kgraph.KnowledgeGraph) -> None:
    (tatu,) = sample_kg.find("Ratu Tatu Chasanah")
    quotes = sample_kg.quotes(tatu)
    assert any(q["text"].startswith("Banyak pesan untuk ASN") and q["article"] == "002_96725414e4c5d2ed"
               for q in quotes)
    (entus,) = sample_kg.find("Tubagus Entus Mahmud Sahiri")
    assert any(q["text"].startswith("Politik yang kemarin") for q in sample_kg.quotes(entus))


def test_explain_says_why_mentions_are_one_node(sample_kg: kgraph.KnowledgeGraph) -> None:
    (tatu,) = sample_kg.explain("Tatu")
    assert tatu["id"] == "person/ratu-tatu-chasanah"
    assert "ratu tatu chasanah" in tatu["identity"] and "2 articles" in tatu["identity"]
    texts = {m["text"] for m in tatu["mentions"]}
    assert {"Ratu Tatu Chasanah", "Tatu"} <= texts
    assert all(m["text"] in m["sentence"] for m in tatu["mentions"])
    (serang,) = sample_kg.explain("Kabupaten Serang")
    assert "36.04" in serang["identity"]
