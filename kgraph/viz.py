"""Graph -> one self-contained HTML page for analysts, usable with no network.

:func:`render_html` draws the knowledge graph with vis-network. Everything the
page needs is inside the one file: vis-network's script and style sheet (read
at render time from the copy that ships in the ``pyvis`` package, licence
header kept), kgraph's own script and style, and the graph data as JSON in
``<script type="application/json" id="kgraph-data">``. Nothing is fetched
from outside the file, so the page works offline and from ``file://``.

The page keeps PyVis' conventions so scripts and tests can inspect it: the
global ``network`` is the ``vis.Network`` drawn in ``<div id="mynetwork">``,
and the globals ``nodes`` and ``edges`` are its ``vis.DataSet`` objects. A
global ``kgraph`` object offers ``search(text)``, ``select(id)``,
``applyFilters()``, ``normalize(text)``, a ``ready`` flag (true once the
layout has settled and the first frame is drawn) and ``readyAt``, the
``performance.now()`` of that moment (milliseconds since navigation start;
``benchmarks/page_load.py`` reports it).

Safety: every string that comes from an article (names, aliases, sentences,
quotes, titles, URLs) reaches the page only inside that JSON block, with
``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes (and every other
non-ASCII character escaped too), and the page's script builds the details
panel with ``textContent``/``createElement`` only. Tooltips are plain text;
links are made only for ``http:``/``https:`` URLs.

The output is deterministic: the same graph gives byte-identical HTML.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import logging
import math
import os
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import jinja2
import networkx as nx
from markupsafe import Markup

from kgraph._io import write_atomic
from kgraph.errors import KgraphError, OutputError

__all__ = ["render_html"]

log = logging.getLogger("kgraph")

#: The vis-network build inlined into the page (shipped inside ``pyvis``).
VIS_VERSION = "9.1.2"

#: Graphs with more drawn nodes than this get their layout computed in
#: Python (physics off in the browser); smaller ones settle in the browser.
LAYOUT_THRESHOLD = 300

#: Physics iterations a small graph gets in the browser before physics stops.
STABILIZATION_ITERATIONS = 150

#: Seed for every layout, in Python and in vis-network.
LAYOUT_SEED = 42

#: Colour and vis-network shape of each node type, in legend order.
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Official": ("#d62728", "star"),
    "Person": ("#ff7f0e", "dot"),
    "Institution": ("#1f77b4", "square"),
    "Regency": ("#2ca02c", "triangle"),
    "City": ("#17becf", "triangleDown"),
    "Province": ("#8c564b", "hexagon"),
    "Event": ("#9467bd", "diamond"),
    "Article": ("#a0a0a0", "database"),
}

#: Style of a node whose ``type`` is not in :data:`TYPE_STYLES`.
OTHER_STYLE: tuple[str, str] = ("#7f7f7f", "ellipse")

#: Short edge labels for predicates other than ``holds`` (``mentions``: none).
PREDICATE_LABELS: dict[str, str] = {
    "holds": "holds",
    "mentions": "",
    "serves": "serves",
    "located_in": "in",
    "participates": "attends",
    "event_in": "held in",
    "member_of": "member of",
    "part_of": "part of",
}

_EDGE_COLOURS: dict[str, str] = {
    "holds": "#333333",
    "mentions": "#d3d3d3",
    "participates": "#9467bd",
    "member_of": "#e377c2",
}
_EDGE_COLOUR_OTHER = "#8c8c8c"

_MAX_LABEL = 40  # characters of a name drawn on the canvas
_MAX_TOOLTIP_ITEMS = 6  # aliases / posts listed in a tooltip
_MAX_EVIDENCE = 200  # evidence sentences kept per node or edge
# ... and on the whole page: a page of many drawn nodes and edges keeps fewer for each (never
# fewer than _MIN_EVIDENCE), so that a graph of 100,000 articles does not make a page of
# hundreds of MB. The panel says how many more the graph holds.
_PAGE_EVIDENCE = 50_000
_MIN_EVIDENCE = 20
_MAX_QUOTES = 50  # quotes kept per person

_TRUE_STRINGS = frozenset({"1", "true", "yes", "ya", "y"})

_SCRIPT_CLOSE = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_CLOSE = re.compile(r"</(style)", re.IGNORECASE)

# Evidence as stored in the page: (article, sentence, start, end) where
# article/sentence index DATA.articles/DATA.sentences and start/end locate
# the mention in the sentence in UTF-16 code units (-1 when unknown).
_Ev = tuple[str, str, int, int, int]


def render_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str = "kgraph",
    max_nodes: int = 2000,
) -> str:
    """Render the knowledge graph as one self-contained, offline HTML page.

    Args:
        graph: the kgraph model (a ``networkx.MultiDiGraph``; other networkx
            graphs are accepted too) with the node and edge attributes of the
            kgraph schema. Missing or malformed attributes are tolerated.
        path: where to write the page. The file is written atomically (a
            temporary file in the same directory, then :func:`os.replace`).
            ``None`` only returns the text.
        title: the page title.
        max_nodes: the most nodes drawn. A bigger graph is cut to its
            ``max_nodes`` most connected nodes (ties broken by id); the page
            says how many were left out, and they can still be found by the
            search box.

    Returns:
        The HTML text (the same bytes that were written to ``path``).

    Raises:
        TypeError: ``graph`` is not a networkx graph.
        ValueError: ``max_nodes`` is negative.
        KgraphError: the vis-network files cannot be found in ``pyvis``.
        OutputError: ``path`` cannot be written.
    """
    if not isinstance(graph, nx.Graph):
        hint = " (pass its .nx graph)" if isinstance(getattr(graph, "nx", None), nx.Graph) else ""
        raise TypeError(f"render_html() needs a networkx graph, not {type(graph).__name__}{hint}")
    if max_nodes < 0:
        raise ValueError(f"max_nodes must be >= 0, not {max_nodes}")
    data = _build_data(graph, title, max_nodes)
    js, css = _vis_assets()
    counts = data["counts"]
    legend = [{"type": t["type"], "color": t["color"], "shape": t["shape"], "count": t["count"]} for t in data["types"]]
    html = _template().render(
        title=title,
        vis_version=VIS_VERSION,
        vis_js=Markup(js),
        vis_css=Markup(css),
        data_json=Markup(_script_json(data)),
        counts=counts,
        legend=legend,
        edge_legend=_edge_legend(),
    )
    log.debug(
        "rendered graph page: %d of %d nodes, %d edges",
        counts["drawn"],
        counts["total"],
        counts["edgesDrawn"],
    )
    if path is not None:
        write_atomic(path, html.encode("utf-8"))
    return html


# --------------------------------------------------------------------------
# assets


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style sheet, safe to put inside the page."""
    lib = importlib.resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KgraphError(f"vis-network {VIS_VERSION} not found in the pyvis package: {err}") from err
    # Neither file holds these today; if a build ever did, they would end
    # the inline element early. "<\/" means "</" in JS strings and in CSS.
    js = _SCRIPT_CLOSE.sub(r"<\\/\1", js).replace("<!--", "<\\!--")
    css = _STYLE_CLOSE.sub(r"<\\/\1", css)
    return js, css


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    """The page template, ``kgraph/templates/graph.html.j2``."""
    source = (importlib.resources.files("kgraph") / "templates" / "graph.html.j2").read_text(encoding="utf-8")
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.from_string(source)


