"""Offline pickup checks at a PVZ: a QR token or a dictated short code, against what pull brought."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from shared.domain.pickup_token import (
    PICKUP_TOKEN_PREFIX,
    SHORT_CODE_DIGITS,
    BadSignature,
    MalformedPickupToken,
    PickupTokenError,
    PickupTokenExpired,
    PickupTokenRevoked,
    WrongPvz,
    short_code_hash,
    short_code_matches,
    verify_pickup_token,
)
from shared.messages import render
from shared.store import LocalStore

# The codes of a check (``ok`` and why not); the text of each is the catalog's "pickup_<code>".
CODES: Final = (
    "ok",
    "malformed",
    "bad_signature",
    "expired",
    "wrong_pvz",
    "revoked",
    "no_key",
    "unknown_code",
)


@dataclass(frozen=True, slots=True)
class PickupCheck:
    """The outcome of a check: ``ok`` with the order, or ``code`` saying why not (``message`` says it
    in words, in the current language)."""

    ok: bool
    code: str
    order_id: str | None = None
    customer_id: str | None = None
    token_id: str | None = None
    expires_at: datetime | None = None

    @property
    def message(self) -> str:
        return render(f"pickup_{self.code}")


def _fail(code: str) -> PickupCheck:
    return PickupCheck(False, code)


def check_pickup(store: LocalStore, text: str, pvz_id: str, now: datetime) -> PickupCheck:
    """Check a scanned pickup QR (``WBP1.``...) or a dictated 8-digit short code, offline."""
    text = text.strip()
    if text.upper().startswith(PICKUP_TOKEN_PREFIX):
        return _check_token(store, text, pvz_id, now)
    digits = text.replace(" ", "").replace("-", "")
    if digits.isdigit():
        return _check_short_code(store, digits)
    return _fail("malformed")


def _check_token(store: LocalStore, text: str, pvz_id: str, now: datetime) -> PickupCheck:
    keys = store.pickup_keys()
    if not keys:
        return _fail("no_key")
    revoked = store.revocations()
    last: PickupTokenError | None = None
    for key_b64 in keys:
        try:
            key = base64.b64decode(key_b64)
        except (binascii.Error, ValueError):
            continue
        try:
            claim = verify_pickup_token(text, key, pvz_id, now, revoked)
        except BadSignature as exc:
            last = exc
            continue  # maybe signed with another key we hold
        except (MalformedPickupToken, PickupTokenRevoked, WrongPvz, PickupTokenExpired) as exc:
            return _fail(exc.code)
        return PickupCheck(True, "ok", claim.order_id, claim.customer_id, claim.token_id, claim.expires_at)
    return _fail(last.code if last is not None else "no_key")


def _check_short_code(store: LocalStore, digits: str) -> PickupCheck:
    if len(digits) != SHORT_CODE_DIGITS:
        return _fail("malformed")
    for salt in store.short_code_salts():
        digest = short_code_hash(digits, salt)
        order_id = store.order_for_short_code_hash(digest)
        if order_id is not None and short_code_matches(digits, digest, salt):
            order = store.order(order_id)
            return PickupCheck(True, "ok", order_id, order.customer_id if order else None)
    return _fail("unknown_code")
