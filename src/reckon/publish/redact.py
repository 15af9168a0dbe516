"""Public outputs must not name a withheld or shredded person, nor a witness or submitter.

Quotes
    A claim about one person is often a sentence that names others too ("A and
    B were executed at Evin"): the claim about A stays public when B's family
    asks that B be withheld (or B is shredded), but its quote would still name
    B. Three things find the words naming B, and public outputs (person pages,
    the public export) replace each with `WITHHELD_NAME`:

    - the mentions tied to B's named person (``N<id>``, every reference of B
      through `reckon.publish.withhold.withheld_refs`): offsets into the text;
    - B's known names (every spelling of the named person and of the mentions
      tied to them, every list record's name, in either script), found as whole
      words after the names module's normalisation (Persian and Arabic letter
      variants, ZWNJ, diacritics, case): so a spelling no mention covers, or
      the other script, is found too. A name of two words or more also matches
      a spelling with the same consonant skeleton (`reckon.names.keys.skeleton`:
      Tahmasbi, Tahmasebi and طهماسبی alike). Words that a mention ties to the
      claim's own victim or alleged perpetrator are left alone (a namesake);
    - for a shredded person, whose names are gone by design (their key no
      longer exists): the spans their names covered in every coded document,
      found by the shred while it could still read them (`freeze_shredded`)
      and kept as offsets (sealed like the search index, under a key every
      shred re-wraps). Documents coded after the shred are not covered: a
      shred erases what could find the person again.

Editor free text
    What editors type (correction reasons, source titles and publishers, list
    names, estimate labels, figures' words) is shown as typed; `Redactor.text`
    replaces in it the withheld and shredded persons' known names, and, when
    the passphrase is at hand (the register's server needs it to take
    submissions), witnesses' and submitters' names and contacts, which are
    sealed under the data key and cannot be matched without it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, or_, select

from reckon.store.schema import claims, mentions

if TYPE_CHECKING:
    from reckon.evidence.locker import Locker

WITHHELD_NAME = "[name withheld]"
WITHHELD_DETAIL = "[private detail withheld]"
_CHUNK = 500
# The longest run of words a name may span (a long compound name with titles).
_MAX_WORDS = 8
# Keys shorter than this are not matched: two letters would redact every "Al", "he".
_MIN_KEY = 3
_MIN_SKELETON = 6
# A spelling found by its skeleton must also score as the same name (Mohammad and Mahmoud
# share a skeleton; `reckon.names.similarity` tells them apart, 0.04 against 0.97 for
# Kourosh Tahmasbi and کوروش طهماسبی).
_SIMILAR = 0.8
# The spans a shred found, kept as the fields of one subject under a key that every shred
# re-wraps (never dropped: offsets into documents kept in clear name nobody on their own).
SHREDDED_SPANS = "redact:shredded"
_SPANS = "spans:"  # a shred's spans in documents: [source id, artifact id, start, end]
_TEXTS = "texts:"  # a shred's spans in editors' free text: SHA-256 of the text to its spans
_WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")


@lru_cache(maxsize=65536)
def _keys(word: str) -> tuple[str, str]:
    """A word's normalised form and consonant skeleton, spaces removed (either script)."""
    from reckon.names.keys import skeleton
    from reckon.names.script import normalize

    return normalize(word).replace(" ", ""), skeleton(word).replace(" ", "").lower()


@lru_cache(maxsize=16384)
def _similar(written: str, names: tuple[str, ...]) -> bool:
    """Whether ``written`` scores as one of ``names`` (cached: the same spelling recurs)."""
    from reckon.names.similarity import name_similarity

    return any(name_similarity(written, name) >= _SIMILAR for name in names)


