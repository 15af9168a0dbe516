"""`reckon link FILE.csv --output`: every record gets a cluster; a saved model repeats a run."""

from __future__ import annotations

import csv
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from typer.testing import CliRunner

from reckon.cli import app
from reckon.link.synth import SynthData

runner = CliRunner()


def _pairs(assign: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for record, cluster in assign.items():
        groups[cluster].append(record)
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def test_link_a_file_then_repeat_it_from_the_saved_model(
    synth: SynthData, synth_csv: Path, tmp_path: Path
) -> None:
    out, model = tmp_path / "clusters.csv", tmp_path / "model.json"
    result = runner.invoke(
        app, ["link", str(synth_csv), "--output", str(out), "--model", str(model)]
    )
    assert result.exit_code == 0, result.output
    assert "Saved the trained model" in result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["record_id", "cluster_id", "match_probability"]
    assert [r["record_id"] for r in rows] == [r["record_id"] for r in synth.rows]
    predicted = _pairs({r["record_id"]: r["cluster_id"] for r in rows})
    truth = _pairs(synth.truth)
    precision = len(predicted & truth) / len(predicted)
    recall = len(predicted & truth) / len(truth)
    assert precision > 0.9
    assert recall > 0.8

    again = tmp_path / "again.csv"
    result = runner.invoke(app, ["link", str(synth_csv), "-o", str(again), "--model", str(model)])
    assert result.exit_code == 0, result.output
    assert "Used the saved model" in result.output
    assert again.read_bytes() == out.read_bytes()


def test_bad_input_changes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("record_id,list\n1,a\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["link", str(bad), "--output", str(out)])
    assert result.exit_code == 2
    assert "lacks the column(s)" in result.stderr
    assert not out.exists()


def test_a_model_that_is_not_one_is_refused(synth_csv: Path, tmp_path: Path) -> None:
    model = tmp_path / "model.json"
    model.write_text('{"link_type": "dedupe_only"}', encoding="utf-8")
    result = runner.invoke(
        app, ["link", str(synth_csv), "-o", str(tmp_path / "o.csv"), "--model", str(model)]
    )
    assert result.exit_code == 2
    assert "not a reckon linkage model" in result.stderr
