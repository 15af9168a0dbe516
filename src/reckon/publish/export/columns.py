"""The columns of the public export and what each means: the data dictionary, as data."""

from __future__ import annotations

from typing import Final

from reckon.publish.visibility import FIELD_VISIBILITY, Visibility

_PUBLICATION: Final = {
    "published_at": "when an editor published this item (UTC, ISO 8601)",
    "status": "published, or corrected (still public, with the correction beside it)",
    "correction": "what was corrected and why, when status is corrected",
    "corrected_at": "when the correction was made (UTC)",
}

# Events and involvements are published on claims that need not be public themselves;
# the line still says whose word it rests on.
_ACCORDING_TO: Final = (
    "the sources whose accepted claims the item rests on, by title (' | '; a confidential "
    "source is named only as such; each is in sources.csv)"
)

# Person fields that the visibility table makes public, in a stable order.
PERSON_FIELDS: Final = tuple(
    name
    for name, shown in FIELD_VISIBILITY.items()
    if shown is Visibility.PUBLIC and name not in {"person_id", "name", "names", "sources"}
)

COLUMNS: Final[dict[str, dict[str, str]]] = {
    "persons": {
        "person_id": "reckon's identifier of the person (a reconciled cluster of list records)",
        "names": "every spelling of the person's name that a source gives, in any script "
        "(CSV: separated by ' | ')",
        **{name: f"{name.replace('_', ' ')}, as the sources give it" for name in PERSON_FIELDS},
        "disclosed": "private fields the family asked to be shown, as a JSON object",
        **_PUBLICATION,
    },
    "claims": {
        "claim_id": "reckon's identifier of the claim",
        "kind": "what the source says happened (arrest, detention, transfer, trial, execution, "
        "burial, disappearance, release, affiliation, an official's role, or a figure someone "
        "published)",
        "person_id": "the person the claim is about, when that person is public",
        "person_name": "the person's name as the claim gives it",
        "alleged_perpetrator_id": "the person the source names as alleged perpetrator, when "
        "published under the two-editor, independent-sources rule",
        "alleged_perpetrator_name": "that person's name as the claim gives it",
        "place": "the place the claim names",
        "date_text": "the date as the source writes it (either calendar)",
        "date_start": "first Gregorian day the date can mean (ISO 8601)",
        "date_end": "last Gregorian day the date can mean (ISO 8601)",
        "quote": "the source's own words",
        "according_to": "the source that makes the claim (a confidential source is named only "
        "as such)",
        "source_id": "reckon's identifier of that source",
        "source_sha256": "SHA-256 of the source's original bytes (empty for a confidential source)",
        "grade": "Admiralty grade: source reliability A-F and information credibility 1-6",
        "supporting_sources": "how many sources make the same claim",
        "independent_sources": "how many of those are independent (not derived from one "
        "another, not of the same affiliation)",
        "conflicts_with": "public claims that contradict this one (ids, ' | ')",
        "figure": "for a figure someone published (kind figure): who gave it, the figure as "
        "published, what it counts and its interval",
        **_PUBLICATION,
    },
    "events": {
        "event_id": "reckon's identifier of the event",
        "title": "a short description of the event",
        "kind": "the kind of violation",
        "place": "where it happened",
        "date_text": "when, as the sources write it",
        "date_start": "first Gregorian day (ISO 8601)",
        "date_end": "last Gregorian day (ISO 8601)",
        "claim_ids": "the public claims that support the event (' | ')",
        "according_to": _ACCORDING_TO,
        **_PUBLICATION,
    },
    "involvements": {
        "involvement_id": "reckon's identifier of the involvement",
        "event_id": "the event",
        "person_id": "the person involved",
        "person_name": "the person's name",
        "role": "victim, or alleged perpetrator (always alleged: claims are attributed)",
        "degree": "degree of involvement, as the sources allege it (ordered, took part, was "
        "present, sat on a commission)",
        "status": "the person's later status as reported (e.g. in post, convicted)",
        "status_as_of": "the date that status was reported for",
        "claim_ids": "the public claims the involvement rests on (' | ')",
        "according_to": _ACCORDING_TO,
        **_PUBLICATION,
    },
    "estimates": {
        "estimate_id": "reckon's identifier of the published estimate",
        "label": "the estimate's name",
        "method": "lcmcr (Bayesian latent classes), loglinear, chapman (two lists), or all",
        "estimate": "estimated total, named and unnamed (posterior median or MLE)",
        "lower": "lower end of the interval",
        "upper": "upper end of the interval",
        "interval": "the interval's level (0.95: a 95% interval)",
        "observed": "how many people the lists name",
        "lists": "how many lists it is estimated from",
        "strata": "the field it was estimated by (e.g. prison), if any",
        **_PUBLICATION,
    },
    "sources": {
        "source_id": "reckon's identifier of the source",
        "title": "the source's title (a confidential source: 'a confidential source')",
        "publisher": "who published it",
        "published": "when it was published",
        "url": "where it was collected",
        "affiliation": "the organisation or side the source belongs to",
        "reliability": "Admiralty source reliability, A (completely reliable) to F (cannot be "
        "judged)",
        "sha256": "SHA-256 of the original bytes",
        "confidential": "true for a confidential source",
    },
}
