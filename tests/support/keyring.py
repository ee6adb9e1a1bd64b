"""A secure-counting keyring kept in memory, and a cheap argon2id hasher, for tests that log in.

TokenStore treats this backend as a real secure store (unlike the null keyring or the demo's file
keyring), so the code path is the one a PC with Windows Credential Manager or Secret Service takes.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from keyring.backend import KeyringBackend

FAST_HASH = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


class MemoryKeyring(KeyringBackend):
    """A keyring backend that counts as secure, kept in memory for the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)
