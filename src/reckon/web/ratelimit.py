"""Login rate limiting per account name, in memory, with no record of who was asking.

Guessing passwords is slowed per *account name*, not per address: reckon keeps
no IP addresses anywhere (the public side must not be able to tie a request to
a person, and one rule for the whole app is easier to trust). After
``max_failures`` wrong passwords for a name within ``window`` seconds, that
name is refused for the rest of the window, whatever password comes next; a
successful login clears the count.

Names are kept only as keyed hashes under a key made at process start, so the
memory of the server never holds what people typed (a password typed into the
name field stays unreadable), and nothing survives a restart. The table is
bounded: when full, the oldest entries go first.

The price of limiting by name is that anyone can lock an account out for a
window by failing on purpose; the account's owner waits, or an admin restarts
the server. That is preferred to keeping addresses.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Final

from reckon.errors import PermissionDenied

MAX_FAILURES: Final = 5
WINDOW_SECONDS: Final = 15 * 60
MAX_NAMES: Final = 10_000


class TooManyAttempts(PermissionDenied):
    """Too many wrong passwords for one account name in a short time."""

    http_status = 429


class LoginLimiter:
    """Counts failed logins per account name (hashed) in a sliding window."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW_SECONDS,
        max_names: int = MAX_NAMES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window = window
        self.max_names = max_names
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._failures: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _hash(self, name: str) -> str:
        folded = " ".join(name.split()).casefold()
        return hmac.new(self._key, folded.encode("utf-8"), hashlib.sha256).hexdigest()

    def _recent(self, key: str, now: float) -> list[float]:
        times = [t for t in self._failures.get(key, []) if now - t < self.window]
        if times:
            self._failures[key] = times
        else:
            self._failures.pop(key, None)
        return times

    def check(self, name: str) -> None:
        """Raise `TooManyAttempts` while ``name`` is locked out (before any password check)."""
        now = self._clock()
        with self._lock:
            times = self._recent(self._hash(name), now)
        if len(times) >= self.max_failures:
            wait = max(1, math.ceil((times[0] + self.window - now) / 60))
            raise TooManyAttempts(
                "Too many wrong passwords for this account name; logins to it are paused.",
                hint=f"Try again in {wait} minute(s), or ask an admin.",
            )

    def failed(self, name: str) -> None:
        """Count one wrong password for ``name``."""
        now = self._clock()
        key = self._hash(name)
        with self._lock:
            times = self._recent(key, now)
            times.append(now)
            self._failures[key] = times
            self._failures.move_to_end(key)
            while len(self._failures) > self.max_names:
                self._failures.popitem(last=False)

    def succeeded(self, name: str) -> None:
        """Forget the failures of ``name`` (its owner knew the password)."""
        with self._lock:
            self._failures.pop(self._hash(name), None)

    def __len__(self) -> int:
        return len(self._failures)
