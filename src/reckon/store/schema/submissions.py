"""The moderation queue of what families and witnesses send through the web form.

Each submission is a confidential source (its text encrypted with the rest of
the evidence); the queue row adds only what moderation needs. The receipt code
given to the sender is kept as a SHA-256 hash, and the optional contact as an
encrypted field, so that the table alone says nothing about who sent what.
"""

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text

from reckon.store.schema.meta import metadata
from reckon.store.types import UTCDateTime

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("receipt_sha256", String(64), nullable=False, unique=True),
    Column("contact", Text, nullable=True),
    Column("language", String(8), nullable=False),
    Column("status", String(20), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("moderated_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("moderated_at", UTCDateTime, nullable=True),
)
