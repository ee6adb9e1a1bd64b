"""A keyring for ``make demo`` only: the demo's refresh tokens in one file inside the demo folder.

The demo runs with no desktop keyring (under Xvfb, or so as never to touch the real one), and a
null keyring would make both apps warn at every start that sign-ins are not kept. The demo picks
this backend instead (``PYTHON_KEYRING_BACKEND=shared.auth.demo_keyring.DemoKeyring``) and names
its file in ``WB_DEMO_KEYRING_FILE`` (``.demo/keyring.json``, mode 0600). It is NOT a secure store:
the tokens are plain JSON, which is why it refuses any file outside a folder named ``.demo`` (it then
keeps them in memory only), why :class:`~shared.auth.tokens.TokenStore` reports it as not secure
but as ``demo``, and why the apps show a "demo" marker instead of the keyring warning.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

ENV_FILE = "WB_DEMO_KEYRING_FILE"
DEMO_FOLDER = ".demo"


def demo_file() -> Path | None:
    """The file named by the environment, when it lies inside a ``.demo`` folder; None otherwise."""
    name = os.environ.get(ENV_FILE, "")
    if not name:
        return None
    path = Path(name).resolve()
    return path if DEMO_FOLDER in path.parent.parts else None


class DemoKeyring(KeyringBackend):
    """Tokens for the demo: in ``$WB_DEMO_KEYRING_FILE`` (inside ``.demo``), or in memory."""

    priority = 0.1  # chosen only by name (PYTHON_KEYRING_BACKEND)
    demo = True  # TokenStore: not secure, but the demo's own; the apps show a demo marker

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path = demo_file()
        self._memory: dict[str, dict[str, str]] = {}

    def _load(self) -> dict[str, dict[str, str]]:
        if self.path is None:
            return self._memory
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, dict[str, str]]) -> None:
        if self.path is None:
            self._memory = data
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data.setdefault(service, {})[username] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.get(service, {}).pop(username, None)
        self._save(data)
