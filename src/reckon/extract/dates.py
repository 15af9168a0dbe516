"""Dates as sources write them: Gregorian or Solar Hijri, exact or vague, in either script.

A source may write "8 Mordad 1367", "۱۳۶۷/۰۵/۰۸", "1367-05-08", "30 July 1988",
"late July 1988", "summer 1988", "تابستان ۶۷" or just "1988". Each becomes a
`DateValue` that keeps the text as written, the calendar it was written in,
how precise it is, and the Gregorian interval (first and last day, both
inclusive) it stands for, so that vague dates can still be compared and sorted.

Two entry points:

- `parse_date` reads one value (a cell of a list, a field of a form) and
  raises `InputError` when it is not a date;
- `find_dates` finds every date in running text, with character offsets into it.

Conventions (documented in docs/dates.md):

- Seasons are the Iranian ones, which follow the astronomical seasons: spring is
  Farvardin–Khordad, summer Tir–Shahrivar, autumn Mehr–Azar, winter Dey–Esfand.
  "summer 1988" is therefore Tir–Shahrivar 1367 (22 June – 22 September 1988).
  A Gregorian "winter 1988" is the winter that ends in 1988 (Dey–Esfand 1366).
- "early", "mid" and "late" a month are days 1–10, 11–20 and 21–end.
- A bare number is a year only when it is plausible in running text: Gregorian
  1900–2099, or a Solar Hijri year written in Persian digits or marked ("1367 SH",
  "۱۳۶۷ ه‍.ش"). `parse_date` of a whole value also takes Latin-digit years
  1200–1499 as Solar Hijri (the years of Iranian lists), unless told the calendar.
- Two-digit years ("تابستان ۶۷", "مرداد ۶۷") are Solar Hijri 13xx.
- A day or month without a year ("late July", "۸ مرداد") takes the year of the
  nearest dated mention before it in the same calendar (else after it), and is
  marked ``year_inferred``; with no year anywhere it is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from reckon.errors import InputError
from reckon.extract import jalali

__all__ = [
    "Calendar",
    "DateMatch",
    "DateValue",
    "Precision",
    "find_dates",
    "gregorian_to_solar_hijri",
    "parse_date",
    "solar_hijri_to_gregorian",
    "solar_hijri_year_interval",
]


class Calendar(StrEnum):
    GREGORIAN = "gregorian"
    SOLAR_HIJRI = "solar_hijri"

    @classmethod
    def _missing_(cls, value: object) -> Calendar | None:
        # Lists and users name the Solar Hijri calendar in several ways.
        if isinstance(value, str):
            key = value.strip().lower().replace("-", "_").replace(" ", "_")
            if key in _CALENDAR_ALIASES:
                return cls(_CALENDAR_ALIASES[key])
        return None


_CALENDAR_ALIASES = {
    "jalali": "solar_hijri",
    "shamsi": "solar_hijri",
    "persian": "solar_hijri",
    "sh": "solar_hijri",
    "hijri_shamsi": "solar_hijri",
    "solar_hijri": "solar_hijri",
    "gregorian": "gregorian",
    "miladi": "gregorian",
}


class Precision(StrEnum):
    """How much of a date the source gave, from most to least precise."""

    DAY = "day"
    PART_OF_MONTH = "part_of_month"  # early, mid or late in a month
    MONTH = "month"
    RANGE = "range"  # from one day to another ("30 July – 16 August 1988")
    SEASON = "season"
    YEAR = "year"


@dataclass(frozen=True)
class DateValue:
    """One date as a source wrote it, with the Gregorian interval it stands for.

    ``year``, ``month`` and ``day`` are in the source's own calendar; ``start``
    and ``end`` are Gregorian and inclusive.
    """

    text: str
    calendar: Calendar
    precision: Precision
    start: date
    end: date
    year: int
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False

    @property
    def normalized(self) -> str:
        """ISO 8601: a day, a month, a year, or an interval ``start/end``."""
        if self.start == self.end:
            return self.start.isoformat()
        if self.precision is Precision.YEAR and self.calendar is Calendar.GREGORIAN:
            return f"{self.start.year:04d}"
        if (
            self.precision is Precision.MONTH
            and self.calendar is Calendar.GREGORIAN
            and self.month is not None
        ):
            return f"{self.start.year:04d}-{self.month:02d}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["calendar"] = self.calendar.value
        data["precision"] = self.precision.value
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        data["normalized"] = self.normalized
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateValue:
        return cls(
            text=str(data["text"]),
            calendar=Calendar(data["calendar"]),
            precision=Precision(data["precision"]),
            start=date.fromisoformat(str(data["start"])),
            end=date.fromisoformat(str(data["end"])),
            year=int(data["year"]),
            month=None if data.get("month") is None else int(data["month"]),
            day=None if data.get("day") is None else int(data["day"]),
            year_inferred=bool(data.get("year_inferred", False)),
        )

    def overlaps(self, other: DateValue) -> bool:
        """Whether the two intervals share a day (two vague dates can both be right)."""
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: its character span and its value."""

    start: int
    end: int
    value: DateValue


