"""Score one build of several corpora against their gold files taken together.

    .venv/bin/kgraph build data ../shared/corpus/dev -o /tmp/both
    .venv/bin/python scripts/score_together.py /tmp/both/graph.ttl \\
        ../shared/eval/gold/seeds.json ../shared/eval/gold/dev.json

Scoring a build of seeds and dev against ``dev.json`` alone counts the seed
articles' nodes as spurious, and a seed node called just "DPRD" or "Pilkada"
as a duplicate of a dev entity of that name. This script joins the gold files
first: an entity that two files annotate separately (same type and name, such
as "Partai Golongan Karya" in both) becomes one entity with the articles of
both, and the posts follow it. Then it runs ``kgeval.py`` (found next to the
first gold file's directory, ``../kgeval.py``) on the joined gold.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def join_gold(files: list[Path]) -> dict[str, object]:
    """Return one gold annotation holding the entities and posts of *files*."""
    entities: dict[str, dict[str, object]] = {}
    by_name: dict[tuple[str, str], str] = {}
    renamed: dict[str, str] = {}
    posts: list[dict[str, object]] = []
    notes: list[str] = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        notes.append(f"{path.name}: {gold.get('notes', '')}")
        for ent in gold["entities"]:
            key = (ent["type"], _norm(ent["name"]))
            first = by_name.get(key)
            if first is None:
                by_name[key] = ent["id"]
                entities[ent["id"]] = dict(ent)
                continue
            kept = entities[first]
            kept["aliases"] = sorted({*kept.get("aliases", []), *ent.get("aliases", [])})  # type: ignore[misc]
            kept["articles"] = sorted({*kept["articles"], *ent["articles"]})  # type: ignore[misc]
            renamed[ent["id"]] = first
        for post in gold["posts"]:
            posts.append({k: renamed.get(v, v) if isinstance(v, str) else v for k, v in post.items()})
    return {"corpus": "+".join(str(f) for f in files), "notes": " | ".join(notes),
            "entities": list(entities.values()), "posts": posts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ttl", type=Path, help="graph.ttl of one build of all the corpora")
    parser.add_argument("gold", type=Path, nargs="+", help="the gold files of those corpora")
    parser.add_argument("--kgeval", type=Path, help="kgeval.py (default: next to the gold directory)")
    args = parser.parse_args(argv)
    kgeval = args.kgeval or args.gold[0].resolve().parent.parent / "kgeval.py"
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "gold.json"
        joined.write_text(json.dumps(join_gold(args.gold), ensure_ascii=False), encoding="utf-8")
        return subprocess.call([sys.executable, str(kgeval), "--gold", str(joined), "--ttl", str(args.ttl)])


if __name__ == "__main__":
    sys.exit(main())
