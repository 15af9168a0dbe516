"""Mentions: spans of a text that name a person, a place, an organisation or a date.

Four finders, in order of trust, each keeping what an earlier one left free:

1. dates (`reckon.extract.dates`), in both calendars and scripts;
2. gazetteers: built-in places and organisations, and the workspace's known people
   and places;
3. name patterns: an optional honorific and a common Iranian given name followed by
   a capitalised surname (Latin) or another word (Persian), which the English
   model often misses or calls an organisation;
4. spaCy's entities (English text only): PERSON; GPE, LOC and FAC as places; ORG.

Then a later bare given name or surname of a person already named in full
("Iraj", "Karimzadeh") becomes a mention of that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from reckon.extract.dates import DateValue, find_dates
from reckon.extract.gazetteer import Gazetteer, builtin_gazetteer, given_names, name_key
from reckon.extract.text import FOLD_LETTERS, is_persian

__all__ = ["Mention", "MentionType", "find_mentions", "normalize_person"]


class MentionType(StrEnum):
    PERSON = "PERSON"
    PLACE = "PLACE"
    ORG = "ORG"
    DATE = "DATE"


@dataclass(frozen=True)
class Mention:
    """One span of the text and what it names."""

    type: MentionType
    text: str
    start: int
    end: int
    normalized: str
    finder: str  # date, gazetteer, pattern, spacy, alias
    kind: str | None = None  # for places: prison, cemetery, city, country
    ref: str | None = None  # a workspace id when the gazetteer knew it
    date: DateValue | None = field(default=None, compare=False)
    full_name: str | None = None  # for a person: the fullest form seen in the text

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "normalized": self.normalized,
        }


HONORIFICS_LATIN = (
    "Seyed",
    "Seyyed",
    "Sayyed",
    "Sayed",
    "Sayyid",
    "Haj",
    "Hajj",
    "Haji",
    "Hajji",
    "Mirza",
    "Sheikh",
)
HONORIFICS_PERSIAN = ("سید", "حاج", "حاجی", "میرزا", "شیخ")


# Words that can follow a Persian given name but are not a surname.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


PERSIAN_STOP = _word_set(
    "و را در به از که با این آن او من ما شما آنها بود بودند شد شدند است را، پسر دختر فرزند "
    "برادر خواهر پدر مادر همسر روز سال ماه هم نیز هرگز دیگر کجا چه تا اعدام زندان بند "
    "گفت گفتند دادند بردند کردند آزاد دستگیر بازداشت منتقل دفن ساک خبری "
    "پیش پس بعد قبل هنوز همیشه هیچ همه خود اما ولی ترک مدتی چندی بعدها سپس اهل"
)  # fmt: skip
_LATIN_STOP = _word_set(
    "The A An In On At From To Of And But He She They His Her It We I Our Their This That "
    "Prison Street Square Road University Hospital Court"
)

_PERSIAN_LETTER = "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]"
_PERSIAN_WORD = rf"{_PERSIAN_LETTER}(?:{_PERSIAN_LETTER}|\u200c)*"
# Between the words of a name: spaces, or one line break (hard-wrapped text), never a blank line.
_SP = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"
_LATIN_CAP = r"[A-Z][a-zA-Z'’]*(?:-[A-Za-z][a-zA-Z'’]*)*"


def normalize_person(text: str) -> str:
    """A name in Latin script: transliterated from Persian when the names module is there."""
    clean = re.sub(r"\s+", " ", text).strip()
    if not is_persian(clean):
        return clean
    try:
        from reckon.names.translit import transliterate
    except ImportError:
        return clean.translate(FOLD_LETTERS)
    return str(transliterate(clean))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _latin_people(text: str) -> list[tuple[int, int]]:
    latin_given, _ = given_names()
    honor = "|".join(HONORIFICS_LATIN)
    pattern = re.compile(
        rf"(?<![\w'’-])(?:(?:{honor})\.?[^\S\n]+)?(?P<given>{_LATIN_CAP})(?P<rest>(?:{_SP}{_LATIN_CAP}){{1,2}})"
    )
    spans = []
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        pos = match.end()
        given = match.group("given")
        if name_key(given) not in latin_given:
            # "Hojatoleslam Reza Sadeghpour", "Judge Ali Karimi": the name may begin at
            # the next word, which a search resumed after this match would skip.
            pos = match.start("rest")
            continue
        words = match.group("rest").split()  # split() also drops a wrapped line's break
        # A compound given name ("Ali Akbar") or a place ("Ali Street") is not a surname.
        keep = []
        for word in words:
            if word in _LATIN_STOP:
                break
            keep.append(word)
        if not keep:
            continue
        end = match.start("rest") + match.group("rest").index(keep[-1]) + len(keep[-1])
        # A possessive is not part of the name ("Majid Sohrabi's execution").
        if keep[-1].endswith(("'s", "’s")):
            end -= 2
        end = _own_line(text, match.start(), end)
        if len(text[match.start() : end].split()) >= 2:
            spans.append((match.start(), end))
    return spans


def _own_line(text: str, start: int, end: int) -> int:
    """A name that fills a line of its own (a signature, a heading) ends there: the next
    line ("Berlin, June 2020") is not more of it, as a hard-wrapped sentence's would be."""
    brk = text.find("\n", start, end)
    if brk < 0:
        return end
    if re.match(r"\n[^\S\n]*[\w'’-]+(?:[^\S\n]+[\w'’-]+){0,3}:", text[brk:]):
        return brk  # the next line is a labelled field ("Born: 1339"), not more of the name
    line_start = text.rfind("\n", 0, start) + 1
    if "|" in text[line_start:start] or "\t" in text[line_start:start]:
        return brk  # a table row's last cell: the next row is not more of the name
    if text[line_start:start].strip():
        return end
    return brk if len(text[start:brk].split()) >= 2 else end


