"""Claims from a list page written as a table: one row, one named victim.

A list of victims is often a table (rows of cells separated by ``|`` or tabs:
number, name, father's name, age, prison, date, notes), not sentences; the
sentence rules then see one long "sentence" and give its words to the wrong
names. This reader finds such blocks and reads each row on its own:

- the columns are named by a header row (English or Persian: "Name", "Father's
  name", "Prison", "Date of execution", "Notes", "نام", "تاریخ اعدام" …), or,
  without one, guessed from what their cells hold (names, dates, prisons);
- the row's claim kind is what its "Fate"/"Status" cell says, else what a column
  header says ("Date of execution", "Place of burial"), else what the page says
  above the table ("Victims of the 1988 prison executions"); nothing says →
  no claim for the row itself;
- its victim is the person in the name column (never the father's name), its
  place the first place in the place-of-event column (never a hometown column),
  its date the first date in the date column ("unknown" is no date);
- a notes cell is read as short statements about the row's person ("Arrested
  1982; supporter of the Mojahedin", "Transferred to Evin from Ghezel Hesar").

Each claim's quote is the row, with its character offsets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial

from reckon.extract import claims as rules
from reckon.extract.claims import ClaimKind, ProposedClaim
from reckon.extract.dates import Calendar, find_dates, parse_date
from reckon.extract.mentions import Mention, MentionType, normalize_person
from reckon.extract.text import Sentence

__all__ = ["Table", "find_tables", "table_claims"]

# Kind words of headers, fate cells and page titles (nouns too: "executions", "burial").
_KIND_WORDS: list[tuple[ClaimKind, re.Pattern[str]]] = [
    (ClaimKind.BURIAL, re.compile(r"\bburi|\bcemeter|\bgrave|دفن|آرامگاه|مزار|گورستان|خاوران", re.I)),
    (ClaimKind.EXECUTION, re.compile(r"\bexecut|\bhanged\b|\bshot\b|\bkilled\b|اعدام|تیرباران|جان‌?\s?باخت", re.I)),
    (ClaimKind.DISAPPEARANCE, re.compile(r"\bdisappear|\bmissing\b|ناپدید|مفقود", re.I)),
    (ClaimKind.ARREST, re.compile(r"\barrest|دستگیری|بازداشت", re.I)),
    (ClaimKind.TRANSFER, re.compile(r"\btransfer|انتقال", re.I)),
    (ClaimKind.RELEASE, re.compile(r"\breleas|\bfreed\b|آزاد", re.I)),
    (ClaimKind.TRIAL, re.compile(r"\btrial|\bsentenc|\bconvict|محاکمه|دادگاه", re.I)),
    (ClaimKind.DETENTION, re.compile(r"\bdetain|\bdetention|\bimprison|\bheld\b|محل\s+(?:حبس|بازداشت)", re.I)),
]  # fmt: skip


class Column(Enum):
    NAME = "name"
    RELATIVE = "relative"  # father's or mother's name: private, never the victim
    PLACE = "place"  # where the event happened (prison, place of execution)
    HOME = "home"  # city of origin, birthplace: not the event's place
    BIRTH = "birth"  # year or date of birth: a date, never the event's
    DATE = "date"
    FATE = "fate"
    NOTES = "notes"
    EVENT = "event"  # a column named by a kind ("Arrested", "Executed", "Buried"): date and place
    AFFILIATION = "affiliation"  # the organisation the person belonged to or supported
    OTHER = "other"


_HEADERS: list[tuple[Column, re.Pattern[str]]] = [
    (Column.RELATIVE, re.compile(r"\b(?:father|mother|parent)|نام\s*(?:پدر|مادر)|^پدر$", re.I)),
    # "Affiliation", "Political organisation", "Party / group", "وابستگی سیاسی": before the
    # name column's pattern, which would take "زندانی" in "گروه زندانی".
    (Column.AFFILIATION, re.compile(r"\baffiliat|\bpolitical\s+(?:organi[sz]ation|group|party|tendency)|^(?:organi[sz]ation|group)$|\bparty\b|وابستگی|گرایش\s+سیاسی|^(?:سازمان|حزب|گروه|تشکیلات)$", re.I)),
    (Column.NAME, re.compile(r"\bname\b|\bvictim\b|\bperson\b|\bprisoner\b|\bdetainee\b|^نام|نام\s+و\s+نام|اسم|زندانی", re.I)),
    (Column.FATE, re.compile(r"\bfate\b|\bstatus\b|\boutcome\b|\bwhat\s+happened|سرنوشت|وضعیت", re.I)),
    (Column.NOTES, re.compile(r"\bnotes?\b|\bremarks?\b|\bdetails?\b|\bcomments?\b|\bdescription|توضیح|شرح|ملاحظات", re.I)),
    (Column.BIRTH, re.compile(r"\b(?:year|date)\s+of\s+birth\b|\bbirth\s*(?:year|date)\b|^born$|(?:سال|تاریخ)\s+تولد|^تولد$", re.I)),
    (Column.DATE, re.compile(r"\bdate\b|\bwhen\b|\byear\b|\bday\b|تاریخ|سال|زمان", re.I)),
    (Column.HOME, re.compile(r"\bcity\b|\bhome|\bborn\b|\bbirth|\bfrom\b|\borigin|\bprovince|شهر|زادگاه|محل\s+تولد|اهل", re.I)),
    (Column.PLACE, re.compile(r"\bprison\b|\bheld\b|\bdetained\b|\bimprisoned\b|\bplace\b|\blocation\b|\bwhere\b|\bsite\b|\bjail\b|زندان|محل|مکان", re.I)),
    (Column.OTHER, re.compile(r"^(?:no\.?|#|nr\.?|ردیف|شماره)$|\bage\b|\bprofession|\boccupation|\bjob\b|سن|شغل|تحصیلات|\beducation", re.I)),
]  # fmt: skip

_UNKNOWN = re.compile(
    r"^\s*(?:unknown|n/?a|not\s+known|[-–—?]+|نامعلوم|نامشخص|معلوم\s+نیست)\s*$", re.I
)
_RULE_ROW = re.compile(r"^[\s|:\-–—+]*$")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Table:
    """A block of rows; ``header`` is the header row's cells when there is one."""

    start: int
    end: int
    header: list[Cell] | None
    rows: list[tuple[int, int, list[Cell]]]  # (line start, line end, cells)


