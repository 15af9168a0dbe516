"""Places the model misses: datelines, provinces, exile cities, sites named in comparisons."""

from __future__ import annotations

from reckon.extract.mentions import MentionType, find_mentions


def _typed(text: str, kind: MentionType) -> list[str]:
    return [m.text for m in find_mentions(text) if m.type is kind]


def test_a_dateline_names_a_place_and_ends_the_heading_name_above_it() -> None:
    text = "Letter of Davoud Rahnama\nLeiden, 4 October 2021\n\nI write about my brother."
    assert "Leiden" in _typed(text, MentionType.PLACE)
    assert _typed(text, MentionType.PERSON) == ["Davoud Rahnama"]
    news = "KARAJ — Families gathered on Friday.\nQ: Where were you held?"
    assert _typed(news, MentionType.PLACE) == ["KARAJ"]
    # A capitalised word before a comma is no place without a date after it.
    assert _typed("Yes, he said so.", MentionType.PLACE) == []


def test_provinces_cities_of_exile_and_sites_of_other_atrocities() -> None:
    text = "Prisoners from Lorestan and Gilan were held; his widow lives in Hamburg."
    assert {"Lorestan", "Gilan", "Hamburg"} <= set(_typed(text, MentionType.PLACE))
    compare = "What happened at Evin was Srebrenica, Halabja and Tuol Sleng again."
    places = _typed(compare, MentionType.PLACE)
    assert {"Srebrenica", "Halabja", "Tuol Sleng"} <= set(places)
    assert _typed(compare, MentionType.PERSON) == []
    assert "هامبورگ" in _typed("او اکنون در هامبورگ زندگی می‌کند.", MentionType.PLACE)


def test_a_place_inside_an_organisations_name_is_part_of_it() -> None:
    text = "The Kurdistan Human Rights Association wrote to the Isfahan Revolutionary Guards."
    orgs = [o.removeprefix("The ") for o in _typed(text, MentionType.ORG)]
    assert "Kurdistan Human Rights Association" in orgs
    assert "Isfahan" in _typed(text, MentionType.PLACE)


def test_perpetrators_of_other_atrocities_named_in_comparisons_are_people() -> None:
    text = "The judge is no better than Himmler, and his court recalls Pinochet's."
    assert _typed(text, MentionType.PERSON) == ["Himmler", "Pinochet"]
    assert _typed(text, MentionType.ORG) == []


def test_leaders_of_the_time_are_people_in_both_scripts() -> None:
    assert _typed("They were supporters of Khomeini until 1981.", MentionType.PERSON) == [
        "Khomeini"
    ]
    fa = "آیت‌الله منتظری در نامه‌ای به خمینی اعتراض کرد."
    assert _typed(fa, MentionType.PERSON) == ["آیت\u200cالله منتظری", "خمینی"]


def test_persian_streets_squares_and_cemeteries_by_name() -> None:
    text = "پدرم را در خیابان پهلوی شیراز گرفتند و ما در میدان آزادی بودیم؛ در خیابان بودم."
    places = _typed(text, MentionType.PLACE)
    assert "خیابان پهلوی" in places
    assert "میدان آزادی" in places
    assert "شیراز" in places
    assert not any(p.startswith("خیابان ب") for p in places)  # "در خیابان بودم": no name
