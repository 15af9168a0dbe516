"""Helper for publication tests that start from a coded document."""

from __future__ import annotations

from reckon.claims.coding import decide, propose_from_source
from reckon.workspace import Workspace


def accept_all(ws: Workspace, source_id: int) -> None:
    """A coder ('coder', not the editors who publish) accepts every proposed claim."""
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        for claim_id in propose_from_source(ws, source_id).new_claims:
            decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
