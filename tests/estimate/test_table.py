from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.errors import InputError
from reckon.estimate import (
    CaptureTable,
    pool_strata,
    read_table,
    read_tables,
    tables_from_histories,
)


def test_reads_an_aggregated_table(mse_table: Callable[[str], CaptureTable]) -> None:
    uk = mse_table("uk_modern_slavery_2013_5lists")
    assert uk.lists == ("LA", "NG", "PFNCA", "GO", "GP")
    assert uk.observed == 2744
    assert uk.list_sizes()["PFNCA"] == 1169
    assert uk.never_overlapping() == [("LA", "GP")]


def test_reads_one_row_per_person_and_strata() -> None:
    text = "A,B,C,prison\n1,0,0,Evin\n1,1,0,Evin\n0,0,1,Gohardasht\n1,0,1,Evin\n"
    tables = read_tables("people.csv", "prison", text=text)
    assert list(tables) == ["Evin", "Gohardasht"]
    assert tables["Evin"].observed == 3
    assert tables["Gohardasht"].list_sizes() == {"A": 0, "B": 0, "C": 1}
    plain = read_table("people.csv", text="A,B\n1,0\n1,1\n1,1\n")
    assert plain.observed == 3
    assert plain.overlap(0, 1) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("A,B,count\n0,0,5\n1,0,3\n", "all-zero pattern"),
        ("A,B,count\n1,0,-2\n", "not a whole number"),
        ("A,B,count\n1,0,2.5\n", "not a whole number"),
        ("A,B,count\n2,0,1\n", "is not 0 or 1"),
        ("A,B\n1,yes\n", "is not 0 or 1"),
        ("", "is empty"),
        ("A,B,count\n", "no rows"),
        ("A,A,count\n1,0,1\n", "repeat"),
        ("A,B,count\n1,0\n", "has 2 values"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_table("t.csv", text=text)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No file"):
        read_table(tmp_path / "none.csv")


def test_validation_names_the_problem() -> None:
    one = read_table("t.csv", text="A,count\n1,4\n")
    with pytest.raises(InputError, match="at least 2 lists"):
        one.validate()
    empty = read_table("t.csv", text="A,B,count\n1,0,0\n")
    with pytest.raises(InputError, match="names nobody"):
        empty.validate()
    apart = read_table("t.csv", text="A,B,C,count\n1,0,0,4\n0,1,0,3\n0,1,1,2\n0,0,1,2\n")
    with pytest.raises(InputError, match="List A shares nobody"):
        apart.check_overlaps()


def test_tables_from_capture_histories_by_stratum() -> None:
    histories = [
        ({"mehr", "families"}, "Evin"),
        ({"families"}, "Evin"),
        ({"nff"}, "Vakilabad"),
        ({"mehr", "nff", "families"}, "Evin"),
    ]
    tables = tables_from_histories(histories, lists=["families", "mehr", "nff"])
    assert list(tables) == ["Evin", "Vakilabad"]
    evin = tables["Evin"]
    assert evin.observed == 3
    assert evin.overlap(0, 1) == 2
    assert evin.overlap(1, 2) == 1
    with pytest.raises(InputError, match="unknown list"):
        tables_from_histories([({"tribune"}, None)], lists=["families"])


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda j: st.lists(
            st.integers(min_value=0, max_value=500), min_size=2**j - 1, max_size=2**j - 1
        ).map(lambda counts: (j, counts))
    )
)
def test_csv_round_trip(case: tuple[int, list[int]]) -> None:
    j, counts = case
    table = CaptureTable(tuple(f"L{i}" for i in range(j)), np.asarray(counts, dtype=np.int64))
    again = read_table("t.csv", text=table.to_csv())
    assert again.lists == table.lists
    assert np.array_equal(again.counts, table.counts)


def test_small_strata_are_pooled() -> None:
    big = CaptureTable(("A", "B"), np.array([10, 10, 5]))
    small = CaptureTable(("A", "B"), np.array([1, 0, 1]))
    other = CaptureTable(("A", "B"), np.array([0, 2, 0]))
    pooled = pool_strata({"Evin": big, "Lakan": small, "Karun": other}, minimum=5)
    assert list(pooled) == ["Evin", "other"]
    assert pooled["other"].counts.tolist() == [1, 2, 1]
    assert pool_strata({"Evin": big}, minimum=5) == {"Evin": big}
