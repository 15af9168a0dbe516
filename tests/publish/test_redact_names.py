"""A withheld or shredded person is redacted from published quotes and editors' free text by
their known names, in any spelling or script, not only where a mention is tied to them.

Shahrzad Varjavand's published account also names Kurosh Tahmasebi, whom the
document's mention ties to a named person of its own; the lists know him as
کوروش طهماسبی (P2), in Persian script. Withholding P2, or shredding him, must
leave "[name withheld]" in her quote on every public output (both backends).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reckon.claims.figures import PublishedFigure, record_figure
from reckon.errors import ConflictError
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records
from reckon.publish.erasure import PersonVault
from reckon.publish.redact import WITHHELD_NAME, Redactor, known_names
from reckon.publish.withhold import lift_withhold, withhold
from reckon.store import users
from reckon.store.schema import claims, mentions, person_records, publications
from reckon.workspace import Workspace

from .coding import accept_all
from .linked import import_rows, same_person_in_two_lists
from .test_public_outputs import _export, _web

HIM = "کوروش طهماسبی"
ACCOUNT = (
    "Shahrzad Varjavand was executed at Evin Prison on 10 August 1988, "
    "the same day as her cousin Kurosh Tahmasebi.\n"
)


def test_names_match_as_whole_words_in_any_spelling_the_names_module_folds() -> None:
    names = Redactor.of(["Kourosh Tahmasbi", "علی‌اکبر کاظمی", "Parvin"])

    def shown(text: str) -> str:
        return names.text(text) or ""

    assert shown("with KOUROSH  TAHMASBI's cousin") == f"with {WITHHELD_NAME}'s cousin"
    assert shown("Kurosh Tahmasebi") == WITHHELD_NAME  # same consonant skeleton
    assert shown("كوروش طهماسبي و") == f"{WITHHELD_NAME} و"  # Arabic kaf and yeh
    assert shown("عليِ‌اكبر كاظمي") == WITHHELD_NAME  # diacritic, ZWNJ, Arabic letters
    assert shown("علی اکبر کاظمی") == WITHHELD_NAME
    assert shown("Párvin said") == f"{WITHHELD_NAME} said"  # accents and case
    # whole words only, and a single name only as itself (no skeleton: too loose)
    assert shown("Tahmasbian and Parvinder") == "Tahmasbian and Parvinder"
    assert shown("Parveen") == "Parveen"
    # a skeleton finds candidates; the names module's similarity decides
    assert Redactor.of(["Mohammad Karimi"]).text("Mahmoud Karimi") == "Mahmoud Karimi"
    assert Redactor.of(["Hamid Karimi"]).text("Hamed Karimi") == WITHHELD_NAME
    assert names.url("https://example.org/kourosh-tahmasbi") is None
    assert names.url("https://example.org/report") == "https://example.org/report"
    assert not Redactor.of(["", "Al"])  # too short to match anything safely


def _setup(ws: Workspace, folder: Path) -> tuple[str, int]:
    """P1 and P2 from two lists, her account coded and published; her N ref, the claim id."""
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        same_person_in_two_lists(
            conn,
            admin,
            folder,
            [
                ("1", "Shahrzad Varjavand", "", "1961", "Evin", "1988-08-10"),
                ("2", HIM, "", "1958", "Evin", "1988-08-10"),
            ],
            ("7", "Shahrzad Varjavandi", "", "1961", "Evin", ""),
        )
    source = add_bytes(
        Locker.open(ws),
        ACCOUNT.encode(),
        "report.txt",
        SourceFacts(
            title="Report on Kourosh Tahmasbi and others",
            url="https://example.org/kourosh-tahmasbi",
        ),
    )
    assert source.source_id is not None
    accept_all(ws, source.source_id)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [(claim_id, victim)] = conn.execute(
            select(claims.c.id, claims.c.victim_id).where(claims.c.kind == "execution")
        ).all()
        records.publish(conn, admin, "claim", str(claim_id))
        records.publish_many(conn, admin, "person", [f"N{victim}", "P1", "P2"])
        records.correct(
            conn, admin, "claim", str(claim_id), "the date, as Kourosh Tahmasbi's brother wrote"
        )
    return f"N{victim}", claim_id


def _outputs(ws: Workspace, ref: str, out: Path) -> tuple[str, str, dict[str, str]]:
    with _web(ws) as client:
        api = client.get(f"/api/persons/{ref}")
        page = client.get(f"/person/{ref}")
    assert api.status_code == page.status_code == 200, (api.status_code, page.status_code)
    return api.text, page.text, _export(ws, out)


@pytest.mark.parametrize("how", ["withhold", "shred"])
def test_a_withheld_persons_other_spelling_is_redacted_everywhere(
    ws: Workspace, tmp_path: Path, how: str
) -> None:
    her, claim_id = _setup(ws, tmp_path)
    api, page, exported = _outputs(ws, her, tmp_path / "before")
    assert "Kurosh Tahmasebi" in api
    assert "Kurosh Tahmasebi" in page
    assert "Kurosh Tahmasebi" in exported["claims.csv"]
    assert "Kourosh Tahmasbi" in exported["sources.csv"]
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        if how == "withhold":
            withhold(conn, admin, "P2", "his family asked")
    if how == "shred":
        PersonVault.for_workspace(ws).shred(ws, admin, "P2", "erasure asked by the family")
        with ws.engine.connect() as conn:
            assert known_names(conn, ["P2"]) == []  # gone by design: the shred kept offsets
    api, page, exported = _outputs(ws, her, tmp_path / "after")
    for shown in (api, page, *exported.values()):
        for word in ("Tahmasebi", "Tahmasbi", "طهماسبی"):
            assert word not in shown
    assert f"her cousin {WITHHELD_NAME}." in api
    assert "Shahrzad Varjavand was executed" in api  # her own name stays
    assert "Shahrzad Varjavand was executed" in exported["claims.csv"]
    assert f"Report on {WITHHELD_NAME} and others" in page
    assert "example.org" not in page
    assert "example.org" not in exported["sources.csv"]
    assert f"as {WITHHELD_NAME}'s brother wrote" in exported["claims.csv"]
    with ws.engine.connect() as conn:  # the correction is kept as typed, for editors
        reason = conn.execute(
            select(publications.c.change_reason).where(
                publications.c.item_id == str(claim_id), publications.c.item_type == "claim"
            )
        ).scalar_one()
    assert "Kourosh Tahmasbi" in reason


def test_a_public_namesake_keeps_her_own_name(ws: Workspace, tmp_path: Path) -> None:
    """Words a mention ties to the claim's own victim are hers, even when a withheld person
    has the same name."""
    her, _ = _setup(ws, tmp_path)
    # P1, the lists' Shahrzad Varjavand, withheld: a namesake no coder tied to her
    with ws.engine.begin() as conn:
        withhold(conn, users.acting_user(conn, "tester"), "P1", "another family asked")
    with _web(ws) as client:
        api = client.get(f"/api/persons/{her}")
    assert api.status_code == 200
    assert "Shahrzad Varjavand was executed" in api.text


def test_known_names_read_a_named_persons_name_and_mentions(ws: Workspace, tmp_path: Path) -> None:
    her, _ = _setup(ws, tmp_path)
    with ws.engine.connect() as conn:
        found = known_names(conn, [her])
        listed = known_names(conn, ["P2"])
    assert "Shahrzad Varjavand" in found
    assert listed == [HIM]


@pytest.mark.parametrize("how", ["withhold", "shred"])
def test_a_figure_naming_a_withheld_person_is_redacted(
    ws: Workspace, tmp_path: Path, how: str
) -> None:
    """Figures are recorded by hand: who gave them and where they were reported are typed."""
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        import_rows(conn, admin, tmp_path, "list-a", [("1", "Kourosh Tahmasbi", "", "", "", "")])
    source = add_bytes(
        Locker.open(ws), b"At least 4,000 were executed.\n", "f.txt", SourceFacts(title="Figures")
    )
    assert source.source_id is not None
    figure = PublishedFigure(
        who="A rights group",
        measure="deaths",
        text="at least 4,000",
        low=4000,
        where_reported="quoted by Kourosh Tahmasbi's sister in 1990",
    )
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        claim = record_figure(conn, admin, source.source_id, figure)
        records.publish(conn, admin, "claim", str(claim))
        [record] = conn.execute(select(person_records.c.id)).scalars()
        if how == "withhold":
            withhold(conn, admin, f"R{record}", "his family asked")
    if how == "shred":
        PersonVault.for_workspace(ws).shred(ws, admin, f"R{record}", "erasure asked")
    with _web(ws) as client:
        page = client.get("/estimates")
        api = client.get("/api/figures")
    assert page.status_code == api.status_code == 200
    assert f"quoted by {WITHHELD_NAME}'s sister in 1990" in api.text
    assert "Tahmasbi" not in page.text
    exported = _export(ws, tmp_path / "out")
    assert not [(k, v) for k, v in exported.items() if "Tahmasbi" in v]


def test_a_shredded_persons_withhold_cannot_be_lifted(ws: Workspace, tmp_path: Path) -> None:
    """Lifting it would bring back their claims and events and every mention of them."""
    _setup(ws, tmp_path)
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
    PersonVault.for_workspace(ws).shred(ws, admin, "P2", "erasure asked by the family")
    with ws.engine.begin() as conn, pytest.raises(ConflictError, match="shredded"):
        lift_withhold(conn, admin, "P2", "the family agreed")
    with ws.engine.begin() as conn:  # a withhold of someone never shredded lifts as before
        withhold(conn, admin, "P1", "asked")
        lift_withhold(conn, admin, "P1", "agreed")


def test_a_persian_quote_is_redacted_by_a_latin_list_spelling(
    ws: Workspace, tmp_path: Path
) -> None:
    """The lists know him as Kourosh Tahmasbi; a Persian document writes كوروش طهماسبي, with
    Arabic kaf and yeh, and its mention is tied to a named person of its own."""
    text = "شهرزاد ورجاوند و كوروش طهماسبي در ۱۹ مرداد ۱۳۶۷ در زندان اوین اعدام شدند.\n"
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        import_rows(conn, admin, tmp_path, "list-a", [("1", "Kourosh Tahmasbi", "", "", "", "")])
    source = add_bytes(Locker.open(ws), text.encode(), "fa.txt", SourceFacts(title="گزارش"))
    assert source.source_id is not None
    accept_all(ws, source.source_id)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [her] = conn.execute(
            select(mentions.c.person_id).where(mentions.c.start_offset == 0)
        ).scalars()
        [claim_id] = conn.execute(select(claims.c.id).where(claims.c.victim_id == her)).scalars()
        records.publish(conn, admin, "claim", str(claim_id))
        records.publish(conn, admin, "person", f"N{her}")
        [record] = conn.execute(select(person_records.c.id)).scalars()
        withhold(conn, admin, f"R{record}", "his family asked")
    with _web(ws) as client:
        page = client.get(f"/person/N{her}", params={"lang": "fa"})
        api = client.get(f"/api/persons/N{her}")
    assert page.status_code == api.status_code == 200
    assert f"شهرزاد ورجاوند و {WITHHELD_NAME} در" in api.json()["facts"][0]["quotes"][0]
    for shown in (page.text, api.text, *_export(ws, tmp_path / "out").values()):
        assert "طهماسبي" not in shown
        assert "طهماسبی" not in shown
