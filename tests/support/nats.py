"""`NatsServer`: a real `nats-server -js` on a free 127.0.0.1 port with its store in a folder.

Debian's nats-server package (installed by `make system-deps`); a missing binary fails the test
with that hint, never skips it.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from .backend import free_port


class NatsServer:
    def __init__(self, folder: Path, port: int | None = None) -> None:
        binary = shutil.which("nats-server")
        if binary is None:
            pytest.fail(
                "nats-server is not installed: run `make system-deps` to run the broker tests", pytrace=False
            )
        self.binary = binary
        self.folder = folder
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def start(self) -> NatsServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        log = open(self.folder / "nats.log", "ab")  # noqa: SIM115 - handed to the child
        self.process = subprocess.Popen(
            [self.binary, "-js", "-a", "127.0.0.1", "-p", str(self.port), "-sd", str(self.folder / "store")],
            stdout=log,
            stderr=log,
        )
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "nats.log").read_text(errors="replace")[-2000:])
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nats-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def _run(self, coro: Any) -> Any:
        return asyncio.run(coro)

    def stream_messages(self, stream: str) -> list[dict[str, Any]]:
        """Every message in a stream: its subject and the event it carries (JSON body)."""

        async def read() -> list[dict[str, Any]]:
            import nats

            nc = await nats.connect(self.url)
            try:
                js = nc.jetstream()
                info = await js.stream_info(stream)
                out = []
                for seq in range(info.state.first_seq, info.state.last_seq + 1):
                    msg = await js.get_msg(stream, seq)
                    out.append({"subject": msg.subject, **json.loads(msg.data or b"{}")})
                return out
            finally:
                await nc.close()

        result: list[dict[str, Any]] = self._run(read())
        return result

    def consumer_pending(self, stream: str, durable: str) -> int:
        """Messages the durable consumer has not had acked yet (pending plus unacknowledged)."""

        async def read() -> int:
            import nats

            nc = await nats.connect(self.url)
            try:
                info = await nc.jetstream().consumer_info(stream, durable)
                return int(info.num_pending) + int(info.num_ack_pending)
            finally:
                await nc.close()

        pending: int = self._run(read())
        return pending

    def __enter__(self) -> NatsServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
