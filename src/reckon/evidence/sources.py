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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from reckon.errors import ConflictError, InputError, NotFoundError, ReckonError
from reckon.evidence import custody, media
from reckon.evidence.extract import Extraction, ExtractionFailed, extract
from reckon.evidence.locker import Locker, record_of
from reckon.evidence.paths import candidates, name_is_hostile, safe_name
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.engine import begin_writing
from reckon.store.schema import (
    acquisitions,
    source_grades,
    source_links,
    sources,
    text_artifacts,
)
from reckon.store.schema.evidence import GRADES
from reckon.store.types import utcnow
from reckon.store.users import acting_user

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


class Writer:
    """A transaction for adding sources: one savepoint per file, many files per commit.

    Committing every file on its own would cost an fsync of the database and
    two of the blob store per file, more than extracting its text. A writer
    commits after `BATCH_FILES` files or `BATCH_SECONDS` seconds instead,
    flushing the blobs to disk just before. Each file still stands alone: a
    failure rolls back its savepoint and removes the blobs it wrote, and the
    files before it are committed even when the failure ends the run.
    """

    BATCH_FILES = 200
    BATCH_SECONDS = 2.0

    def __init__(self, locker: Locker) -> None:
        self.locker = locker
        self.conn: Connection | None = None
        self.files = 0
        self.started = 0.0

    def __enter__(self) -> Writer:
        self._begin()
        return self

    def _begin(self) -> None:
        import time

        self.conn = self.locker.workspace.engine.connect()
        self.transaction = self.conn.begin()
        begin_writing(self.conn)
        self.user = acting_user(self.conn, self.locker.workspace.settings.user)
        self.user.require(Permission.ADD_SOURCES)
        self.custody = custody.Appender(self.conn, self.locker.keyring, self.user, buffered=True)
        self.new_blobs: list[str] = []
        self.added: list[int] = []
        self.seen_again: list[int] = []
        self.files = 0
        self.started = time.monotonic()

    def _commit(self) -> None:
        assert self.conn is not None
        # The transaction's custody entries go in together, the newest signed (the seal).
        self.custody.flush()
        # One audit entry per transaction, naming every source it added or saw again.
        if self.added:
            audit.record(self.conn, self.user, "sources-added", "source", None, {"ids": self.added})
        if self.seen_again:
            audit.record(
                self.conn, self.user, "sources-seen-again", "source", None, {"ids": self.seen_again}
            )
        if self.new_blobs:
            self.locker.blobs.make_durable()
        self.transaction.commit()
        self.conn.close()
        self.conn = None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.conn is None:
            return
        # Whatever ended the run, the files completed before it are kept: the
        # failing file's savepoint has already been rolled back.
        try:
            self._commit()
        except Exception:
            self.transaction.rollback()
            self.conn.close()
            self.conn = None
            if exc_type is None:
                raise

    def checkpoint(self) -> None:
        """Commit what is written so far if the batch is full or old enough."""
        import time

        if self.files >= self.BATCH_FILES or time.monotonic() - self.started > self.BATCH_SECONDS:
            self._commit()
            self._begin()

    @contextlib.contextmanager
    def one_file(self, files: int = 1) -> Iterator[_NewBlobs]:
        """Everything written inside (for ``files`` files) is kept or dropped together."""
        self.checkpoint()
        assert self.conn is not None
        savepoint = self.conn.begin_nested()
        mark = self.custody.mark()
        blobs = _NewBlobs(self.locker)
        try:
            yield blobs
            savepoint.commit()
        except BaseException:
            savepoint.rollback()
            self.custody.reset(mark)
            blobs.discard()
            raise
        self.new_blobs += blobs.created
        self.files += files

    # --- rows with their custody entries ------------------------------------------

    def insert(
        self, table: Table, values: dict[str, Any], action: str, object_sha: str | None
    ) -> int:
        """Insert a row and log it; the detail hash covers the row as stored."""
        assert self.conn is not None
        key = self.conn.execute(_insert_statement(table), values).inserted_primary_key
        assert key is not None
        row_id = int(key[0])
        record = record_of(table, {**values, "id": row_id})
        self.custody.append(action, OBJECT_TYPES[table.name], row_id, object_sha, record)
        return row_id

    def log_row(self, table: Table, row_id: int, action: str, object_sha: str | None) -> None:
        """Log a row changed in place (read back, so the hash is of what is stored)."""
        assert self.conn is not None
        row = self.conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
        self.custody.append(
            action, OBJECT_TYPES[table.name], row_id, object_sha, record_of(table, row)
        )