_BECAME_AFTER = re.compile(r"[^\S\n]+(?:شده|شد|می‌?\s?شد|گشت|گردید)(?![\u0600-\u06ff\u200c])")


def _persian_people(text: str) -> list[tuple[int, int]]:
    _, persian_given = given_names()
    folded = text.translate(FOLD_LETTERS)
    honor = "|".join(HONORIFICS_PERSIAN)
    word = _PERSIAN_WORD
    sp = _SP
    pattern = re.compile(
        rf"(?<![\u0600-\u06ff])(?:(?:{honor}){sp})?(?P<w1>{word})(?:{sp}(?P<w2>{word}))?(?:{sp}(?P<w3>{word}))?"
    )
    spans = []
    pos = 0
    while True:
        match = pattern.search(folded, pos)
        if match is None:
            break
        pos = match.start() + 1
        w1, w2, w3 = match.group("w1"), match.group("w2"), match.group("w3")
        if name_key(w1) not in persian_given or w1 in PERSIAN_STOP:
            continue
        parts = [w1]
        if w2 and name_key(w1 + w2) in persian_given and w3 and w3 not in PERSIAN_STOP:
            parts += [w2, w3]  # محمد رضا کریمی
        elif (
            w2
            and w2 not in PERSIAN_STOP
            # "فرشته لاغر شده بود" (had grown thin): what one becomes is no surname.
            and not _BECAME_AFTER.match(folded, match.end("w2"))
        ):
            parts.append(w2)
        else:
            continue
        end = match.end("w3") if len(parts) == 3 else match.end("w2")
        end = _own_line(text, match.start(), end)
        if len(text[match.start() : end].split()) < 2:
            continue
        spans.append((match.start(), end))
        pos = end
    return spans


