"""The client process is SIGKILLed at random points while it records and syncs, 200 times.

Each run is a forked child that opens the same store file, records moves and shift ops (logging
each op id only after `record` returned, i.e. after it was confirmed), and syncs in a loop against
a real backend on loopback; the parent kills it after a random delay. After a final clean sync the
server holds every confirmed op exactly once and nothing is pending.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

import pytest

from shared.domain import OpType, SystemClock
from tests.support.backend import BackendServer
from tests.support.client import PvzScene, audit, open_client, pvz_scene

RUNS = int(os.environ.get("WB_CLIENT_KILL_RUNS", "200"))
DEVICE = "pvz-kill-1"


def _child(
    db: Path,
    url: str,
    token: str,
    scene_units: list[str],
    cells: list[str],
    actor: object,
    seed: int,
    log: Path,
) -> None:
    rnd = random.Random(seed)
    store, engine, _client = open_client(
        db, url, token, DEVICE, clock=SystemClock(), timeout=5.0, max_attempts=2
    )
    with open(log, "a", encoding="utf-8") as confirmed:
        n = 0
        while True:
            for _ in range(rnd.randint(1, 6)):
                n += 1
                if rnd.random() < 0.2:
                    rec = store.record(OpType.SHIFT_OPEN, {"shift_id": f"s-{seed}-{n}"}, actor)  # type: ignore[arg-type]
                else:
                    unit = store.unit(rnd.choice(scene_units))
                    assert unit is not None
                    cell = rnd.choice([c for c in cells if c != unit.cell_id])
                    rec = store.record(OpType.MOVE_UNIT, {"unit_id": unit.id, "cell_id": cell}, actor)  # type: ignore[arg-type]
                confirmed.write(rec.op.op_id + "\n")
                confirmed.flush()
            if rnd.random() < 0.7:
                engine.sync_once()


@pytest.mark.slow
def test_client_killed_at_random_points_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    db, log = tmp_path / "pvz.sqlite3", tmp_path / "confirmed.txt"
    log.touch()
    with BackendServer(tmp_path / "backend") as server:
        scene: PvzScene = pvz_scene(server, units=3, device_id=DEVICE)
        unit_ids = [u["id"] for u in scene.order["units"]]
        # First sync in-process so the children start with the accepted units in the store.
        store, engine, client = open_client(db, server.url, scene.token, DEVICE)
        assert engine.sync_once().ok
        store.close()
        client.close()
        rnd = random.Random(4242)
        started = time.monotonic()
        for run in range(RUNS):
            p = ctx.Process(
                target=_child,
                args=(db, server.url, scene.token, unit_ids, scene.cells, scene.actor, run, log),
                daemon=True,
            )
            p.start()
            time.sleep(rnd.uniform(0.01, 0.35))
            p.kill()
            p.join(10)
            assert p.exitcode is not None, "a child did not die"
        # Heal: one clean sync from a fresh process state.
        store, engine, client = open_client(db, server.url, scene.token, DEVICE)
        for _ in range(3):
            if engine.sync_once().ok and store.pending_count() == 0:
                break
        confirmed = [line for line in log.read_text().split() if line]
        figures = audit(store, server, confirmed)
        figures["runs"] = RUNS
        print(
            f"\nclient SIGKILL: runs={RUNS} ops={figures['ops']} confirmed={figures['confirmed']} "
            f"replayed={figures['replayed']} server={figures['server']} lost={figures['lost']} duplicated={figures['duplicated']} "
            f"pending={figures['pending']} ({time.monotonic() - started:.0f} s)",
            file=sys.stderr,
        )
        assert figures["confirmed"] > RUNS  # the runs did real work
        assert (
            figures["replayed"] > 0
        )  # some answers were lost after the server committed: replayed, not redone
        assert figures["lost"] == 0
        assert figures["duplicated"] == 0
        assert figures["pending"] == 0
        assert figures["server"] == figures["ops"]
        # Local state agrees with the server after the pull: every unit sits where the last move put it.
        last_cell: dict[str, str] = {}
        for op, _state in store.journal(limit=10**9):
            if op.type is OpType.MOVE_UNIT:
                last_cell[str(op.payload["unit_id"])] = str(op.payload["cell_id"])
        for uid, cell in last_cell.items():
            unit = store.unit(uid)
            assert unit is not None and unit.cell_id == cell and not unit.pending
        store.close()
        client.close()
        scene.world.close()
