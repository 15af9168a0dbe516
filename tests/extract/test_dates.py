"""Dates as sources write them, and the Solar Hijri arithmetic checked against jdatetime."""

from __future__ import annotations

from datetime import date

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.errors import InputError
from reckon.extract import jalali
from reckon.extract.dates import (
    Calendar,
    DateValue,
    Precision,
    find_dates,
    parse_date,
    solar_hijri_year_interval,
)

# Borkowski's arithmetic (ours) and jdatetime's 33-year rule agree on these years.
AGREED = (1178, 1633)
GREGORIAN_AGREED = (date(1800, 1, 1), date(2255, 12, 31))


@settings(max_examples=400, deadline=None)
@given(st.dates(min_value=GREGORIAN_AGREED[0], max_value=GREGORIAN_AGREED[1]))
def test_gregorian_to_solar_hijri_matches_jdatetime(day: date) -> None:
    expected = jdatetime.date.fromgregorian(date=day)
    assert jalali.from_gregorian(day) == (expected.year, expected.month, expected.day)


@settings(max_examples=400, deadline=None)
@given(st.integers(*AGREED), st.integers(1, 12), st.integers(1, 31))
def test_solar_hijri_round_trip(year: int, month: int, day: int) -> None:
    if day > jalali.month_length(year, month):
        with pytest.raises(InputError):
            jalali.to_gregorian(year, month, day)
        return
    gregorian = jalali.to_gregorian(year, month, day)
    assert gregorian == jdatetime.date(year, month, day).togregorian()
    assert jalali.from_gregorian(gregorian) == (year, month, day)


@settings(max_examples=200, deadline=None)
@given(st.integers(*AGREED))
def test_year_interval_is_contiguous_and_matches_jdatetime(year: int) -> None:
    start, end = solar_hijri_year_interval(year)
    assert start == jdatetime.date(year, 1, 1).togregorian()
    assert (end - start).days + 1 == (366 if jdatetime.date(year, 1, 1).isleap() else 365)
    assert solar_hijri_year_interval(year + 1)[0].toordinal() == end.toordinal() + 1


def test_the_year_1334() -> None:
    # Nowruz 1334 fell on 22 March 1955 (the equinox came after noon in Tehran).
    assert solar_hijri_year_interval(1334) == (date(1955, 3, 22), date(1956, 3, 20))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_written_solar_hijri_dates_read_back(day: date) -> None:
    year, month, dom = jalali.from_gregorian(day)
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    for text in (f"{year}/{month:02d}/{dom:02d}", f"{year}-{month}-{dom}"):
        for form in (text, text.translate(digits)):
            value = parse_date(form)
            assert (value.start, value.end, value.calendar) == (day, day, Calendar.SOLAR_HIJRI)