def _cells(text: str, start: int, end: int, separator: str) -> list[Cell]:
    line = text[start:end]
    cells = []
    position = 0
    parts = line.split(separator)
    # A Markdown row starts and ends with "|": those outer parts are not cells.
    if separator == "|" and parts and not parts[0].strip():
        position += len(parts[0]) + 1
        parts = parts[1:]
    if separator == "|" and parts and not parts[-1].strip():
        parts = parts[:-1]
    for part in parts:
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        s = start + position + lead
        cells.append(Cell(s, s + len(stripped), stripped))
        position += len(part) + 1
    return cells


def find_tables(text: str) -> list[Table]:
    """The blocks of at least two consecutive lines of three or more cells each,
    separated alike by ``|`` or by tabs."""
    lines = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, position + len(line.rstrip("\r"))))
        position += len(line) + 1
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        separator = "\t" if line.count("\t") >= 2 else "|" if line.count("|") >= 2 else None
        if separator is None:
            index += 1
            continue
        block: list[tuple[int, int]] = []
        while index < len(lines):
            s, e = lines[index]
            candidate = text[s:e]
            if candidate.count(separator) < 2:
                break
            block.append((s, e))
            index += 1
        rows = [(s, e, _cells(text, s, e, separator)) for s, e in block]
        rows = [r for r in rows if not _RULE_ROW.match(text[r[0] : r[1]])]
        if len(rows) < 2:
            continue
        width = Counter(len(cells) for _, _, cells in rows).most_common(1)[0][0]
        if width < 3:
            continue
        header = rows[0][2] if _is_header(rows[0][2]) else None
        body = rows[1:] if header is not None else rows
        tables.append(Table(block[0][0], block[-1][1], header, body))
    return tables


