"""Stage 4: the knowledge graph in memory, a NetworkX ``MultiDiGraph`` and its Python API.

Nodes are entity ids ("person/ratu-tatu-chasanah", "region/36.04",
"institution/pemerintah-kabupaten-serang", "event/hut-korpri-52") and article
ids ("article/000_821ea28d2e938271"). Node attributes: ``type`` (an
:class:`~kgraph.model.EntityType` value or "Article"), ``name``, ``aliases``,
``mentions`` (evidence dicts: article, sentence, sentence_start, start, end),
``posts`` and ``quotes`` for persons, ``code``/``province`` for regions,
``region`` for institutions and events. Edges carry ``predicate`` (holds,
mentions, serves, located_in, part_of, participates, event_in, member_of) and
``evidence``; ``holds`` edges also ``role``, ``acting`` and ``former``.
"""

from __future__ import annotations

import functools
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from kgraph import _gc
from kgraph._io import Payload, stage, unlink_quietly, write_atomic
from kgraph._text import fold
from kgraph.errors import GraphFileError, OutputError
from kgraph.model import Evidence, Resolution, Skipped

__all__ = ["KnowledgeGraph", "from_resolution", "load"]


def _ev(e: Evidence) -> dict[str, Any]:
    """An evidence record as the graph keeps it (``dataclasses.asdict`` is ten times slower)."""
    return {"article": e.article, "sentence": e.sentence, "sentence_start": e.sentence_start,
            "start": e.start, "end": e.end}


def from_resolution(res: Resolution, skipped: Iterable[Skipped] = ()) -> KnowledgeGraph:
    """Build the :class:`KnowledgeGraph` of a :class:`~kgraph.model.Resolution`."""
    g = nx.MultiDiGraph()
    for art in res.articles:
        g.add_node(f"article/{art.id}", type="Article", name=art.title or art.id, title=art.title, url=art.url,
                   date=art.date, path=art.path, article=art.id)
    posts: dict[str, list[dict[str, Any]]] = {}
    dates = {art.id: art.date for art in res.articles}
    # a post's evidence records are its edge's too: one dict a piece of evidence
    fact_evidence = [[_ev(e) for e in f.evidence] for f in res.facts]
    for f, evidence in zip(res.facts, fact_evidence):
        if f.predicate == "holds":
            posts.setdefault(f.subject, []).append({
                "role": f.role, "org": f.object, "acting": f.qualifier("acting"),
                "former": bool(f.qualifier("former")),
                "role_forms": sorted(x for x in f.qualifier("role_forms").split("|") if x),
                "evidence": list(evidence),
                # when the post was reported: the dates of the articles stating it, where known
                "reported": sorted({dates[e.article] for e in f.evidence if dates.get(e.article)}),
            })
    quotes: dict[str, list[dict[str, Any]]] = {}
    for q in res.quotes:
        quotes.setdefault(q.speaker, []).append({"text": q.text, **_ev(q.evidence)})
    for ent in res.entities:
        attrs: dict[str, Any] = dict(ent.attrs)
        mentions = [_ev(e) for e in ent.mentions]
        node: dict[str, Any] = {
            "type": ent.type.value, "name": ent.name, "aliases": list(ent.aliases), "mentions": mentions, **attrs,
        }
        if ent.type.is_person:
            node["posts"] = posts.get(ent.id, [])
            node["quotes"] = quotes.get(ent.id, [])
        for multi in ("honorifics", "degrees"):
            if multi in node:
                node[multi] = node[multi].split("|")
        g.add_node(ent.id, **node)
        by_article: dict[str, list[dict[str, Any]]] = {}
        for ev in mentions:  # (the node's own records: one dict a mention)
            by_article.setdefault(ev["article"], []).append(ev)
        for art_id, evs in sorted(by_article.items()):
            g.add_edge(f"article/{art_id}", ent.id, key="mentions", predicate="mentions", evidence=evs)
    for f, evidence in zip(res.facts, fact_evidence):
        if not f.object:
            continue
        attrs2: dict[str, Any] = {"predicate": f.predicate, "evidence": evidence}
        key = f.predicate
        if f.predicate == "holds":
            attrs2.update(role=f.role, acting=f.qualifier("acting"), former=bool(f.qualifier("former")))
            key = f"holds:{f.role}"
        g.add_edge(f.subject, f.object, key=key, **attrs2)
    return KnowledgeGraph(g, tuple(skipped))


