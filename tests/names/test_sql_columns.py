"""The linkage columns compare in DuckDB SQL as docs/names.md says (no Python UDF)."""

from __future__ import annotations

import pytest

from reckon.names import linkage_columns

RECORDS = [
    {"id": "fa", "given": "محمدرضا", "surname": "حاج‌کریمی", "father": "علی"},
    {"id": "en", "given": "Mohammad Reza", "surname": "Hadj Karimi", "father": "Ali"},
    {"id": "other", "given": "Mahmoud", "surname": "Kazempour", "father": None},
]


def test_columns_compare_in_duckdb_sql() -> None:
    duckdb = pytest.importorskip("duckdb")
    pa = pytest.importorskip("pyarrow")
    columns = linkage_columns(RECORDS)
    columns["id"] = [r["id"] for r in RECORDS]
    people = pa.table(columns)
    con = duckdb.connect()
    con.register("people", people)
    rows = con.execute(
        """
        SELECT r.id,
               l.surname_phonetic = r.surname_phonetic AS same_key,
               levenshtein(l.given_phonetic, r.given_phonetic) AS key_edits,
               jaro_winkler_similarity(l.full_latin, r.full_latin) AS jw,
               array_length(list_intersect(l.full_tokens, r.full_tokens)) AS shared_words,
               r.father_latin IS NULL AS no_father
        FROM people l, people r
        WHERE l.id = 'fa' AND r.id <> 'fa'
        ORDER BY r.id
        """
    ).fetchall()
    en, other = rows
    assert en == ("en", True, 0, 1.0, 3, False)
    assert other[0] == "other"
    assert other[1] is False
    assert other[2] > 0
    assert other[4] == 0
    assert other[5] is True