# With this many files or more, text is extracted in a child process, ahead of preservation.
POOL_FROM_FILES = 8
# Files are read ahead and preserved in runs of this many (or this many bytes):
# text extraction for the whole run, then one write per table (see batch.py).
RUN_FILES = 64
RUN_BYTES = 32 * 1024**2


@dataclass
class _Prepared:
    """A file read and identified, its text perhaps being extracted in the child process."""

    item: _Item
    warnings: list[str]
    future: Any = None


_INSERTS: dict[str, Any] = {}
# One statement object per query: SQLAlchemy then computes its cache key once, not per file.
_BY_SHA = select(sources.c.id, sources.c.confidential).where(sources.c.sha256 == bindparam("sha"))
_BY_SHAS = select(sources.c.sha256).where(sources.c.sha256.in_(bindparam("shas", expanding=True)))


def _insert_statement(table: Table) -> Any:
    if table.name not in _INSERTS:
        _INSERTS[table.name] = table.insert()
    return _INSERTS[table.name]


def add_paths(
    locker: Locker,
    paths: Sequence[Path],
    facts: SourceFacts = SourceFacts(),
    progress: Callable[[AddResult], None] | None = None,
) -> list[AddResult]:
    """Add files and folders (recursively); each file on its own, failures reported, not raised."""
    from reckon.evidence.extract.isolated import ExtractionPool

    facts = facts.checked()
    found = list(candidates(list(paths)))
    results: list[AddResult] = []

    def report(result: AddResult) -> None:
        results.append(result)
        if progress is not None:
            progress(result)

    pool = ExtractionPool() if len(found) >= POOL_FROM_FILES else None
    # The child process is started only when a file needs it (see ISOLATED_TYPES).
    pending: list[_Prepared] = []
    parents: list[int] | None = None

    def text_for(prepared: _Prepared) -> tuple[Extraction | None, str, str | None]:
        item = prepared.item
        if prepared.future is not None and pool is not None:
            assert item.data is not None
            return pool.result(
                prepared.future, (item.data, item.media_type, locker.max_source_bytes)
            )
        return _text_of(item.data, item.media_type, locker.max_source_bytes)

    def one(writer: Writer, prepared: _Prepared) -> None:
        item = prepared.item
        try:
            text = None
            if prepared.future is not None:
                text = text_for(prepared)
            result = _preserve(locker, writer, item, facts, text)
        except ReckonError as exc:
            result = AddResult(item.shown, error=str(exc))
        result.warnings[:0] = prepared.warnings
        report(result)

    def run(writer: Writer, batch: list[_Prepared]) -> None:
        from reckon.evidence.batch import preserve_run

        nonlocal parents
        if not batch:
            return
        if len(batch) > 1 and parents is None:
            assert writer.conn is not None
            try:
                parents = sorted({resolve_source(writer.conn, ref) for ref in facts.derived_from})
            except ReckonError:
                parents = None
        if len(batch) == 1 or parents is None:
            for prepared in batch:
                one(writer, prepared)
            return
        texts = [(p.item, text_for(p)) for p in batch]
        try:
            added = preserve_run(locker, writer, texts, facts, parents)
        except Exception:
            # Something in the run failed: add its files one by one to find which.
            for prepared, (_item, text) in zip(batch, texts, strict=True):
                prepared.future = None
                try:
                    result = _preserve(locker, writer, prepared.item, facts, text)
                except ReckonError as exc:
                    result = AddResult(prepared.item.shown, error=str(exc))
                result.warnings[:0] = prepared.warnings
                report(result)
            return
        for prepared, result in zip(batch, added, strict=True):
            result.warnings[:0] = prepared.warnings
            report(result)

    def flush(writer: Writer) -> None:
        """Preserve the files read so far, in order: runs of plain new files together."""
        assert writer.conn is not None
        shas = [p.item.sha for p in pending]
        stored = set(writer.conn.execute(_BY_SHAS, {"shas": shas}).scalars()) if shas else set()
        batch: list[_Prepared] = []
        for prepared in pending:
            item = prepared.item
            if facts.confidential or item.data is None or item.sha in stored:
                run(writer, batch)
                batch = []
                one(writer, prepared)
            else:
                batch.append(prepared)
                stored.add(item.sha)  # a second copy in this run is "seen again"
        run(writer, batch)
        pending.clear()

    try:
        with Writer(locker) as writer:
            for candidate in found:
                if candidate.refused is not None:
                    flush(writer)
                    report(
                        AddResult(candidate.shown, error=f"{candidate.shown} {candidate.refused}")
                    )
                    continue
                try:
                    prepared = _prepare(locker, candidate.path)
                except ReckonError as exc:
                    flush(writer)
                    report(AddResult(candidate.shown, error=str(exc)))
                    continue
                if pool is not None and _wants_text(writer, prepared.item, facts):
                    data = prepared.item.data
                    assert data is not None
                    prepared.future = pool.submit(
                        data, prepared.item.media_type, locker.max_source_bytes
                    )
                pending.append(prepared)
                if len(pending) >= RUN_FILES or sum(p.item.size for p in pending) > RUN_BYTES:
                    flush(writer)
            flush(writer)
    finally:
        if pool is not None:
            pool.close()
    return results


