"""Precision and recall of `reckon extract` on the annotated test set in data/.

Usage: python benchmarks/claims/run.py [--no-spacy] [--details] [--set NAME=DIR ...] [--only-sets]

``--set NAME=DIR`` (repeatable) evaluates another annotated folder too: DIR holds
the documents and a ``gold.json`` in the same form as data/gold.json.
``--only-sets`` skips the three bundled sets.

Mentions: a predicted mention counts as found when it overlaps a gold occurrence of
the same type (one to one); "exact" also needs the same span. Claims: a predicted
claim is correct when its kind and its victim (for role claims: its alleged
perpetrator) match a gold claim of the same document; place and date agreement
are then reported among the matched claims.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from reckon.extract.dates import parse_date
from reckon.extract.gazetteer import name_key
from reckon.extract.pipeline import extract_text
from reckon.extract.text import read_text

DATA = Path(__file__).parent / "data"
ROLE = {"ordered", "took_part", "was_present", "sat_on_commission"}


def gold_spans(text: str, mentions: list[list[str]]) -> list[tuple[str, int, int]]:
    """Every whole-word occurrence of each gold mention, except inside a longer one."""
    spans: list[tuple[str, int, int]] = []
    for kind, surface in sorted(mentions, key=lambda m: -len(m[1])):
        for match in re.finditer(rf"(?<![\w\u200c]){re.escape(surface)}(?![\w\u200c])", text):
            s, e = match.span()
            if any(s < e2 and s2 < e for _, s2, e2 in spans):
                continue
            spans.append((kind, s, e))
    return spans


def same_name(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    ka, kb = name_key(a), name_key(b)
    return ka == kb or (len(min(ka, kb, key=len)) >= 4 and (ka in kb or kb in ka))


def dates_agree(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold

    def interval(value: str) -> tuple[str, str]:
        if "/" in value:
            a, b = value.split("/")
            return a, b
        v = parse_date(value)
        return v.start.isoformat(), v.end.isoformat()

    ps, pe = interval(predicted)
    gs, ge = interval(gold)
    return ps <= ge and gs <= pe


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-spacy", action="store_true")
    parser.add_argument("--details", action="store_true")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also evaluate the annotated folder DIR (documents and gold.json) as NAME",
    )
    parser.add_argument("--only-sets", action="store_true", help="skip the bundled sets")
    args = parser.parse_args()
    sets: list[tuple[str, Path]] = []
    if not args.only_sets:
        sets += [
            ("development set (01–14)", DATA),
            ("held-out set (15–22)", DATA / "heldout"),
            ("blind set (23–27)", DATA / "blind"),
        ]
    for item in args.set:
        name, sep, directory = item.partition("=")
        folder = Path(directory).expanduser()
        if not sep or not name or not (folder / "gold.json").is_file():
            parser.error(f"--set {item!r}: give NAME=DIR, DIR holding gold.json")
        sets.append((name, folder))
    if not sets:
        parser.error("nothing to evaluate: --only-sets needs at least one --set NAME=DIR")
    for label, folder in sets:
        print(f"## {label}")
        evaluate(folder, args.no_spacy, args.details)
        print()
    return 0


def evaluate(folder: Path, no_spacy: bool, details: bool) -> None:
    gold = json.loads((folder / "gold.json").read_text("utf-8"))["documents"]
    tp: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    ctp = cpred = cgold = 0
    place_ok = date_ok = 0
    started = time.perf_counter()
    for name, doc in sorted(gold.items()):
        text = read_text(folder / name)
        result = extract_text(text, use_spacy=not no_spacy)
        spans = gold_spans(text, doc["mentions"])
        used: set[int] = set()
        for kind, *_ in spans:
            n_gold[kind] += 1
        for m in result.mentions:
            n_pred[m.type.value] += 1
            hit = next(
                (i for i, (k, s, e) in enumerate(spans)
                 if i not in used and k == m.type.value and m.start < e and s < m.end),
                None,
            )  # fmt: skip
            if hit is not None:
                used.add(hit)
                tp[m.type.value] += 1
                exact[m.type.value] += (spans[hit][1], spans[hit][2]) == (m.start, m.end)
            elif details:
                print(f"  {name}: extra {m.type.value} {m.text!r}")
        if details:
            for i, (k, s, e) in enumerate(spans):
                if i not in used:
                    print(f"  {name}: missed {k} {text[s:e]!r}")
        gold_claims = list(doc["claims"])
        cgold += len(gold_claims)
        for claim in result.as_json()["claims"]:
            cpred += 1
            who = "perpetrator" if claim["type"] in ROLE else "victim"
            match = next(
                (
                    g
                    for g in gold_claims
                    if g["type"] == claim["type"] and same_name(claim[who], g[who])
                ),
                None,
            )
            if match is None:
                if details:
                    print(
                        f"  {name}: wrong claim {claim['type']} {claim[who]!r} ({claim['quote'][:60]!r})"
                    )
                continue
            gold_claims.remove(match)
            ctp += 1
            place_ok += claim["place"] == match["place"]
            date_ok += dates_agree(claim["date"], match["date"])
        if details:
            for g in gold_claims:
                print(f"  {name}: missed claim {g['type']} {g['victim'] or g['perpetrator']!r}")
    elapsed = time.perf_counter() - started
    print(f"{len(gold)} documents, {elapsed:.1f} s (spaCy {'off' if no_spacy else 'on'})")
    print("| mentions | gold | predicted | precision | recall | exact-span recall |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind in ("PERSON", "PLACE", "ORG", "DATE"):
        p = tp[kind] / n_pred[kind] if n_pred[kind] else 0.0
        r = tp[kind] / n_gold[kind] if n_gold[kind] else 0.0
        x = exact[kind] / n_gold[kind] if n_gold[kind] else 0.0
        print(f"| {kind} | {n_gold[kind]} | {n_pred[kind]} | {p:.2f} | {r:.2f} | {x:.2f} |")
    p = ctp / cpred if cpred else 0.0
    r = ctp / cgold if cgold else 0.0
    print()
    print(
        "| claims (kind + victim/perpetrator) | gold | predicted | correct | precision | recall | place agrees | date agrees |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| all | {cgold} | {cpred} | {ctp} | {p:.2f} | {r:.2f} | "
        f"{place_ok / ctp if ctp else 0:.2f} | {date_ok / ctp if ctp else 0:.2f} |"
    )


if __name__ == "__main__":
    sys.exit(main())
