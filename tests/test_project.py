"""The README's two commands are the ones the Makefile and CI run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _shell_commands(markdown: str) -> list[str]:
    blocks = re.findall(r"```(?:sh|bash|shell|console)?\n(.*?)```", markdown, re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def test_readme_starts_with_make_demo_then_make_test() -> None:
    commands = _shell_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert commands[:2] == ["make demo", "make test"]


def test_makefile_defines_both_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M)
    assert re.search(r"^test:", makefile, re.M)
    assert "reckon demo" in makefile


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)
    assert "RECKON_TEST_DATABASE_URL" in ci
