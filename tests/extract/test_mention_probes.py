"""The mention probes' gold (benchmarks/claims/data/probe_m*) is consistent with its texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reckon.extract.text import read_text

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "claims" / "data"


@pytest.mark.parametrize("folder", ["probe_m1", "probe_m2", "probe_m3", "probe_m4"])
def test_every_gold_mention_is_a_whole_word_of_its_text(folder: str) -> None:
    documents = json.loads((BENCH / folder / "gold.json").read_text("utf-8"))["documents"]
    assert documents
    for name, doc in documents.items():
        text = read_text(BENCH / folder / name)
        for kind, surface in doc["mentions"]:
            pattern = rf"(?<![\w\u200c]){re.escape(surface)}(?![\w\u200c])"
            assert re.search(pattern, text), f"{folder}/{name}: {kind} {surface!r}"
        for claim in doc["claims"]:
            assert claim["victim"] or claim["perpetrator"], name
