"""Refresh token rotation over a real uvicorn: an answer lost to an outage does not cost the session
(the retry within the overlap window gets the same successor pair), reuse after the window revokes
the whole token family, and no token is ever stored in the clear."""

from __future__ import annotations

import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from backend_stub.services.auth import token_hash
from shared.auth import AuthClient, Session, TokenStore
from shared.domain import OpType, SiteKind, SystemClock
from shared.store import LocalStore
from shared.sync import SyncEngine
from tests.support.backend import BackendServer
from tests.support.keyring import FAST_HASH, MemoryKeyring
from tests.support.world import Account, World

REFRESH = "/api/v1/auth/refresh"


def _world(server: BackendServer) -> tuple[World, Account]:
    w = World(server)
    w.pvz1 = w.add_site("PVZ-T-1", "pvz")
    return w, w.add_user("clerk1", "clerk", w.pvz1)


def _row(server: BackendServer, token: str) -> sqlite3.Row | None:
    with sqlite3.connect(server.data_dir / "backend.sqlite3") as db:
        db.row_factory = sqlite3.Row
        row: sqlite3.Row | None = db.execute(
            "SELECT * FROM tokens WHERE token_hash = ?", (token_hash(token),)
        ).fetchone()
        return row


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[BackendServer]:
    with BackendServer(tmp_path / "backend", env=getattr(request, "param", {})) as s:
        yield s


def test_a_refresh_answer_lost_to_a_frozen_backend_does_not_cost_the_session(
    server: BackendServer, tmp_path: Path
) -> None:
    """Issue 12 item 1: the backend is frozen (SIGSTOP) past the client's timeout while the client's
    refresh is in flight; resumed, it rotates the pair for a client that has given up. The client's
    next sync retries with the refresh token it still holds and carries on: no login needed."""
    world, clerk = _world(server)
    clock = SystemClock()
    store = LocalStore.open(tmp_path / "pvz" / "local.sqlite3", "pvz-outage-1", clock)
    http = httpx.Client(base_url=server.url, timeout=1.5)
    ring = MemoryKeyring()
    session = Session(
        store,
        AuthClient(http),
        TokenStore(ring),
        clock,
        device_id="pvz-outage-1",
        site_kind=SiteKind.PVZ,
        hasher=FAST_HASH,
    )
    engine = SyncEngine(store, http, session, clock, max_attempts=1, sleep=lambda _s: None)
    try:
        actor = session.login(clerk.username, clerk.password)
        assert engine.sync_once().ok
        held = next(iter(ring.items.values()))
        store.record(OpType.SHIFT_OPEN, {"shift_id": "outage-shift"}, actor)
        assert server.process is not None
        server.process.send_signal(signal.SIGSTOP)
        try:
            assert not engine.sync_once().ok  # no answer: offline
            assert not engine.sync_once().ok  # back "online" it refreshes first: that answer is lost too
        finally:
            server.process.send_signal(signal.SIGCONT)
        # resumed, the backend works through what queued up, rotating the pair for a client long gone
        deadline = time.monotonic() + 30
        while (row := _row(server, held)) is None or row["revoked_at"] is None:
            assert time.monotonic() < deadline, "the backend never handled the queued refresh"
            time.sleep(0.05)
        assert next(iter(ring.items.values())) == held  # the client never saw the new pair
        report = engine.sync_once()
        assert report.ok, report.error
        assert not engine.status.needs_login and store.pending_count() == 0
        assert next(iter(ring.items.values())) != held  # it holds the successor now
    finally:
        store.close()
        http.close()
        world.close()


def _login(server: BackendServer, clerk: Account) -> dict[str, str]:
    with server.client() as c:
        r = c.post("/api/v1/auth/login", json={"username": clerk.username, "password": clerk.password})
        assert r.status_code == 200, r.text
        return dict(r.json())


def _refresh(server: BackendServer, token: str) -> httpx.Response:
    with server.client() as c:
        return c.post(REFRESH, json={"refresh_token": token})


def _me(server: BackendServer, access: str) -> int:
    with server.client(access) as c:
        return c.get("/api/v1/auth/me").status_code


def test_a_repeat_within_the_window_gets_the_same_successor_and_nothing_is_kept_in_the_clear(
    server: BackendServer,
) -> None:
    world, clerk = _world(server)
    try:
        first = _login(server, clerk)
        answers = [_refresh(server, first["refresh_token"]) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        pairs = {(a.json()["access_token"], a.json()["refresh_token"]) for a in answers}
        assert len(pairs) == 1  # one successor, however often the lost answer is asked for again
        access, refresh = pairs.pop()
        assert _me(server, access) == 200 and _me(server, first["access_token"]) == 401
        # no token, old or new, appears anywhere in the database file
        raw = b"".join(p.read_bytes() for p in server.data_dir.glob("backend.sqlite3*"))
        for token in (first["access_token"], first["refresh_token"], access, refresh):
            assert token.encode() not in raw
        # the successor rotates on as usual
        assert _refresh(server, refresh).status_code == 200
    finally:
        world.close()


@pytest.mark.parametrize("server", [{"WB_REFRESH_OVERLAP_S": "1"}], indirect=True)
def test_reusing_a_rotated_refresh_token_after_the_window_revokes_the_whole_family(
    server: BackendServer,
) -> None:
    """Issue 11 item 9: a rotated refresh token presented after the overlap window is a copy in
    someone else's hands: every pair descending from that login is revoked. Another login of the
    same user (its own family) is untouched."""
    world, clerk = _world(server)
    try:
        stolen = _login(server, clerk)
        other_device = _login(server, clerk)
        second = _refresh(server, stolen["refresh_token"]).json()
        third = _refresh(server, second["refresh_token"]).json()
        assert _me(server, third["access_token"]) == 200
        time.sleep(1.2)  # past the overlap window
        reused = _refresh(server, stolen["refresh_token"])
        assert reused.status_code == 401 and reused.json()["error"]["code"] == "token_reused"
        assert _me(server, third["access_token"]) == 401
        assert _refresh(server, third["refresh_token"]).status_code == 401
        assert _me(server, other_device["access_token"]) == 200
        assert _refresh(server, other_device["refresh_token"]).status_code == 200
    finally:
        world.close()


def test_reuse_within_the_window_after_the_successor_moved_on_revokes_the_family(
    server: BackendServer,
) -> None:
    """The overlap only re-sends a successor that is still live: once its holder has rotated it, the
    old token is reuse even inside the window."""
    world, clerk = _world(server)
    try:
        first = _login(server, clerk)
        second = _refresh(server, first["refresh_token"]).json()
        third = _refresh(server, second["refresh_token"]).json()
        reused = _refresh(server, first["refresh_token"])
        assert reused.status_code == 401 and reused.json()["error"]["code"] == "token_reused"
        assert _me(server, third["access_token"]) == 401
    finally:
        world.close()
