"""Bad input is refused whole with a clear message; good input reads back as written."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.errors import InputError
from reckon.link.csvio import read_records
from reckon.link.fields import CSV_COLUMNS

GOOD_ROW = {
    "record_id": "a-1",
    "list": "a",
    "given_name": "Ali",
    "surname": "Mohammadi",
    "birth_year": "1960",
    "death_date": "1988-07-30",
    "death_calendar": "gregorian",
}


def _write(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = CSV_COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def test_a_good_file_reads_with_dates_in_both_calendars(tmp_path: Path) -> None:
    rows = [
        GOOD_ROW,
        {
            "record_id": "b-1",
            "list": "b",
            "full_name": "علی محمدی",
            "birth_year": "۱۳۳۹",
            "death_date": "۱۳۶۷/۰۵/۰۸",
            "death_calendar": "jalali",
        },
    ]
    records = read_records(_write(tmp_path / "in.csv", rows))
    assert [r.record_id for r in records] == ["a-1", "b-1"]
    persian = records[1]
    assert (persian.birth_lo, persian.birth_hi) == (1960, 1961)
    assert persian.death is not None
    assert persian.death.start.isoformat() == "1988-07-30"
    assert persian.death_date == "۱۳۶۷/۰۵/۰۸"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"record_id,list,full_name\nx,y,z\n", "lacks the column(s) given_name"),
        (",".join(CSV_COLUMNS).encode() + b"\nx,y,\xe9\xe9,,,,,,,,,\n", "is not UTF-8"),
        (",".join(CSV_COLUMNS).encode() + b"\n", "no records"),
        (",".join((*CSV_COLUMNS, "surename")).encode() + b"\n", "unknown column(s) surename"),
    ],
)
def test_bad_files_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_records(path)


def test_every_bad_row_is_named_with_its_line(tmp_path: Path) -> None:
    rows = [
        GOOD_ROW,
        dict(GOOD_ROW, record_id="a-1"),  # line 3: duplicate
        dict(GOOD_ROW, record_id="a-3", birth_year="19x0"),  # line 4
        dict(GOOD_ROW, record_id="a-4", death_date="yesterday"),  # line 5
        dict(GOOD_ROW, record_id="", given_name="X"),  # line 6
        dict(GOOD_ROW, record_id="a-6", surname="M" * 10_000_000),  # line 7: 10 MB
    ]
    with pytest.raises(InputError) as caught:
        read_records(_write(tmp_path / "in.csv", rows))
    message = str(caught.value)
    assert "5 bad row(s)" in message
    for line in (
        "line 3: record_id 'a-1' repeats line 2",
        "line 4: birth_year",
        "line 5: death_date",
    ):
        assert line in message
    assert "line 6: record_id is empty" in message
    assert "line 7: surname has 10,000,000 characters" in message
    assert len(message) < 2000


def test_a_record_id_used_by_two_lists_is_refused(tmp_path: Path) -> None:
    rows = [GOOD_ROW, dict(GOOD_ROW, list="b")]
    with pytest.raises(InputError, match="record_id must be unique"):
        read_records(_write(tmp_path / "in.csv", rows))


_text = st.text(alphabet=st.sampled_from("abc ALIمحدیک-'\"،,\u200c"), min_size=0, max_size=12).map(
    str.strip
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_text, _text, _text), min_size=1, max_size=5))
def test_names_round_trip_through_csv(
    tmp_path_factory: pytest.TempPathFactory, names: list[tuple[str, str, str]]
) -> None:
    rows = []
    for i, (full, given_name, surname) in enumerate(names):
        if not (full or given_name or surname):
            full = "x"
        rows.append(
            {
                "record_id": f"r{i}",
                "list": "l",
                "full_name": full,
                "given_name": given_name,
                "surname": surname,
            }
        )
    path = _write(tmp_path_factory.mktemp("rt") / "in.csv", rows)
    records = read_records(path)
    assert [(r.full_name, r.given_name, r.surname) for r in records] == [
        (r["full_name"], r["given_name"], r["surname"]) for r in rows
    ]
