"""Clustering: strongest links first, reviewers' decisions win, guard rails hold."""

from __future__ import annotations

from reckon.link.cluster import Edge, cluster

LISTS = {"a1": "A", "a2": "A", "b1": "B", "c1": "C", "d1": "D"}


def test_links_above_threshold_join_and_best_probability_is_kept() -> None:
    result = cluster(LISTS, [Edge("a1", "b1", 0.95), Edge("b1", "c1", 0.4)], threshold=0.5)
    assert result.cluster_of["a1"] == result.cluster_of["b1"] == "a1"
    assert result.cluster_of["c1"] == "c1"
    assert result.best_probability == {"a1": 0.95, "b1": 0.95, "c1": 0.4}
    assert "d1" not in result.best_probability


def test_two_records_of_one_list_need_strong_evidence() -> None:
    edges = [Edge("a1", "b1", 0.9), Edge("a2", "b1", 0.8)]
    result = cluster(LISTS, edges, threshold=0.5)
    assert result.cluster_of["a2"] == "a2"
    assert result.refused_same_list == 1
    strong = cluster(LISTS, [*edges, Edge("a1", "a2", 0.9999)], threshold=0.5)
    assert strong.cluster_of["a2"] == strong.cluster_of["a1"]


def test_common_names_do_not_chain_through_lists() -> None:
    # a1-b1-a2 would make one person of two records of list A via a weak chain.
    edges = [Edge("a1", "b1", 0.7), Edge("b1", "a2", 0.69), Edge("a2", "c1", 0.6)]
    result = cluster(LISTS, edges, threshold=0.5)
    assert result.cluster_of["a1"] != result.cluster_of["a2"]


def test_reviewers_decisions_override_the_model() -> None:
    edges = [Edge("a1", "b1", 0.99), Edge("c1", "d1", 0.01)]
    result = cluster(LISTS, edges, 0.5, different=[("a1", "b1")], same=[("c1", "d1")])
    assert result.cluster_of["a1"] != result.cluster_of["b1"]
    assert result.cluster_of["c1"] == result.cluster_of["d1"]
    assert result.refused_by_review == 1


def test_a_different_decision_also_blocks_a_chain() -> None:
    edges = [Edge("a1", "b1", 0.99), Edge("b1", "c1", 0.98)]
    result = cluster(LISTS, edges, 0.5, different=[("a1", "c1")])
    assert result.cluster_of["a1"] == result.cluster_of["b1"] != result.cluster_of["c1"]


def test_big_clusters_are_held_for_review() -> None:
    lists = {f"r{i}": f"L{i}" for i in range(8)}
    edges = [Edge(f"r{i}", f"r{i + 1}", 0.99) for i in range(7)]
    result = cluster(lists, edges, 0.5, max_cluster_size=5)
    assert result.held == ["r0"]
    assert result.n_clusters == 1


def test_order_of_edges_does_not_matter() -> None:
    edges = [Edge("a1", "b1", 0.7), Edge("a2", "b1", 0.7), Edge("c1", "a2", 0.6)]
    first = cluster(LISTS, edges, 0.5).cluster_of
    assert cluster(LISTS, list(reversed(edges)), 0.5).cluster_of == first
