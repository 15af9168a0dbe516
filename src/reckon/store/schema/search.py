"""The name search index: one entry per spelling of a person's name, and its lookup keys.

``search_entries`` holds each name as a source spells it, tied to the person it
belongs to (``person_ref``: the person or cluster id of the linkage issue) and
the record it came from; the name and its phonetic key are sealed under the
index key (``sealed``, see `reckon.search.seal`). ``search_keys`` maps matching
keys (see `reckon.search.keys`), stored as a keyed hash of 16 bytes, to
entries; it is a covering primary key, so a lookup reads only the index.
``search_key_counts`` holds how many entries share each key, so that a query
can read its rarest keys first.
"""

from sqlalchemy import Column, Index, Integer, LargeBinary, String, Table

from reckon.store.schema.meta import metadata

search_entries = Table(
    "search_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person_ref", String(80), nullable=False),
    Column("record_ref", String(80), nullable=False),
    # The name and the phonetic key of each word (which the quick re-ranking reads),
    # sealed together under the index key with the entry id as associated data.
    Column("sealed", LargeBinary, nullable=False),
    Index("ix_search_entries_person_ref", "person_ref"),
    Index("ix_search_entries_record_ref", "record_ref"),
)

search_keys = Table(
    "search_keys",
    metadata,
    Column("key", LargeBinary(16), primary_key=True),
    Column("entry_id", Integer, primary_key=True),
    sqlite_with_rowid=False,
)

search_key_counts = Table(
    "search_key_counts",
    metadata,
    Column("key", LargeBinary(16), primary_key=True),
    Column("n", Integer, nullable=False),
)
