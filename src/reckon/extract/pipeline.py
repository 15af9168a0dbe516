"""Extraction from one text: mentions and proposed claims, and their JSON form.

The JSON contract of ``reckon extract --json`` (offsets are Python character
offsets into the text; absent parts are null)::

    {"mentions": [{"type": "PERSON|PLACE|ORG|DATE", "text", "start", "end", "normalized"}],
     "claims": [{"type", "victim", "perpetrator", "place", "date", "start", "end", "quote"}]}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reckon.extract import nlp, syntax
from reckon.extract.claims import ProposedClaim, propose_claims
from reckon.extract.gazetteer import Gazetteer
from reckon.extract.mentions import Mention, find_mentions
from reckon.extract.text import is_persian, sentences

__all__ = ["Extraction", "extract_text"]


@dataclass(frozen=True)
class Extraction:
    """What was found in one text."""

    text: str
    mentions: list[Mention]
    claims: list[ProposedClaim]

    def as_json(self) -> dict[str, Any]:
        return {
            "mentions": [m.as_json() for m in self.mentions],
            "claims": [c.as_json() for c in self.claims],
        }


def extract_text(
    text: str, gazetteer: Gazetteer | None = None, *, use_spacy: bool = True
) -> Extraction:
    """Find the mentions in ``text`` and propose the claims its sentences state."""
    mentions = find_mentions(text, gazetteer, use_spacy=use_spacy)
    found = sentences(text)
    parses = None
    if use_spacy and not is_persian(text) and nlp.available_model() is not None:
        parses = syntax.Parses(text, [(s.start, s.end) for s in found])
    claims = propose_claims(text, found, mentions, parses)
    return Extraction(text, mentions, claims)
