"""The fields of a victim-list record and the checks every input row must pass.

One record is one person as one list describes them. The standalone CSV format
(`reckon link FILE.csv`) has exactly the columns of `CSV_COLUMNS`; a list imported
into a workspace maps its own columns onto `FIELDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reckon.link.dates import CALENDARS, DateValue, birth_year_interval, calendar_name, parse_date

# Every field a list may give; record_id and list are the record's identity.
FIELDS: tuple[str, ...] = (
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_year",
    "city",
    "prison",
    "death_date",
    "death_calendar",
)
CSV_COLUMNS: tuple[str, ...] = ("record_id", "list", *FIELDS)
REQUIRED: tuple[str, ...] = ("record_id", "list")

# A name or a place longer than this is a broken file, not a name (and 10 MB in one
# field must not reach the linker).
MAX_FIELD_CHARS = 500
MAX_ERRORS_SHOWN = 20

_SEX = {
    "m": "m",
    "male": "m",
    "man": "m",
    "مرد": "m",
    "f": "f",
    "female": "f",
    "woman": "f",
    "زن": "f",
}
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Record:
    """One validated row: the text as the list wrote it plus parsed dates and years."""

    record_id: str
    list: str
    full_name: str = ""
    given_name: str = ""
    surname: str = ""
    father_name: str = ""
    sex: str = ""
    birth_year: str = ""
    city: str = ""
    prison: str = ""
    death_date: str = ""
    death_calendar: str = ""
    # Parsed values: Gregorian birth-year interval and the death date with precision.
    birth_lo: int | None = None
    birth_hi: int | None = None
    death: DateValue | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def as_row(self) -> dict[str, str]:
        """The record in the standalone CSV columns."""
        return {name: str(getattr(self, name)) for name in CSV_COLUMNS}


@dataclass
class RowProblems:
    """Problems found in an input, each with its line number, reported all at once."""

    source: str
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, reason: str) -> None:
        self.problems.append((line, reason))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def message(self) -> str:
        shown = "; ".join(
            f"line {line}: {reason}" for line, reason in self.problems[:MAX_ERRORS_SHOWN]
        )
        more = len(self.problems) - MAX_ERRORS_SHOWN
        tail = f"; and {more} more" if more > 0 else ""
        return f"{self.source} has {len(self.problems)} bad row(s): {shown}{tail}."


def clean_text(value: str) -> str:
    """Trim a cell and drop control characters that no list means to contain."""
    # Most cells are printable: skip the regular expression for them (a million rows).
    return value.strip() if value.isprintable() else _CONTROL.sub("", value).strip()


def make_record(
    values: dict[str, str],
    line: int,
    problems: RowProblems,
    default_calendar: str = "",
) -> Record | None:
    """Validate one row's values (already mapped to field names); None if it is bad."""
    cleaned: dict[str, str] = {}
    bad = False
    for name in CSV_COLUMNS:
        raw = values.get(name) or ""
        if len(raw) > MAX_FIELD_CHARS:
            problems.add(line, f"{name} has {len(raw):,} characters (at most {MAX_FIELD_CHARS})")
            bad = True
            continue
        cleaned[name] = clean_text(raw)
    if bad:
        return None
    for name in REQUIRED:
        if not cleaned[name]:
            problems.add(line, f"{name} is empty")
            bad = True
    if not (cleaned["full_name"] or cleaned["given_name"] or cleaned["surname"]):
        problems.add(line, "no name: give full_name or given_name/surname")
        bad = True
    sex = cleaned["sex"].casefold()
    if sex and sex not in _SEX:
        problems.add(line, f"sex '{cleaned['sex']}' is not m, f, male or female")
        bad = True
    calendar = cleaned["death_calendar"].casefold() or default_calendar
    if calendar in {"solar hijri", "shamsi", "persian", "hijri shamsi"}:
        calendar = "jalali"
    if calendar and calendar not in CALENDARS:
        problems.add(
            line, f"death_calendar '{cleaned['death_calendar']}' is not gregorian or jalali"
        )
        bad = True
        calendar = ""
    birth_lo = birth_hi = None
    if cleaned["birth_year"]:
        try:
            birth_lo, birth_hi = birth_year_interval(
                cleaned["birth_year"].translate(_DIGITS), calendar
            )
        except ValueError as exc:
            problems.add(line, f"birth_year: {exc}")
            bad = True
    death = None
    if cleaned["death_date"]:
        try:
            death = parse_date(cleaned["death_date"], calendar)
        except ValueError as exc:
            problems.add(line, f"death_date: {exc}")
            bad = True
    if bad:
        return None
    return Record(
        record_id=cleaned["record_id"],
        list=cleaned["list"],
        full_name=cleaned["full_name"],
        given_name=cleaned["given_name"],
        surname=cleaned["surname"],
        father_name=cleaned["father_name"],
        sex=_SEX.get(sex, ""),
        birth_year=cleaned["birth_year"],
        city=cleaned["city"],
        prison=cleaned["prison"],
        death_date=cleaned["death_date"],
        death_calendar=calendar_name(death) if death is not None else calendar,
        birth_lo=birth_lo,
        birth_hi=birth_hi,
        death=death,
    )
