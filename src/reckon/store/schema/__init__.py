"""Table definitions, one module per feature, all on one `metadata`.

The tables here describe the schema for queries; the schema itself is created
by the Alembic migrations in ``reckon/store/migrations``, and a test checks
that the two agree.
"""

from reckon.store.schema.claims import (
    claim_decisions,
    claims,
    event_claims,
    events,
    involvement_claims,
    involvements,
    mentions,
    named_persons,
    person_links,
    person_ties,
    places,
    witnesses,
)
from reckon.store.schema.core import audit_entries, users, workspace_settings
from reckon.store.schema.estimates import estimates
from reckon.store.schema.evidence import (
    acquisitions,
    custody_entries,
    source_grades,
    source_links,
    sources,
    text_artifacts,
)
from reckon.store.schema.link import (
    link_decisions,
    link_pairs,
    link_runs,
    list_claims,
    person_members,
    person_records,
    victim_lists,
)
from reckon.store.schema.meta import metadata
from reckon.store.schema.publish import (
    field_disclosures,
    person_data,
    person_keys,
    person_withholds,
    publication_persons,
    publications,
)
from reckon.store.schema.search import search_entries, search_key_counts, search_keys
from reckon.store.schema.submissions import submissions

__all__ = [
    "acquisitions",
    "audit_entries",
    "claim_decisions",
    "claims",
    "custody_entries",
    "estimates",
    "event_claims",
    "events",
    "field_disclosures",
    "involvement_claims",
    "involvements",
    "link_decisions",
    "link_pairs",
    "link_runs",
    "list_claims",
    "mentions",
    "metadata",
    "named_persons",
    "person_data",
    "person_keys",
    "person_links",
    "person_members",
    "person_records",
    "person_ties",
    "person_withholds",
    "places",
    "publication_persons",
    "publications",
    "search_entries",
    "search_key_counts",
    "search_keys",
    "source_grades",
    "source_links",
    "sources",
    "submissions",
    "text_artifacts",
    "users",
    "victim_lists",
    "witnesses",
    "workspace_settings",
]
