"""Journal append latency (record: validate, apply, journal, commit with fsync) beside the raw fsync
cost of the same disk, measured in the same run as the floor."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from shared.domain import ManualClock, OpType, Role, SiteKind
from shared.store import Actor, LocalStore
from tests.benchmarks import Row

N = 400
ACTOR = Actor("u1", "clerk", Role.CLERK, "PVZ-B", SiteKind.PVZ)


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _fsync_floor(folder: Path) -> list[float]:
    """Append 4 KiB (one WAL frame) and fsync, N times."""
    path = folder / "floor.bin"
    out = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for _ in range(N):
            t = time.perf_counter()
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
            out.append((time.perf_counter() - t) * 1000)
    finally:
        os.close(fd)
    return out


def _seeded(folder: Path) -> LocalStore:
    store = LocalStore.open(
        folder / "journal.sqlite3", "bench-dev", ManualClock(datetime(2026, 3, 1, tzinfo=UTC))
    )
    changes = [
        {"entity": "cell", "id": f"PVZ-B:{n:04d}", "op": "upsert", "data": {"site_id": "PVZ-B", "number": n}}
        for n in range(1, 21)
    ]
    changes += [
        {
            "entity": "unit",
            "id": f"U{i}",
            "op": "upsert",
            "data": {
                "label": f"L{i}",
                "order_id": f"O{i}",
                "status": "ACCEPTED",
                "pvz_id": "PVZ-B",
                "cell_id": "PVZ-B:0001",
            },
        }
        for i in range(100)
    ]
    store.apply_pull_page(changes, "1")
    return store


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(dir=os.environ.get("WB_BENCH_DIR")) as tmp:
        folder = Path(tmp)
        store = _seeded(folder)
        for i in range(20):  # warm up
            store.record(OpType.MOVE_UNIT, {"unit_id": f"U{i}", "cell_id": "PVZ-B:0002"}, ACTOR)
        floor_a = _fsync_floor(folder)
        samples = []
        for i in range(N):
            payload = {"unit_id": f"U{i % 100}", "cell_id": f"PVZ-B:{(i % 19) + 2:04d}"}
            t = time.perf_counter()
            store.record(OpType.MOVE_UNIT, payload, ACTOR)
            samples.append((time.perf_counter() - t) * 1000)
        floor_b = _fsync_floor(folder)
        store.close()
    floor = floor_a + floor_b
    f50, f99 = _pct(floor, 0.5), _pct(floor, 0.99)
    j50, j99 = _pct(samples, 0.5), _pct(samples, 0.99)
    note = f"{N} records (unit.move), WAL + synchronous=FULL"
    return [
        Row("store", "journal append p50", j50, "ms", "", note),
        Row("store", "journal append p99", j99, "ms", "< 10", note),
        Row(
            "store",
            "raw fsync p50 (floor)",
            f50,
            "ms",
            "",
            f"{len(floor)} x write 4 KiB + fsync, same folder",
        ),
        Row("store", "raw fsync p99 (floor)", f99, "ms", "", "before and after the journal run"),
        Row(
            "store",
            "journal p99 / fsync p99",
            j99 / f99 if f99 else 0.0,
            "x",
            "< 2",
            "within 2x of the disk's floor",
        ),
        Row("store", "journal append mean", statistics.fmean(samples), "ms", "", note),
    ]