def _edge_legend() -> list[dict[str, Any]]:
    return [
        {"label": "holds a post (labelled with the role)", "color": _EDGE_COLOURS["holds"], "width": 3},
        {"label": "attends an event", "color": _EDGE_COLOURS["participates"], "width": 1.5},
        {"label": "member of (party)", "color": _EDGE_COLOURS["member_of"], "width": 1.5},
        {"label": "serves / in / part of / held in", "color": _EDGE_COLOUR_OTHER, "width": 1.5},
        {"label": "article mentions", "color": _EDGE_COLOURS["mentions"], "width": 1},
    ]


def _script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"), allow_nan=False)
    # These characters only occur inside JSON strings, where \uXXXX means
    # the same; U+2028/U+2029 are already escaped by ensure_ascii.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# --------------------------------------------------------------------------
# small coercions: the graph may come from a JSON file, so trust nothing


def _str(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _int(value: Any, default: int = -1) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_STRINGS
    return bool(value)


def _str_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, (list, tuple, set, frozenset)):
        return []
    return [s for s in (_str(v) for v in value) if s]


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, (list, tuple)):
        return []
    return [v for v in value if isinstance(v, Mapping)]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _safe_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else ``""``."""
    url = url.strip()
    if not url or any(ord(c) < 0x20 or c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return url


def _post_label(role: str, acting: str, former: bool) -> str:
    """A post as read by an analyst: "mantan Penjabat Wali Kota"."""
    label = role or "holds"
    if acting and not label.lower().startswith(acting.lower()):
        label = f"{acting} {label}"
    if former:
        label = f"mantan {label}"
    return label


def _evidence(items: Any) -> list[_Ev]:
    """Evidence dicts as sorted, de-duplicated tuples (malformed ones dropped)."""
    out: set[_Ev] = set()
    for ev in _dicts(items):
        article = _str(ev.get("article"))
        sentence = _str(ev.get("sentence"))
        if not article and not sentence:
            continue
        out.add(
            (
                article,
                sentence,
                _int(ev.get("sentence_start")),
                _int(ev.get("start")),
                _int(ev.get("end")),
            )
        )
    return sorted(out, key=lambda e: (e[0], e[2], e[3], e[4], e[1]))


def _evidence_cap(items: int) -> int:
    """Evidence shown per node or edge on a page that draws *items* nodes and edges.

    >>> _evidence_cap(130), _evidence_cap(1000), _evidence_cap(4000)
    (200, 50, 20)
    """
    return max(_MIN_EVIDENCE, min(_MAX_EVIDENCE, _PAGE_EVIDENCE // max(1, items)))


class _Tables:
    """Article and sentence tables shared by all evidence in the page."""

    def __init__(self, cap: int) -> None:
        self.cap = cap  # evidence shown per node or edge
        self.articles: dict[str, dict[str, str]] = {}
        self.sentences: set[str] = set()

    def article(self, key: str) -> None:
        self.articles.setdefault(key, {"key": key, "node": "", "title": "", "url": "", "date": ""})

    def note(self, evs: list[_Ev]) -> None:
        """Record the articles of ``evs`` and the sentences the page will show."""
        for ev in evs:
            self.article(ev[0])
        self.sentences.update(ev[1] for ev in evs[:self.cap])


def _encode_evidence(evs: list[_Ev], art_index: Mapping[str, int], sent_index: Mapping[str, int],
                     cap: int) -> list[list[int]]:
    out: list[list[int]] = []
    for article, sentence, s0, start, end in evs[:cap]:
        lo = hi = -1
        if s0 >= 0 and 0 <= start - s0 < end - s0 <= len(sentence):
            lo = _utf16_len(sentence[: start - s0])
            hi = lo + _utf16_len(sentence[start - s0 : end - s0])
        out.append([art_index[article], sent_index[sentence], lo, hi])
    return out


# --------------------------------------------------------------------------
# the page data


def _edges_of(graph: nx.Graph, keep: Callable[[str, str, Mapping[str, Any]], bool]
              ) -> list[tuple[str, str, str, Mapping[str, Any]]]:
    """The edges *keep* accepts, as ``(u, v, key, attrs)``, sorted (a large graph has millions: only
    the few the page needs are listed)."""
    if graph.is_multigraph():
        raw = ((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True))
    else:
        raw = ((u, v, "", d) for u, v, d in graph.edges(data=True))
    rows = []
    for u, v, k, d in raw:
        su, sv, attrs = _str(u), _str(v), d if isinstance(d, Mapping) else {}
        if keep(su, sv, attrs):
            rows.append((su, sv, _str(k), attrs))
    rows.sort(key=lambda r: (r[0], r[1], _str(r[3].get("predicate")), r[2]))
    return rows


def _choose_nodes(graph: nx.Graph, max_nodes: int) -> list[str]:
    """The ids to draw: all of them, or the ``max_nodes`` most connected."""
    degree = {_str(n): int(d) for n, d in graph.degree()}
    ids = sorted(degree)
    if len(ids) <= max_nodes:
        return ids
    ranked = sorted(ids, key=lambda n: (-degree[n], n))
    return sorted(ranked[:max_nodes])


def _build_data(graph: nx.Graph, title: str, max_nodes: int) -> dict[str, Any]:
    attrs: dict[str, Mapping[str, Any]] = {}
    for n, d in graph.nodes(data=True):
        attrs[_str(n)] = d if isinstance(d, Mapping) else {}
    all_ids = sorted(attrs)
    drawn_ids = _choose_nodes(graph, max_nodes)
    drawn = set(drawn_ids)
    edges = _edges_of(graph, lambda u, v, d: u in drawn and v in drawn)

    def ntype(n: str) -> str:
        return _str(attrs.get(n, {}).get("type")) or "Unknown"

    def nname(n: str) -> str:
        return _str(attrs.get(n, {}).get("name")) or n

    tables = _Tables(_evidence_cap(len(drawn_ids) + len(edges)))
    for n in all_ids:
        if ntype(n) == "Article":
            a = attrs[n]
            key = _str(a.get("article")) or (n[len("article/") :] if n.startswith("article/") else n)
            tables.article(key)
            tables.articles[key].update(
                node=n,
                title=_str(a.get("title")),
                url=_safe_url(_str(a.get("url"))),
                date=_str(a.get("date")),
            )
    article_key_of_node = {a["node"]: k for k, a in tables.articles.items() if a["node"]}

    # Province codes of each node (for the province filter).
    def own_province(n: str) -> set[str]:
        a = attrs.get(n, {})
        if ntype(n) == "Province":
            code = _str(a.get("code")) or (n.split("/", 1)[1] if "/" in n else "")
            return {code} if code else set()
        codes = set()
        if _str(a.get("province")):
            codes.add(_str(a.get("province")))
        elif ntype(n) in ("Regency", "City") and "." in _str(a.get("code")):
            codes.add(_str(a.get("code")).split(".", 1)[0])
        return codes

    provinces_of: dict[str, set[str]] = {n: own_province(n) for n in all_ids}
    for n in all_ids:
        region = _str(attrs[n].get("region"))
        if region and region in attrs:
            provinces_of[n] |= own_province(region)
    placing = ("located_in", "serves", "event_in")
    for u, v, _k, d in _edges_of(graph, lambda u, v, d: v in attrs and _str(d.get("predicate")) in placing):
        provinces_of[u] = provinces_of.get(u, set()) | own_province(v)

    province_names: dict[str, str] = {}
    for n in all_ids:
        if ntype(n) == "Province":
            for code in own_province(n):
                province_names.setdefault(code, nname(n))
    all_codes = set(province_names)
    for n in drawn_ids:
        all_codes |= provinces_of.get(n, set())

    # Per-node details, edges and evidence.
    mentions: dict[str, list[_Ev]] = {}
    quotes: dict[str, list[tuple[str, str, str]]] = {}
    for n in drawn_ids:
        a = attrs[n]
        mentions[n] = _evidence(a.get("mentions"))
        tables.note(mentions[n])
        qs: set[tuple[str, str, str]] = set()
        for q in _dicts(a.get("quotes")):
            text = _str(q.get("text"))
            if text:
                qs.add((text, _str(q.get("article")), _str(q.get("sentence"))))
        quotes[n] = sorted(qs, key=lambda q: (q[1], q[0], q[2]))[:_MAX_QUOTES]
        for _t, art, sent in quotes[n]:
            tables.article(art)
            tables.sentences.add(sent)

    drawn_edges: list[tuple[str, str, str, str, Mapping[str, Any], list[_Ev]]] = []
    for u, v, _k, d in edges:
        evs = _evidence(d.get("evidence"))
        tables.note(evs)
        drawn_edges.append((f"e{len(drawn_edges)}", u, v, _str(d.get("predicate")), d, evs))

    art_keys = sorted(tables.articles)
    art_index = {k: i for i, k in enumerate(art_keys)}
    sentences = sorted(tables.sentences)
    sent_index = {s: i for i, s in enumerate(sentences)}

    info: dict[str, dict[str, Any]] = {}
    for n in all_ids:
        a = attrs[n]
        entry: dict[str, Any] = {
            "name": nname(n),
            "type": ntype(n),
            "aliases": sorted(set(_str_list(a.get("aliases"))) - {nname(n)}),
            "drawn": n in drawn,
        }
        if n in drawn:
            entry.update(
                code=_str(a.get("code")),
                provinces=sorted(provinces_of.get(n, set())),
                region=_str(a.get("region")),
                posts=[],
                holders=[],
                events=[],
                participants=[],
                links=[],
                mentionCount=len(mentions[n]),
                mentions=_encode_evidence(mentions[n], art_index, sent_index, tables.cap),
                quotes=[
                    {"text": t, "article": art_index[art], "sentence": sent_index[sent]} for t, art, sent in quotes[n]
                ],
                articles=sorted({art_index[e[0]] for e in mentions[n]} | {art_index[q[1]] for q in quotes[n]}),
            )
            if n in article_key_of_node:
                entry["article"] = art_index[article_key_of_node[n]]
        info[n] = entry

    # Edge details, and the posts/events/links lists of their ends.
    edge_info: dict[str, dict[str, Any]] = {}
    pair_count: dict[tuple[str, str], int] = {}
    vis_edges: list[dict[str, Any]] = []
    for eid, u, v, pred, d, evs in drawn_edges:
        role = _str(d.get("role"))
        acting = _str(d.get("acting"))
        former = _truthy(d.get("former"))
        label = _post_label(role, acting, former) if pred == "holds" else PREDICATE_LABELS.get(pred, pred)
        edge_info[eid] = {
            "predicate": pred,
            "from": u,
            "to": v,
            "label": label,
            "role": role,
            "acting": acting,
            "former": former,
            "evidence": _encode_evidence(evs, art_index, sent_index, tables.cap),
            "evidenceCount": len(evs),
        }
        fu, fv = info[u], info[v]
        if pred == "holds":
            post = {"role": role, "acting": acting, "former": former, "label": label, "edge": eid}
            fu["posts"].append({**post, "org": v})
            fv["holders"].append({**post, "person": u})
        elif pred == "participates":
            fu["events"].append({"event": v, "edge": eid})
            fv["participants"].append({"node": u, "edge": eid})
        elif pred == "mentions":
            if u in article_key_of_node:
                idx = art_index[article_key_of_node[u]]
                if idx not in fv["articles"]:
                    fv["articles"].append(idx)
                    fv["articles"].sort()
            fu["links"].append({"dir": "out", "predicate": pred, "node": v, "edge": eid})
        else:
            fu["links"].append({"dir": "out", "predicate": pred, "node": v, "edge": eid})
            fv["links"].append({"dir": "in", "predicate": pred, "node": u, "edge": eid})

        edge: dict[str, Any] = {
            "id": eid,
            "from": u,
            "to": v,
            "predicate": pred,
            "title": _edge_tooltip(label, pred, nname(u), nname(v), len(evs)),
            "color": {"color": _EDGE_COLOURS.get(pred, _EDGE_COLOUR_OTHER), "opacity": 0.9},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        }
        if pred == "holds":
            edge.update(
                label=_shorten(label, _MAX_LABEL), width=2.5, font={"size": 11, "color": "#222222", "strokeWidth": 3}
            )
        elif pred == "mentions":
            edge.update(width=0.5, arrows={"to": {"enabled": False}})
        else:
            edge.update(label=label, width=1, font={"size": 9, "color": "#777777", "strokeWidth": 2})
        pair = (min(u, v), max(u, v))
        k = pair_count.get(pair, 0)
        pair_count[pair] = k + 1
        if k:
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if k % 2 else "curvedCCW",
                "roundness": round(0.2 * ((k + 1) // 2), 2),
            }
        vis_edges.append(edge)

    # Posts recorded on the person but with no drawn ``holds`` edge (the
    # organisation is unknown or not drawn) are still listed.
    for n in drawn_ids:
        posts: list[dict[str, Any]] = info[n]["posts"]
        have = {(p["org"], p["role"]) for p in posts}
        extra: dict[tuple[str, str, str, bool], dict[str, Any]] = {}
        for p in _dicts(attrs[n].get("posts")):
            role, org = _str(p.get("role")), _str(p.get("org"))
            acting, former = _str(p.get("acting")), _truthy(p.get("former"))
            if (org, role) in have or not (role or org):
                continue
            extra[(role, org, acting, former)] = {
                "role": role,
                "acting": acting,
                "former": former,
                "label": _post_label(role, acting, former),
                "edge": "",
                "org": org if org in info else "",
            }
        posts.extend(extra[k] for k in sorted(extra))

    # Nodes.
    large = len(drawn_ids) > LAYOUT_THRESHOLD
    positions = _layout(drawn_ids, [(e[1], e[2]) for e in drawn_edges]) if large else {}
    type_counts: dict[str, int] = {}
    vis_nodes: list[dict[str, Any]] = []
    for n in drawn_ids:
        t = ntype(n)
        type_counts[t] = type_counts.get(t, 0) + 1
        colour, shape = TYPE_STYLES.get(t, OTHER_STYLE)
        entry = info[n]
        node: dict[str, Any] = {
            "id": n,
            "type": t,
            "shape": shape,
            "title": _node_tooltip(n, entry, info),
            "hidden": False,
            "color": {
                "background": colour,
                "border": "#555555",
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
        }
        if t == "Article":
            row = tables.articles.get(article_key_of_node.get(n, ""), {})
            node.update(label=" ", font={"size": 7}, borderWidth=1, margin=5)
            node["title"] = _node_tooltip(n, {**entry, "name": row.get("title") or entry["name"]}, info)
        else:
            m = max(len(mentions[n]), len(entry["articles"]))
            node.update(label=_shorten(entry["name"], _MAX_LABEL), size=round(12 + 4 * math.sqrt(m), 1))
        if n in positions:
            node["x"], node["y"] = positions[n]
        vis_nodes.append(node)

    order = list(TYPE_STYLES)
    types = [
        {
            "type": t,
            "color": TYPE_STYLES.get(t, OTHER_STYLE)[0],
            "shape": TYPE_STYLES.get(t, OTHER_STYLE)[1],
            "count": type_counts.get(t, 0),
        }
        for t in sorted(set(order) | set(type_counts), key=lambda t: (order.index(t) if t in order else len(order), t))
    ]
    return {
        "title": title,
        "visVersion": VIS_VERSION,
        "physics": not large,
        "stabilizationIterations": STABILIZATION_ITERATIONS,
        "seed": LAYOUT_SEED,
        "counts": {
            "total": len(all_ids),
            "drawn": len(drawn_ids),
            "omitted": len(all_ids) - len(drawn_ids),
            "edgesTotal": graph.number_of_edges(),
            "edgesDrawn": len(drawn_edges),
            "maxNodes": max_nodes,
        },
        "types": types,
        "articles": [tables.articles[k] for k in art_keys],
        "sentences": sentences,
        "provinces": [
            {"code": c, "name": province_names.get(c, "")}
            for c in sorted(all_codes, key=lambda c: (province_names.get(c, "\uffff" + c), c))
        ],
        "nodes": vis_nodes,
        "edges": vis_edges,
        "info": info,
        "edgeInfo": edge_info,
    }


def _node_tooltip(n: str, entry: Mapping[str, Any], info: Mapping[str, Mapping[str, Any]]) -> str:
    lines = [_shorten(_str(entry.get("name")), 120), _str(entry.get("type"))]
    aliases: list[str] = entry.get("aliases", [])
    if aliases:
        shown = ", ".join(_shorten(a, 60) for a in aliases[:_MAX_TOOLTIP_ITEMS])
        more = f" (+{len(aliases) - _MAX_TOOLTIP_ITEMS})" if len(aliases) > _MAX_TOOLTIP_ITEMS else ""
        lines.append(f"Aliases: {shown}{more}")
    posts: list[Mapping[str, Any]] = entry.get("posts", [])
    for p in posts[:_MAX_TOOLTIP_ITEMS]:
        org = _str(info.get(_str(p.get("org")), {}).get("name", ""))
        where = f" \u2014 {_shorten(org, 60)}" if org else ""
        lines.append(f"Post: {_shorten(_str(p.get('label')), 60)}{where}")
    if len(posts) > _MAX_TOOLTIP_ITEMS:
        lines.append(f"(+{len(posts) - _MAX_TOOLTIP_ITEMS} more posts)")
    count = entry.get("mentionCount")
    if count:
        lines.append(f"Mentions: {count}")
    return "\n".join(lines)


def _edge_tooltip(label: str, pred: str, src: str, dst: str, n_evidence: int) -> str:
    head = f"{_shorten(src, 60)} \u2192 {_shorten(dst, 60)}"
    what = label if pred == "holds" else pred
    return f"{head}\n{what}\nEvidence: {n_evidence} sentence{'s' if n_evidence != 1 else ''}"


# --------------------------------------------------------------------------
# layout for big graphs


def _layout(ids: list[str], pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Seeded Fruchterman-Reingold positions, scaled to pixels.

    networkx's ``spring_layout`` needs SciPy from 500 nodes up, which kgraph
    does not depend on, so this is the same algorithm in plain NumPy
    (repulsion computed in blocks to bound memory).
    """
    import numpy as np

    n = len(ids)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(ids)}
    links = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in pairs if u != v})
    src = np.array([a for a, _ in links], dtype=np.intp)
    dst = np.array([b for _, b in links], dtype=np.intp)
    rng = np.random.default_rng(LAYOUT_SEED)
    pos = rng.random((n, 2))
    k2 = 1.0 / n  # the ideal distance k is sqrt(1/n)
    k = math.sqrt(k2)
    iterations = 50
    temperature = 0.1
    cool = temperature / (iterations + 1)
    block = 512
    for _ in range(iterations):
        x = np.ascontiguousarray(pos[:, 0])
        y = np.ascontiguousarray(pos[:, 1])
        disp = np.zeros((n, 2))
        for s in range(0, n, block):
            e = min(s + block, n)
            # repulsion: sum over j of (p_i - p_j) * k^2 / d_ij^2 (numpy's
            # own sums, not BLAS, so the result does not hang on threads)
            dx = x[s:e, None] - x[None, :]
            dy = y[s:e, None] - y[None, :]
            w = dx * dx
            w += dy * dy
            np.maximum(w, 1e-6, out=w)
            np.divide(k2, w, out=w)
            disp[s:e, 0] += (w * dx).sum(axis=1)
            disp[s:e, 1] += (w * dy).sum(axis=1)
        if len(links):
            delta = pos[src] - pos[dst]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-6)
            force = delta * (dist / k)[:, None]
            np.subtract.at(disp, src, force)
            np.add.at(disp, dst, force)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    scale = 60.0 * math.sqrt(n) / extent
    return {node: (round(float(pos[i, 0]) * scale, 1), round(float(pos[i, 1]) * scale, 1)) for node, i in index.items()}
