"""Synthetic victim lists with known truth, for tests, benchmarks and examples.

`generate` draws a population of fictional people (common given names and
surnames combined, so many distinct people share a name) and writes several
overlapping lists of them the way real lists differ: Persian script or one of
several Latin romanization habits, Solar Hijri or Gregorian dates, typos,
missing fields, birth years off by one or two, given name and surname swapped,
compound names split or joined, and lists that copy another list.
"""

from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from reckon.extract.dates import gregorian_to_solar_hijri
from reckon.link.fields import CSV_COLUMNS
from reckon.link.namebank import CITIES, GIVEN_FEMALE, GIVEN_MALE, PRISONS, SURNAMES

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_LETTERS = str.maketrans("یک", "يك")
_DEATHS_START = date(1988, 7, 27)

# Romanization habits: (pattern, replacement, probability that a name uses it).
HABITS: dict[str, tuple[tuple[str, str, float], ...]] = {
    "english": (),
    "simple": (
        (r"([bcdfghjklmnpqrstvz])\1", r"\1", 0.8),
        (r"ou", "u", 0.6),
        (r"i$", "y", 0.4),
        (r"eh$", "e", 0.5),
        (r"zadeh", "zade", 0.7),
        (r"ei", "ey", 0.5),
    ),
    "french": (
        (r"sh", "ch", 0.8),
        (r"(?<!d)j", "dj", 0.8),
        (r"u", "ou", 0.5),
        (r"ee", "i", 0.8),
        (r"ss", "s", 0.3),
        (r"i$", "y", 0.2),
    ),
    "scholarly": (
        (r"gh", "q", 0.7),
        (r"ou", "u", 0.8),
        (r"moh", "muh", 0.6),
        (r"v", "w", 0.3),
        (r"eh$", "a", 0.5),
        (r"ei", "ay", 0.4),
        (r"kh", "x", 0.2),
    ),
}


@dataclass(frozen=True)
class ListSpec:
    """How one synthetic list names and dates people."""

    name: str
    script: str  # "fa" or "latin"
    habit: str = "english"
    calendar: str = "gregorian"
    capture: float = 0.5
    full_name_only: bool = False
    father_rate: float = 0.5
    birth_rate: float = 0.7
    place_rate: float = 0.8
    date_rate: float = 0.8
    typo_rate: float = 0.05
    swap_rate: float = 0.03
    derived_from: str | None = None
    copy_rate: float = 0.0


DEFAULT_LISTS: tuple[ListSpec, ...] = (
    ListSpec("fa_list", "fa", calendar="jalali", capture=0.55, father_rate=0.8),
    ListSpec("ngo_english", "latin", "english", capture=0.5),
    ListSpec("ngo_french", "latin", "french", capture=0.4, full_name_only=True),
    ListSpec("report_scholarly", "latin", "scholarly", calendar="gregorian", capture=0.45),
)


@dataclass
class Person:
    person_id: str
    given: int
    surname: int
    father: int
    sex: str
    birth_year: int
    birth_before_nowruz: bool
    city: int
    prison: int
    death: date


@dataclass
class SynthData:
    """Generated records (standalone CSV rows) and which person each names."""

    rows: list[dict[str, str]] = field(default_factory=list)
    truth: dict[str, str] = field(default_factory=dict)
    lists: tuple[ListSpec, ...] = ()

    def write(self, folder: Path) -> None:
        """Write records.csv, truth.csv (record_id, person_id) and lists.json."""
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "records.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(self.rows)
        with (folder / "truth.csv").open("w", encoding="utf-8", newline="") as out:
            writer2 = csv.writer(out)
            writer2.writerow(["record_id", "person_id"])
            writer2.writerows(self.truth.items())
        (folder / "lists.json").write_text(
            json.dumps([asdict(spec) for spec in self.lists], indent=2), encoding="utf-8"
        )


def _zipf_weights(n: int, s: float) -> list[float]:
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


def _population(n: int, rng: random.Random) -> list[Person]:
    male_w = _zipf_weights(len(GIVEN_MALE), 0.8)
    female_w = _zipf_weights(len(GIVEN_FEMALE), 0.8)
    surname_w = _zipf_weights(len(SURNAMES), 0.6)
    city_w = [w for _, _, w in CITIES]
    people = []
    for index in range(n):
        sex = "f" if rng.random() < 0.1 else "m"
        given_w = female_w if sex == "f" else male_w
        given = rng.choices(range(len(given_w)), given_w)[0]
        city = rng.choices(range(len(CITIES)), city_w)[0]
        local = [i for i, (_, _, c) in enumerate(PRISONS) if c == city]
        prison = local[0] if local and rng.random() < 0.7 else rng.choice((0, 1, 1, 2))
        people.append(
            Person(
                person_id=f"P{index:07d}",
                given=given,
                surname=rng.choices(range(len(SURNAMES)), surname_w)[0],
                father=rng.choices(range(len(GIVEN_MALE)), male_w)[0],
                sex=sex,
                birth_year=rng.randint(1930, 1970),
                birth_before_nowruz=rng.random() < 0.22,
                city=city,
                prison=prison,
                death=_DEATHS_START + timedelta(days=rng.randint(0, 60)),
            )
        )
    return people


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.4:
        return text[:i] + text[i + 1 :]
    if kind < 0.7:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + text[i] + text[i:]


