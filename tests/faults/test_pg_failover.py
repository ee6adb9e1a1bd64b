"""Failover drill: the PostgreSQL primary is SIGKILLed during a device's push, the synchronous hot
standby is promoted, and the backend carries on through its multi-host URL.

Two clusters on free loopback ports, each in a temp folder of its own owned by the `postgres` user:
the primary (wal_level=replica, synchronous_standby_names = the standby's application_name,
synchronous_commit=on) and a standby made by `pg_basebackup -R` streaming from it. The backend's
URL names both hosts with `target_session_attrs=read-write`, so its connections go to whichever is
the primary; dead pooled connections are dropped by the engine's pre-ping (backend_stub/db.py).

A device (the real client store and SyncEngine) records unit moves and syncs in a loop. The kill
lands while a push is in flight and the writers' lock is held on the primary (the push's write
transaction is open, or waiting for the standby's commit acknowledgement); the standby is promoted a moment later (`pg_ctl promote`), as an operator or a failover
manager would. Measured and printed: acknowledged ops lost (every op the device had marked
acknowledged when the primary died must be on the promoted server), seconds from the kill until a
push succeeds again, and the ops the device recorded offline meanwhile; asserted: nothing lost,
nothing doubled, nothing left pending once the device has synced.

Notes on the URL: SQLAlchemy hands libpq one host list and one port list only in the repeated form
`?host=h1:p1&host=h2:p2`; `?host=h1:p1,h2:p2` reaches psycopg as the single host string
"h1:p1,h2:p2" with a port of "," (checked in `test_multi_host_url_reaches_psycopg_as_lists`).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend_stub.database import WRITE_LOCK_KEY
from shared.domain import OpType
from shared.sync.engine import PUSH_PATH
from tests.support.backend import BackendServer
from tests.support.client import audit, open_client, pvz_scene, server_ops
from tests.support.postgres import MissingServerBinary, PostgresServer, find_binary
from tests.support.waiting import sync_until_settled, wait_until

STANDBY_NAME = "wb_standby1"
DATABASE = "wb_failover"
DEVICE = "pvz-failover-1"
ROUNDS_BEFORE = 4  # successful syncs before the kill
ROUNDS_AFTER = 3  # successful syncs after the recovery
PROMOTE_AFTER_S = 1.0  # the "detection" delay between the kill and the promotion
RECOVERY_LIMIT_S = 90.0  # only a hang guard; the goal (< 15 s) is reported, not asserted
BATCH = 100


def multi_host_url(ports: list[int], dbname: str, user: str = "wb") -> str:
    hosts = "&".join(f"host=127.0.0.1:{p}" for p in ports)
    return f"postgresql+psycopg://{user}@/{dbname}?{hosts}&target_session_attrs=read-write&connect_timeout=5"


def test_multi_host_url_reaches_psycopg_as_lists() -> None:
    from sqlalchemy import create_engine

    engine = create_engine(multi_host_url([5001, 5002], "db"))
    _args, kw = engine.dialect.create_connect_args(engine.url)
    assert kw["host"] == "127.0.0.1,127.0.0.1"
    assert kw["port"] == "5001,5002"
    assert kw["target_session_attrs"] == "read-write"
    engine.dispose()


class ReplicatedPair:
    """A primary and a synchronous hot standby streaming from it, both on loopback."""

    def __init__(self) -> None:
        self.primary = PostgresServer()
        self.standby = PostgresServer()
        self.pg_basebackup = find_binary("pg_basebackup")
        self.pg_ctl = find_binary("pg_ctl")
        self.promoted_in_s: float | None = None

    def start(self) -> ReplicatedPair:
        self.primary.init(
            "wal_level = replica",
            "max_wal_senders = 5",
            "wal_keep_size = '128MB'",
            "hot_standby = on",
            f"synchronous_standby_names = '{STANDBY_NAME}'",
            "synchronous_commit = on",
        )
        self.primary.start()
        sb = self.standby
        sb.folder.mkdir(parents=True, exist_ok=True)
        sb._chown()
        conninfo = f"host=127.0.0.1 port={self.primary.port} user={self.primary.user} application_name={STANDBY_NAME}"
        subprocess.run(
            [
                *sb._prefix,
                self.pg_basebackup,
                "-d",
                conninfo,
                "-D",
                str(sb.data),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        auto = (sb.data / "postgresql.auto.conf").read_text()
        assert f"application_name={STANDBY_NAME}" in auto, auto
        with open(sb.data / "postgresql.conf", "a") as f:
            # its own socket folder; and once promoted it runs alone (no standby to wait for)
            f.write(f"unix_socket_directories = '{sb.folder}'\nsynchronous_standby_names = ''\n")
        sb.start()
        wait_until(self._standby_is_sync, 60, "the standby streams synchronously")
        return self

    def _standby_is_sync(self) -> bool:
        rows = self.primary.execute(
            f"SELECT sync_state FROM pg_stat_replication WHERE application_name = '{STANDBY_NAME}'"
        )
        return bool(rows) and rows[0][0] == "sync"

    def write_lock_held(self) -> bool:
        """Whether a transaction on the primary holds the backend's writers' lock right now."""
        try:
            rows = self.primary.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                f"AND classid = {WRITE_LOCK_KEY >> 32} AND objid = {WRITE_LOCK_KEY & 0xFFFFFFFF}"
            )
        except Exception:
            return False
        return bool(rows) and int(str(rows[0][0])) > 0

    def promote(self) -> None:
        started = time.monotonic()
        subprocess.run(
            [*self.standby._prefix, self.pg_ctl, "promote", "-w", "-t", "60", "-D", str(self.standby.data)],
            check=True,
            capture_output=True,
            timeout=90,
        )
        self.promoted_in_s = time.monotonic() - started

    def close(self) -> None:
        self.standby.close()
        self.primary.close()


@dataclass
class Push:
    sent: float
    done: float = 0.0
    status: int | None = None  # None: no answer at all (connection error, timeout)


class PushLog(httpx.BaseTransport):
    """Records every push: when it left, when its answer came, and the answer's status."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.lock = threading.Lock()
        self.pushes: list[Push] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != PUSH_PATH:
            return self.inner.handle_request(request)
        push = Push(time.monotonic())
        with self.lock:
            self.pushes.append(push)
        try:
            response = self.inner.handle_request(request)
            response.read()
            push.status = response.status_code
            return response
        finally:
            push.done = time.monotonic()

    def in_flight(self) -> Push | None:
        with self.lock:
            return next((p for p in reversed(self.pushes) if not p.done), None)

    def first_success_after(self, t: float) -> Push | None:
        with self.lock:
            return next((p for p in self.pushes if p.sent >= t and p.status == 200), None)

    def close(self) -> None:
        self.inner.close()


