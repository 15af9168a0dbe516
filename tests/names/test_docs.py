"""The examples of docs/names.md and of the module docstrings run as written."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "reckon.names",
    "reckon.names.script",
    "reckon.names.keys",
    "reckon.names.lexicon",
    "reckon.names.translit",
    "reckon.names.honorifics",
    "reckon.names.parse",
    "reckon.names.features",
    "reckon.names.similarity",
]


def test_docs_names_examples_run() -> None:
    result = doctest.testfile(
        str(ROOT / "docs" / "names.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.attempted > 10
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_module_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
