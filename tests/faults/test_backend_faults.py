"""Faults the backend must survive without losing or repeating anything (real uvicorn, real kills),
on SQLite and on PostgreSQL (`backend_database`)."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from backend_stub.settings import Settings
from shared.domain import SystemClock
from tests.support.backend import BackendServer
from tests.support.proxy import DroppingProxy
from tests.support.world import World


def _rows(server: BackendServer, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Plain SQL (`?` parameters) against the server's own database, SQLite file or PostgreSQL."""
    if server.database_url:
        engine = create_engine(server.database_url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                return [tuple(r) for r in conn.exec_driver_sql(sql.replace("?", "%s"), tuple(args))]
        finally:
            engine.dispose()
    db = sqlite3.connect(server.data_dir / "backend.sqlite3")
    try:
        return [tuple(r) for r in db.execute(sql, args).fetchall()]
    finally:
        db.close()


def _count(server: BackendServer, sql: str, *args: object) -> int:
    return int(_rows(server, sql, *args)[0][0])


def _wait_until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll `condition` until it holds; fail (saying `what`) after `timeout` s. Not a timing check:
    the bound only keeps a broken server from hanging the run."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still not so after {timeout} s")
        time.sleep(0.02)


def _relay_offset(server: BackendServer) -> int:
    return _count(server, "SELECT coalesce(max(cursor), -1) FROM relay_offsets WHERE consumer = 'pick-tasks'")


def _last_event(server: BackendServer) -> int:
    return _count(server, "SELECT coalesce(max(id), 0) FROM outbox")


def _assert_relayed_exactly_once(server: BackendServer) -> None:
    """The relay's stored offset is the newest outbox id, every OrderPaid made exactly one open task
    for its own order holding exactly that order's units, and no relay pass ever failed."""
    assert _relay_offset(server) == _last_event(server)
    paid = _rows(server, "SELECT event_id, aggregate_id, payload FROM outbox WHERE type = 'OrderPaid'")
    assert paid, "no OrderPaid to check"
    for event_id, order_id, payload in paid:
        tasks = _rows(server, "SELECT id, order_id, site_id FROM pick_tasks WHERE event_id = ?", event_id)
        assert len(tasks) == 1, (event_id, tasks)
        assert tasks[0][1] == order_id
        assert _count(server, "SELECT count(*) FROM pick_tasks WHERE order_id = ?", order_id) == 1
        placed = _rows(
            server,
            "SELECT id FROM units WHERE order_id = ? AND warehouse_id = ? AND location_id IS NOT NULL",
            order_id,
            tasks[0][2],
        )
        assert sorted(r[0] for r in placed) == sorted(json.loads(payload)["unit_ids"])
    assert "relay pass failed" not in server.log_tail(10**7)


def test_same_webhook_ten_times_some_concurrently_pays_once(
    tmp_path: Path, backend_database: str | None
) -> None:
    with BackendServer(tmp_path / "b", database_url=backend_database) as server, World.standard(server) as w:
        order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
        body = w.webhook_body(order)
        header = w.sign(body)

        def send(_: int) -> str:
            r = httpx.post(
                server.url + "/api/v1/payments/webhook",
                content=body,
                headers={"X-Payment-Signature": header, "Content-Type": "application/json"},
                timeout=30,
            )
            assert r.status_code == 200, r.text
            return str(r.json()["status"])

        answers = [send(0), send(1)]
        with ThreadPoolExecutor(max_workers=6) as pool:
            answers += list(pool.map(send, range(6)))
        answers += [send(8), send(9)]
        assert sorted(answers) == ["duplicate"] * 9 + ["processed"]
        assert (
            _count(
                server,
                "SELECT count(*) FROM outbox WHERE type = 'OrderPaid' AND aggregate_id = ?",
                order["id"],
            )
            == 1
        )
        assert _count(server, "SELECT count(*) FROM payment_events WHERE order_id = ?", order["id"]) == 1
        assert {u["status"] for u in w.get_order(w.admin, order["id"])["units"]} == {"PAID"}
        task = w.wait_for_task(order["id"])
        assert sorted(u["id"] for u in task["units"]) == sorted(u["id"] for u in order["units"])
        # a second relay pass (for a second OrderPaid, or the same event again) would run after
        # this one: wait until the relay has caught up with everything, then check
        _wait_until(lambda: _relay_offset(server) == _last_event(server), "the relay caught up")
        _assert_relayed_exactly_once(server)


