"""Small read helpers over the linkage tables, shared by review and capture histories."""

from __future__ import annotations

from sqlalchemy import Connection, select

from reckon.errors import NotFoundError
from reckon.store.schema import person_records, victim_lists

SHOWN = (
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_year",
    "city",
    "prison",
    "death_date",
)


def record_summary(conn: Connection, record_id: int) -> dict[str, str]:
    """A record's list, row and fields as the list wrote them."""
    row = conn.execute(
        select(person_records, victim_lists.c.name.label("list_name"), victim_lists.c.version)
        .join(victim_lists, victim_lists.c.id == person_records.c.list_id)
        .where(person_records.c.id == record_id)
    ).first()
    if row is None:
        raise NotFoundError(f"There is no record {record_id}.")
    from reckon.link.identity import open_rows

    [row] = open_rows(conn, [row])
    out = {
        "record": str(row.id),
        "list": f"{row.list_name} v{row.version}",
        "row": str(row.row_number),
    }
    out.update({name: getattr(row, name) or "" for name in SHOWN})
    return out
