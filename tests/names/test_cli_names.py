"""`reckon names compare` and `reckon names key` through the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from reckon.cli import app

runner = CliRunner()


def test_compare_two_names() -> None:
    result = runner.invoke(app, ["names", "compare", "علی کاظمی", "Ali Kazemi"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("score\t0.99")
    assert "(same name" in result.output
    assert "phonetic=likzmi" in result.output


def test_compare_pairs_file(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\nعلی کاظمی,Ali Kazemi\nHosseini,Hassani\n", encoding="utf-8")
    result = runner.invoke(app, ["names", "compare", "--pairs", str(pairs)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "a,b,score"
    assert lines[1].startswith("علی کاظمی,Ali Kazemi,0.99")
    assert float(lines[2].split(",")[2]) < 0.5
    assert len(lines) == 3


def test_compare_needs_two_names_or_a_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["names", "compare", "Ali"])
    assert result.exit_code == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["names", "compare", "--pairs", str(bad)])
    assert result.exit_code == 2
    assert "columns a and b" in result.output


def test_key() -> None:
    result = runner.invoke(app, ["names", "key", "سید محمدرضا حاج‌کریمی"])
    assert result.exit_code == 0, result.output
    assert "skeleton\tmhmdrzkrm" in result.output
    assert "honorifics\tseyed haj" in result.output
