"""Build and write a case file: read the subject, render the PDF, write the evidence package.

The evidence package beside the PDF (``FILE.evidence.zip``) is the evidence
issue's export of every source the case file cites (`reckon verify-package`
checks it anywhere). Confidential sources go into it only when asked for and
allowed; otherwise the case file still lists their hashes and custody. The
package's README and manifest carry the case file's banner (for investigators
only, when the subject is not public).

`write_dossier` (the CLI: PDF and package) and `write_package` (the web's
download: the package alone) share one path to the package, and each records
one ``case-file-exported`` audit entry: who, which subject, when, what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from reckon.errors import InputError, NotFoundError
from reckon.evidence.package import export_sources
from reckon.publish.dossier.labels import LANGUAGES, labels
from reckon.publish.dossier.model import Dossier, for_event, for_person
from reckon.publish.dossier.pdf import write_pdf
from reckon.publish.items import ItemType
from reckon.publish.readers import ReadContext, Readers, readers
from reckon.publish.readers.evidence import custody_head
from reckon.publish.visibility import what_is_public
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.users import User

AUDIT_ACTION = "case-file-exported"


@dataclass(frozen=True)
class DossierFiles:
    pdf: Path
    package: Path | None
    dossier: Dossier


@dataclass(frozen=True)
class PackageFiles:
    """An evidence package written for a case file, and the confidential sources left out."""

    package: Path
    dossier: Dossier
    manifest: dict[str, Any]
    withheld: tuple[str, ...]


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


def _packed(dossier: Dossier, include_confidential: bool) -> tuple[list[str], tuple[str, ...]]:
    """The sources that go into the package and the confidential ones left out."""
    packed = [s.id for s in dossier.sources if include_confidential or not s.confidential]
    withheld = tuple(s.id for s in dossier.sources if s.confidential and not include_confidential)
    return packed, withheld


def _record(
    conn: Connection,
    user: User,
    dossier: Dossier,
    what: list[str],
    packed: list[str],
    withheld: tuple[str, ...],
    include_confidential: bool,
    manifest_sha: str | None,
) -> None:
    audit.record(
        conn,
        user,
        AUDIT_ACTION,
        dossier.kind,
        dossier.subject_id,
        {
            "files": what,
            "sources": packed,
            "confidential_left_out": list(withheld),
            "include_confidential": include_confidential,
            "package_manifest_sha256": manifest_sha,
        },
    )


def _export(
    ctx: ReadContext,
    dossier: Dossier,
    out: Path,
    packed: list[str],
    withheld: tuple[str, ...],
    include_confidential: bool,
    what: list[str],
) -> dict[str, Any]:
    """The package of ``packed``, its audit entry committed with its custody entries."""
    t = labels("en")
    notice = t["published"] if dossier.published else t["for_investigators"]

    def record(conn: Connection, _locker_user: User, manifest_sha: str) -> None:
        # The reader whose permission was checked is the one who exported (the CLI and
        # the web make the locker act as that same user).
        _record(conn, ctx.user, dossier, what, packed, withheld, include_confidential, manifest_sha)

    about = {
        "kind": dossier.kind,
        "subject": dossier.subject_id,
        "published": dossier.published,
        "notice": notice,
        "confidential_sources_left_out": list(withheld),
    }
    return export_sources(
        ctx.locker,
        packed,
        out,
        include_confidential=include_confidential,
        about=about,
        notice=f"Case file: {dossier.kind} {dossier.subject_id}. {notice}",
        also=record,
    )


def write_dossier(
    ctx: ReadContext,
    kind: ItemType,
    subject: str,
    out: Path,
    lang: str = "en",
    include_confidential: bool = False,
    have: Readers | None = None,
    package: bool = True,
) -> DossierFiles:
    """Write the case file PDF to ``out`` and (unless ``package`` is False) its evidence package.

    The web's PDF download passes ``package=False``: a package no one receives would
    still leave "exported" entries in the custody log.
    """
    # A case file shows private fields and unpublished allegations: staff who may export only.
    ctx.user.require(Permission.EXPORT_INVESTIGATION)
    if lang not in LANGUAGES:
        raise InputError(f"'{lang}' is not a case-file language.", hint="Use en or fa.")
    if out.suffix.lower() != ".pdf":
        raise InputError(f"{out} does not end in .pdf.", hint="Name the case file FILE.pdf.")
    zipped = package_path(out)
    for path in (out, zipped) if package else (out,):
        if path.exists():
            raise InputError(f"{path} exists already.", hint="Choose a new file name.")
    dossier = build(ctx, kind, subject, zipped.name if package else None, have or readers())
    packed, withheld = _packed(dossier, include_confidential)
    if not package:
        packed = []
    ctx.conn.commit()  # end the read before the package's own transaction (SQLite)
    written = None
    out.parent.mkdir(parents=True, exist_ok=True)
    write_pdf(dossier, out, lang)
    if packed:
        what = ["pdf", "package"]
        _export(ctx, dossier, zipped, packed, withheld, include_confidential, what)
        written = zipped
    else:
        with ctx.locker.writing() as (conn, _locker_user):
            _record(conn, ctx.user, dossier, ["pdf"], [], withheld, include_confidential, None)
    return DossierFiles(pdf=out, package=written, dossier=dossier)


def write_package(
    ctx: ReadContext,
    kind: ItemType,
    subject: str,
    out: Path,
    include_confidential: bool = False,
    have: Readers | None = None,
) -> PackageFiles:
    """Write only the evidence package of a case file to ``out`` (``FILE.zip``).

    The same sources, rules and audit entry as `write_dossier`'s package; it needs
    no PDF renderer. A case file that cites no source that may go into the package
    (all of them confidential, and confidential content not asked for) is refused.
    """
    ctx.user.require(Permission.EXPORT_INVESTIGATION)
    if out.suffix.lower() != ".zip":
        raise InputError(f"{out} does not end in .zip.", hint="Name the package FILE.zip.")
    if out.exists():
        raise InputError(f"{out} exists already.", hint="Choose a new file name.")
    dossier = build(ctx, kind, subject, out.name, have or readers())
    packed, withheld = _packed(dossier, include_confidential)
    if not packed:
        left = f" ({len(withheld)} confidential source(s) left out)" if withheld else ""
        raise NotFoundError(
            f"The case file of {subject} cites no source that may go into a package{left}.",
            hint="The PDF still lists every source's hash and custody record.",
        )
    ctx.conn.commit()  # end the read before the package's own transaction (SQLite)
    out.parent.mkdir(parents=True, exist_ok=True)
    manifest = _export(ctx, dossier, out, packed, withheld, include_confidential, ["package"])
    return PackageFiles(package=out, dossier=dossier, manifest=manifest, withheld=withheld)
