"""Catalog search over 1,000,000 products through a real uvicorn: p95 of each query kind (exact,
prefix, word form, typo, wrong layout, code, nothing found), suggest p95, index build time and
database size.

The catalog (the demo generator's Russian names and brands) takes minutes to build, so it is built
once into a cached data dir under the system temp dir, keyed by INDEX_VERSION and the size; raise
INDEX_VERSION when the index's rules or tables change. Build time and size are those of the run that
built it (kept beside it in bench.json)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Row
from tests.support.backend import BackendServer
from tests.support.world import World

CATALOG_SIZE = int(os.environ.get("WB_BENCH_CATALOG_SIZE", "1000000"))
INDEX_VERSION = 2  # 1 was the whole-word FTS5 index
BATCH = 20_000
ROUNDS = 15


def _layout(text: str) -> str:
    from backend_stub.search.text import swap_layout

    return swap_layout(text)


def _queries() -> dict[str, list[str]]:
    from backend_stub.seed import demo_products

    sample = demo_products(400)
    codes = [sample[i].gtin for i in (0, 57, 199)] + ["0" + sample[311].gtin]
    codes += [sample[i].sku for i in (5, 250)] + [sample[77].sku.lower(), sample[350].gtin]
    return {
        "exact": [
            "кроссовки",
            "чай зелёный",
            "наушники беспроводные",
            "книга детектив",
            "куртка пуховая черный",
            "рюкзак для ноутбука",
            "xiaomi",
            "сковорода чугунная",
        ],
        "prefix": ["крос", "шамп", "nord", "плат", "платье летн", "чай зел", "туалетная вода др", "ко"],
        "word form": [
            "шампуни",
            "шампуня",
            "кроссовок",
            "курток",
            "платья летние",
            "наушников",
            "книги детективы",
            "сковороды",
        ],
        "typo": [
            "шампнь",
            "кросовки",
            "сковрода",
            "наушнеки",
            "рюкзк",
            "конструкор",
            "полотенцо",
            "футблка",
        ],
        "layout": [_layout(q) for q in ("шампунь", "кроссовки", "наушники", "чай", "куртка")]
        + [_layout(q) for q in ("ugreen", "demix", "tefal")],
        "code": codes,
        "nothing found": ["самокат", "гироскутер", "телевизор", "qqqqqq"],
    }


SUGGEST = ["к", "кр", "крос", "шам", "nor", "бег", "кроссовки б", "гпк", "ёл", "платье в"]


def _cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"wb-bench-search-v{INDEX_VERSION}-{CATALOG_SIZE}"


def _build(data_dir: Path, n: int) -> dict[str, float]:
    from backend_stub.context import open_context
    from backend_stub.search import search_backend_for
    from backend_stub.seed import demo_products
    from backend_stub.services.admin import add_products
    from backend_stub.settings import Settings

    started = time.perf_counter()
    ctx = open_context(Settings(data_dir=data_dir))
    items = demo_products(n)
    for start in range(0, n, BATCH):
        with ctx.db.write() as conn:
            add_products(conn, items[start : start + BATCH], publish_changes=False)
    del items
    with ctx.db.write() as conn:
        backend = search_backend_for(conn)
        backend.optimize(conn)  # type: ignore[attr-defined]
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.db.dispose()
    build_s = time.perf_counter() - started
    db_bytes = sum(p.stat().st_size for p in data_dir.glob("backend.sqlite3*"))
    return {"build_s": build_s, "db_mb": db_bytes / 1e6, "products": n}


def _cached_catalog() -> tuple[Path, dict[str, float]]:
    """The data dir of a built catalog: built now when there is none (or a partial one)."""
    final = _cache_dir()
    meta = final / "bench.json"
    if meta.exists():
        return final, json.loads(meta.read_text())
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    figures = _build(partial, CATALOG_SIZE)
    (partial / "bench.json").write_text(json.dumps(figures))
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return final, figures


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[int(0.95 * (len(values) - 1))]


def run() -> list[Row]:
    data_dir, built = _cached_catalog()
    kinds = _queries()
    by_kind: dict[str, list[float]] = {k: [] for k in kinds}
    suggest_ms: list[float] = []
    empty: list[str] = []
    with BackendServer(data_dir) as server, World(server) as w:
        user = w.add_user(f"bench-shopper-{secrets.token_hex(4)}", "customer")
        client = w.client(user)
        for kind, queries in kinds.items():  # warm the page cache; check each kind finds something
            for q in queries:
                r = client.get("/api/v1/catalog/products", params={"q": q, "limit": 20})
                r.raise_for_status()
                if not r.json()["items"] and kind != "nothing found":
                    empty.append(q)
        for _ in range(ROUNDS):
            for kind, queries in kinds.items():
                for q in queries:
                    t = time.perf_counter()
                    r = client.get("/api/v1/catalog/products", params={"q": q, "limit": 20})
                    by_kind[kind].append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
            for q in SUGGEST:
                t = time.perf_counter()
                r = client.get("/api/v1/catalog/suggest", params={"q": q})
                suggest_ms.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
    engine = _engine_only(data_dir, kinds)
    size = f"{int(built['products']):,} products"
    rows = [
        Row(
            "backend",
            f"catalog search p95, {kind}",
            _p95(ms),
            "ms",
            "< 20",
            f"{size}, {len(kinds[kind])} queries x {ROUNDS} over HTTP, 20 a page",
        )
        for kind, ms in by_kind.items()
    ]
    every = [v for ms in by_kind.values() for v in ms]
    rows.append(Row("backend", "catalog search p50, all kinds", statistics.median(every), "ms", "", size))
    rows.append(
        Row(
            "backend",
            "catalog suggest p95",
            _p95(suggest_ms),
            "ms",
            "< 10",
            f"{size}, {len(SUGGEST)} prefixes x {ROUNDS} over HTTP, up to 10 completions",
        )
    )
    rows.append(
        Row(
            "backend",
            "catalog search p95, engine alone (all kinds)",
            _p95(engine),
            "ms",
            "< 20",
            f"{size}, same queries in-process, no HTTP: what is left of the figures above is the server",
        )
    )
    note = "demo catalog, products + search index, one transaction per 20,000; cached between runs"
    rows.append(Row("backend", "catalog index build (products + search)", built["build_s"], "s", "", note))
    rows.append(Row("backend", "catalog database size", built["db_mb"], "MB", "", f"{size}, after optimize"))
    if empty:
        rows.append(
            Row(
                "backend",
                "catalog search: queries that found nothing",
                len(empty),
                "",
                "< 1",
                ", ".join(empty),
            )
        )
    return rows


def _engine_only(data_dir: Path, kinds: dict[str, list[str]]) -> list[float]:
    from sqlalchemy import create_engine

    from backend_stub.search import search_backend_for

    engine = create_engine(f"sqlite:///{data_dir / 'backend.sqlite3'}")
    latencies = []
    with engine.connect() as conn:
        backend = search_backend_for(conn)
        for _ in range(ROUNDS):
            for queries in kinds.values():
                for q in queries:
                    t = time.perf_counter()
                    backend.search(conn, q, 21, None)
                    latencies.append((time.perf_counter() - t) * 1000)
    engine.dispose()
    return latencies
