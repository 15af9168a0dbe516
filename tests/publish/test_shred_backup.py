"""After `reckon shred`, a person's data is unreadable in the store and in a backup made before.

Issue #8's test, end to end on both backends: a list person (names in both
scripts, father's name, the list's word on her affiliation) and a person named
in two documents (an English and a Persian account, claims, mentions, an
affiliation claim, an event) are published; a backup is taken; each is
shredded. Then no table holds their data in clear (the documents' own text,
preserved evidence, aside), the backup's sealed copies no longer open, the
raw bytes of the SQLite file and of its backup hold no name outside the
documents' text, `reckon verify` passes, and neither person is in any public
page, API answer or export.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, select
from sqlalchemy import inspect as sa_inspect
from typer.testing import CliRunner

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.identity import link_person
from reckon.claims.persons import person_name, public_people
from reckon.claims.records import load_claims
from reckon.claims.whole import whole_person
from reckon.claims.witnesses import add_witness, reveal_witnesses
from reckon.cli import app
from reckon.errors import NotFoundError
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.evidence.verify import verify
from reckon.publish import records
from reckon.publish.erasure import PersonVault
from reckon.search.sync import reindex
from reckon.store import migrate, users
from reckon.store.engine import is_sqlite
from reckon.store.schema import (
    claims,
    events,
    involvements,
    metadata,
    named_persons,
    person_data,
    person_keys,
    text_artifacts,
)
from reckon.workspace import Workspace, init_workspace

from .linked import same_person_in_two_lists
from .test_public_outputs import _export, _web

LIST_NAME = "Shirin Varjavand-Fictional"
LIST_NAME_FA = "شیرین ورجاوند"
FATHER = "Bahman-Fictional-Father"
AFFILIATION = "Fictional-Study-Circle"
OTHER = "Kourosh Tahmasbi-Fictional"
NAMED = "Farhad Golzari"
NAMED_FA = "فرهاد گلزاری"
DOC_AFFILIATION = "Tudeh Party"
ACCOUNT = (
    "In his village everyone knew him. Farhad Golzari was executed at Evin Prison on "
    "10 August 1988. Farhad Golzari was a member of the Tudeh Party, his brother said.\n"
)
ACCOUNT_FA = "خانواده گفتند فرهاد گلزاری در ۱۹ مرداد ۱۳۶۷ در زندان اوین اعدام شد.\n"
# Data of the list person: nowhere in the database, in any form, before or after.
LIST_SECRETS = (LIST_NAME, LIST_NAME_FA, FATHER, AFFILIATION)
# The named person's names: only inside the documents' own text (preserved evidence).
NAMED_SECRETS = (NAMED, NAMED_FA)


def _build(ws: Workspace, folder: Path) -> str:
    """Lists, documents, claims, events; everything published. Returns the named person's ref."""
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        same_person_in_two_lists(
            conn,
            actor,
            folder,
            [
                ("1", LIST_NAME, FATHER, "1961", "Evin", "1988-08-10", AFFILIATION),
                ("2", OTHER, "Jamshid", "1958", "Evin", "1988-08-12", ""),
            ],
            ("7", LIST_NAME_FA, "", "1961", "Evin", ""),
        )
    locker = Locker.open(ws)
    sources = []
    for text, name in ((ACCOUNT, "account.txt"), (ACCOUNT_FA, "account-fa.txt")):
        added = add_bytes(locker, text.encode(), name, SourceFacts(title="Family account"))
        assert added.source_id is not None
        sources.append(added.source_id)
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        for source in sources:
            for claim_id in propose_from_source(ws, source).new_claims:
                decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        # One named person per account; the coder, who read both, ties them as one man.
        (person_id, name), (other_id, _) = sorted(public_people(conn))
        assert name == NAMED
        link_person(conn, admin, f"N{person_id}", f"N{other_id}", "his brother's two accounts")
        kinds = dict(conn.execute(select(claims.c.id, claims.c.kind)).all())
        assert sorted(kinds.values()) == ["affiliation", "execution", "execution"]
        for claim_id, kind in kinds.items():
            if kind == "execution":
                records.publish(conn, admin, "claim", str(claim_id))
        for event_id in conn.execute(select(events.c.id)).scalars():
            records.publish(conn, admin, "event", str(event_id))
        for inv_id in conn.execute(select(involvements.c.id)).scalars():
            records.publish(conn, admin, "involvement", str(inv_id))
        records.publish_many(conn, admin, "person", ["P1", "P2", f"N{person_id}"])
        reindex(conn)  # the search index (sealed by reckon.search.seal) is in the backup too
    return f"N{person_id}"


