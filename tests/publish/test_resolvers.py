"""Which resolver answers for each kind of item: the feature's own, whatever the import order."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reckon.errors import NotFoundError
from reckon.publish.items import RESOLVERS, ItemType, resolve
from reckon.publish.readers import estimates as estimates_reader
from reckon.workspace import Workspace

# `resolve`'s own order, in a fresh interpreter: the shipped resolvers, then the readers.
RESOLVE_ORDER = """
import reckon.publish.resolvers
from reckon.publish.items import RESOLVERS, ItemType
from reckon.publish.readers import readers
readers()
print(RESOLVERS[ItemType.ESTIMATE].__module__, RESOLVERS[ItemType.PERSON].__module__)
"""


def test_estimates_are_resolved_by_the_saved_estimates_reader(workspace: Workspace) -> None:
    # A saved estimate must exist: a made-up id is not an item to publish.
    with (
        workspace.engine.connect() as conn,
        pytest.raises(NotFoundError, match="no saved estimate 999"),
    ):
        resolve(conn, ItemType.ESTIMATE, "999")
    assert RESOLVERS[ItemType.ESTIMATE] is estimates_reader._estimate_facts


def test_the_resolvers_in_use_do_not_depend_on_what_was_imported_before() -> None:
    out = subprocess.run(
        [sys.executable, "-c", RESOLVE_ORDER], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out == ["reckon.publish.readers.estimates", "reckon.publish.resolvers"]
