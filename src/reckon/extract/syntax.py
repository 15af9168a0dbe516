"""Who a trigger is about, read from spaCy's dependency parse (English text only).

The claim rules find a trigger ("was transferred", "led … to the gallows") by
its words; this module says which words are its grammatical arguments, so that
a victim is the one the verb is about rather than the nearest name:

- passive ("Mohsen Farzaneh, who was held with Alavi, was transferred"): the
  passive subject (Farzaneh), not a name in a relative clause (Alavi);
- active with an object ("agents arrested Ali"): the object is the victim and
  the subject the agent;
- intransitive or copular ("Ali disappeared", "Ali spent six years in Evin",
  "Ali was a supporter of the Front"): the subject;
- a noun ("the execution of Ali"): what follows "of";
- a verb joined to an earlier one ("was arrested and transferred") shares its
  subject; a relative pronoun ("who was hanged") stands for the noun it follows;
  "X and Y" and "X, his brother Y" are both subjects.

The answer is a list of character offsets of the argument's head words (names
are matched to mentions by the caller), the pronoun itself ("he", "they") when
the argument is a personal pronoun (the caller resolves it to the last person
named), or ``None`` when the parse says nothing usable, and the caller falls
back to word order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

__all__ = ["Arguments", "Parses", "arguments", "parse"]

_PERSONAL = {"he", "she", "him", "her", "they", "them", "i", "me", "we", "us"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_OBJECTS = {"dobj", "obj"}


@dataclass(frozen=True)
class Arguments:
    """The parse's reading of one trigger: the patient (victim) and the agent (actor)."""

    patient: list[int] | str | None  # head-word offsets, a pronoun ("he"), or None (unknown)
    agent: list[int] | str | None
    passive: bool
    subject: list[int] | str | None = None  # the grammatical subject, whatever the voice

    @property
    def actor(self) -> list[int] | str | None:
        """Who acted: the agent of a passive ("by X"), else the subject."""
        return self.agent if self.passive else self.subject


@lru_cache(maxsize=4)
def parse(text: str) -> Any:
    """The parsed spaCy Doc of ``text`` (cached: mentions and claims share one parse)."""
    from reckon.extract import nlp

    return nlp.english()(text)


def _token_at(doc: Any, start: int, end: int) -> Any | None:
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return None
    for token in tokens:
        if token.pos_ in ("VERB",) or (token.pos_ == "NOUN" and token.dep_ != "compound"):
            return token
    for token in tokens:
        if token.pos_ == "AUX" and token.head.pos_ in ("VERB", "NOUN", "ADJ"):
            return token.head
    return tokens[0]


def _expand(token: Any) -> list[Any]:
    """The token and those standing beside it: conjuncts and appositions."""
    found = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in ("conj", "appos") and child not in found:
                found.append(child)
                stack.append(child)
    return found


def _resolve(token: Any) -> list[int] | str:
    """Offsets of the argument's words, following a relative pronoun to its noun."""
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        token = token.head.head
    # "The man who read out the names was Rasoul Feyzabadi": the one named after "was".
    named = _copula_complement(token)
    if named is not None:
        token = named
    elif (token.tag_ == "PRP" and token.lower_ in _PERSONAL) or (
        token.tag_ == "PRP$" and token.lower_ in ("his", "her", "their", "my", "our")
    ):
        if token.lower_ in ("i", "me") and any(c.dep_ == "conj" for c in token.children):
            # "arrested me and my cousin X": the offsets of both ("I"/"me" is the narrator).
            return [w.idx for w in _expand(token)] + [
                c.idx for w in _expand(token) for c in w.children if c.dep_ == "compound"
            ]
        return str(token.lower_)
    words = _expand(token)
    offsets = [w.idx for w in words]
    # "the body of Ali", "members of the family": the noun after "of" when it is a name.
    for word in words:
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                offsets += [g.idx for g in child.children if g.dep_ == "pobj"]
    # Compound name parts ("Mohsen" of "Mohsen Farzaneh") so a mention covering any matches.
    for word in words:
        offsets += [c.idx for c in word.children if c.dep_ == "compound"]
    return offsets


_EVENT_NOUN = re.compile(
    r"(?:execution|arrest|transfer|trial|release|burial|detention|disappearance|imprisonment|"
    r"hanging|killing|death|support|membership|sympathy|affiliation|interrogation|torture|"
    r"sentenc|conviction|abduction|kidnapping|incarceration|capture|funeral|grave|body)"
)
_COPULAS = {"is", "was", "were", "are", "'s"}


def _copula_complement(token: Any) -> Any | None:
    """The name a common noun is equated with: "the man … was X" (X a proper noun)."""
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or token.head.lower_ not in _COPULAS:
        return None
    attr = _child(token.head, {"attr"})
    return attr if attr is not None and attr.pos_ == "PROPN" else None


