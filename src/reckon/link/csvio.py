"""Reading victim-list CSV files and writing cluster files; a bad file is refused whole."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from reckon.errors import InputError
from reckon.link.cluster import Clusters
from reckon.link.fields import (
    CSV_COLUMNS,
    MAX_FIELD_CHARS,
    REQUIRED,
    Record,
    RowProblems,
    make_record,
)

# Python's csv module refuses fields over 128 KiB with an unhelpful message; raise the
# ceiling so that the row check can name the line and the field instead.
csv.field_size_limit(64 * 1024 * 1024)
OUTPUT_COLUMNS = ("record_id", "cluster_id", "match_probability")


def read_text(path: Path) -> str:
    """A CSV file's text: UTF-8 (with or without a byte-order mark) or a clear error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    if not data.strip():
        raise InputError(f"{path} is empty.", hint="Give a CSV file with a header row and records.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{path} is not UTF-8 text (line {line}, byte {exc.start}).",
            hint="Save the file as UTF-8 (in a spreadsheet: CSV UTF-8) and try again.",
        ) from exc


def csv_rows(text: str, source: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and (line number, row) pairs of a CSV text."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(f"{source} has no header row.") from None
    except csv.Error as exc:
        raise InputError(f"{source} line 1 is not valid CSV ({exc}).") from exc
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise InputError(f"{source} repeats the column(s) {', '.join(duplicated)}.")

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for values in reader:
                line = reader.line_num
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    yield line, {"__width__": str(len(values))}
                    continue
                yield line, dict(zip(header, values, strict=True))
        except csv.Error as exc:
            raise InputError(
                f"{source} line {reader.line_num} is not valid CSV ({exc}).",
                hint="Check quoting on that line.",
            ) from exc

    return header, rows()


def records_from_rows(
    rows: Iterator[tuple[int, dict[str, str]]],
    source: str,
    width: int,
    default_calendar: str = "",
) -> list[Record]:
    """Validate every row; raise one InputError naming every bad line, or return all records."""
    problems = RowProblems(source)
    records: list[Record] = []
    first_line: dict[str, int] = {}
    for line, values in rows:
        if "__width__" in values:
            problems.add(line, f"has {values['__width__']} fields, the header has {width}")
            continue
        record = make_record(values, line, problems, default_calendar)
        if record is None:
            continue
        key = f"{record.list}\x00{record.record_id}"
        if key in first_line:
            problems.add(line, f"record_id '{record.record_id}' repeats line {first_line[key]}")
            continue
        first_line[key] = line
        records.append(record)
    if problems:
        raise InputError(problems.message(), hint="Fix those rows; nothing was read.")
    if not records:
        raise InputError(f"{source} has a header but no records.")
    return records


def read_records(path: Path) -> list[Record]:
    """Read a standalone linkage CSV (columns `CSV_COLUMNS`, exactly)."""
    header, rows = csv_rows(read_text(path), str(path))
    missing = [c for c in CSV_COLUMNS if c not in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"lacks the column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"has unknown column(s) {', '.join(unknown)}")
        raise InputError(
            f"{path} {' and '.join(parts)}.",
            hint=f"The columns are exactly: {', '.join(CSV_COLUMNS)} (any may be empty except "
            f"{' and '.join(REQUIRED)}; a field holds at most {MAX_FIELD_CHARS} characters).",
        )
    records = records_from_rows(rows, str(path), len(header))
    seen: dict[str, str] = {}
    for record in records:
        if record.record_id in seen:
            raise InputError(
                f"{path}: record_id '{record.record_id}' is used in lists '{seen[record.record_id]}' "
                f"and '{record.list}'.",
                hint="record_id must be unique in the file.",
            )
        seen[record.record_id] = record.list
    return records


def write_clusters(path: Path, records: Sequence[Record], clusters: Clusters) -> None:
    """Write record_id, cluster_id and the best link's probability for every record."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(OUTPUT_COLUMNS)
        for record in records:
            best = clusters.best_probability.get(record.record_id)
            writer.writerow(
                [
                    record.record_id,
                    clusters.cluster_of[record.record_id],
                    "" if best is None else f"{best:.6f}",
                ]
            )
    tmp.replace(path)