class KnowledgeGraph:
    """The knowledge graph: a ``networkx.MultiDiGraph`` (:attr:`nx`) and query helpers.

    >>> import kgraph
    >>> kg = kgraph.build(["data"])
    >>> [p["role"] for p in kg.posts(kg.find("Tatu")[0])]
    ['Bupati']
    """

    def __init__(self, graph: nx.MultiDiGraph, skipped: tuple[Skipped, ...] = ()):
        self.nx = graph
        self.skipped = skipped

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.nx.number_of_nodes()} nodes, {self.nx.number_of_edges()} edges>"

    # ------------------------------------------------------------------ queries

    def node(self, node_id: str) -> dict[str, Any]:
        """The attributes of a node. Raises ``KeyError`` for an unknown id."""
        return dict(self.nx.nodes[node_id])

    def entities(self, type: str | None = None) -> list[str]:
        """Entity ids (articles excluded), sorted; only of *type* ("Official", "Regency", ...) when given."""
        return sorted(n for n, d in self.nx.nodes(data=True)
                      if d["type"] != "Article" and (type is None or d["type"] == type))

    def articles(self) -> list[str]:
        """Article node ids, sorted."""
        return sorted(n for n, d in self.nx.nodes(data=True) if d["type"] == "Article")

    def find(self, name: str, type: str | None = None) -> list[str]:
        """Ids of entities whose name or an alias equals *name* (case, accents and punctuation ignored).

        Falls back to entities where *name* is part of the name or an alias.
        """
        want = fold(name)
        exact, partial = [], []
        for n, d in self.nx.nodes(data=True):
            if d["type"] == "Article" or (type and d["type"] != type):
                continue
            names = [fold(d["name"]), *(fold(a) for a in d.get("aliases", []))]
            if want in names:
                exact.append(n)
            elif any(f" {want} " in f" {x} " for x in names):
                partial.append(n)
        return sorted(exact) or sorted(partial)

    def posts(self, person: str) -> list[dict[str, Any]]:
        """The posts a person holds: role, org (an entity id or ""), acting, former, evidence."""
        return list(self.nx.nodes[person].get("posts", []))

    def quotes(self, person: str) -> list[dict[str, Any]]:
        """What a person said: quote text with its article and sentence."""
        return list(self.nx.nodes[person].get("quotes", []))

    def region_of(self, node_id: str) -> str | None:
        """The region an institution or event belongs to, or the region itself."""
        d = self.nx.nodes[node_id]
        if d["type"] in ("Regency", "City", "Province"):
            return node_id
        region = d.get("region")
        return str(region) if region else None

    def officials(self, region: str | None = None) -> list[str]:
        """Officials, optionally only those holding a post in *region* (an id or name; a province includes its regencies and cities)."""
        if region is None:
            return self.entities("Official")
        rid = region if region in self.nx else next(iter(self.find(region)), None)
        if rid is None or rid not in self.nx:
            return []
        rdata = self.nx.nodes[rid]
        wanted = {rid}
        if rdata.get("type") == "Province":
            wanted |= {n for n, d in self.nx.nodes(data=True) if d.get("province") == rdata.get("code")}
        out = []
        for pid in self.entities("Official"):
            for post in self.posts(pid):
                org = post["org"]
                if org and (org in wanted or self.region_of(org) in wanted):
                    out.append(pid)
                    break
        return out

    def articles_mentioning(self, entity: str) -> list[str]:
        """Ids (file stems) of the articles that mention an entity."""
        return sorted(self.nx.nodes[u]["article"] for u, _, k in self.nx.in_edges(entity, keys=True)
                      if k == "mentions")

    def evidence(self, node: str, other: str | None = None) -> list[dict[str, Any]]:
        """The sentences behind a node (its mentions) or behind every edge from *node* to *other*."""
        if other is None:
            return list(self.nx.nodes[node].get("mentions", []))
        out: list[dict[str, Any]] = []
        if self.nx.has_edge(node, other):
            for _, data in sorted(self.nx.get_edge_data(node, other).items()):
                out.extend(data.get("evidence", []))
        return out

    def explain(self, name: str) -> list[dict[str, Any]]:
        """Why the mentions of the entities called *name* were made one node, with each mention.

        Returns one dict per matching entity: ``id``, ``type``, ``name``,
        ``aliases``, ``identity`` (the resolution rule, in words) and
        ``mentions`` (article, the text as written, implied or not, and the
        sentence).
        """
        out = []
        for node in self.find(name):
            d = self.nx.nodes[node]
            mentions = []
            for ev in d.get("mentions", []):
                a, b = ev["start"] - ev["sentence_start"], ev["end"] - ev["sentence_start"]
                mentions.append({"article": ev["article"], "text": ev["sentence"][a:b], "sentence": ev["sentence"]})
            out.append({"id": node, "type": d["type"], "name": d["name"], "aliases": list(d.get("aliases", [])),
                        "identity": d.get("identity", ""), "mentions": mentions})
        return out

    def edges(self, predicate: str | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Edges as (source, target, attributes), optionally of one predicate."""
        for u, v, d in self.nx.edges(data=True):
            if predicate is None or d.get("predicate") == predicate:
                yield u, v, d

    # ------------------------------------------------------------------ outputs

    def write_json(self, out: BinaryIO) -> None:
        """Write the node-link JSON of :meth:`to_json` to a binary file, a node or an edge at a time.

        The records are those of ``networkx.node_link_data(g, edges="edges")``, made one at a
        time in sorted order instead of all at once, each encoded by ``json``'s C encoder and
        written in chunks of about a megabyte.
        """
        g = self.nx
        encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
        head = {"directed": g.is_directed(), "multigraph": g.is_multigraph(), "graph": g.graph}
        chunk: list[str] = []
        size = 0

        def put(text: str) -> None:
            nonlocal chunk, size
            chunk.append(text)
            size += len(text)
            if size > 1 << 20:
                out.write("".join(chunk).encode("utf-8"))
                chunk, size = [], 0

        def items(name: str) -> Iterator[dict[str, Any]]:
            if name == "nodes":
                for n in sorted(g.nodes):
                    yield {**g.nodes[n], "id": n}
            else:
                for u, v, k in sorted(g.edges(keys=True)):
                    yield {**g.edges[u, v, k], "source": u, "target": v, "key": k}

        for i, k in enumerate(sorted([*head, "nodes", "edges"])):
            put(("{" if i == 0 else ",\n") + encode(k) + ": ")
            if k in head:
                put(encode(head[k]))
                continue
            put("[")
            for j, item in enumerate(items(k)):
                put((",\n" if j else "\n") + encode(item))
            put("\n]")
        put("}\n")
        out.write("".join(chunk).encode("utf-8"))

    def to_json(self, path: str | os.PathLike[str] | None = None) -> str:
        """Node-link JSON of the graph (``networkx.node_link_data``), sorted, one node or edge a line.

        Written atomically to *path* if given.
        """
        buf = io.BytesIO()
        self.write_json(buf)
        data = buf.getvalue()
        if path is not None:
            write_atomic(path, data)
        return data.decode("utf-8")

    def to_turtle(self, path: str | os.PathLike[str] | None = None) -> bytes:
        """The graph as RDF Turtle (see ``ontology/kgraph.ttl``); written atomically to *path* if given."""
        from kgraph.rdf import to_turtle

        data = to_turtle(self)
        if path is not None:
            write_atomic(path, data)
        return data

    def to_html(self, path: str | os.PathLike[str] | None = None) -> str:
        """The offline interactive HTML view; written atomically to *path* if given."""
        from kgraph.viz import render_html

        return render_html(self.nx, path)

    def write(self, outdir: str | os.PathLike[str]) -> dict[str, Path]:
        """Write graph.ttl, graph.json and graph.html into *outdir*.

        All three are rendered first and then each replaces its old file
        atomically, so a failure leaves the previous outputs as they were.

        Raises:
            OutputError: the directory or a file cannot be written.
        """
        out = Path(outdir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(out, f"cannot create output directory: {exc.strerror or exc}") from exc
        from kgraph.rdf import write_turtle
        from kgraph.viz import render_html

        # each file is made while it is staged: Turtle and JSON stream into theirs (nothing holds
        # a whole file in memory), the page is rendered only after them
        def write_html(fh: BinaryIO) -> None:
            fh.write(render_html(self.nx).encode("utf-8"))

        payloads: dict[str, Payload] = {
            "graph.ttl": functools.partial(write_turtle, self),
            "graph.json": self.write_json,
            "graph.html": write_html,
        }
        # stage every file first: a failure here leaves all previous outputs untouched
        staged: dict[Path, str] = {}
        try:
            with _gc.paused():
                for name, data in payloads.items():
                    staged[out / name] = stage(out / name, data)
        except BaseException:  # OutputError, or an interrupt while a file streams
            for tmp in staged.values():
                unlink_quietly(tmp)
            raise
        written = {}
        for target, tmp in staged.items():
            try:
                os.replace(tmp, target)
            except OSError as exc:
                for t in staged.values():
                    unlink_quietly(t)
                raise OutputError(target, f"cannot write: {exc.strerror or exc}") from exc
            written[target.name] = target
        return written


def load(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """Load a ``graph.json`` written by :meth:`KnowledgeGraph.to_json`.

    Raises:
        GraphFileError: the file is missing or is not a kgraph node-link JSON.
    """
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GraphFileError(p, "no such file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphFileError(p, f"not a kgraph graph.json: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GraphFileError(p, "not a kgraph graph.json: expected a node-link JSON object")
    bad = next((n for n in data["nodes"] if not isinstance(n, dict) or "type" not in n or "name" not in n), None)
    if bad is not None:
        raise GraphFileError(p, f"not a kgraph graph.json: node without kgraph 'type' and 'name': {str(bad)[:80]}")
    try:
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (KeyError, TypeError, AttributeError, nx.NetworkXError) as exc:
        raise GraphFileError(p, f"not a kgraph graph.json: {exc}") from exc
    return KnowledgeGraph(g)
