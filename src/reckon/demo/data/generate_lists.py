"""Write the demo case's fictional ground truth and its four victim lists.

Every person here is invented: given names and surnames are common Iranian
names combined at random from a fixed seed. The documents in ``documents/``
name the *featured* persons defined below, so those are written out by hand;
the rest are drawn from the name pools.

Run ``python -m reckon.demo.data.generate_lists`` to rewrite the CSV files in
this folder (``--out DIR`` writes them elsewhere). The output depends only on
``SEED`` and this file, so regenerating gives identical bytes; a test checks it.

Files written:

- ``persons.csv``: the ground truth, one row per fictional victim;
- ``lists/families_association.csv``: Persian script, Solar Hijri dates and
  birth years, Persian column headers, UTF-8 with a byte-order mark;
- ``lists/mehr_ngo.csv``: Latin names in one romanization habit, ISO dates;
- ``lists/nff_opposition.csv``: another habit, full name only, noisy;
- ``lists/exile_tribune.csv``: a newspaper's copy of part of the opposition list;
- ``truth.csv``: for every list row, the person it names.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

SEED = 1988
N_PERSONS = 150
HERE = Path(__file__).resolve().parent

# Real victims and witnesses named in the seed article; a demo must never reproduce them.
FORBIDDEN_NAMES = ("ali saremi", "jafar kazemi", "haj-aghaie", "haj aghaie", "hajaghaie")

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ZWNJ = "\u200c"


@dataclass(frozen=True)
class Name:
    """One name as the NGO writes it, as the opposition group writes it, and in Persian."""

    ngo: str
    opp: str
    fa: str


def _names(rows: Sequence[tuple[str, str, str]]) -> tuple[Name, ...]:
    return tuple(Name(*row) for row in rows)


MALE = _names(
    [
        ("Ali", "Ali", "علی"),
        ("Hossein", "Hosein", "حسین"),
        ("Hassan", "Hasan", "حسن"),
        ("Mohammad", "Muhammad", "محمد"),
        ("Mohammad-Reza", "Muhammad Reza", "محمدرضا"),
        ("Mohammad-Ali", "Muhammad Ali", "محمدعلی"),
        ("Gholam-Hossein", "Gholamhosein", "غلامحسین"),
        ("Gholam-Reza", "Gholamreza", "غلامرضا"),
        ("Reza", "Reza", "رضا"),
        ("Mehdi", "Mahdi", "مهدی"),
        ("Mahmoud", "Mahmood", "محمود"),
        ("Abbas", "Abbas", "عباس"),
        ("Javad", "Javad", "جواد"),
        ("Majid", "Majeed", "مجید"),
        ("Saeed", "Said", "سعید"),
        ("Masoud", "Masood", "مسعود"),
        ("Behrouz", "Behrooz", "بهروز"),
        ("Farhad", "Farhad", "فرهاد"),
        ("Nasser", "Naser", "ناصر"),
        ("Davoud", "Davood", "داوود"),
        ("Karim", "Kareem", "کریم"),
        ("Jamshid", "Jamsheed", "جمشید"),
        ("Bijan", "Bijan", "بیژن"),
        ("Kazem", "Kazem", "کاظم"),
        ("Mostafa", "Mustafa", "مصطفی"),
        ("Akbar", "Akbar", "اکبر"),
        ("Asghar", "Asghar", "اصغر"),
        ("Rahim", "Raheem", "رحیم"),
        ("Manouchehr", "Manuchehr", "منوچهر"),
        ("Siamak", "Siyamak", "سیامک"),
        ("Abdollah", "Abdullah", "عبدالله"),
        ("Amir", "Ameer", "امیر"),
        ("Esmail", "Ismail", "اسماعیل"),
        ("Yadollah", "Yadullah", "یدالله"),
        ("Nasrollah", "Nasrullah", "نصرالله"),
        ("Gholam-Ali", "Gholamali", "غلامعلی"),
    ]
)
# The first names are drawn more often: many distinct men share Ali, Hossein and Mohammad.
MALE_WEIGHTS = [8, 7, 5, 7, 4, 3, 2, 2, 4] + [2] * (len(MALE) - 9)

FEMALE = _names(
    [
        ("Fatemeh", "Fatima", "فاطمه"),
        ("Maryam", "Mariam", "مریم"),
        ("Zahra", "Zahra", "زهرا"),
        ("Mahin", "Maheen", "مهین"),
        ("Shahla", "Shahla", "شهلا"),
        ("Roya", "Roya", "رویا"),
        ("Parvaneh", "Parvane", "پروانه"),
        ("Soheila", "Soheyla", "سهیلا"),
        ("Ashraf", "Ashraf", "اشرف"),
        ("Fereshteh", "Fereshte", "فرشته"),
        ("Nahid", "Naheed", "ناهید"),
        ("Mojgan", "Mozhgan", "مژگان"),
    ]
)

SURNAMES = _names(
    [
        ("Mohammadi", "Muhammadee", "محمدی"),
        ("Ahmadi", "Ahmady", "احمدی"),
        ("Hosseini", "Hoseyni", "حسینی"),
        ("Rezaei", "Rezaee", "رضایی"),
        ("Karimi", "Kareemy", "کریمی"),
        ("Sadeghi", "Sadeqi", "صادقی"),
        ("Rahimi", "Raheemy", "رحیمی"),
        ("Jafari", "Jafary", "جعفری"),
        ("Ghasemi", "Qasemi", "قاسمی"),
        ("Moradi", "Moradee", "مرادی"),
        ("Heidari", "Heydari", "حیدری"),
        ("Alavi", "Alavy", "علوی"),
        ("Rostami", "Rostamy", "رستمی"),
        ("Ebrahimi", "Ibrahimi", "ابراهیمی"),
        ("Hashemi", "Hashemy", "هاشمی"),
        ("Soltani", "Soltany", "سلطانی"),
        ("Bagheri", "Baqeri", "باقری"),
        ("Abbasi", "Abbasy", "عباسی"),
        ("Yazdani", "Yazdany", "یزدانی"),
        ("Amini", "Ameeni", "امینی"),
        ("Najafi", "Najafy", "نجفی"),
        ("Fallahi", "Falahi", "فلاحی"),
        ("Ansari", "Ansary", "انصاری"),
        ("Mousavi", "Moosavi", "موسوی"),
        ("Zamani", "Zamany", "زمانی"),
        ("Safari", "Safary", "صفری"),
        ("Ghorbani", "Qorbani", "قربانی"),
        ("Salehi", "Salehy", "صالحی"),
        ("Hassanzadeh", "Hasan-Zadeh", "حسن‌زاده"),
        ("Karimzadeh", "Karim-Zade", "کریم‌زاده"),
        ("Alizadeh", "Ali-Zadeh", "علی‌زاده"),
        ("Rahimzadeh", "Rahim-Zadeh", "رحیم‌زاده"),
        ("Taghizadeh", "Taqizadeh", "تقی‌زاده"),
        ("Nourizadeh", "Noorizadeh", "نوری‌زاده"),
        ("Mirzazadeh", "Mirza-Zadeh", "میرزازاده"),
    ]
)
SURNAME_WEIGHTS = [7, 6, 5, 4, 3] + [2] * (len(SURNAMES) - 5)
# Surnames whose bearers often carry the Seyed honorific.
SEYED_SURNAMES = {"Hosseini", "Mousavi", "Alavi", "Hashemi"}

SEYED = Name("Seyed", "Sayyed", "سید")
HAJ = Name("Haj", "Hajj", "حاج")


@dataclass(frozen=True)
class Place:
    """A city with its prison(s), in both habits and Persian."""

    city: Name
    prisons: tuple[Name, ...]


EVIN = Name("Evin", "Evin", "اوین")
GOHARDASHT = Name("Gohardasht", "Gohar Dasht", "گوهردشت")
PLACES = (
    Place(Name("Tehran", "Tehran", "تهران"), (EVIN, GOHARDASHT)),
    Place(Name("Karaj", "Karaj", "کرج"), (GOHARDASHT, EVIN)),
    Place(Name("Mashhad", "Mashad", "مشهد"), (Name("Vakilabad", "Vakil Abad", "وکیل‌آباد"),)),
    Place(Name("Isfahan", "Esfahan", "اصفهان"), (Name("Dastgerd", "Dastgerd", "دستگرد"),)),
    Place(Name("Shiraz", "Shiraz", "شیراز"), (Name("Adelabad", "Adel Abad", "عادل‌آباد"),)),
    Place(
        Name("Tabriz", "Tabriz", "تبریز"),
        (Name("Tabriz Central Prison", "Tabriz Prison", "زندان مرکزی تبریز"),),
    ),
    Place(Name("Rasht", "Rasht", "رشت"), (Name("Lakan", "Lakan", "لاکان"), GOHARDASHT)),
    Place(
        Name("Kermanshah", "Kermanshah", "کرمانشاه"), (Name("Dizelabad", "Dizel Abad", "دیزل‌آباد"),)
    ),
    Place(Name("Ahvaz", "Ahwaz", "اهواز"), (Name("Karun", "Karoon", "کارون"),)),
    Place(Name("Qom", "Qum", "قم"), (EVIN,)),
    Place(Name("Hamedan", "Hamadan", "همدان"), (EVIN, GOHARDASHT)),
    Place(Name("Babol", "Babul", "بابل"), (GOHARDASHT,)),
)
PLACE_WEIGHTS = [30, 10, 10, 8, 6, 6, 6, 5, 5, 3, 3, 3]
CITY = {p.city.ngo: p.city for p in PLACES}
PRISON = {pr.ngo: pr for p in PLACES for pr in p.prisons}

KHAVARAN = Name("Khavaran", "Khavaran", "خاوران")
BEHESHT_ZAHRA = Name("Behesht-e Zahra", "Behesht Zahra", "بهشت زهرا")

# Political affiliations are fictional parties; they stand in for the real currents of 1988.
NFF = Name("National Freedom Front", "NFF", "جبهه آزادی ملی")
WUP = Name("Workers' Unity Party", "leftist", "حزب وحدت کارگران")
UNKNOWN = Name("unknown", "", "")
AFFILIATIONS = {"nff": NFF, "wup": WUP, "unknown": UNKNOWN}


@dataclass(frozen=True)
class Person:
    """One fictional victim as the ground truth knows them."""

    person_id: str
    given: Name
    surname: Name
    father: Name
    sex: str  # "M" or "F"
    birth_year: int  # Gregorian
    city: str  # key of CITY
    prison: str  # key of PRISON
    death_date: dt.date
    precision: str  # "day" or "month"
    burial: Name | None
    affiliation: str  # key of AFFILIATIONS
    honorific: Name | None = None
    # Born between 1 January and 20 March: the Solar Hijri year is one less than usual.
    born_early: bool = False
    # Which lists name this person, fixed for featured persons, drawn for the rest.
    lists: tuple[str, ...] | None = None
    featured: bool = False


def _n(pool: Sequence[Name], ngo: str) -> Name:
    return next(n for n in pool if n.ngo == ngo)


def _featured() -> list[Person]:
    """The persons the documents talk about; change them only together with the documents."""
    m, s = MALE, SURNAMES
    d = dt.date
    rows = [
        # Two different men called Ali Mohammadi.
        Person("P001", _n(m, "Ali"), _n(s, "Mohammadi"), _n(m, "Hassan"), "M", 1960, "Tehran",
               "Gohardasht", d(1988, 7, 30), "day", KHAVARAN, "nff", lists=("fa", "ngo", "opp")),
        Person("P002", _n(m, "Ali"), _n(s, "Mohammadi"), _n(m, "Abbas"), "M", 1955, "Isfahan",
               "Dastgerd", d(1988, 8, 5), "day", None, "nff", lists=("ngo", "opp")),
        # Two different men called Hossein Ahmadi.
        Person("P003", _n(m, "Hossein"), _n(s, "Ahmadi"), _n(m, "Mahmoud"), "M", 1962, "Tehran",
               "Evin", d(1988, 8, 10), "day", KHAVARAN, "nff", lists=("fa", "ngo", "opp")),
        Person("P004", _n(m, "Hossein"), _n(s, "Ahmadi"), _n(m, "Karim"), "M", 1958, "Mashhad",
               "Vakilabad", d(1988, 8, 12), "month", None, "nff", lists=("ngo", "opp")),
        # Testimony 1 and the Tribune report disagree on when and where he died.
        Person("P005", _n(m, "Mohammad-Reza"), _n(s, "Karimzadeh"), _n(m, "Gholam-Ali"), "M", 1959,
               "Rasht", "Gohardasht", d(1988, 7, 30), "day", None, "nff",
               lists=("fa", "ngo", "opp")),
        Person("P006", _n(m, "Gholam-Hossein"), _n(s, "Sadeghi"), _n(m, "Yadollah"), "M", 1950,
               "Tehran", "Evin", d(1988, 9, 2), "day", KHAVARAN, "wup", lists=("fa", "ngo")),
        # Listed twice by the opposition group.
        Person("P007", _n(m, "Mehdi"), _n(s, "Hosseini"), _n(m, "Javad"), "M", 1963, "Karaj",
               "Gohardasht", d(1988, 8, 1), "day", None, "nff", honorific=SEYED,
               lists=("fa", "ngo", "opp")),
        Person("P008", _n(m, "Abbas"), _n(s, "Rezaei"), _n(m, "Mohammad"), "M", 1934, "Qom", "Evin",
               d(1988, 8, 20), "month", None, "nff", honorific=HAJ, born_early=True,
               lists=("fa", "opp")),
        Person("P009", _n(FEMALE, "Fatemeh"), _n(s, "Rahimi"), _n(m, "Akbar"), "F", 1964, "Tehran",
               "Evin", d(1988, 8, 6), "day", None, "nff", lists=("fa", "ngo", "opp")),
        Person("P010", _n(FEMALE, "Maryam"), _n(s, "Jafari"), _n(m, "Rahim"), "F", 1961, "Tabriz",
               "Tabriz Central Prison", d(1988, 8, 8), "month", None, "nff", lists=("ngo",)),
        # The Tribune says he was released; the NGO report and lists say he was executed.
        Person("P011", _n(m, "Behrouz"), _n(s, "Hassanzadeh"), _n(m, "Nasrollah"), "M", 1957,
               "Mashhad", "Vakilabad", d(1988, 8, 14), "day", None, "nff", lists=("ngo", "opp")),
        # His brother is the witness of testimony 2 (identity to protect).
        Person("P012", _n(m, "Nasser"), _n(s, "Ghasemi"), _n(m, "Ali"), "M", 1956, "Tehran",
               "Gohardasht", d(1988, 9, 5), "day", KHAVARAN, "wup", lists=("fa", "ngo")),
        Person("P013", _n(m, "Reza"), _n(s, "Alizadeh"), _n(m, "Kazem"), "M", 1961, "Rasht", "Lakan",
               d(1988, 9, 8), "month", None, "wup", lists=("fa",)),
        Person("P014", _n(FEMALE, "Zahra"), _n(s, "Moradi"), _n(m, "Esmail"), "F", 1966, "Shiraz",
               "Adelabad", d(1988, 8, 9), "day", None, "nff", lists=("ngo",)),
    ]  # fmt: skip
    return [replace(p, featured=True) for p in rows]


def _random_person(rng: random.Random, number: int) -> Person:
    female = rng.random() < 0.12
    given = rng.choice(FEMALE) if female else rng.choices(MALE, MALE_WEIGHTS)[0]
    surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
    father = rng.choices(MALE, MALE_WEIGHTS)[0]
    place = rng.choices(PLACES, PLACE_WEIGHTS)[0]
    prison = rng.choice(place.prisons)
    birth_year = rng.choice([rng.randint(1952, 1968), rng.randint(1930, 1970)])
    roll = rng.random()
    affiliation = "nff" if roll < 0.68 else "wup" if roll < 0.94 else "unknown"
    if affiliation == "nff":
        day = dt.date(1988, 7, 28) + dt.timedelta(days=rng.randint(0, 24))
    else:
        day = dt.date(1988, 8, 26) + dt.timedelta(days=rng.randint(0, 35))
    # A month-precise date keeps its true day here; each list shows only its own calendar's month.
    precision = "month" if rng.random() < 0.15 else "day"
    burial: Name | None = None
    if prison.ngo in {"Evin", "Gohardasht"}:
        roll = rng.random()
        burial = KHAVARAN if roll < 0.4 else BEHESHT_ZAHRA if roll < 0.5 else None
    honorific = None
    if not female and surname.ngo in SEYED_SURNAMES and rng.random() < 0.5:
        honorific = SEYED
    elif not female and birth_year < 1940 and rng.random() < 0.5:
        honorific = HAJ
    return Person(
        person_id=f"P{number:03d}",
        given=given,
        surname=surname,
        father=father,
        sex="F" if female else "M",
        birth_year=birth_year,
        city=place.city.ngo,
        prison=prison.ngo,
        death_date=day,
        precision=precision,
        burial=burial,
        affiliation=affiliation,
        honorific=honorific,
        born_early=rng.random() < 0.2,
    )


def make_persons(rng: random.Random) -> list[Person]:
    """The ground truth: the featured persons, then random ones until there are N_PERSONS."""
    persons = _featured()
    seen = {(p.given, p.surname, p.father, p.birth_year) for p in persons}
    while len(persons) < N_PERSONS:
        person = _random_person(rng, len(persons) + 1)
        key = (person.given, person.surname, person.father, person.birth_year)
        if key in seen:
            continue
        seen.add(key)
        persons.append(person)
    return persons


def assign_lists(rng: random.Random, persons: list[Person]) -> list[Person]:
    """Decide who each list names, with the dependence a real documentation effort has.

    A person's visibility (how known the family is) raises every list's chance of
    naming them; the NGO drew on the families' association, and the opposition
    group names mostly its own supporters. Some persons are named by no list.
    """
    out = []
    for p in persons:
        if p.lists is not None:
            out.append(p)
            continue
        visibility = rng.random()
        capital = p.city in {"Tehran", "Karaj"}
        names: list[str] = []
        if rng.random() < 0.25 + 0.25 * capital + 0.3 * visibility:
            names.append("fa")
        if rng.random() < 0.25 + 0.3 * visibility + 0.2 * ("fa" in names):
            names.append("ngo")
        p_opp = {"nff": 0.45 + 0.35 * visibility, "wup": 0.04, "unknown": 0.1}[p.affiliation]
        if rng.random() < p_opp:
            names.append("opp")
        out.append(replace(p, lists=tuple(names)))
    return out


# --- dates ------------------------------------------------------------------------------

JALALI_1367 = dt.date(1988, 3, 21)  # 1 Farvardin 1367
JALALI_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip


def to_jalali(day: dt.date) -> tuple[int, int, int]:
    """Convert a Gregorian date of Solar Hijri year 1367 (21 Mar 1988 to 20 Mar 1989)."""
    offset = (day - JALALI_1367).days
    if not 0 <= offset < 365:
        raise ValueError(f"{day} is outside Solar Hijri 1367; extend to_jalali first")
    if offset < 6 * 31:
        return 1367, offset // 31 + 1, offset % 31 + 1
    offset -= 6 * 31
    return 1367, offset // 30 + 7, offset % 30 + 1


def jalali_birth_year(p: Person) -> int:
    return p.birth_year - 622 if p.born_early else p.birth_year - 621


# --- rendering one person in each list's habit ---------------------------------------------

ARABIC_VARIANTS = str.maketrans({"ی": "ي", "ک": "ك"})


def _fa_given(p: Person) -> str:
    return f"{p.honorific.fa} {p.given.fa}" if p.honorific else p.given.fa


def _opp_given(p: Person) -> str:
    return f"{p.honorific.opp} {p.given.opp}" if p.honorific else p.given.opp


def _ngo_given(p: Person) -> str:
    return f"{p.honorific.ngo} {p.given.ngo}" if p.honorific else p.given.ngo


def _typo(rng: random.Random, word: str) -> str:
    """Swap two adjacent letters or drop one, as a hurried typist does."""
    if len(word) < 5:
        return word
    i = rng.randint(1, len(word) - 3)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i + 1 :]


FA_HEADER = [
    "ردیف", "نام", "نام خانوادگی", "نام پدر", "جنسیت", "سال تولد",
    "شهر", "زندان", "تاریخ اعدام", "محل دفن", "وابستگی",
]  # fmt: skip


def families_row(rng: random.Random, number: int, p: Person) -> list[str]:
    given, surname = _fa_given(p), p.surname.fa
    if rng.random() < 0.25:
        # Compound names are written joined, split by a space, or with a ZWNJ.
        given = given.replace("محمدرضا", "محمد رضا").replace("غلامحسین", "غلام‌حسین")
        surname = surname.replace(ZWNJ, " ")
    persian_digits = rng.random() < 0.6
    y, mo, da = to_jalali(p.death_date)
    date = f"{JALALI_MONTHS[mo - 1]} {y}" if p.precision == "month" else f"{y}/{mo:02d}/{da:02d}"
    birth = str(jalali_birth_year(p)) if rng.random() < 0.85 else ""
    affiliation = AFFILIATIONS[p.affiliation].fa if rng.random() < 0.4 else ""
    row = [
        str(number),
        given,
        surname,
        p.father.fa if rng.random() < 0.9 else "",
        "مرد" if p.sex == "M" else "زن",
        birth,
        CITY[p.city].fa,
        PRISON[p.prison].fa,
        date,
        p.burial.fa if p.burial else "",
        affiliation,
    ]
    if persian_digits:
        row = [cell.translate(PERSIAN_DIGITS) for cell in row]
    if rng.random() < 0.1:
        # Typed on a keyboard with Arabic yeh and kaf.
        row = [cell.translate(ARABIC_VARIANTS) for cell in row]
    return row


NGO_HEADER = [
    "record_no", "first_name", "last_name", "father", "gender", "born",
    "home_town", "prison", "executed_on", "burial", "political_affiliation",
]  # fmt: skip


def ngo_row(rng: random.Random, number: int, p: Person) -> list[str]:
    date = p.death_date.strftime("%Y-%m") if p.precision == "month" else p.death_date.isoformat()
    return [
        f"MDC-{number:04d}",
        _ngo_given(p),
        p.surname.ngo,
        p.father.ngo if rng.random() < 0.8 else "",
        "male" if p.sex == "M" else "female",
        str(p.birth_year) if rng.random() < 0.85 else "",
        p.city,
        p.prison,
        date,
        p.burial.ngo if p.burial else "",
        AFFILIATIONS[p.affiliation].ngo,
    ]


OPP_HEADER = [
    "no",
    "name",
    "father_name",
    "year_of_birth",
    "city",
    "prison",
    "date",
    "organisation",
]


def opp_row(rng: random.Random, number: int, p: Person) -> list[str]:
    given, surname = _opp_given(p), p.surname.opp
    if rng.random() < 0.08:
        surname = _typo(rng, surname)
    full = f"{surname}, {given}" if rng.random() < 0.15 else f"{given} {surname}"
    birth = ""
    if rng.random() < 0.7:
        birth = str(p.birth_year + (rng.choice([-1, 1]) if rng.random() < 0.2 else 0))
    if p.precision == "month" or rng.random() < 0.05:
        date = p.death_date.strftime("%b %Y")
    else:
        date = f"{p.death_date.day} {p.death_date.strftime('%b %Y')}"
    if rng.random() < 0.2:
        date = ""
    # The group counts as its own some victims that other sources call leftist.
    organisation = "supporter" if p.affiliation == "nff" else ""
    if p.affiliation == "nff" and rng.random() < 0.3:
        organisation = "member"
    if p.affiliation == "wup":
        organisation = "supporter" if rng.random() < 0.3 else "leftist"
    return [
        str(number),
        full,
        p.father.opp if rng.random() < 0.6 else "",
        birth,
        CITY[p.city].opp if rng.random() < 0.85 else "",
        PRISON[p.prison].opp,
        date,
        organisation,
    ]


TRIBUNE_HEADER = ["Name", "Hometown", "Prison", "Date of execution"]


def tribune_row(opp: list[str]) -> list[str]:
    """The newspaper copies name, city, prison and date from the opposition list."""
    return [opp[1], opp[4], opp[5], opp[6]]


# --- writing ---------------------------------------------------------------------------------


def _csv_bytes(header: list[str], rows: list[list[str]], bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


PERSONS_HEADER = [
    "person_id", "honorific", "given_name", "surname", "given_name_fa", "surname_fa",
    "father_name", "father_name_fa", "sex", "birth_year", "city", "prison", "death_date",
    "death_precision", "burial", "affiliation", "lists", "featured",
]  # fmt: skip


def _person_row(p: Person) -> list[str]:
    date = p.death_date.strftime("%Y-%m") if p.precision == "month" else p.death_date.isoformat()
    return [
        p.person_id,
        p.honorific.ngo if p.honorific else "",
        p.given.ngo,
        p.surname.ngo,
        p.given.fa,
        p.surname.fa,
        p.father.ngo,
        p.father.fa,
        p.sex,
        str(p.birth_year),
        p.city,
        p.prison,
        date,
        p.precision,
        p.burial.ngo if p.burial else "",
        AFFILIATIONS[p.affiliation].ngo,
        " ".join(p.lists or ()),
        "yes" if p.featured else "",
    ]


def build(seed: int = SEED) -> dict[str, bytes]:
    """Every generated file, by path relative to this folder."""
    # Not for secrets: a seeded generator is what makes the demo data reproducible.
    rng = random.Random(seed)  # noqa: S311
    persons = assign_lists(rng, make_persons(rng))
    for p in persons:
        text = f"{p.given.ngo} {p.surname.ngo}".lower()
        if any(bad in text for bad in FORBIDDEN_NAMES):
            raise ValueError(f"{p.person_id} reproduces a real name; change the pools")
    # Lists order their rows differently: families by surname, the NGO by date, the group at random.
    by_list = {
        name: [p for p in persons if name in (p.lists or ())] for name in ("fa", "ngo", "opp")
    }
    by_list["fa"].sort(key=lambda p: (p.surname.fa, p.given.fa))
    by_list["ngo"].sort(key=lambda p: (p.death_date, p.person_id))
    rng.shuffle(by_list["opp"])
    # The opposition group listed one person twice, under two spellings.
    duplicate = next(p for p in by_list["opp"] if p.person_id == "P007")
    by_list["opp"].insert(len(by_list["opp"]) - 3, duplicate)

    truth: list[list[str]] = []
    fa_rows = []
    for i, p in enumerate(by_list["fa"], 1):
        row = families_row(rng, i, p)
        fa_rows.append(row)
        truth.append(["families_association", str(i), row[0], p.person_id])
    ngo_rows = []
    for i, p in enumerate(by_list["ngo"], 1):
        row = ngo_row(rng, i, p)
        ngo_rows.append(row)
        truth.append(["mehr_ngo", str(i), row[0], p.person_id])
    opp_rows = []
    tribune_rows = []
    for i, p in enumerate(by_list["opp"], 1):
        row = opp_row(rng, i, p)
        opp_rows.append(row)
        truth.append(["nff_opposition", str(i), row[0], p.person_id])
        if rng.random() < 0.45:
            tribune_rows.append(tribune_row(row))
            truth.append(["exile_tribune", str(len(tribune_rows)), "", p.person_id])

    return {
        "persons.csv": _csv_bytes(PERSONS_HEADER, [_person_row(p) for p in persons]),
        "lists/families_association.csv": _csv_bytes(FA_HEADER, fa_rows, bom=True),
        "lists/mehr_ngo.csv": _csv_bytes(NGO_HEADER, ngo_rows),
        "lists/nff_opposition.csv": _csv_bytes(OPP_HEADER, opp_rows),
        "lists/exile_tribune.csv": _csv_bytes(TRIBUNE_HEADER, tribune_rows),
        "truth.csv": _csv_bytes(["list", "row", "record_id", "person_id"], truth),
    }


def write(out: Path, seed: int = SEED) -> list[Path]:
    """Write every generated file under ``out`` and return their paths."""
    written = []
    for name, data in build(seed).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    for path in write(args.out, args.seed):
        print(path)


if __name__ == "__main__":
    main()