def _latin(canonical: str, habit: str, rng: random.Random) -> str:
    parts = canonical.split("-")
    style = rng.random()
    words = [p.lower() for p in parts]
    if len(words) > 1 and style < 0.55:
        words = ["".join(words)]
    joiner = "-" if style < 0.8 else " "
    out = []
    for word in words:
        for pattern, replacement, probability in HABITS[habit]:
            if rng.random() < probability:
                word = re.sub(pattern, replacement, word)
        out.append(word.capitalize())
    return joiner.join(out)


def _persian(text: str, rng: random.Random, arabic_keyboard: bool) -> str:
    if "\u200c" in text:
        text = text.replace("\u200c", rng.choice(("\u200c", " ", "")))
    if arabic_keyboard:
        text = text.translate(_ARABIC_LETTERS)
    return text


def _jalali_year(year: int, before_nowruz: bool) -> int:
    return year - 622 if before_nowruz else year - 621


def _format_date(day: date, spec: ListSpec, rng: random.Random) -> str:
    if rng.random() < 0.05:
        day = day + timedelta(days=rng.choice((-3, -1, 1, 2)))
    precision = rng.random()
    if spec.calendar == "jalali":
        year, month, dom = gregorian_to_solar_hijri(day)
        text = f"{year}/{month:02d}/{dom:02d}" if precision < 0.85 else f"{year}/{month:02d}"
        return text.translate(_PERSIAN_DIGITS) if rng.random() < 0.5 else text
    if precision < 0.85:
        return day.isoformat() if rng.random() < 0.6 else f"{day.day} {day:%B} {day.year}"
    return f"{day.year}-{day.month:02d}"


def _render(person: Person, spec: ListSpec, record_id: str, rng: random.Random) -> dict[str, str]:
    given_table = GIVEN_FEMALE if person.sex == "f" else GIVEN_MALE
    fa = spec.script == "fa"
    arabic = fa and rng.random() < 0.2

    def name(entry: tuple[str, str]) -> str:
        text = _persian(entry[0], rng, arabic) if fa else _latin(entry[1], spec.habit, rng)
        return _typo(text, rng) if rng.random() < spec.typo_rate else text

    given = name(given_table[person.given])
    surname = name(SURNAMES[person.surname])
    if rng.random() < spec.swap_rate:
        given, surname = surname, given
    row = dict.fromkeys(CSV_COLUMNS, "")
    row["record_id"] = record_id
    row["list"] = spec.name
    if spec.full_name_only:
        comma = rng.random() < 0.3 and not fa
        row["full_name"] = f"{surname}, {given}" if comma else f"{given} {surname}"
    else:
        row["given_name"], row["surname"] = given, surname
    if rng.random() < spec.father_rate:
        row["father_name"] = name(GIVEN_MALE[person.father])
    if rng.random() < 0.6:
        row["sex"] = person.sex
    if rng.random() < spec.birth_rate:
        year = person.birth_year
        noise = rng.random()
        year += rng.choice((-1, 1)) if noise < 0.08 else rng.choice((-2, 2)) if noise < 0.11 else 0
        if spec.calendar == "jalali":
            year = _jalali_year(year, person.birth_before_nowruz)
            text = str(year)
            row["birth_year"] = text.translate(_PERSIAN_DIGITS) if rng.random() < 0.5 else text
        else:
            row["birth_year"] = str(year)
    if rng.random() < spec.place_rate:
        fa_city, en_city, _ = CITIES[person.city]
        row["city"] = fa_city if fa else _latin(en_city, spec.habit, rng)
    if rng.random() < spec.place_rate:
        fa_prison, en_prison, _ = PRISONS[person.prison]
        row["prison"] = fa_prison if fa else _latin(en_prison, spec.habit, rng)
    if rng.random() < spec.date_rate:
        row["death_date"] = _format_date(person.death, spec, rng)
        row["death_calendar"] = spec.calendar
    return row


def generate(
    n_people: int,
    lists: tuple[ListSpec, ...] = DEFAULT_LISTS,
    seed: int = 1988,
) -> SynthData:
    """Draw ``n_people`` fictional victims and the records each list makes of them.

    Capture is heterogeneous: people held in Tehran's prisons are likelier to be
    listed. A list with ``derived_from`` copies ``copy_rate`` of its parent's
    records (spelling and all) besides its own captures.
    """
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    people = _population(n_people, rng)
    data = SynthData(lists=lists)
    by_list: dict[str, list[tuple[Person, dict[str, str]]]] = {}
    for spec in lists:
        made: list[tuple[Person, dict[str, str]]] = []
        copied: set[str] = set()
        if spec.derived_from is not None:
            for person, parent_row in by_list[spec.derived_from]:
                if rng.random() < spec.copy_rate:
                    row = dict(parent_row, record_id=f"{spec.name}-{len(made) + 1}", list=spec.name)
                    made.append((person, row))
                    copied.add(person.person_id)
        for person in people:
            boost = 1.25 if person.prison in (0, 1) else 0.85
            if person.person_id in copied or rng.random() >= min(0.95, spec.capture * boost):
                continue
            made.append((person, _render(person, spec, f"{spec.name}-{len(made) + 1}", rng)))
        # Lists do contain duplicates, but rarely.
        for person, _row in list(made):
            if rng.random() < 0.005:
                made.append((person, _render(person, spec, f"{spec.name}-{len(made) + 1}", rng)))
        by_list[spec.name] = made
        for person, row in made:
            data.rows.append(row)
            data.truth[row["record_id"]] = person.person_id
    return data
