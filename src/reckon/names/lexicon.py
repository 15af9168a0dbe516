"""A dictionary of Persian name words and their usual Latin spellings.

The shipped table (``data/persian_names.tsv``, see ``data/NOTICE.md`` for its
provenance and licence) maps each Persian word of a name to its most usual
English-style spelling and to the other spellings seen for it. `build_lexicon`
makes such a table from (Persian, Latin, role, count) rows and drops the rows
whose Latin spelling cannot be a reading of the Persian one (their phonetic
keys disagree), which removes the wrong alignments of the source data
(محمد → "Mahmoud", حسینی → "Banisadr").

>>> lex = default_lexicon()
>>> lex.latin_of("غلامرضا")
'gholamreza'
>>> lex.persian_of("hussein")
'حسین'
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reckon.names.honorifics import honorific
from reckon.names.keys import phonetic_key
from reckon.names.script import normalize_latin, normalize_persian

__all__ = ["Entry", "Lexicon", "build_lexicon", "default_lexicon", "plausible_reading"]

_DATA = "persian_names.tsv"
_SINGLE_U = re.compile(r"(?<![ou])u(?![ou])")
_SINGLE_I = re.compile(r"(?<![eai])i(?![e])")


@dataclass(frozen=True)
class Entry:
    """One Persian name word: its usual spelling, other spellings, role and frequency."""

    persian: str
    latin: str  # lower case; a hyphen joins the parts of a compound (mohammad-reza)
    role: str  # "given", "surname" or "unknown"
    count: int
    variants: tuple[str, ...] = ()  # joined lower-case spellings, the usual one first


@dataclass(eq=False)  # hashed by identity: caches key on the lexicon in use
class Lexicon:
    """Look-ups between Persian name words and their Latin spellings."""

    entries: dict[str, Entry] = field(default_factory=dict)
    _by_latin: dict[str, str] = field(default_factory=dict, repr=False)
    _names: dict[str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        best: dict[str, tuple[int, str]] = {}
        for entry in self.entries.values():
            for rank, variant in enumerate(entry.variants):
                # The usual spelling of a frequent word wins a spelling that two words share.
                score = entry.count * (4 if rank == 0 else 1)
                if variant not in best or score > best[variant][0]:
                    best[variant] = (score, entry.persian)
        self._by_latin = {variant: persian for variant, (_, persian) in best.items()}

    def latin_of(self, persian_word: str) -> str | None:
        """The usual Latin spelling of one normalised Persian word, or None if unknown."""
        entry = self.entries.get(persian_word)
        return entry.latin if entry else None

    def persian_of(self, latin_word: str) -> str | None:
        """The Persian word that a normalised Latin spelling (compound joined) usually reads."""
        return self._by_latin.get(latin_word.replace("-", "").replace(" ", ""))

    def name_of(self, persian_word: str) -> str:
        """The name a known word spells: one id for all words that share a spelling, else "".

        لیلی and لیلا share "leila", so they are one name; حمید and حمیده share
        no spelling, so they are two.
        """
        if self._names is None:
            self._names = self._group_names()
        return self._names.get(persian_word, "")

    def _group_names(self) -> dict[str, str]:
        parent: dict[str, str] = {w: w for w in self.entries}

        def find(w: str) -> str:
            while parent[w] != w:
                parent[w] = parent[parent[w]]
                w = parent[w]
            return w

        by_spelling: dict[str, str] = {}
        for entry in self.entries.values():
            for variant in entry.variants:
                other = by_spelling.setdefault(variant, entry.persian)
                parent[find(entry.persian)] = find(other)
        # Name each group after its most frequent word's usual spelling.
        best: dict[str, Entry] = {}
        for entry in self.entries.values():
            root = find(entry.persian)
            if root not in best or entry.count > best[root].count:
                best[root] = entry
        return {w: best[find(w)].latin for w in self.entries}

    def role_of(self, persian_word: str) -> str:
        entry = self.entries.get(persian_word)
        return entry.role if entry else "unknown"

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, persian_word: object) -> bool:
        return persian_word in self.entries

    @classmethod
    def read(cls, path: Path | str | None = None) -> Lexicon:
        """Read a lexicon TSV (persian, latin, role, count, variants); default: the shipped one."""
        if path is None:
            text = resources.files("reckon.names").joinpath("data", _DATA).read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        entries: dict[str, Entry] = {}
        for row in csv.DictReader(text.splitlines(), delimiter="\t"):
            variants = tuple(v for v in row["variants"].split(" ") if v)
            entries[row["persian"]] = Entry(
                row["persian"], row["latin"], row["role"], int(row["count"]), variants
            )
        return cls(entries)

    def write(self, path: Path | str) -> None:
        """Write the lexicon as a TSV sorted by Persian word (stable diffs)."""
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            writer.writerow(["persian", "latin", "role", "count", "variants"])
            for key in sorted(self.entries):
                e = self.entries[key]
                writer.writerow([e.persian, e.latin, e.role, e.count, " ".join(e.variants)])


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with reckon (read once per process)."""
    return Lexicon.read()


