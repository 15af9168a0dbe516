"""Capture-pattern tables: how many people each combination of lists names.

A table over J lists holds one count for each of the 2^J − 1 observable capture
patterns (the all-zero pattern, the people no list names, is what estimation
is for). Patterns are kept in a canonical order, first list varying slowest,
as in the CSV files of ``shared/data/mse``.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from reckon.errors import InputError

__all__ = [
    "CaptureTable",
    "all_patterns",
    "pool_strata",
    "read_table",
    "read_tables",
    "tables_from_histories",
]

MAX_LISTS = 15


def all_patterns(n_lists: int) -> NDArray[np.int64]:
    """Every observable 0/1 pattern over ``n_lists`` lists, first list varying slowest."""
    rows = list(itertools.product((0, 1), repeat=n_lists))[1:]
    return np.asarray(rows, dtype=np.int64).reshape(len(rows), n_lists)


def _index(pattern: Sequence[int]) -> int:
    code = 0
    for bit in pattern:
        code = code * 2 + int(bit)
    return code - 1


@dataclass(frozen=True)
class CaptureTable:
    """Counts of people by capture pattern over named lists.

    Attributes
    ----------
    lists
        List names, in column order.
    counts
        One count per observable pattern, in the order of `all_patterns`.
    """

    lists: tuple[str, ...]
    counts: NDArray[np.int64]

    def __post_init__(self) -> None:
        expected = 2 ** len(self.lists) - 1
        if self.counts.shape != (expected,):
            raise InputError(
                f"A table over {len(self.lists)} lists needs {expected} counts, got {self.counts.shape}."
            )

    @classmethod
    def from_patterns(
        cls, lists: Sequence[str], patterns: Iterable[Sequence[int]], counts: Iterable[int]
    ) -> CaptureTable:
        """Build a table from (pattern, count) rows; repeated patterns add up, absent ones are 0."""
        names = _check_list_names(lists)
        total = np.zeros(2 ** len(names) - 1, dtype=np.int64)
        for row, (pattern, count) in enumerate(zip(patterns, counts, strict=True), start=1):
            if len(pattern) != len(names):
                raise InputError(
                    f"Row {row} has {len(pattern)} list values for {len(names)} lists."
                )
            if not any(pattern):
                if count:
                    raise InputError(
                        f"Row {row} gives {count} people on no list (the all-zero pattern); "
                        "nobody can be counted there.",
                        hint="Remove that row: estimating it is the point.",
                    )
                continue
            total[_index(pattern)] += count
        return cls(names, total)

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def patterns(self) -> NDArray[np.int64]:
        return all_patterns(self.n_lists)

    @property
    def observed(self) -> int:
        """How many distinct people the lists name together."""
        return int(self.counts.sum())

    def list_sizes(self) -> dict[str, int]:
        sizes = self.patterns.T @ self.counts
        return {name: int(size) for name, size in zip(self.lists, sizes, strict=True)}

    def overlap(self, first: int, second: int) -> int:
        """How many people are on both lists (whatever other lists name them)."""
        p = self.patterns
        return int((p[:, first] * p[:, second] * self.counts).sum())

    def never_overlapping(self) -> list[tuple[str, str]]:
        """Pairs of lists that share nobody."""
        return [
            (self.lists[a], self.lists[b])
            for a, b in itertools.combinations(range(self.n_lists), 2)
            if self.overlap(a, b) == 0
        ]

    def validate(self, min_lists: int = 2) -> None:
        """Refuse a table no estimator can use: too few lists, nobody named, or an empty list."""
        if self.n_lists < min_lists:
            raise InputError(
                f"This needs at least {min_lists} lists; the table has {self.n_lists}.",
            )
        if self.observed == 0:
            raise InputError("The table names nobody (all counts are 0).")
        empty = [name for name, size in self.list_sizes().items() if size == 0]
        if empty:
            raise InputError(
                f"List {', '.join(empty)} names nobody.",
                hint="Drop empty lists before estimating.",
            )

    def check_overlaps(self) -> None:
        """Refuse a table with a list that shares nobody with any other list (say which)."""
        if self.n_lists < 2:
            return
        alone = [
            name
            for i, name in enumerate(self.lists)
            if all(self.overlap(i, j) == 0 for j in range(self.n_lists) if j != i)
        ]
        if alone:
            raise InputError(
                f"List {', '.join(alone)} shares nobody with any other list, so nothing links it "
                "to the others and the total cannot be estimated.",
                hint="Check the linkage, or leave that list out.",
            )

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*self.lists, "count"])
        for pattern, count in zip(self.patterns, self.counts, strict=True):
            writer.writerow([*(int(v) for v in pattern), int(count)])
        return out.getvalue()

    def resample(self, rng: np.random.Generator) -> CaptureTable:
        """A bootstrap copy: the same number of people drawn with replacement."""
        counts = rng.multinomial(self.observed, self.counts / self.observed)
        return CaptureTable(self.lists, counts.astype(np.int64))


def _check_list_names(lists: Sequence[str]) -> tuple[str, ...]:
    names = tuple(str(name).strip() for name in lists)
    if not names:
        raise InputError("The table has no list columns.")
    if len(names) > MAX_LISTS:
        raise InputError(
            f"{len(names)} lists is more than reckon handles ({MAX_LISTS}).",
            hint="Merge small lists or drop some before estimating.",
        )
    if any(not name for name in names):
        raise InputError("A list column has no name.")
    if len(set(names)) != len(names):
        raise InputError(f"List names repeat: {', '.join(names)}.")
    return names


def _cell(value: str, row: int, column: str, *, count: bool) -> int:
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if count:
        if not number.is_integer() or number < 0:
            raise InputError(
                f"Row {row}: count {text!r} is not a whole number ≥ 0.",
                hint="Counts are numbers of people.",
            )
        return int(number)
    if text not in {"0", "1"}:
        stratum = text.replace(".", "", 1).isdigit() is False and row == 2
        raise InputError(
            f"Row {row}, list {column!r}: {text!r} is not 0 or 1.",
            hint=(
                f"If {column!r} is a stratum column, use --strata {column}."
                if stratum
                else "Write 1 when the list names the person, else 0."
            ),
        )
    return int(text)


def _parse(
    source: Path | str, text: str | None, strata: str | None
) -> tuple[tuple[str, ...], list[list[int]], list[int], list[str]]:
    if text is None:
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise InputError(f"No file {path}.") from exc
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise InputError(f"{source} is empty.", hint="It needs a header row of list names.")
    header = [cell.strip() for cell in header]
    stratum_at = None
    if strata is not None:
        if strata not in header:
            raise InputError(f"{source} has no column {strata!r} to stratify by.")
        stratum_at = header.index(strata)
    columns = [i for i, name in enumerate(header) if i != stratum_at]
    count_at = columns[-1] if header[columns[-1]].lower() == "count" else None
    list_at = [i for i in columns if i != count_at]
    names = _check_list_names([header[i] for i in list_at])
    patterns: list[list[int]] = []
    counts: list[int] = []
    labels: list[str] = []
    for row_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(f"Row {row_no} has {len(row)} values; the header has {len(header)}.")
        patterns.append([_cell(row[i], row_no, header[i], count=False) for i in list_at])
        counts.append(1 if count_at is None else _cell(row[count_at], row_no, "count", count=True))
        labels.append("" if stratum_at is None else row[stratum_at].strip())
    if not patterns:
        raise InputError(f"{source} has a header but no rows.")
    return names, patterns, counts, labels


def read_table(source: Path | str, *, text: str | None = None) -> CaptureTable:
    """Read a capture-pattern CSV, aggregated or one row per person.

    With a last column ``count``, each row is a pattern and its number of people;
    without one, each row is a person.
    """
    names, patterns, counts, _ = _parse(source, text, None)
    return CaptureTable.from_patterns(names, patterns, counts)


def read_tables(
    source: Path | str, strata: str, *, text: str | None = None
) -> dict[str, CaptureTable]:
    """Read a capture-pattern CSV with a stratum column: one table per stratum, sorted by name."""
    names, patterns, counts, labels = _parse(source, text, strata)
    out: dict[str, CaptureTable] = {}
    for label in sorted(set(labels)):
        rows = [i for i, value in enumerate(labels) if value == label]
        out[label or "(none)"] = CaptureTable.from_patterns(
            names, [patterns[i] for i in rows], [counts[i] for i in rows]
        )
    return out


def tables_from_histories(
    histories: Iterable[tuple[Collection[str], str | None]],
    lists: Sequence[str] | None = None,
) -> dict[str | None, CaptureTable]:
    """Capture-pattern tables, one per stratum, from people's capture histories.

    Parameters
    ----------
    histories
        One ``(lists naming the person, stratum)`` pair per person (a linked
        cluster); the stratum is ``None`` for unstratified data.
    lists
        All list names in column order; by default the sorted union of names seen.
        A list that names nobody in a stratum stays in that stratum's table.

    Returns
    -------
    dict
        Stratum → table, strata in sorted order (``None`` first).
    """
    people = [(frozenset(names), stratum) for names, stratum in histories]
    columns = (
        tuple(lists) if lists is not None else tuple(sorted(set().union(*(p for p, _ in people))))
    )
    position = {name: i for i, name in enumerate(_check_list_names(columns))}
    grouped: dict[str | None, list[list[int]]] = {}
    for names, stratum in people:
        unknown = names - position.keys()
        if unknown:
            raise InputError(
                f"Capture history names unknown list(s): {', '.join(sorted(unknown))}."
            )
        pattern = [0] * len(columns)
        for name in names:
            pattern[position[name]] = 1
        grouped.setdefault(stratum, []).append(pattern)
    order = sorted(grouped, key=lambda s: (s is not None, s or ""))
    return {
        s: CaptureTable.from_patterns(columns, grouped[s], [1] * len(grouped[s])) for s in order
    }


def pool_strata(
    tables: dict[str, CaptureTable], minimum: int, label: str = "other"
) -> dict[str, CaptureTable]:
    """Merge strata that name fewer than ``minimum`` people into one stratum called ``label``."""
    kept = {name: t for name, t in tables.items() if t.observed >= minimum}
    small = [t for name, t in tables.items() if t.observed < minimum]
    if small:
        pooled = CaptureTable(small[0].lists, np.sum([t.counts for t in small], axis=0))
        if label in kept:
            pooled = CaptureTable(pooled.lists, pooled.counts + kept.pop(label).counts)
        kept[label] = pooled
    return kept
