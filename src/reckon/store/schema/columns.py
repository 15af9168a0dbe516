"""Column groups and checks that several features' tables share, defined once.

Each function returns fresh columns on each call (a column belongs to one table).
"""

from typing import Any

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, String, Text

from reckon.store.types import UTCDateTime


def written_date(prefix: str = "date", text_column: str | None = None) -> list[Column[Any]]:
    """A date as a source wrote it: the text, its calendar (``gregorian`` or
    ``solar_hijri``), its precision (day, month, season, year…) and the Gregorian
    interval it stands for, as ISO days (``<prefix>_start``, ``<prefix>_end``).

    ``text_column`` names the text column when it is not ``<prefix>_text`` (a list's
    ``death_date``).
    """
    return [
        Column(text_column or f"{prefix}_text", Text, nullable=True),
        Column(f"{prefix}_calendar", String(12), nullable=True),
        Column(f"{prefix}_precision", String(20), nullable=True),
        Column(f"{prefix}_start", String(10), nullable=True),
        Column(f"{prefix}_end", String(10), nullable=True),
    ]


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """A check that ``column`` holds one of ``values`` (``kind IN ('a', 'b')``)."""
    return CheckConstraint(f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")", name=name)


def user_ref(name: str, *, nullable: bool = False) -> Column[Any]:
    """The user who did something (an id in ``users``)."""
    return Column(name, Integer, ForeignKey("users.id"), nullable=nullable)


def reason(name: str = "reason") -> Column[Any]:
    """Why a decision or grade was given, in the decider's words (optional)."""
    return Column(name, Text, nullable=True)


def decision(name: str = "decision") -> Column[Any]:
    """A decision's outcome, one word from a short list (checked with `one_of`)."""
    return Column(name, String(10), nullable=False)


def decided(*, nullable: bool = False) -> list[Column[Any]]:
    """Who decided (``decided_by``) and when (``decided_at``); ``nullable`` where a row
    exists before anyone decides (a proposed claim)."""
    return [
        user_ref("decided_by", nullable=nullable),
        Column("decided_at", UTCDateTime, nullable=nullable),
    ]


def grade(name: str = "grade") -> Column[Any]:
    """A reliability grade, one letter (A–F, checked with `one_of`)."""
    return Column(name, String(1), nullable=False)
