"""Splink 5 as a careful user would set it up on raw names: the baseline reckon is measured against.

Names are passed through unidecode and lower-cased (Persian script becomes a
consonant skeleton, as it does for anyone using unidecode); a full name is split
at its last space; birth years are read as numbers with Persian digits
converted but no calendar conversion; dates are compared as written. Splink's
own name comparisons (ForenameSurnameComparison, NameComparison), term-frequency
adjustments, blocking on exact surname and on given name with birth year, and
EM training.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from unidecode import unidecode

from reckon.link.cluster import Clusters, Edge, cluster
from reckon.link.fields import Record

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _clean(text: str) -> str | None:
    value = " ".join(unidecode(text).lower().replace("-", " ").split())
    return value or None


def _table(records: Sequence[Record]) -> pa.Table:
    columns: dict[str, list[Any]] = {
        k: []
        for k in (
            "unique_id",
            "list",
            "given",
            "surname",
            "father",
            "birth_year",
            "city",
            "prison",
            "death",
        )
    }
    for r in records:
        given, surname = r.given_name, r.surname
        if not (given or surname):
            given, _, surname = r.full_name.replace(",", " ").rpartition(" ")
        year = r.birth_year.translate(_DIGITS)
        columns["unique_id"].append(r.record_id)
        columns["list"].append(r.list)
        columns["given"].append(_clean(given))
        columns["surname"].append(_clean(surname))
        columns["father"].append(_clean(r.father_name))
        columns["birth_year"].append(int(year) if year.isdigit() else None)
        columns["city"].append(_clean(r.city))
        columns["prison"].append(_clean(r.prison))
        columns["death"].append(r.death_date.translate(_DIGITS) or None)
    return pa.table(columns)


def link_plain(records: Sequence[Record], threshold: float = 0.9) -> tuple[list[Edge], Clusters]:
    """Train and predict with plain Splink on DuckDB; cluster by connected components."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ForenameSurnameComparison("given", "surname"),
            cl.NameComparison("father"),
            cl.CustomComparison(
                output_column_name="birth_year",
                comparison_levels=[
                    cll.NullLevel("birth_year"),
                    cll.ExactMatchLevel("birth_year"),
                    cll.AbsoluteDifferenceLevel("birth_year", 1),
                    cll.AbsoluteDifferenceLevel("birth_year", 2),
                    cll.ElseLevel(),
                ],
            ),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.ExactMatch("prison").configure(term_frequency_adjustments=True),
            cl.ExactMatch("death"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname"),
            block_on("given", "birth_year"),
            block_on("father", "birth_year"),
        ],
        additional_columns_to_retain=["list"],
    )
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(_table(records)), settings, log_level=logging.ERROR)
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [block_on("given", "surname", "birth_year")], recall=0.7
    )
    training.estimate_u_using_random_sampling(max_pairs=5_000_000, seed=1)
    training.estimate_parameters_using_expectation_maximisation(block_on("surname"))
    training.estimate_parameters_using_expectation_maximisation(block_on("birth_year", "city"))
    arrow = linker.inference.predict(threshold_match_probability=0.01).as_pyarrow_table()
    edges = [
        Edge(a, b, float(p or 0.0))
        for a, b, p in zip(
            arrow.column("unique_id_l").to_pylist(),
            arrow.column("unique_id_r").to_pylist(),
            arrow.column("match_probability").to_pylist(),
            strict=True,
        )
    ]
    # Connected components, as Splink's own clustering: no same-list rule.
    lists = {r.record_id: r.list for r in records}
    return edges, cluster(lists, edges, threshold, same_list_threshold=0.0, max_cluster_size=10**9)