# Parsers worth a separate process: C parsers of binary formats that hostile
# files crash, and slow ones (OCR). Web pages and plain text are read in-process:
# lxml is robust, and the copy to a child would cost more than their extraction.
ISOLATED_TYPES = frozenset({media.PDF, media.WARC, media.WACZ, *media.IMAGE_TYPES})


def _wants_text(writer: Writer, item: _Item, facts: SourceFacts) -> bool:
    if item.data is None or item.media_type not in ISOLATED_TYPES:
        return False
    assert writer.conn is not None
    known = writer.conn.execute(_BY_SHA, {"sha": item.sha}).first()
    return known is None


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


def _prepare(locker: Locker, path: Path) -> _Prepared:
    """Read a file, hash it and find its media type; raises `ReckonError` if it cannot be."""
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
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
        media_type = media.sniff(head, path.name, str(path))
    else:
        sha = hashlib.sha256(data).hexdigest()
        media_type = media.sniff(data[:HEAD_BYTES], path.name, data=data)
    item = _Item(
        data=data,
        sha=sha,
        size=size,
        media_type=media_type,
        original_name=safe_name(path.name),
        original_path=shown,
        shown=shown,
        big_file=path if data is None else None,
    )
    return _Prepared(item, warnings)


def add_file(
    locker: Locker,
    path: Path,
    facts: SourceFacts = SourceFacts(),
    writer: Writer | None = None,
) -> AddResult:
    """Preserve one file; raises `ReckonError` when it cannot be added."""
    prepared = _prepare(locker, path)
    result = _preserve(locker, writer, prepared.item, facts.checked())
    result.warnings[:0] = prepared.warnings
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
    item = _Item(
        data=data,
        sha=hashlib.sha256(data).hexdigest(),
        size=len(data),
        media_type=media.sniff(data[:HEAD_BYTES], name, data=data),
        original_name=shown,
        original_path=None,
        shown=shown,
        big_file=None,
    )
    return _preserve(locker, None, item, facts.checked())


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
    """Blobs written for one file, removed again if its savepoint is rolled back."""

    def __init__(self, locker: Locker) -> None:
        self.locker = locker
        self.created: list[str] = []

    def put(self, data: bytes, sha: str | None = None) -> str:
        """Store ``data`` (whose SHA-256 is ``sha`` when the caller has it already)."""
        sha = sha or hashlib.sha256(data).hexdigest()
        blobs = self.locker.blobs
        if blobs.exists(sha):
            if blobs.digest(sha) == sha:
                return sha
            # Left damaged by a crash before it was flushed: write it again.
            blobs.path_for(sha).unlink()
        # The hash is known: write without hashing the bytes a second time.
        blobs._write(sha, [data], durable=False)
        self.created.append(sha)
        return sha

    def put_sealed(self, item: _Item) -> str:
        """Encrypt an item's bytes into the store as a stream, a chunk in memory at a time."""
        plain = hashlib.sha256()

        def pieces() -> Iterator[bytes]:
            if item.data is not None:
                plain.update(item.data)
                yield item.data
                return
            assert item.big_file is not None
            with item.big_file.open("rb") as handle:
                while chunk := handle.read(1024 * 1024):
                    plain.update(chunk)
                    yield chunk

        blobs = self.locker.blobs
        sealed = self.locker.keyring.seal_stream(pieces(), f"source:{item.sha}".encode())
        sha, _size = blobs.put_chunks(sealed, None, item.shown)
        if plain.hexdigest() != item.sha:
            with contextlib.suppress(FileNotFoundError):
                blobs.path_for(sha).unlink()
            raise InputError(f"{item.shown} changed while it was being added; try again.")
        # A fresh salt makes every encryption new: this blob was never stored before.
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


