"""Who "I" is: the named narrator of a first-person text.

Testimony is told in the first person ("I was arrested…", "they moved me to
Evin", "بازداشت شدم"), and the narrator's name is given once, elsewhere: a
heading ("Testimony of X", "شهادت X"), an introduction ("X, 64, a retired
teacher, recalls:"), the narrator naming themself ("My name is X", "I, X,",
"اینجانب X", "من، X،") or a signature line at the end. The claim rules then
read "I", "me" and "my" (and the Persian first-person verb) as that person.

A text with no such naming has no narrator: its "I" stays unresolved, so that a
reporter's "I" is never given someone else's name.
"""

from __future__ import annotations

import re

from reckon.extract.mentions import Mention, MentionType

__all__ = ["find_narrator", "is_interview"]

_FIRST_PERSON = re.compile(
    r"\b(?:I|me|my|myself)\b|(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?:من|مرا|اینجانب|بنده)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])"
    r"|(?:شدم|کردم|بودم|ماندم|گشتم|گردیدم)(?![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])"
)
# A heading naming the one who speaks: "Testimony of X", "Interview with X", "By X",
# "Interviewee: X".
_HEADING = re.compile(
    r"^\W*(?:(?:the\s+|an?\s+|my\s+)?(?:(?:written|oral|witness|survivor['’]?s?|personal|first-hand)\s+)?"
    r"(?:testimony|statement|account|story|memoir|memoirs|recollections?|interview|deposition|"
    r"letter|words)\s*(?:of|by|from|with|:|[-–—])|by|in\s+(?:his|her)\s+own\s+words:?"
    # A transcript's header field: "Interviewee: X".
    r"|(?:interviewee|narrator|respondent|deponent)\s*:)\s*$"
    r"|^\W*(?:شهادت|شهادت‌?\s?نامه|روایت|خاطرات|گفتگو\s+با|گفت‌?\s?و\s?گو\s+با|مصاحبه\s+با|نامه)\s*$",
    re.I,
)
# After a name: ", 64, a retired teacher from Rasht, recalls:" — a speech verb, then a colon.
_INTRODUCED = re.compile(
    r"^[^\n:.]{0,120}?\b(?:recalls|remembers|says|said|writes|wrote|testified|testifies|recounts|"
    r"recounted|explains|explained|describes|described|told\s+[\w ]{1,30}?)\s*:"
    r"|^[^\n:.]{0,120}?(?:می‌?گوید|گفت|نوشت|روایت\s+می‌?کند|تعریف\s+می‌?کند)\s*:",
    re.I,
)
# The narrator naming themself.
_SELF_BEFORE = re.compile(
    r"(?:\bmy\s+name\s+is|\bI\s+am|\bI,(?:\s*the\s+undersigned,)?|\bI\s+am\s+called"
    r"|\bI\s+am\s+(?:his|her|their)\s+(?:daughter|son|wife|husband|sister|brother|mother|father),?|"
    r"(?<![\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u200c])(?:اینجانب|من[،,]|"
    r"نام\s+من|اسم\s+من|بنده))\s*$",
    re.I,
)


def _line_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def find_narrator(text: str, mentions: list[Mention]) -> Mention | None:
    """The person who says "I" in ``text``, when the text names them; else None."""
    if not _FIRST_PERSON.search(text):
        return None
    people = [m for m in mentions if m.type is MentionType.PERSON]
    if not people:
        return None
    for person in people:
        before = text[max(0, person.start - 40) : person.start]
        possessive = re.match(r"['’]s\b", text[person.end : person.end + 3])
        if _SELF_BEFORE.search(before) and not possessive:
            return person
    head_end = _heading_zone(text)
    for person in people:
        if person.start >= head_end:
            break
        line_start, line_end = _line_of(text, person.start)
        if _HEADING.match(text[line_start : person.start]):
            return person
        if _INTRODUCED.match(text[person.end : line_end]):
            return person
    # "X, 64, recalls:" further down, at the start of a line that opens the quoted account.
    for person in people:
        line_start, line_end = _line_of(text, person.start)
        if text[line_start : person.start].strip(" \t\"“'‘—–-") == "" and _INTRODUCED.match(
            text[person.end : line_end]
        ):
            return person
    return _signature(text, people)


def _heading_zone(text: str) -> int:
    """The end of the first three non-empty lines."""
    for count, match in enumerate(re.finditer(r"[^\n]*\S[^\n]*", text), start=1):
        if count == 3:
            return match.end()
    return len(text)


def _signature(text: str, people: list[Mention]) -> Mention | None:
    """A line that is only a name ("— Shirin Kamali") among the last two: a signature."""
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))
    # The name's own line, last or above a line of place and date ("Paris, March 2019").
    for last in lines[-2:][::-1]:
        for person in people:
            if last.start() <= person.start < last.end():
                lead = text[last.start() : person.start]
                rest = text[person.end : last.end()]
                if re.fullmatch(r"[\W\d]*", lead + rest):
                    return person
                # "Manijeh Farahmand – Toronto, 1398", "Parvin K., Paris, 2019".
                if re.fullmatch(r"[\W\d]*", lead) and re.fullmatch(r"\s*[–—,\-]\s*.{0,40}", rest):
                    return person
    return None


_QA = re.compile(r"^\s*(?:Q|Question|A|Answer|س|ج|پرسش|پاسخ)\s*[:.\-]", re.M)
# (A transcript's header: "Interviewer: R.", "Respondent: X", "… (transcript)".)
_INTERVIEW = re.compile(
    r"\binterview(?:ed|ee|er)?\b|\btranscript\b|^\s*respondent\s*:|گفت‌?\s?و‌?\s?گو|مصاحبه",
    re.I | re.M,
)


def is_interview(text: str) -> bool:
    """Whether ``text`` is an interview (questions and answers): its "you" is the narrator."""
    return len(_QA.findall(text)) >= 2 or bool(_INTERVIEW.search(text[:300]))
