"""A case file rendered to PDF and read back with poppler: quotes, hashes, Persian by word.

The sources are real ones, preserved through the evidence locker (their
hashes and custody records come from the workspace). The claims are built
here as view records: this tests the case-file writer, not the claims module.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish.dossier.model import Dossier, for_person
from reckon.publish.dossier.pdf import write_pdf
from reckon.publish.readers.evidence import custody_head, source_view
from reckon.publish.views import ClaimView, DateView, PersonView
from reckon.store.users import acting_user
from reckon.workspace import init_workspace

from ..conftest import need_service
from .pdftext import flat, have_poppler, page_images, pdf_text, persian_words_found

PASSPHRASE = "dossier test passphrase"
NAME_FA = "ناصر قاسمی"
OFFICIAL_FA = "مجتبی نظریان"
QUOTE_EN = "On 30 July 1988 the guards took Nasser Ghasemi from the ward and he did not come back."
QUOTE_FA = "برادرم ناصر قاسمی را در ۸ مرداد ۱۳۶۷ در گوهردشت اعدام کردند."
QUOTE_NEWS = "A relative said he was executed at Evin in early September 1988."


def _need_tools() -> None:
    need_service(
        "WeasyPrint",
        importlib.util.find_spec("weasyprint") is not None,
        'pip install "reckon[pdf]"',
    )
    need_service("poppler-utils", have_poppler(), "apt-get install poppler-utils")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    _need_tools()
    root = tmp_path_factory.mktemp("dossier")
    env = {"RECKON_PASSPHRASE": PASSPHRASE}
    ws = init_workspace(root / "ws", "tester", env)
    ws.settings = ws.settings.with_overrides(passphrase=PASSPHRASE)
    locker = Locker.open(ws)
    try:
        t02 = add_bytes(
            locker,
            QUOTE_FA.encode(),
            "t02.txt",
            SourceFacts(title="Testimony T-02", reliability="C", confidential=True),
        )
        news = add_bytes(
            locker,
            QUOTE_NEWS.encode(),
            "tribune.txt",
            SourceFacts(
                title="The Exile Tribune",
                publisher="The Exile Tribune",
                reliability="D",
                published="2019-08-01",
            ),
        )
        t01 = add_bytes(
            locker,
            QUOTE_EN.encode(),
            "t01.txt",
            SourceFacts(title="Testimony T-01", reliability="C", confidential=True),
        )
        with ws.engine.connect() as conn:
            user = acting_user(conn, "tester")
            s02, snews, s01 = (
                source_view(locker, conn, user, r.source_id or 0) for r in (t02, news, t01)
            )
            head = custody_head(conn)
        claims = (
            ClaimView(
                "c1",
                "execution",
                s01,
                QUOTE_EN,
                subject_ref="P012",
                subject_name="Nasser Ghasemi",
                place="Gohardasht",
                date=DateView("30 July 1988", "1988-07-30", "1988-07-30", "day"),
                credibility=2,
                accepted_by="maryam.editor",
                supporting_sources=2,
                independent_sources=2,
                conflicts_with=("c3",),
            ),
            ClaimView(
                "c2",
                "execution",
                s02,
                QUOTE_FA,
                subject_ref="P012",
                subject_name=NAME_FA,
                place="گوهردشت",
                date=DateView("۸ مرداد ۱۳۶۷", "1988-07-30", "1988-07-30"),
                credibility=3,
                perpetrator_ref="O1",
                perpetrator_name=OFFICIAL_FA,
            ),
            ClaimView(
                "c3",
                "execution",
                snews,
                QUOTE_NEWS,
                subject_ref="P012",
                subject_name="Nasser Ghasemi",
                place="Evin",
                date=DateView("early September 1988", "1988-09-01", "1988-09-10"),
                credibility=3,
                conflicts_with=("c1",),
            ),
        )
        person = PersonView("P012", ("Nasser Ghasemi", NAME_FA), {"prison": "Gohardasht"}, claims)
        dossier = for_person(
            person,
            generated_by="tester",
            generated_at=datetime.now(UTC),
            published=True,
            custody_head=head,
        )
        out: dict[str, object] = {"dossier": dossier, "sources": (s01, s02, snews)}
        for lang in ("en", "fa"):
            pdf = write_pdf(dossier, root / f"P012-{lang}.pdf", lang)
            out[lang] = pdf
            out[f"{lang}-text"] = pdf_text(pdf)
        yield out
    finally:
        ws.close()


def test_every_quote_and_every_source_hash_is_in_the_pdf(rendered: dict[str, object]) -> None:
    dossier = rendered["dossier"]
    assert isinstance(dossier, Dossier)
    text = flat(str(rendered["en-text"]))
    for quote in (QUOTE_EN, QUOTE_NEWS):
        assert quote in text
    for source in dossier.sources:
        assert source.sha256 in text
        assert source.custody, "every source has a custody record"
        assert source.custody[0].entry_hash in text
    assert dossier.custody_head is not None
    assert dossier.custody_head in text
    assert "C2" in text
    assert "2 source(s), 2 independent" in text
    assert "conflicts with claim(s) c3" in text
    # A confidential source is named as such; its title stays in the locker.
    assert "Testimony T-01" not in text
    assert "confidential source" in text


def test_persian_names_and_quotes_survive_word_by_word(rendered: dict[str, object]) -> None:
    for lang in ("en", "fa"):
        text = str(rendered[f"{lang}-text"])
        for phrase in (NAME_FA, OFFICIAL_FA, QUOTE_FA):
            found = persian_words_found(text, phrase)
            assert all(found.values()), (lang, phrase, found)
    fa = str(rendered["fa-text"])
    assert all(persian_words_found(fa, "پرونده گاه‌شمار تعارض‌ها عامل ادعایی").values())
    for source in rendered["sources"]:  # type: ignore[attr-defined]
        assert source.sha256 in flat(fa)


def test_page_images_are_made_for_a_person_to_look_at(
    rendered: dict[str, object], tmp_path: Path
) -> None:
    images = page_images(Path(str(rendered["fa"])), tmp_path / "fa-page")
    assert images
    assert images[0].stat().st_size > 10_000  # a rendered page, not a blank one
