"""Figures others have published (death tolls, counts of names), as the public register shows them.

A figure is a claim of kind ``figure`` of the source that publishes it
(`reckon.claims.figures`). It reaches the public pages the way every claim
does: an editor publishes it, and a withdrawal takes it down. Recording a
figure is not publishing it.
"""

from __future__ import annotations

from sqlalchemy import Connection

from reckon.claims.figures import FigureClaim, read_figures
from reckon.publish.items import ItemType
from reckon.publish.visibility import what_is_public

__all__ = ["public_figures"]


def public_figures(conn: Connection) -> list[FigureClaim]:
    """The published figures, oldest first, each with who gave it and its grade."""
    published = what_is_public(conn, [ItemType.CLAIM]).ids(ItemType.CLAIM)
    if not published:
        return []
    return [f for f in read_figures(conn) if str(f.claim_id) in published]
