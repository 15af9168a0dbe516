"""A published quote must not name a withheld or shredded person.

A claim about one person is often a sentence that names others too ("A and B
were executed at Evin"): the claim about A stays public when B's family asks
that B be withheld (or B is shredded), but its quote would still name B. The
words that name B are known: the mentions tied to B's named person (``N<id>``,
and every reference of B through `reckon.publish.withhold.withheld_refs`) have
offsets into the same text as the quote. Public outputs (person pages, the
public export) replace those words with `WITHHELD_NAME`.

A withheld person that no mention is tied to (named in the document but not
recognised as a person) cannot be found this way; coders tie such mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, select

from reckon.store.schema import claims, mentions

WITHHELD_NAME = "[name withheld]"
_CHUNK = 500


def withheld_spans(conn: Connection, claim_ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """For each claim of ``claim_ids``, the spans of its quote (offsets within the quote)
    that name a withheld or shredded person; claims with none are absent."""
    from reckon.publish.withhold import withheld_refs

    named = sorted({int(r[1:]) for r in withheld_refs(conn) if r[:1] == "N" and r[1:].isdigit()})
    wanted = sorted({int(c) for c in claim_ids if str(c).isdigit()})
    if not named or not wanted:
        return {}
    out: dict[str, list[tuple[int, int]]] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(
                claims.c.id,
                claims.c.quote_start,
                claims.c.quote_end,
                mentions.c.start_offset,
                mentions.c.end_offset,
            )
            .join(mentions, mentions.c.source_id == claims.c.source_id)
            .where(
                claims.c.id.in_(wanted[start : start + _CHUNK]),
                claims.c.quote_start.is_not(None),
                claims.c.quote_end.is_not(None),
                (claims.c.artifact_id.is_(None)) | (mentions.c.artifact_id == claims.c.artifact_id),
                mentions.c.person_id.in_(named),
                mentions.c.start_offset < claims.c.quote_end,
                mentions.c.end_offset > claims.c.quote_start,
            )
        )
        for r in rows:
            lo = max(int(r.start_offset), int(r.quote_start)) - int(r.quote_start)
            hi = min(int(r.end_offset), int(r.quote_end)) - int(r.quote_start)
            out.setdefault(str(r.id), []).append((lo, hi))
    return out


def redact(quote: str, spans: Iterable[tuple[int, int]]) -> str:
    """``quote`` with each span replaced by `WITHHELD_NAME` (overlapping spans merged)."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for lo, hi in reversed(merged):
        quote = quote[:lo] + WITHHELD_NAME + quote[hi:]
    return quote


def redacted_quotes(conn: Connection, quotes: Mapping[str, str]) -> dict[str, str]:
    """``quotes`` (claim id to quote) with every withheld person's name replaced."""
    spans = withheld_spans(conn, [k for k, v in quotes.items() if v])
    return {k: redact(v, spans[k]) if k in spans else v for k, v in quotes.items()}
