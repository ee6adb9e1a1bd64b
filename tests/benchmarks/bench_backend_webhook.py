"""Payment webhook latency under a steady load from a second process (real uvicorn, relay running):
each request pays a distinct order (event row + units PAID + outbox row in one transaction)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from tests.benchmarks import Row
from tests.support.backend import ROOT, BackendServer
from tests.support.world import World

ORDERS = 1000
RATE = 100  # requests per second


def bulk_orders(w: World, n: int, units_per_order: int = 2) -> list[tuple[str, int]]:
    """n CREATED orders at PVZ-T-1 written straight into the database; (order id, amount)."""
    from backend_stub.db import next_counter, orders, units
    from shared.barcodes.formats import make_unit_label

    ctx = w._ctx
    now = ctx.now_iso()
    out: list[tuple[str, int]] = []
    with ctx.db.write() as conn:
        serial = next_counter(conn, "unit_serial", n * units_per_order)
        order_rows, unit_rows = [], []
        for _ in range(n):
            oid = ctx.ids.new()
            amount = 10_000 * units_per_order
            order_rows.append(
                {
                    "id": oid,
                    "customer_id": w.customer.user_id,
                    "pvz_id": w.pvz1,
                    "warehouse_id": None,
                    "amount_kopecks": amount,
                    "currency": "RUB",
                    "status": "CREATED",
                    "short_code_gen": 0,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for _ in range(units_per_order):
                unit_rows.append(
                    {
                        "id": ctx.ids.new(),
                        "label": make_unit_label(serial),
                        "order_id": oid,
                        "sku": w.skus[0],
                        "price_kopecks": 10_000,
                        "status": "CREATED",
                        "pvz_id": w.pvz1,
                        "customer_id": w.customer.user_id,
                        "warehouse_id": None,
                        "box_id": None,
                        "cell_id": None,
                        "location_id": None,
                        "updated_at": now,
                    }
                )
                serial += 1
            out.append((oid, amount))
        conn.execute(insert(orders), order_rows)
        conn.execute(insert(units), unit_rows)
    return out


def _measure(relay: bool) -> dict[str, Any]:
    env = {} if relay else {"WB_RELAY_ENABLED": "false"}
    with (
        tempfile.TemporaryDirectory() as tmp,
        BackendServer(Path(tmp) / "b", env=env) as server,
        World.standard(server, products=3) as w,
    ):
        spec = {
            "url": server.url,
            "secret": server.webhook_secret().decode(),
            "rate": RATE,
            "orders": bulk_orders(w, ORDERS),
        }
        spec_path = Path(tmp) / "spec.json"
        spec_path.write_text(json.dumps(spec))
        out = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks._backend_load", "webhook", str(spec_path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        ).stdout
        result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
        return result


def run() -> list[Row]:
    rows = []
    for relay in (True, False):
        result = _measure(relay)
        processed = result["statuses"].get("200:processed", 0)
        what = "relay making pick tasks alongside" if relay else "relay paused"
        note = f"{result['n']} webhooks at {result['rate']:.0f}/s from a second process, {what}; {processed} processed"
        label = "" if relay else " (relay paused)"
        rows.append(Row("backend", f"payment webhook p50{label}", result["p50"], "ms", "", note))
        rows.append(Row("backend", f"payment webhook p99{label}", result["p99"], "ms", "< 20", note))
    return rows
