"""Dates and birth years as victim lists write them, in either calendar.

Death dates go through reckon's shared parser (`reckon.extract.dates`), which
keeps the original text, calendar and precision and gives a Gregorian interval,
so that a Solar Hijri date and a Gregorian one compare as days. Birth years are
read in the calendar of the list's dates: 1334 (Solar Hijri) is 1955 or 1956.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reckon.errors import InputError
from reckon.extract.dates import DateValue
from reckon.extract.dates import parse_date as _parse_date

__all__ = ["CALENDARS", "DateValue", "birth_year_interval", "calendar_name", "parse_date"]

# The names the list formats use (the death_calendar values).
CALENDARS = ("gregorian", "jalali")
# A bare year below this is read as Solar Hijri when a list does not say (1367 is 1988).
_JALALI_YEAR_BELOW = 1500
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def calendar_name(value: DateValue) -> str:
    """gregorian or jalali, as the list formats write it."""
    return "jalali" if value.calendar.value == "solar_hijri" else "gregorian"


@lru_cache(maxsize=65536)
def parse_date(text: str, calendar: str = "") -> DateValue:
    """Read a list's date cell; ``calendar`` is the list's (empty: decide from the year).

    Raises ValueError with a reason. Cached: lists repeat the same few dates.
    """
    try:
        return _parse_date(text, calendar=calendar or None)
    except InputError as exc:
        raise ValueError(str(exc)) from None


@lru_cache(maxsize=8192)
def birth_year_interval(text: str, calendar: str = "") -> tuple[int, int]:
    """The Gregorian years a list's birth year can mean: 1334 (Solar Hijri) is 1955 or 1956."""
    cleaned = text.translate(_DIGITS).strip()
    if not re.fullmatch(r"\d{4}", cleaned):
        raise ValueError(f"'{text}' is not a four-digit year")
    year = int(cleaned)
    if not calendar:
        calendar = "jalali" if year < _JALALI_YEAR_BELOW else "gregorian"
    if calendar == "jalali":
        if not 1200 <= year <= 1420:
            raise ValueError(f"{year} is not a plausible Solar Hijri birth year")
        return year + 621, year + 622
    if not 1800 <= year <= 2040:
        raise ValueError(f"{year} is not a plausible birth year")
    return year, year
