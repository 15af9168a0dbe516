"""The evidence locker of one workspace: its store, its blobs and its keys together."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

from reckon.keys import Keyring
from reckon.store.blobs import FolderBlobStore
from reckon.store.users import User, acting_user
from reckon.workspace import Workspace


@dataclass
class Locker:
    """What every evidence operation needs; cheap to make, one per command."""

    workspace: Workspace
    keyring: Keyring

    @classmethod
    def open(cls, workspace: Workspace) -> Locker:
        return cls(workspace, Keyring.for_settings(workspace.settings))

    @property
    def blobs(self) -> FolderBlobStore:
        return self.workspace.blobs

    @property
    def max_source_bytes(self) -> int:
        return self.workspace.settings.max_source_bytes

    @contextmanager
    def writing(self) -> Iterator[tuple[Connection, User]]:
        """One transaction and the acting user."""
        with self.workspace.engine.begin() as conn:
            yield conn, acting_user(conn, self.workspace.settings.user)

    @contextmanager
    def reading(self) -> Iterator[tuple[Connection, User]]:
        with self.workspace.engine.connect() as conn:
            yield conn, acting_user(conn, self.workspace.settings.user)


# Columns left out of a record's custody hash: state derived from the record, and a
# text's bytes (its hash, ``blob_sha256``, is in the record and verify checks it).
_UNHASHED = {"sources": {"text_status", "text_error"}, "text_artifacts": {"content"}}


def record_of(table: Table, row: Any) -> dict[str, Any]:
    """The part of a stored row that the custody log's detail hash covers."""
    skip = _UNHASHED.get(table.name, set())
    return {c.name: row[c.name] for c in table.columns if c.name not in skip}
