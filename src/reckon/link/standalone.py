"""Link one CSV file without a workspace: records in, clusters out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reckon.errors import InputError
from reckon.link.csvio import read_records, write_clusters
from reckon.link.engines import Engine
from reckon.link.model import ClusterSettings, SavedModel
from reckon.link.run import LinkResult, link


@dataclass
class StandaloneRun:
    """What a standalone run did, for the command to report."""

    n_records: int
    result: LinkResult
    model_saved: Path | None
    model_loaded: Path | None


def link_csv(
    path: Path,
    output: Path,
    engine: str = "duckdb",
    threshold: float | None = None,
    model_path: Path | None = None,
    spark: Any = None,
    progress: Callable[[str], None] | None = None,
) -> StandaloneRun:
    """Link the records of ``path`` and write their clusters to ``output``.

    With ``model_path`` naming an existing file the saved model is used as it is
    (no training, so the run repeats exactly); otherwise a model is trained and,
    when ``model_path`` is given, saved there.
    """
    if threshold is not None and not 0.0 < threshold < 1.0:
        raise InputError(f"--threshold {threshold} is not a probability between 0 and 1.")
    if output.resolve() == path.resolve():
        raise InputError(
            "--output names the input file.", hint="Write the clusters to another file."
        )
    if not output.parent.is_dir():
        raise InputError(f"{output.parent} does not exist.", hint="Create the folder first.")
    records = read_records(path)
    model = None
    loaded = None
    if model_path is not None and model_path.exists():
        model = SavedModel.load(model_path)
        loaded = model_path
    settings = None
    if threshold is not None:
        base = model.cluster if model is not None else ClusterSettings()
        settings = ClusterSettings(
            threshold=threshold,
            review_low=min(base.review_low, threshold),
            review_high=max(base.review_high, threshold),
            same_list_threshold=base.same_list_threshold,
            max_cluster_size=base.max_cluster_size,
        )
    result = link(
        records, Engine(engine, spark), model, settings, progress=progress, all_pairs=False
    )
    write_clusters(output, records, result.clusters)
    saved = None
    if model_path is not None and loaded is None:
        result.model.save(model_path)
        saved = model_path
    return StandaloneRun(len(records), result, saved, loaded)