_ORG_HEADS = (
    "Party|Front|Organi[sz]ation|Cent(?:re|er)|Association|Committee|Council|Union|Movement|"
    "Guards|Corps|Ministry|Society|Foundation|Network|Institute|Tribune|Agency|Mojahedin|Fedaian|"
    "League|Office|Federation|Alliance|Coalition"
)
_CAPS = r"[A-Z][\w'’-]*"
_ORG = re.compile(
    rf"(?<![\w'’])(?:The[^\S\n]+)?(?:{_CAPS}[^\S\n]+(?:(?:of|for|the|and)[^\S\n]+)*){{1,5}}(?:{_ORG_HEADS})(?![\w])"
)
# The head first: "Ministry of Foreign Affairs", "Union of Iranian Communists", "Office of the
# Prosecutor", with a qualifier in brackets ("… Fedaian (Majority)").
_ORG_HEAD_FIRST = re.compile(
    rf"(?<![\w'’])(?:{_CAPS}[^\S\n]+){{0,3}}(?:Ministry|Office|Organi[sz]ation|Council|Union|Association|"
    rf"League|Party|Federation|Society|Front|Committee|Commission)[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?{_CAPS}"
    rf"(?:[^\S\n]+(?:(?:of|for|and|the)[^\S\n]+)*{_CAPS}){{0,5}}(?:[^\S\n]+\([A-Z][\w-]*\))?"
)
# What a person supports or belongs to: "a sympathiser of the Fadaiyan Minority", "member of
# Komala", and the same before the noun, "a Peykar sympathiser", "| Mojahedin supporter".
_MEMBER = r"(?:supporters?|members?|sympathi[sz]ers?|activists?|cadres?|militants?)"
_ORG_AFTER_MEMBER = re.compile(
    rf"\b{_MEMBER}[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<org>{_CAPS}(?:[^\S\n]+{_CAPS}){{0,4}}(?:[^\S\n]+\([A-Z][\w-]*\))?)(?![\w'’-]|[^\S\n]+famil)"  # "members of the Karimi family"
)
_ORG_BEFORE_MEMBER = re.compile(
    rf"(?:(?:(?<=\ba)|(?<=\ban)|(?<=\bas)|(?<=\band)|(?<=\bthe)|(?<=\bof)|(?<=\bfor))[^\S\n]+|(?<=[|\t;,])[^\S\n]*|^[^\S\n]*)(?P<org>{_CAPS}(?:[^\S\n]+{_CAPS})?)[^\S\n]+{_MEMBER}\b",
    re.M,
)
# An organisation named beside what it is, with no kind word in its name: "Mizan, the
# judiciary's news agency, …", "the Oslo-based group Iran Human Rights said", "the rights
# group X". The noun is the head of the description ("the son of the newspaper's editor" is no
# description of a name: no "of" inside it, no possessive after it).
_ORG_NOUN = (
    r"(?:news[^\S\n]+agency|agency|newspaper|daily|weekly|website|broadcaster|outlet|"
    r"(?:rights|advocacy|campaign|monitoring)[^\S\n]+(?:group|organi[sz]ation)|NGO|"
    r"non-governmental[^\S\n]+organi[sz]ation)"
)
_DESCRIBING = r"(?:(?!(?:of|for|by|to|with)\b)[\w'’-]+[^\S\n]+){0,4}?"
_ORG_APPOSITIVE = re.compile(
    rf"(?<![\w'’-])(?P<org>{_CAPS}(?:[^\S\n]+{_CAPS}){{0,3}}),[^\S\n]+(?:a|an|the)[^\S\n]+"
    rf"{_DESCRIBING}{_ORG_NOUN}(?![\w'’-])(?!['’]s)"
)
_ORG_DESCRIBED = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)[^\S\n]+{_DESCRIBING}(?:{_ORG_NOUN}|group|organi[sz]ation)[^\S\n]+"
    rf"(?P<org>{_CAPS}(?:[^\S\n]+(?:(?:of|for|and|the)[^\S\n]+)*{_CAPS}){{0,5}})(?![\w'’-])"
)
_NOT_ORG_WORDS = _word_set(
    "The A An His Her Their Our My Its Former Many Some Other Both All Several Two Three Party "
    "Prison Ward Family Political Senior Leading Active Committed Young Old"
)
# Persian: an organisation's kind, then its name up to a verb, a particle or punctuation
# ("هوادار سازمان اتحاد دموکراتیک خلق بود", "هواداری از جبهه رهایی کار در …").
_PERSIAN_ORG_HEADS = "سازمان|حزب|جبهه|اتحادیه|انجمن|کانون|وزارت|دادستانی"
_PERSIAN_ORG_STOP = (PERSIAN_STOP - {"آزاد"}) | _word_set(
    "بودند بوده هستند است نیست شده کرد کرده کردند می‌کرد می‌کردند داشت داشتند بود؛ "
    "هم‌بند فعالیت هوادار هواداری عضو اعضای عضویت فعال فعالان زندانی بازداشت دستگیر اعدام "
    "یک دو سه چند هر همان بعد قبل سال ماه روز زمان وقتی چون اما ولی"
)


