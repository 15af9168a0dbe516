"""The publication rules, as pure functions of an item's facts and the deciding editor.

* Only a role with the publish permission publishes (editors and admins).
* A claim is published only once accepted (read correctly from its source).
* Nothing that would reveal a witness or a submitter is ever published.
* An item that names a person as alleged perpetrator (an involvement, a claim
  about an official's role, such a person's own record) is published one at a
  time, by an editor who did not accept any claim it rests on, and only on at
  least ``min_independent_sources`` independent sources, or with an explicit
  override: a written reason and the legal-review flag.
* Victims' records, events and estimates may be published in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass

from reckon.errors import ConflictError, InputError, PermissionDenied
from reckon.publish.items import ItemFacts, ItemType
from reckon.roles import Permission
from reckon.store.users import User
from reckon.workspace import DEFAULT_MIN_INDEPENDENT_SOURCES, Settings


@dataclass(frozen=True)
class Rules:
    """The configurable part of the rules (``[publish]`` in reckon.toml)."""

    min_independent_sources: int = DEFAULT_MIN_INDEPENDENT_SOURCES

    @classmethod
    def from_settings(cls, settings: Settings) -> Rules:
        return cls(min_independent_sources=settings.min_independent_sources)


@dataclass(frozen=True)
class Override:
    """An editor's explicit decision to publish on fewer independent sources than the rule asks."""

    reason: str
    legal_review: bool

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InputError(
                "An override needs a written reason.",
                hint="Say why this allegation should be public on fewer sources (--override-reason).",
            )
        if not self.legal_review:
            raise InputError(
                "An override must be flagged for legal review.",
                hint="Add --legal-review: a lawyer must look at an allegation published this way.",
            )


def check(
    facts: ItemFacts,
    actor: User,
    rules: Rules,
    override: Override | None = None,
    bulk: bool = False,
) -> None:
    """Raise unless ``actor`` may publish the item described by ``facts`` under ``rules``."""
    actor.require(Permission.PUBLISH)
    label = f"{facts.item_type.value} {facts.item_id}"
    if facts.protected:
        raise PermissionDenied(
            f"{label} would reveal a witness or a submitter; such items are never published.",
            hint="Publish the victim's record and the events instead.",
        )
    if not facts.accepted:
        raise ConflictError(
            f"{label} rests on no accepted claim.",
            hint="Accept the claim first ('reckon claims accept ID'); accepted means correctly read.",
        )
    if not facts.names_alleged_perpetrator:
        return
    if bulk:
        raise ConflictError(
            f"{label} names an alleged perpetrator; such items are published one at a time.",
            hint=f"Publish it on its own: reckon publish {facts.item_type.value} {facts.item_id}",
        )
    if facts.item_type is not ItemType.PERSON and not facts.accepted_by:
        raise ConflictError(
            f"{label} names an alleged perpetrator but no accepted claim supports it.",
            hint="A coder must accept the supporting claims first.",
        )
    if actor.id in facts.accepted_by:
        raise PermissionDenied(
            f"User '{actor.name}' accepted a claim that {label} rests on, so cannot also publish "
            "it: an allegation against a named person needs a second editor.",
            hint="Ask another editor to review and publish it.",
        )
    if facts.independent_sources < rules.min_independent_sources and override is None:
        raise ConflictError(
            f"{label} names an alleged perpetrator on {facts.independent_sources} independent "
            f"source(s); the rule asks for {rules.min_independent_sources}.",
            hint="Find corroboration, or override with --override-reason TEXT --legal-review.",
        )
