"""Error classification, backoff and token refresh of the sync engine (MockTransport; no network).

Push and pull correctness is proven against the real backend in tests/e2e and tests/faults.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from shared.auth import LoginRequired
from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.store import Actor, LocalStore
from shared.sync import Backoff, ErrorKind, SyncEngine

ACTOR = Actor("u1", "clerk", Role.CLERK, "PVZ-1", SiteKind.PVZ)
EMPTY_PULL = {"changes": [], "next_cursor": "0", "has_more": False, "remaining": 0, "counts": {}}


class Tokens:
    def __init__(self, fail_refresh: bool = False) -> None:
        self.token = "old"
        self.refreshes = 0
        self.fail_refresh = fail_refresh

    def access_token(self) -> str | None:
        return self.token

    def refresh(self) -> str:
        self.refreshes += 1
        if self.fail_refresh:
            raise LoginRequired("revoked")
        self.token = f"new{self.refreshes}"
        return self.token


def ok_push(request: httpx.Request) -> httpx.Response:
    import json

    ops = json.loads(request.content)["ops"]
    results = [
        {"op_id": o["op_id"], "seq": o["seq"], "status": "applied", "reason": None, "replayed": False}
        for o in ops
    ]
    return httpx.Response(200, json={"results": results, "last_seq": ops[-1]["seq"] if ops else 0})


def engine_with(
    tmp_path: Path, handler: Callable[[httpx.Request], httpx.Response], tokens: Tokens | None = None
) -> tuple[SyncEngine, LocalStore, list[float]]:
    clock = ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    store = LocalStore.open(tmp_path / "s.sqlite3", "dev-1", clock)
    slept: list[float] = []
    client = httpx.Client(base_url="http://backend.test", transport=httpx.MockTransport(handler))
    engine = SyncEngine(
        store,
        client,
        tokens or Tokens(),
        clock,
        max_attempts=4,
        backoff=Backoff(0.5, 4.0),
        sleep=slept.append,
        random=lambda: 1.0,
    )
    return engine, store, slept


def test_5xx_and_network_errors_are_retried_with_capped_backoff(tmp_path: Path) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) == 1:
            raise httpx.ConnectError("refused")
        if len(calls) == 2:
            return httpx.Response(503, json={"error": {"code": "unavailable", "message": "later"}})
        if request.url.path.endswith("/push"):
            return ok_push(request)
        return httpx.Response(200, json=EMPTY_PULL)

    engine, store, slept = engine_with(tmp_path, handler)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    report = engine.sync_once()
    assert report.ok and report.applied == 1 and store.pending_count() == 0
    assert slept == [0.5, 1.0]  # exponential; random()=1.0 gives the top of each jitter range
    assert engine.status.online and engine.status.pending == 0 and engine.status.last_sync_at is not None


def test_backoff_is_capped_and_jittered() -> None:
    b = Backoff(0.5, 4.0)
    assert [b.delay(n, 1.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert [b.delay(n, 0.0) for n in range(4)] == [0.25, 0.5, 1.0, 2.0]


def test_giving_up_after_retries_leaves_ops_pending_and_reports_offline(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow")

    engine, store, slept = engine_with(tmp_path, handler)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    report = engine.sync_once()
    assert not report.ok and report.error is not None and report.error.kind is ErrorKind.NETWORK
    assert len(slept) == 3  # 4 attempts
    st = engine.status
    assert not st.online and st.pending == 1 and "таймаут" in st.last_error and st.next_retry_in_s
    assert store.pending_count() == 1


def test_429_honours_retry_after(tmp_path: Path) -> None:
    n = {"calls": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        n["calls"] += 1
        if n["calls"] == 1:
            return httpx.Response(
                429, headers={"Retry-After": "3"}, json={"error": {"code": "slow_down", "message": ""}}
            )
        return httpx.Response(200, json=EMPTY_PULL)

    engine, _store, slept = engine_with(tmp_path, handler)
    assert engine.sync_once().ok
    assert slept == [3.0]


def test_401_refreshes_the_token_once_then_succeeds(tmp_path: Path) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        auth = request.headers.get("Authorization", "")
        seen.append(auth)
        if auth == "Bearer old":
            return httpx.Response(401, json={"error": {"code": "invalid_token", "message": "expired"}})
        return (
            ok_push(request) if request.url.path.endswith("/push") else httpx.Response(200, json=EMPTY_PULL)
        )

    tokens = Tokens()
    engine, store, _ = engine_with(tmp_path, handler, tokens)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    assert engine.sync_once().ok
    assert tokens.refreshes == 1 and seen[:2] == ["Bearer old", "Bearer new1"]


def test_401_after_refresh_asks_the_user_to_log_in_again(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": {"code": "invalid_token", "message": "no"}})

    tokens = Tokens(fail_refresh=True)
    engine, store, slept = engine_with(tmp_path, handler, tokens)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    report = engine.sync_once()
    assert report.error is not None and report.error.kind is ErrorKind.AUTH
    assert engine.status.needs_login and "войдите" in engine.status.last_error
    assert tokens.refreshes == 1 and slept == [] and store.pending_count() == 1


def test_other_4xx_is_permanent_and_not_retried(tmp_path: Path) -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(403, json={"error": {"code": "forbidden", "message": "wrong site"}})

    engine, store, slept = engine_with(tmp_path, handler)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    report = engine.sync_once()
    assert (
        report.error is not None and report.error.kind is ErrorKind.PERMANENT and not report.error.retryable
    )
    assert calls["n"] == 1 and slept == [] and "wrong site" in engine.status.last_error
    assert store.pending_count() == 1 and engine.status.next_retry_in_s is None


def test_seq_gap_is_reported_not_retried(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            409, json={"error": {"code": "seq_gap", "message": "expected 1", "expected_seq": 1}}
        )

    engine, store, _ = engine_with(tmp_path, handler)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    report = engine.sync_once()
    assert report.error is not None and report.error.code == "seq_gap" and store.pending_count() == 1


def test_an_answer_without_results_marks_nothing_done(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/push"):
            return httpx.Response(200, json={"results": [], "last_seq": 0})
        return httpx.Response(200, json=EMPTY_PULL)

    engine, store, _ = engine_with(tmp_path, handler)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s1"}, ACTOR)
    report = engine.sync_once()
    assert not report.ok and store.pending_count() == 1


def test_batch_size_is_bounded_by_the_protocol(tmp_path: Path) -> None:
    engine, store, _ = engine_with(tmp_path, lambda r: httpx.Response(200, json=EMPTY_PULL))
    with pytest.raises(ValueError):
        SyncEngine(store, engine.client, None, engine.clock, batch_size=501)


def test_a_journal_retention_shorter_than_the_backups_is_refused(tmp_path: Path) -> None:
    engine, store, _ = engine_with(tmp_path, lambda r: httpx.Response(200, json=EMPTY_PULL))
    with pytest.raises(ValueError, match="backups"):
        SyncEngine(store, engine.client, None, engine.clock, journal_retention=timedelta(days=7))
