"""Evidence packages: sources with everything a third party needs to check them.

A package is a ZIP file::

    manifest.json            format, when, which workspace, SHA-256 of every other file
    manifest.sig             Ed25519 signature of manifest.json by the workspace key
    README.txt               what the package is and how to check it without reckon
    SHA256SUMS               the same hashes for ``sha256sum -c`` (coreutils)
    public-key.txt           that key (base64 of its 32 bytes)
    custody-log.json         the whole custody log (hashes and identifiers only)
    sources/<id>/original    the original bytes
    sources/<id>/text-<n>.txt  each text artifact
    sources/<id>/metadata.json   what is known about the source, in clear
    sources/<id>/acquisitions.json
    sources/<id>/records.json    the stored rows whose hashes the custody log holds

`verify_package` needs nothing but the file: it checks the signature, every
file's hash, each original and text against the recorded hashes, the whole
custody chain with its signatures, and that every record matches its entry.
README.txt tells a court how to make the same checks with common tools, so
that no one has to trust reckon to trust the package.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from reckon import __version__
from reckon.errors import InputError, LockedError, PermissionDenied
from reckon.evidence import custody
from reckon.evidence.custody import CustodyEntry, Problem
from reckon.evidence.listing import source_details
from reckon.evidence.locker import Locker, record_of
from reckon.evidence.sources import OBJECT_TYPES, resolve_source
from reckon.evidence.text import stored_bytes
from reckon.keys import public_key_from_text, public_key_text, verify_signature
from reckon.roles import Permission
from reckon.store.schema import (
    acquisitions,
    source_grades,
    source_links,
    sources,
    text_artifacts,
)
from reckon.store.users import User

FORMAT = "reckon evidence package 1"
# verify-package refuses archives that would expand beyond this (a zip bomb).
MAX_UNPACKED = 8 * 1024**3
MAX_RATIO = 1000


def _json(data: Any) -> bytes:
    return (
        json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=_default) + "\n"
    ).encode("utf-8")


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# Called in the package's transaction with the manifest's SHA-256: what a caller records
# there (a case file's audit entry) commits with the custody entries or not at all.
AlsoRecord = Callable[[Connection, User, str], None]


def export_sources(
    locker: Locker,
    refs: list[str],
    out: Path,
    include_confidential: bool = False,
    *,
    about: Mapping[str, Any] | None = None,
    notice: str | None = None,
    also: AlsoRecord | None = None,
) -> dict[str, Any]:
    """Write an evidence package of the sources named by ``refs`` to ``out``; returns its manifest.

    ``about`` goes into the manifest as ``case_file`` (what the package is for) and
    ``notice`` heads README.txt (for whom it is); both are signed with the rest.
    """
    if out.exists():
        raise InputError(f"{out} exists already.", hint="Choose a new file name.")
    files: dict[str, bytes] = {}
    with locker.writing() as (conn, user):
        ids = sorted({resolve_source(conn, ref) for ref in refs})
        log = custody.entries(conn)
        for source_id in ids:
            row = conn.execute(select(sources).where(sources.c.id == source_id)).mappings().one()
            if row["confidential"]:
                if not include_confidential:
                    raise PermissionDenied(
                        f"Source {source_id} is confidential.",
                        hint="Add --include-confidential if this package may carry its content.",
                    )
                user.require(Permission.READ_CONFIDENTIAL)
                if not locker.keyring.unlocked:
                    raise LockedError("Exporting a confidential source needs the passphrase.")
            prefix = f"sources/{source_id}/"
            if row["confidential"]:
                with locker.blobs.open(row["blob_sha256"]) as handle:
                    aad = f"source:{row['sha256']}".encode()
                    original = b"".join(locker.keyring.open_stored(handle, aad))
            else:
                original = locker.blobs.read(row["blob_sha256"])
            files[prefix + "original"] = original
            texts = (
                conn.execute(
                    select(text_artifacts)
                    .where(text_artifacts.c.source_id == source_id)
                    .order_by(text_artifacts.c.id)
                )
                .mappings()
                .all()
            )
            for text in texts:
                data = stored_bytes(locker, text)
                if row["confidential"]:
                    data = locker.keyring.open(data, f"text:{text['sha256']}".encode())
                files[prefix + f"text-{text['id']}.txt"] = data
            details = source_details(locker, conn, user, source_id)
            details.pop("custody", None)
            acquired = details.pop("acquisitions")
            files[prefix + "metadata.json"] = _json(details)
            files[prefix + "acquisitions.json"] = _json(acquired)
            files[prefix + "records.json"] = _json(_records(conn, source_id))
            if row["confidential"]:
                custody.append(
                    conn, locker.keyring, user, "revealed", "source", source_id, row["sha256"]
                )
        files["custody-log.json"] = _json([e.as_dict() for e in log])
        files["public-key.txt"] = (public_key_text(locker.keyring.public_key) + "\n").encode()
        files["README.txt"] = readme(notice).encode("utf-8")
        files["SHA256SUMS"] = "".join(
            f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
        ).encode("utf-8")
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(),
            "created_with": f"reckon {__version__}",
            "workspace_id": locker.workspace.settings.workspace_id,
            "sources": ids,
            "custody_head": log[-1].entry_hash if log else custody.GENESIS,
            "files": {
                name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())
            },
        }
        if about is not None:
            manifest["case_file"] = dict(about)
        manifest_bytes = _json(manifest)
        signature = locker.keyring.sign(manifest_bytes)
        manifest_sha = hashlib.sha256(manifest_bytes).hexdigest()
        for source_id in ids:
            sha = conn.execute(
                select(sources.c.sha256).where(sources.c.id == source_id)
            ).scalar_one()
            custody.append(
                conn,
                locker.keyring,
                user,
                "exported",
                "source",
                source_id,
                sha,
                {"package_manifest_sha256": manifest_sha},
            )
        if also is not None:
            also(conn, user, manifest_sha)
        tmp = out.with_name(f".{out.name}.tmp")
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("manifest.json", manifest_bytes)
                archive.writestr("manifest.sig", signature.hex() + "\n")
                for name, data in sorted(files.items()):
                    archive.writestr(name, data)
            tmp.replace(out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return manifest


def readme(notice: str | None = None) -> str:
    """README.txt: what an evidence package holds and how to check it with common tools."""
    head = f"{notice}\n\n" if notice else ""
    return f"""reckon evidence package ({FORMAT})

