"""Secrets kept in the data dir with 0600 permissions: the payment webhook secret, the Ed25519
pickup signing key, the server key that derives pickup short codes and the chain master that
derives each device's chain key (docs/PROTOCOL.md, "The hash chain")."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .settings import Settings, refuse_placeholder

WEBHOOK_FILE = "payment_webhook_secret"
SIGNING_FILE = "pickup_signing_key.pem"
SERVER_KEY_FILE = "server_key"
CHAIN_MASTER_FILE = "chain_master"  # never rotated: every device's chain key is derived from it
_CHAIN_LABEL = b"wb-ops device chain key v1\x00"


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _create_private(path: Path, data: bytes) -> None:
    """Create `path` holding `data` (0600) unless it exists, atomically: the whole content goes to a
    temp file of this caller's own, then `os.link` puts it in place only if no one did first (two
    workers starting at once keep the first one's secret, never a mix or a second one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # created 0600
    try:
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return  # another worker's is there: that one is the secret
    finally:
        os.unlink(tmp)


def _new_signing_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class KeyStore:
    """Loads (creating on first use) the secrets of one data dir."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._dir = settings.secrets_dir
        self._signing: Ed25519PrivateKey | None = None
        self._webhook: bytes | None = None
        self._server_key: bytes | None = None
        self._chain_master: bytes | None = None

    def ensure(self) -> None:
        """Create whatever secret is missing; never overwrite one."""
        if not (self._dir / WEBHOOK_FILE).exists():
            _write_private(self._dir / WEBHOOK_FILE, secrets.token_hex(32).encode())
        if not (self._dir / SIGNING_FILE).exists():
            _write_private(self._dir / SIGNING_FILE, _new_signing_key())
        if not (self._dir / SERVER_KEY_FILE).exists():
            _write_private(self._dir / SERVER_KEY_FILE, secrets.token_hex(32).encode())
        if not (self._dir / CHAIN_MASTER_FILE).exists():
            _create_private(self._dir / CHAIN_MASTER_FILE, secrets.token_hex(32).encode())

    def rotate_signing_key(self) -> None:
        old = self._dir / SIGNING_FILE
        if old.exists():
            _write_private(self._dir / (SIGNING_FILE + ".previous"), old.read_bytes())
        _write_private(old, _new_signing_key())
        self._signing = None

    def rotate_webhook_secret(self) -> str:
        secret = secrets.token_hex(32)
        _write_private(self._dir / WEBHOOK_FILE, secret.encode())
        self._webhook = None
        return secret

    def webhook_secret(self) -> bytes:
        override = self._settings.payment_webhook_secret
        if override is not None:
            return override.get_secret_value().encode()
        if self._webhook is None:
            text = (self._dir / WEBHOOK_FILE).read_text().strip()
            self._webhook = refuse_placeholder(text, "the payment webhook secret in the data dir").encode()
        return self._webhook

    def server_key(self) -> bytes:
        if self._server_key is None:
            self._server_key = bytes.fromhex((self._dir / SERVER_KEY_FILE).read_text().strip())
        return self._server_key

    def chain_key(self, device_id: str) -> bytes:
        """A device's 32-byte chain key: HMAC-SHA256 of its id under the random chain master, so
        each device (and each device epoch, a new id) has its own, the database holds none, and a
        restore of the database, however old, gives every device the key it already holds."""
        if self._chain_master is None:
            path = self._dir / CHAIN_MASTER_FILE
            if not path.exists():  # a data dir from before the keyed chain: the first worker's wins
                _create_private(path, secrets.token_hex(32).encode())
            self._chain_master = bytes.fromhex(path.read_text().strip())
        return hmac.new(self._chain_master, _CHAIN_LABEL + device_id.encode("utf-8"), hashlib.sha256).digest()

    def signing_key(self) -> Ed25519PrivateKey:
        if self._signing is None:
            key = serialization.load_pem_private_key((self._dir / SIGNING_FILE).read_bytes(), password=None)
            if not isinstance(key, Ed25519PrivateKey):
                raise ValueError("the pickup signing key is not an Ed25519 key")
            self._signing = key
        return self._signing

    def public_key_bytes(self) -> bytes:
        return (
            self.signing_key()
            .public_key()
            .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )
