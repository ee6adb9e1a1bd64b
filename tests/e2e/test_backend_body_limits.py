"""Over real uvicorn: an oversized body, declared or chunked, is answered 413 in the error shape and
the server goes on serving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx

from backend_stub.limits import WEBHOOK_LIMIT
from tests.support.backend import BackendServer

WEBHOOK = "/api/v1/payments/webhook"


def _too_large(answer: httpx.Response) -> None:
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"]["code"] == "too_large"


def test_oversized_bodies_get_413_over_the_wire(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "b") as server, httpx.Client(base_url=server.url, timeout=30) as http:
        json_type = {"Content-Type": "application/json"}
        _too_large(http.post(WEBHOOK, content=b"x" * (WEBHOOK_LIMIT + 1), headers=json_type))
        _too_large(http.post(WEBHOOK, content=b"x" * 2_000_000, headers=json_type))

        def chunks() -> Iterator[bytes]:
            for _ in range(WEBHOOK_LIMIT // 4096 + 2):
                yield b"x" * 4096

        _too_large(http.post(WEBHOOK, content=chunks(), headers=json_type))
        _too_large(http.post("/api/v1/auth/login", content=b"x" * 100_000, headers=json_type))
        # a body within the limit still reaches the endpoint (and is judged on its merits)
        small = http.post(WEBHOOK, content=b"{}", headers=json_type)
        assert small.status_code == 401 and small.json()["error"]["code"] == "missing_signature"
        assert http.get("/health").json() == {"status": "ok"}
