"""How the public pages write dates, kinds of event and roles in English and Persian.

Dates are stored as Gregorian intervals with the source's own text; a page
in Persian writes them in the Solar Hijri calendar with Persian digits (the
calendar Iranian families and sources use), a page in English in the
Gregorian calendar, and both keep the date as the source wrote it.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from reckon.errors import InputError
from reckon.extract.jalali import from_gregorian
from reckon.publish.views import DateView
from reckon.web.i18n import Locale

GREGORIAN_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
JALALI_MONTHS: Final = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip

# What happened, as a page heads it; unknown kinds are shown as stored.
KINDS: Final[dict[str, tuple[str, str]]] = {
    "arrest": ("Arrest", "بازداشت"),
    "detention": ("Detention", "زندان"),
    "transfer": ("Transfer", "انتقال"),
    "trial": ("Trial", "محاکمه"),
    "execution": ("Execution", "اعدام"),
    "burial": ("Burial", "خاکسپاری"),
    "disappearance": ("Disappearance", "ناپدید شدن"),
    "release": ("Release", "آزادی"),
    "commission": ("Commission", "هیئت"),
    "ordered": ("Ordered it (alleged)", "دستور داد (ادعایی)"),
    "took_part": ("Took part (alleged)", "شرکت داشت (ادعایی)"),
    "was_present": ("Was present (alleged)", "حضور داشت (ادعایی)"),
    "sat_on_commission": ("Sat on the commission (alleged)", "عضو هیئت بود (ادعایی)"),
}
PLACE_KINDS: Final[dict[str, tuple[str, str]]] = {
    "prison": ("prison", "زندان"),
    "cemetery": ("cemetery", "گورستان"),
    "mass_grave": ("mass grave", "گور جمعی"),
    "mass grave": ("mass grave", "گور جمعی"),
    "detention_centre": ("detention centre", "بازداشتگاه"),
    "city": ("city", "شهر"),
}


def kind_label(kind: str, loc: Locale) -> str:
    pair = KINDS.get(kind)
    return pair[0 if loc.lang == "en" else 1] if pair else kind.replace("_", " ")


def place_kind_label(kind: str | None, loc: Locale) -> str:
    if not kind:
        return ""
    pair = PLACE_KINDS.get(kind)
    return pair[0 if loc.lang == "en" else 1] if pair else kind.replace("_", " ")


def _day(value: str, loc: Locale) -> str | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    if loc.lang == "fa":
        try:
            year, month, dom = from_gregorian(day)
        except InputError:  # outside the calendar's table: show it as stored
            return loc.num(value)
        return loc.num(f"{dom} {JALALI_MONTHS[month - 1]} {year}")
    return f"{day.day} {GREGORIAN_MONTHS[day.month - 1]} {day.year}"


def date_label(when: DateView | None, loc: Locale) -> str:
    """A date in the reader's calendar: one day, or the first and last day it may be."""
    if when is None:
        return ""
    start = _day(when.start, loc) if when.start else None
    end = _day(when.end, loc) if when.end else None
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end or loc.num(when.text)


def as_written(when: DateView | None, loc: Locale) -> str:
    """The date as the source wrote it, when that differs from `date_label`."""
    if when is None or not when.text:
        return ""
    text = loc.num(when.text) if loc.lang == "fa" else when.text
    return "" if text == date_label(when, loc) else text