@dataclass(frozen=True)
class _Item:
    """One file's bytes (None when too large to hold) and what is known about them."""

    data: bytes | None
    sha: str
    size: int
    media_type: str
    original_name: str | None
    original_path: str | None
    shown: str
    big_file: Path | None


def _preserve(
    locker: Locker,
    writer: Writer | None,
    item: _Item,
    facts: SourceFacts,
    text: tuple[Extraction | None, str, str | None] | None = None,
) -> AddResult:
    if writer is None:
        with Writer(locker) as own:
            return _preserve(locker, own, item, facts, text)
    assert writer.conn is not None
    existing = writer.conn.execute(_BY_SHA, {"sha": item.sha}).first()
    if existing is not None:
        return _seen_again(
            locker, writer, int(existing.id), bool(existing.confidential), item, facts
        )
    if facts.confidential:
        locker.keyring.data_key()  # fail early, before anything is written
    extraction, text_status, text_error = text or _text_of(
        item.data, item.media_type, locker.max_source_bytes
    )
    with writer.one_file() as blobs:
        sha = item.sha
        if facts.confidential:
            blob_sha = blobs.put_sealed(item)
        elif item.data is None:
            assert item.big_file is not None
            blob_sha = blobs.put_file(item.big_file, sha)
        else:
            blob_sha = blobs.put(item.data, sha)
        conn, user = writer.conn, writer.user
        derived = [resolve_source(conn, ref) for ref in facts.derived_from]
        protect = _protector(locker, facts.confidential, sha)
        found_title = extraction.info.get("title") if extraction else None
        title = facts.title or found_title or item.original_name
        source_id = writer.insert(
            sources,
            {
                "sha256": sha,
                "blob_sha256": blob_sha,
                "size": item.size,
                "media_type": item.media_type,
                "confidential": facts.confidential,
                "title": protect(title, "title"),
                "original_name": protect(item.original_name, "original_name"),
                "publisher": protect(facts.publisher, "publisher"),
                "published": facts.published,
                "affiliation": facts.affiliation,
                "reliability": facts.reliability or "F",
                "technical": _technical(item.data, item.media_type, item.size),
                "text_status": text_status,
                "text_error": text_error,
                "added_at": utcnow(),
                "added_by": user.id,
            },
            "acquired",
            sha,
        )
        if facts.reliability is not None:
            add_grade(writer, source_id, sha, facts.reliability, facts.reliability_reason)
        for parent in derived:
            add_link(writer, source_id, sha, parent, None)
        _acquisition(locker, writer, source_id, sha, facts, item.original_path, "acquired")
        if extraction is not None:
            _text_artifact(locker, writer, source_id, extraction, facts.confidential)
    writer.added.append(source_id)
    return AddResult(
        item.shown,
        source_id=source_id,
        sha256=sha,
        new=True,
        media_type=item.media_type,
        text_status=text_status,
        error=None,
        warnings=[f"{item.shown}: no text ({text_error})"] if text_error else [],
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


OBJECT_TYPES = {
    "sources": "source",
    "acquisitions": "acquisition",
    "source_grades": "grade",
    "source_links": "link",
    "text_artifacts": "text",
}


def add_grade(writer: Writer, source_id: int, sha: str, grade: str, reason: str | None) -> None:
    """Record a reliability grade with who gave it and why."""
    writer.insert(
        source_grades,
        {
            "source_id": source_id,
            "grade": grade,
            "reason": reason,
            "graded_by": writer.user.id,
            "at": utcnow(),
        },
        "metadata-changed",
        sha,
    )


def add_link(writer: Writer, source_id: int, sha: str, parent: int, note: str | None) -> None:
    """Record that ``source_id`` copies or quotes ``parent``."""
    assert writer.conn is not None
    conn = writer.conn
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
    writer.insert(
        source_links,
        {
            "source_id": source_id,
            "derived_from_id": parent,
            "note": note,
            "recorded_by": writer.user.id,
            "at": utcnow(),
        },
        "metadata-changed",
        sha,
    )


def _acquisition(
    locker: Locker,
    writer: Writer,
    source_id: int,
    sha: str,
    facts: SourceFacts,
    original_path: str | None,
    action: str,
) -> int:
    protect = _protector(locker, facts.confidential, sha)
    return writer.insert(
        acquisitions,
        {
            "source_id": source_id,
            "at": utcnow(),
            "by_user": writer.user.id,
            "method": facts.method,
            "url": protect(facts.url, "url"),
            "publisher": protect(facts.publisher, "publisher"),
            "from_person": protect(facts.from_person, "from_person"),
            "original_path": protect(original_path, "original_path"),
            "tool": facts.tool or "reckon add",
            "note": protect(facts.note, "note"),
        },
        action,
        sha,
    )


def text_row(
    locker: Locker,
    source_id: int,
    extraction: Extraction,
    confidential: bool,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The text artifact row of an extraction (encrypted for a confidential source)."""
    import json

    encoded = extraction.text.encode("utf-8")
    text_sha = hashlib.sha256(encoded).hexdigest()
    if confidential:
        encoded = locker.keyring.seal(encoded, f"text:{text_sha}".encode())
    # Texts live in the store, not in a second blob file: a file per text cost
    # more than a third of what preserving a web page costs (benchmarks/evidence).
    stored_sha = text_sha if not confidential else hashlib.sha256(encoded).hexdigest()
    info = (
        json.dumps(extraction.info, ensure_ascii=False, sort_keys=True) if extraction.info else None
    )
    if info is not None and confidential:
        info = locker.keyring.seal_field(info, f"info:{text_sha}")
    return {
        "source_id": source_id,
        "extractor": extraction.extractor,
        "extractor_version": extraction.version,
        "sha256": text_sha,
        "blob_sha256": stored_sha,
        "chars": len(extraction.text),
        "page_starts": extraction.page_starts,
        "confidence": extraction.confidence,
        "info": info,
        "created_at": now or utcnow(),
        "content": encoded,
    }


def _text_artifact(
    locker: Locker,
    writer: Writer,
    source_id: int,
    extraction: Extraction,
    confidential: bool,
) -> int:
    row = text_row(locker, source_id, extraction, confidential, None)
    return writer.insert(text_artifacts, row, "text-extracted", row["sha256"])


def _seen_again(
    locker: Locker,
    writer: Writer,
    source_id: int,
    confidential: bool,
    item: _Item,
    facts: SourceFacts,
) -> AddResult:
    if facts.confidential and not confidential:
        raise ConflictError(
            f"{item.shown} is already stored as source {source_id}, in clear, not as confidential.",
            hint="Its bytes cannot be hidden after the fact; ask an admin how to handle it.",
        )
    with writer.one_file():
        assert writer.conn is not None
        # A confidential source stays confidential, and so does every new acquisition of it.
        acquisition_facts = replace(facts, confidential=confidential)
        _acquisition(
            locker, writer, source_id, item.sha, acquisition_facts, item.original_path, "seen-again"
        )
        for ref in facts.derived_from:
            add_link(writer, source_id, item.sha, resolve_source(writer.conn, ref), None)
    writer.seen_again.append(source_id)
    return AddResult(
        item.shown,
        source_id=source_id,
        sha256=item.sha,
        new=False,
        warnings=[
            f"{item.shown}: already stored as source {source_id}; recorded a new acquisition."
        ],
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
