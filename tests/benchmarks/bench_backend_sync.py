"""Sync push throughput: ops/s in 250-op batches against a real uvicorn (one worker).

Two op kinds: `unit.move` (a unit transition-free write: unit lookup, cell check, unit update, change
feed, order refresh, result row) and `unit.missing`+`unit.found` pairs (two checked transitions).

Steady state: one untimed 250-op push from another device goes first, so the figures leave out the
server's one-time start-up work on its first push (compiling the hot statements, first use of the
route): about 40-60 ms here, which is a tenth of a 5,000-op run. `first push after start` shows it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from tests.benchmarks import Row
from tests.support.backend import BackendServer
from tests.support.world import World

BATCH = 250
BATCHES = 20


def bulk_accepted_units(w: World, pvz: str, customer_id: str, sku: str, n: int) -> list[str]:
    """One order of n ACCEPTED units at pvz, written straight into the database."""
    from backend_stub.db import next_counter, orders, units
    from shared.barcodes.formats import make_unit_label

    ctx = w._ctx
    now = ctx.now_iso()
    order_id = ctx.ids.new()
    ids = [ctx.ids.new() for _ in range(n)]
    with ctx.db.write() as conn:
        next_serial = next_counter(conn, "unit_serial", n)
        conn.execute(
            insert(orders).values(
                id=order_id,
                customer_id=customer_id,
                pvz_id=pvz,
                warehouse_id=None,
                amount_kopecks=100 * n,
                currency="RUB",
                status="READY",
                short_code_gen=0,
                created_at=now,
                updated_at=now,
            )
        )
        conn.execute(
            insert(units),
            [
                {
                    "id": uid,
                    "label": make_unit_label(50_000_000 + next_serial + i),
                    "order_id": order_id,
                    "sku": sku,
                    "price_kopecks": 100,
                    "status": "ACCEPTED",
                    "pvz_id": pvz,
                    "customer_id": customer_id,
                    "warehouse_id": None,
                    "box_id": None,
                    "cell_id": f"{pvz}:0001",
                    "location_id": None,
                    "updated_at": now,
                }
                for i, uid in enumerate(ids)
            ],
        )
    return ids


def _push_all(w: World, device: Any, batches: list[list[dict[str, Any]]]) -> float:
    client = device.client()
    started = time.perf_counter()
    for ops in batches:
        r = client.post("/api/v1/sync/push", json={"device_id": device.device_id, "ops": ops})
        r.raise_for_status()
        assert all(x["status"] == "applied" for x in r.json()["results"]), r.json()["results"][:2]
    return time.perf_counter() - started


def run() -> list[Row]:
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        BackendServer(Path(tmp) / "b") as server,
        World.standard(server, products=5) as w,
    ):
        n = BATCH * BATCHES
        unit_ids = [
            u for _ in range(n // 2) for u in bulk_accepted_units(w, w.pvz1, w.customer.user_id, w.skus[0], 2)
        ]
        warm_units = bulk_accepted_units(w, w.pvz1, w.customer.user_id, w.skus[0], BATCH)
        warm = w.device(w.clerk1, "bench-warm-up")
        first = _push_all(
            w,
            warm,
            [[warm.make_op("unit.move", {"unit_id": u, "cell_id": f"{w.pvz1}:0003"}) for u in warm_units]],
        )
        dev = w.device(w.clerk1, "bench-move")
        batches = [
            [
                dev.make_op("unit.move", {"unit_id": u, "cell_id": f"{w.pvz1}:{i % 20 + 1:04d}"})
                for i, u in enumerate(unit_ids[b * BATCH : (b + 1) * BATCH])
            ]
            for b in range(BATCHES)
        ]
        elapsed = _push_all(w, dev, batches)
        rows.append(
            Row(
                "backend",
                "sync push unit.move, 250-op batches",
                n / elapsed,
                "ops/s",
                "> 10000",
                f"{n} ops, 1 uvicorn worker, sequential client",
            )
        )
        rows.append(
            Row(
                "backend",
                "sync push: first push after start",
                first * 1000,
                "ms",
                "",
                f"{BATCH} unit.move, untimed warm-up of the rows above",
            )
        )
        dev2 = w.device(w.clerk1, "bench-transitions")
        half = unit_ids[: n // 2]
        batches2 = []
        flat = [dev2.make_op("unit.missing", {"unit_id": u, "reason": "bench"}) for u in half]
        flat += [dev2.make_op("unit.found", {"unit_id": u, "cell_id": f"{w.pvz1}:0002"}) for u in half]
        batches2 = [flat[i : i + BATCH] for i in range(0, len(flat), BATCH)]
        elapsed2 = _push_all(w, dev2, batches2)
        rows.append(
            Row(
                "backend",
                "sync push checked transitions, 250-op batches",
                len(flat) / elapsed2,
                "ops/s",
                "> 10000",
                "unit.missing then unit.found",
            )
        )
        # replays: the same batches again, every op answered from its stored result
        started = time.perf_counter()
        client = dev.client()
        for ops in batches[:8]:
            client.post("/api/v1/sync/push", json={"device_id": dev.device_id, "ops": ops}).raise_for_status()
        rows.append(
            Row(
                "backend",
                "sync push replayed ops",
                8 * BATCH / (time.perf_counter() - started),
                "ops/s",
                "",
                "stored results",
            )
        )
    rows.append(_in_process())
    return rows


def _in_process() -> Row:
    """The same unit.move batches straight into the push service: the engine without HTTP."""
    from backend_stub.services import sync as svc
    from backend_stub.services.auth import authenticate
    from tests.support.inprocess import InProcessBackend

    with (
        tempfile.TemporaryDirectory() as tmp,
        InProcessBackend(Path(tmp) / "b") as backend,
        World.standard(backend, products=5) as w,
    ):
        n = BATCH * BATCHES
        ids = [
            u for _ in range(n // 2) for u in bulk_accepted_units(w, w.pvz1, w.customer.user_id, w.skus[0], 2)
        ]
        dev = w.device(w.clerk1, "bench-engine")
        principal = authenticate(backend.ctx, w.device_token(w.clerk1, dev.device_id))
        warm = [dev.make_op("unit.move", {"unit_id": u, "cell_id": f"{w.pvz1}:0005"}) for u in ids[:BATCH]]
        svc.push(backend.ctx, principal, dev.device_id, warm)  # untimed, like the HTTP rows
        ops = [dev.make_op("unit.move", {"unit_id": u, "cell_id": f"{w.pvz1}:0004"}) for u in ids]
        started = time.perf_counter()
        for i in range(0, n, BATCH):
            svc.push(backend.ctx, principal, dev.device_id, ops[i : i + BATCH])
        elapsed = time.perf_counter() - started
    return Row(
        "backend", "sync push unit.move, engine alone", n / elapsed, "ops/s", "> 10000", "in-process, no HTTP"
    )
