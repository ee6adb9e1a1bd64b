"""`InProcessBackend`: the real FastAPI app in this process (no network, no subprocess), on a tmp
data dir, with an injectable clock. Use it for fast API tests; use BackendServer for e2e.

    backend = InProcessBackend(tmp_path / "b", clock=ManualClock())
    client = backend.client(token)      # a starlette TestClient (an httpx.Client)
    backend.run_relay()                 # the outbox relay, synchronously
    backend.close()

The background relay is off here; `World.wait_for_task` calls `run_relay()` for you.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from fastapi.testclient import TestClient

from shared.domain import Clock, SystemClock


class InProcessBackend:
    def __init__(self, data_dir: Path | str, *, clock: Clock | None = None, **settings: Any) -> None:
        from backend_stub.app import create_app
        from backend_stub.context import open_context
        from backend_stub.settings import Settings

        self.data_dir = Path(data_dir)
        self.clock = clock or SystemClock()
        options = {"argon2_time_cost": 1, "argon2_memory_kib": 1024, "argon2_parallelism": 1, **settings}
        self.settings = Settings(data_dir=self.data_dir, relay_enabled=False, **options)
        self.ctx = open_context(self.settings, self.clock)
        self.app = create_app(self.settings, ctx=self.ctx)
        self.url = "http://testserver"
        self._clients: list[TestClient] = []

    def client(self, token: str | None = None, timeout: float = 30.0) -> TestClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        c = TestClient(self.app, base_url=self.url, headers=headers, raise_server_exceptions=False)
        self._clients.append(c)
        return c

    def context(self) -> Any:
        """The app's own context (World uses it for direct admin writes)."""
        return _SharedContext(self.ctx)

    def webhook_secret(self) -> bytes:
        secret: bytes = self.ctx.keys.webhook_secret()
        return secret

    def run_relay(self) -> int:
        """Relay every pending outbox event now; return how many."""
        count: int = self.app.state.relay.run_until_idle()
        return count

    def close(self) -> None:
        for c in self._clients:
            c.close()
        self.ctx.db.dispose()

    def __enter__(self) -> InProcessBackend:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _SharedContext:
    """The app's context for World, whose close() must not dispose the app's engine."""

    def __init__(self, ctx: Any) -> None:
        self._ctx = ctx
        self.db = _NoDispose(ctx.db)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)


class _NoDispose:
    def __init__(self, db: Any) -> None:
        self._db = db

    def dispose(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)
