"""List pages written as tables: one claim per row, about the row's named person."""

from __future__ import annotations

from reckon.extract.pipeline import extract_text
from reckon.extract.tables import find_tables

PIPE = (
    "Victims of the executions at Qezel Hesar, 1988\n"
    "\n"
    "No. | Name | Father's name | Prison | Date of execution | Notes\n"
    "7 | Bardia Kheirkhah | Yadollah | Lakan Prison, Rasht | 9 August 1988 | Arrested 1984; supporter of the Tudeh Party\n"
    "8 | Shirin Abtahi | Mansour | Evin Prison, Tehran | unknown | Transferred to Evin from Lakan, 1986\n"
)  # fmt: skip


def test_a_pipe_table_gives_one_claim_per_row_with_the_row_as_quote() -> None:
    result = extract_text(PIPE).as_json()
    claims = {(c["type"], c["victim"]): c for c in result["claims"]}
    first = claims[("execution", "Bardia Kheirkhah")]
    # The prison column, not the city after it; the date column; the row is the quote.
    assert first["place"] == "Lakan Prison"
    assert first["date"] == "1988-08-09"
    assert first["quote"].startswith("7 | Bardia Kheirkhah")
    assert "\n" not in first["quote"]
    assert PIPE[first["start"] : first["end"]] == first["quote"]
    second = claims[("execution", "Shirin Abtahi")]
    assert second["date"] is None  # "unknown"
    # The notes cell speaks of the row's person.
    assert claims[("arrest", "Bardia Kheirkhah")]["date"] == "1984"
    assert ("affiliation", "Bardia Kheirkhah") in claims
    assert claims[("transfer", "Shirin Abtahi")]["date"] == "1986"
    # The father's name is never the victim, and no claim spans two rows.
    victims = {c["victim"] for c in result["claims"]}
    assert victims == {"Bardia Kheirkhah", "Shirin Abtahi"}
    assert all("\n" not in c["quote"] for c in result["claims"])


def test_a_tab_separated_persian_table_takes_its_kind_and_prison_from_the_title() -> None:
    text = (
        "اسامی اعدام‌شدگان زندان وکیل‌آباد\n\n"
        "ردیف\tنام\tنام پدر\tتاریخ\n"
        "۱\tمهدی فرخ‌زاد\tعباس\t۱۳۶۷/۰۵/۲۰\n"
        "۲\tناهید سپهرنیا\tقاسم\tشهریور ۱۳۶۷\n"
    )
    claims = [c for c in extract_text(text).as_json()["claims"] if c["type"] == "execution"]
    assert [c["victim"] for c in claims] == ["مهدی فرخ‌زاد", "ناهید سپهرنیا"]
    assert claims[0]["place"] == "Vakilabad Prison"
    assert claims[0]["date"] == "1988-08-11"


def test_a_fate_column_says_what_happened_to_each_row() -> None:
    text = (
        "| # | Full name | Held at | Fate | Date |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Kian Dehghanpour | Qasr Prison | executed | 3 August 1988 |\n"
        "| 2 | Mahsa Roudbari | Qasr Prison | released | 1989 |\n"
    )
    kinds = {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}
    assert ("execution", "Kian Dehghanpour") in kinds
    assert ("release", "Mahsa Roudbari") in kinds
    assert ("detention", "Mahsa Roudbari") in kinds  # "Held at"
    assert ("execution", "Mahsa Roudbari") not in kinds


def test_lines_with_one_pipe_are_not_a_table() -> None:
    assert find_tables("Page 3 of 12 | Sources\nHome | About\n") == []


def test_columns_named_by_an_event_each_give_a_claim() -> None:
    text = (
        "Memorial list: prisoners of Adelabad, Shiraz\n\n"
        "| Name | Born | Arrested | Executed | Buried |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| Yasaman Derakhshan | 1960 | 1982, Shiraz | 11 August 1988, Adelabad Prison | unknown |\n"
    )
    claims = {c["type"]: c for c in extract_text(text).as_json()["claims"]}
    assert set(claims) == {"arrest", "execution"}  # no burial: "unknown"; no "prisoners" claim
    assert claims["arrest"]["date"] == "1982"
    assert claims["execution"]["place"] == "Adelabad Prison"
    assert claims["execution"]["date"] == "1988-08-11"


