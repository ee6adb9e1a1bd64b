"""`BackendServer`: a real `wb-backend serve` (uvicorn) in a subprocess on a free 127.0.0.1 port.

Usage::

    from tests.support.backend import BackendServer

    with BackendServer(tmp_path / "backend") as server:
        httpx.get(server.url + "/health")
        server.kill()      # SIGKILL, like a power cut
        server.start()     # again, on the same data dir

or the pytest fixture (import it into a test module or conftest)::

    from tests.support.backend import backend_server  # noqa: F401

    def test_something(backend_server: BackendServer) -> None: ...

`server.cli("create-site", ...)` runs the admin CLI on the same data dir; `server.context()` opens the
data dir in-process for direct admin writes (see tests/support/world.py), which is much faster than
a CLI subprocess and safe while the server runs (SQLite WAL, busy timeout).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
# argon2 at its cheapest for tests (hashes still argon2id); pass env={...} to override.
FAST_TEST_HASHING = {"WB_ARGON2_TIME_COST": "1", "WB_ARGON2_MEMORY_KIB": "1024", "WB_ARGON2_PARALLELISM": "1"}
START_TIMEOUT_S = 60.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BackendServer:
    """A real backend process on a data dir. Start, stop, SIGKILL and restart it on the same data.

    Attributes: `url` ("http://127.0.0.1:<port>"), `data_dir`, `port`, `env` (extra environment
    variables, e.g. {"WB_RELAY_ENABLED": "false"}), `process`.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        env: Mapping[str, str] | None = None,
        port: int | None = None,
        database_url: str | None = None,
        workers: int = 1,
    ) -> None:
        """`database_url`: PostgreSQL instead of SQLite in the data dir; `workers`: API processes."""
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.workers = workers
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.env: dict[str, str] = dict(env or {})
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._log_path = self.data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _environ(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("WB_DATA_DIR", None)
        env.pop("WB_DATABASE_URL", None)
        env.update(FAST_TEST_HASHING)
        if self.database_url:
            env["WB_DATABASE_URL"] = self.database_url
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env.update(self.env)
        return env

    def start(self) -> BackendServer:
        """Start `wb-backend serve` and wait until /health answers 200. Retries on a taken port."""
        if self.process is not None and self.process.poll() is None:
            raise RuntimeError("the backend is already running")
        for attempt in range(3):
            log = open(self._log_path, "ab")  # noqa: SIM115 - handed to the child process
            cmd = [
                sys.executable,
                "-m",
                "backend_stub.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--data-dir",
                str(self.data_dir),
                "--workers",
                str(self.workers),
            ]
            self.process = subprocess.Popen(
                cmd, cwd=ROOT, env=self._environ(), stdout=log, stderr=log, start_new_session=True
            )
            log.close()
            if self._wait_healthy():
                return self
            self.stop()
            if attempt < 2:
                self.port = free_port()
        raise RuntimeError(f"backend did not start; log:\n{self.log_tail()}")

    def _wait_healthy(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                return False
            try:
                if httpx.get(self.url + "/health", timeout=2.0).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        return False

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self._log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL the server (every worker too): no shutdown handlers, no flush; like pulling the plug."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        """Graceful stop (SIGTERM), SIGKILL if it does not exit within 10 s."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self.workers > 1 and self.process is not None:
            with contextlib.suppress(ProcessLookupError):  # a worker the supervisor left behind
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def cli(
        self, *args: str, input_text: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run `wb-backend <args> --data-dir <this data dir>` and return the completed process."""
        cmd = [sys.executable, "-m", "backend_stub.cli", *args, "--data-dir", str(self.data_dir)]
        done = subprocess.run(
            cmd, cwd=ROOT, env=self._environ(), input=input_text, capture_output=True, text=True, timeout=300
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
        return done

    def context(self) -> Any:
        """An in-process `AppContext` on this data dir, for direct admin writes. Call `.db.dispose()`
        when done (World does this for you)."""
        from backend_stub.context import open_context
        from backend_stub.settings import Settings

        fast = {k.removeprefix("WB_").lower(): v for k, v in FAST_TEST_HASHING.items()}
        fast.update(
            {k.removeprefix("WB_").lower(): v for k, v in self.env.items() if k.startswith("WB_ARGON2_")}
        )
        return open_context(Settings(data_dir=self.data_dir, database_url=self.database_url, **fast))

    def webhook_secret(self) -> bytes:
        """The payment webhook secret generated in the data dir (what a provider would be given)."""
        if "WB_PAYMENT_WEBHOOK_SECRET" in self.env:
            return self.env["WB_PAYMENT_WEBHOOK_SECRET"].encode()
        return (self.data_dir / "secrets" / "payment_webhook_secret").read_text().strip().encode()

    def client(self, token: str | None = None, timeout: float = 30.0) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout)

    def __enter__(self) -> BackendServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


@pytest.fixture
def backend_server(tmp_path: Path) -> Iterator[BackendServer]:
    """A running backend on a fresh data dir under tmp_path; stopped after the test."""
    server = BackendServer(tmp_path / "backend")
    server.start()
    try:
        yield server
    finally:
        server.stop()
