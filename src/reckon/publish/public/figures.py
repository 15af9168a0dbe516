"""Figures others have published (death tolls, counts of names), as the public register shows them.

A figure is a claim of kind ``figure`` of the source that publishes it
(`reckon.claims.figures`). It reaches the public pages the way every claim
does: an editor publishes it, and a withdrawal takes it down. Recording a
figure is not publishing it.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection

from reckon.claims.figures import FigureClaim, read_figures
from reckon.evidence.locker import Locker
from reckon.publish.items import ItemType
from reckon.publish.redact import redactor
from reckon.publish.visibility import what_is_public

__all__ = ["public_figures"]


def public_figures(conn: Connection, locker: Locker | None = None) -> list[FigureClaim]:
    """The published figures, oldest first, each with who gave it and its grade (their
    words redacted: `reckon.publish.redact`, witnesses too given an unlocked ``locker``)."""
    published = what_is_public(conn, [ItemType.CLAIM]).ids(ItemType.CLAIM)
    if not published:
        return []
    names = redactor(conn, locker)
    # Typed by an editor: the words of a figure may name a withheld person.
    return [
        replace(
            f,
            source_title=names.text(f.source_title) or "",
            figure=replace(
                f.figure,
                who=names.text(f.figure.who) or "",
                text=names.text(f.figure.text) or "",
                where_reported=names.text(f.figure.where_reported),
            ),
        )
        for f in read_figures(conn)
        if str(f.claim_id) in published
    ]
