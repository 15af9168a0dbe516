"""What the public register shows: published persons with what happened to them, and places.

``facts``   a cited source, one published account of what happened, conflicts
``person``  `public_person`: a published person's names and facts; `canonical_ref`: their one page
``places``  `public_places`, `public_place`: prisons, cemeteries and mass graves
"""

from reckon.publish.public.facts import AllegedPerpetrator, Citation, PublicFact
from reckon.publish.public.person import (
    JOINERS,
    PUBLIC_READER,
    PublicPerson,
    canonical_ref,
    public_person,
)

__all__ = [
    "JOINERS",
    "PUBLIC_READER",
    "AllegedPerpetrator",
    "Citation",
    "PublicFact",
    "PublicPerson",
    "canonical_ref",
    "public_person",
]
