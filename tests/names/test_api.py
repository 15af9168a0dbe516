"""The public API of reckon.names is exactly what docs/names.md documents."""

from __future__ import annotations

from pathlib import Path

import reckon.names

DOCS = Path(__file__).resolve().parents[2] / "docs" / "names.md"


def test_public_api_is_sorted_and_exact() -> None:
    expected = {
        "NAME_FIELDS",
        "THRESHOLD",
        "KeyTable",
        "Lexicon",
        "NameKeys",
        "ParsedName",
        "build_lexicon",
        "default_lexicon",
        "detect_script",
        "linkage_columns",
        "name_keys",
        "name_similarity",
        "normalize",
        "normalize_latin",
        "normalize_persian",
        "parse_name",
        "phonetic_key",
        "score_keys",
        "score_tables",
        "skeleton",
        "transliterate",
    }
    assert set(reckon.names.__all__) == expected
    assert all(hasattr(reckon.names, name) for name in expected)


def test_every_linkage_column_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    columns = reckon.names.linkage_columns([{"given": "Ali"}], ["given"])
    for column in columns:
        assert f"`P_{column.removeprefix('given_')}`" in docs, column
