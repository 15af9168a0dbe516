"""Column groups that several features' tables share, defined once."""

from typing import Any

from sqlalchemy import Column, String, Text


def written_date(prefix: str = "date", text_column: str | None = None) -> list[Column[Any]]:
    """A date as a source wrote it: the text, its calendar (``gregorian`` or
    ``solar_hijri``), its precision (day, month, season, year…) and the Gregorian
    interval it stands for, as ISO days (``<prefix>_start``, ``<prefix>_end``).

    Fresh columns on each call (a column belongs to one table). ``text_column``
    names the text column when it is not ``<prefix>_text`` (a list's ``death_date``).
    """
    return [
        Column(text_column or f"{prefix}_text", Text, nullable=True),
        Column(f"{prefix}_calendar", String(12), nullable=True),
        Column(f"{prefix}_precision", String(20), nullable=True),
        Column(f"{prefix}_start", String(10), nullable=True),
        Column(f"{prefix}_end", String(10), nullable=True),
    ]
