"""The name search index: one entry per spelling of a person's name, and its lookup keys.

``search_entries`` holds each name as a source spells it, tied to the person it
belongs to (``person_ref``: the person or cluster id of the linkage issue) and
the record it came from. ``search_keys`` maps short matching keys (see
`reckon.search.keys`) to entries; it is a covering primary key, so a lookup
reads only the index. ``search_key_counts`` holds how many entries share each
key, so that a query can read its rarest keys first.
"""

from sqlalchemy import Column, Index, Integer, String, Table, Text

from reckon.store.schema.meta import metadata

search_entries = Table(
    "search_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_ref", String(80), nullable=False),
    Column("record_ref", String(80), nullable=False),
    Column("name", Text, nullable=False),
    # The phonetic key of each word, space-separated: the quick re-ranking reads it as is.
    Column("phonetic", Text, nullable=False),
    Index("ix_search_entries_person_ref", "person_ref"),
    Index("ix_search_entries_record_ref", "record_ref"),
)

search_keys = Table(
    "search_keys",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("entry_id", Integer, primary_key=True),
    sqlite_with_rowid=False,
)

search_key_counts = Table(
    "search_key_counts",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("n", Integer, nullable=False),
)