@dataclass
class DeviceLoop:
    """The device's life in a thread: record a few unit moves, sync, again; offline it keeps recording."""

    store: Any
    engine: Any
    actor: Any
    unit_ids: list[str]
    cells: list[str]
    stop: threading.Event = field(default_factory=threading.Event)
    recorded: list[tuple[float, str]] = field(default_factory=list)
    syncs: list[tuple[float, bool]] = field(default_factory=list)
    error: BaseException | None = None

    def ok_syncs_after(self, t: float) -> int:
        return sum(1 for when, ok in list(self.syncs) if ok and when >= t)

    def run(self) -> None:
        n = 0
        try:
            while not self.stop.is_set():
                for _ in range(60 + n % 4 * 50):  # 60..210 ops a round: one to three pushes
                    unit_id = self.unit_ids[n % len(self.unit_ids)]
                    unit = self.store.unit(unit_id)
                    cell = next(c for c in self.cells[n % 7 :] + self.cells if c != unit.cell_id)
                    op = self.store.record(
                        OpType.MOVE_UNIT, {"unit_id": unit_id, "cell_id": cell}, self.actor
                    )
                    self.recorded.append((time.monotonic(), op.op.op_id))
                    n += 1
                report = self.engine.sync_once()
                self.syncs.append((time.monotonic(), bool(report.ok)))
                time.sleep(0.05 if report.ok else 0.2)
        except BaseException as exc:  # surfaced by the test
            self.error = exc


