"""The pickup token's expiry boundary, as docs/PROTOCOL.md states it: a token is valid strictly
before its `expires_at`; at `expires_at` exactly it has expired (like access and refresh tokens).

`expires_at` travels as whole Unix seconds, so the boundary instant is exact in both token forms.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from shared.domain.pickup_token import (
    PickupClaim,
    PickupTokenExpired,
    sign_pickup_token,
    sign_pickup_token_json,
    verify_pickup_token,
)

EXPIRES = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
CLAIM = PickupClaim(order_id="O1", pvz_id="PVZ-1", customer_id="C1", token_id="T1", expires_at=EXPIRES)
FORMS: dict[str, Callable[[PickupClaim, Ed25519PrivateKey], str]] = {
    "compact": sign_pickup_token,
    "json": sign_pickup_token_json,
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("before", [timedelta(seconds=1), timedelta(microseconds=1)])
def test_valid_until_just_before_expires_at(form: str, before: timedelta) -> None:
    token = FORMS[form](CLAIM, KEY)
    claim = verify_pickup_token(token, PUBLIC, "PVZ-1", EXPIRES - before, set())
    assert claim.expires_at == EXPIRES


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("after", [timedelta(0), timedelta(microseconds=1), timedelta(seconds=1)])
def test_expired_at_expires_at_exactly_and_after(form: str, after: timedelta) -> None:
    token = FORMS[form](CLAIM, KEY)
    with pytest.raises(PickupTokenExpired) as err:
        verify_pickup_token(token, PUBLIC, "PVZ-1", EXPIRES + after, set())
    assert err.value.code == "expired"
