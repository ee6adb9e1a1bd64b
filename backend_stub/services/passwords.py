"""argon2id password hashing; a dummy hash keeps unknown-user logins as slow as real ones.

The cost comes from settings (WB_ARGON2_TIME_COST, WB_ARGON2_MEMORY_KIB, WB_ARGON2_PARALLELISM;
defaults: RFC 9106's low-memory profile). Verification always uses the cost stored in each hash.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Passwords:
    def __init__(self, time_cost: int = 3, memory_kib: int = 65536, parallelism: int = 4) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
        )
        self._dummy = self._hasher.hash("an unknown user has no password at all")

    def hash(self, password: str) -> str:
        if not password:
            raise ValueError("empty password")
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """True when password matches; with no stored hash, verify against the dummy and return False."""
        try:
            ok = self._hasher.verify(stored_hash or self._dummy, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        return bool(ok) and stored_hash is not None
