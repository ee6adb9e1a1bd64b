"""The backend is SIGKILLed while the client pushes, again and again; nothing is lost or doubled."""

from __future__ import annotations

import random
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from shared.domain import OpType
from tests.support.backend import BackendServer
from tests.support.client import audit, open_client, pvz_scene

ROUNDS = 8
DEVICE = "pvz-srvkill-1"


@pytest.mark.slow
def test_server_killed_during_pushes(tmp_path: Path) -> None:
    rnd = random.Random(77)
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=3, device_id=DEVICE)
        store, engine, client = open_client(
            tmp_path / "pvz.sqlite3", server.url, scene.token, DEVICE, timeout=3.0, max_attempts=2
        )
        engine.batch_size = 20  # many small pushes, so kills land between and inside them
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
            worker = threading.Thread(target=engine.sync_once)
            worker.start()
            time.sleep(rnd.uniform(0.0, 0.4))
            server.kill()
            worker.join(60)
            assert not worker.is_alive()
            if store.pending_count() > 0:  # the kill cut this push short
                interrupted += 1
            server.start()
            if client.base_url != httpx.URL(server.url):
                client.base_url = httpx.URL(server.url)
        for _ in range(3):
            if engine.sync_once().ok and store.pending_count() == 0:
                break
        figures = audit(store, server, confirmed)
        print(
            f"\nserver SIGKILL: rounds={ROUNDS} interrupted_pushes={interrupted} ops={figures['ops']} "
            f"replayed={figures['replayed']} server={figures['server']} lost={figures['lost']} duplicated={figures['duplicated']} "
            f"pending={figures['pending']}",
            file=sys.stderr,
        )
        assert interrupted > 0  # the kills really cut pushes short
        assert figures["lost"] == 0
        assert figures["duplicated"] == 0
        assert figures["pending"] == 0
        assert figures["server"] == figures["ops"] == len(confirmed)
        store.close()
        client.close()
        scene.world.close()
