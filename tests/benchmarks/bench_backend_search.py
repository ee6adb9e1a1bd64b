"""Catalog search latency over a large catalog: GET /api/v1/catalog/products?q= against a real
uvicorn, p50/p95 over a mix of whole-word, multi-word and prefix queries (20 results a page).

The catalog is built fresh each run with the demo generator (Russian names, brands), bulk-inserted
with its FTS5 index; its size is CATALOG_SIZE (1,000,000 when it builds in time on this machine)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Row
from tests.support.backend import BackendServer
from tests.support.world import World

CATALOG_SIZE = 1_000_000
QUERIES = [
    "кроссовки",
    "крос*",
    "платье летнее",
    "чай зелёный",
    "nord*",
    "куртка пуховая черный",
    "наушники беспроводные",
    "ёлка",
    "рюкзак для ноутбука",
    "книга детектив",
    "плат*",
    "xiaomi",
    "носки тёплые",
    "крем для рук",
    "сковорода чугунная",
    "самокат",  # no hits
]
ROUNDS = 12


def _build(data_dir: Path, n: int) -> float:
    from backend_stub.context import open_context
    from backend_stub.seed import demo_products
    from backend_stub.services.admin import add_products
    from backend_stub.settings import Settings

    started = time.perf_counter()
    ctx = open_context(Settings(data_dir=data_dir))
    items = demo_products(n)
    for start in range(0, n, 20_000):
        with ctx.db.write() as conn:
            add_products(conn, items[start : start + 20_000], publish_changes=False)
    with ctx.db.write() as conn:
        conn.exec_driver_sql("INSERT INTO product_fts(product_fts) VALUES ('optimize')")
    ctx.db.dispose()
    return time.perf_counter() - started


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        server = BackendServer(Path(tmp) / "b")
        build_s = _build(server.data_dir, CATALOG_SIZE)
        with server, World(server) as w:
            user = w.add_user("bench-shopper", "customer")
            client = w.client(user)
            for q in QUERIES:  # warm the page cache
                client.get("/api/v1/catalog/products", params={"q": q, "limit": 20}).raise_for_status()
            latencies: list[float] = []
            hits = 0
            for _ in range(ROUNDS):
                for q in QUERIES:
                    t = time.perf_counter()
                    r = client.get("/api/v1/catalog/products", params={"q": q, "limit": 20})
                    latencies.append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
                    hits += len(r.json()["items"])
        engine = _engine_only(server)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    note = f"{CATALOG_SIZE:,} products (built in {build_s:.0f} s), {len(latencies)} queries over HTTP, {len(QUERIES)} kinds"
    return [
        Row("backend", "catalog search p50", statistics.median(latencies), "ms", "", note),
        Row("backend", "catalog search p95", p95, "ms", "< 20", note),
        Row(
            "backend",
            "catalog search p95, FTS5 query alone",
            engine,
            "ms",
            "< 20",
            "same queries, in-process, no HTTP",
        ),
    ]


def _engine_only(server: BackendServer) -> float:
    from sqlalchemy import create_engine

    from backend_stub.search import Fts5Search

    engine = create_engine(f"sqlite:///{server.data_dir / 'backend.sqlite3'}")
    search = Fts5Search()
    latencies = []
    with engine.connect() as conn:
        for _ in range(ROUNDS):
            for q in QUERIES:
                t = time.perf_counter()
                search.search(conn, q, 21, None)
                latencies.append((time.perf_counter() - t) * 1000)
    engine.dispose()
    latencies.sort()
    return latencies[int(0.95 * (len(latencies) - 1))]