def test_forged_stale_reserialized_and_wrong_amount_webhooks_change_nothing(
    tmp_path: Path, backend_database: str | None
) -> None:
    with BackendServer(tmp_path / "b", database_url=backend_database) as server, World.standard(server) as w:
        order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
        body = w.webhook_body(order)
        # the server's tolerance, and a timestamp that many times over outside it on either side:
        # far enough that no clock step or slow test run can bring it back inside
        tolerance = Settings(data_dir=server.data_dir).webhook_tolerance_s
        now = int(SystemClock().now().timestamp())
        forged = w.post_webhook(body, signature=w.sign(body, secret=b"not-the-secret-0123456789"))
        stale = w.post_webhook(body, signature=w.sign(body, t=now - 10 * tolerance))
        future = w.post_webhook(body, signature=w.sign(body, t=now + 10 * tolerance))
        assert future.status_code == 401 and future.json()["error"]["code"] == "stale_signature"
        assert stale.json()["error"]["code"] == "stale_signature"
        # same JSON, other bytes: the signature was made over the original bytes
        reserialized = json.dumps(json.loads(body), indent=2, sort_keys=True).encode()
        moved = w.post_webhook(reserialized, signature=w.sign(body))
        wrong_amount = w.post_webhook(w.webhook_body(order, amount=order["amount_kopecks"] - 1))
        unsigned = w.post_webhook(body, signature=None)
        assert [r.status_code for r in (forged, stale, moved, wrong_amount, unsigned)] == [
            401,
            401,
            401,
            409,
            401,
        ]
        for r in (forged, stale, moved, wrong_amount, unsigned):
            assert set(r.json()) == {"error"}
        assert {u["status"] for u in w.get_order(w.admin, order["id"])["units"]} == {"CREATED"}
        assert _count(server, "SELECT count(*) FROM payment_events") == 0
        assert _count(server, "SELECT count(*) FROM outbox WHERE type = 'OrderPaid'") == 0
        # and the genuine one still works afterwards
        assert w.post_webhook(body).json() == {"status": "processed"}


def test_sigkill_between_commit_and_relay_loses_no_event(
    tmp_path: Path, backend_database: str | None
) -> None:
    server = BackendServer(tmp_path / "b", env={"WB_RELAY_ENABLED": "false"}, database_url=backend_database)
    with server, World.standard(server) as w:
        orders = [w.place_order(w.customer, w.pvz1, [w.skus[i]]) for i in range(3)]
        for o in orders:
            assert w.pay(o) == {"status": "processed"}  # committed; the relay is not running
        assert _count(server, "SELECT count(*) FROM pick_tasks") == 0
        server.kill()
        server.env["WB_RELAY_ENABLED"] = "true"
        server.start()
        w.reconnect()
        for o in orders:
            task = w.wait_for_task(o["id"])
            assert sorted(u["id"] for u in task["units"]) == sorted(u["id"] for u in o["units"])
        # a second restart relays nothing twice: pay one more order and wait for its task, which the
        # restarted relay can only make after passing (or wrongly redoing) the first three
        server.kill()
        server.start()
        w.reconnect()
        later = w.place_order(w.customer, w.pvz1, [w.skus[3], w.skus[4]])
        assert w.pay(later) == {"status": "processed"}
        w.wait_for_task(later["id"])
        _wait_until(lambda: _relay_offset(server) == _last_event(server), "the relay caught up")
        _assert_relayed_exactly_once(server)
        assert _count(server, "SELECT count(*) FROM pick_tasks") == 4


