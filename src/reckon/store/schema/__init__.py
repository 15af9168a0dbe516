"""Table definitions, one module per feature, all on one `metadata`.

The tables here describe the schema for queries; the schema itself is created
by the Alembic migrations in ``reckon/store/migrations``, and a test checks
that the two agree.
"""

from reckon.store.schema.core import audit_entries, users, workspace_settings
from reckon.store.schema.meta import metadata

__all__ = ["audit_entries", "metadata", "users", "workspace_settings"]
