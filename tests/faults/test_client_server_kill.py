"""The backend is SIGKILLed while the client pushes, again and again; nothing is lost or doubled.

Each round's kill lands while a push is in flight, never before the sync got going: a transport
around the client's connection lets the round's k-th push through to the server, holds its answer
back from the engine, and the test kills the server once the server holds that push's ops (it has
received and committed them). So every round cuts a sync short with ops still unconfirmed, and the
ops the server committed without the client taking the answer are confirmed by a replay later.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import threading
from pathlib import Path

import httpx
import pytest

from shared.domain import OpType
from shared.sync.engine import PUSH_PATH
from tests.support.backend import BackendServer
from tests.support.client import audit, open_client, pvz_scene
from tests.support.waiting import sync_until_settled, wait_until

ROUNDS = 8
DEVICE = "pvz-srvkill-1"
BATCH = 20
WAIT_S = 60.0


class PushGate(httpx.BaseTransport):
    """Counts push requests; the armed one goes to the server, and its answer waits for `killed`."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.lock = threading.Lock()
        self.target: int | None = None
        self.pushes = 0
        self.sent_ids: list[str] = []
        self.sent = threading.Event()  # the armed push left the client
        self.failed = threading.Event()  # ... and came to nothing (no answer at all)
        self.killed = threading.Event()

    def arm(self, target: int | None) -> None:
        with self.lock:
            self.target, self.pushes, self.sent_ids = target, 0, []
            for event in (self.sent, self.failed, self.killed):
                event.clear()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != PUSH_PATH:
            return self.inner.handle_request(request)
        with self.lock:
            self.pushes += 1
            armed = self.pushes == self.target
            if armed:
                self.sent_ids = [op["op_id"] for op in json.loads(request.content)["ops"]]
        if not armed:
            return self.inner.handle_request(request)
        self.sent.set()
        try:
            response = self.inner.handle_request(request)
        except BaseException:
            self.failed.set()
            raise
        self.killed.wait(WAIT_S)  # the engine gets this answer only after the server is dead
        return response

    def close(self) -> None:
        self.inner.close()


def server_holds(server: BackendServer, op_ids: list[str]) -> bool:
    """Whether the server has committed every one of these ops (read straight from its database)."""
    if server.database_url:
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool

        engine = create_engine(server.database_url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                n = conn.execute(
                    text("SELECT count(*) FROM op_results WHERE op_id = ANY(:ids)"), {"ids": op_ids}
                ).scalar_one()
            return int(n) == len(op_ids)
        finally:
            engine.dispose()
    db = sqlite3.connect(f"file:{server.data_dir / 'backend.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        marks = ",".join("?" * len(op_ids))
        row = db.execute(f"SELECT count(*) FROM op_results WHERE op_id IN ({marks})", op_ids).fetchone()
        return int(row[0]) == len(op_ids)
    finally:
        db.close()


@pytest.mark.slow
def test_server_killed_during_pushes(tmp_path: Path, backend_database: str | None) -> None:
    rnd = random.Random(77)
    gate = PushGate()
    with BackendServer(tmp_path / "backend", database_url=backend_database) as server:
        scene = pvz_scene(server, units=3, device_id=DEVICE)
        store, engine, client = open_client(
            tmp_path / "pvz.sqlite3",
            server.url,
            scene.token,
            DEVICE,
            timeout=3.0,
            max_attempts=2,
            transport=gate,
        )
        engine.batch_size = BATCH  # many small pushes, so a round has pushes before and after the kill
        assert engine.sync_once().ok
        unit_ids = [u["id"] for u in scene.order["units"]]
        confirmed: list[str] = []
        interrupted = 0
        for _round in range(ROUNDS):
            for _ in range(rnd.randint(60, 160)):
                unit = store.unit(rnd.choice(unit_ids))
                assert unit is not None
                cell = rnd.choice([c for c in scene.cells if c != unit.cell_id])
                confirmed.append(
                    store.record(
                        OpType.MOVE_UNIT, {"unit_id": unit.id, "cell_id": cell}, scene.actor
                    ).op.op_id
                )
            pushes = -(-store.pending_count() // BATCH)
            gate.arm(rnd.randint(1, pushes - 1))  # never the last push: ops are left after it
            worker = threading.Thread(target=engine.sync_once)
            worker.start()

            def push_sent_or_sync_over(w: threading.Thread = worker) -> bool:
                return gate.sent.is_set() or not w.is_alive()

            wait_until(push_sent_or_sync_over, WAIT_S, "the armed push is sent")
            assert gate.sent.is_set(), f"the sync ended before push {gate.target}: {engine.status.last_error}"
            wait_until(
                lambda: gate.failed.is_set() or server_holds(server, gate.sent_ids),
                WAIT_S,
                "the server has received and committed the armed push",
            )
            assert not gate.failed.is_set(), "the armed push got no answer from a live server"
            server.kill()
            gate.killed.set()
            worker.join(WAIT_S)
            assert not worker.is_alive()
            assert store.pending_count() > 0  # the kill cut this sync short
            interrupted += 1
            server.start()
            if client.base_url != httpx.URL(server.url):
                client.base_url = httpx.URL(server.url)
        gate.arm(None)
        healing_syncs = sync_until_settled(engine, store)
        figures = audit(store, server, confirmed)
        print(
            f"\nserver SIGKILL: rounds={ROUNDS} interrupted_pushes={interrupted} healing_syncs={healing_syncs} "
            f"ops={figures['ops']} replayed={figures['replayed']} server={figures['server']} "
            f"lost={figures['lost']} duplicated={figures['duplicated']} pending={figures['pending']}",
            file=sys.stderr,
        )
        assert interrupted == ROUNDS
        assert figures["lost"] == 0
        assert figures["duplicated"] == 0
        assert figures["pending"] == 0
        assert figures["server"] == figures["ops"] == len(confirmed)
        store.close()
        client.close()
        scene.world.close()
