"""What families and witnesses send: kept as confidential sources in a moderation queue."""

from reckon.submissions.queue import (
    MAX_FIELD,
    MAX_TEXT,
    QueueItem,
    SubmissionsClosed,
    pending,
    receipt_status,
    receive,
)

__all__ = [
    "MAX_FIELD",
    "MAX_TEXT",
    "QueueItem",
    "SubmissionsClosed",
    "pending",
    "receipt_status",
    "receive",
]
