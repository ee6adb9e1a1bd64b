"""Sync through a real backend on loopback: pushing 10,000 queued ops, and the first pull of a PVZ
with 50,000 units and 200,000 catalog products (time and peak memory, in a child process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared.domain import OpType
from tests.benchmarks import Row
from tests.support.backend import BackendServer
from tests.support.client import open_client, pvz_scene
from tests.support.world import World

ROOT = Path(__file__).resolve().parents[2]
OPS = 10_000
UNITS = int(os.environ.get("WB_BENCH_UNITS", "50000"))
PRODUCTS = int(os.environ.get("WB_BENCH_PRODUCTS", "200000"))

_CHILD = r"""
import json, sys, time
import httpx
from pathlib import Path
from shared.domain import SystemClock
from shared.store import LocalStore
from shared.sync import SyncEngine
from tests.benchmarks import peak_rss_mb
from tests.support.client import StaticTokens
db, url, token = sys.argv[1:4]
clock = SystemClock()
store = LocalStore.open(Path(db), "bench-pull", clock)
engine = SyncEngine(store, httpx.Client(base_url=url, timeout=120), StaticTokens(token), clock)
spent = {"apply": 0.0}
def timed(fn):
    def run(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            spent["apply"] += time.perf_counter() - t0
    return run
store.apply_pull_page = timed(store.apply_pull_page)
store.finish_pull = timed(store.finish_pull)
t = time.perf_counter()
report = engine.sync_once()
took = time.perf_counter() - t
counts = store.local_counts()
print(json.dumps({"ok": report.ok, "error": str(report.error), "seconds": took, "pulled": report.pulled,
                  "pages": report.pages, "apply": spent["apply"], "units": counts["unit"], "products": counts["product"],
                  "rss_mb": peak_rss_mb()}))
"""


def _push_bench(tmp: Path) -> list[Row]:
    with BackendServer(tmp / "backend-push") as server:
        scene = pvz_scene(server, units=5, device_id="bench-push")
        store, engine, client = open_client(
            tmp / "push.sqlite3", server.url, scene.token, "bench-push", timeout=120
        )
        assert engine.sync_once().ok
        unit_ids = [u["id"] for u in scene.order["units"]]
        t = time.perf_counter()
        for i in range(OPS):
            store.record(
                OpType.MOVE_UNIT,
                {"unit_id": unit_ids[i % len(unit_ids)], "cell_id": scene.cells[i % 7 + 1]},
                scene.actor,
            )
        record_s = time.perf_counter() - t
        client_s = {"t": 0.0}
        for name in ("pending_ops", "apply_push_results"):
            fn = getattr(store, name)

            def timed(*a: object, _fn: object = fn, **k: object) -> object:
                t0 = time.perf_counter()
                try:
                    return _fn(*a, **k)  # type: ignore[operator]
                finally:
                    client_s["t"] += time.perf_counter() - t0

            setattr(store, name, timed)
        t = time.perf_counter()
        report = engine.sync_once()
        took = time.perf_counter() - t
        ok = report.ok and report.applied == OPS and store.pending_count() == 0
        store.close()
        client.close()
        scene.world.close()
    note = f"{OPS} unit.move in batches of 250, push + pull" + ("" if ok else f" FAILED: {report.error}")
    return [
        Row("sync", "push 10,000 queued ops", took, "s", "< 2", note),
        Row("sync", "push throughput", OPS / took, "ops/s", "", note),
        Row(
            "sync",
            "push: client-side share",
            client_s["t"],
            "s",
            "",
            "reading the journal + applying results",
        ),
        Row("sync", "record 10,000 ops locally", record_s, "s", "", "each its own fsync'd transaction"),
    ]


def _seed_big_pvz(server: BackendServer) -> str:
    """A PVZ with UNITS units (2 per order) and PRODUCTS products, bulk-written through the backend's db layer."""
    from sqlalchemy import insert

    from backend_stub.context import dumps
    from backend_stub.db import changes, orders, units
    from backend_stub.services.admin import NewProduct, add_products
    from backend_stub.services.changes import order_data, unit_data

    w = World(server)
    pvz = w.add_site("PVZ-BIG-1", "pvz", "ПВЗ большой", cells=200)
    w.add_user("bigclerk", "clerk", pvz)
    customer = w.add_user("bigcustomer", "customer")
    words = ["Куртка", "Кроссовки", "Платье", "Рюкзак", "Наушники", "Чайник", "Книга", "Шапка"]
    ctx = w._ctx
    with ctx.db.write() as conn:
        batch: list[NewProduct] = []
        for i in range(PRODUCTS):
            batch.append(
                NewProduct(
                    sku=f"BIG-{i:07d}",
                    name=f"{words[i % len(words)]} модель {i}",
                    brand=f"Бренд {i % 500}",
                    price_kopecks=10_000 + i,
                    gtin=f"{4600000000000 + i}"[:13],
                    needs_marking=i % 7 == 0,
                )
            )
            if len(batch) == 20_000:
                add_products(conn, batch)
                batch = []
        add_products(conn, batch)
    now = "2026-03-01T09:00:00.000Z"

    class R:
        def __init__(self, **kw: object) -> None:
            self.__dict__.update(kw)

    with ctx.db.write() as conn:
        order_rows, unit_rows, change_rows = [], [], []
        for i in range(UNITS):
            if i % 2 == 0:
                oid = f"BIGORDER{i:018d}"
                o = {
                    "id": oid,
                    "customer_id": customer.user_id,
                    "pvz_id": pvz,
                    "warehouse_id": "WH-X",
                    "amount_kopecks": 20000,
                    "currency": "RUB",
                    "status": "IN_TRANSIT",
                    "short_code_gen": 0,
                    "created_at": now,
                    "updated_at": now,
                    "number": 9_000_000 + i,
                    "customer_name": "Мария К.",
                    "customer_phone": "+7 *** ***-12-34",
                    "payment": "prepaid",
                    "payment_status": "",
                }
                order_rows.append(o)
                change_rows.append(
                    {
                        "site_id": pvz,
                        "entity": "order",
                        "entity_id": oid,
                        "op": "upsert",
                        "data": dumps(order_data(R(**o))),
                    }
                )
            u = {
                "id": f"BIGUNIT{i:019d}",
                "label": f"U{i:012d}",
                "order_id": oid,
                "sku": f"BIG-{i % PRODUCTS:07d}",
                "price_kopecks": 10_000,
                "status": "SHIPPED",
                "pvz_id": pvz,
                "customer_id": customer.user_id,
                "warehouse_id": "WH-X",
                "box_id": None,
                "cell_id": None,
                "location_id": None,
                "updated_at": now,
            }
            unit_rows.append(u)
            change_rows.append(
                {
                    "site_id": pvz,
                    "entity": "unit",
                    "entity_id": u["id"],
                    "op": "upsert",
                    "data": dumps(unit_data(R(**u))),
                }
            )
        conn.execute(insert(orders), order_rows)
        conn.execute(insert(units), unit_rows)
        conn.execute(insert(changes), change_rows)
    token = w.login(w.add_user("bigclerk2", "clerk", pvz))
    w.close()
    return token


def _pull_bench(tmp: Path) -> list[Row]:
    with BackendServer(tmp / "backend-pull") as server:
        t = time.perf_counter()
        token = _seed_big_pvz(server)
        seed_s = time.perf_counter() - t
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(tmp / "pull.sqlite3"), server.url, token],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    r = json.loads(done.stdout.strip().splitlines()[-1])
    note = f"{r['units']} units, {r['products']} products, {r['pulled']} changes in {r['pages']} pages"
    if not r["ok"]:
        note += f" FAILED: {r['error']}"
    return [
        Row("sync", "first pull 50k units + 200k products", r["seconds"], "s", "< 15", note),
        Row("sync", "first pull peak RSS", r["rss_mb"], "MB", "< 300", "child process, whole interpreter"),
        Row(
            "sync",
            "first pull: client apply share",
            r["apply"],
            "s",
            "",
            "apply pages + index rebuild; overlapped with fetching the next page",
        ),
        Row(
            "sync", "build the server data (setup)", seed_s, "s", "", "bulk insert via backend_stub db layer"
        ),
    ]


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(dir=os.environ.get("WB_BENCH_DIR")) as tmp:
        return _push_bench(Path(tmp)) + _pull_bench(Path(tmp))
