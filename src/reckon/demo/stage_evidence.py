"""Demo stage: preserve the demo's documents and lists through the evidence locker.

Each entry of ``data/sources.json`` is added with its title, publisher,
affiliation, date and URL; testimonies are confidential; each grade is given by
the demo user the manifest names, with its reason; ``derived_from`` links are
recorded. Then the whole locker is verified. ``ctx.results["sources"]`` maps
the manifest's ids (``T-01``, ``news-nff-2019``…) to source numbers, for the
stages that follow.
"""

from __future__ import annotations

import json
from typing import Any

from reckon.demo.run import DemoContext
from reckon.errors import IntegrityError
from reckon.evidence import Locker, SourceFacts, add_paths, verify
from reckon.evidence.metadata import set_grade

COLLECTOR = "sara.investigator"


def _in_dependency_order(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sources before the ones derived from them."""
    done: set[str] = set()
    ordered: list[dict[str, Any]] = []
    pending = list(entries)
    while pending:
        ready = [e for e in pending if set(e.get("derived_from") or []) <= done]
        if not ready:
            raise IntegrityError("sources.json has a cycle in derived_from.")
        for entry in ready:
            ordered.append(entry)
            done.add(entry["id"])
            pending.remove(entry)
    return ordered


def stage_evidence(ctx: DemoContext) -> None:
    manifest = json.loads((ctx.data / "sources.json").read_text(encoding="utf-8"))
    workspace = ctx.workspace
    base = workspace.settings
    ids: dict[str, int] = {}
    confidential = 0
    try:
        workspace.settings = base.with_overrides(user=COLLECTOR)
        locker = Locker.open(workspace)
        for entry in _in_dependency_order(manifest["sources"]):
            facts = SourceFacts(
                title=entry.get("title"),
                publisher=entry.get("publisher"),
                published=entry.get("published"),
                affiliation=entry.get("affiliation"),
                confidential=bool(entry.get("confidential")),
                derived_from=tuple(str(ids[p]) for p in entry.get("derived_from") or []),
                url=entry.get("url"),
                method="import",
                tool="reckon demo",
                note=entry.get("note"),
            )
            result = add_paths(locker, [ctx.data / entry["file"]], facts)[0]
            if result.error is not None or result.source_id is None:
                raise IntegrityError(f"The demo could not add {entry['file']}: {result.error}")
            ids[entry["id"]] = result.source_id
            confidential += int(facts.confidential)
            grade = entry.get("reliability") or {}
            if grade.get("graded_by"):
                workspace.settings = base.with_overrides(user=grade["graded_by"])
                set_grade(
                    Locker.open(workspace), result.source_id, grade["grade"], grade.get("reason")
                )
                workspace.settings = base.with_overrides(user=COLLECTOR)
        report = verify(Locker.open(workspace))
    finally:
        workspace.settings = base
    if not report.ok:
        problems = "; ".join(f"{p.subject}: {p.message}" for p in report.problems)
        raise IntegrityError(f"The demo's evidence failed verification: {problems}")
    ctx.results["sources"] = ids
    ctx.report(
        "evidence",
        f"preserved {len(ids)} sources ({confidential} confidential, encrypted); "
        f"verify: {report.texts} texts and {report.entries} signed custody entries intact",
    )
