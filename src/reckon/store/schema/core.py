"""Core tables: workspace settings, users with roles, and the audit log."""

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Integer, String, Table, Text

from reckon.roles import ROLE_NAMES
from reckon.store.schema.meta import metadata
from reckon.store.types import JSONText, UTCDateTime

workspace_settings = Table(
    "workspace_settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("role IN (" + ", ".join(f"'{r}'" for r in ROLE_NAMES) + ")", name="role_known"),
)

audit_entries = Table(
    "audit_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("action", String(60), nullable=False),
    Column("object_type", String(40), nullable=False),
    Column("object_id", String(80), nullable=True),
    Column("detail", JSONText, nullable=True),
)
