"""Demo stage: publish under the rules, withhold one person at a family's request, write a case file.

1. An editor publishes every victim's record the lists name (in bulk).
2. Events built from accepted claims are published in bulk; each involvement of
   a named alleged perpetrator is published one at a time by an editor who did
   not accept its claims, and only where independent sources suffice (the
   refusals are reported, not hidden).
3. The family of one victim (the Ahmadi family, whose sister wrote the family
   account) asks that his record be withheld: it vanishes from every public
   output.
4. A case file about Mohammad-Reza Karimzadeh (P005 of the truth file, whose
   execution date and place the sources dispute) is written beside the
   workspace, as PDF when WeasyPrint is installed (``reckon[pdf]``), else as HTML.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from sqlalchemy import Connection, select

from reckon.claims.figures import read_figures
from reckon.demo.run import DemoContext
from reckon.errors import ReckonError
from reckon.evidence.locker import Locker
from reckon.publish import records
from reckon.publish.items import ItemType, resolve
from reckon.publish.readers import ReadContext, Readers, readers
from reckon.publish.rules import Rules
from reckon.publish.visibility import what_is_public
from reckon.publish.withhold import withhold
from reckon.store.schema import person_members, person_records, victim_lists
from reckon.store.users import User, acting_user

EDITORS = ("maryam.editor", "daniel.editor")
WITHHELD_TRUTH_ID = "P003"
DOSSIER_TRUTH_ID = "P005"
DOSSIER_NAME = "Mohammad-Reza Karimzadeh"


def _named(have: Readers, read: ReadContext, name: str) -> str | None:
    """The person of the claims module whose name is ``name`` (the sources dispute his death)."""
    if have.persons is None or have.all_persons is None:
        return None
    refs = [r for r in have.all_persons(read) if r.startswith("N")]
    for ref, person in have.persons(read, refs).items():
        if name in person.names:
            return ref
    return None


def _cluster_of(conn: Connection, data: Path, truth_id: str) -> str | None:
    """The person (cluster) that holds most of the truth person's list rows."""
    with (data / "truth.csv").open(encoding="utf-8") as handle:
        rows = {
            (r["list"], int(r["row"])) for r in csv.DictReader(handle) if r["person_id"] == truth_id
        }
    found = conn.execute(
        select(victim_lists.c.name, person_records.c.row_number, person_members.c.person_id)
        .join(person_records, person_records.c.list_id == victim_lists.c.id)
        .join(person_members, person_members.c.record_id == person_records.c.id)
    ).all()
    counts: dict[str, int] = {}
    for r in found:
        if (str(r.name), int(r.row_number)) in rows:
            counts[str(r.person_id)] = counts.get(str(r.person_id), 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _publish_allegation(
    conn: Connection,
    editors: tuple[User, ...],
    kind: ItemType,
    item: str,
    rules: Rules,
    notes: list[str],
) -> bool:
    """Each editor tries in turn: the one who accepted the claims is refused, the second
    may publish only on enough independent sources."""
    for editor in editors:
        try:
            with conn.begin_nested():
                records.publish(conn, editor, kind, item, rules=rules)
        except ReckonError as exc:
            notes.append(f"{editor.name} refused: {exc.message}")
        else:
            notes.append(f"{editor.name} published allegation {item} (second editor)")
            return True
    return False


def stage_publish(ctx: DemoContext) -> None:
    workspace = ctx.workspace
    locker = Locker.open(workspace)
    have = readers()
    notes: list[str] = []
    with workspace.engine.begin() as conn:
        maryam, daniel = (acting_user(conn, name) for name in EDITORS)
        read = ReadContext(locker, conn, maryam)
        persons = have.all_persons(read) if have.all_persons else []
        victims = [p for p in persons if p.startswith("P")]
        published = len(records.publish_many(conn, maryam, "person", victims))
        rules = Rules.from_settings(workspace.settings)
        events = have.all_events(read) if have.all_events else []
        # Events that name an alleged perpetrator are never published in bulk.
        alleging = {e for e in events if resolve(conn, ItemType.EVENT, e).names_alleged_perpetrator}
        plain = [e for e in events if e not in alleging]
        n_events = len(records.publish_many(conn, maryam, "event", plain)) if plain else 0
        n_inv = refused = 0
        for event in sorted(alleging):
            if _publish_allegation(conn, (maryam, daniel), ItemType.EVENT, event, rules, notes):
                n_events += 1
            else:
                refused += 1
        for inv in have.all_involvements(read) if have.all_involvements else []:
            facts = resolve(conn, ItemType.INVOLVEMENT, inv)
            if facts.protected:
                continue
            if not facts.names_alleged_perpetrator:
                records.publish(conn, maryam, "involvement", inv)
                n_inv += 1
            elif _publish_allegation(
                conn, (maryam, daniel), ItemType.INVOLVEMENT, inv, rules, notes
            ):
                n_inv += 1
            else:
                refused += 1
        # Others' published figures (recorded by the claims stage as their claims, graded):
        # published one by one by an editor, so that /estimates shows them, attributed.
        figures = [str(f.claim_id) for f in read_figures(conn)]
        n_figures = len(records.publish_many(conn, maryam, "claim", figures)) if figures else 0
        withheld = _cluster_of(conn, ctx.data, WITHHELD_TRUTH_ID)
        if withheld is not None:
            withhold(conn, maryam, withheld, "his sister asked, for the family's safety")
        subject = _cluster_of(conn, ctx.data, DOSSIER_TRUTH_ID) or _named(have, read, DOSSIER_NAME)
    with workspace.engine.connect() as conn:
        public = what_is_public(conn)
    dossier_line = "no case file (no persons)"
    if subject is not None:
        from reckon.publish.dossier.build import build, package_path
        from reckon.publish.dossier.html import render_html

        out_dir = workspace.root / "case-files"
        with workspace.engine.connect() as conn:
            read = ReadContext(locker, conn, acting_user(conn, "sara.investigator"))
            if importlib.util.find_spec("weasyprint") is not None:
                from reckon.publish.dossier.build import write_dossier
                from reckon.publish.dossier.pdf import write_pdf

                files = write_dossier(read, ItemType.PERSON, subject, out_dir / f"{subject}.pdf")
                # The same case file in Persian, for the families and lawyers who read it.
                write_pdf(files.dossier, out_dir / f"{subject}-fa.pdf", "fa")
                dossier_line = (
                    f"case file {files.pdf.relative_to(workspace.root)} (and -fa.pdf in Persian)"
                )
                if files.package is not None:
                    dossier_line += f" + {files.package.name}"
            else:
                dossier = build(
                    read,
                    ItemType.PERSON,
                    subject,
                    package_path(out_dir / f"{subject}.pdf").name,
                    have,
                )
                out_dir.mkdir(exist_ok=True)
                path = out_dir / f"{subject}.html"
                path.write_text(render_html(dossier), encoding="utf-8")
                dossier_line = (
                    f"case file {path.relative_to(workspace.root)} (HTML; PDF needs reckon[pdf])"
                )
    ctx.results["published_persons"] = sorted(public.ids("person"))
    ctx.results["withheld"] = withheld
    ctx.results["case_file_subject"] = subject
    claims_line = (
        f"{n_events} events, {n_inv} involvements published ({refused} allegation(s) held "
        "back by the rules)"
        if have.all_events is not None
        else "events and involvements wait for the claims module"
    )
    ctx.report(
        "publish",
        f"{published} victims' records published; {claims_line}; 1 record withheld at the "
        f"family's request; {len(public.ids('person'))} persons public; {n_figures} figures "
        f"others published, attributed; {dossier_line}",
    )
    for line in notes[:4]:
        ctx.report("publish", line)
