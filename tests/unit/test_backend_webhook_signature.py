"""The webhook signature check: constant-time, and a garbage header is a 401, never a 500."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backend_stub.errors import ApiError
from backend_stub.services.payments import SIGNATURE_HEADER, sign, verify_signature
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

SECRET = b"whsec-0123456789abcdef"
NOW = 1_800_000_000


@pytest.fixture
def w(tmp_path: Path, backend_database: str | None) -> Iterator[World]:
    """On SQLite and on PostgreSQL."""
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with (
        InProcessBackend(tmp_path / "b", clock=clock, database_url=backend_database) as backend,
        World.standard(backend) as world,
    ):
        yield world


def _code(header: str | None, body: bytes = b"{}") -> str | None:
    try:
        verify_signature(SECRET, header, body, NOW, 300)
    except ApiError as exc:
        assert exc.status == 401
        return exc.code
    return None


def test_only_the_exact_mac_passes() -> None:
    good = sign(SECRET, NOW, b"{}")
    assert _code(good) is None
    mac = good.split("v1=")[1]
    assert _code(f"t={NOW},v1={mac.upper()}") is None  # hex case does not matter
    flipped = mac[:-1] + ("0" if mac[-1] != "0" else "1")
    assert _code(f"t={NOW},v1={flipped}") == "bad_signature"
    assert _code(f"t={NOW},v1={mac[:-1]}") == "bad_signature"
    assert _code(f"t={NOW},v1=nope,v1={mac}") is None  # any of several may match


@pytest.mark.parametrize("candidate", ["é" * 64, "\x00", "ß" + "0" * 63, "ﬀ"])
def test_a_non_ascii_candidate_is_a_bad_signature_not_a_crash(candidate: str) -> None:
    assert _code(f"t={NOW},v1={candidate}") == "bad_signature"


def test_a_non_ascii_signature_header_over_http_is_a_401(w: World) -> None:
    order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    body = w.webhook_body(order)
    t = int(w.server.clock.now().timestamp())  # type: ignore[union-attr]
    raw = f"t={t},v1=".encode() + b"\xe9" * 64
    answer = w.anonymous.post(
        "/api/v1/payments/webhook",
        content=body,
        headers={b"Content-Type": b"application/json", SIGNATURE_HEADER.encode(): raw},
    )
    assert answer.status_code == 401, answer.text
    assert answer.json()["error"]["code"] == "bad_signature"
    expected = hmac.new(w.server.webhook_secret(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    assert w.post_webhook(body, signature=f"t={t},v1={expected}").json() == {"status": "processed"}