# A publication's heading in capitals, "JUSTICE FOR THE DISAPPEARED — COUNTRY REPORT, IRAN
# (2024)": one part names the document (a report, a briefing), the others its publisher and
# the country. The model reads such capitals as people.
_CAPS_LINE = re.compile(r"^[^\S\n]*(?=[^a-z\n]*[A-Z]{2})[^a-z\n]{6,}$", re.M)
_HEADING_SEPARATOR = re.compile(r"[^\S\n]+[—–-][^\S\n]+|[:,][^\S\n]+")
_DOCUMENT_WORDS = re.compile(
    r"\b(?:REPORT|REPORTS|BRIEFING|UPDATE|SUMMARY|STATEMENT|RELEASE|APPENDIX|CHAPTER|SECTION|"
    r"ANNEX|FACTSHEET|FACT\s+SHEET|BULLETIN|REVIEW|SUBMISSION)\b"
)


def _heading_names(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, MentionType]]:
    found: list[tuple[int, int, MentionType]] = []
    latin_given, _ = given_names()
    for line in _CAPS_LINE.finditer(text):
        parts = []
        position = line.start()
        for separator in [*_HEADING_SEPARATOR.finditer(text, line.start(), line.end()), None]:
            end = separator.start() if separator else line.end()
            parts.append((position, end))
            position = separator.end() if separator else line.end()
        if len(parts) < 2 or not any(_DOCUMENT_WORDS.search(text, s, e) for s, e in parts):
            continue
        for start, end in parts:
            part = re.sub(r"[^\S\n]*\(\d{4}\)[^\S\n]*$", "", text[start:end]).strip()
            start += len(text[start:end]) - len(text[start:end].lstrip())
            end = start + len(part)
            words = part.split()
            if not words or _DOCUMENT_WORDS.search(part) or re.search(r"\d", part):
                continue
            known = gazetteer.find(part.title())
            if len(known) == 1 and known[0][:2] == (0, len(part)):
                found.append((start, end, MentionType(known[0][2].type)))
            elif len(words) >= 2 and not (len(words) <= 3 and name_key(words[0]) in latin_given):
                # (not "ALI KARIMI": a person's name)
                found.append((start, end, MentionType.ORG))
    return found


def _org_names(text: str) -> list[tuple[int, int]]:
    """Organisations named like one ("Workers' Unity Party", "Mehr Documentation Centre",
    "Ministry of Foreign Affairs", "سازمان اتحاد دموکراتیک خلق"), and the capitalised name
    of what a person is a member or supporter of."""
    spans = [m.span() for m in _ORG.finditer(text)]
    spans += [m.span() for m in _ORG_HEAD_FIRST.finditer(text)]
    latin_given, _ = given_names()
    for pattern in (_ORG_APPOSITIVE, _ORG_DESCRIBED):
        for match in pattern.finditer(text):
            # "the group Reza Karimi had joined": a person's name after the noun is no
            # organisation ("Iran Human Rights Monitor", three words, is not a name).
            words = match.group("org").split()
            if len(words) > 2 or name_key(words[0]) not in latin_given:
                spans.append(match.span("org"))
    for pattern in (_ORG_AFTER_MEMBER, _ORG_BEFORE_MEMBER):
        for match in pattern.finditer(text):
            words = match.group("org").split()
            while words and words[0] in _NOT_ORG_WORDS:
                words = words[1:]
            if not words:
                continue
            start = match.start("org") + match.group("org").index(words[0])
            spans.append((start, match.end("org")))
    if is_persian(text) or re.search(_PERSIAN_LETTER, text):
        spans += _persian_orgs(text)
    # A tab parts a list's cells ("Name<TAB>Party"): no name runs across it.
    spans = [(s, e) for s, e in spans if "\t" not in text[s:e]]
    # Longest first, so that one name is not taken in two pieces.
    return sorted(spans, key=lambda s: s[0] - s[1])


# A Persian verb form ("می‌رفت", "بودم", "کردند", "شده"): never part of a name.
_PERSIAN_VERB = re.compile(r"^(?:ن?می\u200c?)|(?:یم|ید|دم|تم)$")
_NEXT_PERSIAN_WORD = re.compile(rf"[^\S\n]+({_PERSIAN_WORD})")


def _persian_orgs(text: str) -> list[tuple[int, int]]:
    folded = text.translate(FOLD_LETTERS)
    spans = []
    for head in re.finditer(rf"(?<![\u0600-\u06ff])(?:{_PERSIAN_ORG_HEADS})(?=\s)", folded):
        words = 0
        position = head.end()
        while words < 4:
            match = _NEXT_PERSIAN_WORD.match(folded, position)
            if match is None or match.group(1) in _PERSIAN_ORG_STOP:
                break
            position = match.end()
            words += 1
        if words:
            spans.append((head.start(), position))
    return spans


