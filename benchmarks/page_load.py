"""Time the graph page in headless Chromium, from navigation start until it has settled.

    .venv/bin/python benchmarks/page_load.py [--runs N] [--nodes N]

"Settled" is the page's own ``kgraph.ready`` moment: the layout is done (for
graphs of up to 300 drawn nodes the browser's physics has stabilised and been
switched off; bigger ones arrive with positions computed in Python) and the
first frame after it has been drawn. The page records that moment as
``kgraph.readyAt`` (``performance.now()``, milliseconds since navigation
start), which is what is reported.

Three pages are timed, each ``--runs`` times (default 5) in a fresh browser
context, opened from ``file://`` with every other request blocked:

* the demo corpus ``data/`` built by the real pipeline (the issue-7 target is
  under 2 s);
* ``data/`` plus ``../shared/corpus/dev``, when that directory exists;
* a synthetic graph of ``--nodes`` nodes (default 2,000, the most the page
  draws) in the kgraph schema, rendered with :func:`kgraph.viz.render_html`.

Debian's Chromium (``/usr/lib/chromium/chromium``) is required; the script
stops if a page fetches anything or logs an error.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from playwright.sync_api import Browser, ConsoleMessage, Route, ViewportSize, sync_playwright

import kgraph
from kgraph.viz import LAYOUT_THRESHOLD, render_html

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"]
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}


@dataclass
class Page:
    name: str
    path: Path
    nodes: int
    edges: int
    render_s: float
    size: int = 0

    def __post_init__(self) -> None:
        self.size = self.path.stat().st_size


def settle_ms(browser: Browser, path: Path) -> float:
    """Open ``path`` in a fresh context; milliseconds from navigation start to ``kgraph.ready``."""
    blocked: list[str] = []
    errors: list[str] = []

    def route(r: Route) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    def console(m: ConsoleMessage) -> None:
        if m.type == "error":
            errors.append(m.text)

    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    try:
        page = context.new_page()
        page.route("**/*", route)
        page.on("console", console)
        page.on("pageerror", lambda err: errors.append(f"pageerror: {err}"))
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgraph && window.kgraph.ready === true", timeout=120_000)
        ms = float(page.evaluate("() => kgraph.readyAt"))
    finally:
        context.close()
    if blocked or errors:
        raise SystemExit(f"{path}: the page fetched {blocked} / logged errors {errors}")
    return ms


def build_page(name: str, inputs: list[Path], out: Path) -> Page:
    kg = kgraph.build(inputs)
    t0 = time.perf_counter()
    kg.to_html(out)
    return Page(name, out, kg.nx.number_of_nodes(), kg.nx.number_of_edges(), time.perf_counter() - t0)


# --------------------------------------------------------------------------
# a synthetic graph in the kgraph schema

_FIRST = "Agus Budi Citra Dedi Eko Fitri Gita Hadi Indah Joko Kartika Lukman Maya Nanang Oki Putri Rudi Sari Teguh Wati"
_LAST = "Santoso Wijaya Lestari Purnomo Hidayat Saputra Rahmawati Nugroho Susanto Kurniawan Siregar Lubis Pohan Daulay"
_PLACES = "Bakti Candra Damar Elang Fajar Garuda Harapan Intan Jaya Kencana Laut Mulia Nusa Permai Raya Sejahtera Timur"


def synthetic_graph(n_nodes: int, seed: int = 7) -> nx.MultiDiGraph:
    """A seeded graph of ``n_nodes`` nodes with the node and edge attributes of a kgraph build.

    Provinces, regencies and cities (with codes), two institutions per region,
    officials holding posts there, events, and many articles. Each article
    mentions a region, its government and two or three of its officials, with
    an evidence sentence per mention; each post is one ``holds`` edge whose
    evidence gathers every article that states it, as ``resolve`` does.
    """
    rng = random.Random(seed)
    first, last, places = _FIRST.split(), _LAST.split(), _PLACES.split()
    g = nx.MultiDiGraph()
    n_prov = max(1, n_nodes // 100)
    n_reg = max(1, n_nodes * 9 // 100)
    n_off = n_nodes * 3 // 10
    n_event = max(1, n_nodes // 20)
    n_art = n_nodes - n_prov - 3 * n_reg - n_off - n_event  # 3: a region and its two institutions

    def name(node: str) -> str:
        return str(g.nodes[node]["name"])

    def ev(article: str, sentence: str, surface: str) -> dict[str, object]:
        start = max(0, sentence.find(surface))
        end = start + len(surface)
        return {"article": article, "sentence": sentence, "sentence_start": 0, "start": start, "end": end}

    def node(nid: str, ntype: str, label: str, **attrs: object) -> None:
        g.add_node(nid, type=ntype, name=label, aliases=attrs.pop("aliases", []), mentions=[], **attrs)

    provinces = [f"region/{p + 11}" for p in range(n_prov)]
    for p, pid in enumerate(provinces):
        node(pid, "Province", f"Provinsi {places[p % len(places)]} {p}", code=pid.split("/")[1])
    regions: list[str] = []
    for r in range(n_reg):
        prov = provinces[r % n_prov].split("/")[1]
        code = f"{prov}.{r // n_prov + 1:02d}"
        kind = "City" if r % 5 == 4 else "Regency"
        label = f"{'Kota' if kind == 'City' else 'Kabupaten'} {rng.choice(places)} {rng.choice(places)} {r}"
        rid = f"region/{code}"
        node(rid, kind, label, aliases=[label.split(" ", 1)[1]], code=code, province=prov)
        g.add_edge(rid, f"region/{prov}", predicate="located_in", evidence=[])
        regions.append(rid)
    govs: list[str] = []
    for r, rid in enumerate(regions):
        gov, dinas = f"institution/pemerintah-{r}", f"institution/dinas-pendidikan-{r}"
        node(gov, "Institution", f"Pemerintah {name(rid)}", region=rid)
        node(dinas, "Institution", f"Dinas Pendidikan {name(rid)}", region=rid)
        g.add_edge(gov, rid, predicate="serves", evidence=[])
        g.add_edge(dinas, gov, predicate="part_of", evidence=[])
        govs.append(gov)
    officials: list[tuple[str, str, str]] = []  # (id, institution, role)
    for o in range(n_off):
        r = o % n_reg
        if o < n_reg:  # the head of each region first
            org, role = govs[r], "Wali Kota" if g.nodes[regions[r]]["type"] == "City" else "Bupati"
        elif rng.random() < 0.5:
            org, role = govs[r], "Sekretaris Daerah"
        else:
            org, role = f"institution/dinas-pendidikan-{r}", "Kepala Dinas Pendidikan"
        label = f"{rng.choice(first)} {rng.choice(last)} {o}"
        node(f"person/p-{o}", "Official", label, aliases=[label.split()[0]], region=regions[r])
        officials.append((f"person/p-{o}", org, role))
    events: list[str] = []
    for e in range(n_event):
        rid = regions[e % n_reg]
        node(f"event/hut-{e}", "Event", f"HUT {name(rid)} ke-{20 + e}")
        g.add_edge(f"event/hut-{e}", rid, predicate="event_in", evidence=[])
        events.append(f"event/hut-{e}")
    for a in range(n_art):
        key = f"{a:04d}_synthetic"
        art = f"article/{key}"
        r = rng.randrange(n_reg)
        rid = regions[r]
        local = officials[r::n_reg]
        picked = rng.sample(local, min(len(local), rng.randint(2, 3)))
        title = f"{rng.choice(first)} {rng.choice(places)}: ASN {name(rid)} diminta {rng.choice(places)}"
        node(art, "Article", title, title=title, article=key, date=f"2024-{a % 12 + 1:02d}-15",
             url=f"https://example.org/berita/{key}")  # fmt: skip
        for oid, org, role in picked:
            s = f"{role} {name(rid)} {name(oid)} membuka rapat di kantor {name(org)} (artikel {a})."
            for mentioned in (oid, org, rid):
                g.nodes[mentioned]["mentions"].append(ev(key, s, name(mentioned)))
            if not g.has_edge(oid, org, "holds"):
                g.add_edge(oid, org, "holds", predicate="holds", role=role, acting="", former=False, evidence=[])
            g.edges[oid, org, "holds"]["evidence"].append(ev(key, s, name(oid)))
            g.add_edge(art, oid, predicate="mentions", evidence=[ev(key, s, name(oid))])
        g.add_edge(art, rid, predicate="mentions", evidence=[])
        g.add_edge(art, govs[r], predicate="mentions", evidence=[])
        if a % 3 == 0:
            who, event = picked[0][0], events[r % n_event]
            s = f"{name(who)} menghadiri {name(event)} (artikel {a})."
            g.nodes[event]["mentions"].append(ev(key, s, name(event)))
            if not g.has_edge(who, event, "participates"):
                g.add_edge(who, event, "participates", predicate="participates", evidence=[])
            g.edges[who, event, "participates"]["evidence"].append(ev(key, s, name(event)))
            g.add_edge(art, event, predicate="mentions", evidence=[])
    return g


# --------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="page loads per page (default 5)")
    ap.add_argument("--nodes", type=int, default=2000, help="nodes of the synthetic graph (default 2000)")
    args = ap.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"page_load: Chromium not found at {CHROMIUM} (apt-get install chromium)")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        render_html(nx.MultiDiGraph())  # read vis-network and the template once, outside the timings
        pages = [build_page("data/ (demo corpus)", [ROOT / "data"], work / "demo.html")]
        if DEV.is_dir():
            pages.append(build_page("data/ + shared/corpus/dev", [ROOT / "data", DEV], work / "dev.html"))
        g = synthetic_graph(args.nodes)
        t0 = time.perf_counter()
        render_html(g, work / "synthetic.html")
        pages.append(
            Page(
                f"synthetic, {g.number_of_nodes():,} nodes",
                work / "synthetic.html",
                g.number_of_nodes(),
                g.number_of_edges(),
                time.perf_counter() - t0,
            )
        )

        env = {"HOME": tmp, "XDG_CONFIG_HOME": f"{tmp}/.config", "XDG_CACHE_HOME": f"{tmp}/.cache"}
        os.environ.update(env)  # keep Chromium's profile out of the real home
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            version = browser.version
            rows = []
            for pg in pages:
                runs = [settle_ms(browser, pg.path) / 1000 for _ in range(args.runs)]
                rows.append((pg, runs))
            browser.close()

    print(f"Chromium {version} headless, {os.cpu_count()} CPUs, {platform.platform()}, {args.runs} runs each")
    print("settled = navigation start to layout done and drawn (kgraph.readyAt)\n")
    cols = ("nodes", 6), ("edges", 6), ("HTML", 8), ("layout", 7), ("render", 7), ("median", 7), ("min", 6), ("max", 6)
    head = f"{'page':30}" + "".join(f" {c:>{w}}" for c, w in cols)
    print(head)
    print("-" * len(head))
    for pg, runs in rows:
        layout = "browser" if min(pg.nodes, 2000) <= LAYOUT_THRESHOLD else "python"
        print(
            f"{pg.name:30} {pg.nodes:>6,} {pg.edges:>6,} {pg.size / 1e6:>6.2f}MB {layout:>7} {pg.render_s:>6.2f}s"
            f" {statistics.median(runs):>6.2f}s {min(runs):>5.2f}s {max(runs):>5.2f}s"
        )
    print("\nrender = kgraph.viz.render_html in Python (includes the Python layout of big graphs)")


if __name__ == "__main__":
    main()
