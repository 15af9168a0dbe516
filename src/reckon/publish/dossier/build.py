"""Build and write a case file: read the subject, render the PDF, write the evidence package.

The evidence package beside the PDF (``FILE.evidence.zip``) is the evidence
issue's export of every source the case file cites (`reckon verify-package`
checks it anywhere). Confidential sources go into it only when asked for and
allowed; otherwise the case file still lists their hashes and custody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reckon.errors import InputError, NotFoundError
from reckon.evidence.package import export_sources
from reckon.publish.dossier.labels import LANGUAGES
from reckon.publish.dossier.model import Dossier, for_event, for_person
from reckon.publish.dossier.pdf import write_pdf
from reckon.publish.items import ItemType
from reckon.publish.readers import ReadContext, Readers, readers
from reckon.publish.readers.evidence import custody_head
from reckon.publish.visibility import what_is_public
from reckon.roles import Permission


@dataclass(frozen=True)
class DossierFiles:
    pdf: Path
    package: Path | None
    dossier: Dossier


def package_path(out: Path) -> Path:
    return out.with_name(out.stem + ".evidence.zip")


def build(
    ctx: ReadContext, kind: ItemType, subject: str, package_name: str | None, have: Readers
) -> Dossier:
    """The case file about one person or one event."""
    register = what_is_public(ctx.conn, [kind])
    common = {
        "generated_by": ctx.user.name,
        "generated_at": datetime.now(UTC),
        "custody_head": custody_head(ctx.conn),
        "package_name": package_name,
        "published": register.is_public(kind, subject),
    }
    if kind is ItemType.PERSON:
        if have.persons is None:
            raise NotFoundError(
                "This workspace has no person records to write a case file from.",
                hint="Person records come with the linkage module (reckon import-list).",
            )
        person = have.persons(ctx, [subject]).get(subject)
        if person is None:
            raise NotFoundError(f"There is no person {subject}.")
        return for_person(person, **common)  # type: ignore[arg-type]
    if kind is ItemType.EVENT:
        if have.events is None:
            raise NotFoundError(
                "This workspace has no events to write a case file from.",
                hint="Events come with the claims module.",
            )
        event = have.events(ctx, [subject]).get(subject)
        if event is None:
            raise NotFoundError(f"There is no event {subject}.")
        return for_event(event, **common)  # type: ignore[arg-type]
    raise InputError("A case file is about a person or an event.")


def write_dossier(
    ctx: ReadContext,
    kind: ItemType,
    subject: str,
    out: Path,
    lang: str = "en",
    include_confidential: bool = False,
    have: Readers | None = None,
) -> DossierFiles:
    """Write the case file PDF to ``out`` and its evidence package beside it."""
    # A case file shows private fields and unpublished allegations: staff who may export only.
    ctx.user.require(Permission.EXPORT_INVESTIGATION)
    if lang not in LANGUAGES:
        raise InputError(f"'{lang}' is not a case-file language.", hint="Use en or fa.")
    if out.suffix.lower() != ".pdf":
        raise InputError(f"{out} does not end in .pdf.", hint="Name the case file FILE.pdf.")
    package = package_path(out)
    for path in (out, package):
        if path.exists():
            raise InputError(f"{path} exists already.", hint="Choose a new file name.")
    dossier = build(ctx, kind, subject, package.name, have or readers())
    refs = [s.id for s in dossier.sources if include_confidential or not s.confidential]
    ctx.conn.commit()  # end the read before the package's own transaction (SQLite)
    written = None
    out.parent.mkdir(parents=True, exist_ok=True)
    if refs:
        export_sources(ctx.locker, refs, package, include_confidential=include_confidential)
        written = package
    write_pdf(dossier, out, lang)
    return DossierFiles(pdf=out, package=written, dossier=dossier)
