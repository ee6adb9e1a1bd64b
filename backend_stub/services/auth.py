"""Login, refresh, logout and bearer-token lookup; login throttling per username and client address."""

from __future__ import annotations

import hashlib
import secrets
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from shared.domain import Clock, Role, SiteKind, utc_iso

from ..context import AppContext
from ..db import Fast, sites, tokens, users
from ..errors import ApiError


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller, as every endpoint sees it."""

    user_id: str
    username: str
    role: Role
    site_id: str | None
    site_kind: SiteKind  # CENTRAL for users with no site
    token_id: str
    pair_id: str
    device_id: str | None

    def user_json(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "username": self.username,
            "role": str(self.role),
            "site_id": self.site_id,
        }


class LoginThrottle:
    """At most `max_failures` failed logins per (username, address) within `window_s`; then 429.

    At most `max_keys` keys are kept: past that the least recently used one is dropped, so a spray
    of made-up usernames costs bounded memory and never resets the account actually under attack
    (every attempt on it makes its key the most recent)."""

    def __init__(self, clock: Clock, max_failures: int, window_s: float, max_keys: int = 100_000) -> None:
        self._clock = clock
        self._max = max_failures
        self._window = window_s
        self._max_keys = max_keys
        self._failures: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        now = self._clock.monotonic()
        q = self._failures.get(key)
        if q is None:
            q = self._failures[key] = deque()
            while len(self._failures) > self._max_keys:
                self._failures.popitem(last=False)
        else:
            self._failures.move_to_end(key)
        while q and now - q[0] >= self._window:
            q.popleft()
        return q

    def check(self, username: str, address: str) -> None:
        key = (username.strip().lower(), address)
        if key not in self._failures:
            return
        q = self._recent(key)
        if len(q) >= self._max:
            retry = max(1, int(self._window - (self._clock.monotonic() - q[0])) + 1)
            raise ApiError(
                429, "too_many_attempts", f"too many failed logins; try again in {retry} s", retry_after=retry
            )

    def failed(self, username: str, address: str) -> None:
        self._recent((username.strip().lower(), address)).append(self._clock.monotonic())

    def succeeded(self, username: str, address: str) -> None:
        self._failures.pop((username.strip().lower(), address), None)

    def __len__(self) -> int:
        return len(self._failures)


def _issue(ctx: AppContext, conn: Any, user_id: str, device_id: str | None) -> dict[str, Any]:
    now = ctx.clock.now()
    pair_id = ctx.ids.new()
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    rows = [
        ("access", access, now + timedelta(seconds=ctx.settings.access_token_ttl_s)),
        ("refresh", refresh, now + timedelta(seconds=ctx.settings.refresh_token_ttl_s)),
    ]
    conn.execute(
        insert(tokens),
        [
            {
                "id": ctx.ids.new(),
                "token_hash": token_hash(tok),
                "kind": kind,
                "pair_id": pair_id,
                "user_id": user_id,
                "device_id": device_id,
                "expires_at": utc_iso(exp),
                "revoked_at": None,
                "created_at": utc_iso(now),
            }
            for kind, tok, exp in rows
        ],
    )
    return {
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "bearer",
        "expires_in": ctx.settings.access_token_ttl_s,
    }


def login(
    ctx: AppContext,
    throttle: LoginThrottle,
    username: str,
    password: str,
    device_id: str | None,
    address: str,
) -> dict[str, Any]:
    throttle.check(username, address)
    with ctx.db.read() as conn:
        row = conn.execute(
            select(users).where(users.c.username == username.strip(), users.c.active.is_(True))
        ).first()
    ok = ctx.passwords.verify(row.password_hash if row is not None else None, password)
    if not ok or row is None:
        throttle.failed(username, address)
        raise ApiError(401, "invalid_credentials", "wrong username or password")
    throttle.succeeded(username, address)
    with ctx.db.write() as conn:
        answer = _issue(ctx, conn, row.id, device_id)
    answer["user"] = {"id": row.id, "username": row.username, "role": row.role, "site_id": row.site_id}
    return answer


def refresh(ctx: AppContext, refresh_token: str) -> dict[str, Any]:
    now = ctx.now_iso()
    with ctx.db.write() as conn:
        tok = conn.execute(
            select(tokens).where(tokens.c.token_hash == token_hash(refresh_token), tokens.c.kind == "refresh")
        ).first()
        if tok is None or tok.revoked_at is not None or tok.expires_at <= now:
            raise ApiError(401, "invalid_token", "refresh token is unknown, expired or revoked")
        user = conn.execute(select(users).where(users.c.id == tok.user_id, users.c.active.is_(True))).first()
        if user is None:
            raise ApiError(401, "invalid_token", "refresh token is unknown, expired or revoked")
        # rotate: the old pair is revoked, a new pair issued
        conn.execute(update(tokens).where(tokens.c.pair_id == tok.pair_id).values(revoked_at=now))
        answer = _issue(ctx, conn, user.id, tok.device_id)
    answer["user"] = {"id": user.id, "username": user.username, "role": user.role, "site_id": user.site_id}
    return answer


def logout(ctx: AppContext, principal: Principal) -> None:
    with ctx.db.write() as conn:
        conn.execute(
            update(tokens)
            .where(tokens.c.pair_id == principal.pair_id, tokens.c.revoked_at.is_(None))
            .values(revoked_at=ctx.now_iso())
        )


_BY_ACCESS_TOKEN = Fast(
    select(
        tokens.c.id,
        tokens.c.pair_id,
        tokens.c.device_id,
        tokens.c.expires_at,
        tokens.c.revoked_at,
        users.c.id.label("user_id"),
        users.c.username,
        users.c.role,
        users.c.site_id,
        users.c.active,
        sites.c.kind.label("site_kind"),
    )
    .select_from(
        tokens.join(users, users.c.id == tokens.c.user_id).outerjoin(sites, sites.c.id == users.c.site_id)
    )
    .where(tokens.c.token_hash == bindparam("b_hash"), tokens.c.kind == "access")
)


def authenticate(ctx: AppContext, access_token: str) -> Principal:
    now = ctx.now_iso()
    with ctx.db.read() as conn:
        row = _BY_ACCESS_TOKEN.first(conn, {"b_hash": token_hash(access_token)})
    if row is None or row.revoked_at is not None or row.expires_at <= now or not row.active:
        raise ApiError(401, "invalid_token", "access token is unknown, expired or revoked")
    return Principal(
        user_id=row.user_id,
        username=row.username,
        role=Role(row.role),
        site_id=row.site_id,
        site_kind=SiteKind(row.site_kind) if row.site_kind else SiteKind.CENTRAL,
        token_id=row.id,
        pair_id=row.pair_id,
        device_id=row.device_id,
    )
