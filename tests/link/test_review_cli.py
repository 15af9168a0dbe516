"""The review, unmerge and merges commands on a small workspace."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from reckon.cli import app
from reckon.link.synth import SynthData
from reckon.workspace import init_workspace

runner = CliRunner()


def test_import_link_review_unmerge_from_the_command_line(synth: SynthData, tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", "tester", {})
    ws.close()
    w = ["--workspace", str(tmp_path / "ws")]
    for name in ("fa_list", "ngo_english"):
        path = tmp_path / f"{name}.csv"
        rows = [r for r in synth.rows if r["list"] == name]
        header = [c for c in rows[0] if c != "list"]
        lines = [",".join(header)] + [",".join(f'"{r[c]}"' for c in header) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = runner.invoke(app, [*w, "import-list", str(path), "--list", name])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, [*w, "lists", "--json"])
    assert '"fa_list"' in result.output
    result = runner.invoke(app, [*w, "link"])
    assert result.exit_code == 0, result.output
    assert "persons" in result.output
    result = runner.invoke(app, [*w, "review", "--list", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "match probability" in result.output or "No pairs" in result.output
    result = runner.invoke(app, [*w, "review", "--pair", "1", "2", "--decision", "maybe"])
    assert result.exit_code == 2
    result = runner.invoke(app, [*w, "review", "--pair", "1", "2", "--decision", "same"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, [*w, "merges", "P1"])
    assert result.exit_code == 0, result.output
    assert "same" in result.output
    result = runner.invoke(app, [*w, "unmerge", "P1", "2", "--reason", "checked"])
    assert result.exit_code == 0, result.output
    assert "P1" in result.output
    assert "P2" in result.output
