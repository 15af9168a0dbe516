"""Linkage tables: victim lists, their person records and claims, link runs and decisions.

``victim_lists``
    One row per imported version of a list. ``replaces_id`` points at the
    version it supersedes (kept, with its decisions); ``derived_from_id`` at a
    list it copies (a copied list is not an independent capture).
``person_records``
    One person as one list describes them, with the text as written and the
    parsed birth-year and death-date intervals.
``list_claims``
    What a list's row asserts (died or was executed on a date at a place, was
    held at a prison, belonged to a group), attributed to the list's source.
``link_runs``
    One run of linkage: engine, the model used (reckon's saved-model JSON),
    threshold, counts, and what the guard rails held.
``link_pairs``
    The scored pairs of a run at or above the review band's low end, with each
    comparison's match weight (the evidence for and against).
``link_decisions``
    Reviewers' decisions on pairs (same, different, unsure), never deleted; the
    newest per pair counts, and it overrides the model in every later run.
``person_members``
    Which person (cluster) each record belongs to after the newest run, and
    whether that cluster is held for review by the guard rails.
"""

from sqlalchemy import (
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

from reckon.store.schema.columns import decided, decision, one_of, reason, written_date
from reckon.store.schema.kinds import LIST_CLAIM_KINDS
from reckon.store.schema.meta import metadata
from reckon.store.types import JSONText, UTCDateTime

DECISIONS = ("same", "different", "unsure")

victim_lists = Table(
    "victim_lists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=True),
    Column("replaces_id", Integer, ForeignKey("victim_lists.id"), nullable=True),
    Column("derived_from_id", Integer, ForeignKey("victim_lists.id"), nullable=True),
    Column("calendar", String(12), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("column_map", JSONText, nullable=False),
    Column("n_records", Integer, nullable=False),
    Column("imported_at", UTCDateTime, nullable=False),
    Column("imported_by", Integer, ForeignKey("users.id"), nullable=False),
    UniqueConstraint("name", "version", name="name_version"),
    CheckConstraint("calendar IN ('gregorian', 'jalali')", name="calendar_known"),
)

person_records = Table(
    "person_records",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("list_id", Integer, ForeignKey("victim_lists.id"), nullable=False, index=True),
    Column("row_number", Integer, nullable=False),
    Column("list_ref", Text, nullable=True),
    Column("full_name", Text, nullable=True),
    Column("given_name", Text, nullable=True),
    Column("surname", Text, nullable=True),
    Column("father_name", Text, nullable=True),
    Column("sex", String(1), nullable=True),
    Column("birth_year", String(20), nullable=True),
    Column("birth_lo", Integer, nullable=True),
    Column("birth_hi", Integer, nullable=True),
    Column("city", Text, nullable=True),
    Column("prison", Text, nullable=True),
    *written_date("death", text_column="death_date"),
    Column("extra", JSONText, nullable=True),
    UniqueConstraint("list_id", "row_number", name="list_row"),
)

list_claims = Table(
    "list_claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_id", Integer, ForeignKey("person_records.id"), nullable=False, index=True),
    Column("list_id", Integer, ForeignKey("victim_lists.id"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=True),
    Column("kind", String(20), nullable=False),
    Column("place", Text, nullable=True),
    Column("value", Text, nullable=True),
    *written_date(),
    one_of("kind", LIST_CLAIM_KINDS, "claim_kind_known"),
)

link_runs = Table(
    "link_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", UTCDateTime, nullable=False),
    Column("run_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("engine", String(10), nullable=False),
    Column("model", JSONText, nullable=False),
    Column("threshold", Float, nullable=False),
    Column("n_records", Integer, nullable=False),
    Column("n_persons", Integer, nullable=False),
    Column("n_held", Integer, nullable=False),
    Column("n_labels", Integer, nullable=False),
    Column("timings", JSONText, nullable=True),
)

link_pairs = Table(
    "link_pairs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("link_runs.id"), nullable=False, index=True),
    Column("record_l", Integer, ForeignKey("person_records.id"), nullable=False),
    Column("record_r", Integer, ForeignKey("person_records.id"), nullable=False),
    Column("probability", Float, nullable=False),
    Column("evidence", JSONText, nullable=True),
)

link_decisions = Table(
    "link_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_l", Integer, ForeignKey("person_records.id"), nullable=False, index=True),
    Column("record_r", Integer, ForeignKey("person_records.id"), nullable=False),
    decision(),
    reason(),
    *decided(),
    CheckConstraint("record_l < record_r", name="pair_ordered"),
    one_of("decision", DECISIONS, "decision_known"),
)

person_members = Table(
    "person_members",
    metadata,
    Column("record_id", Integer, ForeignKey("person_records.id"), primary_key=True),
    Column("person_id", String(40), nullable=False, index=True),
    Column("run_id", Integer, ForeignKey("link_runs.id"), nullable=False),
    Column("held", Integer, nullable=False),
)
