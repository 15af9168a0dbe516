"""Evidence commands: add, capture, sources, show, grade, custody head, verify, packages."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from reckon.cli.app import app, console, err_console, open_workspace
from reckon.evidence import Locker, SourceFacts, add_paths, resolve_source, source_text, verify
from reckon.evidence.paths import safe_name
from reckon.workspace import Workspace

custody_app = typer.Typer(help="The signed custody log of the evidence.", no_args_is_help=True)
app.add_typer(custody_app, name="custody")


def _locker(workspace: Workspace, need_passphrase: bool = False) -> Locker:
    """The workspace's locker; asks for the passphrase on a terminal when it is needed."""
    if need_passphrase and not workspace.settings.passphrase and sys.stdin.isatty():
        passphrase = getpass.getpass("Workspace passphrase: ")
        workspace.settings = workspace.settings.with_overrides(passphrase=passphrase or None)
    return Locker.open(workspace)


@app.command()
def add(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (recursive) to preserve.")],
    url: Annotated[str | None, typer.Option(help="Where the item was found online.")] = None,
    title: Annotated[
        str | None, typer.Option(help="Title (else the one found in the file).")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    affiliation: Annotated[
        str | None, typer.Option(help="Organisation or side the source belongs to.")
    ] = None,
    reliability: Annotated[
        str | None, typer.Option(help="Admiralty source grade A–F (default F: cannot be judged).")
    ] = None,
    why: Annotated[str | None, typer.Option(help="Why this reliability grade.")] = None,
    derived_from: Annotated[
        list[str] | None,
        typer.Option("--derived-from", help="A source this one copies or quotes (repeatable)."),
    ] = None,
    from_person: Annotated[
        str | None, typer.Option("--from", help="The person who gave it to you.")
    ] = None,
    confidential: Annotated[
        bool, typer.Option(help="Encrypt its bytes and text at rest (testimonies, submissions).")
    ] = False,
    note: Annotated[str | None, typer.Option(help="A note on this acquisition.")] = None,
) -> None:
    """Preserve files and folders as sources, with text, custody and metadata."""
    facts = SourceFacts(
        title=title,
        publisher=publisher,
        published=published,
        affiliation=affiliation,
        reliability=reliability,
        reliability_reason=why,
        derived_from=tuple(derived_from or ()),
        confidential=confidential,
        note=note,
        url=url,
        from_person=from_person,
    )
    with open_workspace(ctx) as workspace:
        locker = _locker(workspace, need_passphrase=confidential)
        results = add_paths(locker, paths, facts, progress=_print_result)
    added = sum(1 for r in results if r.ok and r.new)
    again = sum(1 for r in results if r.ok and not r.new)
    failed = sum(1 for r in results if not r.ok)
    console.print(f"{added} added, {again} already stored (new acquisition), {failed} refused.")
    if failed:
        raise typer.Exit(2)


def _print_result(result: Any) -> None:
    if result.error is not None:
        err_console.print(f"[red]refused[/] {escape(result.error)}", soft_wrap=True)
        return
    verb = "added" if result.new else "seen again"
    console.print(
        f"{verb} source {result.source_id} {result.sha256[:12]} "
        f"{result.media_type or ''} {escape(result.shown)}",
        soft_wrap=True,
    )
    for warning in result.warnings:
        err_console.print(f"[yellow]note[/] {escape(warning)}", soft_wrap=True)


@app.command()
def capture(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The page to fetch (http or https).")],
    title: Annotated[str | None, typer.Option(help="Title (else the page's own).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    affiliation: Annotated[
        str | None, typer.Option(help="Organisation or side the source belongs to.")
    ] = None,
    reliability: Annotated[str | None, typer.Option(help="Admiralty source grade A–F.")] = None,
    why: Annotated[str | None, typer.Option(help="Why this reliability grade.")] = None,
    note: Annotated[str | None, typer.Option(help="A note on this capture.")] = None,
) -> None:
    """Fetch a live web page and preserve it as WARC with its main text."""
    from reckon.evidence.capture import capture as capture_page

    facts = SourceFacts(
        title=title,
        publisher=publisher,
        published=published,
        affiliation=affiliation,
        reliability=reliability,
        reliability_reason=why,
        note=note,
    )
    with open_workspace(ctx) as workspace:
        result = capture_page(_locker(workspace), url, facts)
    _print_result(result)


@app.command()
def sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List sources: id, title, media type, grade, affiliation, confidential, hash."""
    from reckon.evidence.listing import list_sources

    with open_workspace(ctx) as workspace:
        locker = _locker(workspace)
        with locker.reading() as (conn, user):
            rows = list_sources(locker, conn, user)
    if as_json:
        console.print_json(json.dumps([r.__dict__ for r in rows], ensure_ascii=False))
        return
    table = Table("id", "title", "media type", "grade", "affiliation", "confidential", "sha256")
    for r in rows:
        table.add_row(
            str(r.id),
            escape(safe_name(r.title)[:60]),
            r.media_type,
            r.reliability,
            escape(r.affiliation or ""),
            "yes" if r.confidential else "",
            r.sha256[:12],
        )
    console.print(table)


@app.command()
def show(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Source number or start of its SHA-256.")],
    text: Annotated[bool, typer.Option("--text", help="Also print the source's text.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show a source: metadata, acquisitions, texts and custody history."""
    from reckon.evidence.listing import source_details

    with open_workspace(ctx) as workspace:
        locker = _locker(workspace, need_passphrase=text)
        with locker.writing() as (conn, user):
            source_id = resolve_source(conn, source)
            details = source_details(locker, conn, user, source_id)
            body = source_text(locker, conn, user, source_id) if text else None
    if as_json:
        if body is not None:
            details["text"] = body.text
        console.print_json(json.dumps(details, default=str, ensure_ascii=False))
        return
    for key in (
        "id",
        "title",
        "media_type",
        "size",
        "sha256",
        "confidential",
        "publisher",
        "published",
        "affiliation",
        "reliability",
        "original_name",
        "added_at",
        "added_by",
        "text_status",
        "text_error",
    ):
        if details.get(key) not in (None, ""):
            console.print(f"{key}: {escape(safe_name(str(details[key])))}", soft_wrap=True)
    for grade in details["grades"]:
        console.print(
            f"graded {grade['grade']} by {grade['by']} at {grade['at']:%Y-%m-%d %H:%M}: {escape(grade['reason'] or '')}"
        )
    if details["derived_from"]:
        console.print("derived from sources: " + ", ".join(map(str, details["derived_from"])))
    for number, acq in enumerate(details["acquisitions"], start=1):
        where = ", ".join(
            f"{k}={safe_name(str(acq[k]))}"
            for k in ("url", "publisher", "from_person", "original_path", "note")
            if acq[k]
        )
        console.print(
            f"acquisition {number}: {acq['at']:%Y-%m-%d %H:%M:%S} UTC by {acq['by']} ({acq['method']}) {escape(where)}",
            soft_wrap=True,
        )
    for t in details["texts"]:
        pages = f", {t['pages']} pages" if t["pages"] else ""
        conf = f", OCR confidence {t['confidence']}" if t["confidence"] is not None else ""
        console.print(f"text {t['id']}: {t['chars']:,} characters{pages}{conf} ({t['extractor']})")
    table = Table(title="custody")
    for column in ("seq", "UTC time", "action", "by", "object", "entry hash"):
        table.add_column(column, overflow="fold")
    for e in details["custody"]:
        table.add_row(
            str(e["seq"]),
            f"{e['at']:%Y-%m-%d %H:%M:%S}",
            e["action"],
            e["by"] or "",
            e["object"],
            e["hash"][:16],
        )
    console.print(table)
    if body is not None:
        console.rule("text")
        console.print(escape(body.text), soft_wrap=True)


@app.command()
def grade(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Source number or start of its SHA-256.")],
    reliability: Annotated[str, typer.Argument(help="Admiralty source grade A–F.")],
    why: Annotated[str, typer.Option(help="Why this grade (kept with who graded it).")],
) -> None:
    """Grade a source's reliability (A–F) and say why."""
    from reckon.evidence.metadata import set_grade

    with open_workspace(ctx) as workspace:
        locker = _locker(workspace)
        source_id = set_grade(locker, source, reliability, why)
    console.print(f"Source {source_id} graded {reliability.upper()}.")


@custody_app.command("head")
def custody_head(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the custody log's head hash and signature, for publishing."""
    from reckon.evidence import custody
    from reckon.keys import public_key_text

    with open_workspace(ctx) as workspace:
        locker = _locker(workspace)
        with workspace.engine.connect() as conn:
            entry = custody.head(conn)
        public = public_key_text(locker.keyring.public_key)
    data = {
        "seq": entry.seq if entry else 0,
        "at": entry.at.isoformat() if entry else None,
        "head": entry.entry_hash if entry else custody.GENESIS,
        "signature": entry.signature if entry else None,
        "public_key": public,
    }
    if as_json:
        console.print_json(json.dumps(data))
        return
    for key, value in data.items():
        console.print(f"{key}: {value}", soft_wrap=True)


@custody_app.command("log")
def custody_log_command(
    ctx: typer.Context,
    source: Annotated[
        str | None,
        typer.Argument(
            help="Source number or start of its SHA-256 (default: the whole workspace)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="Entries a page, newest first (0: every entry).")] = 50,
    before: Annotated[
        int | None, typer.Option(help="Show the page before this chain position.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the custody history of one source or the whole workspace, a page at a time."""
    from reckon.evidence.history import custody_log

    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        source_id = resolve_source(conn, source) if source is not None else None
        page = custody_log(conn, source_id, before=before, limit=limit)
    if as_json:
        console.print_json(json.dumps({"source": source_id, **page.as_dict()}))
        return
    what = f"source {source_id}" if source_id is not None else "the workspace"
    if not page.lines:
        console.print(f"No custody entries for {what}.")
        return
    table = Table(title=f"Custody log of {what}")
    for column in ("#", "time (UTC)", "action", "actor", "object", "object hash", "entry hash"):
        table.add_column(column, overflow="fold")
    for line in page.lines:
        e = line.entry
        table.add_row(
            str(e.seq),
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            e.action,
            escape(line.actor or str(e.actor_id)),
            f"{e.object_type} {e.object_id}",
            (e.object_sha256 or "")[:16],
            e.entry_hash[:16],
        )
    console.print(table)
    first, last = page.lines[0].entry.seq, page.lines[-1].entry.seq
    console.print(f"{len(page.lines)} of {page.total} entries (chain positions {first}–{last}).")
    if page.before is not None:
        hint = f"reckon custody log {source or ''} --before {page.before}".replace("  ", " ")
        console.print(f"Earlier entries: {escape(hint)}")


@app.command("verify")
def verify_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
    expect_head: Annotated[
        str | None,
        typer.Option(help="A head hash published earlier: it must still be in the log."),
    ] = None,
) -> None:
    """Check every source, text and custody entry; exit 1 if anything changed."""
    from reckon.evidence.metadata import record_verified

    with open_workspace(ctx) as workspace:
        locker = _locker(workspace)
        report = verify(locker, expect_head=expect_head)
        if report.ok:
            record_verified(locker, report)
    if as_json:
        console.print_json(json.dumps(report.as_dict()))
    else:
        for problem in report.problems:
            console.print(
                f"[red]FAIL[/] {problem.subject}: {escape(problem.message)}", soft_wrap=True
            )
        checked = (
            f"{report.sources} sources, {report.texts} texts, {report.entries} custody entries"
        )
        if report.ok:
            console.print(f"OK: {checked} intact.")
        else:
            console.print(f"{len(report.problems)} problem(s) in {checked}.")
        if report.confidential and not report.encrypted_checked:
            console.print(
                "Confidential content was checked as stored (encrypted) only; set "
                "RECKON_PASSPHRASE to check its plaintext hashes too."
            )
    if not report.ok:
        raise typer.Exit(1)


@app.command("export-source")
def export_source(
    ctx: typer.Context,
    sources: Annotated[list[str], typer.Argument(help="Source numbers or hash prefixes.")],
    out: Annotated[Path, typer.Option("--out", help="The package file to write (.zip).")],
    include_confidential: Annotated[
        bool,
        typer.Option(help="Allow confidential sources' content into the package (recorded)."),
    ] = False,
) -> None:
    """Write an evidence package (originals, texts, metadata, custody) for a third party."""
    from reckon.evidence.package import export_sources

    with open_workspace(ctx) as workspace:
        locker = _locker(workspace, need_passphrase=include_confidential)
        manifest = export_sources(locker, sources, out, include_confidential)
    console.print(
        f"Wrote {out}: {len(manifest['sources'])} source(s), {len(manifest['files'])} files, "
        f"custody head {manifest['custody_head'][:16]}…. Check it with: reckon verify-package {out}"
    )


@app.command("verify-package")
def verify_package_command(
    package: Annotated[Path, typer.Argument(help="An evidence package made by export-source.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
) -> None:
    """Check an evidence package on its own (no workspace needed); exit 1 if anything changed."""
    from reckon.evidence.package import verify_package

    report = verify_package(package)
    if as_json:
        console.print_json(json.dumps(report.as_dict()))
    else:
        for problem in report.problems:
            console.print(
                f"[red]FAIL[/] {problem.subject}: {escape(problem.message)}", soft_wrap=True
            )
        summary = (
            f"{len(report.sources)} source(s), {report.files} files, "
            f"{report.entries} custody entries (head {str(report.head)[:16]}…)"
        )
        console.print(
            f"OK: {summary} intact."
            if report.ok
            else f"{len(report.problems)} problem(s) in {summary}."
        )
    if not report.ok:
        raise typer.Exit(1)