def acknowledged(store_path: Path) -> set[str]:
    """Op ids the device has marked acknowledged by the server (read beside the device's own use)."""
    db = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True, timeout=10)
    try:
        return {str(r[0]) for r in db.execute("SELECT op_id FROM ops WHERE state != 'pending'")}
    finally:
        db.close()


@pytest.mark.slow
def test_primary_killed_during_a_push_standby_promoted(tmp_path: Path) -> None:
    try:
        pair = ReplicatedPair()
    except MissingServerBinary as exc:
        pytest.fail(str(exc), pytrace=False)
    log = PushLog()
    try:
        pair.start()
        pair.primary.execute(f"CREATE DATABASE {DATABASE}")  # committed on both (synchronous)
        url = multi_host_url([pair.primary.port, pair.standby.port], DATABASE)
        with BackendServer(tmp_path / "backend", database_url=url) as server:
            scene = pvz_scene(server, units=5, device_id=DEVICE)
            store_path = tmp_path / "pvz.sqlite3"
            store, engine, client = open_client(
                store_path, server.url, scene.token, DEVICE, timeout=5.0, max_attempts=2, transport=log
            )
            engine.batch_size = BATCH
            assert engine.sync_once().ok
            device = DeviceLoop(
                store, engine, scene.actor, [u["id"] for u in scene.order["units"]], scene.cells
            )
            worker = threading.Thread(target=device.run, daemon=True)
            worker.start()
            wait_until(lambda: device.ok_syncs_after(0) >= ROUNDS_BEFORE or device.error, 120, "syncs before")
            assert device.error is None, device.error

            # kill the primary while a push is in flight and a write transaction holds the lock
            killed_push = wait_until(
                lambda: pair.write_lock_held() and log.in_flight(),
                60,
                "a push in flight while a write transaction holds the lock",
                poll=0.002,
            )
            pair.primary.kill()
            t_kill = time.monotonic()
            acked_at_kill = acknowledged(store_path)
            time.sleep(PROMOTE_AFTER_S)
            pair.promote()
            t_promoted = time.monotonic()
            recovered = wait_until(
                lambda: log.first_success_after(t_kill) or device.error,
                RECOVERY_LIMIT_S,
                "a push succeeds again",
            )
            assert device.error is None, device.error
            assert isinstance(recovered, Push)
            t_back = recovered.done
            offline_ops = sum(1 for when, _ in list(device.recorded) if t_kill <= when < t_back)
            failed_syncs = sum(1 for when, ok in list(device.syncs) if not ok and when >= t_kill)
            wait_until(
                lambda: device.ok_syncs_after(t_back) >= ROUNDS_AFTER or device.error, 120, "syncs after"
            )
            device.stop.set()
            worker.join(120)
            assert not worker.is_alive()
            assert device.error is None, device.error

            held_now = {op_id for _, op_id, _ in server_ops(server, DEVICE)}
            acked_lost = len(acked_at_kill - held_now)
            healing = sync_until_settled(engine, store)
            confirmed = [op_id for _, op_id in device.recorded]
            figures = audit(store, server, confirmed)
            result = {
                "killed_push_status": killed_push.status,
                "acked_at_kill": len(acked_at_kill),
                "acked_lost": acked_lost,
                "promote_s": round(pair.promoted_in_s or 0.0, 2),
                "kill_to_promoted_s": round(t_promoted - t_kill, 2),
                "pushes_back_after_s": round(t_back - t_kill, 2),
                "failed_syncs_meanwhile": failed_syncs,
                "ops_recorded_offline": offline_ops,
                "healing_syncs": healing,
                **figures,
            }
            print(f"\nPostgreSQL failover drill: {json.dumps(result)}", file=sys.stderr)
            assert acked_lost == 0
            assert figures["lost"] == 0
            assert figures["duplicated"] == 0
            assert figures["pending"] == 0
            assert figures["server"] == figures["ops"] == len(confirmed)
            assert offline_ops > 0, "the device recorded nothing while the database was down"
            store.close()
            client.close()
            scene.world.close()
    finally:
        log.close()
        pair.close()  # both folders are removed with their clusters