def _is_header(cells: list[Cell]) -> bool:
    # A row of data has a cell that is a number or a date; a header's "Age in 1988" is words.
    if any(re.fullmatch(r"[\d۰-۹/.\-\s]+", c.text) for c in cells if c.text):
        return False
    named = sum(1 for c in cells if any(p.search(c.text) for _, p in _HEADERS))
    return named >= max(2, len(cells) // 2)


def _header_role(text: str) -> Column:
    for role, pattern in _HEADERS:
        # "Date of execution" is a date column, "Place of burial" a place column; a bare
        # "Arrested", "Executed", "Buried", "Cemetery" is an event column.
        if (
            role in (Column.DATE, Column.HOME, Column.BIRTH, Column.PLACE, Column.OTHER)
            and _kind_of(text)
            and not any(p.search(text) for r, p in _HEADERS if r in (Column.DATE, Column.PLACE))
        ):
            return Column.EVENT
        if pattern.search(text):
            return role
    return Column.EVENT if _kind_of(text) else Column.OTHER


def _kind_of(text: str) -> ClaimKind | None:
    for kind, pattern in _KIND_WORDS:
        if pattern.search(text):
            return kind
    return None


def _inside(mentions: list[Mention], cell: Cell, kind: MentionType) -> list[Mention]:
    return [m for m in mentions if m.type is kind and cell.start <= m.start < cell.end]


def _roles(table: Table, mentions: list[Mention]) -> list[Column]:
    width = max(len(cells) for _, _, cells in table.rows)
    if table.header is not None:
        roles = [_header_role(c.text) for c in table.header]
        roles += [Column.OTHER] * (width - len(roles))
        if Column.NAME in roles:
            return roles
    # No header (or none naming the names): what the cells hold decides.
    roles = [Column.OTHER] * width

    def share(column: int, kind: MentionType) -> float:
        cells = [cells[column] for _, _, cells in table.rows if column < len(cells)]
        return sum(1 for c in cells if _inside(mentions, c, kind)) / max(1, len(cells))

    for column in range(width):
        if Column.NAME not in roles and share(column, MentionType.PERSON) >= 0.5:
            roles[column] = Column.NAME
        elif (
            share(column, MentionType.DATE) >= 0.5
            and Column.DATE not in roles
            and not _long_text(table, column)
        ):
            roles[column] = Column.DATE
        elif share(column, MentionType.PLACE) >= 0.5 or (
            share(column, MentionType.PLACE) > 0 and _short_words(table, column)
        ):
            prisons = sum(
                1
                for _, _, cells in table.rows
                if column < len(cells)
                and re.search(r"\bprison\b|\bjail\b|زندان", cells[column].text, re.I)
            )
            roles[column] = Column.PLACE if prisons else Column.HOME
        elif column > 0:
            roles[column] = Column.NOTES
    return roles


def _long_text(table: Table, column: int) -> bool:
    """Whether a column holds sentences ("hanged on 6 August 1988"), i.e. notes."""
    cells = [cells[column].text for _, _, cells in table.rows if column < len(cells)]
    return bool(cells) and sum(len(c.split()) for c in cells) / len(cells) > 3


def _short_words(table: Table, column: int) -> bool:
    """Whether every cell of a column is one or two words without digits (a town's name)."""
    cells = [cells[column].text for _, _, cells in table.rows if column < len(cells)]
    return bool(cells) and all(
        0 < len(c.split()) <= 2 and not re.search(r"\d|[۰-۹]", c) for c in cells
    )


def _place(cell: Cell, mentions: list[Mention]) -> Mention | None:
    """A place the finders missed in a place column: the cell's first part ("Dar-ol-Rahmeh
    cemetery" of "Dar-ol-Rahmeh cemetery, Shiraz", "Parsilon" of "Parsilon, Khorramabad" where
    the city after it is known)."""
    if _UNKNOWN.match(cell.text):
        return None
    first = re.split(r"[,،(]", cell.text, maxsplit=1)[0].strip()
    if any(cell.start <= m.start < cell.start + len(first) for m in mentions):
        return None
    if not first or not re.match(r"[A-Z\u0621-\u06d3]", first) or re.search(r"\d|[۰-۹]", first):
        return None
    return Mention(MentionType.PLACE, first, cell.start, cell.start + len(first), first, "table")


def _page_kind(text: str, table: Table) -> ClaimKind | None:
    """What the lines just above the table (its title) say the list is of."""
    before = text[max(0, table.start - 600) : table.start]
    lines = [line for line in before.split("\n") if line.strip()][-4:]
    for line in reversed(lines):
        kind = _kind_of(line)
        if kind is not None:
            return kind
    return None


def _page_place(text: str, table: Table, mentions: list[Mention]) -> Mention | None:
    """The prison the title above a table names ("Executed at Adelabad Prison, 1988"), the
    place of every row that has no place column."""
    start = max(0, table.start - 600)
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text[start : table.start]))[-4:]
    if not lines:
        return None
    first = start + lines[0].start()
    prisons = [
        m for m in mentions
        if m.type is MentionType.PLACE and m.kind == "prison" and first <= m.start < table.start
    ]  # fmt: skip
    return prisons[-1] if len(prisons) == 1 else None


