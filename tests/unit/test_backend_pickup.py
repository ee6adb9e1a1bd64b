"""Pickup tokens and short codes: what a PVZ checks offline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.domain.pickup_token import (
    BadSignature,
    MalformedPickupToken,
    PickupClaim,
    PickupTokenExpired,
    PickupTokenRevoked,
    WrongPvz,
    short_code_hash,
    short_code_matches,
    sign_pickup_token,
    sign_pickup_token_json,
    verify_pickup_token,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def _claim(**kw: object) -> PickupClaim:
    base = dict(
        order_id="O1", pvz_id="PVZ-1", customer_id="C1", token_id="T1", expires_at=NOW + timedelta(hours=1)
    )
    base.update(kw)
    return PickupClaim(**base)  # type: ignore[arg-type]


def test_valid_token_gives_its_claim(key: Ed25519PrivateKey) -> None:
    token = sign_pickup_token(_claim(), key)
    assert token.startswith("WBP1.")
    claim = verify_pickup_token(token, _raw(key), "PVZ-1", NOW, revoked_ids=set())
    assert (claim.order_id, claim.customer_id, claim.token_id) == ("O1", "C1", "T1")


def test_other_key_is_a_bad_signature(key: Ed25519PrivateKey) -> None:
    token = sign_pickup_token(_claim(), Ed25519PrivateKey.generate())
    with pytest.raises(BadSignature):
        verify_pickup_token(token, _raw(key), "PVZ-1", NOW, set())


def test_edited_payload_is_a_bad_signature(key: Ed25519PrivateKey) -> None:
    token = sign_pickup_token_json(_claim(), key)  # the older JSON form is still verified
    forged_payload = sign_pickup_token_json(_claim(pvz_id="PVZ-2"), key).split(".")[1]
    prefix, _payload, sig = token.split(".")
    with pytest.raises(BadSignature):
        verify_pickup_token(f"{prefix}.{forged_payload}.{sig}", _raw(key), "PVZ-2", NOW, set())


def test_compact_token_round_trips_and_an_edited_one_is_a_bad_signature(key: Ed25519PrivateKey) -> None:
    import base64

    claim = _claim()
    token = sign_pickup_token(claim, key)
    assert "." not in token[len("WBP1.") :] and token == token.upper()
    assert verify_pickup_token(token, _raw(key), "PVZ-1", NOW, set()) == claim
    assert (
        verify_pickup_token(token.swapcase().replace("wbp1.", "WBP1."), _raw(key), "PVZ-1", NOW, set())
        == claim
    )
    blob = bytearray(base64.b32decode(token[5:] + "=" * (-len(token[5:]) % 8)))
    blob[2] ^= 1  # expires_at moved by 2**16 s
    forged = "WBP1." + base64.b32encode(bytes(blob)).decode().rstrip("=")
    with pytest.raises(BadSignature):
        verify_pickup_token(forged, _raw(key), "PVZ-1", NOW, set())
    for garbage in ("WBP1.AAAA", "WBP1." + "A" * 200, "WBP1.!!"):
        with pytest.raises(MalformedPickupToken):
            verify_pickup_token(garbage, _raw(key), "PVZ-1", NOW, set())


def test_expired_other_pvz_revoked_and_garbage(key: Ed25519PrivateKey) -> None:
    token = sign_pickup_token(_claim(), key)
    with pytest.raises(PickupTokenExpired):
        verify_pickup_token(token, _raw(key), "PVZ-1", NOW + timedelta(hours=2), set())
    with pytest.raises(WrongPvz):
        verify_pickup_token(token, _raw(key), "PVZ-2", NOW, set())
    with pytest.raises(PickupTokenRevoked):
        verify_pickup_token(token, _raw(key), "PVZ-1", NOW, {"T1"})
    for garbage in ("", "WBP1.", "WBP1.abc", "WBP2.a.b", "WBP1.!!!.???"):
        with pytest.raises(MalformedPickupToken):
            verify_pickup_token(garbage, _raw(key), "PVZ-1", NOW, set())


def test_short_code_matches_only_its_hash() -> None:
    salt = "00112233445566778899aabbccddeeff"
    stored = short_code_hash("12345678", salt)
    assert short_code_matches("1234 5678", stored, salt)
    assert not short_code_matches("12345679", stored, salt)
    assert not short_code_matches("12345678", stored, "ff" * 16)
    assert not short_code_matches("1234567", stored, salt)
