"""Figures others have published (a death toll, a count of names), each attributed to who gave it.

They are shown beside reckon's own published estimates so that a reader sees
every figure and whose it is. The workspace keeps them in a CSV file
(`Settings.published_figures_path`) with the columns of the demo's
``published_estimates.csv``: ``estimate_id, who, kind, figure_text, low, high,
year, where_reported`` (others are ignored). ``kind`` is ``deaths``,
``names_recorded`` or ``characterisation`` (words, no number).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from reckon.errors import InputError

__all__ = ["KINDS", "PublishedFigure", "read_figures"]

KINDS = ("deaths", "names_recorded", "characterisation")
REQUIRED = ("estimate_id", "who", "kind", "figure_text")


@dataclass(frozen=True)
class PublishedFigure:
    """One figure as its author gave it; ``low``/``high`` are empty where the author gave none."""

    figure_id: str
    who: str
    kind: str
    text: str
    low: float | None
    high: float | None
    year: str | None
    where: str | None


def _number(value: str | None, row: int, column: str) -> float | None:
    text = (value or "").replace(",", "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InputError(f"Row {row}: {column} is {value!r}, not a number.") from None


def read_figures(path: Path) -> list[PublishedFigure]:
    """The figures in ``path``; none when the file does not exist."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path.name} lacks the column(s) {', '.join(missing)}.")
        out = []
        for row, rec in enumerate(reader, start=2):
            kind = rec["kind"].strip()
            if kind not in KINDS:
                raise InputError(
                    f"Row {row} of {path.name}: kind {kind!r} is not one of {', '.join(KINDS)}."
                )
            out.append(
                PublishedFigure(
                    figure_id=rec["estimate_id"].strip(),
                    who=rec["who"].strip(),
                    kind=kind,
                    text=rec["figure_text"].strip(),
                    low=_number(rec.get("low"), row, "low"),
                    high=_number(rec.get("high"), row, "high"),
                    year=(rec.get("year") or "").strip() or None,
                    where=(rec.get("where_reported") or "").strip() or None,
                )
            )
    return out
