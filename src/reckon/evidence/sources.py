"""Preserve sources: store their bytes, record each acquisition, extract their text.

Adding is per-file atomic: a file's bytes, text, rows and custody entries are
all written or none are (blobs written for a file whose transaction fails are
removed again). Adding bytes that are already stored keeps one copy and records
a new acquisition ("seen again"), because the same text reaching us through a
second publisher is evidence too.

Confidential sources have their bytes, text and descriptive fields encrypted
with the workspace's data key; their hashes are of the plaintext.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select

from reckon.errors import ConflictError, InputError, NotFoundError, ReckonError
from reckon.evidence import custody, media
from reckon.evidence.extract import Extraction, ExtractionFailed, extract
from reckon.evidence.locker import Locker, record_of
from reckon.evidence.paths import Candidate, candidates, name_is_hostile, safe_name
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import (
    acquisitions,
    source_grades,
    source_links,
    sources,
    text_artifacts,
)
from reckon.store.schema.evidence import GRADES
from reckon.store.types import utcnow
from reckon.store.users import User

# Files up to this size are read into memory once (hash, text, encryption);
# larger ones are streamed into the blob store and kept without text.
IN_MEMORY_BYTES = 256 * 1024**2
HEAD_BYTES = 64 * 1024
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
METHODS = ("file", "capture", "submission", "import")


@dataclass(frozen=True)
class SourceFacts:
    """What the person adding a source says about it (all optional)."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    affiliation: str | None = None
    reliability: str | None = None
    reliability_reason: str | None = None
    derived_from: tuple[str, ...] = ()
    confidential: bool = False
    note: str | None = None
    url: str | None = None
    from_person: str | None = None
    method: str = "file"
    tool: str | None = None

    def checked(self) -> SourceFacts:
        """A copy with values normalised, or `InputError` naming the bad one."""
        grade = self.reliability.strip().upper() if self.reliability else None
        if grade is not None and grade not in GRADES:
            raise InputError(
                f"'{self.reliability}' is not a reliability grade.",
                hint="Use A (completely reliable) … E (unreliable), or F (cannot be judged).",
            )
        if self.published is not None and not _DATE.match(self.published.strip()):
            raise InputError(
                f"'{self.published}' is not a publication date.",
                hint="Write it as YYYY, YYYY-MM or YYYY-MM-DD (Gregorian).",
            )
        if self.method not in METHODS:
            raise InputError(f"'{self.method}' is not an acquisition method.")
        return replace(
            self,
            reliability=grade,
            published=self.published.strip() if self.published else None,
            title=_clean(self.title),
            publisher=_clean(self.publisher),
            affiliation=_clean(self.affiliation),
        )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


@dataclass
class AddResult:
    """What happened to one file: added, seen again, or refused (with why)."""

    shown: str
    source_id: int | None = None
    sha256: str | None = None
    new: bool = False
    media_type: str | None = None
    text_status: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def add_paths(
    locker: Locker,
    paths: Sequence[Path],
    facts: SourceFacts = SourceFacts(),
    progress: Callable[[AddResult], None] | None = None,
) -> list[AddResult]:
    """Add files and folders (recursively); each file on its own, failures reported, not raised."""
    facts = facts.checked()
    with locker.reading() as (_conn, user):
        user.require(Permission.ADD_SOURCES)
    results = []
    for candidate in candidates(list(paths)):
        result = _add_candidate(locker, candidate, facts)
        results.append(result)
        if progress is not None:
            progress(result)
    return results


def _add_candidate(locker: Locker, candidate: Candidate, facts: SourceFacts) -> AddResult:
    if candidate.refused is not None:
        return AddResult(candidate.shown, error=f"{candidate.shown} {candidate.refused}")
    try:
        return add_file(locker, candidate.path, facts)
    except ReckonError as exc:
        return AddResult(candidate.shown, error=str(exc))


