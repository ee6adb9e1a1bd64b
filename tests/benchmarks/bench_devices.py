"""Device simulator: N PVZ and warehouse-terminal devices syncing in a realistic rhythm.

Each simulated device logs in once with its own device_id, takes its first pull, then repeats a
sync round every few seconds (`WB_BENCH_DEVICES_PULL_S`, jittered ±30%): with probability one half
a push of 1-50 ops (PVZ devices: `unit.move` of their own units between their PVZ's cells;
terminals: `count.record` at their warehouse's locations), then a pull of what changed at the site.
Rounds are timed from the push's departure to the pull's last page. After the rhythm a short burst
measures push capacity: `BURST_DEVICES` PVZ devices push 50-op `unit.move` batches back to back.

Run twice: (a) one uvicorn worker on SQLite, (b) PostgreSQL with two workers. One asyncio loop in
this process drives every device, each with its own `httpx.AsyncClient` (one keep-alive connection)
as a real device has, on the same cores as the server: the client's own CPU is in the figures. A
request whose keep-alive connection the server had just closed is sent again (`RETRIES`), as the
app's sync engine does; the retries are counted, not errors.

    WB_BENCH_DEVICES=1000        devices (70% PVZ, 30% terminals)
    WB_BENCH_DEVICES_S=30        seconds of rhythm per database
    WB_BENCH_DEVICES_PULL_S=5    mean seconds between a device's sync rounds
    WB_BENCH_DEVICES_DB=sqlite,postgresql   which runs
    python -m tests.benchmarks bench_devices
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import ssl
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from shared.domain import IdFactory, SystemClock, utc_iso
from tests.benchmarks import Row
from tests.benchmarks.bench_backend_sync import bulk_accepted_units
from tests.support.backend import BackendServer
from tests.support.world import DEFAULT_PASSWORD, World

DEVICES = int(os.environ.get("WB_BENCH_DEVICES", "1000"))
DURATION_S = float(os.environ.get("WB_BENCH_DEVICES_S", "30"))
PULL_EVERY_S = float(os.environ.get("WB_BENCH_DEVICES_PULL_S", "5"))
DATABASES = os.environ.get("WB_BENCH_DEVICES_DB", "sqlite,postgresql").split(",")
PVZ_SHARE = 0.7
DEVICES_PER_PVZ = 4
TERMINALS_PER_WAREHOUSE = 30
UNITS_PER_DEVICE = 12
CELLS = 20
PUSH_CHANCE = 0.5
MAX_OPS = 50
BURST_DEVICES = 16
BURST_S = 8.0
LOGIN_CONCURRENCY = 8
TIMEOUT_S = 60.0
RETRIES = 2


@dataclass
class SimDevice:
    device_id: str
    username: str
    site_id: str
    terminal: bool
    unit_cells: dict[str, int] = field(default_factory=dict)  # PVZ: own unit -> cell number
    locations: list[str] = field(default_factory=list)  # terminal: its warehouse's locations
    token: str = ""
    user_id: str = ""
    seq: int = 0
    cursor: str = ""

    def ops(self, n: int, rnd: random.Random, ids: IdFactory) -> list[dict[str, Any]]:
        now = utc_iso(SystemClock().now())
        out = []
        for _ in range(n):
            self.seq += 1
            if self.terminal:
                op_type = "count.record"
                payload: dict[str, Any] = {"location_id": rnd.choice(self.locations), "counted": {"SKU": 1}}
            else:
                unit_id = rnd.choice(list(self.unit_cells))
                cell = rnd.choice([c for c in range(1, CELLS + 1) if c != self.unit_cells[unit_id]])
                self.unit_cells[unit_id] = cell
                op_type = "unit.move"
                payload = {"unit_id": unit_id, "cell_id": f"{self.site_id}:{cell:04d}"}
            out.append(
                {
                    "op_id": ids.new(),
                    "device_id": self.device_id,
                    "seq": self.seq,
                    "type": op_type,
                    "payload": payload,
                    "actor": self.user_id,
                    "created_at": now,
                }
            )
        return out


@dataclass
class Tally:
    rounds_ms: list[float] = field(default_factory=list)
    push_ops: int = 0
    move_ops: int = 0
    requests: int = 0
    errors: int = 0
    rejected: int = 0
    retries: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    rejected_kinds: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def tree_pids(root: int) -> set[int]:
    """A process and all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in tree:
                tree.add(child)
                frontier.append(child)
    return tree


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process tree, in MB (shared pages count once per process)."""
    total_kib = 0
    for pid in tree_pids(root):
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
                total_kib += sum(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        except OSError:
            continue
    return total_kib / 1024


def tree_cpu_s(root: int) -> float:
    """CPU seconds (user + system) used so far by a tree: its live processes, and the children
    that ended and were reaped (their parent's cutime + cstime: PostgreSQL's per-connection backends
    come and go, and counting only the live ones made its share negative)."""
    ticks = 0
    for pid in tree_pids(root):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
        except (OSError, ValueError, IndexError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def build_fleet(w: World, n: int) -> list[SimDevice]:
    """Sites, one user per device, accepted units for each PVZ device (direct writes: fast)."""
    from backend_stub.db import locations

    n_pvz = max(1, round(n * PVZ_SHARE)) if n > 1 else 1
    n_term = n - n_pvz
    ctx = w._ctx
    fleet: list[SimDevice] = []
    sites: dict[str, list[str]] = {}
    for i in range(n_pvz):
        pvz = f"PVZ-B-{i // DEVICES_PER_PVZ + 1:04d}"
        if pvz not in sites:
            w.add_site(pvz, "pvz", cells=CELLS)
            sites[pvz] = []
        dev = SimDevice(f"bench-pvz-{i:05d}", f"bclerk{i:05d}", pvz, terminal=False)
        acc = w.add_user(dev.username, "clerk", pvz)
        dev.user_id = acc.user_id
        units = bulk_accepted_units(w, pvz, w.customer.user_id, w.skus[0], UNITS_PER_DEVICE)
        dev.unit_cells = dict.fromkeys(units, 1)
        fleet.append(dev)
    for i in range(n_term):
        wh = f"WH-B-{i // TERMINALS_PER_WAREHOUSE + 1:03d}"
        if wh not in sites:
            w.add_site(wh, "warehouse", locations=20)
            with ctx.db.read() as conn:
                sites[wh] = [
                    str(r[0]) for r in conn.execute(select(locations.c.id).where(locations.c.site_id == wh))
                ]
        dev = SimDevice(f"bench-term-{i:05d}", f"bpicker{i:05d}", wh, terminal=True, locations=sites[wh])
        dev.user_id = w.add_user(dev.username, "warehouse", wh).user_id
        fleet.append(dev)
    return fleet


def _code(r: httpx.Response) -> str:
    try:
        return f"{r.status_code} {r.json()['error']['code']}"
    except (ValueError, KeyError, TypeError):
        return str(r.status_code)


async def _send(
    client: httpx.AsyncClient, method: str, path: str, tally: Tally, **kw: Any
) -> httpx.Response | None:
    """One request, sent again (up to RETRIES times) when the connection fails, as the app's sync
    engine does (a keep-alive connection the server closed, a reset); every request is idempotent
    here: pulls, and pushes of the same ops. None after the last failure (counted as an error)."""
    for attempt in range(RETRIES + 1):
        tally.requests += 1
        try:
            return await client.request(method, path, **kw)
        except httpx.TransportError as exc:
            tally.retries += 1
            if attempt == RETRIES:
                tally.error(f"{path.rsplit('/', 1)[1]} {type(exc).__name__}")
    return None


async def _pull_all(client: httpx.AsyncClient, dev: SimDevice, tally: Tally) -> bool:
    while True:
        r = await _send(
            client,
            "GET",
            "/api/v1/sync/pull",
            tally,
            params={"cursor": dev.cursor, "limit": 1000},
            headers={"Authorization": f"Bearer {dev.token}"},
        )
        if r is None:
            return False
        if r.status_code != 200:
            tally.error(f"pull {_code(r)}")
            return False
        page = r.json()
        dev.cursor = page["next_cursor"]
        if not page["has_more"]:
            return True


async def _push(client: httpx.AsyncClient, dev: SimDevice, ops: list[dict[str, Any]], tally: Tally) -> bool:
    r = await _send(
        client,
        "POST",
        "/api/v1/sync/push",
        tally,
        json={"device_id": dev.device_id, "ops": ops},
        headers={"Authorization": f"Bearer {dev.token}"},
    )
    if r is None:
        return False
    if r.status_code != 200:
        tally.error(f"push {_code(r)}")
        return False
    results = r.json()["results"]
    applied = sum(1 for x in results if x["status"] == "applied")
    tally.rejected += len(results) - applied
    for x, op in zip(results, ops, strict=True):
        if x["status"] != "applied":
            key = f"{op['type']}: {x.get('reason', x['status'])}"
            tally.rejected_kinds[key] = tally.rejected_kinds.get(key, 0) + 1
    tally.push_ops += applied
    tally.move_ops += sum(
        1
        for x, op in zip(results, ops, strict=True)
        if x["status"] == "applied" and op["type"] == "unit.move"
    )
    return True


async def _login(client: httpx.AsyncClient, dev: SimDevice, gate: asyncio.Semaphore, tally: Tally) -> None:
    async with gate:
        for _ in range(5):
            body = {"username": dev.username, "password": DEFAULT_PASSWORD, "device_id": dev.device_id}
            r = await _send(client, "POST", "/api/v1/auth/login", tally, json=body)
            if r is not None and r.status_code == 200:
                dev.token = r.json()["access_token"]
                break
            if r is not None and r.status_code != 503:
                tally.error(_code(r))
                return
            await asyncio.sleep(0.5)  # the password-check queue was full: try again
        else:
            tally.error("503 busy 5 times")
            return
        await _pull_all(client, dev, tally)  # the first sync: before the clock starts


async def _live(
    client: httpx.AsyncClient, dev: SimDevice, rnd: random.Random, until: float, tally: Tally
) -> None:
    ids = IdFactory(SystemClock())
    unsent: list[dict[str, Any]] = []  # ops of a failed push: sent again, as the app's journal does
    await asyncio.sleep(rnd.uniform(0, PULL_EVERY_S))
    while time.monotonic() < until:
        started = time.monotonic()
        ok = True
        if unsent or rnd.random() < PUSH_CHANCE:
            ops = unsent or dev.ops(rnd.randint(1, MAX_OPS), rnd, ids)
            ok = await _push(client, dev, ops, tally)
            unsent = [] if ok else ops
        ok = await _pull_all(client, dev, tally) and ok
        if ok:
            tally.rounds_ms.append((time.monotonic() - started) * 1000)
        pause = PULL_EVERY_S * rnd.uniform(0.7, 1.3) - (time.monotonic() - started)
        await asyncio.sleep(max(0.0, min(pause, until - time.monotonic())))


async def _burst(
    client: httpx.AsyncClient, dev: SimDevice, rnd: random.Random, until: float, tally: Tally
) -> None:
    ids = IdFactory(SystemClock())
    ops: list[dict[str, Any]] = []
    while time.monotonic() < until:
        ops = ops or dev.ops(MAX_OPS, rnd, ids)
        if await _push(client, dev, ops, tally):
            ops = []


async def simulate(url: str, fleet: list[SimDevice], server_pid: int, db_pid: int | None) -> dict[str, Any]:
    rnd = random.Random(1000)
    # a client (one keep-alive connection) per device, as on the real devices; one TLS context for all
    tls = ssl.create_default_context()
    one = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with contextlib.AsyncExitStack() as stack:
        clients = {
            d.device_id: await stack.enter_async_context(
                httpx.AsyncClient(base_url=url, timeout=TIMEOUT_S, limits=one, verify=tls)
            )
            for d in fleet
        }
        logins = Tally()
        gate = asyncio.Semaphore(LOGIN_CONCURRENCY)
        started = time.monotonic()
        await asyncio.gather(*(_login(clients[d.device_id], d, gate, logins) for d in fleet))
        login_s = time.monotonic() - started
        live = [d for d in fleet if d.token]
        tally = Tally()
        samples: list[float] = []

        async def sample_rss(until: float) -> None:
            while time.monotonic() < until:
                samples.append(tree_rss_mb(server_pid))
                await asyncio.sleep(1.0)

        cpu_before = (time.process_time(), tree_cpu_s(server_pid), tree_cpu_s(db_pid) if db_pid else 0.0)
        started = time.monotonic()
        until = started + DURATION_S
        await asyncio.gather(
            sample_rss(until),
            *(_live(clients[d.device_id], d, random.Random(rnd.random()), until, tally) for d in live),
        )
        elapsed = time.monotonic() - started
        cpu_after = (time.process_time(), tree_cpu_s(server_pid), tree_cpu_s(db_pid) if db_pid else 0.0)
        burst = Tally()
        pvz = [d for d in live if not d.terminal][:BURST_DEVICES]
        b_started = time.monotonic()
        await asyncio.gather(
            *(
                _burst(clients[d.device_id], d, random.Random(rnd.random()), b_started + BURST_S, burst)
                for d in pvz
            )
        )
        b_elapsed = time.monotonic() - b_started
    return {
        "devices": len(fleet),
        "logged_in": len(live),
        "login_s": login_s,
        "login_errors": logins.errors,
        "elapsed": elapsed,
        "tally": tally,
        "load_avg": os.getloadavg()[0],
        "rss_mb": max(samples) if samples else tree_rss_mb(server_pid),
        "db_rss_mb": tree_rss_mb(db_pid) if db_pid else None,
        # CPU seconds per second of rhythm: this client, the API processes, PostgreSQL
        "cpu": [(b - a) / elapsed for a, b in zip(cpu_before, cpu_after, strict=True)],
        "burst_ops_s": burst.move_ops / b_elapsed,
        "burst_errors": burst.errors,
        "error_kinds": {
            f"{phase} {k}": v
            for phase, t in (("login", logins), ("rhythm", tally), ("burst", burst))
            for k, v in t.error_kinds.items()
        },
        "burst_devices": len(pvz),
    }


def _rows(label: str, workers: int, res: dict[str, Any]) -> list[Row]:
    t: Tally = res["tally"]
    n = res["devices"]
    rounds = len(t.rounds_ms)
    base = f"{n} devices, {label}, {workers} worker{'s' if workers > 1 else ''}"
    errors = t.errors + res["login_errors"] + res["burst_errors"]
    kinds = ", ".join(f"{k} x{v}" for k, v in sorted(res["error_kinds"].items())) or "none"
    db_rss = res["db_rss_mb"]
    db_note = f"; PostgreSQL processes {db_rss:,.0f} MB (RSS sum)" if db_rss is not None else ""
    client_cpu, server_cpu, db_cpu = res["cpu"]
    cpu_note = (
        f"CPU cores busy: client {client_cpu:.2f}, API {server_cpu:.2f}"
        + (f", PostgreSQL {db_cpu:.2f}" if db_rss is not None else "")
        + f"; machine load average {res['load_avg']:.1f}"
    )
    offered_rounds = n / PULL_EVERY_S
    offered_ops = offered_rounds * PUSH_CHANCE * (1 + MAX_OPS) / 2
    print(
        f"  {base}: rounds={rounds} rejected={t.rejected} {t.rejected_kinds} errors={kinds} retries={t.retries} "
        f"login {res['login_s']:.1f} s; {cpu_note}",
        file=sys.stderr,
    )
    return [
        Row(
            "load",
            f"{base}: ops pushed",
            t.push_ops / res["elapsed"],
            "ops/s",
            "",
            f"offered ~{offered_ops:,.0f} ops/s: a round every {PULL_EVERY_S:g} s ±30%, a push (1-{MAX_OPS} ops) "
            f"in half; {res['elapsed']:.0f} s",
        ),
        Row(
            "load",
            f"{base}: sync rounds",
            rounds / res["elapsed"],
            "rounds/s",
            "",
            f"offered ~{offered_rounds:,.0f} rounds/s; {cpu_note}",
        ),
        Row(
            "load",
            f"{base}: sync round p50",
            statistics.median(t.rounds_ms) if rounds else float("nan"),
            "ms",
            "",
            f"{rounds} rounds (push + pull)",
        ),
        Row(
            "load",
            f"{base}: sync round p99",
            _pct(t.rounds_ms, 99),
            "ms",
            "< 1000",
            "issue goal at 1,000 devices",
        ),
        Row(
            "load",
            f"{base}: errors",
            float(errors),
            "",
            "< 1",
            f"logins, rhythm and burst: {kinds}; rejected ops {t.rejected}; connections retried {t.retries}",
        ),
        Row(
            "load",
            f"{base}: server RSS",
            res["rss_mb"],
            "MB",
            "",
            f"API processes, peak of 1 s samples{db_note}",
        ),
        Row(
            "load",
            f"{base}: unit.move push burst",
            res["burst_ops_s"],
            "ops/s",
            "> 10000",
            f"{res['burst_devices']} devices back to back, {MAX_OPS}-op batches, {BURST_S:g} s (goal: PostgreSQL)",
        ),
    ]


def _run_one(database: str) -> list[Row]:
    from tests.support.postgres import PostgresServer

    with tempfile.TemporaryDirectory() as tmp:
        pg: PostgresServer | None = None
        url: str | None = None
        workers = 1
        try:
            if database == "postgresql":
                pg = PostgresServer().start()
                url = pg.new_database()
                workers = 2
            env = {"WB_RELAY_INTERVAL_S": "1.0"}
            with BackendServer(Path(tmp) / "b", database_url=url, workers=workers, env=env) as server:
                with World.standard(server, products=2) as w:
                    fleet = build_fleet(w, DEVICES)
                if pg is not None and url is not None:
                    # the world was loaded in bulk a moment ago: ANALYZE, as autovacuum would within
                    # its first minute, so the planner sees thousands of units, not empty tables
                    pg.execute("ANALYZE", dbname=url.rsplit("/", 1)[1])
                assert server.process is not None
                db_pid = pg.process.pid if pg is not None and pg.process is not None else None
                res = asyncio.run(simulate(server.url, fleet, server.process.pid, db_pid))
            return _rows("PostgreSQL" if pg else "SQLite", workers, res)
        finally:
            if pg is not None:
                pg.close()


def run() -> list[Row]:
    rows: list[Row] = []
    for database in DATABASES:
        rows.extend(_run_one(database.strip()))
    return rows
