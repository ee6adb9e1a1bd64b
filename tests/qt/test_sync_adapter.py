"""The Qt sync adapter: coalesced kicks, worker thread, status and change signals, retry timer."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

import httpx
from pytestqt.qtbot import QtBot

from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.qt.sync_adapter import SyncAdapter
from shared.store import Actor, LocalStore
from shared.sync import Backoff, SyncEngine, SyncStatus

ACTOR = Actor("u1", "clerk", Role.CLERK, "PVZ-1", SiteKind.PVZ)


class FakeServer:
    """Just enough of the protocol to watch the adapter's timing (correctness is proven in e2e)."""

    def __init__(self) -> None:
        self.pushes = 0
        self.pulls = 0
        self.threads: set[int] = set()
        self.fail_next = 0
        self.changes: list[dict[str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.threads.add(threading.get_ident())
        if self.fail_next:
            self.fail_next -= 1
            return httpx.Response(503, json={"error": {"code": "down", "message": "maintenance"}})
        if request.url.path.endswith("/push"):
            self.pushes += 1
            ops = json.loads(request.content)["ops"]
            results = [
                {"op_id": o["op_id"], "seq": o["seq"], "status": "applied", "reason": None} for o in ops
            ]
            return httpx.Response(200, json={"results": results, "last_seq": ops[-1]["seq"]})
        self.pulls += 1
        changes, self.changes = self.changes, []
        return httpx.Response(
            200,
            json={
                "changes": changes,
                "next_cursor": str(self.pulls),
                "has_more": False,
                "remaining": 0,
                "counts": None,
            },
        )


def make(tmp_path: Path, server: FakeServer) -> tuple[SyncEngine, LocalStore]:
    clock = ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    store = LocalStore.open(tmp_path / "s.sqlite3", "dev", clock)
    client = httpx.Client(base_url="http://b.test", transport=httpx.MockTransport(server))
    engine = SyncEngine(store, client, None, clock, max_attempts=1, backoff=Backoff(0.02, 0.05))
    return engine, store


def test_kicks_are_coalesced_into_one_sync_and_status_is_signalled(qtbot: QtBot, tmp_path: Path) -> None:
    server = FakeServer()
    engine, store = make(tmp_path, server)
    adapter = SyncAdapter(engine, coalesce_ms=30, interval_ms=600_000, inline=True)
    statuses: list[SyncStatus] = []
    adapter.statusChanged.connect(statuses.append)
    for i in range(5):
        store.record(OpType.SHIFT_OPEN, {"shift_id": f"s{i}"}, ACTOR)
        adapter.kick()
    assert any(s.pending == 5 for s in statuses)  # the count shows before the sync runs
    with qtbot.waitSignal(adapter.finished, timeout=5000) as done:
        pass
    assert done.args[0].ok and server.pushes == 1
    assert statuses[-1].pending == 0 and statuses[-1].online and not statuses[-1].syncing
    assert any(s.syncing for s in statuses)


def test_sync_runs_on_a_worker_thread_and_changes_are_signalled(qtbot: QtBot, tmp_path: Path) -> None:
    server = FakeServer()
    server.changes = [
        {"entity": "cell", "id": "PVZ-1:0001", "op": "upsert", "data": {"site_id": "PVZ-1", "number": 1}}
    ]
    engine, store = make(tmp_path, server)
    adapter = SyncAdapter(engine, coalesce_ms=0, interval_ms=600_000)
    with qtbot.waitSignal(adapter.changed, timeout=5000) as changed:
        adapter.sync_now()
    assert changed.args[0].full or "PVZ-1:0001" in changed.args[0].cells
    qtbot.waitUntil(lambda: not adapter.running, timeout=5000)
    assert threading.get_ident() not in server.threads
    assert store.cell("PVZ-1:0001") is not None
    adapter.stop()


def test_a_kick_during_a_sync_runs_one_more_and_failures_retry_after_backoff(
    qtbot: QtBot, tmp_path: Path
) -> None:
    server = FakeServer()
    server.fail_next = 1
    engine, store = make(tmp_path, server)
    adapter = SyncAdapter(engine, coalesce_ms=0, interval_ms=600_000)
    reports = []
    adapter.finished.connect(reports.append)
    store.record(OpType.SHIFT_OPEN, {"shift_id": "s"}, ACTOR)
    adapter.sync_now()
    qtbot.waitUntil(lambda: len(reports) >= 2, timeout=5000)  # failed, then the retry timer synced again
    assert not reports[0].ok and reports[1].ok and store.pending_count() == 0
    assert engine.status.last_error == "" and engine.status.online
    adapter.stop()


def test_after_stop_a_finishing_sync_reports_nothing_so_the_store_can_close(
    qtbot: QtBot, tmp_path: Path
) -> None:
    server = FakeServer()
    server.changes = [
        {"entity": "cell", "id": "PVZ-1:0001", "op": "upsert", "data": {"site_id": "PVZ-1", "number": 1}}
    ]
    engine, store = make(tmp_path, server)
    adapter = SyncAdapter(engine, coalesce_ms=0, interval_ms=600_000)
    heard: list[object] = []
    adapter.changed.connect(heard.append)
    adapter.finished.connect(heard.append)
    adapter.sync_now()
    adapter.stop()  # waits for the worker; its signals are still queued for the GUI thread
    store.close()
    qtbot.wait(100)  # deliver whatever was queued
    assert heard == []
    assert not adapter.running
