"""Login, refresh, logout and bearer-token lookup; login throttling per username and client address."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import bindparam, insert, select, update
from starlette.concurrency import run_in_threadpool

from shared.domain import Clock, Role, SiteKind, parse_iso, utc_iso

from ..context import AppContext
from ..db import Fast, sites, tokens, users
from ..errors import ApiError
from . import devices as devices_svc
from .passwords import PasswordPool, PoolBusy

if TYPE_CHECKING:
    from ..settings import Settings


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


class _Budget:
    """Failures within the window for one key, plus the checks under way that may still fail."""

    __slots__ = ("failures", "pending")

    def __init__(self) -> None:
        self.failures: deque[float] = deque()
        self.pending = 0


class _Budgets:
    """One kind of key (user+address, user, address): at most `limit` failures and pending checks.

    At most `max_keys` keys are kept: past that the least recently used one is dropped, so a spray
    of made-up keys costs bounded memory and never resets the key actually under attack (every
    attempt on it makes it the most recent)."""

    def __init__(self, limit: int, window_s: float, max_keys: int) -> None:
        self.limit = limit
        self.window = window_s
        self.max_keys = max_keys
        self.table: OrderedDict[Any, _Budget] = OrderedDict()

    def get(self, key: Any, now: float, *, create: bool) -> _Budget | None:
        budget = self.table.get(key)
        if budget is None:
            if not create:
                return None
            budget = self.table[key] = _Budget()
            while len(self.table) > self.max_keys:
                self.table.popitem(last=False)
        else:
            self.table.move_to_end(key)
        q = budget.failures
        while q and now - q[0] >= self.window:
            q.popleft()
        return budget

    def wait_s(self, key: Any, now: float) -> int | None:
        """None while a check fits the budget; else seconds until one may."""
        budget = self.get(key, now, create=False)
        if budget is None or len(budget.failures) + budget.pending < self.limit:
            return None
        q = budget.failures
        if len(q) < self.limit:
            return 1  # checks under way hold the rest of the budget: they end within seconds
        return max(1, int(self.window - (now - q[len(q) - self.limit])) + 1)

    def settle(self, key: Any, now: float, *, failed: bool, pending: bool) -> None:
        budget = self.get(key, now, create=True)
        assert budget is not None
        if pending and budget.pending:
            budget.pending -= 1
        if failed:
            budget.failures.append(now)
        elif not budget.failures and not budget.pending:
            self.table.pop(key, None)


class LoginThrottle:
    """Failed logins per (username, address), per username and per client address within `window_s`.

    - user + address: `max_failures` (5): a guesser is stopped at their own counter, while the clerk
      logging in from their own PC is not locked out by guesses from elsewhere;
    - user: `user_max_failures`, a higher ceiling for guessing spread over many addresses;
    - address: `address_max_failures`, for a spray of usernames (made-up ones included) from one place.

    A check reserves its place in every budget (`reserve`) BEFORE the password is hashed, so a burst
    of parallel guesses gets no more checks than the budget; the reservation turns into a failure,
    is cleared by a success, or is released when the check did not happen (the pool was busy).
    A budget that is spent answers 429 `too_many_attempts` with Retry-After."""

    def __init__(
        self,
        clock: Clock,
        max_failures: int,
        window_s: float,
        max_keys: int = 100_000,
        *,
        user_max_failures: int | None = None,
        address_max_failures: int | None = None,
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._pair = _Budgets(max_failures, window_s, max_keys)
        self._user = _Budgets(user_max_failures, window_s, max_keys) if user_max_failures else None
        self._address = _Budgets(address_max_failures, window_s, max_keys) if address_max_failures else None

    @classmethod
    def from_settings(cls, clock: Clock, settings: Settings) -> LoginThrottle:
        return cls(
            clock,
            settings.login_max_failures,
            settings.login_window_s,
            user_max_failures=settings.login_user_max_failures,
            address_max_failures=settings.login_address_max_failures,
        )

    def _keyed(self, username: str, address: str) -> list[tuple[_Budgets, Any]]:
        user = username.strip().lower()
        keyed: list[tuple[_Budgets, Any]] = [(self._pair, (user, address))]
        if self._user is not None:
            keyed.append((self._user, user))
        if self._address is not None:
            keyed.append((self._address, address))
        return keyed

    def _refuse(self, keyed: list[tuple[_Budgets, Any]], now: float) -> None:
        waits = [w for budgets, key in keyed if (w := budgets.wait_s(key, now)) is not None]
        if waits:
            retry = max(waits)
            raise ApiError(
                429, "too_many_attempts", f"too many failed logins; try again in {retry} s", retry_after=retry
            )

    def check(self, username: str, address: str) -> None:
        """Raise 429 when any budget is spent; reserves nothing (see `reserve`)."""
        with self._lock:
            self._refuse(self._keyed(username, address), self._clock.monotonic())

    def reserve(self, username: str, address: str) -> LoginAttempt:
        """Take a place in every budget for one password check, or raise 429."""
        keyed = self._keyed(username, address)
        with self._lock:
            now = self._clock.monotonic()
            self._refuse(keyed, now)
            for budgets, key in keyed:
                budget = budgets.get(key, now, create=True)
                assert budget is not None
                budget.pending += 1
        return LoginAttempt(self, keyed)

    def _settle(self, keyed: list[tuple[_Budgets, Any]], *, failed: bool, pending: bool) -> None:
        with self._lock:
            now = self._clock.monotonic()
            for budgets, key in keyed:
                budgets.settle(key, now, failed=failed, pending=pending)

    def _succeed(self, keyed: list[tuple[_Budgets, Any]], *, pending: bool) -> None:
        """The password was right: the user+address counter starts afresh. The user and address
        budgets keep their failures (one good login must not reset a spray or spread guessing)."""
        with self._lock:
            now = self._clock.monotonic()
            for budgets, key in keyed:
                budget = budgets.get(key, now, create=False)
                if budget is None:
                    continue
                if pending and budget.pending:
                    budget.pending -= 1
                if budgets is self._pair:
                    budget.failures.clear()
                if not budget.failures and not budget.pending:
                    budgets.table.pop(key, None)

    def failed(self, username: str, address: str) -> None:
        """Record a failure that held no reservation."""
        self._settle(self._keyed(username, address), failed=True, pending=False)

    def succeeded(self, username: str, address: str) -> None:
        """Record a success that held no reservation."""
        self._succeed(self._keyed(username, address), pending=False)

    def __len__(self) -> int:
        return len(self._pair.table)


class LoginAttempt:
    """One reserved password check: end it with `failed()`, `succeeded()` or `release()` (no check
    happened). Ending it twice does nothing; as a context manager it releases what was not ended."""

    def __init__(self, throttle: LoginThrottle, keyed: list[tuple[_Budgets, Any]]) -> None:
        self._throttle = throttle
        self._keyed = keyed
        self._open = True

    def _end(self) -> bool:
        was, self._open = self._open, False
        return was

    def failed(self) -> None:
        if self._end():
            self._throttle._settle(self._keyed, failed=True, pending=True)

    def succeeded(self) -> None:
        if self._end():
            self._throttle._succeed(self._keyed, pending=True)

    def release(self) -> None:
        if self._end():
            self._throttle._settle(self._keyed, failed=False, pending=True)

    def __enter__(self) -> LoginAttempt:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _issue(
    ctx: AppContext, conn: Any, user_id: str, device_id: str | None, family_id: str | None = None
) -> dict[str, Any]:
    """A new access + refresh pair; a login starts a family (family_id None), a refresh continues it."""
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
                "family_id": family_id or pair_id,
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


async def login(
    ctx: AppContext,
    throttle: LoginThrottle,
    pool: PasswordPool,
    username: str,
    password: str,
    device_id: str | None,
    address: str,
    site_id: str | None = None,
    journal_seq: int | None = None,
) -> dict[str, Any]:
    """Check the password on the bounded pool, with a place in the throttle's budgets reserved first.

    Only the pool's threads hash; a login waiting for them holds no request thread, so the other
    endpoints keep answering during a flood. 429 `too_many_attempts` or 503 `busy` (Retry-After)."""
    with throttle.reserve(username, address) as attempt:
        try:
            if pool.full:  # turned away before it costs a database read
                raise PoolBusy(pool.retry_after)
            row = await run_in_threadpool(_active_user, ctx, username)
            ok = await pool.verify(row.password_hash if row is not None else None, password)
        except PoolBusy as exc:  # no check happened: the reservation is released, not counted
            raise ApiError(
                503,
                "busy",
                f"the server is busy checking passwords; try again in {exc.retry_after} s",
                retry_after=exc.retry_after,
            ) from None
        if not ok or row is None:
            attempt.failed()
            raise ApiError(401, "invalid_credentials", "wrong username or password")
        attempt.succeeded()
    return await run_in_threadpool(_signed_in, ctx, row, device_id, site_id, journal_seq)


def _active_user(ctx: AppContext, username: str) -> Any:
    with ctx.db.read() as conn:
        return conn.execute(
            select(users).where(users.c.username == username.strip(), users.c.active.is_(True))
        ).first()


def _signed_in(
    ctx: AppContext,
    row: Any,
    device_id: str | None,
    site_id: str | None = None,
    journal_seq: int | None = None,
) -> dict[str, Any]:
    # a PC set up for one site never binds to another: a clerk of PVZ-12 on a PC set up for PVZ-77
    # is told so before anything is issued or bound (admins may sign in anywhere)
    if site_id is not None and row.role != Role.ADMIN and row.site_id != site_id:
        raise ApiError(
            403,
            "wrong_site",
            f"this user works at {row.site_id or 'no site'}, this device is set up for {site_id}",
            user_site=row.site_id,
        )
    with ctx.db.write() as conn:
        device = (
            devices_svc.claim_on_login(ctx, conn, device_id, row.site_id, journal_seq) if device_id else None
        )
        answer = _issue(ctx, conn, row.id, device_id)
    if device is not None:
        answer["device"] = {
            "id": device.device_id,
            "site_id": device.site_id,
            "sscc_block": device.sscc_block,
            "sscc_ranges": [list(r) for r in device.sscc_ranges],
        }
        # the device's chain key, to its own site's staff only (never logged: see logs.py)
        chain = devices_svc.chain_for(ctx, device, row.site_id)
        if chain is not None:
            answer["chain"] = chain
    answer["user"] = {"id": row.id, "username": row.username, "role": row.role, "site_id": row.site_id}
    return answer


# ---- refresh: rotation with an overlap window, family revocation on reuse --------------------------
#
# Each refresh rotates: the presented pair is revoked and a new one issued in the same family (the
# login it descends from). The answer can be lost (a timeout, a frozen server that wakes up after the
# client gave up); the client then retries with the token it still holds. For `refresh_overlap_s`
# after the rotation that retry gets the SAME successor pair again, as long as that pair is still
# live. To re-issue it without keeping any token in the clear, the successor pair is stored
# encrypted (AES-GCM) under a key derived from the rotated refresh token itself: the database keeps
# only SHA-256(token), from which the key cannot be derived, so only the token's holder can recover
# its successor. A rotated token presented after the window, or when its successor has moved on, is
# reuse (a copy in someone else's hands): the whole family is revoked (OAuth 2.0 security BCP).

_SUCCESSOR_KEY_LABEL = b"wb-ops refresh successor key v1"


def _successor_key(refresh_token: str) -> bytes:
    return hmac.new(refresh_token.encode(), _SUCCESSOR_KEY_LABEL, hashlib.sha256).digest()


def _seal(refresh_token: str, token_id: str, answer: dict[str, Any]) -> str:
    nonce = secrets.token_bytes(12)
    plain = json.dumps({"a": answer["access_token"], "r": answer["refresh_token"]}).encode()
    sealed = AESGCM(_successor_key(refresh_token)).encrypt(nonce, plain, token_id.encode())
    return base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def _unseal(refresh_token: str, token_id: str, sealed: str) -> tuple[str, str] | None:
    try:
        raw = base64.urlsafe_b64decode(sealed.encode("ascii"))
        plain = AESGCM(_successor_key(refresh_token)).decrypt(raw[:12], raw[12:], token_id.encode())
        data = json.loads(plain)
        return str(data["a"]), str(data["r"])
    except (InvalidTag, ValueError, KeyError, TypeError):
        return None


def _invalid() -> ApiError:
    return ApiError(401, "invalid_token", "refresh token is unknown, expired or revoked")


def _live(conn: Any, token: str, kind: str, now: str) -> Any:
    row = conn.execute(
        select(tokens.c.id, tokens.c.expires_at).where(
            tokens.c.token_hash == token_hash(token),
            tokens.c.kind == kind,
            tokens.c.revoked_at.is_(None),
            tokens.c.rotated_at.is_(None),
        )
    ).first()
    return row if row is not None and row.expires_at > now else None


def _replay(ctx: AppContext, conn: Any, tok: Any, refresh_token: str, now: datetime) -> dict[str, Any] | None:
    """The successor pair of a token rotated within the overlap window, while that pair is live."""
    window_start = utc_iso(now - timedelta(seconds=ctx.settings.refresh_overlap_s))
    if tok.successor is None or tok.rotated_at < window_start:
        return None
    pair = _unseal(refresh_token, tok.id, tok.successor)
    if pair is None:
        return None
    access, refresh_next = pair
    now_iso = utc_iso(now)
    access_row = _live(conn, access, "access", now_iso)
    if access_row is None or _live(conn, refresh_next, "refresh", now_iso) is None:
        return None
    left = parse_iso(access_row.expires_at) - now
    return {
        "access_token": access,
        "refresh_token": refresh_next,
        "token_type": "bearer",
        "expires_in": max(1, int(left.total_seconds())),
    }


def _revoke_family(conn: Any, family_id: str, now: str) -> None:
    conn.execute(
        update(tokens)
        .where(tokens.c.family_id == family_id, tokens.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    conn.execute(
        update(tokens)
        .where(tokens.c.family_id == family_id, tokens.c.successor.is_not(None))
        .values(successor=None)
    )


def refresh(ctx: AppContext, refresh_token: str) -> dict[str, Any]:
    """Rotate the pair; within the overlap window a repeat gets the same successor; reuse after it
    revokes the family (401 `token_reused`)."""
    now_dt = ctx.clock.now()
    now = utc_iso(now_dt)
    reused = False
    with ctx.db.write() as conn:
        tok = conn.execute(
            select(tokens).where(tokens.c.token_hash == token_hash(refresh_token), tokens.c.kind == "refresh")
        ).first()
        if tok is None:
            raise _invalid()
        user = conn.execute(select(users).where(users.c.id == tok.user_id, users.c.active.is_(True))).first()
        family = tok.family_id or tok.pair_id
        if tok.rotated_at is not None:
            answer = _replay(ctx, conn, tok, refresh_token, now_dt) if user is not None else None
            if answer is None:
                _revoke_family(conn, family, now)
                reused = True
        elif tok.revoked_at is not None or tok.expires_at <= now or user is None:
            raise _invalid()
        else:
            # rotate: the old pair is revoked, a new pair issued in the same family, and kept sealed
            conn.execute(update(tokens).where(tokens.c.pair_id == tok.pair_id).values(revoked_at=now))
            answer = _issue(ctx, conn, user.id, tok.device_id, family)
            sealed = _seal(refresh_token, tok.id, answer) if ctx.settings.refresh_overlap_s > 0 else None
            conn.execute(update(tokens).where(tokens.c.id == tok.id).values(rotated_at=now, successor=sealed))
            # earlier rotations of this family are past replaying now: drop their sealed pairs
            conn.execute(
                update(tokens)
                .where(tokens.c.family_id == family, tokens.c.id != tok.id, tokens.c.successor.is_not(None))
                .values(successor=None)
            )
    if reused:  # raised after the commit: the revocation must stay
        raise ApiError(
            401,
            "token_reused",
            "this refresh token was already used; every session descending from its login is revoked",
        )
    assert user is not None and answer is not None
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
