"""Login flood: 80 concurrent logins for made-up usernames against a backend with production
argon2id (64 MiB, t=3, p=4), for FLOOD_S seconds; meanwhile an authenticated catalog GET is timed
and the server's RSS sampled.

Two floods: from one address (its failure budget soon turns it away with 429) and from 80 addresses
(127.0.3.N, one per client: no budget stops them, so every login queues for the bounded password
pool, 503 `busy` past it). Issue 11's goals: RSS growth < 400 MB, catalog GET p90 < 1 s.

The flood runs in a second process (`python -m tests.benchmarks.bench_backend_login_flood flood
URL SECONDS CLIENTS SPREAD`) so this process's timing is not taken by the flood's threads.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from tests.benchmarks import Row
from tests.support.backend import ROOT, BackendServer

CLIENTS = 80
FLOOD_S = 15.0
PRODUCTION_HASHING = {
    "WB_ARGON2_TIME_COST": "3",
    "WB_ARGON2_MEMORY_KIB": "65536",
    "WB_ARGON2_PARALLELISM": "4",
}


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def flood(url: str, seconds: float, clients: int, spread: bool) -> dict[str, Any]:
    """`clients` threads post bogus logins back to back until `seconds` pass; count the answers."""
    counts: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        transport = httpx.HTTPTransport(local_address=f"127.0.3.{i + 1}") if spread else None
        n = 0
        with httpx.Client(base_url=url, timeout=60, transport=transport) as c:
            while time.monotonic() < stop:
                n += 1
                try:
                    r = c.post("/api/v1/auth/login", json={"username": f"bogus-{i}-{n}", "password": "x"})
                    key = str(r.status_code)
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                with lock:
                    counts[key] = counts.get(key, 0) + 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counts


def _measure(server: BackendServer, token: str, spread: bool) -> tuple[float, float, float, dict[str, int]]:
    assert server.process is not None
    pid = server.process.pid
    before = _rss_mb(pid)
    peak = before
    latencies: list[float] = []
    load = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.bench_backend_login_flood",
            "flood",
            server.url,
            str(FLOOD_S),
            str(CLIENTS),
            "1" if spread else "0",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    with server.client(token, timeout=60) as c:
        time.sleep(1.0)  # the flood is under way
        while load.poll() is None:
            sent = time.perf_counter()
            c.get("/api/v1/catalog/products", params={"limit": 20}).raise_for_status()
            latencies.append((time.perf_counter() - sent) * 1000)
            peak = max(peak, _rss_mb(pid))
            time.sleep(0.1)
    out, _ = load.communicate(timeout=120)
    counts: dict[str, int] = json.loads(out.strip().splitlines()[-1])
    return peak - before, _pct(latencies, 90), statistics.median(latencies), counts


def run() -> list[Row]:
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        BackendServer(Path(tmp) / "b", env=PRODUCTION_HASHING) as server,
    ):
        from tests.support.world import World

        world = World(server)
        try:
            site = world.add_site("PVZ-B-1", "pvz")
            clerk = world.add_user("clerk1", "clerk", site)
            world.add_products(200)
            token = world.login(clerk)
        finally:
            world.close()
        with server.client(token, timeout=60) as c:
            quiet = []
            for _ in range(50):
                sent = time.perf_counter()
                c.get("/api/v1/catalog/products", params={"limit": 20}).raise_for_status()
                quiet.append((time.perf_counter() - sent) * 1000)
                time.sleep(0.02)
        rows.append(
            Row("backend", "catalog GET p90 with no flood (floor)", _pct(quiet, 90), "ms", "", "50 GETs")
        )
        for spread, label in ((False, "one address"), (True, f"{CLIENTS} addresses")):
            growth, p90, p50, counts = _measure(server, token, spread)
            answers = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
            note = f"{CLIENTS} concurrent bogus logins for {FLOOD_S:.0f} s from {label}; answers {answers}"
            rows.append(
                Row("backend", f"login flood ({label}): server RSS growth", growth, "MB", "< 400", note)
            )
            rows.append(
                Row(
                    "backend",
                    f"login flood ({label}): catalog GET p90",
                    p90,
                    "ms",
                    "< 1000",
                    f"p50 {p50:.0f} ms",
                )
            )
    return rows


def main(argv: list[str]) -> int:
    if argv[:1] == ["flood"]:
        print(json.dumps(flood(argv[1], float(argv[2]), int(argv[3]), argv[4] == "1")))
        return 0
    for row in run():
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
