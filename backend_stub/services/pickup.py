"""Pickup tokens (Ed25519-signed QR text) and short codes for paid orders; revocation."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import timedelta

from sqlalchemy import Connection, bindparam, insert, select, update

from shared.domain import utc_iso
from shared.domain.pickup_token import SHORT_CODE_DIGITS, PickupClaim, short_code_hash, sign_pickup_token

from ..context import AppContext
from ..db import Fast, pickup_tokens, sites
from .changes import ALL_SITES, publish

_SALT = Fast(select(sites.c.short_code_salt).where(sites.c.id == bindparam("b_site")))


def short_code_for(ctx: AppContext, order_id: str, generation: int = 0) -> str:
    """The order's 8-digit short code, derived from the server key (so it is never stored in clear)."""
    mac = hmac.new(ctx.keys.server_key(), f"short-code:{order_id}:{generation}".encode(), hashlib.sha256)
    return f"{int.from_bytes(mac.digest()[:8], 'big') % 10**SHORT_CODE_DIGITS:0{SHORT_CODE_DIGITS}d}"


def publish_short_code(
    ctx: AppContext, conn: Connection, order_id: str, pvz_id: str, customer_id: str
) -> None:
    salt = _SALT.first(conn, {"b_site": pvz_id}).short_code_salt  # type: ignore[union-attr]
    code = short_code_for(ctx, order_id)
    publish(
        conn,
        [pvz_id],
        "short_code",
        order_id,
        {"order_id": order_id, "customer_id": customer_id, "hash": short_code_hash(code, salt), "salt": salt},
    )


def issue_token(ctx: AppContext, conn: Connection, order_id: str, pvz_id: str, customer_id: str) -> str:
    now = ctx.clock.now()
    token_id = ctx.ids.new()
    expires = now + timedelta(seconds=ctx.settings.pickup_token_ttl_s)
    conn.execute(
        insert(pickup_tokens).values(
            id=token_id,
            order_id=order_id,
            customer_id=customer_id,
            pvz_id=pvz_id,
            expires_at=utc_iso(expires),
            revoked_at=None,
            created_at=utc_iso(now),
        )
    )
    claim = PickupClaim(order_id, pvz_id, customer_id, token_id, expires.replace(microsecond=0))
    return sign_pickup_token(claim, ctx.keys.signing_key())


def revoke_order_tokens(ctx: AppContext, conn: Connection, order_id: str) -> None:
    """Revoke every live pickup token of the order and publish the revocations to its PVZ."""
    now = ctx.now_iso()
    rows = list(
        conn.execute(
            select(pickup_tokens).where(
                pickup_tokens.c.order_id == order_id, pickup_tokens.c.revoked_at.is_(None)
            )
        )
    )
    if not rows:
        return
    conn.execute(
        update(pickup_tokens)
        .where(pickup_tokens.c.order_id == order_id, pickup_tokens.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    for r in rows:
        publish(
            conn,
            [r.pvz_id],
            "revocation",
            r.id,
            {"token_id": r.id, "order_id": r.order_id, "revoked_at": now, "expires_at": r.expires_at},
        )


def public_key_b64(ctx: AppContext) -> str:
    return base64.b64encode(ctx.keys.public_key_bytes()).decode()


def publish_public_key(ctx: AppContext) -> None:
    with ctx.db.write() as conn:
        publish(
            conn,
            [ALL_SITES],
            "pickup_key",
            "current",
            {"public_key": public_key_b64(ctx), "algorithm": "Ed25519"},
        )


def ensure_public_key_published(ctx: AppContext) -> None:
    """Publish the current public key unless the change feed already carries exactly it."""
    from ..db import changes

    with ctx.db.read() as conn:
        row = conn.execute(
            select(changes.c.data).where(
                changes.c.site_id == ALL_SITES,
                changes.c.entity == "pickup_key",
                changes.c.entity_id == "current",
            )
        ).first()
    if row is None or public_key_b64(ctx) not in row.data:
        publish_public_key(ctx)