# A name followed by what it is: "Behesht-e Reza cemetery", "Bagh-e Rezvan cemetery",
# "Parsilon prison". The model splits these or calls the name an organisation.
_PLACE_NOUNS = {
    "cemetery": "cemetery",
    "graveyard": "cemetery",
    "prison": "prison",
    "jail": "prison",
}
_NAMED_PLACE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_LATIN_CAP}[^\S\n]+){{0,2}}{_LATIN_CAP})[^\S\n]+(?P<noun>cemetery|graveyard|prison|jail)\b"
)


# A news dateline or a letter's place and date: "Geneva, 12 June 2019 - …", "TEHRAN — …".
_DATELINE = re.compile(
    r"^[^\S\n]*(?P<place>[A-Z][A-Za-z'’.-]+(?:[^\S\n][A-Z][A-Za-z'’.-]+){0,2})"
    r"(?P<sep>,[^\S\n]*|[^\S\n]+[—–-][^\S\n]+)",
    re.M,
)


def _datelines(text: str, dates: list[Mention]) -> list[tuple[int, int]]:
    """The place opening a line before a date ("London, 12 May 2019"), or in capitals before a
    dash ("TEHRAN — Relatives …")."""
    starts = {d.start for d in dates}
    spans = []
    for match in _DATELINE.finditer(text):
        place = match.group("place")
        if match.group("sep").startswith(","):
            if match.end() not in starts:
                continue
        elif not place.isupper() or len(place) < 3:
            continue
        spans.append((match.start("place"), match.end("place")))
    return spans


# Persian: a street, square or cemetery and its name, one word ("خیابان انقلاب", "میدان آزادی";
# the city often follows: "خیابان انقلاب تهران").
_PERSIAN_PLACE_HEADS = {
    "خیابان": "street", "میدان": "square", "بلوار": "street", "گورستان": "cemetery",
    "قبرستان": "cemetery", "آرامستان": "cemetery",
}  # fmt: skip


def _persian_places(text: str) -> list[tuple[int, int, str]]:
    folded = text.translate(FOLD_LETTERS)
    heads = "|".join(_PERSIAN_PLACE_HEADS)
    spans = []
    for head in re.finditer(rf"(?<![\u0600-\u06ff\u200c])(?:{heads})(?=[^\S\n])", folded):
        position = head.end()
        words = 0
        while words < 1:
            match = _NEXT_PERSIAN_WORD.match(folded, position)
            if (
                match is None
                or match.group(1) in _PERSIAN_ORG_STOP
                or _PERSIAN_VERB.search(match.group(1))
            ):
                break
            position = match.end()
            words += 1
        if words:
            spans.append((head.start(), position, _PERSIAN_PLACE_HEADS[head.group(0)]))
    return spans