def _person(cell: Cell, mentions: list[Mention]) -> Mention | None:
    people = _inside(mentions, cell, MentionType.PERSON)
    if people:
        return people[0]
    if not cell.text or not re.search(r"[A-Za-z\u0600-\u06ff]", cell.text):
        return None
    # A name the finders missed: the name column says it is one.
    return Mention(
        MentionType.PERSON, cell.text, cell.start, cell.end, normalize_person(cell.text),
        "table", full_name=cell.text,
    )  # fmt: skip


_LEADING_YEAR = re.compile(r"(?:1[2-4]|19|20)\d\d(?=\s*(?:[,،(]|$))")
_DATE_COLUMNS = (Column.DATE, Column.BIRTH, Column.EVENT)


def _column_years(table: Table, roles: list[Column], mentions: list[Mention]) -> list[Mention]:
    """Years the date finder left alone because nothing in the text said they are Solar
    Hijri ("1340" under "Year of birth", "1362, Ahvaz" under "Arrested"): a column whose
    header names a date says so. Latin-digit 1200-1499 are Solar Hijri, as in
    `parse_date`."""
    found = []
    for _, _, cells in table.rows:
        for index, cell in enumerate(cells):
            if index >= len(roles) or roles[index] not in _DATE_COLUMNS:
                continue
            if any(
                m.type is MentionType.DATE and cell.start <= m.start < cell.end for m in mentions
            ):
                continue
            match = _LEADING_YEAR.match(cell.text.translate(_DIGITS))
            if match is None:
                continue
            value = parse_date(match.group(0))
            start = cell.start
            found.append(
                Mention(
                    MentionType.DATE, cell.text[: match.end()], start, start + match.end(),
                    value.normalized, "table", date=value,
                )
            )  # fmt: skip
    known = mentions + found
    if not any(
        m.date is not None and m.date.calendar is Calendar.SOLAR_HIJRI
        and table.start <= m.start < table.end
        for m in known
    ):  # fmt: skip
        return found
    # The table dates in the Solar Hijri calendar: so do its notes ("arrested 1362").
    for _, _, cells in table.rows:
        for index, cell in enumerate(cells):
            if index >= len(roles) or roles[index] not in (Column.NOTES, Column.FATE):
                continue
            taken = [(m.start, m.end) for m in known if cell.start <= m.start < cell.end]
            for dated in find_dates(cell.text, solar_hijri=True):
                start, end = cell.start + dated.start, cell.start + dated.end
                if any(start < e and s < end for s, e in taken):
                    continue
                found.append(
                    Mention(
                        MentionType.DATE, cell.text[dated.start : dated.end], start, end,
                        dated.value.normalized, "table", date=dated.value,
                    )
                )  # fmt: skip
    return found


def retyped(text: str, table: Table, mentions: list[Mention]) -> list[Mention]:
    """The mentions with what the table's columns say about them: the model's guesses
    in a header row go, a name in a place column is a place ("Parsilon Prison"), and a
    capitalised word after "the" in a notes cell is an organisation, not a person."""
    roles = _roles(table, mentions)
    header = table.header or []
    result = []
    for mention in mentions:
        if mention.finder != "spacy" or not table.start <= mention.start < table.end:
            result.append(mention)
            continue
        if any(c.start <= mention.start < c.end for c in header):
            continue
        column = next(
            (i for _, _, cells in table.rows for i, c in enumerate(cells)
             if c.start <= mention.start < c.end),
            None,
        )  # fmt: skip
        role = roles[column] if column is not None and column < len(roles) else None
        if role in (Column.PLACE, Column.HOME, Column.BIRTH, Column.EVENT) and mention.type in (
            MentionType.PERSON,
            MentionType.ORG,
        ):
            mention = replace(mention, type=MentionType.PLACE, full_name=None)
        elif (
            role is not Column.NAME
            and mention.type is MentionType.PERSON
            and re.search(r"\bthe\s+$", text[max(0, mention.start - 5) : mention.start], re.I)
        ):
            mention = replace(mention, type=MentionType.ORG, full_name=None)
        result.append(mention)
    return result