def plausible_reading(persian: str, latin: str) -> bool:
    """Whether a Latin spelling can be a romanization of a Persian name word.

    The phonetic keys must agree, allowing a single ``u`` or ``i`` in the Latin
    spelling to stand for a short vowel (Hussein for حسین, Muhammad for محمد),
    which Persian does not write, and a final ``a`` for a final ه (Fatema for
    فاطمه); ``ou``, ``oo``, ``ee`` always stand for a long one (so محمد is not
    Mahmoud).
    """
    target = phonetic_key(persian)
    if not target:
        return False
    latin = normalize_latin(latin)
    short = _SINGLE_I.sub("e", _SINGLE_U.sub("o", latin))
    candidates = {latin, short}
    if target.endswith("e"):
        # a final -a for the final ه (Fatema, Fatima for فاطمه)
        candidates |= {w[:-1] + "eh" for w in candidates if w.endswith("a")}
    targets = {target}
    if len(persian) >= 4 and persian.endswith("ی") and latin.endswith("a"):
        # a final ی read as -a (alef maqsura: Mostafa for مصطفی, Leila for لیلی)
        targets.add(target[:-1])
    return any(phonetic_key(w) in targets for w in candidates)


def build_lexicon(
    rows: Iterable[tuple[str, str, str, int]],
    *,
    keep: Mapping[str, bool] | None = None,
    max_variants: int = 8,
) -> Lexicon:
    """Build a lexicon from (Persian word, Latin spelling, role, count) rows.

    Rows whose Latin spelling is not a `plausible_reading` of the Persian word
    are dropped; so are multi-word Persian keys. ``keep``, if given, says
    which Persian words to keep (the benchmark leaves its held-out words out).
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    display: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for persian_raw, latin_raw, role, count in rows:
        persian = normalize_persian(persian_raw)
        if not persian or " " in persian or (keep is not None and not keep.get(persian, False)):
            continue
        latin = normalize_latin(latin_raw)
        if (
            not latin
            or not latin.replace(" ", "").isalpha()
            or not plausible_reading(persian, latin)
        ):
            continue
        if honorific(latin) is not None and honorific(persian) is None:
            continue  # a title misread as the name (سعید → "Sayed")
        joined = latin.replace(" ", "")
        spellings[persian][joined] += count
        display[persian][latin.replace(" ", "-")] += count
        roles[persian][role] += count
    entries: dict[str, Entry] = {}
    for persian, counter in spellings.items():
        variants = tuple(v for v, _ in counter.most_common(max_variants))
        usual = variants[0]
        # Keep the hyphenation most often seen for the usual spelling.
        shown = max(
            (d for d in display[persian] if d.replace("-", "") == usual),
            key=lambda d: display[persian][d],
        )
        role_counts = roles[persian]
        role = max(("given", "surname"), key=lambda r: role_counts.get(r, 0))
        if not role_counts.get(role):
            role = "unknown"
        entries[persian] = Entry(persian, shown, role, sum(counter.values()), variants)
    return Lexicon(entries)
