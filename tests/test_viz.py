"""The offline graph page (kgraph.viz), checked in a real Chromium.

Nothing is mocked: the page is rendered from a networkx graph, opened from
``file://`` in Chromium through Playwright, and every request that is not
for a local file is blocked and recorded. Chromium and Playwright are test
requirements (``/usr/lib/chromium/chromium``, python ``playwright``); when
they are missing these tests fail, they do not skip.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Route, sync_playwright

import kgraph
from kgraph.errors import OutputError
from kgraph.viz import render_html

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

A1 = "000_821ea28d2e938271"
A2 = "001_d2c4a636fbcc0641"

# Article texts (sentences as cleaned by kgraph.ingest, one per line).
TEXTS = {
    A1: "\n".join(
        [
            "Bupati Serang Ratu Tatu Chasanah menghadiri peringatan Hari Ulang Tahun (HUT) Korpri ke-52 "
            "tingkat Kabupaten Serang, Banten, Rabu.",
            "Pejabat (Pj) Sekretaris Daerah (Sekda) Kabupaten Serang Nanang Supriatna mengatakan, sebagai "
            "anggota Korpri, ASN dituntut meningkatkan kapabilitas dan menguasai digitalisasi.",
            "Nanang mengungkapkan ada pesan khusus dari Ketua Umum (Ketum) Korpri Nasional Zudan Arif "
            "Fakrulloh agar anggota Korpri harus bisa menggerakkan pembangunan lebih baik lagi.",
            '"Kita harus memberikan pelayanan sebaik-baiknya kepada masyarakat," kata Tatu kepada ASN '
            "di lingkungan Pemkab Serang.",
        ]
    ),
    A2: "\n".join(
        [
            "Memasuki masa kampanye Pemilihan Umum (Pemilu) dan Pemilihan Presiden (Pilpres) 2024, Bupati "
            "Kabupaten Sumbawa Barat HW Musyafirin ingatkan Aparatur Sipil Negara (ASN) jaga netralitas.",
            "Himbauan tersebut disampaikan HW Musyafirin dalam upacara peringatan Hari Ulang Tahun (HUT) "
            "Korp Pegawai Republik Indonesia (Korpri) ke-52, di halaman Graha Fitra, kantor Bupati "
            "Kabupaten Sumbawa Barat.",
        ]
    ),
}

RATU = "official/ratu-tatu-chasanah"
NANANG = "official/nanang-supriatna"
MUSYAFIRIN = "official/hw-musyafirin"
ZUDAN = "person/zudan-arif-fakrulloh"
PEMKAB_SERANG = "institution/pemkab-serang"
PEMKAB_KSB = "institution/pemkab-sumbawa-barat"
KORPRI = "institution/korpri"
SERANG = "regency/36.04"
KSB = "regency/52.07"
BANTEN = "province/36"
NTB = "province/52"
HUT = "event/hut-korpri-ke-52"
ART1 = f"article/{A1}"
ART2 = f"article/{A2}"

SENTENCE_BUPATI = TEXTS[A1].split("\n")[0]
QUOTE = "Kita harus memberikan pelayanan sebaik-baiknya kepada masyarakat,"


def _ev(article: str, sentence_no: int, mention: str) -> dict[str, Any]:
    """Evidence for ``mention`` in sentence ``sentence_no`` of ``article``."""
    text = TEXTS[article]
    sentence = text.split("\n")[sentence_no]
    s0 = text.index(sentence)
    start = s0 + sentence.index(mention)
    return {"article": article, "sentence": sentence, "sentence_start": s0, "start": start, "end": start + len(mention)}


def make_sample_nx() -> nx.MultiDiGraph:
    """A small graph in the kgraph model schema, as the builder would make it."""
    g = nx.MultiDiGraph()
    g.add_node(
        ART1,
        type="Article",
        name="ASN Pemkab Serang dituntut kuasai kecerdasan buatan",
        aliases=[],
        mentions=[],
        title="ASN Pemkab Serang dituntut kuasai kecerdasan buatan",
        url="https://banten.antaranews.com/berita/asn-pemkab-serang-dituntut-kuasai-ai",
        date="2023-11-29",
        path=f"data/{A1}.txt",
    )
    g.add_node(
        ART2,
        type="Article",
        name="Jelang Pemilu dan Pilpres, Bupati KSB Ingatkan Netralitas ASN",
        aliases=[],
        mentions=[],
        title="Jelang Pemilu dan Pilpres, Bupati KSB Ingatkan Netralitas ASN",
        url="",
        date="",
        path=f"data/{A2}.txt",
    )
    g.add_node(
        RATU,
        type="Official",
        name="Ratu Tatu Chasanah",
        aliases=["Ratu Tatu Chasanah", "Tatu"],
        mentions=[_ev(A1, 0, "Ratu Tatu Chasanah"), _ev(A1, 3, "Tatu")],
        quotes=[{"text": QUOTE, **_ev(A1, 3, QUOTE)}],
        region=SERANG,
    )
    g.add_node(
        NANANG,
        type="Official",
        name="Nanang Supriatna",
        aliases=["Nanang", "Nanang Supriatna"],
        mentions=[_ev(A1, 1, "Nanang Supriatna"), _ev(A1, 2, "Nanang")],
        region=SERANG,
    )
    g.add_node(
        MUSYAFIRIN,
        type="Official",
        name="HW Musyafirin",
        aliases=["HW Musyafirin"],
        mentions=[_ev(A2, 0, "HW Musyafirin"), _ev(A2, 1, "HW Musyafirin")],
        region=KSB,
    )
    g.add_node(
        ZUDAN,
        type="Person",
        name="Zudan Arif Fakrulloh",
        aliases=["Zudan Arif Fakrulloh"],
        mentions=[_ev(A1, 2, "Zudan Arif Fakrulloh")],
    )
    g.add_node(
        PEMKAB_SERANG,
        type="Institution",
        name="Pemerintah Kabupaten Serang",
        aliases=["Pemkab Serang"],
        mentions=[_ev(A1, 3, "Pemkab Serang")],
        region=SERANG,
    )
    g.add_node(
        PEMKAB_KSB,
        type="Institution",
        name="Pemerintah Kabupaten Sumbawa Barat",
        aliases=["kantor Bupati Kabupaten Sumbawa Barat"],
        mentions=[_ev(A2, 1, "kantor Bupati Kabupaten Sumbawa Barat")],
        region=KSB,
    )
    g.add_node(
        KORPRI,
        type="Institution",
        name="Korps Pegawai Republik Indonesia",
        aliases=["Korpri", "Korp Pegawai Republik Indonesia"],
        mentions=[_ev(A1, 1, "Korpri"), _ev(A2, 1, "Korp Pegawai Republik Indonesia")],
    )
    g.add_node(
        SERANG,
        type="Regency",
        name="Kabupaten Serang",
        aliases=["Serang"],
        mentions=[_ev(A1, 0, "Kabupaten Serang")],
        code="36.04",
        province="36",
    )
    g.add_node(
        KSB,
        type="Regency",
        name="Kabupaten Sumbawa Barat",
        aliases=["KSB", "Sumbawa Barat"],
        mentions=[_ev(A2, 0, "Kabupaten Sumbawa Barat")],
        code="52.07",
        province="52",
    )
    g.add_node(BANTEN, type="Province", name="Banten", aliases=[], mentions=[_ev(A1, 0, "Banten")], code="36")
    g.add_node(NTB, type="Province", name="Nusa Tenggara Barat", aliases=["NTB"], mentions=[], code="52")
    g.add_node(
        HUT,
        type="Event",
        name="HUT Korpri ke-52",
        aliases=["Hari Ulang Tahun (HUT) Korpri ke-52"],
        mentions=[_ev(A1, 0, "Hari Ulang Tahun (HUT) Korpri ke-52"), _ev(A2, 1, "Hari Ulang Tahun (HUT)")],
    )

    def holds(person: str, org: str, role: str, ev: dict[str, Any], acting: str = "", former: bool = False) -> None:
        g.add_edge(person, org, predicate="holds", role=role, acting=acting, former=former, evidence=[ev])

    holds(RATU, PEMKAB_SERANG, "Bupati", _ev(A1, 0, "Bupati Serang Ratu Tatu Chasanah"))
    holds(NANANG, PEMKAB_SERANG, "Sekretaris Daerah", _ev(A1, 1, "Nanang Supriatna"), acting="Penjabat")
    holds(MUSYAFIRIN, PEMKAB_KSB, "Bupati", _ev(A2, 0, "HW Musyafirin"))
    holds(ZUDAN, KORPRI, "Ketua Umum", _ev(A1, 2, "Zudan Arif Fakrulloh"))
    g.add_edge(PEMKAB_SERANG, SERANG, predicate="serves", evidence=[_ev(A1, 3, "Pemkab Serang")])
    g.add_edge(PEMKAB_KSB, KSB, predicate="serves", evidence=[_ev(A2, 1, "Kabupaten Sumbawa Barat")])
    g.add_edge(SERANG, BANTEN, predicate="located_in", evidence=[_ev(A1, 0, "Kabupaten Serang, Banten")])
    g.add_edge(KSB, NTB, predicate="located_in", evidence=[])
    g.add_edge(RATU, HUT, predicate="participates", evidence=[_ev(A1, 0, "Ratu Tatu Chasanah")])
    g.add_edge(MUSYAFIRIN, HUT, predicate="participates", evidence=[_ev(A2, 1, "HW Musyafirin")])
    for article, entity in [
        (A1, RATU), (A1, NANANG), (A1, ZUDAN), (A1, PEMKAB_SERANG), (A1, KORPRI),
        (A1, SERANG), (A1, BANTEN), (A1, HUT),
        (A2, MUSYAFIRIN), (A2, PEMKAB_KSB), (A2, KORPRI), (A2, KSB), (A2, HUT),
    ]:  # fmt: skip
        evidence = [m for m in g.nodes[entity]["mentions"] if m["article"] == article]
        g.add_edge(f"article/{article}", entity, predicate="mentions", evidence=evidence)
    return g


# --------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="module")
def sample_nx() -> nx.MultiDiGraph:
    return make_sample_nx()


@pytest.fixture(scope="module")
def sample_page(sample_nx: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    render_html(sample_nx, path, title="Sample graph")
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is required for these tests and was not found at {CHROMIUM}")
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("XDG_CONFIG_HOME", str(home / ".config"))
        mp.setenv("XDG_CACHE_HOME", str(home / ".cache"))
        with sync_playwright() as p:
            b = _launch(p)
            yield b
            b.close()


def _launch(p: Playwright) -> Browser:
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class Loaded:
    """An open page with what it tried to fetch and what it complained about."""

    page: Page
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"the page tried to fetch: {self.blocked}"
        assert all(u.startswith(("file://", "data:")) for u in self.requests), self.requests
        assert self.errors == [], f"console errors: {self.errors}"

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def details(self) -> str:
        return str(self.page.inner_text("#kg-details"))


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Any]:
    contexts = []

    def _open(path: Path) -> Loaded:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        loaded = Loaded(page)

        def route(r: Route) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                loaded.blocked.append(r.request.url)
                r.abort()

        def console(m: ConsoleMessage) -> None:
            if m.type == "error":
                loaded.errors.append(m.text)

        page.route("**/*", route)
        page.on("request", lambda req: loaded.requests.append(req.url))
        page.on("console", console)
        page.on("pageerror", lambda err: loaded.errors.append(f"pageerror: {err}"))
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgraph && window.kgraph.ready === true", timeout=20_000)
        return loaded

    yield _open
    for c in contexts:
        c.close()


def _hidden_ids(pg: Loaded) -> list[str]:
    return sorted(pg.js("() => nodes.get({filter: n => n.hidden}).map(n => n.id)"))


def _types(g: nx.MultiDiGraph, t: str) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d["type"] == t)


def _page_data(text: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="kgraph-data">(.*?)</script>', text, re.S)
    assert m, "no kgraph-data block"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


# --------------------------------------------------------------------------
# in the browser


def test_page_draws_every_node_offline(open_page: Any, sample_page: Path, sample_nx: nx.MultiDiGraph) -> None:
    pg = open_page(sample_page)
    assert pg.js("() => network.body.nodeIndices.length") == sample_nx.number_of_nodes()
    assert pg.js("() => nodes.length") == sample_nx.number_of_nodes()
    assert pg.js("() => edges.length") == sample_nx.number_of_edges()
    assert pg.js("() => network instanceof vis.Network && document.getElementById('mynetwork') !== null")
    assert pg.js("() => network.physics.physicsEnabled") is False  # stabilised, then switched off
    status = pg.page.inner_text("#kg-status")
    assert f"Drawing {sample_nx.number_of_nodes()} of {sample_nx.number_of_nodes()} nodes" in status
    assert "left out" not in status
    legend = pg.page.inner_text("#kg-legend")
    for t in ("Official", "Person", "Institution", "Regency", "Province", "Event", "Article"):
        assert t in legend
    pg.assert_clean()


def test_search_tatu_focuses_and_selects(open_page: Any, sample_page: Path) -> None:
    pg = open_page(sample_page)
    pg.page.fill("#kg-search", "tatu")
    assert "Ratu Tatu Chasanah" in pg.page.inner_text("#kg-results")
    pg.page.press("#kg-search", "Enter")
    assert pg.js("() => network.getSelectedNodes()") == [RATU]
    # the view is centred on the node once the focus animation is over
    pg.page.wait_for_function(
        """id => { const p = network.getPositions([id])[id], v = network.getViewPosition();
                   return Math.hypot(p.x - v.x, p.y - v.y) < 2; }""",
        arg=RATU,
        timeout=5_000,
    )
    text = pg.details()
    assert "Ratu Tatu Chasanah" in text and "Bupati" in text
    pg.assert_clean()


def test_search_alias_case_and_accents(open_page: Any, sample_page: Path) -> None:
    pg = open_page(sample_page)
    assert pg.js("() => kgraph.search('pemkab serang')[0].id") == PEMKAB_SERANG
    assert pg.js("() => kgraph.search('  PEMKAB   Serang ')[0].id") == PEMKAB_SERANG
    assert pg.js("() => kgraph.normalize('Fakrullôh  É')") == "fakrulloh e"
    assert pg.js("() => kgraph.search('tatu').map(r => r.id)") == [RATU]
    pg.page.fill("#kg-search", "FAKRULLÔH")
    pg.page.press("#kg-search", "Enter")
    assert pg.js("() => network.getSelectedNodes()") == [ZUDAN]
    assert "Ketua Umum" in pg.details()
    pg.page.fill("#kg-search", "tidak ada nama seperti ini")
    assert "No match" in pg.page.inner_text("#kg-results")
    pg.assert_clean()


def test_type_filter_hides_exactly_officials(open_page: Any, sample_page: Path, sample_nx: nx.MultiDiGraph) -> None:
    pg = open_page(sample_page)
    officials = _types(sample_nx, "Official")
    assert len(officials) == 3
    pg.page.uncheck('input.kg-type-filter[data-type="Official"]')
    assert _hidden_ids(pg) == officials
    assert pg.js("() => network.body.nodeIndices.length") == sample_nx.number_of_nodes() - len(officials)
    pg.page.check('input.kg-type-filter[data-type="Official"]')
    assert _hidden_ids(pg) == []
    pg.page.check("#kg-hide-articles")
    assert _hidden_ids(pg) == _types(sample_nx, "Article")
    pg.page.click("#kg-reset")
    assert _hidden_ids(pg) == []
    pg.assert_clean()


def test_province_and_article_filters(open_page: Any, sample_page: Path, sample_nx: nx.MultiDiGraph) -> None:
    pg = open_page(sample_page)
    pg.page.select_option("#kg-province", "36")
    hidden = set(_hidden_ids(pg))
    # Banten's nodes and their neighbours stay; Sumbawa Barat (NTB) goes.
    assert {MUSYAFIRIN, PEMKAB_KSB, KSB, NTB, ART2} <= hidden
    assert not {RATU, NANANG, PEMKAB_SERANG, SERANG, BANTEN, HUT, ART1} & hidden
    pg.page.select_option("#kg-province", "")
    assert _hidden_ids(pg) == []
    index = pg.js(f"() => kgraph.data.articles.findIndex(a => a.key === {json.dumps(A2)})")
    pg.page.select_option("#kg-article", str(index))
    visible = set(sample_nx.nodes) - set(_hidden_ids(pg))
    assert visible == {ART2, MUSYAFIRIN, PEMKAB_KSB, KSB, KORPRI, HUT}
    pg.assert_clean()


def test_click_official_shows_post_and_sources(open_page: Any, sample_page: Path) -> None:
    pg = open_page(sample_page)
    pg.js("id => network.focus(id, {scale: 2, animation: false})", RATU)
    box = pg.page.locator("#mynetwork canvas").bounding_box()
    assert box is not None
    point = pg.js("id => network.canvasToDOM(network.getPositions([id])[id])", RATU)
    pg.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert pg.js("() => network.getSelectedNodes()") == [RATU]
    text = pg.details()
    assert "Ratu Tatu Chasanah" in text
    assert "Official" in text
    assert "Tatu" in text  # alias
    assert "Bupati" in text and "Pemerintah Kabupaten Serang" in text  # post
    assert "HUT Korpri ke-52" in text  # event attended
    assert QUOTE in text
    assert SENTENCE_BUPATI in text  # source sentence
    link = pg.page.locator("#kg-details a[href^='https://banten.antaranews.com']").first
    assert link.get_attribute("rel") == "noopener"
    # the mention is marked inside its sentence
    assert "Ratu Tatu Chasanah" in pg.js(
        "() => Array.from(document.querySelectorAll('#kg-details mark')).map(m => m.textContent)"
    )
    pg.assert_clean()


def test_acting_post_and_edge_evidence(open_page: Any, sample_page: Path) -> None:
    pg = open_page(sample_page)
    eid = pg.js("([u, v]) => edges.get({filter: e => e.from === u && e.to === v})[0].id", [NANANG, PEMKAB_SERANG])
    assert pg.js("id => edges.get(id).label", eid) == "Penjabat Sekretaris Daerah"
    pg.js("id => network.emit('click', {nodes: [], edges: [id], event: null, pointer: null})", eid)
    text = pg.details()
    assert "Nanang Supriatna" in text and "Pemerintah Kabupaten Serang" in text
    assert "Acting: Penjabat" in text
    assert TEXTS[A1].split("\n")[1] in text
    pg.assert_clean()


def test_injected_markup_stays_text(open_page: Any, sample_nx: nx.MultiDiGraph, tmp_path: Path) -> None:
    g = sample_nx.copy()
    script = "<script>window.__pwned=1</script>"
    img = '<img src=x onerror="window.__pwned=1">'
    g.nodes[RATU]["name"] = script
    g.nodes[RATU]["aliases"] = [img, "Tatu"]
    g.nodes[RATU]["quotes"] = [{**g.nodes[RATU]["quotes"][0], "text": f"{script} {img}"}]
    g.nodes[RATU]["mentions"] = [{**g.nodes[RATU]["mentions"][0], "sentence": f"</script>{script}{img}\u2028x"}]
    g.nodes[ART1]["title"] = img
    g.nodes[ART1]["url"] = "javascript:window.__pwned=1"
    text = render_html(g, tmp_path / "evil.html", title=f"{script}{img}")
    assert "window.__pwned" in text
    assert "<script>window.__pwned" not in text and "<img src=x" not in text
    data = _page_data(text)
    assert data["info"][RATU]["name"] == script

    pg = open_page(tmp_path / "evil.html")
    assert pg.js("() => kgraph.search('tatu')[0].id") == RATU
    assert pg.js("id => kgraph.select(id)", RATU) is True
    details = pg.details()
    assert script in details and img in details
    assert pg.page.title() == f"{script}{img}"
    assert pg.js("() => document.querySelectorAll('#kg-details img, #kg-details script').length") == 0
    assert pg.js("() => document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    assert pg.js("id => nodes.get(id).label", RATU).startswith("<script>")
    pg.page.hover("#mynetwork")  # give any handler a chance to run
    assert pg.js("() => typeof window.__pwned") == "undefined"
    pg.assert_clean()


def test_big_graph_is_cut_and_laid_out_in_python(open_page: Any, tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for r in range(20):
        g.add_node(f"institution/{r:02d}", type="Institution", name=f"Dinas {r:02d}", aliases=[], mentions=[])
        for p in range(19):
            pid = f"official/{r:02d}-{p:02d}"
            g.add_node(pid, type="Official", name=f"Pejabat {r:02d}-{p:02d}", aliases=[], mentions=[])
            g.add_edge(
                pid, f"institution/{r:02d}", predicate="holds", role="Staf", acting="", former=False, evidence=[]
            )
        if r:
            g.add_edge(f"institution/{r:02d}", f"institution/{r - 1:02d}", predicate="part_of", evidence=[])
    for i in range(20):  # isolated: the least connected, left out first
        g.add_node(f"person/lone-{i:02d}", type="Person", name=f"Lone {i:02d}", aliases=[], mentions=[])
    assert g.number_of_nodes() == 420
    text = render_html(g, tmp_path / "big.html", max_nodes=400)
    data = _page_data(text)
    assert data["counts"] == {
        "drawn": 400,
        "edgesDrawn": 399,
        "edgesTotal": 399,
        "maxNodes": 400,
        "omitted": 20,
        "total": 420,
    }
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert {n["id"] for n in data["nodes"]} == {n for n in g if not n.startswith("person/lone")}

    pg = open_page(tmp_path / "big.html")
    assert pg.js("() => network.body.nodeIndices.length") == 400
    assert pg.js("() => network.physics.physicsEnabled") is False
    status = pg.page.inner_text("#kg-status")
    assert "Drawing 400 of 420 nodes" in status and "20 less connected nodes were left out" in status
    found = pg.js("() => kgraph.search('lone 07')")
    assert [(r["id"], r["drawn"]) for r in found] == [("person/lone-07", False)]
    pg.js("() => kgraph.select('person/lone-07')")
    assert "Not drawn" in pg.details()
    pg.assert_clean()


def test_a_big_page_shows_fewer_sentences_per_node_and_says_how_many_more(open_page: Any, tmp_path: Path) -> None:
    # 1,500 officials, each with a post at one institution, and a region named in 300
    # sentences: 1,502 nodes and 1,501 edges drawn, so each keeps 50,000 // 3,003 = 16,
    # raised to the floor of 20 sentences
    g = nx.MultiDiGraph()
    sentences = [f"Kalimat nomor {i} tentang Kabupaten Contoh." for i in range(300)]
    mentions = [{"article": f"a{i:03d}", "sentence": s, "sentence_start": 0, "start": 23, "end": 39}
                for i, s in enumerate(sentences)]
    g.add_node("region/99.01", type="Regency", name="Kabupaten Contoh", aliases=[], mentions=mentions)
    g.add_node("institution/dinas", type="Institution", name="Dinas Contoh", aliases=[], mentions=[])
    g.add_edge("institution/dinas", "region/99.01", predicate="located_in", evidence=[])
    for i in range(1500):
        g.add_node(f"person/p{i:04d}", type="Official", name=f"Pejabat {i:04d}", aliases=[], mentions=[])
        g.add_edge(f"person/p{i:04d}", "institution/dinas", predicate="holds", role="Staf", acting="",
                   former=False, evidence=[])
    text = render_html(g, tmp_path / "many.html")
    data = _page_data(text)
    region = data["info"]["region/99.01"]
    assert region["mentionCount"] == 300 and len(region["mentions"]) == 20
    assert len(data["sentences"]) == 20  # only the sentences shown are in the page

    pg = open_page(tmp_path / "many.html")
    pg.js("() => kgraph.select('region/99.01')")
    details = pg.details()
    assert "SOURCES (300 MENTIONS)" in details.upper() and "(280 more not shown)" in details
    pg.assert_clean()


# --------------------------------------------------------------------------
# the real build: data/ through the whole pipeline, then into the browser

REAL_TATU = "person/ratu-tatu-chasanah"


@pytest.fixture(scope="module")
def real_page(sample_kg: kgraph.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("real") / "graph.html"
    sample_kg.to_html(path)
    return path


def _zoom_onto(pg: Loaded, node: str) -> tuple[float, float]:
    """Centre the view on ``node`` at scale 2; where it is now drawn, in page coordinates."""
    pg.js("id => network.focus(id, {scale: 2, animation: false})", node)
    box = pg.page.locator("#mynetwork canvas").bounding_box()
    assert box is not None
    point = pg.js("id => network.canvasToDOM(network.getPositions([id])[id])", node)
    return box["x"] + point["x"], box["y"] + point["y"]


def _click_node(pg: Loaded, node: str) -> None:
    """Click ``node`` with the mouse, where it is drawn on the canvas."""
    pg.page.mouse.click(*_zoom_onto(pg, node))


def test_real_build_page_is_offline_and_complete(
    open_page: Any, real_page: Path, sample_kg: kgraph.KnowledgeGraph
) -> None:
    g = sample_kg.nx
    assert g.number_of_nodes() > 30  # the five articles make a real graph, not a toy
    pg = open_page(real_page)
    assert pg.js("() => network.body.nodeIndices.length") == g.number_of_nodes()
    assert pg.js("() => edges.length") == g.number_of_edges()
    # the page itself is the only thing it loads; nothing was blocked, nothing complained
    assert pg.requests == [real_page.as_uri()]
    assert pg.js("() => typeof kgraph.readyAt === 'number' && kgraph.readyAt > 0")
    pg.assert_clean()


def test_real_build_search_alias_tatu(open_page: Any, real_page: Path, sample_kg: kgraph.KnowledgeGraph) -> None:
    assert "Tatu" in sample_kg.node(REAL_TATU)["aliases"]  # found by its alias, not its name
    pg = open_page(real_page)
    pg.page.fill("#kg-search", "Tatu")
    assert "Ratu Tatu Chasanah" in pg.page.inner_text("#kg-results")
    pg.page.press("#kg-search", "Enter")
    assert pg.js("() => network.getSelectedNodes()") == [REAL_TATU]
    assert pg.page.inner_text("#kg-details h2") == "Ratu Tatu Chasanah"
    pg.assert_clean()


def test_real_build_official_filter(open_page: Any, real_page: Path, sample_kg: kgraph.KnowledgeGraph) -> None:
    g = sample_kg.nx
    officials = _types(g, "Official")
    assert REAL_TATU in officials and len(officials) < g.number_of_nodes()
    pg = open_page(real_page)
    pg.page.uncheck('input.kg-type-filter[data-type="Official"]')
    assert _hidden_ids(pg) == officials
    assert pg.js("() => network.body.nodeIndices.length") == g.number_of_nodes() - len(officials)
    pg.page.check('input.kg-type-filter[data-type="Official"]')
    assert _hidden_ids(pg) == []
    pg.assert_clean()


def test_real_build_click_official_shows_post_and_sentence(
    open_page: Any, real_page: Path, sample_kg: kgraph.KnowledgeGraph
) -> None:
    node = sample_kg.node(REAL_TATU)
    assert node["type"] == "Official"
    expected = {m["sentence"] for m in node["mentions"] if "Ratu Tatu Chasanah" in m["sentence"]}
    assert expected
    pg = open_page(real_page)
    _click_node(pg, REAL_TATU)
    assert pg.js("() => network.getSelectedNodes()") == [REAL_TATU]
    assert pg.page.inner_text("#kg-details h2") == "Ratu Tatu Chasanah"
    posts = pg.js(
        """() => { const h = Array.from(document.querySelectorAll('#kg-details h3'))
                     .find(h => h.textContent === 'Posts');
                   return h ? h.nextElementSibling.innerText : ''; }"""
    )
    assert "Bupati" in posts
    lines = pg.js("() => Array.from(document.querySelectorAll('#kg-details .kg-sentence'), e => e.textContent)")
    assert expected <= set(lines)
    assert any("Ratu Tatu Chasanah" in s for s in lines)
    # one line per sentence, with every mention in it marked
    assert len(lines) == len(set(lines)) == len({(m["article"], m["sentence"]) for m in node["mentions"]})
    marks = pg.js("() => document.querySelectorAll('#kg-details .kg-sentence mark').length")
    assert marks == len({(m["article"], m["start"], m["end"]) for m in node["mentions"]})
    pg.assert_clean()


def test_real_build_of_markup_in_an_article_runs_nothing(open_page: Any, tmp_path: Path) -> None:
    script = "<script>window.__pwned=1</script>"
    img = "<img src=x onerror=window.__pwned=1>"
    text = f'Bupati Sleman Kustini Sri Purnomo hadir. "{script} kami siap {img}," kata Kustini.'
    record = {
        "id": "markup",
        "title": f'<img src=x onerror="window.__pwned=1"> Bupati Sleman {script}',
        "url": "javascript:window.__pwned=1",
        "text": text,
    }
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    kg = kgraph.build([source])
    assert kg.skipped == ()
    [kustini] = kg.find("Kustini")
    assert kg.node(kustini)["type"] == "Official"
    # the markup really is in the graph: in a quote and in a sentence that names the official
    assert any(script in q["text"] and img in q["text"] for q in kg.quotes(kustini))
    assert any(script in m["sentence"] for m in kg.node(kustini)["mentions"])
    html_text = kg.to_html(tmp_path / "graph.html")
    assert "<script>window.__pwned" not in html_text and "<img src=x" not in html_text

    pg = open_page(tmp_path / "graph.html")
    pg.page.fill("#kg-search", "kustini")
    pg.page.press("#kg-search", "Enter")
    assert pg.js("() => network.getSelectedNodes()") == [kustini]
    details = pg.details()
    assert script in details and img in details  # shown as text
    assert "Bupati" in details
    assert pg.js("() => document.querySelectorAll('#kg-details img, #kg-details script').length") == 0
    assert pg.js("() => document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    # hover the article node: its tooltip holds the title, as text
    article = pg.js("() => nodes.get({filter: n => n.type === 'Article'})[0].id")
    pg.page.mouse.move(*_zoom_onto(pg, article))
    tooltip = pg.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert script in tooltip.inner_text()
    tags = pg.js("() => Array.from(document.querySelectorAll('div.vis-tooltip *'), e => e.tagName)")
    assert set(tags) <= {"BR"}, tags  # innerText makes line breaks <br>, and nothing else an element
    _click_node(pg, article)
    assert script in pg.details()
    assert pg.js("() => document.querySelectorAll('img, script[src]').length") == 0
    assert pg.js("() => typeof window.__pwned") == "undefined"
    pg.assert_clean()


# --------------------------------------------------------------------------
# the file itself


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.refs.append((tag, name, value))


def test_no_external_resources(sample_nx: nx.MultiDiGraph) -> None:
    text = render_html(sample_nx)
    parser = _Tags()
    parser.feed(text)
    external = [
        r for r in parser.refs if r[0] in ("script", "link", "img", "iframe") and re.match(r"(?i)\s*(https?:)?//", r[2])
    ]
    assert external == []
    assert not re.search(r"<script[^>]*\bsrc=", text)
    assert "<link" not in text
    assert "@import" not in text and not re.search(r"url\(\s*['\"]?(https?:)?//", text)
    # vis-network inlined with its licence header
    assert "@license" in text and "vis.js is dual licensed" in text and "Apache 2.0" in text
    assert "var nodes, edges, network" in text and '<div id="mynetwork">' in text


def test_data_block_is_escaped(sample_nx: nx.MultiDiGraph) -> None:
    g = sample_nx.copy()
    g.nodes[ZUDAN]["aliases"] = ["a<b>&c\u2028d\u2029e</script>"]
    block = re.search(r'id="kgraph-data">(.*?)</script>', render_html(g), re.S)
    assert block
    raw = block.group(1)
    for ch in "<>&\u2028\u2029":
        assert ch not in raw
    assert json.loads(raw)["info"][ZUDAN]["aliases"] == ["a<b>&c\u2028d\u2029e</script>"]


def test_same_graph_same_bytes_and_atomic_write(sample_nx: nx.MultiDiGraph, tmp_path: Path) -> None:
    first = render_html(sample_nx, tmp_path / "a.html")
    second = render_html(make_sample_nx(), tmp_path / "b.html")
    assert first == second
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes() == first.encode("utf-8")
    # insertion order does not matter either
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(sample_nx.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(sample_nx.edges(data=True))))
    assert render_html(shuffled) == first
    # overwrite in place, nothing left behind
    render_html(nx.MultiDiGraph(), tmp_path / "a.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]
    assert "Drawing 0 of 0 nodes" in (tmp_path / "a.html").read_text(encoding="utf-8")
    with pytest.raises(OutputError):
        render_html(sample_nx, tmp_path / "missing-dir" / "c.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


def test_bad_arguments(sample_nx: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError):
        render_html(sample_nx, max_nodes=-1)
    with pytest.raises(TypeError):
        render_html({"nodes": []})