# --- calendar helpers ---------------------------------------------------------------


def solar_hijri_year_interval(year: int) -> tuple[date, date]:
    """First and last Gregorian day of a Solar Hijri year (1367 → 1988-03-21..1989-03-20)."""
    return jalali.year_interval(year)


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date:
    return jalali.to_gregorian(year, month, day)


def gregorian_to_solar_hijri(value: date) -> tuple[int, int, int]:
    return jalali.from_gregorian(value)


# --- vocabulary ---------------------------------------------------------------------

# Persian and Arabic-Indic digits, Arabic yeh and kaf: mapped one character to one,
# so that offsets found in the folded text are offsets into the original.
_FOLD = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يكىۀ‌", "0123456789" + "0123456789" + "یکیه ")

_PERSIAN_DIGITS = re.compile(r"[۰-۹٠-٩]")

GREGORIAN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    # Gregorian months as Persian text writes them
    "ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "مه": 5, "می": 5,
    "ژوئن": 6, "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "اوگوست": 8, "سپتامبر": 9,
    "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}  # fmt: skip

SOLAR_HIJRI_MONTHS: dict[str, int] = {
    "farvardin": 1, "ordibehesht": 2, "ordibehecht": 2, "khordad": 3, "khordâd": 3,
    "tir": 4, "mordad": 5, "mordād": 5, "amordad": 5, "amordād": 5, "mordâd": 5,
    "shahrivar": 6, "shahrivār": 6, "shahriver": 6, "mehr": 7, "aban": 8, "ābān": 8,
    "âbân": 8, "azar": 9, "āzar": 9, "âzar": 9, "dey": 10, "dei": 10,
    "bahman": 11, "esfand": 12, "esfend": 12, "espand": 12,
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
    "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}  # fmt: skip

# Season → first month of the season in the Solar Hijri calendar.
SEASONS: dict[str, int] = {
    "spring": 1, "summer": 4, "autumn": 7, "fall": 7, "winter": 10,
    "بهار": 1, "تابستان": 4, "پاییز": 7, "پائیز": 7, "زمستان": 10,
}  # fmt: skip

PARTS: dict[str, str] = {
    "early": "early", "beginning of": "early", "the beginning of": "early",
    "start of": "early", "the start of": "early",
    "mid": "mid", "mid-": "mid", "middle of": "mid", "the middle of": "mid",
    "late": "late", "end of": "late", "the end of": "late",
    "اوایل": "early", "اوائل": "early", "آغاز": "early", "اواسط": "mid", "نیمه": "mid",
    "اواخر": "late", "پایان": "late",
    # "the first days of Shahrivar", "the last days of Tir"
    "first days of": "early", "the first days of": "early", "early days of": "early",
    "the early days of": "early", "last days of": "late", "the last days of": "late",
    "final days of": "late", "the final days of": "late", "روزهای اول": "early",
    "روزهای نخست": "early", "روزهای آخر": "late", "روزهای پایانی": "late",
    # weeks: "the second week of Mordad" is 8-14 Mordad; the last week, the month's last seven days
    "first week of": "week1", "the first week of": "week1", "second week of": "week2",
    "the second week of": "week2", "third week of": "week3", "the third week of": "week3",
    "fourth week of": "week4", "the fourth week of": "week4", "last week of": "lastweek",
    "the last week of": "lastweek", "final week of": "lastweek", "the final week of": "lastweek",
    "هفته اول": "week1", "هفته‌ی اول": "week1", "هفته دوم": "week2", "هفته‌ی دوم": "week2",
    "هفته سوم": "week3", "هفته‌ی سوم": "week3", "هفته چهارم": "week4", "هفته‌ی چهارم": "week4",
    "هفته آخر": "lastweek", "هفته‌ی آخر": "lastweek",
    "first half of": "half1", "the first half of": "half1", "second half of": "half2",
    "the second half of": "half2", "نیمه اول": "half1", "نیمه‌ی اول": "half1",
    "نیمه دوم": "half2", "نیمه‌ی دوم": "half2",
}  # fmt: skip


# The Iranian New Year, 1 Farvardin: "just after Nowruz 1361".
NOWRUZ = ("Nowruz", "Nowrouz", "Nowrooz", "Norouz", "Norooz", "Noruz", "Nauroz", "Nawruz", "نوروز")
# Words after which a bare 13xx is the year of that event ("released 1366").
_EVENT_WORDS = (
    r"born|died|(?:re-?)?arrested|detained|released|freed|executed|hanged|killed|transferred|"
    r"moved|tried|sentenced|buried|disappeared|imprisoned|jailed"
)
# A number before these counts or prices something; it is no year.
_COUNTED = (
    r"[^\S\n]*(?:people|persons|prisoners|victims|names|men|women|tomans?|rials?|dollars?|"
    r"lashes|pages|km|kilomet(?:re|er)s?|metres|meters)\b"
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Word boundaries that also work next to Persian letters.
_B = r"(?<![\w])"
_E = r"(?![\w])"

_G_MONTH = rf"(?P<gm>{_alternation(GREGORIAN_MONTHS)})\.?"
_J_MONTH = rf"(?P<jm>{_alternation(SOLAR_HIJRI_MONTHS)})(?:\s*ماه)?"
_SEASON = rf"(?P<season>{_alternation(SEASONS)})"
_PART = rf"(?P<part>{_alternation(k for k in PARTS if not k.endswith('-'))}|mid-)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|ام|م)?"
_YEAR4 = r"(?P<y>\d{4})"
_YEAR = r"(?P<y>\d{4}|\d{2})"
_SH_MARK = r"(?:\s*(?:SH|AP|HS|H\.S\.|A\.P\.|Solar\s+Hijri|ه\.?\s?ش\.?|هجری\s+شمسی|شمسی|خورشیدی))"
_SEP = r"\s*(?:–|—|-|to|until|till|and|through|تا)\s*"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # ranges first, so that their parts are not taken one by one
    (
        "range_days",
        re.compile(
            rf"{_B}(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?{_SEP}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:\s+of)?\s+{_G_MONTH}[,،]?\s+{_YEAR4}{_E}",
            re.I,
        ),
    ),
    (
        "range_months",
        re.compile(
            rf"{_B}(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<gm1>{_alternation(GREGORIAN_MONTHS)})\.?"
            rf"(?:[,،]?\s+(?P<y1>\d{{4}}))?{_SEP}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_G_MONTH}[,،]?"
            rf"\s+{_YEAR4}{_E}",
            re.I,
        ),
    ),
    (
        "numeric",
        re.compile(
            r"(?<![\w/.-])(?P<a>\d{4})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<c>\d{1,2})(?![\w/]|\.\d)"
        ),
    ),
    (
        "numeric_dmy",
        re.compile(
            r"(?<![\w/.-])(?P<c>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<a>1[23]\d\d)(?![\w/]|\.\d)"
        ),
    ),
    # "۶۷/۵/۸" or "۸/۵/۶۷" in Persian digits: a two-digit Solar Hijri year first or last.
    ("numeric_short", re.compile(r"(?<![\w/.-])(?P<p1>\d{1,2})/(?P<p2>\d{1,2})/(?P<p3>\d{1,2})(?![\w/]|\.\d)")),
    ("day_jmonth", re.compile(rf"{_B}{_DAY}(?:\s+of)?\s+{_J_MONTH}(?:[,،]?\s+{_YEAR}{_SH_MARK}?)?{_E}", re.I)),
    ("jmonth_day", re.compile(rf"{_B}{_J_MONTH}\s+(?P<d>[0-3]?\d),\s+{_YEAR4}{_SH_MARK}?{_E}", re.I)),
    ("day_gmonth", re.compile(rf"{_B}{_DAY}(?:\s+of)?\s+{_G_MONTH}(?:[,،]?\s+{_YEAR4})?{_E}", re.I)),
    ("gmonth_day", re.compile(rf"{_B}{_G_MONTH}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:[,،]?\s+{_YEAR4})?{_E}", re.I)),
    ("part_jmonth", re.compile(rf"{_B}{_PART}\s*{_J_MONTH}(?:\s+{_YEAR}{_SH_MARK}?)?{_E}", re.I)),
    ("part_gmonth", re.compile(rf"{_B}{_PART}\s*{_G_MONTH}(?:[,،]?\s+{_YEAR4})?{_E}", re.I)),
    ("jmonth", re.compile(rf"{_B}{_J_MONTH}(?:\s+(?:of\s+|سال\s+)?{_YEAR}{_SH_MARK}?){_E}", re.I)),
    # A month of a year the text has just given: "آذر همان سال", "دی آن سال", "بهمن سال بعد",
    # "Azar of that year". The words after the month make it one even where the month is
    # also a name ("آذر"); the year is the nearest one written, moved by بعد/قبل.
    ("jmonth_rel", re.compile(rf"{_B}{_J_MONTH}[^\S\n]+(?:(?P<same>همان[^\S\n]+سال|آن[^\S\n]+سال|of[^\S\n]+(?:that|the[^\S\n]+same)[^\S\n]+year)|(?P<next>سال[^\S\n]+بعد(?:ش)?|of[^\S\n]+the[^\S\n]+following[^\S\n]+year)|(?P<prev>سال[^\S\n]+(?:قبل|پیش)(?:ش)?|of[^\S\n]+the[^\S\n]+previous[^\S\n]+year)){_E}", re.I)),
    ("jmonth_alone", re.compile(rf"{_B}{_J_MONTH}{_E}", re.I)),
    ("gmonth", re.compile(rf"{_B}{_G_MONTH}(?:\s+of)?[,،]?\s+{_YEAR4}{_E}", re.I)),
    ("season", re.compile(rf"{_B}(?:the\s+)?{_SEASON}(?:\s+of|\s+سال)?\s+{_YEAR}{_SH_MARK}?{_E}", re.I)),
    ("year_range", re.compile(rf"{_B}(?P<y>(?:19|20)\d\d)\s*(?:–|—|-|to)\s*(?P<y2>(?:19|20)\d\d){_E}", re.I)),
    ("nowruz", re.compile(rf"{_B}(?P<eve>(?:the\s+)?eve\s+of\s+)?(?:{_alternation(NOWRUZ)})(?:\s+(?:of\s+)?(?:سال\s+)?{_YEAR4}{_SH_MARK}?)?{_E}", re.I)),
    # "early 1364", "late 1988", "mid-1362", "the end of 1366", "اواخر سال ۱۳۶۷"
    ("part_year", re.compile(rf"{_B}{_PART}\s*(?:سال\s+)?(?P<y>(?:19|20)\d\d|1[2-4]\d\d){_SH_MARK}?{_E}", re.I)),
    # A lifespan "1340 - 1367": two years, each a date of its own (birth, death).
    ("year_pair", re.compile(r"(?<![\w/.-])(?P<y>1[2-4]\d\d)[^\S\n]*[-–—][^\S\n]*(?P<y2>1[2-4]\d\d)(?![\w/-]|\.\d)")),
    ("year_marked", re.compile(rf"{_B}(?:سال\s+)?(?P<y>1[2-4]\d\d){_SH_MARK}{_E}", re.I)),
    ("year_persian", re.compile(rf"{_B}(?:سال\s+)?(?P<y>1[2-4]\d\d){_E}")),
    ("year_short_persian", re.compile(rf"{_B}سال\s+(?P<y>[4-9]\d){_E}(?![/.]\d)")),  # "سال ۶۷"
    # The first of two months or seasons sharing one year: "July/August 1988", "between July and
    # September 1988", "the summer and autumn of 1988".
    ("gmonth_pair", re.compile(rf"{_B}(?P<gm>january|february|april|june|july|august|september|october|november|december)(?=\s*(?:/|-|–|—|and|or|to|until|through)\s*(?:early\s+|mid-?\s*|late\s+)?(?:{_alternation(GREGORIAN_MONTHS)})\.?,?\s+(?P<y2>\d{{4}}))", re.I)),
    ("season_pair", re.compile(rf"{_B}(?:the\s+)?{_SEASON}(?=\s+(?:and|or|to|/|-|و|تا)\s+(?:the\s+)?(?:{_alternation(SEASONS)})(?:\s+of|\s+سال)?\s+(?P<y2>\d{{4}}|\d{{2}}){_E})", re.I)),
    ("gmonth_alone", re.compile(rf"(?<![\w])(?:in|since|until|till|by|from|during|between|early|mid|late|end\s+of)\s+(?P<gm>january|february|april|june|july|august|september|october|november|december){_E}", re.I)),
    # "released 1366", "transferred to Gohardasht 1365" (a list's notes), "born 1338".
    ("year_sh_event", re.compile(rf"(?<![\w])(?:{_EVENT_WORDS})(?:\s+(?:in|on|at|to|from)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)?[,:]?\s+(?:in\s+)?(?P<y>1[34]\d\d){_E}(?!{_COUNTED})", re.I)),
    ("year_sh_bare", re.compile(rf"(?<![\w])(?:in|since|until|till|by|from|of|during|after|before|around)\s+(?P<y>1[34]\d\d){_E}(?!{_COUNTED})", re.I)),
    # A list's cell that is a year ("| 1338 |") or starts with one ("1361, Khorramabad").
    ("year_sh_cell", re.compile(r"(?:(?<=[|\t])|^)[^\S\n]*(?P<y>1[34]\d\d)(?=[^\S\n]*(?:[|\t,،]|$))", re.M)),
    ("year", re.compile(rf"{_B}(?P<y>(?:19|20)\d\d){_E}(?!\s*(?:people|prisoners|victims|names))", re.I)),
    # "graves of 1988 prisoners": a year before a noun of people (see `_raw_matches`).
    ("year_before_noun", re.compile(rf"{_B}(?P<y>(?:19|20)\d\d)(?=\s+(?:people|prisoners|victims|names)\b)", re.I)),
]  # fmt: skip

# Latin-script month names that are also ordinary English words need a year or a day.
_AMBIGUOUS_MONTHS = {"may", "mar", "dec", "dey", "tir", "mehr", "aban", "azar", "mid"}
# Solar Hijri months that are also given names or common words ("Bahman", "Azar", "Mehr",
# تیر a bullet, مهر a seal): alone, without a day or year, they are not read as months.
# The others ("Mordad", "Shahrivar", "مرداد") are read alone where the text dates in
# the Solar Hijri calendar, which gives them their year.
_NAME_LIKE_MONTHS = frozenset(
    {"tir", "mehr", "aban", "ābān", "âbân", "azar", "āzar", "âzar", "dey", "dei", "bahman", "esfand",
     "esfend", "espand", "تیر", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}
)  # fmt: skip
# After a preposition or "early"/"late", the name-like ones are months too ("in Aban").
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|from|early|mid|late|of)|در|تا|از|اوایل|اواسط|اواخر)[^\S\n]*-?$",
    re.I,
)
_QUANTITY_BEFORE = re.compile(
    r"\b(?:about|over|some|least|nearly|than|almost|around|to|approximately|roughly|total\s+of|"
    r"estimated|all|those|these|the|of\s+the)\s+$|\d[\s,]*$",
    re.I,
)
_MONTH_PAIR_AFTER = re.compile(
    rf"[^\S\n]*(?:/|-|–|—|and|or|to|و|تا)[^\S\n]*(?:(?:early|mid|late|اوایل|اواسط|اواخر)[^\S\n]*-?)?"
    rf"(?:{_alternation(SOLAR_HIJRI_MONTHS)})(?:[^\S\n]*ماه)?[^\S\n]+\d",
    re.I,
)
_NOT_A_MONTH_AFTER = re.compile(r"[^\S\n]*(?:['’]s\b|[A-Z][a-z])")
# Kinds that read a bare Latin-digit 13xx as a Solar Hijri year only in a text that dates
# in that calendar (another Solar Hijri date, or a note that its dates are Solar Hijri).
# ("released 1366" needs no such text: the event word says it is a year, the number which.)
_CONTEXTUAL = frozenset({"year_sh_bare", "year_sh_cell", "year_pair", "jmonth_alone"})
_SAYS_SOLAR_HIJRI = re.compile(
    r"\bSolar\s+Hijri\b|\bHijri\s+Shamsi\b|\bShamsi\b|\bJalali\b|\(SH\)|هجری\s+شمسی|خورشیدی", re.I
)


