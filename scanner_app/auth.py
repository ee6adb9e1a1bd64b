"""Terminal login on top of the shared session: name and password, or an employee badge and a PIN.

* Name and password go through ``shared.auth.Session.sign_in``: online when the backend answers
  (the user is then remembered with an argon2id verifier and the refresh token goes to the OS
  keyring), else the offline unlock for a user who logged in on this terminal before.
* The backend has no badge login, so a badge is linked to its worker on this terminal after an
  online password login: the worker scans the badge and chooses a PIN. The local store keeps only a
  SHA-256 of the badge number and an argon2id verifier of the PIN (never the PIN or the password).
  A badge login checks the PIN locally, opens the shift for that worker, and, when the backend is
  reachable, gets a fresh online session from the worker's refresh token in the keyring.
* Five wrong PINs in a row lock the badge until its worker logs in with the password again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from shared.auth.client import AuthError
from shared.auth.session import Session as CoreSession
from shared.auth.session import UnlockError
from shared.domain import Role
from shared.store import Actor, CachedUser, LocalStore

from .services import LoginError, Session

BADGE_KEY = "terminal.badge."
MAX_PIN_FAILURES = 5
ALLOWED_ROLES = (Role.WAREHOUSE, Role.ADMIN)


def _badge_key(badge: str) -> str:
    return BADGE_KEY + hashlib.sha256(badge.encode()).hexdigest()


class TerminalSession(CoreSession):
    """The shared session plus an unlock for a worker verified by badge and PIN."""

    def unlock_verified(self, cached: CachedUser) -> Actor:
        with self._lock:
            self._actor = Actor(
                cached.user_id, cached.username, cached.role, cached.site_id, cached.site_kind
            )
            self._access = None
            self._locked = False
            self.touch()
            return self._actor


class TerminalAuth:
    """The login screen's Auth port (see services.py)."""

    def __init__(
        self, session: TerminalSession, store: LocalStore, hasher: PasswordHasher | None = None
    ) -> None:
        self.core = session
        self._store = store
        self._hasher = hasher or PasswordHasher()  # argon2id

    def login_password(self, username: str, password: str) -> Session:
        try:
            actor = self.core.sign_in(username.strip(), password)
        except AuthError as exc:
            # a wrong password is the terminal's own text; any other refusal (another site's device,
            # a retired device, too many attempts, no connection, a server error) says what it is
            if exc.code == "invalid_credentials":
                raise LoginError("bad_credentials", exc.message) from exc
            raise LoginError(exc.key or "auth_rejected", exc.message, exc.params) from exc
        except UnlockError as exc:
            code = "unknown_user" if exc.code == "unknown_user" else "bad_credentials"
            raise LoginError(code, exc.message) from exc
        if actor.role not in ALLOWED_ROLES:
            self.core.logout()
            raise LoginError("forbidden_role")
        # a password login proves the worker: a locked badge of theirs opens again
        self._reset_badges(actor.username)
        return self._session(actor)

    def login_badge(self, badge: str, pin: str) -> Session:
        record = self._badge(badge)
        if record is None:
            raise LoginError("unknown_badge")
        if int(record.get("failures", 0)) >= MAX_PIN_FAILURES:
            raise LoginError("badge_locked")
        if not self._verify(str(record["verifier"]), pin):
            record["failures"] = int(record.get("failures", 0)) + 1
            self._store.kv_set(_badge_key(badge), json.dumps(record))
            raise LoginError("bad_pin")
        if record.get("failures"):
            record["failures"] = 0
            self._store.kv_set(_badge_key(badge), json.dumps(record))
        cached = self._store.cached_user(str(record["username"]))
        if cached is None:
            raise LoginError("unknown_user")
        actor = self.core.unlock_verified(cached)
        # online again when the backend and the refresh token allow; else the shift runs offline
        with contextlib.suppress(Exception):
            self.core.refresh()
        return self._session(actor)

    def badge_known(self, badge: str) -> bool:
        return self._badge(badge) is not None

    def enrol_badge(self, session: Session, badge: str, pin: str) -> None:
        if session.offline:
            raise LoginError("offline")
        record = {"username": session.username, "verifier": self._hasher.hash(pin), "failures": 0}
        self._store.kv_set(_badge_key(badge), json.dumps(record))
        self._store.kv_set(f"{BADGE_KEY}owner.{session.username.lower()}", _badge_key(badge))

    def logout(self, session: Session) -> None:
        self.core.logout()

    def touch(self) -> None:
        self.core.touch()

    def idle_locked(self) -> bool:
        return self.core.actor is not None and self.core.locked

    # --- helpers -----------------------------------------------------------------------------

    def _session(self, actor: Actor) -> Session:
        return Session(
            actor.user_id,
            actor.username,
            actor.username,
            actor.role,
            actor.site_id,
            offline=not self.core.online,
        )

    def _reset_badges(self, username: str) -> None:
        key = self._store.kv_get(f"{BADGE_KEY}owner.{username.lower()}")
        if key is None:
            return
        raw = self._store.kv_get(key)
        if raw is None:
            return
        try:
            record = json.loads(raw)
        except ValueError:
            return
        if isinstance(record, dict) and record.get("failures"):
            record["failures"] = 0
            self._store.kv_set(key, json.dumps(record))

    def _badge(self, badge: str) -> dict[str, Any] | None:
        raw = self._store.kv_get(_badge_key(badge))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return data if isinstance(data, dict) and "verifier" in data and "username" in data else None

    def _verify(self, verifier: str, secret: str) -> bool:
        try:
            return bool(self._hasher.verify(verifier, secret))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
