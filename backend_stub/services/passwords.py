"""argon2id password hashing; a fixed dummy hash keeps unknown-user logins as slow as real ones."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher(type=Type.ID)
_DUMMY = _HASHER.hash("an unknown user has no password at all")


def hash_password(password: str) -> str:
    if not password:
        raise ValueError("empty password")
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when password matches; with no stored hash, verify against a dummy and return False."""
    try:
        ok = _HASHER.verify(stored_hash or _DUMMY, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return bool(ok) and stored_hash is not None