def _tables(conn: Connection, skip: tuple[str, ...] = ()) -> str:
    """Every value of every table (but ``skip``), as text: what a copy of the store holds."""
    out = []
    present = set(sa_inspect(conn).get_table_names())  # an older schema lacks newer tables
    for table in metadata.sorted_tables:
        if table.name not in skip and table.name in present:
            out += [repr(tuple(row)) for row in conn.execute(select(table))]
    return "\n".join(out)


def _documents(conn: Connection) -> list[bytes]:
    return [bytes(c) for c in conn.execute(select(text_artifacts.c.content)).scalars() if c]


def _outside_documents(raw: bytes, secret: str, documents: list[bytes]) -> int:
    """How many times ``secret`` occurs in ``raw`` other than inside a document's text."""
    needle, found, start = secret.encode(), 0, 0
    while (at := raw.find(needle, start)) >= 0:
        window = raw[max(at - 12, 0) : at + len(needle) + 12]
        found += not any(window in doc for doc in documents)
        start = at + 1
    return found


def _raw(path: Path) -> bytes:
    """The database file and whatever write-ahead log or journal lies beside it."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def _public(ws: Workspace, out: Path, refs: list[str]) -> str:
    """What the public sees: pages and API answers about ``refs``, a search, the export."""
    seen = []
    with _web(ws) as client:
        for ref in refs:
            for url in (f"/person/{ref}", f"/api/persons/{ref}"):
                page = client.get(url)
                seen.append(f"{url} {page.status_code} {page.text}")
        for path in ("/", "/places", "/api/places"):
            seen.append(client.get(path).text)
        for query in (NAMED, LIST_NAME):
            seen.append(repr(client.get("/api/search", params={"q": query}).json()["results"]))
    return "\n".join(seen + list(_export(ws, out).values()))


def test_shred_leaves_nothing_readable_in_the_store_nor_in_an_earlier_backup(
    ws: Workspace, tmp_path: Path, store_env: dict[str, str]
) -> None:
    named = _build(ws, tmp_path)
    sqlite = is_sqlite(ws.settings.database_url)
    db = ws.root / "reckon.sqlite"
    before = _public(ws, tmp_path / "before", ["P1", named])
    for shown in (LIST_NAME, NAMED, "'person_id': 'P1'"):  # the checks can see a name
        assert shown in before
    with ws.engine.connect() as conn:
        documents = _documents(conn)
        admin = users.acting_user(conn, "tester")
        # Before any shred: no table but the documents' text holds the data in clear...
        dump = _tables(conn, skip=("text_artifacts",))
        for secret in (*LIST_SECRETS, *NAMED_SECRETS):
            assert secret not in dump, secret
        assert _tables(conn).count(NAMED) == ACCOUNT.count(NAMED)
        # (The organisation is also a mention of the document, tied to no person.)
        assert DOC_AFFILIATION not in _tables(conn, skip=("text_artifacts", "mentions"))
        # ...and the readers open it: the document's word on his affiliation included.
        [affiliation] = [c for c in load_claims(conn, Locker.open(ws), admin) if c.detail]
        assert affiliation.detail == DOC_AFFILIATION
        # The backup: the sealed rows as a dump (both backends) and the SQLite file itself.
        sealed_rows: list[Any] = conn.execute(select(person_keys)).all()
        sealed_data = conn.execute(select(person_data)).all()
        if sqlite:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp_path / "backup.sqlite"
    if sqlite:
        shutil.copyfile(db, backup)
        for secret in LIST_SECRETS:
            assert secret.encode() not in backup.read_bytes(), secret
    for ref in ("P1", named):  # `reckon shred` each
        done = CliRunner().invoke(
            app, ["-w", str(ws.root), "shred", ref, "--reason", "the family asked", "--yes"],
            env=store_env,
        )  # fmt: skip
        assert done.exit_code == 0, done.output
    vault = PersonVault.for_workspace(ws)
    with ws.engine.connect() as conn:
        shredded = set(
            conn.execute(
                select(person_keys.c.subject_ref).where(person_keys.c.shredded_at.is_not(None))
            ).scalars()
        )
    assert {"R1", "R3", named, f"C{affiliation.id}"} <= shredded
    assert "R2" not in shredded
    assert verify(Locker.open(ws)).ok
    with ws.engine.connect() as conn:
        # The live store: nothing of either person in any table (documents aside).
        dump = _tables(conn, skip=("text_artifacts",))
        for secret in (*LIST_SECRETS, *NAMED_SECRETS):
            assert secret not in dump, secret
        assert not [c for c in load_claims(conn, Locker.open(ws), admin) if c.detail]
        assert public_people(conn) == []
        # The other list person is untouched.
        assert OTHER in vault.fields(conn, "R2")["record"]
    # The earlier backup's sealed copies no longer open: their keys are wrapped under the
    # erasure key of an epoch that the shred destroyed.
    # (a bare SQLite engine: the backup's other tables, users included, are not restored)
    restored = create_engine(f"sqlite:///{tmp_path / 'restored.sqlite'}")
    try:
        metadata.create_all(restored, tables=[person_keys, person_data])
        with restored.begin() as conn:
            conn.execute(person_keys.insert(), [dict(r._mapping) for r in sealed_rows])
            conn.execute(person_data.insert(), [dict(r._mapping) for r in sealed_data])
        with restored.connect() as conn:
            for subject in sorted(shredded & {r.subject_ref for r in sealed_rows}):
                with pytest.raises(NotFoundError, match="erasure key of epoch"):
                    vault.open_many(conn, [subject])
    finally:
        restored.dispose()
    if sqlite:
        ws.close()
        for path in (db, backup):
            raw = _raw(path)
            for secret in LIST_SECRETS:
                assert secret.encode() not in raw, (path.name, secret)
            for secret in NAMED_SECRETS:
                assert _outside_documents(raw, secret, documents) == 0, (path.name, secret)
        ws = Workspace(ws.settings)
    after = _public(ws, tmp_path / "after", ["P1", "P3", named])
    for secret in (*LIST_SECRETS, *NAMED_SECRETS, "Varjavand", "Golzari"):
        assert secret not in after, secret
    assert OTHER in after
    assert verify(Locker.open(ws)).ok
    ws.close()


def test_the_needle_search_sees_a_name_outside_the_documents() -> None:
    documents = [ACCOUNT.encode()]
    assert _outside_documents(ACCOUNT.encode(), NAMED, documents) == 0
    assert _outside_documents(b"\x00\x17" + NAMED.encode() + b"\x01", NAMED, documents) == 1


def test_migration_seals_what_an_earlier_store_kept_in_clear(ws: Workspace, tmp_path: Path) -> None:
    named = _build(ws, tmp_path)
    person_id = int(named[1:])
    # Back to the schema before sealing: the values are put back in clear, as stored then.
    migrate.downgrade(ws.engine, "0013_sealed_personal_data-1")
    with ws.engine.connect() as conn:
        dump = _tables(conn, skip=("text_artifacts",))
        for secret in (AFFILIATION, NAMED, NAMED_FA, f"Execution of {NAMED}"):
            assert secret in dump, secret
        assert conn.execute(select(claims.c.detail).where(claims.c.kind == "affiliation")).scalar()
    migrate.upgrade(ws.engine)
    with ws.engine.connect() as conn:
        dump = _tables(conn, skip=("text_artifacts",))
        for secret in (AFFILIATION, NAMED, NAMED_FA):
            assert secret not in dump, secret
        admin = users.acting_user(conn, "tester")
        people = public_people(conn)
        assert [p for p in people if p[0] == person_id] == [(person_id, NAMED)]
        assert len(people) == 2  # one per account
    with ws.engine.begin() as conn:
        # Going below 0014 dropped the coder's tie with the table: she records it again.
        link_person(conn, admin, named, f"N{max(p for p, _ in people)}", "his brother's accounts")
    with ws.engine.connect() as conn:
        person = whole_person(conn, Locker.open(ws), admin, named)
        assert [c.detail for c, _, _ in person.named[0].claims if c.detail] == [DOC_AFFILIATION]
        assert {s.value for s in whole_person(conn, Locker.open(ws), admin, "P1").statements} >= {
            AFFILIATION
        }
        assert f"Execution of {NAMED}" in {i["event_title"] for i in person.named[0].involvements}
        assert {s for report in person.named for s in report.spellings} == {NAMED, NAMED_FA}
        account = conn.execute(
            select(claims.c.source_id).where(claims.c.victim_id == person_id).limit(1)
        ).scalar_one()
    # The same written name in the same source still finds its person (the key is now a
    # keyed hash); another source's namesake is a person of its own until someone ties them.
    propose_from_source(ws, account)
    with ws.engine.connect() as conn:
        assert public_people(conn) == people
    source = add_bytes(Locker.open(ws), b"Farhad Golzari was arrested in 1981.\n", "more.txt")
    assert source.source_id is not None
    propose_from_source(ws, source.source_id)
    with ws.engine.connect() as conn:
        assert len(public_people(conn)) == 3


def test_a_protected_name_is_sealed_with_the_persons_key_as_well(
    tmp_path: Path, store_env: dict[str, str]
) -> None:
    """A person first named by a confidential source: the data key's token of the name is
    kept under the person's key, so a shred reaches it in a backup opened with the passphrase."""
    ws = init_workspace(tmp_path / "ws", "tester", {**store_env, "RECKON_PASSPHRASE": "pass"})
    ws.settings = ws.settings.with_overrides(passphrase="pass")
    try:
        facts = SourceFacts(title="Testimony", confidential=True)
        added = add_bytes(Locker.open(ws), ACCOUNT.encode(), "testimony.txt", facts)
        assert added.source_id is not None
        propose_from_source(ws, added.source_id)
        with ws.engine.begin() as conn:
            admin = users.acting_user(conn, "tester")
            [row] = conn.execute(select(named_persons)).all()
            assert (row.protected, row.name) == (True, "")
            assert person_name(conn, Locker.open(ws), admin, row.id) == NAMED
            add_witness(
                conn, Locker.open(ws), admin, source_id=added.source_id, name="Fictional Brother",
                person_id=row.id, contact="+00 000 0000",
            )  # fmt: skip
            backup = [dict(r._mapping) for r in conn.execute(select(person_keys)).all()]
            backup_data = [dict(r._mapping) for r in conn.execute(select(person_data)).all()]
        vault = PersonVault.for_workspace(ws)
        vault.shred(ws, admin, f"N{row.id}", "the family asked")
        with ws.engine.begin() as conn:
            assert person_name(conn, Locker.open(ws), admin, row.id) is None
            # With the passphrase at hand, the shred also blanked the words the data key seals
            # in the live store: the witness record's name and contact.
            [witness] = reveal_witnesses(conn, Locker.open(ws), admin)
            assert (witness["name"], witness["contact"]) == (None, None)
        restored = create_engine(f"sqlite:///{tmp_path / 'restored.sqlite'}")
        metadata.create_all(restored, tables=[person_keys, person_data])
        with restored.begin() as conn:
            conn.execute(person_keys.insert(), backup)
            conn.execute(person_data.insert(), backup_data)
        with restored.connect() as conn, pytest.raises(NotFoundError, match="erasure key"):
            vault.open_many(conn, [f"N{row.id}"])
        restored.dispose()
    finally:
        ws.close()
