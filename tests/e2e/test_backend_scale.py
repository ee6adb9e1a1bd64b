"""The scale path end to end: `wb-backend serve --workers 2` on SQLite and on PostgreSQL, one relay
leader at a time, a SIGKILLed leader replaced within seconds, and (with WB_BROKER_URL) the outbox
through a real NATS JetStream server: one pick task per paid order across a leader kill."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.support.backend import BackendServer
from tests.support.nats import NatsServer
from tests.support.world import World

TAKEOVER_LIMIT_S = 10.0


def _leader(server: BackendServer, not_pid: int | None = None, timeout: float = 30.0) -> int:
    path = server.data_dir / "relay.leader"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid = int(path.read_text().strip())
        except (OSError, ValueError):
            pid = 0
        if pid and pid != not_pid:
            return pid
        time.sleep(0.05)
    raise AssertionError(f"no relay leader (other than {not_pid}) after {timeout} s:\n{server.log_tail()}")


def _tasks_by_order(w: World) -> dict[str, int]:
    items = w.client(w.picker).get("/api/v1/warehouse/tasks").json()["items"]
    counts: dict[str, int] = {}
    for t in items:
        counts[t["order_id"]] = counts.get(t["order_id"], 0) + 1
    return counts


def _drill(w: World, server: BackendServer) -> float:
    """Pay an order, kill the relay leader, pay another; return seconds until a new leader led."""
    first = w.place_order(w.customer, w.pvz1, [w.skus[0]])
    w.pay(first)
    w.wait_for_task(first["id"])
    leader = _leader(server)
    # a paid order in flight when the leader dies: its successor relays it
    second = w.place_order(w.customer, w.pvz1, [w.skus[1]])
    w.pay(second)
    os.kill(leader, signal.SIGKILL)
    killed_at = time.monotonic()
    new_leader = _leader(server, not_pid=leader, timeout=TAKEOVER_LIMIT_S + 20)
    takeover = time.monotonic() - killed_at
    assert new_leader != leader
    third = w.place_order(w.customer, w.pvz2, [w.skus[2]])
    w.pay(third)
    for order in (second, third):
        w.wait_for_task(order["id"], timeout=TAKEOVER_LIMIT_S + 20)
    counts = _tasks_by_order(w)
    assert [counts.get(o["id"]) for o in (first, second, third)] == [1, 1, 1], counts
    return takeover


def test_two_workers_one_relay_and_a_killed_leader_is_replaced(
    tmp_path: Path, backend_database: str | None
) -> None:
    server = BackendServer(
        tmp_path / "backend", database_url=backend_database, workers=2, env={"WB_RELAY_INTERVAL_S": "0.2"}
    )
    with server, World.standard(server, products=5) as w:
        takeover = _drill(w, server)
    assert takeover < TAKEOVER_LIMIT_S, f"a new relay leader took {takeover:.1f} s"


@pytest.fixture
def nats_server(tmp_path: Path) -> object:
    with NatsServer(tmp_path / "nats") as server:
        yield server


def test_broker_carries_order_paid_exactly_once_across_a_leader_kill(
    tmp_path: Path, postgres_url: str, nats_server: NatsServer
) -> None:
    server = BackendServer(
        tmp_path / "backend",
        database_url=postgres_url,
        workers=2,
        env={"WB_RELAY_INTERVAL_S": "0.2", "WB_BROKER_URL": nats_server.url},
    )
    with server, World.standard(server, products=5) as w:
        takeover = _drill(w, server)
        with w.server.context().db.read() as conn:  # type: ignore[union-attr]
            from sqlalchemy import text

            events = {r[0]: r[1] for r in conn.execute(text("SELECT event_id, type FROM outbox"))}
    paid = sorted(e for e, kind in events.items() if kind == "OrderPaid")
    assert len(paid) == 3
    # the stream holds each event once (Nats-Msg-Id dedupe), whatever the killed leader published
    stream = nats_server.stream_messages("WB_EVENTS")
    ids = [m["id"] for m in stream]
    assert len(ids) == len(set(ids)) == len(events)
    assert sorted(m["id"] for m in stream if m["subject"] == "wb.events.OrderPaid") == paid
    assert nats_server.consumer_pending("WB_EVENTS", "wb-warehouse") == 0
    assert takeover < TAKEOVER_LIMIT_S