def _row_claim(
    start: int, end: int, quote: str, kind: ClaimKind, victim: Mention, place: Mention | None,
    date: Mention | None, trigger: tuple[int, int], detail: str | None = None,
) -> ProposedClaim:  # fmt: skip
    return ProposedClaim(
        kind, start, end, quote, trigger, victim=victim, place=place, date=date, detail=detail
    )


def _cells_of(cells: list[Cell], roles: list[Column], role: Column) -> list[tuple[int, Cell]]:
    return [(i, c) for i, c in enumerate(cells) if i < len(roles) and roles[i] is role]


def table_claims(
    text: str, table: Table, mentions: list[Mention]
) -> tuple[list[ProposedClaim], list[Mention]]:
    """The claims the rows of ``table`` state, and the mentions with the table's
    corrections (`retyped`) and the names it adds."""
    mentions = retyped(text, table, mentions)
    roles = _roles(table, mentions)
    mentions = sorted(mentions + _column_years(table, roles, mentions), key=lambda m: m.start)
    if Column.NAME not in roles:
        return [], mentions
    header = table.header or []
    page_kind = _page_kind(text, table)
    page_place = _page_place(text, table, mentions)
    claims: list[ProposedClaim] = []
    added: list[Mention] = []
    for start, end, cells in table.rows:
        quote = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        q_start = start + lead
        q_end = q_start + len(quote)

        claim = partial(_row_claim, q_start, q_end, quote)
        cell_of = partial(_cells_of, cells, roles)

        names = cell_of(Column.NAME)
        if not names:
            continue
        victim = _person(names[0][1], mentions)
        if victim is None:
            continue
        if len(names) > 1 and names[1][0] == names[0][0] + 1 and victim.end <= names[0][1].end:
            # "First name | Last name": the two cells are one name.
            first, last = names[0][1], names[1][1]
            full = f"{first.text} {last.text}"
            victim = Mention(
                MentionType.PERSON, text[first.start : last.end], first.start, last.end,
                normalize_person(full), "table", full_name=full,
            )  # fmt: skip
        if victim.finder == "table":
            added.append(victim)
        for _, cell in cell_of(Column.RELATIVE):
            relative = _person(cell, mentions)
            if relative is not None and relative.finder == "table":
                added.append(relative)
        for i, cell in cell_of(Column.PLACE) + cell_of(Column.HOME) + cell_of(Column.EVENT):
            kind = _kind_of(header[i].text) if i < len(header) else None
            if (
                cell_of(Column.EVENT)
                and (i, cell) in cell_of(Column.EVENT)
                and kind is not ClaimKind.BURIAL
            ):
                continue  # an event cell holds a date and a place: only a burial's is a place alone
            place = _place(cell, mentions + added)
            if place is not None:
                mentions = [*mentions, place]
        # Each event column (a date or place whose header names a kind) and the row's fate.
        events: dict[ClaimKind, dict[str, Mention | None]] = {}
        fate = next((_kind_of(c.text) for _, c in cell_of(Column.FATE) if _kind_of(c.text)), None)
        # "fate unknown", "listed here in error", "death sentence commuted": the row says the
        # list's title is not what happened to this person.
        contradicted = any(
            _NOT_THE_TITLE.search(c.text) for _, c in cell_of(Column.NOTES) + cell_of(Column.FATE)
        )
        row_page_kind = None if contradicted else page_kind
        main = fate
        first_named = None
        for role in (Column.DATE, Column.PLACE):
            for i, cell in cell_of(role):
                named = _kind_of(header[i].text) if i < len(header) else None
                first_named = first_named or named
                kind = named or fate or row_page_kind
                if kind is None or _UNKNOWN.match(cell.text):
                    continue
                slot = events.setdefault(kind, {"place": None, "date": None})
                typed = MentionType.DATE if role is Column.DATE else MentionType.PLACE
                found = _inside(mentions, cell, typed)
                key = "date" if role is Column.DATE else "place"
                if found and slot[key] is None:
                    slot[key] = found[0]
        for i, cell in cell_of(Column.EVENT):
            kind = _kind_of(header[i].text) if i < len(header) else None
            if kind is None or not cell.text or _UNKNOWN.match(cell.text):
                continue
            slot = events.setdefault(kind, {"place": None, "date": None})
            dates = _inside(mentions, cell, MentionType.DATE)
            places = _inside(mentions, cell, MentionType.PLACE)
            slot["date"] = slot["date"] or (dates[0] if dates else None)
            slot["place"] = slot["place"] or (places[0] if places else None)
        # Event columns say what happened; the title then only names the list.
        page_kind_here = None if fate is None and cell_of(Column.EVENT) else row_page_kind
        # The row's own event: its fate, else what the title says the list is of, else the
        # first kind a column names ("Date of execution"); "Date of arrest" beside "Date of
        # death" under "Persons reported killed" is a second event, not the main one.
        # (Not where the row's notes say the title does not hold for it: the event columns
        # with a value still give their own claims above.)
        main = main or (None if contradicted else page_kind_here or first_named)
        if main is None and any(
            re.search(r"\bprison\b|\bjail\b|زندان", c.text, re.I) for _, c in cell_of(Column.PLACE)
        ):
            main = ClaimKind.DETENTION  # a prison and nothing else said: held there
        if main is not None:
            slot = events.setdefault(main, {"place": None, "date": None})
            for i, cell in cell_of(Column.PLACE):
                if i < len(header) and _kind_of(header[i].text):
                    continue  # "Place of burial" is the burial's, not the row's event's
                slot["place"] = slot["place"] or next(
                    iter(_inside(mentions, cell, MentionType.PLACE)), None
                )
            if slot["place"] is None and not cell_of(Column.PLACE):
                slot["place"] = page_place
        for kind, slot in events.items():
            claims.append(claim(kind, victim, slot["place"], slot["date"], (q_start, q_end)))
        for _, cell in cell_of(Column.NOTES) + cell_of(Column.FATE):
            claims += _note_claims(text, cell, victim, mentions, claim)
        # An affiliation column's cell is the row's affiliation, whatever words it uses
        # ("PMOI", "Tudeh Party", "مجاهدین"); "not known" and a dash say nothing.
        for _, cell in cell_of(Column.AFFILIATION):
            if not cell.text or _UNKNOWN.match(cell.text):
                continue
            orgs = _inside(mentions, cell, MentionType.ORG)
            detail = orgs[0].text if orgs else cell.text
            claims.append(
                claim(ClaimKind.AFFILIATION, victim, None, None, (cell.start, cell.end), detail)
            )
    return claims, sorted(mentions + added, key=lambda m: m.start)