def _read(path: Path, shown: str, limit: int) -> tuple[bytes | None, int]:
    """The file's bytes (or None when too large to hold) and its size."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError(f"{shown} is empty (0 bytes); there is nothing to preserve.")
        if size > limit:
            raise InputError(
                f"{shown} is {size:,} bytes, over the limit of {limit:,} (max_source_bytes).",
                hint="Raise limits.max_source_bytes in reckon.toml if it must be kept.",
            )
        if size > IN_MEMORY_BYTES:
            with path.open("rb"):
                pass
            return None, size
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{shown} cannot be read (permission denied).") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{shown} is a folder.") from exc
    except OSError as exc:
        raise InputError(f"{shown} cannot be read ({exc.strerror or exc}).") from exc
    if len(data) == 0:
        raise InputError(f"{shown} is empty (0 bytes); there is nothing to preserve.")
    return data, len(data)


def add_file(locker: Locker, path: Path, facts: SourceFacts = SourceFacts()) -> AddResult:
    """Preserve one file; raises `ReckonError` when it cannot be added."""
    shown = safe_name(str(path))
    data, size = _read(path, shown, locker.max_source_bytes)
    warnings = []
    if name_is_hostile(path.name):
        warnings.append(
            f"{shown}: the file name holds control or bidi characters; they are kept "
            "escaped in the record."
        )
    if data is None:
        sha = _hash_file(path)
        head = path.open("rb").read(HEAD_BYTES)
        media_type = media.sniff(head, path.name, str(path))
    else:
        sha = hashlib.sha256(data).hexdigest()
        media_type = media.sniff(data[:HEAD_BYTES], path.name, data=data)
    result = _preserve(
        locker,
        data,
        sha,
        size,
        media_type,
        original_name=safe_name(path.name),
        original_path=safe_name(str(path)),
        facts=facts,
        shown=shown,
        big_file=path if data is None else None,
    )
    result.warnings[:0] = warnings
    return result


def add_bytes(
    locker: Locker, data: bytes, name: str, facts: SourceFacts = SourceFacts()
) -> AddResult:
    """Preserve bytes that did not come from a file (a capture, a web submission)."""
    shown = safe_name(name)
    if not data:
        raise InputError(f"{shown} is empty (0 bytes); there is nothing to preserve.")
    if len(data) > locker.max_source_bytes:
        raise InputError(f"{shown} is over the limit of {locker.max_source_bytes:,} bytes.")
    sha = hashlib.sha256(data).hexdigest()
    media_type = media.sniff(data[:HEAD_BYTES], name, data=data)
    return _preserve(
        locker,
        data,
        sha,
        len(data),
        media_type,
        original_name=shown,
        original_path=None,
        facts=facts.checked(),
        shown=shown,
        big_file=None,
    )


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _text_of(
    data: bytes | None, media_type: str, limit: int
) -> tuple[Extraction | None, str, str | None]:
    """(extraction, text_status, error) — failures are recorded, never raised."""
    if not media.has_text(media_type):
        return None, "none", None
    if data is None:
        return None, "failed", "the file is too large for text extraction; its bytes are kept."
    try:
        extraction = extract(data, media_type, limit)
    except ExtractionFailed as exc:
        return None, "failed", str(exc)
    if extraction is None:
        return None, "none", None
    return extraction, "ok", None


def _technical(data: bytes | None, media_type: str, size: int) -> dict[str, Any]:
    info: dict[str, Any] = {"size": size, "media_type": media_type}
    if data is not None and media_type == "audio/wav":
        import io
        import wave

        with contextlib.suppress(Exception), wave.open(io.BytesIO(data)) as audio:
            info.update(
                channels=audio.getnchannels(),
                sample_rate=audio.getframerate(),
                seconds=round(audio.getnframes() / max(audio.getframerate(), 1), 3),
            )
    return info


class _NewBlobs:
    """Blobs written for one file, removed again if its transaction fails."""

    def __init__(self, locker: Locker) -> None:
        self.locker = locker
        self.created: list[str] = []

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.locker.blobs.exists(sha):
            self.locker.blobs.put_bytes(data)
            self.created.append(sha)
        return sha

    def put_file(self, path: Path, expected: str) -> str:
        existed = self.locker.blobs.exists(expected)
        sha, _size = self.locker.blobs.put_file(path, self.locker.max_source_bytes)
        if sha != expected:
            raise InputError(f"{safe_name(str(path))} changed while it was being added; try again.")
        if not existed:
            self.created.append(sha)
        return sha

    def discard(self) -> None:
        for sha in self.created:
            with contextlib.suppress(FileNotFoundError):
                self.locker.blobs.path_for(sha).unlink()
        self.created.clear()


def _preserve(
    locker: Locker,
    data: bytes | None,
    sha: str,
    size: int,
    media_type: str,
    *,
    original_name: str | None,
    original_path: str | None,
    facts: SourceFacts,
    shown: str,
    big_file: Path | None,
) -> AddResult:
    with locker.reading() as (conn, _user):
        existing = conn.execute(
            select(sources.c.id, sources.c.confidential).where(sources.c.sha256 == sha)
        ).first()
    if existing is not None:
        return _seen_again(
            locker, int(existing.id), bool(existing.confidential), sha, facts, shown, original_path
        )
    if facts.confidential:
        if data is None:
            raise InputError(
                f"{shown} is too large ({size:,} bytes) to be kept as a confidential source.",
                hint=f"Confidential sources are limited to {IN_MEMORY_BYTES:,} bytes for now.",
            )
        locker.keyring.data_key()  # fail early, before anything is written
    extraction, text_status, text_error = _text_of(data, media_type, locker.max_source_bytes)
    blobs = _NewBlobs(locker)
    try:
        if facts.confidential:
            assert data is not None
            blob_sha = blobs.put(locker.keyring.seal(data, f"source:{sha}".encode()))
        elif data is None:
            assert big_file is not None
            blob_sha = blobs.put_file(big_file, sha)
        else:
            blob_sha = blobs.put(data)
        text_blob = text_sha = None
        if extraction is not None:
            encoded = extraction.text.encode("utf-8")
            text_sha = hashlib.sha256(encoded).hexdigest()
            stored = (
                locker.keyring.seal(encoded, f"text:{text_sha}".encode())
                if facts.confidential
                else encoded
            )
            text_blob = blobs.put(stored)
        with locker.writing() as (conn, user):
            user.require(Permission.ADD_SOURCES)
            derived = [resolve_source(conn, ref) for ref in facts.derived_from]
            protect = _protector(locker, facts.confidential, sha)
            title = (
                facts.title
                or (extraction.info.get("title") if extraction else None)
                or original_name
            )
            source_id = _insert(
                conn,
                sources,
                {
                    "sha256": sha,
                    "blob_sha256": blob_sha,
                    "size": size,
                    "media_type": media_type,
                    "confidential": facts.confidential,
                    "title": protect(title, "title"),
                    "original_name": protect(original_name, "original_name"),
                    "publisher": protect(facts.publisher, "publisher"),
                    "published": facts.published,
                    "affiliation": facts.affiliation,
                    "reliability": facts.reliability or "F",
                    "technical": _technical(data, media_type, size),
                    "text_status": text_status,
                    "text_error": text_error,
                    "added_at": utcnow(),
                    "added_by": user.id,
                },
            )
            _log(locker, conn, user, "acquired", sources, source_id, sha)
            if facts.reliability is not None:
                _grade(
                    locker, conn, user, source_id, sha, facts.reliability, facts.reliability_reason
                )
            for parent in derived:
                _link(locker, conn, user, source_id, sha, parent, None)
            _acquisition(locker, conn, user, source_id, sha, facts, original_path, "acquired")
            if extraction is not None:
                assert text_sha is not None
                assert text_blob is not None
                _text_artifact(
                    locker,
                    conn,
                    user,
                    source_id,
                    extraction,
                    text_sha,
                    text_blob,
                    facts.confidential,
                )
            audit.record(conn, user, "source-added", "source", str(source_id), {"sha256": sha})
    except BaseException:
        blobs.discard()
        raise
    return AddResult(
        shown,
        source_id=source_id,
        sha256=sha,
        new=True,
        media_type=media_type,
        text_status=text_status,
        error=None,
        warnings=[f"{shown}: no text ({text_error})"] if text_error else [],
    )


def _protector(
    locker: Locker, confidential: bool, sha: str
) -> Callable[[str | None, str], str | None]:
    def protect(value: str | None, column: str) -> str | None:
        if value is None or not confidential:
            return value
        return locker.keyring.seal_field(value, f"{column}:{sha}")

    return protect


def reveal_field(locker: Locker, value: str | None, column: str, sha: str) -> str | None:
    """The plain value of a possibly encrypted column of the source with hash ``sha``."""
    if value is None:
        return None
    return locker.keyring.open_field(value, f"{column}:{sha}")


def _insert(conn: Connection, table: Table, values: dict[str, Any]) -> int:
    key = conn.execute(table.insert().values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def _log(
    locker: Locker,
    conn: Connection,
    user: User,
    action: str,
    table: Table,
    row_id: int,
    object_sha: str | None,
) -> None:
    """A custody entry whose detail hash covers the row as stored (read back, so both backends agree)."""
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
    custody.append(
        conn,
        locker.keyring,
        user,
        action,
        OBJECT_TYPES[table.name],
        row_id,
        object_sha,
        record_of(table, row),
    )


OBJECT_TYPES = {
    "sources": "source",
    "acquisitions": "acquisition",
    "source_grades": "grade",
    "source_links": "link",
    "text_artifacts": "text",
}


def _grade(
    locker: Locker,
    conn: Connection,
    user: User,
    source_id: int,
    sha: str,
    grade: str,
    reason: str | None,
) -> None:
    grade_id = _insert(
        conn,
        source_grades,
        {
            "source_id": source_id,
            "grade": grade,
            "reason": reason,
            "graded_by": user.id,
            "at": utcnow(),
        },
    )
    _log(locker, conn, user, "metadata-changed", source_grades, grade_id, sha)


def _link(
    locker: Locker,
    conn: Connection,
    user: User,
    source_id: int,
    sha: str,
    parent: int,
    note: str | None,
) -> None:
    if parent == source_id:
        raise InputError(f"Source {source_id} cannot derive from itself.")
    if source_id in origins(conn, parent):
        raise InputError(f"Source {source_id} deriving from {parent} would make a cycle.")
    present = conn.execute(
        select(source_links.c.id).where(
            source_links.c.source_id == source_id, source_links.c.derived_from_id == parent
        )
    ).first()
    if present is not None:
        return
    link_id = _insert(
        conn,
        source_links,
        {
            "source_id": source_id,
            "derived_from_id": parent,
            "note": note,
            "recorded_by": user.id,
            "at": utcnow(),
        },
    )
    _log(locker, conn, user, "metadata-changed", source_links, link_id, sha)


def _acquisition(
    locker: Locker,
    conn: Connection,
    user: User,
    source_id: int,
    sha: str,
    facts: SourceFacts,
    original_path: str | None,
    action: str,
) -> int:
    protect = _protector(locker, facts.confidential, sha)
    acquisition_id = _insert(
        conn,
        acquisitions,
        {
            "source_id": source_id,
            "at": utcnow(),
            "by_user": user.id,
            "method": facts.method,
            "url": protect(facts.url, "url"),
            "publisher": protect(facts.publisher, "publisher"),
            "from_person": protect(facts.from_person, "from_person"),
            "original_path": protect(original_path, "original_path"),
            "tool": facts.tool or "reckon add",
            "note": protect(facts.note, "note"),
        },
    )
    _log(locker, conn, user, action, acquisitions, acquisition_id, sha)
    return acquisition_id


def _text_artifact(
    locker: Locker,
    conn: Connection,
    user: User,
    source_id: int,
    extraction: Extraction,
    text_sha: str,
    text_blob: str,
    confidential: bool,
) -> int:
    import json

    info = (
        json.dumps(extraction.info, ensure_ascii=False, sort_keys=True) if extraction.info else None
    )
    if info is not None and confidential:
        info = locker.keyring.seal_field(info, f"info:{text_sha}")
    artifact_id = _insert(
        conn,
        text_artifacts,
        {
            "source_id": source_id,
            "extractor": extraction.extractor,
            "extractor_version": extraction.version,
            "sha256": text_sha,
            "blob_sha256": text_blob,
            "chars": len(extraction.text),
            "page_starts": extraction.page_starts,
            "confidence": extraction.confidence,
            "info": info,
            "created_at": utcnow(),
        },
    )
    _log(locker, conn, user, "text-extracted", text_artifacts, artifact_id, text_sha)
    return artifact_id


def _seen_again(
    locker: Locker,
    source_id: int,
    confidential: bool,
    sha: str,
    facts: SourceFacts,
    shown: str,
    original_path: str | None,
) -> AddResult:
    if facts.confidential and not confidential:
        raise ConflictError(
            f"{shown} is already stored as source {source_id}, in clear, not as confidential.",
            hint="Its bytes cannot be hidden after the fact; ask an admin how to handle it.",
        )
    with locker.writing() as (conn, user):
        user.require(Permission.ADD_SOURCES)
        # A confidential source stays confidential, and so does every new acquisition of it.
        acquisition_facts = replace(facts, confidential=confidential)
        _acquisition(
            locker, conn, user, source_id, sha, acquisition_facts, original_path, "seen-again"
        )
        for ref in facts.derived_from:
            _link(locker, conn, user, source_id, sha, resolve_source(conn, ref), None)
        audit.record(conn, user, "source-seen-again", "source", str(source_id), {"sha256": sha})
    return AddResult(
        shown,
        source_id=source_id,
        sha256=sha,
        new=False,
        warnings=[f"{shown}: already stored as source {source_id}; recorded a new acquisition."],
    )


def resolve_source(conn: Connection, ref: str | int) -> int:
    """The id of the source named by ``ref``: its number or the start of its SHA-256."""
    text = str(ref).strip().lower()
    if text.isdigit():
        found = conn.execute(select(sources.c.id).where(sources.c.id == int(text))).scalar()
        if found is not None:
            return int(found)
    elif re.fullmatch(r"[0-9a-f]{6,64}", text):
        rows = conn.execute(
            select(sources.c.id).where(sources.c.sha256.like(f"{text}%")).limit(2)
        ).all()
        if len(rows) == 1:
            return int(rows[0].id)
        if len(rows) > 1:
            raise InputError(
                f"'{ref}' is the start of more than one source's hash.", hint="Give more of it."
            )
    raise NotFoundError(
        f"There is no source '{ref}'.",
        hint="Give a source number or the start of its SHA-256 (see 'reckon sources').",
    )


def origins(conn: Connection, source_id: int) -> set[int]:
    """``source_id`` and every source it derives from, directly or through others."""
    seen: set[int] = {source_id}
    frontier = [source_id]
    while frontier:
        rows = conn.execute(
            select(source_links.c.derived_from_id).where(source_links.c.source_id.in_(frontier))
        ).all()
        frontier = [int(r[0]) for r in rows if int(r[0]) not in seen]
        seen.update(frontier)
    return seen


def roots(conn: Connection, source_id: int) -> set[int]:
    """The original sources at the start of ``source_id``'s chains of derivation.

    Two sources with a root in common are not independent: a newspaper quoting
    a press release adds no corroboration to the press release.
    """
    found = origins(conn, source_id)
    rows = conn.execute(
        select(source_links.c.source_id).where(source_links.c.source_id.in_(found))
    ).all()
    derived = {int(r[0]) for r in rows}
    return found - derived
