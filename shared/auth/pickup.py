"""Signed pickup tokens ('WBP1.' QR text) and short codes, verifiable offline at the PVZ.

Token text: 'WBP1.' + base64url(payload JSON) + '.' + base64url(Ed25519 signature of the payload
JSON bytes), base64url without padding. Payload: {"order_id", "pvz_id", "customer_id", "token_id",
"expires_at"} with expires_at in Unix seconds. The backend signs; a PVZ verifies with the public key
and the revocation list it got from sync pull.

Short code: 8 digits the customer can dictate. The PVZ holds, per order, hex HMAC-SHA256(salt, code)
with its site's salt, and checks a dictated code with `short_code_matches`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PICKUP_TOKEN_PREFIX = "WBP1."
SHORT_CODE_DIGITS = 8


class PickupTokenError(Exception):
    """Base of every reason a pickup token is refused; `code` is machine-readable."""

    code = "invalid_token"


class MalformedPickupToken(PickupTokenError):
    code = "malformed"


class BadSignature(PickupTokenError):
    code = "bad_signature"


class PickupTokenExpired(PickupTokenError):
    code = "expired"


class WrongPvz(PickupTokenError):
    code = "wrong_pvz"


class PickupTokenRevoked(PickupTokenError):
    code = "revoked"


@dataclass(frozen=True, slots=True)
class PickupClaim:
    order_id: str
    pvz_id: str
    customer_id: str
    token_id: str
    expires_at: datetime

    def payload_bytes(self) -> bytes:
        data = {
            "customer_id": self.customer_id,
            "expires_at": int(self.expires_at.timestamp()),
            "order_id": self.order_id,
            "pvz_id": self.pvz_id,
            "token_id": self.token_id,
        }
        return json.dumps(data, separators=(",", ":"), sort_keys=True).encode()


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_pickup_token(claim: PickupClaim, private_key: Ed25519PrivateKey) -> str:
    payload = claim.payload_bytes()
    return PICKUP_TOKEN_PREFIX + _b64e(payload) + "." + _b64e(private_key.sign(payload))


def decode_pickup_token(token: str) -> tuple[PickupClaim, bytes, bytes]:
    """Split and parse a token without checking the signature: (claim, payload bytes, signature)."""
    text = token.strip()
    if not text.startswith(PICKUP_TOKEN_PREFIX):
        raise MalformedPickupToken("not a pickup token")
    parts = text[len(PICKUP_TOKEN_PREFIX) :].split(".")
    if len(parts) != 2:
        raise MalformedPickupToken("a pickup token has a payload and a signature")
    try:
        payload, signature = _b64d(parts[0]), _b64d(parts[1])
        data = json.loads(payload)
        claim = PickupClaim(
            order_id=str(data["order_id"]),
            pvz_id=str(data["pvz_id"]),
            customer_id=str(data["customer_id"]),
            token_id=str(data["token_id"]),
            expires_at=datetime.fromtimestamp(int(data["expires_at"]), UTC),
        )
    except (binascii.Error, ValueError, KeyError, TypeError, OverflowError) as exc:
        raise MalformedPickupToken(f"unreadable pickup token: {exc}") from exc
    return claim, payload, signature


def verify_pickup_token(
    token: str, public_key_bytes: bytes, pvz_id: str, now: datetime, revoked_ids: Collection[str]
) -> PickupClaim:
    """Return the claim of a valid token for this PVZ, or raise the PickupTokenError saying why not.

    Checks, in order: format, Ed25519 signature, revocation, destination PVZ, expiry.
    """
    claim, payload, signature = decode_pickup_token(token)
    try:
        Ed25519PublicKey.from_public_bytes(public_key_bytes).verify(signature, payload)
    except (InvalidSignature, ValueError) as exc:
        raise BadSignature("the pickup code's signature does not match") from exc
    if claim.token_id in revoked_ids:
        raise PickupTokenRevoked("this pickup code was revoked")
    if claim.pvz_id != pvz_id:
        raise WrongPvz(f"this order goes to {claim.pvz_id}, not {pvz_id}")
    if now >= claim.expires_at:
        raise PickupTokenExpired("this pickup code has expired")
    return claim


def short_code_hash(code: str, salt_hex: str) -> str:
    """hex HMAC-SHA256 keyed with the site's salt over the code's digits."""
    return hmac.new(bytes.fromhex(salt_hex), code.strip().encode(), hashlib.sha256).hexdigest()


def short_code_matches(code: str, stored_hash: str, salt_hex: str) -> bool:
    digits = code.strip().replace(" ", "").replace("-", "")
    if len(digits) != SHORT_CODE_DIGITS or not digits.isdigit():
        return False
    return hmac.compare_digest(short_code_hash(digits, salt_hex), stored_hash)