def test_push_answer_lost_after_commit_then_server_killed_applies_once(
    tmp_path: Path, backend_database: str | None
) -> None:
    with BackendServer(tmp_path / "b", database_url=backend_database) as server, World.standard(server) as w:
        order = w.place_order(w.customer, w.pvz1, [w.skus[0], w.skus[1]])
        w.pay(order)
        task = w.wait_for_task(order["id"])
        dev = w.device(w.picker)
        ops = [
            dev.make_op(
                "pick.unit", {"task_id": task["id"], "unit_id": u["id"], "location_id": u["location_id"]}
            )
            for u in task["units"]
        ]
        token = dev.client().headers["Authorization"]
        with DroppingProxy(server.port) as proxy:
            proxy.drop_responses = True
            with pytest.raises(httpx.HTTPError):
                httpx.post(
                    proxy.url + "/api/v1/sync/push",
                    json={"device_id": dev.device_id, "ops": ops},
                    headers={"Authorization": token},
                    timeout=30,
                )
            assert proxy.dropped.wait(10), "the server never answered"
        server.kill()  # and the server dies too, right after its answer was lost
        server.start()
        w.reconnect()
        retry = httpx.post(
            server.url + "/api/v1/sync/push",
            json={"device_id": dev.device_id, "ops": ops},
            headers={"Authorization": token},
            timeout=30,
        ).json()
        assert [(r["status"], r["replayed"]) for r in retry["results"]] == [("applied", True)] * 2
        assert retry["last_seq"] == 2
        assert _count(server, "SELECT count(*) FROM op_results WHERE device_id = ?", dev.device_id) == 2
        assert {u["status"] for u in w.get_order(w.admin, order["id"])["units"]} == {"PICKED"}
        # the next op continues the sequence normally
        assert dev.op("pack.open", {"box_id": w.new_sscc(), "pvz_id": w.pvz1})["seq"] == 3


def test_sigkill_in_the_middle_of_a_push_loses_and_repeats_nothing(
    tmp_path: Path, backend_database: str | None
) -> None:
    import threading

    with BackendServer(tmp_path / "b", database_url=backend_database) as server, World.standard(server) as w:
        dev = w.device(w.clerk1, "crashing-pc")
        ops = [dev.make_op("shift.open", {"shift_id": f"S{i}"}) for i in range(500)]
        token = dev.client().headers["Authorization"]
        answer: list[object] = []

        def push() -> None:
            try:
                answer.append(
                    httpx.post(
                        server.url + "/api/v1/sync/push",
                        json={"device_id": dev.device_id, "ops": ops},
                        headers={"Authorization": token},
                        timeout=60,
                    ).status_code
                )
            except httpx.HTTPError as exc:
                answer.append(exc)

        sender = threading.Thread(target=push)
        sender.start()
        while _count(server, "SELECT count(*) FROM op_results") == 0 and sender.is_alive():
            time.sleep(0.002)
        server.kill()
        sender.join(30)
        committed = _count(server, "SELECT count(*) FROM op_results")
        server.start()
        w.reconnect()
        retry = dev.push(ops)
        assert [r["seq"] for r in retry] == list(range(1, 501))
        assert all(r["status"] == "applied" for r in retry)
        assert (
            sum(r["replayed"] for r in retry) == committed
        )  # what was committed is replayed, the rest applied
        assert _count(server, "SELECT count(*) FROM op_results WHERE device_id = ?", dev.device_id) == 500
        assert _count(server, "SELECT count(*) FROM records WHERE kind = 'shift.open'") == 500
        assert _count(server, "SELECT count(DISTINCT ref) FROM records WHERE kind = 'shift.open'") == 500
