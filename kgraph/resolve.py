"""Stage 3: all extractions -> canonical entities and facts across articles.

Identity rules (each one because of how Indonesian news names things):

* Regions are their Kemendagri code: "Kab. Serang", "Kabupaten Serang" and
  "Bupati Serang" all name region 36.04.
* Institutions are their canonical name plus the region they belong to, which
  the extractor derives from acronym expansion ("BPBD" -> "Badan
  Penanggulangan Bencana Daerah") and the region after the name or the
  article's home region ("Pemkab Serang" = "Pemerintah Kabupaten Serang").
* Events with an identity of their own (an election year, an anniversary
  ordinal: "Pemilu 2024", "HUT Korpri ke-52") are one node across articles;
  other events ("rapat paripurna") are scoped to their article.
* Persons: within an article the extractor already joined "Ratu Tatu Chasanah"
  and "Tatu". Across articles two persons are one when their full names match
  (honorifics, degrees, dots and case ignored) and the provinces they serve in
  do not conflict; a one-word name also needs the same province. Two people
  with the same name in different provinces stay two nodes.

Ids depend only on canonical identity, never on input order, so a build is
byte-identical whatever the order of its inputs.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgraph._text import fold, name_key, slug
from kgraph.lang.id import regions as reg_lex
from kgraph.model import (
    Article, Entity, EntityType, Evidence, Extraction, Fact, Quote, Relation, Resolution, ResolvedQuote,
)

__all__ = ["Resolver", "resolve"]

_TYPE_PREFIX = {
    EntityType.OFFICIAL: "person", EntityType.PERSON: "person", EntityType.INSTITUTION: "institution",
    EntityType.REGENCY: "region", EntityType.CITY: "region", EntityType.PROVINCE: "region",
    EntityType.EVENT: "event",
}


@dataclass
class _Local:
    """One entity of one article (all mentions with one key)."""

    article: str
    key: str
    type: EntityType
    name: str
    attrs: dict[str, str]
    surfaces: Counter[str] = field(default_factory=Counter)
    evidence: list[Evidence] = field(default_factory=list)
    provinces: set[str] = field(default_factory=set)


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Merge the extractions of many articles into one set of entities and facts.

    Args:
        extractions: per-article results of :func:`kgraph.extract`, in any order.

    Returns:
        A :class:`Resolution` whose entity ids, entity order and fact order
        depend only on the content, not on the order of *extractions*.
    """
    resolver = Resolver()
    for ex in extractions:
        resolver.add(ex)
    return resolver.result()


class Resolver:
    """:func:`resolve`, one extraction at a time: add each, then take the :meth:`result`.

    An extraction is folded in as it is added and not kept: what stays is, for each entity
    of each article, its names and evidence, and the article's relations and quotes. A
    build feeds extractions as they arrive from the workers, so they need not all be in
    memory at once. Order does not matter.

    >>> import kgraph
    >>> r = Resolver()
    >>> for a in kgraph.read_articles(["data"]):
    ...     r.add(kgraph.extract(a))
    >>> r.result() == kgraph.resolve(kgraph.extract(a) for a in kgraph.read_articles(["data"]))
    True
    """

    def __init__(self) -> None:
        self._locals: dict[tuple[str, str], _Local] = {}
        self._articles: list[Article] = []
        self._relations: list[tuple[str, Relation]] = []
        self._quotes: list[tuple[str, Quote]] = []

    def add(self, ex: Extraction) -> None:
        """Fold in the extraction of one article (each article once)."""
        art = ex.article
        locals_ = self._locals
        self._articles.append(dataclasses.replace(art, text="") if art.text else art)
        for m in ex.mentions:
            loc = locals_.get((art.id, m.key))
            if loc is None:
                loc = _Local(art.id, m.key, m.type, m.name, dict(m.attrs))
                locals_[(art.id, m.key)] = loc
            loc.type = m.type if m.type == EntityType.OFFICIAL else loc.type
            if m.name != loc.name and m.type == EntityType.INSTITUTION:
                # two names of one group ("BPSDM" and "BKPSDM" of one province): keep the fullest
                loc.name, other = _fuller(loc.name, m.name), min(loc.name, m.name, key=lambda n: (len(n), n))
                loc.attrs["aliases"] = "|".join(sorted({*loc.attrs.get("aliases", "").split("|"), other} - {""}))
            if not m.implied:
                loc.surfaces[m.text] += 1
            loc.evidence.append(m.evidence)
        self._relations.extend((art.id, r) for r in ex.relations)
        self._quotes.extend((art.id, q) for q in ex.quotes)

    def result(self) -> Resolution:
        """The entities and facts of every extraction added so far."""
        locals_, relations = self._locals, self._relations
        # the provinces a person serves in, from their posts
        for loc in locals_.values():
            loc.provinces.clear()
        for art_id, r in relations:
            if r.predicate != "holds":
                continue
            person = locals_.get((art_id, r.subject))
            org = locals_.get((art_id, r.object))
            if person is None or org is None:
                continue
            code = org.attrs.get("code") or _region_code(org.attrs.get("region", ""))
            if code:
                person.provinces.add(reg_lex.by_code(code).province)
        ids = _assign_ids(locals_)
        entities = _build_entities(locals_, ids)
        facts = _build_facts(relations, ids)
        resolved_quotes = sorted(
            {ResolvedQuote(ids[(a, q.speaker)], q.text, q.evidence) for a, q in self._quotes if (a, q.speaker) in ids},
            key=lambda q: (q.speaker, q.evidence.article, q.evidence.start),
        )
        return Resolution(tuple(sorted(self._articles, key=lambda a: a.id)), entities, facts, tuple(resolved_quotes))


