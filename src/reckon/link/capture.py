"""Capture histories: which lists name each person, by stratum, for estimation.

Multiple systems estimation needs, for every person the lists name together,
the set of lists that name them, and strata (prison, city) to estimate within.
Place names come in both scripts and several spellings, so a stratum is the
place's key (`reckon.names` skeleton), labelled with its commonest Latin
spelling. A list recorded as derived from another list (``--derived-from`` at
import, or a source derived from the other list's source) is flagged: a copied
list is not an independent capture.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from reckon.link import namekeys
from reckon.link.workspace import current_list_ids, person_id, recluster
from reckon.names import detect_script, transliterate
from reckon.store.schema import person_members, person_records, victim_lists

STRATA = ("prison", "city")


@dataclass(frozen=True)
class PersonCapture:
    """One person (cluster): the lists that name them and their strata."""

    person_id: str
    lists: frozenset[str]
    strata: dict[str, str | None]
    held: bool
    records: tuple[int, ...]


@dataclass
class CaptureHistories:
    """Capture histories of the workspace's persons.

    ``lists`` are the current lists in name order; ``derived_from`` maps a list
    to the list it copies (None for independent lists); ``persons`` has one
    entry per person.
    """

    lists: list[str]
    derived_from: dict[str, str | None]
    persons: list[PersonCapture] = field(default_factory=list)

    @property
    def independent_lists(self) -> list[str]:
        return [name for name in self.lists if self.derived_from.get(name) is None]

    def patterns(
        self, lists: list[str] | None = None, stratum: str | None = None
    ) -> dict[str | None, Counter[tuple[int, ...]]]:
        """Counts of each 0/1 capture pattern over ``lists`` (default: independent lists),
        per value of ``stratum`` (one group, None, without a stratum). Persons named by
        none of ``lists`` are left out."""
        chosen = lists if lists is not None else self.independent_lists
        out: dict[str | None, Counter[tuple[int, ...]]] = {}
        for person in self.persons:
            pattern = tuple(int(name in person.lists) for name in chosen)
            if not any(pattern):
                continue
            key = None if stratum is None else person.strata.get(stratum)
            out.setdefault(key, Counter())[pattern] += 1
        return out


def _derived(conn: Connection, current: dict[int, str]) -> dict[str, str | None]:
    rows = conn.execute(select(victim_lists)).all()
    by_id = {int(r.id): r for r in rows}
    by_source: dict[int, str] = {}
    for list_id, name in current.items():
        source = by_id[list_id].source_id
        if source is not None:
            by_source[int(source)] = name
    out: dict[str, str | None] = {}
    for list_id, name in current.items():
        row = by_id[list_id]
        parent: str | None = None
        if row.derived_from_id is not None:
            parent = str(by_id[int(row.derived_from_id)].name)
        elif row.source_id is not None:
            from reckon.evidence.sources import origins

            for origin in sorted(origins(conn, int(row.source_id)) - {int(row.source_id)}):
                if origin in by_source:
                    parent = by_source[origin]
                    break
        out[name] = parent
    return out


def _labels(values: list[str]) -> dict[str, str]:
    """Place key -> the commonest Latin spelling (else a transliteration)."""
    by_key: dict[str, Counter[str]] = {}
    for value in values:
        key = namekeys.skeleton(value)
        if key:
            by_key.setdefault(key, Counter())[value] += 1
    labels = {}
    for key, spellings in by_key.items():
        latin = [(n, s) for s, n in spellings.items() if detect_script(s) == "latin"]
        if latin:
            labels[key] = max(latin, key=lambda item: (item[0], item[1]))[1]
        else:
            labels[key] = transliterate(spellings.most_common(1)[0][0])
    return labels


def capture_histories(
    conn: Connection,
    strata: tuple[str, ...] = STRATA,
    threshold: float | None = None,
) -> CaptureHistories:
    """Which lists name each person of the newest link run, with strata and derived flags.

    ``threshold`` re-clusters the run's scored pairs at another match
    probability (with every reviewer's decision), without storing it: for
    checking how far an estimate moves with the linkage.
    """
    unknown = [s for s in strata if s not in STRATA]
    if unknown:
        raise ValueError(f"unknown strata {unknown}; use {STRATA}")
    current = current_list_ids(conn)
    rows = conn.execute(
        select(
            person_records.c.id,
            person_records.c.prison,
            person_records.c.city,
            victim_lists.c.name.label("list_name"),
        )
        .join(victim_lists, victim_lists.c.id == person_records.c.list_id)
        .where(person_records.c.list_id.in_(list(current)))
    ).all()
    if threshold is None:
        members = conn.execute(select(person_members)).all()
        person_of = {int(m.record_id): str(m.person_id) for m in members}
        held = {str(m.person_id) for m in members if m.held}
    else:
        clusters = recluster(conn, threshold, store=False)
        person_of = {int(r): person_id(c) for r, c in clusters.cluster_of.items()}
        held = {person_id(c) for c in clusters.held}
    labels = {s: _labels([getattr(r, s) for r in rows if getattr(r, s)]) for s in strata}
    grouped: dict[str, list[Any]] = {}
    for row in rows:
        grouped.setdefault(person_of.get(int(row.id), person_id(row.id)), []).append(row)
    histories = CaptureHistories(
        lists=sorted(set(current.values())), derived_from=_derived(conn, current)
    )
    for pid in sorted(grouped, key=lambda p: int(p[1:])):
        group = grouped[pid]
        values: dict[str, str | None] = {}
        for stratum in strata:
            keys = Counter(
                namekeys.skeleton(getattr(r, stratum)) for r in group if getattr(r, stratum)
            )
            keys.pop("", None)
            values[stratum] = labels[stratum][keys.most_common(1)[0][0]] if keys else None
        histories.persons.append(
            PersonCapture(
                person_id=pid,
                lists=frozenset(str(r.list_name) for r in group),
                strata=values,
                held=pid in held,
                records=tuple(sorted(int(r.id) for r in group)),
            )
        )
    return histories
