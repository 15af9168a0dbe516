"""Find persons by name in either script and with typos, over an index kept in the store."""

from reckon.search.index import IndexEntry, add, clear, remove
from reckon.search.query import SearchHit, search

__all__ = ["IndexEntry", "SearchHit", "add", "clear", "remove", "search"]