def _region_code(region_key: str) -> str:
    return region_key.split(":", 1)[1] if region_key.startswith("region:") else ""


def _assign_ids(locals_: dict[tuple[str, str], _Local]) -> dict[tuple[str, str], str]:
    ids: dict[tuple[str, str], str] = {}
    persons: list[_Local] = []
    inst_names: dict[str, str] = {}  # an institution's key -> its fullest name in any article
    for (art, key), loc in locals_.items():
        if key.startswith("inst:"):
            inst_names[key] = _fuller(inst_names.get(key, loc.name), loc.name)
    for (art, key), loc in locals_.items():
        if loc.type.is_person:
            persons.append(loc)
        elif key.startswith("region:"):
            ids[(art, key)] = f"region/{key.split(':', 1)[1]}"
        elif key.startswith("inst:"):
            ids[(art, key)] = f"institution/{slug(inst_names[key])}"
        elif key.startswith("event:"):
            ids[(art, key)] = f"event/{slug(key.split(':', 1)[1])}"
        else:  # an event that only this article knows
            ids[(art, key)] = f"event/{slug(art)}/{slug(loc.name)}"
    clusters = _person_clusters(persons)
    for cluster in clusters:
        name = _best_name(cluster)
        for loc in cluster:
            ids[(loc.article, loc.key)] = f"person/{slug(name)}"
    # two different people with one slug: tell them apart by province (or article)
    by_id: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k, v in ids.items():
        if v.startswith("person/"):
            by_id[v].append(k)
    clusters_of = {(loc.article, loc.key): n for n, cluster in enumerate(clusters) for loc in cluster}
    for pid, keys in by_id.items():
        groups = {clusters_of[k] for k in keys}
        if len(groups) <= 1:
            continue
        for k in keys:
            loc = locals_[k]
            suffix = min(loc.provinces) if loc.provinces else slug(loc.article)
            ids[k] = f"{pid}--{suffix}"
    return ids


def _person_clusters(persons: list[_Local]) -> list[list[_Local]]:
    """Group person mentions of different articles that are the same person."""
    persons = sorted(persons, key=lambda p: (name_key(p.name), p.article, p.key))
    by_name: dict[str, list[_Local]] = defaultdict(list)
    for p in persons:
        by_name[name_key(p.name)].append(p)
    clusters: list[list[_Local]] = []
    for nk, group in sorted(by_name.items()):
        single_word = len(nk.split()) == 1
        placed: list[tuple[set[str], list[_Local], set[str]]] = []  # provinces, members, their articles
        for p in group:
            for provs, members, articles in placed:
                if p.article in articles:
                    continue  # the extractor already merged within an article
                if single_word:
                    ok = bool(p.provinces) and p.provinces == provs
                else:
                    ok = not p.provinces or not provs or bool(p.provinces & provs)
                if ok:
                    members.append(p)
                    articles.add(p.article)
                    provs |= p.provinces
                    break
            else:
                placed.append((set(p.provinces), [p], {p.article}))
        clusters.extend(members for _, members, _ in placed)
    return clusters


def _fuller(a: str, b: str) -> str:
    """The longer of two names of one institution (then the alphabetically first)."""
    return min(a, b, key=lambda n: (-len(n), n))


def _best_name(locs: list[_Local]) -> str:
    """The fullest name: most words, then most often used, then alphabetical."""
    counts = Counter(loc.name for loc in locs)
    return sorted(counts, key=lambda n: (-len(name_key(n).split()), -counts[n], -len(n), n))[0]