def test_a_note_that_says_unknown_is_no_claim() -> None:
    text = (
        "Executed at Lakan Prison, 1988\n\n"
        "Name | Age | Date | Notes\n"
        "Faramarz Ghasemi | 28 | 16 August 1988 | Buried: unknown\n"
    )
    kinds = {c["type"] for c in extract_text(text).as_json()["claims"]}
    assert kinds == {"execution"}


def test_a_column_of_towns_names_places_the_finders_do_not_know() -> None:
    text = (
        "Prisoners executed at Dizelabad Prison, 1988\n\n"
        "Babak Moradian\t23\tKermanshah\t5 August 1988\n"
        "Roxana Ahmadvand\t27\tVarzaneh\t6 August 1988\n"
    )
    result = extract_text(text)
    places = {m.text for m in result.mentions if m.type.value == "PLACE"}
    assert "Varzaneh" in places
    claims = result.as_json()["claims"]
    assert {(c["type"], c["victim"], c["place"]) for c in claims} == {
        ("execution", "Babak Moradian", "Dizelabad Prison"),
        ("execution", "Roxana Ahmadvand", "Dizelabad Prison"),
    }


def test_a_note_naming_someone_else_is_about_them() -> None:
    text = (
        "نام\tنام پدر\tسرنوشت\tتوضیحات\n"
        "بیژن فرهادی\tعلی\tاعدام\tبرادر او سعید فرهادی نیز زندانی بود\n"
        "مینا کاظمی\tرضا\tناپدید\tآخرین بار در زندان اوین دیده شد\n"
    )
    found = {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}
    assert ("execution", "بیژن فرهادی") in found
    assert ("detention", "سعید فرهادی") in found
    assert ("detention", "بیژن فرهادی") not in found
    assert ("disappearance", "مینا کاظمی") in found
    assert ("detention", "مینا کاظمی") in found


def test_the_title_names_the_main_event_beside_a_date_of_arrest_column() -> None:
    text = (
        "Appendix B. Persons reported killed in Adelabad Prison, Shiraz\n\n"
        "| No. | Name | Date of arrest | Date of death |\n"
        "|-----|------|----------------|---------------|\n"
        "| 1 | Siamak Parvizi | 12 May 1982 | 9 August 1988 |\n"
        "| 2 | Davoud Karimian | 1981 | unknown |\n"
    )
    claims = extract_text(text).as_json()["claims"]
    found = {(c["type"], c["victim"], c["date"]) for c in claims}
    assert found == {
        ("arrest", "Siamak Parvizi", "1982-05-12"),
        ("execution", "Siamak Parvizi", "1988-08-09"),
        ("arrest", "Davoud Karimian", "1981"),
        ("execution", "Davoud Karimian", None),
    }


def test_a_name_never_runs_into_the_next_row() -> None:
    text = (
        "فهرست جان‌باختگان زندان وکیل‌آباد\n\n"
        "نام | تاریخ بازداشت | تاریخ اعدام | محل دفن\n"
        "علی نادری | ۱۳۶۲ | ۱۳۶۷/۰۵/۱۵ | بهشت رضا\n"
        "پروانه سلیمی | ۱۳۶۳ | نامعلوم | نامعلوم\n"
    )
    result = extract_text(text)
    people = [m.text for m in result.mentions if m.type.value == "PERSON"]
    assert people == ["علی نادری", "پروانه سلیمی"]
    found = {(c["type"], c["victim"]) for c in result.as_json()["claims"]}
    assert ("burial", "علی نادری") in found
    assert ("burial", "پروانه سلیمی") not in found
    assert ("execution", "پروانه سلیمی") in found


