"""Publication tables: what is public, who decided, and what families asked for.

``publications``
    One row per act of publishing an item (a person, claim, event,
    involvement or estimate). ``status`` is published, corrected (still
    public, with a reason) or withdrawn (no longer public, with a reason). A
    withdrawn item published again gets a new row; the old one stays.
    ``override_reason`` and ``legal_review`` record an editor's explicit
    override of the independent-sources rule.
``publication_persons``
    The persons an item names, as resolved when it was published; withholding
    any of them hides the item.
``person_withholds``
    A family's (or anyone's) request that a person vanish from every public
    output; lifting it keeps the row.
``field_disclosures``
    A family's request that a private field of a person be shown.
``person_keys``
    One random key per person record (``subject_ref``), wrapped by the
    workspace's erasure key of the epoch given; ``reckon shred`` drops the
    wrapped key and moves every other key to a new epoch, so that no copy of
    the database, backups included, can open the shredded person's data
    (docs/erasure.md).
``person_data``
    Personal data of a person record (names, father's name, birth date,
    address, contacts), each field sealed with that record's key: the place
    where any feature keeps what `reckon shred` must be able to erase.
"""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from reckon.store.schema.meta import metadata
from reckon.store.types import UTCDateTime

ITEM_TYPES = ("person", "claim", "event", "involvement", "estimate")
STATUSES = ("published", "corrected", "withdrawn")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_type", String(20), nullable=False),
    Column("item_id", String(80), nullable=False),
    Column("status", String(12), nullable=False),
    Column("published_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("published_at", UTCDateTime, nullable=False),
    Column("note", Text, nullable=True),
    Column("override_reason", Text, nullable=True),
    Column("legal_review", Boolean, nullable=False),
    # The last correction or the withdrawal: who, when and why.
    Column("changed_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("changed_at", UTCDateTime, nullable=True),
    Column("change_reason", Text, nullable=True),
    CheckConstraint(_one_of("item_type", ITEM_TYPES), name="item_type_known"),
    CheckConstraint(_one_of("status", STATUSES), name="status_known"),
    Index("ix_publications_item", "item_type", "item_id"),
)

publication_persons = Table(
    "publication_persons",
    metadata,
    Column("publication_id", Integer, ForeignKey("publications.id"), primary_key=True),
    Column("person_ref", String(80), primary_key=True),
    Index("ix_publication_persons_person_ref", "person_ref"),
)

person_withholds = Table(
    "person_withholds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_ref", String(80), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("recorded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("lifted_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("lifted_at", UTCDateTime, nullable=True),
    Column("lift_reason", Text, nullable=True),
)

field_disclosures = Table(
    "field_disclosures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_ref", String(80), nullable=False, index=True),
    Column("field", String(60), nullable=False),
    Column("reason", Text, nullable=False),
    Column("recorded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("revoked_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("revoked_at", UTCDateTime, nullable=True),
)

person_keys = Table(
    "person_keys",
    metadata,
    Column("subject_ref", String(80), primary_key=True),
    Column("epoch", Integer, nullable=False),
    Column("wrapped_key", LargeBinary, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("shredded_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("shredded_at", UTCDateTime, nullable=True),
)

person_data = Table(
    "person_data",
    metadata,
    Column("subject_ref", String(80), primary_key=True),
    Column("field", String(60), primary_key=True),
    Column("sealed", LargeBinary, nullable=False),
)