_SEGMENT = re.compile(r"[^;؛.]+")
# A notes statement that starts with the organisation: "supporter of the Mojahedin".
_NOTE_AFFILIATION = re.compile(
    r"\s*(?:a\s+|an\s+)?(?:supporter|member|sympathi[sz]er|activist)s?\s+of\s+"
    r"(?!the\s+(?:death\s+)?(?:commission|committee|board|panel|delegation|family))"
    r"|\s*(?:هوادار|عضو\s+(?:سازمان|حزب|جبهه))",
    re.I,
)


_NOT_THE_TITLE = re.compile(
    r"\bfate\s+(?:is\s+|remains\s+)?(?:unknown|unclear)|\bwhereabouts\s+(?:are\s+|remain\s+)?unknown"
    r"|\bin\s+error\b|\bby\s+mistake\b|\bcommuted\b|\bsurvived\b|\bstill\s+alive\b"
    r"|سرنوشت(?:ش)?\s+(?:نامعلوم|نامشخص)|به\s+اشتباه|زنده\s+است",
    re.I,
)
# A statement about a relative the row does not name: "his wife was also detained".
_UNNAMED_RELATIVE = re.compile(
    r"\s*(?:his|her|their)\s+(?:wife|husband|brother|sister|son|daughter|father|mother|cousin|"
    r"uncle|aunt|child|children|parents?|relatives?|family)\b"
    r"|\s*(?:همسر|برادر|خواهر|پدر|مادر|پسر|دختر)(?:ش|اش)\b",
    re.I,
)
_MEMBER_NOUN = r"(?:supporter|member|sympathi[sz]er|activist|cadre)s?|هوادار|عضو|سمپات|طرفدار|فعال"
# A note that is an organisation, alone or with what the person was of it: "Komala",
# "Fadaian (Aksariyat)", "Mojahedin supporter", "Peykar (supporter)", "sympathiser, Tudeh".
_ORG_BEFORE = re.compile(
    rf"\s*(?:(?:a|an)\s+)?(?:(?:{_MEMBER_NOUN})\s*(?:of\s+(?:the\s+)?|[,:،]\s*)?)?(?:the\s+)?$",
    re.I,
)
_ORG_AFTER = re.compile(rf"\s*(?:\(\s*(?:{_MEMBER_NOUN})\s*\)|(?:{_MEMBER_NOUN}))?\s*$", re.I)