def _place_names(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for match in _NAMED_PLACE.finditer(text):
        words = match.group("name").split()
        while words and (words[0] in _LATIN_STOP or words[0] in _NOT_ORG_WORDS):
            words = words[1:]  # "In Evin prison", "The Dar-ol-Rahmeh cemetery"
        if not words:
            continue
        start = match.start("name") + match.group("name").index(words[0])
        spans.append((start, match.end(), _PLACE_NOUNS[match.group("noun")]))
    if re.search(_PERSIAN_LETTER, text):
        spans += _persian_places(text)
    return spans


_SPACY_TYPES = {
    "PERSON": MentionType.PERSON,
    "GPE": MentionType.PLACE,
    "LOC": MentionType.PLACE,
    "FAC": MentionType.PLACE,
    "ORG": MentionType.ORG,
}


_GROUP_NOUNS = frozenset(
    {
        "persons", "people", "prisoners", "victims", "families", "relatives", "members",
        "survivors", "officials", "guards", "names", "lists",
    }
)  # fmt: skip


_CALENDAR_WORDS = frozenset(
    {"solar", "hijri", "shamsi", "jalali", "gregorian", "lunar", "qamari", "persian", "calendar"}
)


def _spacy_entities(text: str) -> list[tuple[int, int, MentionType]]:
    from reckon.extract import nlp

    if nlp.available_model() is None:
        return []
    from reckon.extract.syntax import parse

    doc = parse(text)
    found = []
    latin_given, _ = given_names()
    for ent in doc.ents:
        kind = _SPACY_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start_char, ent.end_char
        span = text[start:end]
        # Trim a possessive and leading articles the model includes.
        if span.endswith(("'s", "’s")):
            end -= 2
        lead = re.match(r"(?:the|The)\s+", text[start:end])
        if lead and kind is not MentionType.ORG:
            start += lead.end()
        # "Respondent: Golbahar Azimi\nRecorded by: …": a person's name ends at its line.
        if kind is MentionType.PERSON and "\n" in text[start:end]:
            end = start + len(text[start:end].split("\n")[0].rstrip())
        if end <= start or not re.search(r"[A-Za-z]", text[start:end]):
            continue
        words = text[start:end].split()
        # "Buried in Khavaran …" opening a list's cell: a verb the model took for a name.
        if len(ent) == 1 and ent.root.pos_ in ("VERB", "AUX"):
            continue
        # "Solar Hijri", "(G) for Gregorian": a calendar's name is no entity.
        if all(w.strip("()").casefold() in _CALENDAR_WORDS for w in words):
            continue
        # "Appendix B. Persons", "the Prisoners": a group or a heading, not a person's name.
        if kind is MentionType.PERSON and words[-1].casefold() in _GROUP_NOUNS:
            continue
        # "the Karimi family": a family, not one person.
        if kind is MentionType.PERSON and re.match(r"\s+family\b", text[end : end + 8], re.I):
            continue
        first = words[0]
        if kind is not MentionType.PERSON and name_key(first) in latin_given:
            kind = MentionType.PERSON
        found.append((start, end, kind))
    return found


def find_mentions(
    text: str, gazetteer: Gazetteer | None = None, *, use_spacy: bool = True
) -> list[Mention]:
    """Every mention in ``text``, in order of position."""
    gazetteer = gazetteer or builtin_gazetteer()
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(mention: Mention) -> None:
        if mention.end > mention.start and not _overlaps(mention.start, mention.end, taken):
            mentions.append(mention)
            taken.append((mention.start, mention.end))

    for match in find_dates(text):
        span = text[match.start : match.end]
        add(
            Mention(
                MentionType.DATE,
                span,
                match.start,
                match.end,
                match.value.normalized,
                "date",
                date=match.value,
            )
        )
    for start, end, typed in _heading_names(text, gazetteer):
        span = text[start:end]
        add(Mention(typed, span, start, end, re.sub(r"\s+", " ", span), "pattern"))
    known = gazetteer.find(text)
    orgs = _org_names(text)
    # "Communist Party of Iran", "Kurdistan Human Rights Association": the place is part of the
    # name ("Isfahan Revolutionary Guards", "Shiraz Revolutionary Court" are that city's).
    for start, end in orgs:
        local = re.search(r"(?:Guards|Corps|Court|Ministry|Office|Committee)$", text[start:end])
        if any(
            start <= s and e <= end and (s, e) != (start, end) and entry.type == "PLACE"
            and (text[s - 3 : s] == "of " or not local)
            for s, e, entry in known
        ):  # fmt: skip
            span = text[start:end]
            add(Mention(MentionType.ORG, span, start, end, re.sub(r"\s+", " ", span), "pattern"))
    for start, end, entry in sorted(known, key=lambda f: f[0] - f[1]):
        add(
            Mention(
                MentionType(entry.type),
                text[start:end],
                start,
                end,
                entry.name,
                "gazetteer",
                entry.kind,
                entry.ref,
            )
        )
    for start, end, kind in _place_names(text):
        span = text[start:end]
        add(
            Mention(MentionType.PLACE, span, start, end, re.sub(r"\s+", " ", span), "pattern", kind)
        )
    datelines = _datelines(text, [m for m in mentions if m.type is MentionType.DATE])
    for start, end in datelines:
        span = text[start:end]
        add(Mention(MentionType.PLACE, span, start, end, span, "pattern", "city"))
    people = _latin_people(text) + _persian_people(text)
    for start, end in sorted(people, key=lambda s: s[0] - s[1]):
        # A heading's name ends at the line that starts with the place and date.
        cut = next((s for s, _ in datelines if start < s < end), None)
        if cut is not None:
            end = start + len(text[start:cut].rstrip())
        # "Testimony of X\nRecorded in …": a name never runs on to the next line.
        if "\n" in text[start:end]:
            end = start + len(text[start:end].split("\n")[0].rstrip())
        if end <= start:
            continue
        span = text[start:end]
        add(Mention(MentionType.PERSON, span, start, end, normalize_person(span), "pattern"))
    for start, end in orgs:
        add(
            Mention(
                MentionType.ORG,
                text[start:end],
                start,
                end,
                re.sub(r"\s+", " ", text[start:end]),
                "pattern",
            )
        )
    if use_spacy and not is_persian(text):
        for start, end, kind in _spacy_entities(text):
            span = text[start:end]
            normalized = (
                normalize_person(span) if kind is MentionType.PERSON else re.sub(r"\s+", " ", span)
            )
            add(Mention(kind, span, start, end, normalized, "spacy"))
    mentions.sort(key=lambda m: m.start)
    mentions = _merge_split_people(text, mentions)
    return _shared_surnames(text, _resolve_short_names(text, mentions, taken))


def _shared_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Siamak and Kourosh Mahmoudi": a bare given name joined by "and" to a full name
    shares its surname."""
    latin_given, _ = given_names()
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for mention in mentions:
        words = mention.text.split()
        if mention.type is not MentionType.PERSON or len(words) < 2:
            continue
        before = re.search(
            r"(?<![\w'’-])([A-Z][a-z]+)\s+and\s+$", text[max(0, mention.start - 30) : mention.start]
        )
        if before is None or name_key(before.group(1)) not in latin_given:
            continue
        start = mention.start - len(before.group(0))
        end = start + len(before.group(1))
        if _overlaps(start, end, taken):
            continue
        full = f"{before.group(1)} {words[-1]}"
        added.append(
            Mention(
                MentionType.PERSON,
                before.group(1),
                start,
                end,
                normalize_person(full),
                "pattern",
                full_name=full,
            )
        )
    return sorted(mentions + added, key=lambda m: m.start)


def _merge_split_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's full name split by the model ("Ali" + "Mohammadi") becomes one mention."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.type is MentionType.PERSON
            and mention.type is MentionType.PERSON
            and text[previous.end : mention.start] in (" ", "\u200c")
        ):
            span = text[previous.start : mention.end]
            merged[-1] = replace(
                previous, text=span, end=mention.end, normalized=normalize_person(span)
            )
            continue
        merged.append(mention)
    return merged


def _resolve_short_names(
    text: str, mentions: list[Mention], taken: list[tuple[int, int]]
) -> list[Mention]:
    """Link a bare given name or surname to the full name seen earlier, and find its
    later occurrences that no finder marked."""
    full: dict[str, Mention] = {}
    for mention in mentions:
        if mention.type is MentionType.PERSON and len(mention.text.split()) >= 2:
            words = mention.text.split()
            for word in (words[0], words[-1]):
                full.setdefault(name_key(word), mention)
    result: list[Mention] = []
    for mention in mentions:
        if mention.finder == "spacy" and mention.type is not MentionType.PERSON:
            owner = full.get(name_key(mention.text))
            if owner is not None and len(mention.text.split()) == 1:
                mention = replace(mention, type=MentionType.PERSON)  # "Parsa said", tagged ORG
        if mention.type is MentionType.PERSON:
            owner = full.get(name_key(mention.text))
            if owner is not None and owner.start < mention.start and len(mention.text.split()) == 1:
                mention = replace(mention, normalized=owner.normalized, full_name=owner.text)
            else:
                mention = replace(mention, full_name=mention.text)
        result.append(mention)
    spans = [(m.start, m.end) for m in result]
    for key, owner in full.items():
        found_word = next((w for w in owner.text.split() if name_key(w) == key), None)
        if found_word is None or len(key) < 3:
            continue
        word = found_word
        for match in re.finditer(rf"(?<![\w\u200c]){re.escape(word)}(?![\w\u200c])", text):
            if match.start() <= owner.start or _overlaps(match.start(), match.end(), spans):
                continue
            result.append(
                Mention(
                    MentionType.PERSON,
                    word,
                    match.start(),
                    match.end(),
                    owner.normalized,
                    "alias",
                    full_name=owner.text,
                )
            )
            spans.append((match.start(), match.end()))
    result.sort(key=lambda m: m.start)
    return result
