"""Published claims about a person, for the public person page (a minimal rendering).

Only claims with a live publication are read, through the claims reader of
`reckon.publish.readers`, as a reader who may see no confidential source; each
comes with its source as the public may cite it (`SourceView.as_public`).
"""

from __future__ import annotations

from sqlalchemy import Connection, or_, select

from reckon.evidence.locker import Locker
from reckon.publish.readers import ReadContext, readers
from reckon.publish.views import ClaimView
from reckon.publish.visibility import public_ids
from reckon.roles import Role
from reckon.store.schema import claims
from reckon.store.users import User

# The public reads as nobody, with a role that may read no confidential source.
PUBLIC = User(id=0, name="the public", role=Role.REVIEWER)


def published_claims(conn: Connection, locker: Locker, person_ref: str) -> tuple[ClaimView, ...]:
    """The published claims that name ``person_ref`` (``N…``), in claim order."""
    if not person_ref.startswith("N") or not person_ref[1:].isdigit():
        return ()
    person = int(person_ref[1:])
    ids = [
        str(i)
        for i in conn.execute(
            select(claims.c.id)
            .where(or_(claims.c.victim_id == person, claims.c.perpetrator_id == person))
            .order_by(claims.c.id)
        ).scalars()
    ]
    shown = public_ids(conn, "claim", ids)
    read = readers().claims
    if not shown or read is None:
        return ()
    views = read(ReadContext(locker, conn, PUBLIC), sorted(shown, key=int))
    return tuple(views[i] for i in ids if i in views and not views[i].source.confidential)