# --- building values ----------------------------------------------------------------


def _gregorian_month_interval(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _part_days(part: str, length: int) -> tuple[int, int]:
    if part.startswith("week") and part[4:].isdigit():
        week = int(part[4:])
        return 7 * week - 6, min(7 * week, length)
    if part == "lastweek":
        return length - 6, length
    if part.startswith("half"):
        return (1, 15) if part == "half1" else (16, length)
    return {"early": (1, 10), "mid": (11, 20), "late": (21, length)}[part]


def _expand_year(raw: str, calendar: Calendar) -> int:
    year = int(raw)
    if len(raw) == 2:
        # Two-digit years appear in Persian writing ("تابستان ۶۷"), meaning 13xx.
        year += 1300 if calendar is Calendar.SOLAR_HIJRI else 1900
    return year


def _day_value(text: str, calendar: Calendar, year: int, month: int, day: int) -> DateValue:
    try:
        if calendar is Calendar.SOLAR_HIJRI:
            when = jalali.to_gregorian(year, month, day)
        else:
            when = date(year, month, day)
    except ValueError as exc:
        raise InputError(f"'{text}' is not a real date ({exc}).") from exc
    return DateValue(text, calendar, Precision.DAY, when, when, year, month, day)


def _month_value(text: str, calendar: Calendar, year: int, month: int) -> DateValue:
    if calendar is Calendar.SOLAR_HIJRI:
        start, end = jalali.month_interval(year, month)
    else:
        start, end = _gregorian_month_interval(year, month)
    return DateValue(text, calendar, Precision.MONTH, start, end, year, month)


def _part_value(text: str, calendar: Calendar, year: int, month: int, part: str) -> DateValue:
    month_value = _month_value(text, calendar, year, month)
    length = (month_value.end - month_value.start).days + 1
    first, last = _part_days(part, length)
    return DateValue(
        text,
        calendar,
        Precision.PART_OF_MONTH,
        month_value.start + timedelta(days=first - 1),
        month_value.start + timedelta(days=last - 1),
        year,
        month,
    )


def _season_value(text: str, calendar: Calendar, year: int, first_month: int) -> DateValue:
    if calendar is Calendar.GREGORIAN:
        # The Iranian season that falls (mostly) in that Gregorian year; winter is the
        # one that ends in it.
        sh_year = year - 622 if first_month == 10 else year - 621
    else:
        sh_year = year
    start, _ = jalali.month_interval(sh_year, first_month)
    _, end = jalali.month_interval(sh_year, first_month + 2)
    return DateValue(text, calendar, Precision.SEASON, start, end, year)


def _year_value(text: str, calendar: Calendar, year: int) -> DateValue:
    if calendar is Calendar.SOLAR_HIJRI:
        start, end = jalali.year_interval(year)
    else:
        start, end = date(year, 1, 1), date(year, 12, 31)
    return DateValue(text, calendar, Precision.YEAR, start, end, year)


def _range_value(text: str, first: DateValue, last: DateValue) -> DateValue | None:
    if last.end < first.start:
        return None
    return DateValue(
        text, first.calendar, Precision.RANGE, first.start, last.end, first.year, first.month
    )


def _numeric_calendar(year: int, hint: Calendar | None) -> Calendar | None:
    if hint is not None:
        return hint
    if 1200 <= year <= 1499:
        return Calendar.SOLAR_HIJRI
    if 1500 <= year <= 2200:
        return Calendar.GREGORIAN
    return None


@dataclass
class _Raw:
    """A regex match before a missing year is filled in."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    calendar: Calendar
    persian_digits: bool


def _calendar_of(kind: str, groups: dict[str, str | None], persian: bool) -> Calendar | None:
    if groups.get("jm") or kind in {
        "year_marked", "year_persian", "year_sh_bare", "year_sh_event", "year_sh_cell", "year_pair"
    }:  # fmt: skip
        return Calendar.SOLAR_HIJRI
    if kind in {"part_year", "nowruz"}:
        year = groups.get("y") or ""
        if persian or not year or year.startswith(("12", "13", "14")):
            return Calendar.SOLAR_HIJRI
        return Calendar.GREGORIAN
    if groups.get("gm"):
        return Calendar.GREGORIAN
    if kind in {"season", "season_pair"}:
        year = groups.get("y") or groups.get("y2") or ""
        persian = persian or not (groups.get("season") or "").isascii()
        if persian or len(year) == 2 or year.startswith(("12", "13", "14")):
            return Calendar.SOLAR_HIJRI
        return Calendar.GREGORIAN
    if kind in {"numeric", "numeric_dmy"}:
        return _numeric_calendar(int(groups["a"] or 0), None)
    if kind == "year_short_persian":
        return Calendar.SOLAR_HIJRI
    return Calendar.GREGORIAN


def _build(raw: _Raw, text: str, year: int | None, inferred: bool) -> DateValue | None:
    g = raw.groups
    cal = raw.calendar
    if year is None:
        return None
    value: DateValue | None
    if raw.kind in {"numeric", "numeric_dmy"}:
        month, day = int(g["b"] or 0), int(g["c"] or 0)
        value = _day_value(text, cal, year, month, day)
    elif raw.kind == "range_days":
        month = GREGORIAN_MONTHS[(g["gm"] or "").lower()]
        first = _day_value(text, cal, year, month, int(g["d1"] or 0))
        last = _day_value(text, cal, year, month, int(g["d2"] or 0))
        value = _range_value(text, first, last)
    elif raw.kind == "range_months":
        month1 = GREGORIAN_MONTHS[(g["gm1"] or "").lower()]
        month2 = GREGORIAN_MONTHS[(g["gm"] or "").lower()]
        year1 = int(g["y1"] or 0) if g.get("y1") else year
        first = _day_value(text, cal, year1, month1, int(g["d1"] or 0))
        last = _day_value(text, cal, year, month2, int(g["d2"] or 0))
        value = _range_value(text, first, last)
    elif raw.kind in {"season", "season_pair"}:
        value = _season_value(text, cal, year, SEASONS[(g["season"] or "").lower()])
    elif raw.kind == "year_range":
        last_year = int(g["y2"] or 0)
        if last_year < year:
            return None
        value = DateValue(
            text, cal, Precision.RANGE, date(year, 1, 1), date(last_year, 12, 31), year
        )
    elif raw.kind.startswith("year") or raw.kind == "part_year":
        # "early 1364": which part of a year "early" means is not fixed; the whole year.
        value = _year_value(text, cal, year)
    elif raw.kind == "nowruz":
        sh_year = year if cal is Calendar.SOLAR_HIJRI else year - 621
        when = jalali.to_gregorian(sh_year, 1, 1)
        if g.get("eve"):
            when -= timedelta(days=1)  # the evening before the New Year: the year's last day
        if cal is Calendar.SOLAR_HIJRI:
            own_year, month, day = jalali.from_gregorian(when)
        else:
            own_year, month, day = when.year, when.month, when.day
        value = DateValue(text, cal, Precision.DAY, when, when, own_year, month, day)
    else:
        names = SOLAR_HIJRI_MONTHS if cal is Calendar.SOLAR_HIJRI else GREGORIAN_MONTHS
        month = names[(g.get("jm") or g.get("gm") or "").lower()]
        if g.get("part"):
            part = PARTS[(g["part"] or "").lower().rstrip("-") or "mid"]
            value = _part_value(text, cal, year, month, part)
        elif g.get("d"):
            value = _day_value(text, cal, year, month, int(g["d"] or 0))
        else:
            value = _month_value(text, cal, year, month)
    if value is None:
        return None
    return DateValue(
        value.text,
        value.calendar,
        value.precision,
        value.start,
        value.end,
        value.year,
        value.month,
        value.day,
        inferred,
    )


def _raw_matches(text: str, solar_hijri: bool = False) -> list[_Raw]:
    folded = text.translate(_FOLD)
    taken: list[tuple[int, int]] = []
    found: list[_Raw] = []
    contextual: set[int] = set()  # starts of romanised months without a year, "early 1364"
    for pattern_kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            kind = pattern_kind
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            groups = match.groupdict()
            persian = bool(_PERSIAN_DIGITS.search(text[start:end]))
            if kind in {"year_persian", "year_short_persian", "numeric_short"} and not persian:
                continue
            if kind == "numeric_short":
                parts = [groups["p1"] or "", groups["p2"] or "", groups["p3"] or ""]
                if int(parts[0]) > 31:
                    year_part, day_part = parts[0], parts[2]
                elif int(parts[2]) > 31:
                    year_part, day_part = parts[2], parts[0]
                else:
                    continue  # which part is the year cannot be told
                groups = {"a": f"13{year_part:0>2}", "b": parts[1], "c": day_part}
                kind = "numeric"
            month_word = (groups.get("jm") or groups.get("gm") or "").lower()
            if groups.get("jm"):
                if not groups.get("y") and not _month_without_year(folded, match, kind):
                    continue
            elif (
                month_word in _AMBIGUOUS_MONTHS
                and not groups.get("y")
                and not (groups.get("d") and kind in {"day_gmonth", "day_jmonth"})
            ):
                continue
            calendar = _calendar_of(kind, groups, persian)
            if calendar is None:
                continue
            if kind in {"gmonth_alone", "gmonth_pair"}:
                start = match.start("gm")  # the preposition is context, not part of the date
            elif kind in {"year_sh_bare", "year_sh_event", "year_sh_cell"}:
                start = match.start("y")
            elif kind == "year_pair":
                if not 0 < int(groups["y2"] or 0) - int(groups["y"] or 0) <= 110:
                    continue  # not a lifespan
                # Two dates: the first year, then the second (their own raws, same kind).
                taken.append((start, end))
                second = dict(groups, y=groups["y2"])
                found.append(_Raw(start, match.end("y"), kind, groups, calendar, persian))
                found.append(_Raw(match.start("y2"), end, kind, second, calendar, persian))
                continue
            if kind == "year_sh_cell" and not _table_line(folded, start):
                continue
            if (groups.get("jm") and not groups.get("y") and month_word.isascii()) or (
                kind == "part_year" and calendar is Calendar.SOLAR_HIJRI and not persian
            ):
                contextual.add(start)  # "late Mordad", "early 1364" in English
            taken.append((start, end))
            found.append(_Raw(start, end, kind, groups, calendar, persian))
    # "1988 prisoners" is "the prisoners of 1988" where the text dates something else in 1988
    # and no quantity word comes before it ("at least 1988 prisoners" counts them).
    own_years = {r.groups.get("y") for r in found if r.kind not in {"year_before_noun"}}
    found = [
        r for r in found
        if r.kind != "year_before_noun"
        or (r.groups.get("y") in own_years and not _QUANTITY_BEFORE.search(folded[max(0, r.start - 25) : r.start]))
    ]  # fmt: skip
    # "in 1361" in English text is a Solar Hijri year, and "Mordad" alone a month, only
    # where the text dates in that calendar.
    if (
        not solar_hijri
        and not _SAYS_SOLAR_HIJRI.search(text)
        and not any(
            r.calendar is Calendar.SOLAR_HIJRI
            and r.kind not in _CONTEXTUAL
            and r.start not in contextual
            for r in found
        )
    ):
        found = [r for r in found if r.kind not in _CONTEXTUAL and r.start not in contextual]
    found.sort(key=lambda r: r.start)
    return found


def _table_line(text: str, position: int) -> bool:
    """Whether the line at ``position`` is a row of cells (two or more ``|`` or tabs)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end >= 0 else len(text)]
    return line.count("|") >= 2 or line.count("\t") >= 2


