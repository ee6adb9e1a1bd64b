"""Signed pickup tokens ('WBP1.' QR text) and short codes, verifiable offline at the PVZ.

Pure computation (no I/O, no Qt, no HTTP, no database): the backend signs with it and the PVZ app
verifies with it, so neither side's infrastructure reaches the other.

Token text (compact, what the backend issues): 'WBP1.' + base32 (RFC 4648, upper case, no padding)
of a binary payload followed by its 64-byte Ed25519 signature. Payload: a format byte (1), expires_at
(Unix seconds, 4 bytes big-endian), then order_id, customer_id, token_id and pvz_id, each a ULID
packed as 0x80 + 16 bytes or any other text as its length (0..127) + UTF-8 bytes. Every character is
in the QR alphanumeric set (5.5 bits a character), so the QR is about 40% smaller than the older
form, and it survives a small, worn label print.

Older form, still verified: 'WBP1.' + base64url(payload JSON) + '.' + base64url(signature of the
JSON bytes). Payload: {"order_id", "pvz_id", "customer_id", "token_id", "expires_at"}. The two forms
are told apart by the '.' after the prefix (base32 has none). The backend signs; a PVZ verifies with
the public key and the revocation list it got from sync pull.

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


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_VALUE = {c: i for i, c in enumerate(_CROCKFORD)}
_COMPACT_FORMAT = 1
_ULID_TAG = 0x80
_SIGNATURE_LEN = 64


def _pack_text(text: str) -> bytes:
    if len(text) == 26 and all(c in _CROCKFORD_VALUE for c in text):
        value = 0
        for c in text:
            value = value * 32 + _CROCKFORD_VALUE[c]
        if value < 1 << 128:
            return bytes([_ULID_TAG]) + value.to_bytes(16, "big")
    data = text.encode()
    if len(data) >= _ULID_TAG:
        raise ValueError(f"{text[:20]!r}...: a pickup claim's ids are at most 127 bytes")
    return bytes([len(data)]) + data


def _unpack_text(data: bytes, pos: int) -> tuple[str, int]:
    tag = data[pos]
    if tag == _ULID_TAG:
        raw = data[pos + 1 : pos + 17]
        if len(raw) != 16:
            raise ValueError("cut short")
        value = int.from_bytes(raw, "big")
        chars = []
        for _ in range(26):
            chars.append(_CROCKFORD[value & 31])
            value >>= 5
        return "".join(reversed(chars)), pos + 17
    if tag > _ULID_TAG:
        raise ValueError("unknown field tag")
    end = pos + 1 + tag
    if end > len(data):
        raise ValueError("cut short")
    return data[pos + 1 : end].decode(), end


def compact_payload(claim: PickupClaim) -> bytes:
    """The binary payload the compact token signs (see the module docstring)."""
    expires = int(claim.expires_at.timestamp())
    if not 0 <= expires < 1 << 32:
        raise ValueError("expires_at out of range")
    return b"".join(
        (
            bytes([_COMPACT_FORMAT]),
            expires.to_bytes(4, "big"),
            _pack_text(claim.order_id),
            _pack_text(claim.customer_id),
            _pack_text(claim.token_id),
            _pack_text(claim.pvz_id),
        )
    )


def _claim_from_compact(payload: bytes) -> PickupClaim:
    if len(payload) < 5 or payload[0] != _COMPACT_FORMAT:
        raise ValueError("unknown compact token format")
    expires = int.from_bytes(payload[1:5], "big")
    texts = []
    pos = 5
    for _ in range(4):
        text, pos = _unpack_text(payload, pos)
        texts.append(text)
    if pos != len(payload):
        raise ValueError("trailing bytes")
    order_id, customer_id, token_id, pvz_id = texts
    return PickupClaim(order_id, pvz_id, customer_id, token_id, datetime.fromtimestamp(expires, UTC))


def sign_pickup_token(claim: PickupClaim, private_key: Ed25519PrivateKey) -> str:
    """The compact token text (what the backend hands out)."""
    payload = compact_payload(claim)
    blob = payload + private_key.sign(payload)
    return PICKUP_TOKEN_PREFIX + base64.b32encode(blob).decode().rstrip("=")


def sign_pickup_token_json(claim: PickupClaim, private_key: Ed25519PrivateKey) -> str:
    """The older JSON token text: still verified, no longer issued (kept for tests and tools)."""
    payload = claim.payload_bytes()
    return PICKUP_TOKEN_PREFIX + _b64e(payload) + "." + _b64e(private_key.sign(payload))


def decode_pickup_token(token: str) -> tuple[PickupClaim, bytes, bytes]:
    """Split and parse a token without checking the signature: (claim, payload bytes, signature)."""
    text = token.strip()
    if not text.startswith(PICKUP_TOKEN_PREFIX):
        raise MalformedPickupToken("not a pickup token")
    parts = text[len(PICKUP_TOKEN_PREFIX) :].split(".")
    if len(parts) == 1:
        return _decode_compact(parts[0])
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


def _decode_compact(text: str) -> tuple[PickupClaim, bytes, bytes]:
    try:
        blob = base64.b32decode(text.upper() + "=" * (-len(text) % 8))
        if len(blob) <= _SIGNATURE_LEN:
            raise ValueError("too short")
        payload, signature = blob[:-_SIGNATURE_LEN], blob[-_SIGNATURE_LEN:]
        claim = _claim_from_compact(payload)
    except (binascii.Error, ValueError, IndexError, OverflowError) as exc:
        raise MalformedPickupToken(f"unreadable pickup token: {exc}") from exc
    return claim, payload, signature


def verify_pickup_token(
    token: str, public_key_bytes: bytes, pvz_id: str, now: datetime, revoked_ids: Collection[str]
) -> PickupClaim:
    """Return the claim of a valid token for this PVZ, or raise the PickupTokenError saying why not.

    Checks, in order: format, Ed25519 signature, revocation, destination PVZ, expiry.
    A token has expired from `expires_at` on: valid strictly before it, expired at it exactly.
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