def _tokens(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _WORD.finditer(text):
        norm, skel = _keys(m.group())
        if norm:
            out.append((m.start(), m.end(), norm, skel))
    return out


@dataclass(frozen=True)
class Redactor:
    """Finds the words of a text that name someone the public must not see named."""

    exact: frozenset[str] = frozenset()
    skeletons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    literals: tuple[str, ...] = ()
    _longest: int = field(default=0, compare=False)
    # Texts a shred found naming the shredded person (SHA-256 of the text to its spans).
    frozen: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        names: Iterable[str],
        literals: Iterable[str] = (),
        frozen: Mapping[str, tuple[tuple[int, int], ...]] | None = None,
    ) -> Redactor:
        """A redactor of ``names`` (as whole words, any spelling normalisation folds),
        ``literals`` (contacts: found anywhere, case aside) and ``frozen`` texts."""
        exact: set[str] = set()
        skeletons: dict[str, tuple[str, ...]] = {}
        for name in names:
            words = [_keys(w) for w in _WORD.findall(name or "")]
            norm = "".join(n for n, _ in words)
            if len(norm) >= _MIN_KEY:
                exact.add(norm)
            skel = "".join(s for _, s in words)
            if len(words) >= 2 and len(skel) >= _MIN_SKELETON:
                skeletons[skel] = (*skeletons.get(skel, ()), name)
        kept = tuple(sorted({s.strip().lower() for s in literals if len(s.strip()) >= 4}))
        longest = max((len(k) for k in exact | set(skeletons)), default=0)
        return cls(frozenset(exact), skeletons, kept, longest, dict(frozen or {}))

    def __bool__(self) -> bool:
        return bool(self.exact or self.skeletons or self.literals or self.frozen)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` that name someone redacted (whole words, longest match)."""
        if not self or not text:
            return []
        found: list[tuple[int, int]] = list(self.frozen.get(_digest(text), ()))
        tokens = _tokens(text)
        for i in range(len(tokens)):
            norm = skel = ""
            end = None
            for j in range(i, min(i + _MAX_WORDS, len(tokens))):
                norm += tokens[j][2]
                skel += tokens[j][3]
                # A word of vowels only ("و", "and") adds nothing to a skeleton: it never
                # ends a match on it, so the span stops at the name's last word.
                if norm in self.exact or (
                    tokens[j][3]
                    and skel in self.skeletons
                    and self._similar(text[tokens[i][0] : tokens[j][1]], self.skeletons[skel])
                ):
                    end = tokens[j][1]
                if len(norm) > self._longest and len(skel) > self._longest:
                    break
            if end is not None:
                found.append((tokens[i][0], end))
        lowered = text.lower()
        for literal in self.literals:
            start = lowered.find(literal)
            while start >= 0:
                found.append((start, start + len(literal)))
                start = lowered.find(literal, start + 1)
        return found

    @staticmethod
    def _similar(written: str, names: tuple[str, ...]) -> bool:
        return _similar(written, names)

    def text(self, value: str | None) -> str | None:
        """``value`` with every name it must not show replaced by `WITHHELD_NAME`."""
        if not value:
            return value
        spans = self.spans(value)
        return redact(value, spans) if spans else value

    def url(self, value: str | None) -> str | None:
        """A link is dropped when it names someone (a slug cannot be redacted and still work)."""
        return None if value and self.spans(value) else value


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def known_names(conn: Connection, refs: Iterable[str], locker: Locker | None = None) -> list[str]:
    """Every spelling the store can read now of the persons ``refs`` name (``N…``, ``P…``,
    ``R…``): named persons' names and the words of the mentions tied to them, and the
    names of list records (a shredded one reads as nameless). A protected person's name,
    sealed under the data key (first read in a confidential source), is opened only
    with an unlocked ``locker``: a public document naming them later makes a named
    person of its own, which their withhold does not cover."""
    from reckon.claims import sealed
    from reckon.claims.persons import PROTECTED_NAME, name_aad
    from reckon.keys import is_sealed_field
    from reckon.link.identity import open_rows
    from reckon.store.schema import person_members, person_records

    wanted = set(refs)
    named = sorted({int(r[1:]) for r in wanted if r[:1] == "N" and r[1:].isdigit()})
    records = {int(r[1:]) for r in wanted if r[:1] == "R" and r[1:].isdigit()}
    clusters = sorted(r for r in wanted if r[:1] == "P" and r[1:].isdigit())
    for start in range(0, len(clusters), _CHUNK):
        records.update(
            int(r)
            for r in conn.execute(
                select(person_members.c.record_id).where(
                    person_members.c.person_id.in_(clusters[start : start + _CHUNK])
                )
            ).scalars()
        )
    records.update(int(c[1:]) for c in clusters)  # a cluster is named after its first record
    out: list[str] = []
    unlocked = locker is not None and locker.keyring.unlocked
    for person_id, name in sealed.names(conn, named).items():
        if name and is_sealed_field(name) and locker is not None and unlocked:
            out.append(str(locker.keyring.open_field(name, name_aad(person_id)) or ""))
        elif name and name != PROTECTED_NAME and not is_sealed_field(name):
            out.append(name)
    out += _mention_words(conn, named)
    ids = sorted(records)
    for start in range(0, len(ids), _CHUNK):
        rows = conn.execute(
            select(person_records).where(person_records.c.id.in_(ids[start : start + _CHUNK]))
        ).all()
        for row in open_rows(conn, rows):
            out += [str(row.full_name or "")]
            out += [" ".join(str(p) for p in (row.given_name, row.surname) if p)]
    return [n for n in out if n.strip() and not is_sealed_field(n)]


def _mention_words(conn: Connection, named: Sequence[int]) -> list[str]:
    """The words of every mention naming one of ``named`` (as `reckon.claims.sealed.
    mention_texts`, in two queries per chunk rather than one per person: a page asks for
    every withheld person's)."""
    from reckon.claims import sealed
    from reckon.publish.erasure import vault_for

    out: list[str] = []
    for start in range(0, len(named), _CHUNK):
        chunk = list(named[start : start + _CHUNK])
        hidden: set[int] = set()
        for row in conn.execute(
            select(mentions.c.person_id, mentions.c.text).where(
                mentions.c.person_id.in_(chunk), mentions.c.sealed.is_(None)
            )
        ):
            if row.text:
                out.append(str(row.text))
            else:
                hidden.add(int(row.person_id))
        if hidden:
            opened = vault_for(conn).open_many(conn, [sealed.subject(i) for i in sorted(hidden)])
            for fields in opened.values():
                for name, value in fields.items():
                    if name.startswith(sealed.MENTION):
                        out.append(str(json.loads(value).get("text") or ""))
    return out


def _witness_identities(conn: Connection, locker: Locker) -> tuple[list[str], list[str]]:
    """Witnesses' and submitters' names, and their contacts (needs the data key)."""
    from reckon.claims.protect import open_json
    from reckon.store.schema import submissions, witnesses

    names: list[str] = []
    contacts: list[str] = []
    for row in conn.execute(select(witnesses.c.id, witnesses.c.sealed)):
        if not row.sealed:
            continue
        record = open_json(locker, row.sealed, f"witness:{row.id}")
        names += [str(record.get("name") or "")]
        contacts += [str(record.get(k) or "") for k in ("contact",)]
    for row in conn.execute(
        select(submissions.c.contact, submissions.c.receipt_sha256).where(
            submissions.c.contact.is_not(None)
        )
    ):
        contact = locker.keyring.open_field(row.contact, f"submission-contact:{row.receipt_sha256}")
        contacts.append(str(contact or ""))
    return names, contacts


def redactor(conn: Connection, locker: Locker | None = None) -> Redactor:
    """The redactor of the public register now: the withheld and shredded persons' known
    names, and witnesses' and submitters' identities when ``locker`` is unlocked."""
    from reckon.publish.withhold import withheld_refs

    names = known_names(conn, withheld_refs(conn), locker)
    contacts: list[str] = []
    if locker is not None and locker.keyring.unlocked:
        found, contacts = _witness_identities(conn, locker)
        names += found
    return Redactor.of(names, contacts, _frozen_texts(conn))


def _frozen_texts(conn: Connection) -> dict[str, tuple[tuple[int, int], ...]]:
    from reckon.publish.erasure import vault_for

    out: dict[str, tuple[tuple[int, int], ...]] = {}
    for name, value in vault_for(conn).fields(conn, SHREDDED_SPANS).items():
        if name.startswith(_TEXTS):
            for digest, spans in json.loads(value).items():
                out[digest] = tuple(out.get(digest, ())) + tuple((int(a), int(b)) for a, b in spans)
    return out


def free_texts(conn: Connection) -> set[str]:
    """What editors typed that public outputs show: sources' titles (or file names),
    publishers, links and affiliations, correction reasons, list names, estimates' labels and strata, and the
    words of published figures."""
    from reckon.claims.figures import read_figures
    from reckon.store.schema import acquisitions, estimates, publications, sources, victim_lists

    texts: set[str] = set()
    public = sources.c.confidential.is_(False)
    for row in conn.execute(
        select(
            sources.c.title, sources.c.original_name, sources.c.publisher, sources.c.affiliation
        ).where(public)
    ):
        texts.update(str(v) for v in row if v)
    for link in conn.execute(
        select(acquisitions.c.url, acquisitions.c.publisher)
        .join(sources, sources.c.id == acquisitions.c.source_id)
        .where(public)
    ):
        texts.update(str(v) for v in link if v)
    texts.update(
        str(v)
        for v in conn.execute(
            select(publications.c.change_reason).where(publications.c.change_reason.is_not(None))
        ).scalars()
    )
    texts.update(str(v) for v in conn.execute(select(victim_lists.c.name)).scalars() if v)
    for label, strata in conn.execute(select(estimates.c.label, estimates.c.strata)):
        texts.update(str(v) for v in (label, strata) if v)
    for figure in read_figures(conn):
        shown = figure.figure
        # the export's "figure" column is the statement, "According to …"
        words = (
            figure.source_title,
            shown.who,
            shown.text,
            shown.where_reported,
            shown.statement(),
        )
        texts.update(v for v in words if v)
    return texts


# --- quotes -------------------------------------------------------------------------------


def withheld_spans(conn: Connection, claim_ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """For each claim of ``claim_ids``, the spans of its quote (offsets within the quote)
    that a mention ties to a withheld or shredded person; claims with none are absent."""
    from reckon.publish.withhold import withheld_refs

    named = sorted({int(r[1:]) for r in withheld_refs(conn) if r[:1] == "N" and r[1:].isdigit()})
    if not named:
        return {}
    return _mention_spans(conn, claim_ids, mentions.c.person_id.in_(named))


def _own_spans(conn: Connection, claim_ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """The spans of each quote that a mention ties to the claim's own victim or alleged
    perpetrator: their names, never redacted as a withheld namesake's."""
    own = or_(
        mentions.c.person_id == claims.c.victim_id, mentions.c.person_id == claims.c.perpetrator_id
    )
    return _mention_spans(conn, claim_ids, own)


def _mention_spans(
    conn: Connection, claim_ids: Iterable[str], which: Any
) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for r in _quote_mentions(conn, claim_ids, which):
        out.setdefault(str(r.id), []).append(_in_quote(r))
    return out


def _quote_mentions(conn: Connection, claim_ids: Iterable[str], which: Any) -> list[Any]:
    """Each mention (of those ``which`` selects) that overlaps a claim's quote, with the
    claim's id, source, artifact and quote span."""
    wanted = sorted({int(c) for c in claim_ids if str(c).isdigit()})
    found: list[Any] = []
    for start in range(0, len(wanted), _CHUNK):
        found += conn.execute(
            select(
                claims.c.id,
                claims.c.source_id,
                claims.c.artifact_id,
                claims.c.quote_start,
                claims.c.quote_end,
                mentions.c.person_id,
                mentions.c.start_offset,
                mentions.c.end_offset,
            )
            .join(mentions, mentions.c.source_id == claims.c.source_id)
            .where(
                claims.c.id.in_(wanted[start : start + _CHUNK]),
                claims.c.quote_start.is_not(None),
                claims.c.quote_end.is_not(None),
                (claims.c.artifact_id.is_(None)) | (mentions.c.artifact_id == claims.c.artifact_id),
                which,
                mentions.c.start_offset < claims.c.quote_end,
                mentions.c.end_offset > claims.c.quote_start,
            )
        ).all()
    return found


def _in_quote(r: Any) -> tuple[int, int]:
    """A quote-mention row's span, cut to the quote and counted from its start."""
    lo = max(int(r.start_offset), int(r.quote_start)) - int(r.quote_start)
    hi = min(int(r.end_offset), int(r.quote_end)) - int(r.quote_start)
    return lo, hi


def _unreviewed_spans(
    conn: Connection, claim_ids: Iterable[str]
) -> dict[str, list[tuple[int, int]]]:
    """The spans of each quote that a mention ties to someone another claim names as alleged
    perpetrator (they ordered, took part, were present, sat on a commission), unless this
    claim is that allegation (published under its rule) or their involvement in an event
    this claim supports is public: "X was executed on the order of judge Y" may be
    published as X's execution by one editor, but the allegation against Y needs a second
    editor and independent sources."""
    from reckon.extract.claims import ROLE_KINDS

    roles = sorted(k.value for k in ROLE_KINDS)
    alleged = sorted(
        int(p)
        for p in conn.execute(
            select(claims.c.perpetrator_id)
            .where(
                claims.c.kind.in_(roles),
                claims.c.perpetrator_id.is_not(None),
                claims.c.status != "rejected",
            )
            .distinct()
        ).scalars()
    )
    if not alleged:
        return {}
    found = _quote_mentions(conn, claim_ids, mentions.c.person_id.in_(alleged))
    if not found:
        return {}
    reviewed = _reviewed_allegations(conn, found, roles)
    out: dict[str, list[tuple[int, int]]] = {}
    for r in found:
        if (int(r.id), int(r.person_id)) in reviewed:
            continue
        out.setdefault(str(r.id), []).append(_in_quote(r))
    return out


def _private_spans(
    conn: Connection, claim_ids: Iterable[str], quotes: Mapping[str, str]
) -> dict[str, list[tuple[int, int, str]]]:
    """The words of each quote that state a private field of a person: the organisation an
    affiliation claim of the same sentence ties them to, unless their family disclosed
    it. "X, a member of the Y organisation, was executed" is published as X's execution,
    but Y is X's political affiliation, shown only once the family chooses."""
    from reckon.claims.sealed import open_details
    from reckon.publish.visibility import PRIVATE_CLAIM_KINDS, disclosed_for

    wanted = sorted({int(c) for c in claim_ids if str(c).isdigit()})
    if not wanted:
        return {}
    quoted = claims.alias("quoted")
    private = sorted(PRIVATE_CLAIM_KINDS)
    rows: list[Any] = []
    for start in range(0, len(wanted), _CHUNK):
        rows += conn.execute(
            select(
                quoted.c.id.label("quoted_id"),
                claims.c.id,
                claims.c.kind,
                claims.c.detail,
                claims.c.victim_id,
            )
            .join(quoted, quoted.c.source_id == claims.c.source_id)
            .where(
                quoted.c.id.in_(wanted[start : start + _CHUNK]),
                claims.c.kind.in_(private),
                claims.c.status != "rejected",
                claims.c.quote_start < quoted.c.quote_end,
                claims.c.quote_end > quoted.c.quote_start,
                (quoted.c.artifact_id.is_(None))
                | (claims.c.artifact_id.is_(None))
                | (claims.c.artifact_id == quoted.c.artifact_id),
            )
        ).all()
    if not rows:
        return {}
    details = open_details(conn, rows)
    shown: dict[int, frozenset[str]] = {}
    out: dict[str, list[tuple[int, int, str]]] = {}
    for r in rows:
        detail = details.get(int(r.id))
        quote = quotes.get(str(r.quoted_id)) or ""
        if not detail or not quote:
            continue
        if r.victim_id is not None:
            if int(r.victim_id) not in shown:
                shown[int(r.victim_id)] = disclosed_for(conn, f"N{r.victim_id}")
            if PRIVATE_CLAIM_KINDS[str(r.kind)] in shown[int(r.victim_id)]:
                continue
        for lo, hi in Redactor.of([detail]).spans(quote):
            out.setdefault(str(r.quoted_id), []).append((lo, hi, WITHHELD_DETAIL))
    return out


def _reviewed_allegations(
    conn: Connection, found: Sequence[Any], roles: Sequence[str]
) -> set[tuple[int, int]]:
    """Of ``found`` (a quote's claim and a person its words name), the pairs whose allegation
    in those words is public: a claim of the same source, naming the person as alleged
    perpetrator, whose quote overlaps, is published or supports their published
    involvement."""
    from reckon.publish.items import ItemType
    from reckon.publish.visibility import public_ids
    from reckon.store.schema import involvement_claims, involvements

    persons = sorted({int(r.person_id) for r in found})
    source_ids = sorted({int(r.source_id) for r in found})
    allegations = conn.execute(
        select(
            claims.c.id,
            claims.c.source_id,
            claims.c.artifact_id,
            claims.c.perpetrator_id,
            claims.c.quote_start,
            claims.c.quote_end,
        ).where(
            claims.c.kind.in_(list(roles)),
            claims.c.perpetrator_id.in_(persons),
            claims.c.source_id.in_(source_ids),
            claims.c.quote_start.is_not(None),
            claims.c.quote_end.is_not(None),
        )
    ).all()
    if not allegations:
        return set()
    ids = sorted({int(a.id) for a in allegations})
    shown = public_ids(conn, ItemType.CLAIM, [str(i) for i in ids])
    supports = conn.execute(
        select(involvement_claims.c.claim_id, involvements.c.id, involvements.c.person_id)
        .join(involvements, involvements.c.id == involvement_claims.c.involvement_id)
        .where(involvement_claims.c.claim_id.in_(ids), involvements.c.person_id.in_(persons))
    ).all()
    public_inv = public_ids(conn, ItemType.INVOLVEMENT, {str(r.id) for r in supports})
    shown |= {
        str(r.claim_id)
        for r in supports
        if str(r.id) in public_inv
        and any(
            int(a.id) == int(r.claim_id) and int(a.perpetrator_id) == int(r.person_id)
            for a in allegations
        )
    }
    out: set[tuple[int, int]] = set()
    for r in found:
        for a in allegations:
            if (
                str(a.id) in shown
                and int(a.perpetrator_id) == int(r.person_id)
                and int(a.source_id) == int(r.source_id)
                and (
                    a.artifact_id is None or r.artifact_id is None or a.artifact_id == r.artifact_id
                )
                and int(a.quote_start) < int(r.quote_end)
                and int(a.quote_end) > int(r.quote_start)
            ):
                out.add((int(r.id), int(r.person_id)))
                break
    return out


def _frozen_spans(conn: Connection, claim_ids: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """The spans of each quote that a shred found naming the shredded person."""
    from reckon.publish.erasure import vault_for

    kept = vault_for(conn).fields(conn, SHREDDED_SPANS)
    by_source: dict[int, list[tuple[int, int, int]]] = {}
    for value in (v for k, v in kept.items() if k.startswith(_SPANS)):
        for source_id, artifact_id, lo, hi in json.loads(value):
            by_source.setdefault(int(source_id), []).append((int(artifact_id), int(lo), int(hi)))
    wanted = sorted({int(c) for c in claim_ids if str(c).isdigit()})
    out: dict[str, list[tuple[int, int]]] = {}
    if not by_source:
        return out
    for start in range(0, len(wanted), _CHUNK):
        for r in conn.execute(
            select(
                claims.c.id,
                claims.c.source_id,
                claims.c.artifact_id,
                claims.c.quote_start,
                claims.c.quote_end,
            ).where(
                claims.c.id.in_(wanted[start : start + _CHUNK]),
                claims.c.source_id.in_(sorted(by_source)),
                claims.c.quote_start.is_not(None),
                claims.c.quote_end.is_not(None),
            )
        ):
            qs, qe = int(r.quote_start), int(r.quote_end)
            for artifact_id, lo, hi in by_source[int(r.source_id)]:
                if r.artifact_id is not None and int(r.artifact_id) != artifact_id:
                    continue
                if lo < qe and hi > qs:
                    out.setdefault(str(r.id), []).append((max(lo, qs) - qs, min(hi, qe) - qs))
    return out


def freeze_shredded(conn: Connection, person_ref: str, locker: Locker | None = None) -> int:
    """Before a shred destroys the person's key: find their known names in every coded
    document (the texts claims are read from) and in editors' free text (`free_texts`),
    and keep the spans (with each free text's SHA-256, never the text), so that public
    outputs stay redacted once the names can no longer be read. Returns spans kept."""
    from reckon.publish.equivalence import same_person
    from reckon.publish.erasure import vault_for
    from reckon.store.schema import sources, text_artifacts

    refs = same_person(conn, [person_ref]) | {person_ref}
    names = Redactor.of(known_names(conn, refs, locker))
    if not names:
        return 0
    coded = select(claims.c.source_id).distinct()
    rows = conn.execute(
        select(text_artifacts.c.id, text_artifacts.c.source_id, text_artifacts.c.content)
        .join(sources, sources.c.id == text_artifacts.c.source_id)
        .where(text_artifacts.c.source_id.in_(coded), sources.c.confidential.is_(False))
    )
    spans = []
    for row in rows:
        if row.content is None:
            continue
        text = row.content if isinstance(row.content, str) else bytes(row.content).decode()
        spans += [[int(row.source_id), int(row.id), lo, hi] for lo, hi in names.spans(text)]
    typed = {_digest(t): found for t in free_texts(conn) if (found := names.spans(t))}
    vault = vault_for(conn)
    number = len(vault.fields(conn, SHREDDED_SPANS)) // 2 + 1
    if spans:
        vault.put(conn, SHREDDED_SPANS, f"{_SPANS}{number}", json.dumps(spans))
    if typed:
        vault.put(conn, SHREDDED_SPANS, f"{_TEXTS}{number}", json.dumps(typed))
    return len(spans) + sum(len(v) for v in typed.values())


def redact(quote: str, spans: Iterable[tuple[int, int] | tuple[int, int, str]]) -> str:
    """``quote`` with each span replaced by `WITHHELD_NAME` (or the span's own label),
    overlapping spans merged (a name wins over another label)."""
    merged: list[list[Any]] = []
    for span in sorted(spans, key=lambda s: (s[0], s[1])):
        lo, hi = span[0], span[1]
        label = span[2] if len(span) > 2 else WITHHELD_NAME
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
            if label == WITHHELD_NAME:
                merged[-1][2] = label
        else:
            merged.append([lo, hi, label])
    for lo, hi, label in reversed(merged):
        quote = quote[:lo] + label + quote[hi:]
    return quote


def _outside(
    spans: Sequence[tuple[int, int]], own: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    return [(lo, hi) for lo, hi in spans if not any(lo < b and hi > a for a, b in own)]


def redacted_quotes(
    conn: Connection, quotes: Mapping[str, str], names: Redactor | None = None
) -> dict[str, str]:
    """``quotes`` (claim id to quote) with every withheld or shredded person's name replaced,
    and every alleged perpetrator's whose allegation is not published (`_unreviewed_spans`);
    ``names`` (default: `redactor`) finds the names no mention ties, outside the words
    of the claim's own persons."""
    ids = [k for k, v in quotes.items() if v]
    spans: dict[str, list[Any]] = dict(withheld_spans(conn, ids))
    for claim_id, labelled in _private_spans(conn, ids, quotes).items():
        spans.setdefault(claim_id, []).extend(labelled)
    for claim_id, found in _unreviewed_spans(conn, ids).items():
        spans.setdefault(claim_id, []).extend(found)
    for claim_id, found in _frozen_spans(conn, ids).items():
        spans.setdefault(claim_id, []).extend(found)
    names = names if names is not None else redactor(conn)
    if names:
        own = _own_spans(conn, ids)
        for claim_id in ids:
            found = _outside(names.spans(quotes[claim_id]), own.get(claim_id, []))
            if found:
                spans.setdefault(claim_id, []).extend(found)
    return {k: redact(v, spans[k]) if k in spans else v for k, v in quotes.items()}


# --- whole public objects -------------------------------------------------------------------


def redact_citations(value: Any, names: Redactor) -> Any:
    """``value`` (a public page's dataclasses, tuples of them) with every citation's title,
    publisher and link redacted: typed by editors, they may name anyone."""
    from reckon.publish.public.facts import Citation

    if not names:
        return value
    if isinstance(value, Citation):
        return replace(
            value,
            title=names.text(value.title) or value.title,
            publisher=names.text(value.publisher),
            url=names.url(value.url),
        )
    if isinstance(value, tuple):
        return tuple(redact_citations(v, names) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            if isinstance(old, (tuple, Citation)) or (
                is_dataclass(old) and not isinstance(old, type)
            ):
                new = redact_citations(old, names)
                if new is not old:
                    changes[f.name] = new
        return replace(value, **changes) if changes else value
    return value