{head}What is here
  sources/ID/original          the source's bytes exactly as they were preserved
  sources/ID/text-N.txt        text extracted from it
  sources/ID/metadata.json     what is known about the source
  sources/ID/acquisitions.json each time the same bytes reached the investigators
  sources/ID/records.json      the stored rows whose hashes the custody log holds
  custody-log.json             the custody log (hashes and identifiers only)
  public-key.txt               the workspace's Ed25519 public key (base64 of 32 bytes)
  manifest.json                the SHA-256 of every file above and of SHA256SUMS
  manifest.sig                 Ed25519 signature (hex) of manifest.json by that key
  SHA256SUMS                   the same hashes, for sha256sum

How to check it without reckon
  1. Unpack the archive into an empty folder and run there:  sha256sum -c SHA256SUMS
     Every file must say OK. SHA256SUMS's own hash is in manifest.json.
  2. Each original's SHA-256 (sha256sum sources/ID/original) must equal the "sha256"
     of the record "source ID" in sources/ID/records.json, and the "object_sha256" of
     the custody entries about "source" ID in custody-log.json.
  3. The custody log is a hash chain. Entry n's entry_hash is the SHA-256 of these
     lines joined by a newline (UTF-8, no newline at the end):
       reckon custody 1, seq, at, action, actor_id, object_type, object_id,
       object_sha256 (or empty), detail_sha256 (or empty), prev_hash
     and its prev_hash is the entry_hash of entry n-1 (64 zeros for entry 1).
  4. manifest.sig is an Ed25519 signature (RFC 8032) of the bytes of manifest.json;
     check it with any Ed25519 implementation and the key in public-key.txt.

With reckon, one command makes all these checks and also checks each custody
entry's signature and each record against its entry:
  reckon verify-package FILE.zip
