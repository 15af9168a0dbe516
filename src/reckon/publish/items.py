"""What can be published, and the facts about an item that the publication rules need.

An item is named by its type and its id in the feature that owns it (a
person reference of the linkage issue, a claim, event or involvement of the
claims issue, an estimate). A *resolver* per type reads that feature's tables
and answers with `ItemFacts`; features register resolvers in `RESOLVERS`
(the module `reckon.publish.resolvers` holds the ones reckon ships).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Connection

from reckon.errors import InputError, NotFoundError


class ItemType(StrEnum):
    PERSON = "person"
    CLAIM = "claim"
    EVENT = "event"
    INVOLVEMENT = "involvement"
    ESTIMATE = "estimate"


# Roles of a person in an event that are never published: the fact that someone
# testified or sent information is itself protected.
PROTECTED_ROLES = frozenset({"witness", "submitter", "informant", "source"})
PERPETRATOR_ROLE = "alleged_perpetrator"


@dataclass(frozen=True)
class ItemFacts:
    """What the rules need to know about one item.

    ``persons`` are every person the item names (withholding any of them hides
    the item); ``alleged_perpetrators`` those it names as alleged perpetrators
    (the strict rule applies when there is one); ``accepted_by`` the users who
    accepted the claims the item rests on; ``independent_sources`` how many
    independent chains of sources support it.
    """

    item_type: ItemType
    item_id: str
    label: str
    persons: frozenset[str] = frozenset()
    alleged_perpetrators: frozenset[str] = frozenset()
    protected: bool = False
    accepted: bool = True
    accepted_by: frozenset[int] = frozenset()
    independent_sources: int = 0
    detail: dict[str, object] = field(default_factory=dict)
    # The list records a linked person is made of now: a publication covers these
    # records, so that it follows them when clusters merge or split.
    records: frozenset[int] = frozenset()

    @property
    def refs(self) -> frozenset[str]:
        """The persons it names and its records (``R<id>``): what withholds are checked on."""
        return self.persons | {f"R{r}" for r in self.records}

    @property
    def names_alleged_perpetrator(self) -> bool:
        return bool(self.alleged_perpetrators)


Resolver = Callable[[Connection, str], ItemFacts]

# Filled by reckon.publish.resolvers (imported by `resolve`) and by features that own items.
RESOLVERS: dict[ItemType, Resolver] = {}


def item_type(value: str) -> ItemType:
    """Read an item type as a user writes it."""
    try:
        return ItemType(value.strip().lower())
    except ValueError:
        known = ", ".join(t.value for t in ItemType)
        raise InputError(
            f"'{value}' is not something reckon publishes.", hint=f"Use one of: {known}."
        ) from None


def resolve(conn: Connection, kind: ItemType | str, item_id: str) -> ItemFacts:
    """The facts about one item, from the tables of the feature that owns it."""
    import reckon.publish.resolvers  # noqa: F401  (registers the shipped resolvers)
    from reckon.publish.readers import readers

    readers()  # installed features register their resolvers with their readers

    kind = item_type(kind) if isinstance(kind, str) else kind
    resolver = RESOLVERS.get(kind)
    if resolver is None:
        raise NotFoundError(
            f"This workspace cannot publish {kind.value}s yet: the feature that records them "
            "is not installed.",
            hint="Publish persons for now; claims, events and involvements come with the claims module.",
        )
    return resolver(conn, item_id)