def _identity(eid: str, locs: list[_Local]) -> str:
    """In words, the rule that made these mentions one entity (for ``explain``)."""
    articles = sorted({loc.article for loc in locs})
    across = f"; one node across {len(articles)} articles" if len(articles) > 1 else ""
    key = locs[0].key
    if key.startswith("region:"):
        return f"the region with Kemendagri code {key.split(':', 1)[1]}{across}"
    if key.startswith("inst:"):
        region = locs[0].attrs.get("region", "")
        where = f" of region {region.split(':', 1)[1]}" if region.startswith("region:") else " (national)"
        return f"the institution named {locs[0].name!r}{where}, after acronym expansion{across}"
    if key.startswith("event:"):
        return f"the event {key.split(':', 1)[1]!r} (its year or ordinal identifies it){across}"
    if key.startswith("event@"):
        return f"an event of article {locs[0].article}, named by its most specific wording"
    provinces = sorted({p for loc in locs for p in loc.provinces})
    where = f", serving in province {', '.join(provinces)}" if provinces else ""
    within = "; within an article, shorter names and nicknames joined to the full name"
    return f"the person named {name_key(locs[0].name)!r}{where}{within}{across}"


def _build_entities(locals_: dict[tuple[str, str], _Local], ids: dict[tuple[str, str], str]) -> tuple[Entity, ...]:
    grouped: dict[str, list[_Local]] = defaultdict(list)
    for k, loc in locals_.items():
        grouped[ids[k]].append(loc)
    out = []
    for eid in sorted(grouped):
        locs = sorted(grouped[eid], key=lambda l: (l.article, l.key))
        etype = EntityType.OFFICIAL if any(l.type == EntityType.OFFICIAL for l in locs) else locs[0].type
        if etype.is_person:
            name = _best_name(locs)
        elif eid.startswith("institution/"):
            name = functools.reduce(_fuller, (l.name for l in locs))
        else:
            name = Counter(l.name for l in locs).most_common(1)[0][0]
        if eid.startswith("event/") and not eid.count("/") > 1:
            name = max((l.name for l in locs), key=lambda n: (("ke-" in n), len(n), n))
        aliases: set[str] = set()
        attrs: dict[str, str] = {}
        for loc in locs:
            if not loc.attrs.get("implied"):  # an implied entity's "mention" is the word implying it
                aliases.update(loc.surfaces)
            aliases.update(a for a in loc.attrs.get("aliases", "").split("|") if a)
            aliases.add(loc.name)
            for attr, value in loc.attrs.items():
                if attr in ("aliases", "implied"):
                    continue
                if attr in ("honorifics", "degrees"):  # multi-valued: keep every one seen
                    have = set(filter(None, attrs.get(attr, "").split("|")))
                    attrs[attr] = "|".join(sorted(have | set(value.split("|"))))
                else:
                    attrs.setdefault(attr, value)
        if all(loc.attrs.get("implied") for loc in locs):
            attrs["implied"] = "1"
        attrs["identity"] = _identity(eid, locs)
        if "code" in attrs:
            region = reg_lex.by_code(attrs["code"])
            aliases.update(region.aliases)
            aliases.add(region.name)
            if region.kind == "province":
                aliases.add(f"Provinsi {region.name}")
            if eid.startswith("region/"):
                attrs["region"] = eid
        if "region" in attrs and attrs["region"].startswith("region:"):
            attrs["region"] = "region/" + attrs["region"].split(":", 1)[1]
        aliases = {a for a in aliases if fold(a) and fold(a) != fold(name)}
        # keep one spelling per folded form, preferring the capitalised one
        by_fold: dict[str, str] = {}
        for a in sorted(aliases, key=lambda a: (a.islower(), a)):
            by_fold.setdefault(fold(a), a)
        evidence = sorted({e for l in locs for e in l.evidence}, key=lambda e: (e.article, e.start, e.end))
        out.append(Entity(eid, etype, name, tuple(sorted(by_fold.values())), tuple(evidence),
                          tuple(sorted(attrs.items()))))
    return tuple(out)


def _build_facts(relations: list[tuple[str, Relation]], ids: dict[tuple[str, str], str]) -> tuple[Fact, ...]:
    merged: dict[tuple[str, str, str, str], tuple[set[Evidence], dict[str, set[str]]]] = {}
    for art_id, r in relations:
        rel = r
        subj = ids.get((art_id, rel.subject))
        obj = ids.get((art_id, rel.object), "") if rel.object else ""
        if subj is None or (rel.object and not obj):
            continue
        if subj == obj:
            continue
        key = (subj, rel.predicate, obj, rel.role)
        ev, quals = merged.setdefault(key, (set(), defaultdict(set)))
        ev.add(rel.evidence)
        for k, v in rel.qualifiers:
            quals[k].update(x for x in v.split("|") if x)
    facts = []
    for (subj, pred, obj, role), (ev, quals) in sorted(merged.items()):
        q = tuple(sorted((k, "|".join(sorted(v))) for k, v in quals.items()))
        facts.append(Fact(subj, pred, obj, tuple(sorted(ev, key=lambda e: (e.article, e.start))), role, q))
    return tuple(facts)