def _month_without_year(folded: str, match: re.Match[str], kind: str) -> bool:
    """Whether a Solar Hijri month with no year next to it is a month here: with a day or
    "early/late" before it, always; alone, unless it is also a name or a word ("Bahman",
    "Azar", مهر) with no preposition before it, or a capitalised word follows (a name:
    "Shahrivar Ahmadi")."""
    if kind != "jmonth_alone":
        return True
    word = (match.group("jm") or "").lower()
    if _NOT_A_MONTH_AFTER.match(folded, match.end()):
        return False
    if word not in _NAME_LIKE_MONTHS or _MONTH_PAIR_AFTER.match(folded, match.end()):
        return True  # "Mordad"; "Tir-Mordad 1367", "مهر و آبان ۱۳۶۷"
    if not word.isascii():
        # Persian: مهر، تیر … alone are words; "مهر ماه" or "اواخر مهر" is the month.
        return "ماه" in match.group(0) or bool(
            re.search(r"(?:اوایل|اواسط|اواخر)\s*$", folded[: match.start()])
        )
    return bool(_MONTH_CUE.search(folded[max(0, match.start() - 12) : match.start()]))


def _own_year(raw: _Raw) -> int | None:
    g = raw.groups
    if raw.kind in {"numeric", "numeric_dmy"}:
        return int(g["a"] or 0)
    if g.get("y"):
        return _expand_year(g["y"] or "", raw.calendar)
    if g.get("y2"):  # the year the pair shares ("July/August 1988")
        return _expand_year(g["y2"] or "", raw.calendar)
    return None


