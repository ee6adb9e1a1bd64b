"""Acknowledged ops leave the device's journal after the retention, and only then (real backend).

The journal would otherwise grow for ever on a busy counter; the restore re-send needs the ops the
server acknowledged since its oldest backup, so the retention (90 days) outlasts the backups (14).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from shared.domain import ManualClock, OpType
from tests.support.backend import BackendServer
from tests.support.client import open_client, pvz_scene, server_ops

DEVICE = "pvz-pc-retention"


def test_a_sync_prunes_ops_acknowledged_before_the_retention_once_a_day(tmp_path: Path) -> None:
    clock = ManualClock(datetime.now(UTC))
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=2, device_id=DEVICE)
        store, engine, client = open_client(
            tmp_path / "pvz.sqlite3", server.url, scene.token, DEVICE, clock=clock
        )
        assert engine.sync_once().ok  # the first sync brings the accepted units
        units = [u["id"] for u in scene.order["units"]]
        for i in range(3):
            store.record(OpType.MOVE_UNIT, {"unit_id": units[i % 2], "cell_id": scene.cells[i]}, scene.actor)
        first = engine.sync_once()
        assert first.ok and first.applied == 3 and first.pruned == 0
        assert [op.seq for op, _ in store.journal()] == [1, 2, 3]

        clock.advance(timedelta(days=60).total_seconds())  # younger than the retention: all kept
        kept = engine.sync_once()
        assert kept.ok and kept.pruned == 0 and len(store.journal()) == 3

        clock.advance(timedelta(days=31).total_seconds())  # 91 days after the acknowledgement
        pruned = engine.sync_once()
        assert pruned.ok and pruned.pruned == 2  # the newest op stays: it carries the last seq
        assert [op.seq for op, _ in store.journal()] == [3]
        assert [seq for seq, _, status in server_ops(server, DEVICE)] == [1, 2, 3]  # the server keeps all

        again = engine.sync_once()  # the same day: no second pass over the journal
        assert again.ok and again.pruned == 0
        store.close()
        client.close()
        scene.world.close()
