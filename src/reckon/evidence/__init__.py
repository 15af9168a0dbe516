"""The evidence locker: preserve sources with a provable chain of custody.

Public API (everything else is internal)::

    locker = Locker.open(workspace)
    results = add_paths(locker, [Path("report.pdf")], SourceFacts(publisher="Amnesty"))
    with workspace.engine.begin() as conn:
        user = acting_user(conn, workspace.settings.user)
        text = source_text(locker, conn, user, results[0].source_id)
        text.text[120:180], text.page_of(120)
    report = verify(locker)      # report.ok, report.problems

Modules: `sources` (add), `custody` (the signed log), `text` (reading text
artifacts), `verify`, `listing` (sources and their details), `package`
(evidence packages for third parties), `capture` (live web pages), `media`
(media types from content), `extract` (text per format).
"""

from reckon.evidence.locker import Locker
from reckon.evidence.sources import (
    AddResult,
    SourceFacts,
    add_bytes,
    add_file,
    add_paths,
    origins,
    resolve_source,
    roots,
)
from reckon.evidence.text import SourceText, source_text
from reckon.evidence.verify import VerifyReport, verify

__all__ = [
    "AddResult",
    "Locker",
    "SourceFacts",
    "SourceText",
    "VerifyReport",
    "add_bytes",
    "add_file",
    "add_paths",
    "origins",
    "resolve_source",
    "roots",
    "source_text",
    "verify",
]