CASES = [
    # text, calendar, precision, start, end
    ("8 Mordad 1367", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("۱۳۶۷/۰۵/۰۸", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("1367-05-08", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("۸ مرداد ۱۳۶۷", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("٨ مرداد ١٣٦٧", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("8th of Amordad 1367", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("Mordad 8, 1367", "solar_hijri", "day", "1988-07-30", "1988-07-30"),
    ("Mordad 1367", "solar_hijri", "month", "1988-07-23", "1988-08-22"),
    ("مرداد ماه ۱۳۶۷", "solar_hijri", "month", "1988-07-23", "1988-08-22"),
    ("تابستان ۶۷", "solar_hijri", "season", "1988-06-22", "1988-09-22"),
    ("اواخر تیر ۱۳۶۷", "solar_hijri", "part_of_month", "1988-07-12", "1988-07-22"),
    ("1367 SH", "solar_hijri", "year", "1988-03-21", "1989-03-20"),
    ("سال ۱۳۶۷", "solar_hijri", "year", "1988-03-21", "1989-03-20"),
    ("30 July 1988", "gregorian", "day", "1988-07-30", "1988-07-30"),
    ("July 30, 1988", "gregorian", "day", "1988-07-30", "1988-07-30"),
    ("1988-07-30", "gregorian", "day", "1988-07-30", "1988-07-30"),
    ("۱۹ ژوئیه ۱۹۸۸", "gregorian", "day", "1988-07-19", "1988-07-19"),
    ("July 1988", "gregorian", "month", "1988-07-01", "1988-07-31"),
    ("late July 1988", "gregorian", "part_of_month", "1988-07-21", "1988-07-31"),
    ("mid-August 1988", "gregorian", "part_of_month", "1988-08-11", "1988-08-20"),
    ("summer 1988", "gregorian", "season", "1988-06-22", "1988-09-22"),
    ("the summer of 1988", "gregorian", "season", "1988-06-22", "1988-09-22"),
    ("30 July – 16 August 1988", "gregorian", "range", "1988-07-30", "1988-08-16"),
    ("19–21 July 1988", "gregorian", "range", "1988-07-19", "1988-07-21"),
    ("1988", "gregorian", "year", "1988-01-01", "1988-12-31"),
]


@pytest.mark.parametrize(("text", "calendar", "precision", "start", "end"), CASES)
def test_parse_date_cases(text: str, calendar: str, precision: str, start: str, end: str) -> None:
    value = parse_date(text)
    assert value.text == text
    assert value.calendar == Calendar(calendar)
    assert value.precision == Precision(precision)
    assert (value.start.isoformat(), value.end.isoformat()) == (start, end)
    assert DateValue.from_dict(value.to_dict()) == value


def test_bare_numbers_follow_the_calendar_hint() -> None:
    assert parse_date("1334").calendar is Calendar.SOLAR_HIJRI
    assert parse_date("1367", calendar="gregorian").start == date(1367, 1, 1)
    assert parse_date("1988").calendar is Calendar.GREGORIAN


@pytest.mark.parametrize("text", ["", "yesterday", "31 Esfand 1367", "30 February 1988", "May"])
def test_not_a_date(text: str) -> None:
    with pytest.raises(InputError):
        parse_date(text)


def test_find_dates_offsets_and_inferred_year() -> None:
    text = "They were moved in late July 1988. On ۸ مرداد ۱۳۶۷ the visits stopped; by late August nobody came."
    found = find_dates(text)
    assert [text[m.start : m.end] for m in found] == [
        "late July 1988",
        "۸ مرداد ۱۳۶۷",
        "late August",
    ]
    assert found[2].value.year_inferred
    assert found[2].value.start == date(1988, 8, 21)


def test_rhetoric_and_counts_are_not_dates() -> None:
    text = (
        "At least 2000 prisoners; it may seem that 30,000 is high. He said Tir and Mehr were kind."
    )
    assert find_dates(text) == []


def test_undated_day_needs_a_year_from_somewhere() -> None:
    assert find_dates("On 30 July guards came.") == []
    (match,) = find_dates("On 30 July guards came.", context_year=1988)
    assert match.value.start == date(1988, 7, 30)
    assert match.value.year_inferred


def test_calendar_aliases_used_by_lists_are_accepted() -> None:
    from reckon.extract.dates import Calendar

    assert Calendar("jalali") is Calendar.SOLAR_HIJRI
    assert Calendar("Shamsi") is Calendar.SOLAR_HIJRI
    assert Calendar("gregorian") is Calendar.GREGORIAN
    with pytest.raises(ValueError, match="lunar"):
        Calendar("lunar")


def test_year_and_month_values_have_month_precision() -> None:
    from datetime import date

    from reckon.extract.dates import Precision, parse_date

    value = parse_date("1988-07")
    assert value.precision is Precision.MONTH
    assert (value.start, value.end) == (date(1988, 7, 1), date(1988, 7, 31))
    persian = parse_date("1367/05", calendar="jalali")
    assert persian.precision is Precision.MONTH
    assert (persian.start, persian.end) == (date(1988, 7, 23), date(1988, 8, 22))


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.value.text, m.value.normalized) for m in find_dates(text)]


def test_a_solar_hijri_month_alone_takes_its_year_where_the_text_dates_in_that_calendar() -> None:
    text = "They came in Khordad and again in Shahrivar 1366; in Aban he was gone."
    found = dict(_found(text))
    assert found["Khordad"] == "1987-05-22/1987-06-21"
    assert found["Aban"] == "1987-10-23/1987-11-21"  # after "in", a name-like month is a month
    # With a day or "late" before it, a romanised month without a year is a month too.
    assert dict(_found("late Mordad and 9 Tir, both 1367 SH")) == {
        "late Mordad": "1988-08-12/1988-08-22",
        "9 Tir": "1988-06-30",
        "1367 SH": "1988-03-21/1989-03-20",
    }
    # Names that are months: not without a preposition, nor before a surname.
    assert _found("Bahman met Azar in Tehran on 3 Mehr 1362.") == [("3 Mehr 1362", "1983-09-25")]
    assert _found("Shahrivar Mohseni wrote on 3 Mehr 1362.") == [("3 Mehr 1362", "1983-09-25")]
    # No Solar Hijri date anywhere: "Mordad" alone is not dated.
    assert _found("He left in Mordad.") == []


def test_persian_months_alone_need_the_word_month_when_they_are_also_words() -> None:
    text = "در شهریور بازداشت شد و مهر سازمان را بر نامه زدند. تیر ماه بعد، ۱۰ مرداد ۱۳۶۵"
    found = [t for t, _ in _found(text)]
    assert "شهریور" in found
    assert "مهر" not in found  # a seal here
    assert "تیر ماه" in found


def test_early_or_late_a_year_nowruz_and_a_lifespan() -> None:
    text = "1339 – 1367. He was held from early 1362 until late 1988; hanged 6 Shahrivar 1367."
    found = dict(_found(text))
    assert found["1339"] == "1960-03-21/1961-03-20"
    assert found["1367"] == "1988-03-21/1989-03-20"
    assert found["early 1362"] == "1983-03-21/1984-03-20"
    assert found["late 1988"] == "1988"
    # Without the Solar Hijri date, the bare Latin-digit years are not read as years.
    assert dict(_found(text.replace("6 Shahrivar 1367", "6 September 1988"))).keys() == {
        "late 1988",
        "6 September 1988",
    }
    nowruz = find_dates("just before Nowruz 1364")[0].value
    assert (nowruz.normalized, nowruz.precision, nowruz.calendar) == (
        "1985-03-21",
        Precision.DAY,
        Calendar.SOLAR_HIJRI,
    )


def test_bare_solar_hijri_years_in_notes_and_cells_but_not_amounts_or_numbers() -> None:
    text = (
        "Dates are Solar Hijri.\n"
        "Name | Born | Notes\n"
        "Kaveh Doostdar | 1341 | freed 1365, moved to Qasr Prison 1366; fined 1300 tomans\n"
    )
    found = [t for t, _ in _found(text)]
    assert found == ["1341", "1365", "1366"]
    # An event word says a 13xx is a year ("freed 1365") without any other Solar Hijri date,
    # and then the text dates in that calendar: the cell's year is one too. A bare cell alone
    # is not read as a year.
    assert [t for t, _ in _found(text.replace("Dates are Solar Hijri.\n", ""))] == found
    assert _found("Name | Born | Notes\nKaveh Doostdar | 1341 | teacher\n") == []
    assert _found("In 1367 SH he was prisoner number 1342, not released 1300 people") == [
        ("1367 SH", "1988-03-21/1989-03-20")
    ]


def test_weeks_first_and_last_days_of_a_month_and_the_eve_of_nowruz() -> None:
    text = (
        "in the second week of Mordad 1367, the last week of Esfand 1366, the first days of "
        "August 1988, هفته آخر تیر ۱۳۶۷, and on the eve of Nowruz 1365"
    )
    found = dict(_found(text))
    assert found["the second week of Mordad 1367"] == "1988-07-30/1988-08-05"
    assert found["the last week of Esfand 1366"] == "1988-03-14/1988-03-20"
    assert found["the first days of August 1988"] == "1988-08-01/1988-08-10"
    assert found["هفته آخر تیر ۱۳۶۷"] == "1988-07-16/1988-07-22"
    eve = find_dates("on the eve of Nowruz 1365")[0].value
    assert (eve.normalized, eve.year, eve.month, eve.day) == ("1986-03-20", 1364, 12, 29)


def test_a_year_before_prisoners_is_a_date_only_where_the_text_dates_that_year() -> None:
    text = "The graves of 1988 prisoners were found. They were hanged in 1988."
    assert [t for t, _ in _found(text)] == ["1988", "1988"]
    assert _found("The graves of 1988 prisoners were found in 2019.") == [("2019", "2019")]
    counted = "At least 1988 prisoners were hanged in 1988."
    assert [m.start for m in find_dates(counted)] == [counted.rindex("1988")]


def test_persian_two_digit_years_halves_and_pairs_sharing_a_year() -> None:
    found = dict(_found("در ۶۷/۵/۹ و روز ۱۰/۵/۶۷؛ در سال ۶۶ و نیمه دوم مرداد ۱۳۶۷"))
    assert found["۶۷/۵/۹"] == "1988-07-31"
    assert found["۱۰/۵/۶۷"] == "1988-08-01"
    assert found["سال ۶۶"] == "1987-03-21/1988-03-20"
    assert found["نیمه دوم مرداد ۱۳۶۷"] == "1988-08-07/1988-08-22"
    # Which part is the year cannot be told, and "twenty years" is no year.
    assert _found("در ۵/۵/۵ و ۲۰ سال زندان") == []
    pairs = dict(
        _found(
            "In 1987 he left; between July and September 1988, and in the summer and autumn of 1988"
        )
    )
    assert pairs["July"] == "1988-07"  # the year the pair shares, not the earlier 1987
    assert pairs["the summer"] == "1988-06-22/1988-09-22"
    assert dict(_found("در مهر و آبان ۱۳۶۷"))["مهر"] == "1988-09-23/1988-10-22"


def test_an_event_in_a_13xx_year_needs_no_other_solar_hijri_date() -> None:
    text = "He was arrested in 1982 and released in 1370, and now lives at 1360 Elm Street."
    assert _found(text) == [("1982", "1982"), ("1370", "1991-03-21/1992-03-20")]


def test_a_persian_month_of_the_same_or_next_year_is_a_date_not_a_name() -> None:
    text = "او در اسفند ۱۳۶۰ دستگیر شد و در آذر همان سال ... دی آن سال ملاقات نداشتیم. بهمن سال بعد اعدام شد."
    found = {text[d.start : d.end]: d.value for d in find_dates(text)}
    assert found["آذر همان سال"].start == date(1981, 11, 22)
    assert found["دی آن سال"].start == date(1981, 12, 22)
    assert found["بهمن سال بعد"].start == date(1983, 1, 21)
    assert found["بهمن سال بعد"].year_inferred
    english = "He was arrested in Mordad 1362 and tried in Azar of that year."
    dates = {english[d.start : d.end]: d.value for d in find_dates(english)}
    assert dates["Azar of that year"].start == date(1983, 11, 22)
    # The name-like month alone, with no year words, stays a name.
    assert [english[d.start : d.end] for d in find_dates("آذر گفت که او را دیده است.")] == []
