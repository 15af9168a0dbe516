"""Evidence tables: sources, acquisitions, grades, derivations, text artifacts, custody.

Free-text columns of a confidential source (title, file name, where it came
from) hold ``enc1:`` tokens made by `reckon.keys.Keyring.seal_field`.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from reckon.store.schema.columns import grade, one_of, reason, user_ref
from reckon.store.schema.meta import metadata
from reckon.store.types import JSONText, UTCDateTime

# The Admiralty scale's reliability grades of a source, A (reliable) to F (cannot be judged).
GRADES = ("A", "B", "C", "D", "E", "F")

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # SHA-256 of the original bytes (the plaintext, also for confidential sources).
    Column("sha256", String(64), nullable=False, unique=True),
    # The blob that holds them: the same hash, or the hash of the ciphertext.
    Column("blob_sha256", String(64), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(120), nullable=False),
    Column("confidential", Boolean, nullable=False),
    Column("title", Text, nullable=True),
    Column("original_name", Text, nullable=True),
    Column("publisher", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Column("affiliation", Text, nullable=True),
    grade("reliability"),
    Column("technical", JSONText, nullable=True),
    Column("text_status", String(20), nullable=False),
    Column("text_error", Text, nullable=True),
    Column("added_at", UTCDateTime, nullable=False),
    Column("added_by", Integer, ForeignKey("users.id"), nullable=False),
    one_of("reliability", GRADES, "reliability_grade"),
    CheckConstraint("text_status IN ('ok', 'failed', 'none', 'locked')", name="text_status_known"),
)

source_grades = Table(
    "source_grades",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    grade(),
    reason(),
    user_ref("graded_by"),
    Column("at", UTCDateTime, nullable=False),
    one_of("grade", GRADES, "grade_known"),
)

acquisitions = Table(
    "acquisitions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("by_user", Integer, ForeignKey("users.id"), nullable=False),
    Column("method", String(20), nullable=False),
    Column("url", Text, nullable=True),
    Column("publisher", Text, nullable=True),
    Column("from_person", Text, nullable=True),
    Column("original_path", Text, nullable=True),
    Column("tool", String(120), nullable=True),
    Column("note", Text, nullable=True),
)

source_links = Table(
    "source_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("derived_from_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("note", Text, nullable=True),
    Column("recorded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    UniqueConstraint("source_id", "derived_from_id", name="uq_source_links_pair"),
    CheckConstraint("source_id <> derived_from_id", name="not_self"),
)

text_artifacts = Table(
    "text_artifacts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("extractor", String(60), nullable=False),
    Column("extractor_version", String(60), nullable=False),
    # SHA-256 of the text as UTF-8 (plaintext), and of the bytes stored: the
    # text itself or, for a confidential source, its ciphertext. They are kept
    # in ``content`` (texts written before migration 0007_text_inline: in the blob store).
    Column("sha256", String(64), nullable=False),
    Column("blob_sha256", String(64), nullable=False),
    Column("chars", Integer, nullable=False),
    # Character offsets at which each page starts (PDF, OCR); null for one-page text.
    Column("page_starts", JSONText, nullable=True),
    Column("confidence", Float, nullable=True),
    # Title, author, date found by the extractor (an enc1: token for confidential sources).
    Column("info", Text, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("content", LargeBinary, nullable=True),
    UniqueConstraint(
        "source_id", "extractor", "extractor_version", name="uq_text_artifacts_version"
    ),
)

custody_entries = Table(
    "custody_entries",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", UTCDateTime, nullable=False),
    Column("action", String(30), nullable=False),
    Column("actor_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("object_type", String(30), nullable=False),
    Column("object_id", String(80), nullable=False),
    Column("object_sha256", String(64), nullable=True),
    Column("detail_sha256", String(64), nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False, unique=True),
    Column("signature", String(100), nullable=False),
)
