from __future__ import annotations

from pathlib import Path

import pytest

from reckon.demo import DEMO_MARKER, run_demo
from reckon.errors import WorkspaceError


def test_demo_builds_a_workspace_and_reports_each_stage(tmp_path: Path) -> None:
    ctx = run_demo(tmp_path / "demo", {})
    stages = [stage for stage, _ in ctx.summary]
    assert stages[0] == "workspace"
    # The claims stage ties named persons to list persons and records published figures.
    refs = ctx.results["claims_linked_person"]
    assert isinstance(refs, list)
    assert any(r.startswith("N") for r in refs)
    assert any(r.startswith("P") for r in refs)
    assert ctx.results["claims_figures"] == 11
    lines = [line for stage, line in ctx.summary if stage == "claims"]
    assert any("graded F6" in line and "According to" in line for line in lines)
    # Three documents name the alleged official; each document's person is its own until the
    # coder ties them, so the printed record keeps the second source's corroboration.
    (official,) = [line for line in lines if line.startswith("Mojtaba Nazarian (N")]
    assert "2 source(s)" in official
    assert any("namesakes of different sources tied" in line for line in lines)
    assert (tmp_path / "demo" / DEMO_MARKER).is_file()
    # Running again rebuilds the demo folder instead of failing.
    again = run_demo(tmp_path / "demo", {})
    assert [s for s, _ in again.summary] == stages


def test_demo_never_overwrites_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not a demo workspace"):
        run_demo(tmp_path / "precious", {})
    assert (tmp_path / "precious" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_demo_summary_prints_square_brackets_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from reckon.cli import app
    from reckon.demo import run as demo_run

    def stage(ctx: demo_run.DemoContext) -> None:
        ctx.report("extra", 'PDF needs pip install "reckon[pdf]"')

    monkeypatch.setattr(demo_run, "STAGES", [("extra", stage)])
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    assert "reckon[pdf]" in result.output
