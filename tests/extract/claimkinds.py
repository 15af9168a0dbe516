"""How the extraction tests read proposed claims: as (kind, person) pairs.

A role claim (an official's part) is about its alleged perpetrator and has no
victim, so `kinds` pairs it with the perpetrator, as the benchmark scores it;
`victim_kinds` pairs every claim with its victim, for tests that look only at
what happened to whom.
"""

from __future__ import annotations

from reckon.extract.pipeline import extract_text

ROLES = frozenset({"sat_on_commission", "took_part", "ordered", "was_present"})


def kinds(text: str) -> set[tuple[str, str | None]]:
    result = set()
    for claim in extract_text(text).as_json()["claims"]:
        who = claim["perpetrator"] if claim["type"] in ROLES else claim["victim"]
        result.add((claim["type"], who))
    return result


def victim_kinds(text: str) -> set[tuple[str, str | None]]:
    return {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}