def find_dates(
    text: str, *, context_year: int | None = None, solar_hijri: bool = False
) -> list[DateMatch]:
    """Every date in ``text``, in order, with character offsets into ``text``.

    ``context_year`` (Gregorian) dates a day or month written without a year when
    no other date in the text gives one. ``solar_hijri`` says that the text around
    ``text`` dates in that calendar (a list's cell, whose table does): "released 1366"
    is then a year without another Solar Hijri date in ``text`` itself.
    """
    raws = _raw_matches(text, solar_hijri)
    own = [_own_year(raw) for raw in raws]
    results: list[DateMatch] = []
    for index, raw in enumerate(raws):
        year = own[index]
        inferred = False
        if year is None:
            year = _nearest_year(raws, own, index)
            if year is not None and raw.kind == "jmonth_rel":
                year += 1 if raw.groups.get("next") else -1 if raw.groups.get("prev") else 0
            if year is None and context_year is not None:
                year = (
                    context_year
                    if raw.calendar is Calendar.GREGORIAN
                    else jalali.from_gregorian(date(context_year, 7, 1))[0]
                )
            inferred = True
        span = text[raw.start : raw.end]
        try:
            value = _build(raw, span, year, inferred)
        except InputError:
            continue  # "31 Esfand" in a common year is not a date; leave it unmarked
        if value is not None:
            results.append(DateMatch(raw.start, raw.end, value))
    return results


