"""Train a model, score candidate pairs and cluster them: the linkage pipeline.

The same functions run on DuckDB and on Spark; only `Engine` differs. Training
uses no labels (expectation maximisation, Fellegi-Sunter), or reviewers' labels
when there are some; a saved model skips training so that a run can be
repeated exactly on any engine.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from reckon.link.cluster import Clusters, Edge, cluster
from reckon.link.engines import Engine
from reckon.link.features import feature_table
from reckon.link.fields import Record
from reckon.link.model import ClusterSettings, SavedModel, for_dialect, settings_dict

# EM on every record of a million-record run would only repeat itself: train on a sample.
TRAIN_SAMPLE = 100_000
_EM_RULES = (
    # Each session fixes some comparisons and learns the others.
    "l.name_sk = r.name_sk and l.birth_lo = r.birth_lo",
    "l.name_sk = r.name_sk and l.death_lo = r.death_lo",
    "l.birth_lo = r.birth_lo and l.death_lo = r.death_lo",
)
_DETERMINISTIC = (
    "l.name_pk = r.name_pk and l.birth_lo = r.birth_lo",
    "l.name_pk = r.name_pk and l.father_pk = r.father_pk",
)


@dataclass
class LinkResult:
    """Scored pairs, clusters, the model used and how long each stage took."""

    edges: list[Edge]
    clusters: Clusters
    model: SavedModel
    timings: dict[str, float] = field(default_factory=dict)
    evidence: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)


def _linker(engine: Engine, table: pa.Table, settings: dict[str, Any]) -> Any:
    from splink import Linker

    sdf = engine.register(table)
    return Linker(sdf, for_dialect(settings, engine.name), log_level=logging.ERROR)


def _sample(table: pa.Table, limit: int) -> pa.Table:
    if table.num_rows <= limit:
        return table
    # A fixed stride keeps the sample the same from run to run.
    step = table.num_rows / limit
    return table.take(pa.array([int(i * step) for i in range(limit)]))


def train(
    engine: Engine,
    table: pa.Table,
    cluster_settings: ClusterSettings | None = None,
    labels: Sequence[tuple[str, str, bool]] = (),
    seed: int = 1988,
) -> SavedModel:
    """Estimate the model's parameters on ``table`` (unsupervised unless ``labels``)."""
    settings = settings_dict(table.num_rows, engine.name)
    sample = _sample(table, TRAIN_SAMPLE)
    linker = _linker(engine, sample, settings)
    training = linker.training
    training.estimate_probability_two_random_records_match(list(_DETERMINISTIC), recall=0.7)
    training.estimate_u_using_random_sampling(max_pairs=5_000_000, seed=seed)
    for rule in _EM_RULES:
        training.estimate_parameters_using_expectation_maximisation(rule)
    if labels:
        label_table = pa.table(
            {
                "record_id_l": [a for a, _, _ in labels],
                "record_id_r": [b for _, b, _ in labels],
                "clerical_match_score": [1.0 if same else 0.0 for _, _, same in labels],
            }
        )
        sdf = engine.register(label_table, "reckon_labels")
        training.estimate_m_from_pairwise_labels(sdf)
    trained = linker.misc.save_model_to_json()
    trained["blocking_rules_to_generate_predictions"] = settings[
        "blocking_rules_to_generate_predictions"
    ]
    return SavedModel(
        splink=trained,
        cluster=cluster_settings or ClusterSettings(),
        trained_on={"records": table.num_rows, "sampled": sample.num_rows, "labels": len(labels)},
    )


def predict(
    engine: Engine,
    table: pa.Table,
    model: SavedModel,
    explain: bool = False,
    keep_from: float | None = None,
) -> tuple[list[Edge], dict[tuple[str, str], dict[str, float]], dict[str, float]]:
    """Score the candidate pairs.

    Returns the pairs at or above ``keep_from`` (default: the review band's low
    end), each pair's evidence when ``explain``, and every record's best link
    probability among pairs at or above the review band's low end (computed in
    the engine, so that a million records need not bring every pair to Python).
    """
    settings = dict(model.splink)
    settings["retain_intermediate_calculation_columns"] = explain
    linker = _linker(engine, table, settings)
    low = model.cluster.review_low
    keep = low if keep_from is None else max(low, keep_from)
    scored = linker.inference.predict(threshold_match_probability=low)
    best_table = scored.query_sql(
        "SELECT rid, max(p) AS p FROM ("
        "SELECT record_id_l AS rid, match_probability AS p FROM {this} "
        "UNION ALL SELECT record_id_r AS rid, match_probability AS p FROM {this}"
        ") AS sides GROUP BY rid"
    ).as_pyarrow_table()
    best = dict(
        zip(
            best_table.column("rid").to_pylist(),
            pc.fill_null(best_table.column("p"), 0.0).to_pylist(),
            strict=True,
        )
    )
    if keep > low:
        # keep is a float from the model settings, not user text.
        scored = scored.query_sql(f"SELECT * FROM {{this}} WHERE match_probability >= {keep!r}")  # noqa: S608
    arrow = scored.as_pyarrow_table()
    left = arrow.column("record_id_l").to_pylist()
    right = arrow.column("record_id_r").to_pylist()
    prob = pc.fill_null(arrow.column("match_probability"), 0.0).to_pylist()
    edges = [Edge(a, b, float(p)) for a, b, p in zip(left, right, prob, strict=True)]
    evidence: dict[tuple[str, str], dict[str, float]] = {}
    if explain:
        # Splink gives each comparison's match weight (log2 Bayes factor) as mw_<name>.
        mw_columns = [c for c in arrow.column_names if c.startswith("mw_")]
        values = {c: arrow.column(c).to_pylist() for c in mw_columns}
        for i, (a, b) in enumerate(zip(left, right, strict=True)):
            evidence[(a, b)] = {c[3:]: float(values[c][i] or 0.0) for c in mw_columns}
    return edges, evidence, best


def link(
    records: Sequence[Record],
    engine: Engine,
    model: SavedModel | None = None,
    cluster_settings: ClusterSettings | None = None,
    same: Iterable[tuple[str, str]] = (),
    different: Iterable[tuple[str, str]] = (),
    labels: Sequence[tuple[str, str, bool]] = (),
    explain: bool = False,
    progress: Callable[[str], None] | None = None,
    all_pairs: bool = True,
) -> LinkResult:
    """Link ``records``: features, training (unless ``model``), prediction, clustering.

    ``all_pairs`` keeps every pair in the review band in the result (the
    workspace stores them for review); without it only pairs at or above the
    threshold come back to Python, which a million records need.
    """
    timings: dict[str, float] = {}

    def stage(name: str) -> float:
        if progress is not None:
            progress(name)
        return time.perf_counter()

    started = stage("features")
    table = feature_table(records)
    timings["features"] = time.perf_counter() - started
    if model is None:
        started = stage("training")
        model = train(engine, table, cluster_settings, labels)
        timings["training"] = time.perf_counter() - started
    elif cluster_settings is not None:
        model.cluster = cluster_settings
    started = stage("prediction")
    keep = None if all_pairs else model.cluster.threshold
    edges, evidence, best = predict(engine, table, model, explain, keep)
    timings["prediction"] = time.perf_counter() - started
    started = stage("clustering")
    settings = model.cluster
    clusters = cluster(
        {r.record_id: r.list for r in records},
        edges,
        settings.threshold,
        settings.same_list_threshold,
        settings.max_cluster_size,
        same,
        different,
        best=best,
    )
    timings["clustering"] = time.perf_counter() - started
    return LinkResult(edges, clusters, model, timings, evidence)