def _org_notes(text: str, s: int, e: int, orgs: list[Mention]) -> list[tuple[int, int]]:
    """The organisations a notes statement gives as the person's ("Mojahedin supporter")."""
    found = []
    for org in orgs:
        if not (s <= org.start and org.end <= e):
            continue
        if _ORG_BEFORE.fullmatch(text, s, org.start) and _ORG_AFTER.fullmatch(text, org.end, e):
            found.append((org.start, org.end))
    return found


def _note_claims(text: str, cell: Cell, victim: Mention, mentions: list[Mention],
                 make: Callable[..., ProposedClaim]) -> list[ProposedClaim]:  # fmt: skip
    """Short statements of a notes cell, all about the row's person unless another is named."""
    found: list[ProposedClaim] = []
    for part in _SEGMENT.finditer(cell.text):
        if not part.group(0).strip():
            continue
        s = cell.start + part.start()
        e = cell.start + part.end()
        segment = Sentence(s, e, text[s:e])
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        others = [m for m in inside if m.type is MentionType.PERSON]
        # A statement naming someone else is about them ("his brother X was also held").
        subject = others[0] if others else victim
        if not others and _UNNAMED_RELATIVE.match(text, s, e):
            continue  # "his wife was also detained": about someone the list does not name
        if re.search(
            r"[:：]\s*(?:unknown|not\s+known|n/?a|نامعلوم|نامشخص|معلوم\s+نیست)\s*$",
            segment.text,
            re.I,
        ):
            continue  # "Place of burial: unknown"
        matches: list[tuple[ClaimKind, tuple[int, int]]] = []
        for kind, pattern in rules.TRIGGER_PATTERNS.items():
            if kind in rules.ROLE_KINDS:
                continue
            match = pattern.search(text, s, e) or (
                _NOTE_AFFILIATION.match(text, s, e) if kind is ClaimKind.AFFILIATION else None
            )
            if match is not None and not rules.excluded(text, segment, match.start()):
                matches.append((kind, (match.start(), match.end())))
        if all(k is not ClaimKind.AFFILIATION for k, _ in matches):
            notes_orgs = [m for m in inside if m.type is MentionType.ORG]
            matches += [
                (ClaimKind.AFFILIATION, span) for span in _org_notes(text, s, e, notes_orgs)
            ]
        # A bare participle opening a fate or note ("imprisoned 1982–1987", "executed in …").
        opening = re.match(r"\s*([^\W\d_]+)", text[s:e])
        if opening is not None:
            lead_kind = _kind_of(opening.group(1))
            if lead_kind is not None and all(k is not lead_kind for k, _ in matches):
                matches.append((lead_kind, (s + opening.start(1), s + opening.end(1))))
        matches.sort(key=lambda m: m[1][0])
        for index, (kind, span) in enumerate(matches):
            # Each statement reaches to the next one: "Released 1986, re-arrested in Mashhad 1987".
            scope_start = s if index == 0 else span[0]
            scope_end = matches[index + 1][1][0] if index + 1 < len(matches) else e
            scope = Sentence(scope_start, scope_end, text[scope_start:scope_end])
            within = [m for m in inside if scope_start <= m.start and m.end <= scope_end]
            places = [m for m in within if m.type is MentionType.PLACE]
            dates = [m for m in within if m.type is MentionType.DATE]
            orgs = [m for m in within if m.type is MentionType.ORG]
            if kind is ClaimKind.AFFILIATION:
                org = next((o for o in orgs if o.start >= span[0]), None)
                detail = org.text if org else text[span[1] : scope_end].strip() or None
                found.append(make(kind, subject, None, None, span, detail))
                continue
            place = rules.place_for(text, kind, places, span, scope)
            date = rules.nearest(dates, span, after_first=True)
            found.append(make(kind, subject, place, date, span))
    return found
