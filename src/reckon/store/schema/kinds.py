"""The kinds of claim, defined once for the tables that check them.

``CLAIM_KINDS``
    What a source's claim may assert (``claims.kind``): events of the victim's
    path, the roles of alleged perpetrators, a published figure.
    `reckon.extract.claims.ClaimKind` names the same kinds (a test checks).
``LIST_CLAIM_KINDS``
    What a row of a victims' list asserts (``list_claims.kind``), attributed to
    the list: fewer kinds, and ``death`` (the list says the person died, not
    how), which a claim coded from a text never is.

Each table's CHECK constraint lists its kinds in this order, as its migration
wrote it; adding a kind needs a migration.
"""

CLAIM_KINDS = (
    "arrest", "detention", "transfer", "trial", "execution", "burial", "disappearance",
    "release", "affiliation", "ordered", "took_part", "was_present", "sat_on_commission",
    "figure",
)  # fmt: skip
LIST_CLAIM_KINDS = ("execution", "death", "detention", "affiliation")