def test_a_header_may_hold_a_year_and_a_fate_cell_its_date() -> None:
    text = (
        "| Name | Age in 1988 | Fate |\n"
        "|---|---|---|\n"
        "| Kambiz Yazdani | 29 | Executed (hanged), August 1988 |\n"
        "| Afshin Shokri | 34 | Released in 1990 |\n"
    )
    found = {(c["type"], c["victim"], c["date"]) for c in extract_text(text).as_json()["claims"]}
    assert ("execution", "Kambiz Yazdani", "1988-08") in found
    assert ("release", "Afshin Shokri", "1990") in found


def test_first_and_last_name_columns_are_one_name() -> None:
    text = (
        "Executed prisoners from Qazvin, 1988\n\n"
        "First name\tLast name\tAge\tPrison\tDate\n"
        "Golbahar\tKhosravi\t22\tQezel Hesar Prison\t4 August 1988\n"
        "Masoud\tTehrani\t30\tEvin Prison\tSeptember 1988\n"
    )
    found = {(c["type"], c["victim"], c["place"]) for c in extract_text(text).as_json()["claims"]}
    assert found == {
        ("execution", "Golbahar Khosravi", "Qezel Hesar Prison"),
        ("execution", "Masoud Tehrani", "Evin Prison"),
    }


def test_a_prison_column_with_no_event_named_says_detention() -> None:
    text = (
        "ردیف | نام | زندان | تاریخ | توضیحات\n"
        "۱ | ژاله نیک‌پور | زندان دیزل‌آباد | ۱۳۶۷/۰۵/۰۹ | دانشجو؛ در سال ۱۳۶۲ بازداشت شد\n"
        "۲ | اکبر منصوری | زندان دیزل‌آباد | ۱۳۶۷/۰۵/۱۰ | همسرش نیز زندانی بود\n"
    )
    found = {(c["type"], c["victim"], c["place"]) for c in extract_text(text).as_json()["claims"]}
    assert ("detention", "ژاله نیک‌پور", "Dizelabad Prison") in found
    assert ("detention", "اکبر منصوری", "Dizelabad Prison") in found
    assert not any(kind == "execution" for kind, _, _ in found)


def test_a_fate_cell_may_open_with_a_participle() -> None:
    text = (
        "| Victim | Relationship | Fate |\n"
        "| --- | --- | --- |\n"
        "| Nasrin Karimi | daughter | imprisoned 1982–1987, released |\n"
    )
    found = {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}
    assert found == {("detention", "Nasrin Karimi"), ("release", "Nasrin Karimi")}


def test_a_prisoner_column_and_notes_with_dates() -> None:
    text = (
        "| Prisoner | Status | Notes |\n"
        "|---|---|---|\n"
        "| Shahin Rostami | Missing | last seen in Dizelabad Prison in July 1988 |\n"
        "| Akbar Nouri | Free | released in 1989 after signing a letter |\n"
    )
    found = {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}
    assert found == {
        ("disappearance", "Shahin Rostami"),
        ("detention", "Shahin Rostami"),
        ("release", "Akbar Nouri"),
    }


NOTES_TABLE = (
    "Executed at Vakilabad Prison, 1367\n"
    "\n"
    "No. | Name | Year of birth | Held in | Notes\n"
    "1 | Omid Yazdanpanah | 1339 | Vakilabad Prison | Tudeh Party member; arrested 1362\n"
    "2 | Parisa Golbaf | 1342 | Vakilabad Prison | sympathiser, Komala\n"
    "3 | Kaveh Sabet | 1336 | Vakilabad Prison | Rah-e Kargar\n"
    "4 | Nima Dadgar | 1344 | Vakilabad Prison | Peykar (supporter); his brother was also arrested\n"
    "5 | Reza Khorshidi | 1340 | Vakilabad Prison | no known affiliation; fate unknown\n"
)