def plural_common(doc: Any, offsets: list[int]) -> bool:
    """Whether an argument is a plural common noun ("prisoners", "the commanders"):
    it names no one person, so no nearby name is its referent."""
    heads = [t for t in doc if t.idx in offsets]
    return bool(heads) and all(t.tag_ == "NNS" for t in heads)


def _child(token: Any, deps: set[str]) -> Any | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _agent(verb: Any) -> Any | None:
    by = _child(verb, {"agent"})
    return None if by is None else _child(by, {"pobj"})


def arguments(doc: Any, start: int, end: int) -> Arguments | None:
    """The patient and agent of the trigger at ``[start, end)`` of the parsed text."""
    token = _token_at(doc, start, end)
    if token is None:
        return None
    if token.pos_ == "NOUN" and token.dep_ != "ROOT":
        # A nominal trigger: "the execution of Ali", "his arrest".
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = None if of is None else _child(of, {"pobj"})
        if target is not None:
            return Arguments(_resolve(target), None, False, _resolve(target))
        poss = _child(token, {"poss"})
        # "his arrest", "her execution": the owner of an event is its subject; the owner
        # of a person ("my cellmate") is not.
        if poss is not None and _EVENT_NOUN.match(token.lower_):
            return Arguments(_resolve(poss), None, False, _resolve(poss))
        # "the support of …" after a verb: the verb's subject ("Ali was arrested for his support").
        return None
    verb = token
    # A verb joined to an earlier one, or an open clause ("was taken to be hanged"), shares
    # the earlier verb's subject.
    climbed = verb
    while (
        _child(climbed, _SUBJECTS) is None
        and climbed.dep_ in ("conj", "xcomp")
        and climbed.head is not climbed
    ):
        climbed = climbed.head
    subject = _child(climbed, _SUBJECTS)
    passive = subject is not None and subject.dep_ == "nsubjpass"
    if subject is None and climbed.dep_ == "relcl":
        subject = climbed.head
        passive = _child(verb, {"auxpass"}) is not None
    if subject is None and verb.dep_ == "acl":
        # "prisoners executed in …", "Ali, arrested in 1983, …": the noun it describes.
        subject = verb.head
        passive = verb.tag_ == "VBN"
    said = None if subject is None else _resolve(subject)
    if isinstance(said, list) and subject is not None:
        # "My cellmate Omid Rahnama and I were taken …" parsed as two subjects of one verb:
        # both ("I" by its offset, which the caller reads as the narrator).
        for other in climbed.children:
            if other.dep_ in _SUBJECTS and other is not subject and other.lower_ in ("i", "me"):
                said = [*said, other.idx]
            elif other.dep_ in _SUBJECTS and other is not subject:
                more = _resolve(other)
                if isinstance(more, list):
                    said = [*said, *more]
    if passive:
        agent = _agent(verb) or _agent(climbed)
        return Arguments(said, None if agent is None else _resolve(agent), True, said)
    obj = _child(verb, _OBJECTS)
    if obj is not None:
        return Arguments(_resolve(obj), said, False, said)
    return Arguments(said, None, False, said)


def _shift(value: list[int] | str | None, by: int) -> list[int] | str | None:
    return [v + by for v in value] if isinstance(value, list) else value


class Parses:
    """Each sentence of a text parsed on its own, so that a parse never runs across
    the boundaries reckon's sentence splitter drew (a heading, a list line)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        from reckon.extract import nlp

        self._starts = [start for start, _ in spans]
        self._docs = list(nlp.english().pipe(text[start:end] for start, end in spans))

    def _locate(self, start: int) -> tuple[Any, int] | None:
        index = bisect_right(self._starts, start) - 1
        return None if index < 0 else (self._docs[index], self._starts[index])

    def is_modifier(self, start: int, end: int) -> bool:
        """Whether the trigger only describes a noun ("a released cellmate", "executed
        prisoners' families"): it then states nothing about a named person."""
        located = self._locate(start)
        if located is None:
            return False
        doc, base = located
        tokens = [t for t in doc if start - base <= t.idx < end - base]
        return len(tokens) == 1 and tokens[0].dep_ == "amod"

    def plural_common(self, offsets: list[int]) -> bool:
        """`plural_common` for offsets into the whole text."""
        if not offsets:
            return False
        located = self._locate(offsets[0])
        if located is None:
            return False
        doc, base = located
        return plural_common(doc, [o - base for o in offsets])

    def arguments(self, start: int, end: int) -> Arguments | None:
        """`arguments` of the trigger at ``[start, end)`` of the whole text."""
        index = bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        base = self._starts[index]
        found = arguments(self._docs[index], start - base, end - base)
        if found is None:
            return None
        return replace(
            found,
            patient=_shift(found.patient, base),
            agent=_shift(found.agent, base),
            subject=_shift(found.subject, base),
        )