"""


def _records(conn: Any, source_id: int) -> dict[str, Any]:
    """The stored rows of a source, as the custody log hashed them."""
    out: dict[str, Any] = {}
    for table, column in (
        (sources, sources.c.id),
        (acquisitions, acquisitions.c.source_id),
        (source_grades, source_grades.c.source_id),
        (source_links, source_links.c.source_id),
        (text_artifacts, text_artifacts.c.source_id),
    ):
        kind = OBJECT_TYPES[table.name]
        for row in conn.execute(select(table).where(column == source_id)).mappings():
            out[f"{kind} {row['id']}"] = record_of(table, row)
    return out


@dataclass
class PackageReport:
    """What `verify_package` checked and what it found wrong."""

    sources: list[int] = field(default_factory=list)
    files: int = 0
    entries: int = 0
    head: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sources": self.sources,
            "files": self.files,
            "custody_entries": self.entries,
            "custody_head": self.head,
            "problems": [p.as_dict() for p in self.problems],
        }


def _open_safely(path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path} is not a readable ZIP file ({exc}).") from exc
    total = 0
    for member in archive.infolist():
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_UNPACKED or ratio > MAX_RATIO:
            archive.close()
            raise InputError(
                f"{path} expands far beyond its size (a possible zip bomb); it was not unpacked."
            )
    return archive


def verify_package(path: Path) -> PackageReport:
    """Check an evidence package on its own, with no workspace."""
    report = PackageReport()
    problems = report.problems
    with _open_safely(path) as archive:
        names = set(archive.namelist())
        for required in ("manifest.json", "manifest.sig", "public-key.txt", "custody-log.json"):
            if required not in names:
                raise InputError(f"{path} is not a reckon evidence package: it has no {required}.")
        manifest_bytes = archive.read("manifest.json")
        try:
            manifest = json.loads(manifest_bytes)
            public = public_key_from_text(archive.read("public-key.txt").decode("ascii"))
            signature = bytes.fromhex(archive.read("manifest.sig").decode("ascii").strip())
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"{path} has a damaged manifest or key ({exc}).") from exc
        if manifest.get("format") != FORMAT:
            raise InputError(
                f"{path} is not a package this reckon can read ({manifest.get('format')})."
            )
        if not verify_signature(public, manifest_bytes, signature):
            problems.append(
                Problem(
                    "manifest", "bad-signature", "manifest.json is not signed by the package's key."
                )
            )
        listed: dict[str, str] = manifest.get("files", {})
        for name in sorted(names - set(listed) - {"manifest.json", "manifest.sig"}):
            problems.append(
                Problem(name, "unlisted", "the file is not in the manifest (added later).")
            )
        contents: dict[str, bytes] = {}
        for name, sha in sorted(listed.items()):
            if name not in names:
                problems.append(
                    Problem(name, "missing", "the manifest lists it but the package lacks it.")
                )
                continue
            data = archive.read(name)
            contents[name] = data
            if hashlib.sha256(data).hexdigest() != sha:
                problems.append(Problem(name, "altered", "its bytes do not match the manifest."))
        report.files = len(contents)
        if public_key_text(public) != contents.get("public-key.txt", b"").decode().strip():
            problems.append(
                Problem("public-key.txt", "altered", "it is not the key listed in the manifest.")
            )
    log = [CustodyEntry.from_dict(e) for e in json.loads(contents.get("custody-log.json", b"[]"))]
    report.entries = len(log)
    report.head = log[-1].entry_hash if log else None
    problems += custody.check_chain(log, public)
    latest: dict[tuple[str, str], CustodyEntry] = {}
    for entry in log:
        if entry.detail_sha256 is not None and entry.action in custody.RECORD_ACTIONS:
            latest[(entry.object_type, entry.object_id)] = entry
    for source_id in manifest.get("sources", []):
        report.sources.append(int(source_id))
        _check_source(int(source_id), contents, latest, problems)
    return report


def _check_source(
    source_id: int,
    contents: dict[str, bytes],
    latest: dict[tuple[str, str], CustodyEntry],
    problems: list[Problem],
) -> None:
    prefix = f"sources/{source_id}/"
    subject = f"source {source_id}"
    try:
        records: dict[str, dict[str, Any]] = json.loads(contents[prefix + "records.json"])
    except (KeyError, ValueError):
        problems.append(Problem(subject, "missing", "its records.json is missing or damaged."))
        return
    for key, record in records.items():
        kind, _, object_id = key.partition(" ")
        entry = latest.get((kind, object_id))
        if entry is None:
            problems.append(Problem(key, "unlogged", "no custody entry records it."))
        elif custody.canonical_hash(record) != entry.detail_sha256:
            problems.append(
                Problem(key, "altered", f"it differs from what custody entry {entry.seq} holds.")
            )
        if kind == "source":
            original = contents.get(prefix + "original")
            if original is None or hashlib.sha256(original).hexdigest() != record["sha256"]:
                problems.append(
                    Problem(
                        subject, "altered", "its original bytes do not match the recorded SHA-256."
                    )
                )
        elif kind == "text":
            text = contents.get(prefix + f"text-{object_id}.txt")
            if text is None or hashlib.sha256(text).hexdigest() != record["sha256"]:
                problems.append(
                    Problem(key, "altered", "the text does not match the recorded SHA-256.")
                )
