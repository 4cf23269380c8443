"""Shared fixtures: the demo corpus built once per session with the real pipeline.

``sample_kg`` is ``kgraph.build([DATA])`` (real spaCy, real lexicons) and
``sample_out`` a directory it was written into once, so the tests that read
graph.ttl / graph.json / graph.html do not rebuild the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT / "data"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout (holds ``data/``, ``ontology/``, ``.venv/``)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_kg() -> kgraph.KnowledgeGraph:
    """The demo corpus (five articles) built by the real pipeline, once per session."""
    return kgraph.build([DATA])


@pytest.fixture(scope="session")
def sample_out(sample_kg: kgraph.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding graph.ttl, graph.json and graph.html of :func:`sample_kg`."""
    out = tmp_path_factory.mktemp("sample_out")
    sample_kg.write(out)
    return out
