"""Extraction from one text: mentions and proposed claims, and their JSON form.

The JSON contract of ``reckon extract --json`` (offsets are Python character
offsets into the text; absent parts are null)::

    {"mentions": [{"type": "PERSON|PLACE|ORG|DATE", "text", "start", "end", "normalized"}],
     "claims": [{"type", "victim", "perpetrator", "place", "date", "start", "end", "quote"}]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reckon.extract import nlp, syntax, tables
from reckon.extract.claims import ProposedClaim, merge_duplicates, propose_claims
from reckon.extract.gazetteer import Gazetteer, name_key
from reckon.extract.mentions import Mention, MentionType, find_mentions
from reckon.extract.narrator import find_narrator, is_interview
from reckon.extract.text import Sentence, is_persian, sentences
from reckon.names.similarity import THRESHOLD, name_similarity

__all__ = ["Extraction", "extract_text"]


@dataclass(frozen=True)
class Extraction:
    """What was found in one text."""

    text: str
    mentions: list[Mention]
    claims: list[ProposedClaim]

    def as_json(self) -> dict[str, Any]:
        return {
            "mentions": [m.as_json() for m in self.mentions],
            "claims": [c.as_json() for c in self.claims],
        }


def extract_text(
    text: str, gazetteer: Gazetteer | None = None, *, use_spacy: bool = True
) -> Extraction:
    """Find the mentions in ``text`` and propose the claims its sentences and its
    tables (`reckon.extract.tables`) state."""
    mentions = find_mentions(text, gazetteer, use_spacy=use_spacy)
    mentions, aliases = parenthetical_aliases(text, mentions)
    mentions = one_person_forms(mentions, aliases)
    blocks = tables.find_tables(text)
    found = _outside(text, sentences(text), [(t.start, t.end) for t in blocks])
    parses = None
    if use_spacy and not is_persian(text) and nlp.available_model() is not None:
        parses = syntax.Parses(text, [(s.start, s.end) for s in found])
    # A parenthesised form is the person just named, not a second person: claims name
    # the primary form, and "they" or "both" never count the alias as someone else.
    people = [m for m in mentions if (m.start, m.end) not in aliases]
    narrator = find_narrator(text, people)
    claims = propose_claims(text, found, people, parses, narrator, is_interview(text))
    if blocks:
        for block in blocks:
            rows, mentions = tables.table_claims(text, block, mentions)
            claims += rows
        claims = merge_duplicates(sorted(claims, key=lambda c: c.start))
    return Extraction(text, mentions, claims)


# "Parvin Ghaffarzadeh (پروین غفارزاده)", "بهروز نیکنام (Behrouz Niknam)", "Kazem Nikbakht
# (Kazem Nikbakht-Shirazi in some lists)", "Yousef Khalilzadeh (also spelled Khalil-Zadeh)":
# the name in parentheses, whatever its script, is another form of the name before it.
_ALIAS_OPEN = re.compile(
    r"\s*[(\[]\s*(?:(?:also\s+)?(?:spelled|spelt|written|known\s+as|called|transliterated)"
    r"\s+(?:as\s+)?|or\s+|né[e]?\s+|in\s+Persian[,:]?\s+|به\s+فارسی[:،]?\s+)?$",
    re.I,
)
_ALIAS_CLOSE = re.compile(r"[^()\[\]\n.]{0,40}?[)\]]")


def parenthetical_aliases(
    text: str, mentions: list[Mention]
) -> tuple[list[Mention], set[tuple[int, int]]]:
    """The mentions, each parenthesised form of the person named just before it made an
    alias of that person (its full name and normalized form are the primary's), and the
    spans of those aliases. Both stay PERSON mentions."""
    result: list[Mention] = []
    aliases: set[tuple[int, int]] = set()
    primary: Mention | None = None
    for mention in mentions:
        if mention.type is not MentionType.PERSON:
            result.append(mention)
            continue
        if (
            primary is not None
            and _ALIAS_OPEN.fullmatch(text[primary.end : mention.start])
            and _ALIAS_CLOSE.match(text, mention.end)
        ):
            mention = replace(
                mention,
                normalized=primary.normalized,
                full_name=primary.full_name or primary.text,
            )
            aliases.add((mention.start, mention.end))
        else:
            primary = mention
        result.append(mention)
    return result, aliases


# "Uncle Faramarz", "Aunt Soheila": a relative called by kin title and given name.
_KIN_TITLE = re.compile(
    r"(?:uncle|aunt|auntie|grandfather|grandmother|grandpa|grandma|granny|cousin)\s+(\S+)", re.I
)


def _tokens(name: str) -> list[str]:
    return name.split()


def one_person_forms(mentions: list[Mention], aliases: set[tuple[int, int]]) -> list[Mention]:
    """The mentions, each other form of a person the text names in full made that person:
    a relative called by title and given name ("Uncle Faramarz") when the text gives one
    full name with that given name ("my mother's brother Faramarz Alavi"), and a second
    spelling of a full name ("Nima Ashtiyani" after "Nima Ashtiani") that `reckon.names`
    scores as the same name. Both carry the first full form's name, so their claims are
    that person's; a namesake with another given name ("Mohammad Ashtiani", the father)
    scores far below and stays someone else."""
    people = [
        m for m in mentions if m.type is MentionType.PERSON and (m.start, m.end) not in aliases
    ]
    full: list[Mention] = []  # the first mention of each full (two-or-more-word) name
    resolved: dict[tuple[int, int], Mention] = {}
    for person in people:
        name = person.full_name or person.text
        words = _tokens(name)
        if len(words) < 2 or _KIN_TITLE.fullmatch(name):
            continue
        key = name_key(name)
        if any(name_key(f.full_name or f.text) == key for f in full):
            continue
        same = next(
            (
                f
                for f in full
                if len(_tokens(f.full_name or f.text)) == len(words)
                and is_persian(f.full_name or f.text) == is_persian(name)
                and name_similarity(f.full_name or f.text, name) >= THRESHOLD
            ),
            None,
        )
        if same is None:
            full.append(person)
        else:
            resolved[(person.start, person.end)] = same
    for person in people:
        title = _KIN_TITLE.fullmatch(person.full_name or person.normalized or person.text)
        if title is None:
            continue
        given = name_key(title.group(1))
        named = {
            name_key(f.full_name or f.text): f
            for f in full
            if name_key(_tokens(f.full_name or f.text)[0]) == given
        }
        if len(named) == 1:
            resolved[(person.start, person.end)] = next(iter(named.values()))
    if not resolved:
        return mentions
    result = []
    for mention in mentions:
        same = resolved.get((mention.start, mention.end))
        if same is not None and mention.type is MentionType.PERSON:
            mention = replace(
                mention, normalized=same.normalized, full_name=same.full_name or same.text
            )
        result.append(mention)
    return result


def _outside(text: str, found: list[Sentence], spans: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences with the tables cut out (a table's rows are read by the table reader;
    the lines around it stay sentences)."""
    if not spans:
        return found
    result = []
    for sentence in found:
        pieces = [(sentence.start, sentence.end)]
        for start, end in spans:
            cut = []
            for s, e in pieces:
                if e <= start or end <= s:
                    cut.append((s, e))
                    continue
                cut += [p for p in ((s, start), (end, e)) if p[1] > p[0]]
            pieces = cut
        for s, e in pieces:
            chunk = text[s:e]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                result.append(Sentence(s + lead, s + lead + len(stripped), stripped))
    return result