def test_a_notes_cell_naming_an_organisation_is_the_persons_affiliation() -> None:
    claims = {(c["type"], c["victim"]) for c in extract_text(NOTES_TABLE).as_json()["claims"]}
    for person in ("Omid Yazdanpanah", "Parisa Golbaf", "Kaveh Sabet", "Nima Dadgar"):
        assert ("affiliation", person) in claims, person
    assert ("affiliation", "Reza Khorshidi") not in claims
    # "his brother was also arrested" is about someone the list does not name.
    assert ("arrest", "Nima Dadgar") not in claims
    # "fate unknown": the title's execution does not hold for that row.
    assert ("execution", "Reza Khorshidi") not in claims
    assert ("execution", "Omid Yazdanpanah") in claims


def test_years_under_a_date_header_are_solar_hijri_dates_and_birth_is_no_event() -> None:
    result = extract_text(NOTES_TABLE)
    dates = {m.text: m.normalized for m in result.mentions if m.type.value == "DATE"}
    assert dates["1339"] == "1960-03-21/1961-03-20"
    # The table dates in the Solar Hijri calendar, so its notes do too.
    assert dates["1362"] == "1983-03-21/1984-03-20"
    claims = {(c["type"], c["victim"]): c for c in result.as_json()["claims"]}
    assert claims[("execution", "Omid Yazdanpanah")]["date"] is None  # not the birth year
    assert claims[("arrest", "Omid Yazdanpanah")]["date"] == "1983-03-21/1984-03-20"


def test_a_place_cells_first_part_is_a_place_when_only_the_city_after_it_is_known() -> None:
    text = (
        "Name | Prison | Date of execution\n"
        "Arman Tavakoli | Sepidbarg, Tabriz | 1988-08-02\n"
        "Yasaman Jafari | Sepidbarg, Tabriz | 1988-08-03\n"
    )
    places = [m.text for m in extract_text(text).mentions if m.type.value == "PLACE"]
    assert places.count("Sepidbarg") == 2


AFFILIATION_COLUMN = (
    "Prisoners of Ahvaz executed in 1988 (Dates are Solar Hijri)\n"
    "\n"
    "| # | Name | Political affiliation | Executed |\n"
    "|---|---|---|---|\n"
    "| 1 | Dariush Kamalvand | Mojahedin | 1367-05-12 |\n"
    "| 2 | Nasrin Abedzadeh | Fedaian Minority | 1367-05-20 |\n"
    "| 3 | Ramin Delfani | not known | 1367-06-01 |\n"
)

AFFILIATION_COLUMN_FA = (
    "فهرست اعدام‌شدگان اهواز، ۱۳۶۷\n"
    "نام\tگرایش سیاسی\tتاریخ اعدام\n"
    "پرویز کاظمی\tتوده\t۱۳۶۷/۰۵/۱۰\n"
    "مینا سلیمی\t—\t۱۳۶۷/۰۵/۱۲\n"
)


def test_an_affiliation_column_gives_each_rows_affiliation_whatever_its_words() -> None:
    claims = {
        (c["type"], c["victim"]) for c in extract_text(AFFILIATION_COLUMN).as_json()["claims"]
    }
    assert ("affiliation", "Dariush Kamalvand") in claims
    assert ("affiliation", "Nasrin Abedzadeh") in claims
    assert ("affiliation", "Ramin Delfani") not in claims  # "not known" says nothing
    assert ("execution", "Ramin Delfani") in claims
    persian = {
        (c["type"], c["victim"]) for c in extract_text(AFFILIATION_COLUMN_FA).as_json()["claims"]
    }
    assert ("affiliation", "پرویز کاظمی") in persian
    assert ("affiliation", "مینا سلیمی") not in persian
    assert ("execution", "مینا سلیمی") in persian


def test_a_tab_header_is_no_organisation() -> None:
    text = "Name\tParty\tArrested\tFate\nShapour Dehnavi\tKomala\t1361\texecuted 1367\nAli Zand\tPeykar\t1362\treleased 1366\n"
    mentions = extract_text(text).as_json()["mentions"]
    assert all("\t" not in m["text"] for m in mentions), mentions
