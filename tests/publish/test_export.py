"""The public export and the FtM export.

Publication decisions, withholds and sources are real workspace records. The
persons and claims are given to the exporters as view records through
`Readers` (the linkage and claims modules' own readers are not in this
workspace yet), so these tests check the exporters' filtering, not those modules.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from reckon.errors import InputError, PermissionDenied
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records
from reckon.publish.export.ftm import export_ftm
from reckon.publish.export.public import export_public
from reckon.publish.readers import ReadContext, Readers
from reckon.publish.readers.evidence import source_view
from reckon.publish.views import ClaimView, DateView, PersonView
from reckon.publish.withhold import disclose, withhold
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import publication_persons, publications
from reckon.store.types import utcnow
from reckon.workspace import Workspace

PRIVATE = {
    "father_name": "Hassan",
    "birth_year": "1339",
    "witnesses": "Kourosh Bahrami",
    "home_address": "12 Example Street",
}


def _persons(claims: dict[str, ClaimView]) -> dict[str, PersonView]:
    return {
        ref: PersonView(
            ref,
            (f"Name {ref}", f"نام {ref}"),
            {"prison": "Evin", "death_date": "1988-08-10", **PRIVATE},
            tuple(c for c in claims.values() if c.subject_ref == ref),
        )
        for ref in ("P1", "P2", "P3")
    }


def _readers(claims: dict[str, ClaimView]) -> Readers:
    persons = _persons(claims)

    def read_persons(_ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, PersonView]:
        return {r: persons[r] for r in refs if r in persons}

    def read_claims(_ctx: ReadContext, ids: Sequence[str]) -> Mapping[str, ClaimView]:
        return {i: claims[i] for i in ids if i in claims}

    return Readers(
        persons=read_persons,
        claims=read_claims,
        all_persons=lambda _ctx: sorted(persons),
        all_claims=lambda _ctx: sorted(claims),
    )


@pytest.fixture
def setup(workspace: Workspace) -> tuple[Locker, Readers]:
    locker = Locker.open(workspace)
    src = add_bytes(
        locker,
        b"He was executed at Evin on 10 August 1988.",
        "list.txt",
        SourceFacts(title="Mehr list", publisher="Mehr", reliability="B"),
    )
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        ed = users.add_user(conn, "ed", Role.EDITOR, actor=admin)
        view = source_view(locker, conn, admin, src.source_id or 0)
        claims = {
            f"c{n}": ClaimView(
                f"c{n}",
                "execution",
                view,
                f"Quote about P{n}.",
                subject_ref=f"P{n}",
                subject_name=f"Name P{n}",
                place="Evin",
                date=DateView("10 August 1988", "1988-08-10", "1988-08-10"),
            )
            for n in (1, 2, 3)
        }
        records.publish_many(conn, ed, "person", ["P1", "P2"])
        disclose(conn, ed, "P1", "father_name", "his sister asked")
        withhold(conn, ed, "P2", "the family asked")
    return locker, _readers(claims)


def test_public_export_holds_only_published_public_fields(
    workspace: Workspace, setup: tuple[Locker, Readers], tmp_path: Path
) -> None:
    locker, have = setup
    with workspace.engine.connect() as conn:
        ctx = ReadContext(locker, conn, users.acting_user(conn, "tester"))
        report = export_public(ctx, tmp_path / "register", have)
        with pytest.raises(InputError, match="not an empty folder"):
            export_public(ctx, tmp_path / "register", have)
    out = tmp_path / "register"
    assert report.counts["persons"] == 1
    everything = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for value in ("P2", "P3", "1339", "Kourosh", "Example Street", "Quote about"):
        assert value not in everything, value
    rows = list(csv.DictReader((out / "persons.csv").open(encoding="utf-8-sig")))
    assert [r["person_id"] for r in rows] == ["P1"]
    assert rows[0]["names"] == "Name P1 | نام P1"
    assert rows[0]["prison"] == "Evin"
    assert json.loads(rows[0]["disclosed"]) == {"father_name": "Hassan"}
    line = json.loads((out / "persons.jsonl").read_text(encoding="utf-8"))
    assert line["names"] == ["Name P1", "نام P1"]
    dictionary = json.loads((out / "data_dictionary.json").read_text(encoding="utf-8"))
    assert set(line) == set(dictionary["files"]["persons"])
    sums = dict(reversed(x.split("  ")) for x in (out / "SHA256SUMS").read_text().splitlines())
    for name, sha in sums.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == sha


def test_published_claims_are_attributed_and_hidden_with_their_person(
    workspace: Workspace, setup: tuple[Locker, Readers], tmp_path: Path
) -> None:
    locker, have = setup
    with workspace.engine.begin() as conn:
        ed = users.acting_user(conn, "ed")
        # Claims cannot be resolved without the claims module: published here by their rows.
        for n in (1, 2):
            pub = conn.execute(
                publications.insert().values(
                    item_type="claim",
                    item_id=f"c{n}",
                    status="published",
                    published_by=ed.id,
                    published_at=utcnow(),
                    legal_review=False,
                )
            ).inserted_primary_key
            assert pub is not None
            conn.execute(
                publication_persons.insert().values(publication_id=pub[0], person_ref=f"P{n}")
            )
    with workspace.engine.connect() as conn:
        ctx = ReadContext(locker, conn, users.acting_user(conn, "tester"))
        export_public(ctx, tmp_path / "r", have)
    rows = [json.loads(x) for x in (tmp_path / "r" / "claims.jsonl").read_text().splitlines()]
    assert [r["claim_id"] for r in rows] == ["c1"]
    assert rows[0]["according_to"] == "Mehr list"
    assert rows[0]["grade"] == "B6"
    assert len(rows[0]["source_sha256"]) == 64
    sources = (tmp_path / "r" / "sources.csv").read_text(encoding="utf-8-sig")
    assert "Mehr list" in sources


def test_ftm_export_is_for_investigators_and_never_names_witnesses(
    workspace: Workspace, setup: tuple[Locker, Readers], tmp_path: Path
) -> None:
    locker, have = setup
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "rev", Role.REVIEWER, actor=admin)
    with workspace.engine.connect() as conn:
        ctx = ReadContext(locker, conn, users.acting_user(conn, "tester"))
        report = export_ftm(locker, ctx, tmp_path / "out.ftm.json", have)
        with pytest.raises(PermissionDenied):
            export_ftm(
                locker,
                ReadContext(locker, conn, users.acting_user(conn, "rev")),
                tmp_path / "other.json",
                have,
            )
    entities = [json.loads(x) for x in (tmp_path / "out.ftm.json").read_text().splitlines()]
    schemata = sorted({e["schema"] for e in entities})
    assert schemata == ["Document", "Documentation", "Person"]
    assert report.counts["Person"] == 3
    person = next(e for e in entities if e["id"].endswith("person-P1"))
    assert person["properties"]["fatherName"] == ["Hassan"]
    assert "Kourosh" not in json.dumps(entities, ensure_ascii=False)
    doc = next(e for e in entities if e["schema"] == "Document")
    assert len(doc["properties"]["contentHash"][0]) == 64
