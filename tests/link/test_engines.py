"""The same saved model gives the same clusters on DuckDB and on Spark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reckon.link.csvio import read_records
from reckon.link.engines import Engine
from reckon.link.features import feature_table
from reckon.link.run import link, train


@pytest.mark.slow
def test_duckdb_and_spark_give_the_same_clusters_from_one_saved_model(
    synth_csv: Path, spark_session: Any, tmp_path: Path
) -> None:
    records = read_records(synth_csv)
    model = train(Engine("duckdb"), feature_table(records))
    model.save(tmp_path / "model.json")
    from reckon.link.model import SavedModel

    saved = SavedModel.load(tmp_path / "model.json")
    on_duckdb = link(records, Engine("duckdb"), SavedModel.load(tmp_path / "model.json"))
    on_spark = link(records, Engine("spark", spark_session), saved)
    assert on_duckdb.clusters.cluster_of == on_spark.clusters.cluster_of
    duck = {(e.left, e.right): e.probability for e in on_duckdb.edges}
    spark = {(e.left, e.right): e.probability for e in on_spark.edges}
    assert duck.keys() == spark.keys()
    assert max(abs(duck[k] - spark[k]) for k in duck) < 1e-9
    assert on_duckdb.clusters.n_clusters < len(records)


def test_reviewed_labels_train_the_model(synth_csv: Path) -> None:
    from reckon.link.synth import generate

    records = read_records(synth_csv)
    truth = generate(250, seed=7).truth
    by_person: dict[str, list[str]] = {}
    for record in records:
        by_person.setdefault(truth[record.record_id], []).append(record.record_id)
    same = [(ids[0], ids[1], True) for ids in by_person.values() if len(ids) > 1][:30]
    people = list(by_person.values())
    different = [(people[i][0], people[i + 1][0], False) for i in range(0, 40, 2)]
    model = train(Engine("duckdb"), feature_table(records), labels=same + different)
    assert model.trained_on["labels"] == 50
    levels = {c["output_column_name"]: c["comparison_levels"] for c in model.splink["comparisons"]}
    same_name = next(lv for lv in levels["name"] if lv["label_for_charts"] == "same name key")
    assert same_name["m_probability"] > same_name["u_probability"] * 10
