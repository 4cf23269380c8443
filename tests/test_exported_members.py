"""``kgraph.__all__`` is the public API, exactly (in the manner of httpx's test of the same name)."""

from __future__ import annotations

import __future__
import dataclasses
import enum
import inspect
import pkgutil
import types

import pytest

import kgraph


def _submodules() -> set[str]:
    return {m.name for m in pkgutil.iter_modules(kgraph.__path__)}


def _is_submodule(value: object) -> bool:
    return isinstance(value, types.ModuleType) and value.__name__.startswith("kgraph.")


def _public_names() -> set[str]:
    """Names in ``dir(kgraph)`` without a leading underscore that are not kgraph submodules.

    ``annotations`` (bound by ``from __future__ import annotations``) is a compiler
    directive, not an export, and is left out.
    """
    return {
        name for name in dir(kgraph)
        if not name.startswith("_")
        and not _is_submodule(getattr(kgraph, name))
        and not isinstance(getattr(kgraph, name), __future__._Feature)
    }


def _written_doc(value: object) -> str:
    doc = (getattr(value, "__doc__", None) or "").strip()
    if isinstance(value, type):
        if dataclasses.is_dataclass(value):
            made_up = value.__name__ + str(inspect.signature(value)).replace(" -> None", "")
            if doc == made_up:
                return ""
        if issubclass(value, enum.Enum) and doc in ("An enumeration.", ""):
            return ""
    return doc


def test_all_is_sorted_and_unique() -> None:
    assert kgraph.__all__ == sorted(kgraph.__all__)
    assert len(set(kgraph.__all__)) == len(kgraph.__all__)


def test_all_names_exist() -> None:
    missing = [name for name in kgraph.__all__ if not hasattr(kgraph, name)]
    assert missing == []


def test_all_lists_every_kgraph_object_in_the_package_namespace() -> None:
    # every public name bound to something kgraph defines (its own classes, functions, ...)
    own = {name for name in _public_names()
           if (getattr(getattr(kgraph, name), "__module__", "") or "").split(".")[0] == "kgraph"}
    assert own == set(kgraph.__all__)



def test_all_equals_the_public_names_of_the_package() -> None:
    public = _public_names()
    assert sorted(public - set(kgraph.__all__)) == []  # public but not exported
    assert sorted(set(kgraph.__all__) - public) == []  # exported but not there


def test_every_exported_name_has_a_docstring() -> None:
    # its own __doc__: not inherited, not the placeholder dataclasses and enums make up
    undocumented = [name for name in kgraph.__all__ if not _written_doc(getattr(kgraph, name))]
    assert undocumented == []


def test_submodules_are_not_exported() -> None:
    assert not set(kgraph.__all__) & {name for name in _submodules()
                                      if _is_submodule(getattr(kgraph, name, None))}
