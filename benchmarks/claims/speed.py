"""Documents per second of `extract_text` over every annotated document in data/.

Usage: python benchmarks/claims/speed.py [PASSES]

spaCy is loaded before timing; the cached parse is cleared before each document so
that every pass parses again. CPU time (``time.process_time``), best and median pass.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reckon.extract import nlp, syntax
from reckon.extract.pipeline import extract_text
from reckon.extract.text import read_text

DATA = Path(__file__).parent / "data"


def main() -> int:
    passes = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    docs = [
        read_text(p)
        for p in sorted(DATA.rglob("*"))
        if p.is_file() and p.suffix in (".txt", ".html")
    ]
    if nlp.available_model() is not None:
        nlp.english()
    extract_text("Ali Rezaei was executed in Evin Prison in 1988.")
    times = []
    for _ in range(passes):
        started = time.process_time()
        for doc in docs:
            syntax.parse.cache_clear()
            extract_text(doc)
        times.append(time.process_time() - started)
    times.sort()
    print(
        f"{len(docs)} documents, {sum(map(len, docs))} characters; CPU s per pass: best "
        f"{times[0]:.2f}, median {times[len(times) // 2]:.2f}; documents/s at the best pass: "
        f"{len(docs) / times[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
