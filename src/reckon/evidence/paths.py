"""Which files an ``add`` covers, and how to show names that may be hostile.

Folders are walked recursively in a stable order. A symbolic link is followed
only when its target stays inside the folder being added: a link that leads
elsewhere (``/etc/passwd``, another case's folder) is refused, not followed.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Characters that reorder or hide text when shown (bidi controls, the BOM and
# friends). The zero-width (non-)joiner is NOT here: Persian names need it.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


def safe_name(name: str) -> str:
    """``name`` with control, bidi and undecodable characters written as escapes."""
    if name.isprintable():  # the common case; bidi controls and surrogates are not printable
        return name
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch in _BIDI_CONTROLS or unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def name_is_hostile(name: str) -> bool:
    return safe_name(name) != name


@dataclass(frozen=True)
class Candidate:
    """One file to add, or the reason it cannot be."""

    path: Path
    shown: str
    refused: str | None = None


def candidates(paths: list[Path]) -> Iterator[Candidate]:
    """Every file under ``paths`` (files as given, folders recursively)."""
    for given in paths:
        shown = safe_name(str(given))
        if given.is_symlink() and not given.exists():
            yield Candidate(given, shown, "is a broken symbolic link.")
        elif given.is_dir():
            yield from _walk(given, given.resolve())
        elif given.exists() or given.is_symlink():
            yield Candidate(given, shown)
        else:
            yield Candidate(given, shown, "does not exist.")


def _walk(folder: Path, root: Path) -> Iterator[Candidate]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Candidate(folder, safe_name(str(folder)), f"cannot be read ({exc.strerror}).")
        return
    for entry in entries:
        path = Path(entry.path)
        shown = safe_name(str(path))
        if entry.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                yield Candidate(
                    path, shown, f"is a link leading outside {safe_name(str(root))}; not followed."
                )
                continue
            if target.is_dir():
                # Inside the folder already: it will be added where it really is.
                continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root)
        elif entry.is_file():
            yield Candidate(path, shown)
        else:
            yield Candidate(path, shown, "is not a regular file (a device, socket or pipe).")
