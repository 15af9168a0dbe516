"""The demo's publish stage: victims published in bulk, one withheld, one case file written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from reckon.demo import run_demo
from reckon.publish.public.figures import public_figures
from reckon.publish.visibility import what_is_public
from reckon.workspace import Workspace


def test_the_demo_publishes_withholds_and_writes_a_case_file(tmp_path: Path) -> None:
    ctx = run_demo(tmp_path / "demo", {})
    lines = [line for stage, line in ctx.summary if stage == "publish"]
    assert lines, ctx.summary
    assert "withheld at the family's request" in lines[0]
    withheld = ctx.results["withheld"]
    subject = ctx.results["case_file_subject"]
    assert isinstance(withheld, str)
    assert isinstance(subject, str)
    with Workspace.open(tmp_path / "demo", {}) as ws, ws.engine.connect() as conn:
        public = what_is_public(conn).ids("person")
        figures = public_figures(conn)
    assert len(public) > 100
    # Others' published figures reach /estimates as published claims, attributed and graded.
    assert {f.figure.who for f in figures} >= {"Amnesty International", "Human Rights Watch"}
    assert all(f.grade == "F6" for f in figures)
    assert "figures others published" in lines[0]
    assert withheld not in public
    folder = tmp_path / "demo" / "case-files"
    if importlib.util.find_spec("weasyprint") is not None:
        assert (folder / f"{subject}.pdf").stat().st_size > 10_000
        assert (folder / f"{subject}-fa.pdf").is_file()
        assert (folder / f"{subject}.evidence.zip").is_file()
    else:
        assert (folder / f"{subject}.html").is_file()
