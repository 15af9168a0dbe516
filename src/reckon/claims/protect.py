"""Sealing what would identify a witness or tie a person to a confidential source.

Sealed values are ``enc1:`` tokens made with the workspace's data key
(`reckon.keys.Keyring.seal_field`), bound by their associated data to the row
and column they belong to, so that a token copied elsewhere does not open.
Keys for finding a protected name again are keyed hashes (HMAC-SHA256 with a
key derived from the data key), so that the database does not hold the name
in any readable form.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from reckon.evidence.locker import Locker
from reckon.roles import Permission, allows
from reckon.store.users import User

HASHED_PREFIX = "h:"


def may_read_confidential(locker: Locker, user: User) -> bool:
    """Whether ``user`` may see confidential content now (role and passphrase)."""
    return allows(user.role, Permission.READ_CONFIDENTIAL) and locker.keyring.unlocked


def hashed_key(locker: Locker, key: str) -> str:
    """A keyed hash of a name key: equal names give equal hashes, and only with the data key."""
    secret = hmac.new(locker.keyring.data_key(), b"reckon name keys", hashlib.sha256).digest()
    return HASHED_PREFIX + hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()


def seal_json(locker: Locker, value: dict[str, Any], aad: str) -> str:
    return locker.keyring.seal_field(json.dumps(value, ensure_ascii=False, sort_keys=True), aad)


def open_json(locker: Locker, token: str, aad: str) -> dict[str, Any]:
    data = json.loads(locker.keyring.open_field(token, aad))
    return data if isinstance(data, dict) else {}
