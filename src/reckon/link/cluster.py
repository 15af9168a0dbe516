"""Clusters from pairwise match probabilities, with reviewers' decisions and guard rails.

Edges are taken strongest first (union-find). Two clusters join unless

* a reviewer said two of their records are different people, or
* both already hold a record of the same list and the edge is weaker than
  ``same_list_threshold`` (lists do contain duplicates, but rarely, so two records
  of one list merge only on strong evidence; this also stops common names from
  chaining through several lists into one cluster).

A reviewer's "same" decision joins two records whatever the model says. Clusters
larger than ``max_cluster_size`` are reported as held for review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edge:
    """A scored candidate pair."""

    left: str
    right: str
    probability: float


@dataclass
class Clusters:
    """Which cluster each record is in, and what the guard rails held back."""

    cluster_of: dict[str, str]
    best_probability: dict[str, float]
    held: list[str] = field(default_factory=list)
    refused_same_list: int = 0
    refused_by_review: int = 0

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for record, cluster in self.cluster_of.items():
            out.setdefault(cluster, []).append(record)
        return out

    @property
    def n_clusters(self) -> int:
        return len(set(self.cluster_of.values()))


class _Forest:
    def __init__(self, records: Iterable[str], list_of: Mapping[str, str]) -> None:
        self.parent = {r: r for r in records}
        self.lists: dict[str, dict[str, int]] = {r: {list_of[r]: 1} for r in self.parent}
        self.members: dict[str, list[str]] = {r: [r] for r in self.parent}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        for name, count in self.lists.pop(b).items():
            self.lists[a][name] = self.lists[a].get(name, 0) + count


def cluster(
    list_of: Mapping[str, str],
    edges: Iterable[Edge],
    threshold: float,
    same_list_threshold: float = 0.999,
    max_cluster_size: int = 0,
    same: Iterable[tuple[str, str]] = (),
    different: Iterable[tuple[str, str]] = (),
    best: Mapping[str, float] | None = None,
) -> Clusters:
    """Cluster every record of ``list_of`` (record id -> list name).

    ``edges`` may include pairs below ``threshold``: they only count towards each
    record's best probability. ``same`` and ``different`` are reviewers' decisions.
    ``best`` gives each record's best probability when the engine computed it.
    """
    forest = _Forest(sorted(list_of), list_of)
    best_of: dict[str, float] = {} if best is None else dict(best)
    strong: list[Edge] = []
    for edge in edges:
        if best is None:
            for rid in (edge.left, edge.right):
                if edge.probability > best_of.get(rid, -1.0):
                    best_of[rid] = edge.probability
        if edge.probability >= threshold:
            strong.append(edge)
    # Rounding makes the order the same on engines whose floats differ in the last bits.
    strong.sort(
        key=lambda e: (-round(e.probability, 9), min(e.left, e.right), max(e.left, e.right))
    )
    apart: dict[str, set[str]] = {}
    for a, b in different:
        if a in forest.parent and b in forest.parent:
            apart.setdefault(a, set()).add(b)
            apart.setdefault(b, set()).add(a)

    def forbidden(ra: str, rb: str) -> bool:
        small, other = (ra, rb) if len(forest.members[ra]) <= len(forest.members[rb]) else (rb, ra)
        return any(
            forest.find(partner) == other
            for member in forest.members[small]
            for partner in apart.get(member, ())
        )

    result = Clusters(cluster_of={}, best_probability=best_of)
    decided = [Edge(a, b, 1.0) for a, b in same if a in forest.parent and b in forest.parent]
    for edge in decided:
        ra, rb = forest.find(edge.left), forest.find(edge.right)
        if ra != rb and not forbidden(ra, rb):
            forest.union(ra, rb)
    for edge in strong:
        ra, rb = forest.find(edge.left), forest.find(edge.right)
        if ra == rb:
            continue
        if forbidden(ra, rb):
            result.refused_by_review += 1
            continue
        shared = forest.lists[ra].keys() & forest.lists[rb].keys()
        if shared and edge.probability < same_list_threshold:
            result.refused_same_list += 1
            continue
        forest.union(ra, rb)
    n_lists = len(set(list_of.values()))
    bound = max_cluster_size or n_lists + 2
    for members in forest.members.values():
        cluster_id = min(members)
        for member in members:
            result.cluster_of[member] = cluster_id
        if len(members) > bound:
            result.held.append(cluster_id)
    result.held.sort()
    return result
