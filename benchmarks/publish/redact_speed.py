"""How fast `reckon.publish.redact.Redactor` finds names in a long text (what a shred scans).

Synthetic, fictional names: 205 names to find (five that occur, 200 that do not) in
about 1 MB of English text where two spellings occur in every sentence, one of them
only by its consonant skeleton (confirmed by the names module's similarity).

    .venv/bin/python benchmarks/publish/redact_speed.py
"""

from __future__ import annotations

import time

from reckon.publish.redact import Redactor

NAMES = [
    "Kourosh Tahmasbi",
    "کوروش طهماسبی",
    "Shahrzad Varjavand",
    "Kourosh",
    "Mohammad Karimi",
] + [f"Name{i} Surname{i}" for i in range(200)]
SENTENCE = (
    "Shahrzad Varjavand was executed at Evin Prison on 10 August 1988, the same day "
    "as her cousin Kurosh Tahmasebi and Mahmoud Karimi. "
)


def main() -> None:
    names = Redactor.of(NAMES)
    text = SENTENCE * 8000
    start = time.perf_counter()
    found = names.spans(text)
    took = time.perf_counter() - start
    print(f"{len(text) / 1e6:.2f} MB, {len(NAMES)} names: {len(found)} spans in {took:.2f} s")


if __name__ == "__main__":
    main()
