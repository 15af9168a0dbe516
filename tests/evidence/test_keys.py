from __future__ import annotations

from pathlib import Path

import pytest

from reckon import keys
from reckon.errors import IntegrityError, LockedError


def test_data_key_seals_and_opens_with_the_passphrase_only(tmp_path: Path) -> None:
    keys.create_data_key(tmp_path, "right")
    ring = keys.Keyring(tmp_path, "right")
    sealed = ring.seal(b"testimony", b"source:1")
    assert b"testimony" not in sealed
    assert keys.Keyring(tmp_path, "right").open(sealed, b"source:1") == b"testimony"
    with pytest.raises(LockedError, match="does not unlock"):
        keys.Keyring(tmp_path, "wrong").open(sealed, b"source:1")
    with pytest.raises(LockedError, match="passphrase"):
        keys.Keyring(tmp_path, None).open(sealed, b"source:1")
    with pytest.raises(IntegrityError):
        ring.open(sealed, b"source:2")  # moved to another record
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    with pytest.raises(IntegrityError):
        ring.open(bytes(tampered), b"source:1")


def test_fields_round_trip_and_plain_values_pass_through(tmp_path: Path) -> None:
    ring = keys.Keyring(tmp_path, "pw")
    token = ring.seal_field("Leila Ahmadi", "title:abc")
    assert keys.is_sealed_field(token)
    assert "Leila" not in token
    assert ring.open_field(token, "title:abc") == "Leila Ahmadi"
    assert ring.open_field("plain", "x") == "plain"


def test_signing_key_is_created_once_and_verifies(tmp_path: Path) -> None:
    public = keys.create_signing_key(tmp_path)
    assert keys.public_key_text(keys.create_signing_key(tmp_path)) == keys.public_key_text(public)
    assert (tmp_path / keys.SIGNING_KEY_NAME).stat().st_mode & 0o077 == 0
    ring = keys.Keyring(tmp_path)
    signature = ring.sign(b"head")
    assert keys.verify_signature(public, b"head", signature)
    assert not keys.verify_signature(public, b"head!", signature)
    text = keys.public_key_text(public)
    assert keys.verify_signature(keys.public_key_from_text(text), b"head", signature)
