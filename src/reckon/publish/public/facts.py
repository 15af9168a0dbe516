"""The pieces of a public page: a cited source, one thing that happened, a conflict.

These are what the public register shows, already filtered: a `Citation`
carries only what `reckon.publish.visibility.public_source` lets out (a
confidential source is "a confidential source" with its grade, nothing more),
and a `PublicFact` only published items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reckon.publish.public.gazetteer import PlaceRef
from reckon.publish.views import DateView, SourceView

# Kinds that happen once to a person: two accounts that cannot both be right conflict.
SINGLE_FACT = frozenset({"execution", "burial"})


@dataclass(frozen=True)
class Citation:
    """A source as the public may cite it ("according to …")."""

    title: str
    reliability: str
    confidential: bool = False
    publisher: str | None = None
    published: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, source: SourceView) -> Citation:
        shown = source.as_public()
        return cls(
            title=str(shown.get("title") or "a source"),
            reliability=str(shown.get("reliability") or "F"),
            confidential=bool(shown.get("confidential")),
            publisher=shown.get("publisher"),
            published=shown.get("published"),
            url=shown.get("url"),
        )


@dataclass(frozen=True)
class AllegedPerpetrator:
    """A person named in a published involvement as an alleged perpetrator."""

    name: str
    degree: str | None
    according_to: tuple[Citation, ...]
    independent_sources: int


@dataclass(frozen=True)
class PublicFact:
    """One published account of what happened to a person: what, when, where, who says so.

    ``key`` names the fact on its page (``list:…``, ``claim:…``, ``event:…``);
    ``role`` is the person's part (``victim`` or ``alleged_perpetrator``);
    ``independent_sources`` counts independent chains of sources (see
    `reckon.claims.corroboration`); ``conflicts_with`` the keys of the facts on
    the same page that cannot be right together with this one.
    """

    key: str
    kind: str
    role: str
    date: DateView | None
    place: PlaceRef | None
    according_to: tuple[Citation, ...]
    independent_sources: int
    quotes: tuple[str, ...] = ()
    grade: str | None = None
    alleged_perpetrators: tuple[AllegedPerpetrator, ...] = ()
    conflicts_with: tuple[str, ...] = ()

    @property
    def supporting_sources(self) -> int:
        return len(self.according_to)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.date.sort_key if self.date else "9999", self.key)


def _overlap(a: DateView | None, b: DateView | None) -> bool:
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return True
    return str(a.start) <= str(b.end) and str(b.start) <= str(a.end)


def disagree(a: PublicFact, b: PublicFact) -> bool:
    """Whether two accounts of what happened to one person cannot both be right.

    Two dates for an execution or a burial that cannot overlap, or a release
    on or after the date given for the execution. Places are not compared:
    the same prison is spelled too differently across lists and scripts.
    """
    if a.role != "victim" or b.role != "victim":
        return False
    if a.kind == b.kind and a.kind in SINGLE_FACT:
        return not _overlap(a.date, b.date)
    if {a.kind, b.kind} == {"execution", "release"}:
        execution, release = (a, b) if a.kind == "execution" else (b, a)
        if execution.date is None or release.date is None:
            return False
        start, end = execution.date.start, release.date.end
        return start is not None and end is not None and str(end) >= str(start)
    return False


def with_conflicts(facts: Sequence[PublicFact]) -> list[PublicFact]:
    """``facts`` in date order, each with the keys of those it conflicts with."""
    from dataclasses import replace

    out = []
    for fact in facts:
        against = tuple(
            other.key for other in facts if other.key != fact.key and disagree(fact, other)
        )
        out.append(replace(fact, conflicts_with=against))
    return sorted(out, key=lambda f: f.sort_key)


def conflict_groups(facts: Iterable[PublicFact]) -> list[tuple[PublicFact, ...]]:
    """The conflicting accounts, grouped (each group shown side by side), in date order."""
    by_key = {f.key: f for f in facts}
    seen: set[str] = set()
    groups = []
    for fact in sorted(by_key.values(), key=lambda f: f.sort_key):
        if fact.key in seen or not fact.conflicts_with:
            continue
        group: list[PublicFact] = []
        stack = [fact.key]
        while stack:
            key = stack.pop()
            if key in seen or key not in by_key:
                continue
            seen.add(key)
            group.append(by_key[key])
            stack.extend(by_key[key].conflicts_with)
        groups.append(tuple(sorted(group, key=lambda f: f.sort_key)))
    return groups
