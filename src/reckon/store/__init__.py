"""The store: SQLAlchemy Core tables, Alembic migrations and the blob store."""
