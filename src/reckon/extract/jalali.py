"""Solar Hijri (Jalali) ↔ Gregorian arithmetic, without a calendar library at run time.

The official Iranian calendar starts each year at the March equinox as seen in
Tehran. Its leap years follow the equinox, not a fixed cycle; the arithmetic
here is Kazimierz Borkowski's approximation as published in jalaali-js (the
same one `jdatetime` uses), exact for Solar Hijri years 1–3177. Tests check it
against `jdatetime` day by day.
"""

from __future__ import annotations

from datetime import date, timedelta

from reckon.errors import InputError

MIN_YEAR = 1
MAX_YEAR = 3177

# Years in which the 33-year cycle of leap years restarts (Borkowski).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
           2324, 2394, 2456, 3178)  # fmt: skip

MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(
            f"Solar Hijri year {year} is outside the years reckon converts ({MIN_YEAR}–{MAX_YEAR})."
        )


def farvardin_first(year: int) -> date:
    """The Gregorian date of 1 Farvardin (Nowruz) of Solar Hijri ``year``."""
    _check_year(year)
    gregorian_year = year + 621
    leap_j = -14
    previous = _BREAKS[0]
    jump = 0
    for boundary in _BREAKS[1:]:
        jump = boundary - previous
        if year < boundary:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        previous = boundary
    n = year - previous
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gregorian_year // 4 - (gregorian_year // 100 + 1) * 3 // 4 - 150
    return date(gregorian_year, 3, 20 + leap_j - leap_g)


def year_length(year: int) -> int:
    """Days in Solar Hijri ``year`` (365, or 366 in a leap year)."""
    return (farvardin_first(year + 1) - farvardin_first(year)).days


def is_leap(year: int) -> bool:
    return year_length(year) == 366


def month_length(year: int, month: int) -> int:
    """Days in ``month`` (1–12) of Solar Hijri ``year``; Esfand has 30 in leap years."""
    if not 1 <= month <= 12:
        raise InputError(f"{month} is not a Solar Hijri month (1–12).")
    if month == 12:
        return 30 if is_leap(year) else 29
    return MONTH_DAYS[month - 1]


def to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of Solar Hijri ``year-month-day``."""
    length = month_length(year, month)
    if not 1 <= day <= length:
        raise InputError(f"Solar Hijri {year}-{month:02d} has no day {day} (it has {length}).")
    offset = sum(MONTH_DAYS[: month - 1]) + day - 1
    return farvardin_first(year) + timedelta(days=offset)


def from_gregorian(value: date) -> tuple[int, int, int]:
    """The Solar Hijri (year, month, day) of a Gregorian date."""
    year = value.year - 621
    if year < MIN_YEAR or value < farvardin_first(year):
        year -= 1
    _check_year(year)
    offset = (value - farvardin_first(year)).days
    month = 1
    while offset >= MONTH_DAYS[month - 1] and month < 12:
        offset -= MONTH_DAYS[month - 1]
        month += 1
    return year, month, offset + 1


def year_interval(year: int) -> tuple[date, date]:
    """First and last Gregorian day of Solar Hijri ``year`` (both inclusive)."""
    return farvardin_first(year), farvardin_first(year + 1) - timedelta(days=1)


def month_interval(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a Solar Hijri month (both inclusive)."""
    first = to_gregorian(year, month, 1)
    return first, first + timedelta(days=month_length(year, month) - 1)
