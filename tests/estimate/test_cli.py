from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from reckon.cli import app
from reckon.estimate import CaptureTable

runner = CliRunner()
Tables = Callable[[str], CaptureTable]
QUICK = ["--burnin", "500", "--samples", "300", "--thin", "5", "--seed", "4"]
CONTRACT = {"method", "lists", "observed", "estimate", "lower", "upper", "interval", "diagnostics"}


def _table(tmp_path: Path, table: CaptureTable) -> str:
    path = tmp_path / "table.csv"
    path.write_text(table.to_csv(), encoding="utf-8")
    return str(path)


def test_json_is_exactly_one_object_with_the_contract(tmp_path: Path, mse_table: Tables) -> None:
    path = _table(tmp_path, mse_table("hepatitis_a_taiwan_1995"))
    result = runner.invoke(app, ["estimate", path, "--json", *QUICK])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data.keys() >= CONTRACT
    assert data["method"] == "lcmcr"
    assert data["observed"] == 271
    assert data["lists"] == ["P", "Q", "E"]
    assert data["interval"] == 0.95
    assert {"chains", "rhat", "ess", "converged"} <= data["diagnostics"].keys()
    result = runner.invoke(
        app, ["estimate", path, "--json", "--method", "loglinear", "--level", "0.9"]
    )
    data = json.loads(result.stdout)
    assert data["interval"] == 0.9
    assert {"model", "terms", "aic", "bic", "mle_exists"} <= data["diagnostics"].keys()


def test_method_all_returns_one_object_per_method_and_says_whether_they_disagree(
    tmp_path: Path, mse_table: Tables
) -> None:
    path = _table(tmp_path, mse_table("hepatitis_a_taiwan_1995"))
    result = runner.invoke(app, ["estimate", path, "--json", "--method", "all", *QUICK])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["method"] == "all"
    assert [r["method"] for r in data["results"]] == ["lcmcr", "loglinear", "loglinear"]
    assert all(r.keys() >= CONTRACT for r in data["results"])
    assert isinstance(data["intervals_disagree"], bool)


def test_human_output_warns_when_chains_have_not_converged(
    tmp_path: Path, mse_table: Tables
) -> None:
    path = _table(tmp_path, mse_table("uk_modern_slavery_2013_5lists"))
    args = ["estimate", path, "--burnin", "0", "--samples", "100", "--thin", "1", "--seed", "1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "NOT CONVERGED" in result.stdout
    assert "Do not report this number" in result.stderr


def test_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("A,B,C,count\n0,0,0,4\n1,0,0,3\n", encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "all-zero pattern" in lines[0]
    result = runner.invoke(app, ["estimate", str(path), "--method", "bayes"])
    assert result.exit_code == 2
    assert "Unknown method" in result.stderr


def test_plots_and_strata(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    rows = ["A,B,C,prison"]
    pattern_counts = {"100": 9, "010": 8, "001": 7, "110": 5, "101": 4, "011": 4, "111": 3}
    for prison in ("Evin", "Gohardasht"):
        for pattern, n in pattern_counts.items():
            rows += [",".join(pattern) + f",{prison}"] * n
    people.write_text("\n".join(rows) + "\n", encoding="utf-8")
    png = tmp_path / "plot.png"
    result = runner.invoke(
        app, ["estimate", str(people), "--strata", "prison", "--plot", str(png), "--json", *QUICK]
    )
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = json.loads(result.stdout)
    assert [s["stratum"] for s in data["strata"]] == ["Evin", "Gohardasht"]
    assert data["observed"] == 80
    svg = tmp_path / "plot.svg"
    result = runner.invoke(
        app,
        [
            "estimate",
            str(people),
            "--strata",
            "prison",
            "--method",
            "loglinear",
            "--plot",
            str(svg),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]
    result = runner.invoke(app, ["estimate", str(people)])
    assert result.exit_code == 2
    assert "--strata prison" in result.stderr
