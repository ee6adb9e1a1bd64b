"""Faults the backend must survive without losing or repeating anything (real uvicorn, real kills)."""

from __future__ import annotations

import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.support.backend import BackendServer
from tests.support.proxy import DroppingProxy
from tests.support.world import World


def _db(server: BackendServer) -> sqlite3.Connection:
    return sqlite3.connect(server.data_dir / "backend.sqlite3")


def _count(server: BackendServer, sql: str, *args: object) -> int:
    db = _db(server)
    try:
        return int(db.execute(sql, args).fetchone()[0])
    finally:
        db.close()


def test_same_webhook_ten_times_some_concurrently_pays_once(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "b") as server, World.standard(server) as w:
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
        w.wait_for_task(order["id"])
        time.sleep(0.5)  # give a (wrong) second relay pass the chance to show up
        assert _count(server, "SELECT count(*) FROM pick_tasks WHERE order_id = ?", order["id"]) == 1


def test_forged_stale_reserialized_and_wrong_amount_webhooks_change_nothing(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "b") as server, World.standard(server) as w:
        order = w.place_order(w.customer, w.pvz1, [w.skus[0]])
        body = w.webhook_body(order)
        now = int(time.time())
        forged = w.post_webhook(body, signature=w.sign(body, secret=b"not-the-secret-0123456789"))
        stale = w.post_webhook(body, signature=w.sign(body, t=now - 301))
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


def test_sigkill_between_commit_and_relay_loses_no_event(tmp_path: Path) -> None:
    server = BackendServer(tmp_path / "b", env={"WB_RELAY_ENABLED": "false"})
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
            w.wait_for_task(o["id"])
        # a second restart relays nothing twice
        server.kill()
        server.start()
        w.reconnect()
        time.sleep(1.0)
        assert _count(server, "SELECT count(*) FROM pick_tasks") == 3
        assert _count(server, "SELECT count(DISTINCT event_id) FROM pick_tasks") == 3


def test_push_answer_lost_after_commit_then_server_killed_applies_once(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "b") as server, World.standard(server) as w:
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
        token = w.client(w.picker).headers["Authorization"]
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


def test_sigkill_in_the_middle_of_a_push_loses_and_repeats_nothing(tmp_path: Path) -> None:
    import threading

    with BackendServer(tmp_path / "b") as server, World.standard(server) as w:
        dev = w.device(w.clerk1, "crashing-pc")
        ops = [dev.make_op("shift.open", {"shift_id": f"S{i}"}) for i in range(500)]
        token = w.client(w.clerk1).headers["Authorization"]
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
