"""Refresh tokens and the device's chain key in the OS keyring, never in a file; in memory only where
no secure keyring exists."""

from __future__ import annotations

import contextlib
from typing import Any

import keyring
import keyring.errors

from shared.messages import render

SERVICE = "wb-ops"
INSECURE_WARNING = "insecure_keyring"  # the message code of the warning (shared/messages.py renders it)

# Backends that do not keep a secret safely (or at all).
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_INSECURE_NAMES = ("PlaintextKeyring", "UncryptedFileKeyring", "EncryptedKeyring")


def is_secure_backend(backend: Any) -> bool:
    """False for the fail/null backends, plaintext/file backends and an empty chainer."""
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(_INSECURE_MODULES) or name in _INSECURE_NAMES:
        return False
    if module == "keyring.backends.chainer":
        backends = getattr(backend, "backends", [])
        return bool(backends) and any(is_secure_backend(b) for b in backends)
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:
        return False


class TokenStore:
    """Keeps one refresh token per account key (e.g. "<device>:<username>").

    ``secure`` is False when only memory is available; the UI shows ``warning`` then.
    """

    def __init__(self, backend: Any | None = None, service: str = SERVICE) -> None:
        self.backend = backend if backend is not None else keyring.get_keyring()
        self.service = service
        # the demo's own keyring (shared.auth.demo_keyring, inside .demo only): not secure, and
        # said so by a "demo" marker in the apps instead of the warning
        self.demo = getattr(self.backend, "demo", False) is True
        self.secure = not self.demo and is_secure_backend(self.backend)
        self.warning_code: str | None = None if self.secure or self.demo else INSECURE_WARNING
        self._memory: dict[str, str] = {}

    @property
    def warning(self) -> str | None:
        """What the UI says when tokens are kept in memory only, in the current language."""
        return render(self.warning_code) if self.warning_code else None

    @property
    def _kept(self) -> bool:
        """Tokens go to the backend: a secure keyring, or the demo's."""
        return self.secure or self.demo

    def save(self, account: str, token: str) -> None:
        self._memory[account] = token
        if not self._kept:
            return
        try:
            self.backend.set_password(self.service, account, token)
        except keyring.errors.KeyringError:
            self.secure = self.demo = False  # keep it in memory; the UI says so
            self.warning_code = INSECURE_WARNING

    def load(self, account: str) -> str | None:
        if account in self._memory:
            return self._memory[account]
        if not self._kept:
            return None
        try:
            token = self.backend.get_password(self.service, account)
        except keyring.errors.KeyringError:
            return None
        if token:
            self._memory[account] = token
        return token or None

    def clear(self, account: str) -> None:
        self._memory.pop(account, None)
        if self._kept:
            with contextlib.suppress(keyring.errors.KeyringError):
                self.backend.delete_password(self.service, account)

    @property
    def memory_only(self) -> bool:
        """True when what is saved is lost at the app's restart (no keyring keeps it)."""
        return not self._kept


def chain_account(device_id: str) -> str:
    """The keyring account of a device's chain key (user accounts are "<device>:<username>")."""
    return f"chain-key/{device_id}"


class KeyringChainKeys:
    """The store's ChainKeys (shared.store.journal) in a TokenStore: a device's chain key, as hex,
    beside its refresh tokens, so the key is never in the SQLite file it protects."""

    def __init__(self, tokens: TokenStore) -> None:
        self.tokens = tokens

    def load(self, device_id: str) -> bytes | None:
        text = self.tokens.load(chain_account(device_id))
        try:
            return bytes.fromhex(text) if text else None
        except ValueError:
            return None

    def save(self, device_id: str, key: bytes) -> None:
        self.tokens.save(chain_account(device_id), key.hex())

    def clear(self, device_id: str) -> None:
        self.tokens.clear(chain_account(device_id))
