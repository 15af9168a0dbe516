"""Claims tables: who did what to whom, according to whom.

``named_persons``
    One person as the workspace's sources name them (a victim, an alleged
    perpetrator, a witness). ``name_key`` finds the same written name again.
    A person first named by a confidential source is *protected*: the name is an
    ``enc1:`` token and the key a keyed hash, so the database alone tells nobody
    who was named there.
``places``
    Prisons, cemeteries and cities named by claims, with their kind.
``mentions``
    A span (start, end) of a source's text artifact naming a person, place,
    organisation or date. For a confidential source the text and the link to a
    person are sealed (``sealed``), so that no plaintext row ties a person to it.
``claims``
    One assertion of one source: kind, victim, alleged perpetrator, place, date
    (as written, calendar, precision, Gregorian interval), the quote as offsets
    into the text artifact, the credibility grade 1–6 with who gave it and why,
    and the coding status with who decided and when. For a confidential source
    the victim and perpetrator are sealed in ``sealed_parties``.
``claim_decisions``
    Every coding decision on a claim (accept, reject, edit, grade), never deleted.
``events`` / ``event_claims``
    A violation (an execution, a detention…) built from accepted claims.
``involvements`` / ``involvement_claims``
    A person's part in an event (victim, alleged perpetrator) with a degree of
    involvement, supported by accepted claims.
``person_links``
    Decisions that a named person (``N<id>``) is, or is not, the person of a
    list's record (and so of that record's linkage cluster ``P<n>``): who
    decided, when, how (an accepted name-matching proposal, with its score and
    evidence, or a coder's own judgement) and why. Never deleted; the newest
    decision per pair counts, so a link is undone by a later "different".
``person_ties``
    Decisions that two named persons (``N<a>``, ``N<b>``, a < b), named by
    different sources, are (``same``) or are not (``different``) one person.
    A name alone never makes two sources' persons one: common names recur.
    Never deleted; the newest decision per pair counts.
``witnesses``
    Who gave testimony or submitted information, and for which source: only a
    sealed record, so that even the fact that someone testified is protected.
"""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from reckon.store.schema.columns import (
    decided,
    decision,
    one_of,
    reason,
    user_ref,
    written_date,
)
from reckon.store.schema.kinds import CLAIM_KINDS
from reckon.store.schema.meta import metadata
from reckon.store.types import JSONText, UTCDateTime

CLAIM_STATUSES = ("proposed", "accepted", "rejected")
MENTION_TYPES = ("PERSON", "PLACE", "ORG", "DATE")
ROLES = ("victim", "alleged_perpetrator", "witness")
LINK_DECISIONS = ("same", "different")
LINK_METHODS = ("proposal", "manual")


named_persons = Table(
    "named_persons",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("name_key", String(128), nullable=False, index=True),
    Column("protected", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("kind", String(20), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("artifact_id", Integer, ForeignKey("text_artifacts.id"), nullable=False),
    Column("type", String(10), nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("normalized", Text, nullable=True),
    Column("person_id", Integer, ForeignKey("named_persons.id"), nullable=True, index=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=True),
    Column("sealed", Text, nullable=True),
    Column("finder", String(20), nullable=False),
    one_of("type", MENTION_TYPES, "mention_type_known"),
    CheckConstraint("end_offset > start_offset", name="span_not_empty"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("artifact_id", Integer, ForeignKey("text_artifacts.id"), nullable=True),
    Column("kind", String(20), nullable=False),
    Column("victim_id", Integer, ForeignKey("named_persons.id"), nullable=True, index=True),
    Column("perpetrator_id", Integer, ForeignKey("named_persons.id"), nullable=True, index=True),
    Column("sealed_parties", Text, nullable=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=True),
    Column("detail", Text, nullable=True),
    *written_date(),
    Column("quote_start", Integer, nullable=True),
    Column("quote_end", Integer, nullable=True),
    Column("credibility", Integer, nullable=False),
    user_ref("credibility_by", nullable=True),
    reason("credibility_reason"),
    decision("status"),
    *decided(nullable=True),
    Column("origin", String(10), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    one_of("kind", CLAIM_KINDS, "claim_kind_known"),
    one_of("status", CLAIM_STATUSES, "claim_status_known"),
    CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility_1_to_6"),
)

claim_decisions = Table(
    "claim_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False, index=True),
    Column("action", String(12), nullable=False),
    Column("by_user", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("reason", Text, nullable=True),
    Column("changes", JSONText, nullable=True),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("key", String(200), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=True),
    Column("date_start", String(10), nullable=True),
    Column("date_end", String(10), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id"), primary_key=True),
)

involvements = Table(
    "involvements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("named_persons.id"), nullable=False, index=True),
    Column("role", String(20), nullable=False),
    Column("degree", String(30), nullable=True),
    UniqueConstraint("event_id", "person_id", "role", name="event_person_role"),
    one_of("role", ROLES, "role_known"),
)

involvement_claims = Table(
    "involvement_claims",
    metadata,
    Column("involvement_id", Integer, ForeignKey("involvements.id"), primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id"), primary_key=True),
)

witnesses = Table(
    "witnesses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # enc1: token of {"source_id", "person_id", "role", "name", "contact", "location", "relation"}
    Column("sealed", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
)

person_links = Table(
    "person_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("named_person_id", Integer, ForeignKey("named_persons.id"), nullable=False, index=True),
    Column("record_id", Integer, ForeignKey("person_records.id"), nullable=False, index=True),
    decision(),
    decision("method"),
    Column("score", Float, nullable=True),
    Column("evidence", JSONText, nullable=True),
    reason(),
    *decided(),
    one_of("decision", LINK_DECISIONS, "link_decision_known"),
    one_of("method", LINK_METHODS, "link_method_known"),
)


person_ties = Table(
    "person_ties",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("named_person_id", Integer, ForeignKey("named_persons.id"), nullable=False, index=True),
    Column("other_person_id", Integer, ForeignKey("named_persons.id"), nullable=False, index=True),
    decision(),
    decision("method"),
    Column("score", Float, nullable=True),
    reason(),
    *decided(),
    one_of("decision", LINK_DECISIONS, "tie_decision_known"),
    one_of("method", LINK_METHODS, "tie_method_known"),
    # One row per unordered pair: the lower id first.
    CheckConstraint("named_person_id < other_person_id", name="tie_pair_ordered"),
)
