"""scripts/score_together.py: joining two gold files for one combined build."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType


def _script() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "scripts" / "score_together.py"
    spec = importlib.util.spec_from_file_location("score_together", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_entity_both_files_annotate_becomes_one_with_both_articles(tmp_path: Path) -> None:
    a = {"entities": [{"id": "golkar", "type": "Institution", "name": "Partai Golongan Karya", "aliases": ["Golkar"],
                       "articles": ["s1"]},
                      {"id": "dprd", "type": "Institution", "name": "DPRD Kabupaten Sumbawa Barat", "articles": ["s1"]}],
         "posts": []}
    b = {"entities": [{"id": "b_golkar", "type": "Institution", "name": "partai golongan  karya",
                       "aliases": ["Partai Golkar"], "articles": ["d7"]},
                      {"id": "b_bupati", "type": "Official", "name": "Ahmad", "articles": ["d7"]}],
         "posts": [{"holder": "b_bupati", "org": "b_golkar", "role": "Ketua"}]}
    files = []
    for name, gold in (("a.json", a), ("b.json", b)):
        files.append(tmp_path / name)
        files[-1].write_text(json.dumps(gold), encoding="utf-8")
    joined = _script().join_gold(files)
    ents = {e["id"]: e for e in joined["entities"]}
    assert sorted(ents) == ["b_bupati", "dprd", "golkar"]
    assert ents["golkar"]["articles"] == ["d7", "s1"]
    assert ents["golkar"]["aliases"] == ["Golkar", "Partai Golkar"]
    assert joined["posts"] == [{"holder": "b_bupati", "org": "golkar", "role": "Ketua"}]
