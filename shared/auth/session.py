"""The signed-in user of a device: online login, offline shift unlock, idle lock, token refresh.

Implements the sync engine's TokenSource. The refresh token lives in the TokenStore (OS keyring or
memory), the access token in memory only; the local argon2id verifier lets a user who logged in on
this device before unlock offline with the same password.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Final

import httpx
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from shared.domain import Clock, Role, SiteKind
from shared.messages import Coded
from shared.store import Actor, CachedUser, LocalStore

from .client import AuthClient, AuthError, Tokens
from .errors import LoginRequired
from .tokens import KeyringChainKeys, TokenStore


class UnlockError(Coded, Exception):
    """An offline unlock was refused: ``code`` (one of :data:`UNLOCK_CODES`) with ``params``;
    ``message`` is its text in the current language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: Mapping[str, Any] = params
        super().__init__(code)


UNLOCK_CODES: Final = ("unknown_user", "locked_out", "wrong_password", "bad_verifier", "no_session")


MAX_OFFLINE_FAILURES = 5
OFFLINE_LOCKOUT = timedelta(minutes=5)


def verify_cached(
    store: LocalStore, username: str, password: str, clock: Clock, hasher: PasswordHasher | None = None
) -> CachedUser:
    """Check a password against the verifier kept from this user's last online login here.

    Offline, nothing stops a guesser but this: after MAX_OFFLINE_FAILURES wrong passwords in a row
    the user is locked out of offline unlocks for OFFLINE_LOCKOUT (an online login still works and
    clears the count). The count lives in the local store, so restarting the app does not reset it.
    Raises UnlockError with a message for the user.
    """
    name = username.strip()
    cached = store.cached_user(name)
    if cached is None:
        raise UnlockError("unknown_user")
    key = f"auth.offline_failures:{cached.username}"  # one count however the name is typed
    count, _, until = (store.kv_get(key) or "0|").partition("|")
    now = clock.now()
    if until and now < datetime.fromisoformat(until):
        raise UnlockError("locked_out", minutes=int(OFFLINE_LOCKOUT.total_seconds() // 60))
    try:
        (hasher or PasswordHasher()).verify(cached.verifier, password)
    except VerifyMismatchError as exc:
        failures = int(count or 0) + 1
        lock = (now + OFFLINE_LOCKOUT).isoformat() if failures >= MAX_OFFLINE_FAILURES else ""
        store.kv_set(key, f"{0 if lock else failures}|{lock}")
        raise UnlockError("wrong_password") from exc
    except (VerificationError, InvalidHashError) as exc:
        raise UnlockError("bad_verifier") from exc
    store.kv_set(key, None)
    return cached


class Session:
    def __init__(
        self,
        store: LocalStore,
        client: AuthClient,
        tokens: TokenStore,
        clock: Clock,
        *,
        device_id: str,
        site_kind: SiteKind,
        idle_lock_s: float = 600.0,
        hasher: PasswordHasher | None = None,
        site_id: str = "",
    ) -> None:
        self.site_id = site_id  # the site this device is set up for: another site's user is refused
        self.store = store
        self.client = client
        self.tokens = tokens
        self.clock = clock
        self.device_id = device_id
        self.site_kind = site_kind
        self.idle_lock_s = idle_lock_s
        self.hasher = hasher or PasswordHasher()  # argon2id
        self._lock = threading.RLock()
        self._actor: Actor | None = None
        self._access: str | None = None
        self._last_activity = clock.monotonic()
        self._locked = False
        # the device's chain key lives beside the tokens (keyring), read when an op is journalled
        store.chain_keys = KeyringChainKeys(tokens)

    # ------------------------------------------------------------------ who is signed in
    @property
    def actor(self) -> Actor | None:
        """The signed-in user, or None. Operations carry it (store.record(..., actor))."""
        return self._actor

    @property
    def online(self) -> bool:
        """True when the session holds an access token from the server."""
        return self._access is not None

    @property
    def keyring_warning(self) -> str | None:
        """Text for the UI when no secure keyring exists (tokens are kept in memory only)."""
        return self.tokens.warning

    def _account(self, username: str) -> str:
        return f"{self.device_id}:{username.strip().lower()}"

    def _actor_for(self, user_id: str, username: str, role: str, site_id: str | None) -> Actor:
        site_id = site_id or ""
        site = self.store.site(site_id) if site_id else None
        kind = (
            SiteKind(site.kind)
            if site is not None and site.kind in {k.value for k in SiteKind}
            else self.site_kind
        )
        return Actor(user_id, username, Role(role), site_id, kind)

    # ------------------------------------------------------------------ login
    def login(self, username: str, password: str) -> Actor:
        """Online login. Remembers the user (argon2id verifier) for offline unlocks; saves the
        refresh token. Raises AuthError."""
        # the store's id: after a new device epoch the server knows this device by that id
        tokens = self.client.login(
            username,
            password,
            self.store.device_id or self.device_id,
            self.site_id or None,
            self.store.chain_report(),
        )
        verifier = self.hasher.hash(password)
        with self._lock:
            actor = self._accept(tokens)
            if tokens.sscc_block is not None:  # the registry's block: no other device draws from it
                self.store.kv_set("device.sscc_block", str(tokens.sscc_block))
            if tokens.sscc_ranges:  # its blocks of box numbers (shared/store/sscc.py)
                self.store.add_sscc_ranges([list(r) for r in tokens.sscc_ranges])
            if tokens.chain_key is not None and tokens.chain_from is not None:
                # ops above chain_from carry the keyed link; where no keyring keeps the key, ops
                # journalled while a restart had forgotten it are linked again (docs/PROTOCOL.md)
                self.store.accept_chain_key(
                    tokens.chain_key, tokens.chain_from, relink=self.tokens.memory_only
                )
            self.store.kv_set(f"auth.offline_failures:{actor.username}", None)
            self.store.remember_user(
                CachedUser(
                    user_id=actor.user_id,
                    username=actor.username,
                    role=actor.role,
                    site_id=actor.site_id,
                    site_kind=actor.site_kind,
                    display_name=actor.username,
                    verifier=verifier,
                    last_login=self.clock.now(),
                )
            )
            return actor

    def _accept(self, tokens: Tokens) -> Actor:
        u = tokens.user
        actor = self._actor_for(u.id, u.username, u.role, u.site_id)
        self._actor = actor
        self._access = tokens.access_token
        self.tokens.save(self._account(u.username), tokens.refresh_token)
        self.touch()
        self._locked = False
        return actor

    def unlock_offline(self, username: str, password: str) -> Actor:
        """Open a shift with no network: the user must have logged in on this device before."""
        cached = verify_cached(self.store, username, password, self.clock, self.hasher)
        with self._lock:
            self._actor = Actor(
                cached.user_id, cached.username, cached.role, cached.site_id, cached.site_kind
            )
            self._access = None  # refreshed from the stored refresh token when the network is back
            self._locked = False
            self.touch()
            return self._actor

    def sign_in(self, username: str, password: str) -> Actor:
        """Log in online; with no network (or a server error) fall back to the offline unlock."""
        try:
            return self.login(username, password)
        except AuthError as exc:
            if exc.code in ("network", "server"):
                return self.unlock_offline(username, password)
            raise

    # ------------------------------------------------------------------ idle lock
    def touch(self) -> None:
        """Record user activity (a scan, a key press)."""
        self._last_activity = self.clock.monotonic()

    @property
    def locked(self) -> bool:
        """True when no one is signed in, or the session sat idle past ``idle_lock_s``."""
        if self._actor is None:
            return True
        if not self._locked and self.clock.monotonic() - self._last_activity >= self.idle_lock_s:
            self._locked = True
        return self._locked

    def lock(self) -> None:
        self._locked = True

    def unlock(self, password: str) -> Actor:
        """Unlock an idle-locked session of the same user (works offline)."""
        actor = self._actor
        if actor is None:
            raise UnlockError("no_session")
        verify_cached(self.store, actor.username, password, self.clock, self.hasher)
        self._locked = False
        self.touch()
        return actor

    def logout(self) -> None:
        with self._lock:
            if self._access:
                self.client.logout(self._access)
            if self._actor is not None:
                self.tokens.clear(self._account(self._actor.username))
            self._actor = None
            self._access = None

    # ------------------------------------------------------------------ TokenSource for the sync engine
    def access_token(self) -> str | None:
        return self._access

    def refresh(self) -> str:
        """A new access token from the stored refresh token. LoginRequired when there is none or the
        server refuses it; network errors (httpx.HTTPError) and AuthError('server') pass through."""
        with self._lock:
            actor = self._actor
            if actor is None:
                raise LoginRequired("no one is signed in")
            refresh_token = self.tokens.load(self._account(actor.username))
            if not refresh_token:
                raise LoginRequired("no refresh token on this device")
            try:
                tokens = self.client.refresh(refresh_token)
            except LoginRequired:
                self.tokens.clear(self._account(actor.username))
                self._access = None
                raise
            except AuthError as exc:
                raise httpx.TransportError(exc.message) from exc
            self._access = tokens.access_token
            self.tokens.save(self._account(actor.username), tokens.refresh_token)
            return tokens.access_token
