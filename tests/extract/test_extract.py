"""Mentions and claim proposals from text, and the JSON contract of `reckon extract`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.cli import app
from reckon.extract.pipeline import extract_text
from reckon.extract.text import read_text, sentences

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "claims" / "data"
SEED_LIKE = (
    "In summer 1988, the Supreme Leader issued a fatwa that all members held as political "
    "prisoners should be executed if they would not renounce their beliefs. The death commission "
    "was a killing machine. Their families were given a reference to a grave."
)


def claims_of(text: str) -> list[dict[str, object]]:
    return list(extract_text(text).as_json()["claims"])


def test_json_contract_and_offsets() -> None:
    text = (BENCH / "10_ngo_report_commission.txt").read_text("utf-8")
    data = extract_text(text).as_json()
    assert set(data) == {"mentions", "claims"}
    for mention in data["mentions"]:
        assert set(mention) == {"type", "text", "start", "end", "normalized"}
        assert mention["type"] in {"PERSON", "PLACE", "ORG", "DATE"}
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for claim in data["claims"]:
        assert set(claim) == {
            "type",
            "victim",
            "perpetrator",
            "place",
            "date",
            "start",
            "end",
            "quote",
        }
        assert text[claim["start"] : claim["end"]] == claim["quote"]
    kinds = {(c["type"], c["victim"], c["perpetrator"]) for c in data["claims"]}
    assert ("ordered", "Firouz Hashemi", "Mansour Zarrinkamar") in kinds
    assert ("execution", "Firouz Hashemi", None) in kinds or any(
        k[0] == "execution" and k[1] == "Firouz Hashemi" for k in kinds
    )


def test_persian_text_names_places_and_solar_hijri_dates() -> None:
    text = "برادرم پرویز صادقی روز ۱۸ مرداد ۱۳۶۷ در زندان عادل‌آباد اعدام شد."
    (claim,) = claims_of(text)
    assert claim["type"] == "execution"
    assert claim["victim"] == "پرویز صادقی"
    assert claim["place"] == "Adelabad Prison"
    assert claim["date"] == "1988-08-09"


def test_pronoun_and_list_lines_refer_to_the_last_person() -> None:
    text = "41. Hamid Tabrizi, Rasht.\nExecuted at Lakan Prison on 30 July 1988.\n"
    (claim,) = claims_of(text)
    assert (claim["victim"], claim["place"], claim["date"]) == (
        "Hamid Tabrizi",
        "Lakan Prison",
        "1988-07-30",
    )


def test_rhetoric_hypotheticals_and_aggregates_are_not_claims() -> None:
    assert claims_of(SEED_LIKE) == []
    assert claims_of("Those responsible should be tried. Nobody was not executed.") == []


def test_relatives_named_to_identify_someone_are_not_the_victim() -> None:
    text = (
        "Hossein Ahmadi, the son of Karim, from Mashhad, was executed at Vakilabad in August 1988."
    )
    (claim,) = claims_of(text)
    assert claim["victim"] == "Hossein Ahmadi"


def test_negated_and_indirect_statements() -> None:
    text = "Soheila Moradi was executed. They never told us where she was buried."
    assert [c["type"] for c in claims_of(text)] == ["execution"]


def test_without_spacy_the_rules_still_find_people() -> None:
    text = "On 9 August 1988 Davoud Rostami was hanged at Gohardasht Prison."
    result = extract_text(text, use_spacy=False)
    assert [c.kind.value for c in result.claims] == ["execution"]


def test_sentences_keep_offsets_and_wrapped_lines() -> None:
    text = "Dr. Rahimi came.\nHe said the\nguards left.\n\n# Heading\nاو آمد. او رفت."
    found = sentences(text)
    assert [s.text for s in found] == [
        "Dr. Rahimi came.",
        "He said the\nguards left.",
        "# Heading",
        "او آمد.",
        "او رفت.",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_html_boilerplate_is_left_out(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav>Home · Donate</nav><article><p>Reza Golestani was executed on "
        "8 August 1988.</p></article><aside>Most read</aside><footer>Contact</footer></body></html>",
        encoding="utf-8",
    )
    text = read_text(page)
    assert "Most read" not in text
    assert "Contact" not in text
    assert "Reza Golestani" in text


def test_cli_extract_on_a_file_needs_no_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RECKON_WORKSPACE", raising=False)
    doc = tmp_path / "doc.txt"
    doc.write_text("Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988.\n", "utf-8")
    result = CliRunner().invoke(app, ["extract", str(doc), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["claims"][0]["victim"] == "Mehrdad Ansari"
    missing = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2


@pytest.mark.parametrize(
    "gold_file",
    [
        BENCH / "gold.json",
        BENCH / "heldout" / "gold.json",
        BENCH / "blind" / "gold.json",
        BENCH / "probe" / "gold.json",
        BENCH / "probe2" / "gold.json",
        BENCH / "probe3" / "gold.json",
        BENCH / "probe4" / "gold.json",
        BENCH / "blind2" / "gold.json",
    ],
)
def test_annotated_set_is_consistent(gold_file: Path) -> None:
    documents = json.loads(gold_file.read_text("utf-8"))["documents"]
    for name, doc in documents.items():
        text = read_text(gold_file.parent / name)
        for kind, surface in doc["mentions"]:
            assert surface in text, f"{name}: gold {kind} {surface!r} is not in the text"
        for claim in doc["claims"]:
            assert claim["victim"] or claim["perpetrator"], name


def _kinds(text: str) -> set[tuple[object, object]]:
    return {
        (c["type"], c["victim"] if c["victim"] is not None else c["perpetrator"])
        for c in claims_of(text)
    }


def test_the_parse_gives_the_subject_not_the_nearest_name() -> None:
    # The name nearest the verb is inside a relative clause; the passive subject is the victim.
    text = "Bijan Azadi, who was held with Kamran Tehrani, was transferred to Evin Prison in 1987."
    found = _kinds(text)
    assert ("transfer", "Bijan Azadi") in found
    assert ("transfer", "Kamran Tehrani") not in found


def test_passive_with_agent_and_coordinated_subjects_is_an_arrest_of_each() -> None:
    text = "Nader Karimi and his brother Siavash Karimi were taken from their flat in Tabriz by plain-clothes agents in 1983."
    assert {("arrest", "Nader Karimi"), ("arrest", "Siavash Karimi")} <= _kinds(text)


def test_synonyms_of_detention_affiliation_and_taking_part() -> None:
    assert ("detention", "Omid Farahani") in _kinds(
        "Omid Farahani served his sentence in Lakan Prison."
    )
    assert ("detention", "Omid Farahani") in _kinds(
        "Omid Farahani was arrested in 1982. He was kept in Lakan Prison for six years."
    )
    assert ("affiliation", "Omid Farahani") in _kinds(
        "Omid Farahani was arrested in Rasht for his support of the National Freedom Front."
    )
    assert ("took_part", "Rahim Shokouhi") in _kinds(
        "A guard, Rahim Shokouhi, led prisoners to the gallows at Lakan in August 1988."
    )


def test_object_pronoun_is_the_person_named_before_it() -> None:
    text = "My sister Parisa Vakili was twenty when they came to our house and took her away."
    assert ("arrest", "Parisa Vakili") in _kinds(text)


def test_a_group_named_before_is_the_subject_of_all_three() -> None:
    text = (
        "Ali Kiani, Reza Daneshvar and Morteza Faraji were transferred to Vakilabad Prison in 1986. "
        "All three were hanged there in August 1988, according to a released cellmate."
    )
    found = _kinds(text)
    assert {("execution", n) for n in ("Ali Kiani", "Reza Daneshvar", "Morteza Faraji")} <= found
    # "a released cellmate" describes the cellmate; it says nothing about the three.
    assert not any(kind == "release" for kind, _ in found)


def test_persian_synonyms() -> None:
    assert ("detention", "علی نیک‌نام") in _kinds("علی نیک‌نام از سال ۱۳۶۰ در زندان بود.")
    assert ("took_part", "جواد مقدم") in _kinds(
        "نگهبانی به نام جواد مقدم زندانیان را تا پای چوبه‌دار می‌برد."
    )


def test_opinion_and_comparison_about_a_named_official_are_not_claims() -> None:
    text = (
        "Commentators often compare Ebrahim Raisi to a hanging judge; others say that, like "
        "Pinochet, he will one day have to answer for it. If Raisi had refused, many lives "
        "might have been saved. Nobody should be executed for their beliefs."
    )
    assert claims_of(text) == []


def test_possessive_is_not_part_of_the_name_and_its_execution_is_a_claim() -> None:
    text = "Majid Sohrabi's execution was confirmed by the prison authorities in 1989."
    assert _kinds(text) == {("execution", "Majid Sohrabi")}


def test_more_synonyms() -> None:
    assert ("arrest", "Laleh Amini") in _kinds(
        "Security forces raided the family home in Zanjan and took Laleh Amini away."
    )
    assert ("disappearance", "Kamran Amini") in _kinds(
        "Her brother, Kamran Amini, remains missing."
    )
    assert ("detention", "Kamran Amini") in _kinds(
        "Kamran Amini was picked up by the Komiteh in 1981 and held for three years in Evin."
    )
    assert ("ordered", "Hassan Moradi") in _kinds(
        "Hassan Moradi, a member of the Tehran death commission, approved hundreds of executions."
    )


def test_persian_sentenced_to_death_or_ordered_is_not_an_execution() -> None:
    assert _kinds("حمید رحیمی در دادگاهی چند دقیقه‌ای به اعدام محکوم شد.") == {
        ("trial", "حمید رحیمی")
    }
    found = _kinds("حسین کاظمی دستور اعدام حمید رحیمی را داد.")
    assert not any(kind == "execution" for kind, _ in found)
    assert ("detention", "حمید رحیمی") in _kinds("حمید رحیمی را به زندان اوین بردند.")
    assert ("disappearance", "حمید رحیمی") in _kinds("از سرنوشت حمید رحیمی هیچ خبری نیست.")
