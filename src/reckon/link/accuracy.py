"""Accuracy of a clustering against known truth: pairwise and B-cubed precision, recall, F1.

Pairwise scores count pairs of records put in one cluster; B-cubed scores
(Bagga and Baldwin, 1998) average, over records, the share of a record's
cluster that is truly the same person (precision) and the share of the
person's records found in its cluster (recall), so that large clusters do not
dominate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def _groups(assign: Mapping[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for record, cluster in assign.items():
        groups[cluster].append(record)
    return groups


def pairs(assign: Mapping[str, str]) -> set[tuple[str, str]]:
    """Every pair of records that share a cluster (each pair ordered)."""
    return {
        pair for members in _groups(assign).values() for pair in combinations(sorted(members), 2)
    }


def pairwise(predicted: Mapping[str, str], truth: Mapping[str, str]) -> Scores:
    """Precision and recall of the pairs of records linked, over records in both mappings."""
    common = predicted.keys() & truth.keys()
    found = pairs({r: predicted[r] for r in common})
    true = pairs({r: truth[r] for r in common})
    hit = len(found & true)
    return Scores(hit / len(found) if found else 1.0, hit / len(true) if true else 1.0)


def bcubed(predicted: Mapping[str, str], truth: Mapping[str, str]) -> Scores:
    """B-cubed precision and recall over records in both mappings."""
    common = sorted(predicted.keys() & truth.keys())
    by_cluster = _groups({r: predicted[r] for r in common})
    by_person = _groups({r: truth[r] for r in common})
    precision = recall = 0.0
    for record in common:
        cluster = set(by_cluster[predicted[record]])
        person = set(by_person[truth[record]])
        overlap = len(cluster & person)
        precision += overlap / len(cluster)
        recall += overlap / len(person)
    n = len(common) or 1
    return Scores(precision / n, recall / n)
