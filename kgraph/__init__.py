"""kgraph: an offline knowledge-graph builder for Indonesian local-government news.

Data flows one way, one module a stage::

    ingest (files -> Article) -> extract (Article -> Extraction) -> resolve (-> Resolution)
        -> graph (KnowledgeGraph over networkx) -> rdf (Turtle) / viz (HTML)

>>> import kgraph
>>> kg = kgraph.build(["data"])          # the demo corpus, from the repository root
>>> kg.find("Tatu")
['person/ratu-tatu-chasanah']
"""

from __future__ import annotations

from kgraph._build import build
from kgraph.errors import (
    BinaryInputError,
    CacheError,
    EmptyInputError,
    EncodingError,
    EngineError,
    GraphFileError,
    InputError,
    InputTooLargeError,
    KgraphError,
    MalformedRecordError,
    MissingInputError,
    ModelError,
    OutputError,
    QueryError,
    RdfFileError,
    UnreadableInputError,
    UnsupportedInputError,
)
from kgraph.extract import extract, nlp
from kgraph.graph import KnowledgeGraph, from_resolution, load
from kgraph.ingest import read_articles
from kgraph.model import (
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Mention,
    Quote,
    Relation,
    Resolution,
    ResolvedQuote,
    Skipped,
)
from kgraph.resolve import Resolver, resolve

__all__ = [
    "Article",
    "BinaryInputError",
    "CacheError",
    "EmptyInputError",
    "EncodingError",
    "EngineError",
    "Entity",
    "EntityType",
    "Evidence",
    "Extraction",
    "Fact",
    "GraphFileError",
    "InputError",
    "InputTooLargeError",
    "KgraphError",
    "KnowledgeGraph",
    "MalformedRecordError",
    "Mention",
    "MissingInputError",
    "ModelError",
    "OutputError",
    "QueryError",
    "Quote",
    "RdfFileError",
    "Relation",
    "Resolution",
    "ResolvedQuote",
    "Resolver",
    "Skipped",
    "UnreadableInputError",
    "UnsupportedInputError",
    "build",
    "extract",
    "from_resolution",
    "load",
    "nlp",
    "read_articles",
    "resolve",
]