def _nearest_year(raws: list[_Raw], own: list[int | None], index: int) -> int | None:
    calendar = raws[index].calendar
    order: list[int] = list(range(index - 1, -1, -1)) + list(range(index + 1, len(raws)))
    for j in order:
        found = own[j]
        if found is not None and raws[j].calendar is calendar:
            return found
    return None


def parse_date(
    text: str, *, calendar: Calendar | str | None = None, context_year: int | None = None
) -> DateValue:
    """Read one value that is a date and nothing else ("8 Mordad 1367", "1367", "summer 1988").

    ``calendar`` says how to read bare numbers ("1334", "1367/05/08") when the
    column or form already tells. Raises `InputError` when the value is not a date.
    """
    stripped = text.strip().strip(".,;()[]")
    if not stripped:
        raise InputError("An empty value is not a date.")
    hint = None if calendar is None else Calendar(calendar)
    folded = stripped.translate(_FOLD)
    bare = re.fullmatch(r"(\d{4})", folded)
    if bare:
        year = int(bare.group(1))
        found = _numeric_calendar(year, hint)
        if found is None:
            raise InputError(f"'{text}' is not a year reckon can read.")
        return _year_value(stripped, found, year)
    interval = re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", folded)
    if interval:
        try:
            first, last = (date.fromisoformat(part) for part in interval.groups())
        except ValueError as exc:
            raise InputError(f"'{text}' is not a real interval ({exc}).") from exc
        if last < first:
            raise InputError(f"'{text}' ends before it starts.")
        return DateValue(stripped, Calendar.GREGORIAN, Precision.RANGE, first, last, first.year)
    numeric = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", folded)
    if numeric and hint is not None:
        return _day_value(stripped, hint, *(int(part) for part in numeric.groups()))
    year_month = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", folded)
    if year_month:
        year, month = (int(part) for part in year_month.groups())
        found = _numeric_calendar(year, hint)
        if found is not None and 1 <= month <= 12:
            return _month_value(stripped, found, year, month)
    matches = find_dates(stripped, context_year=context_year)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(stripped):
        value = matches[0].value
        if hint is not None and value.calendar is not hint and value.precision is Precision.YEAR:
            return _year_value(stripped, hint, value.year)
        return value
    raise InputError(
        f"'{text}' is not a date reckon can read.",
        hint="Write e.g. 30 July 1988, 8 Mordad 1367, 1367/05/08, July 1988 or summer 1988.",
    )
