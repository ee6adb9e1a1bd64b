"""Two app instances on one store (the single-instance lock stops this in the apps; a crashed
instance's twin or a script may still do it): a push whose ops the other instance confirmed
meanwhile is a success, not a false "the server confirmed no operation"."""

from __future__ import annotations

from pathlib import Path

import httpx

from shared.domain import OpType
from tests.support.backend import BackendServer
from tests.support.client import open_client, pvz_scene, server_ops

DEVICE = "pvz-twin"


class _FirstLetTheOtherSync(httpx.HTTPTransport):
    """Before this instance's push goes out, the other instance syncs the same journal."""

    def __init__(self, other_sync: list[object]) -> None:
        super().__init__()
        self.other_sync = other_sync

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sync/push") and self.other_sync:
            sync = self.other_sync.pop()
            assert callable(sync)
            assert sync().ok  # type: ignore[attr-defined]
        return super().handle_request(request)


def test_ops_confirmed_by_the_other_instance_meanwhile_are_not_an_error(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=1, device_id=DEVICE)
        db = tmp_path / "pvz.sqlite3"
        first, first_engine, c1 = open_client(db, server.url, scene.token, DEVICE)
        assert first_engine.sync_once().ok
        hook: list[object] = []
        second, second_engine, c2 = open_client(
            db, server.url, scene.token, DEVICE, transport=_FirstLetTheOtherSync(hook)
        )
        unit = scene.order["units"][0]["id"]
        op = first.record(OpType.MOVE_UNIT, {"unit_id": unit, "cell_id": scene.cells[3]}, scene.actor)
        hook.append(first_engine.sync_once)
        report = second_engine.sync_once()
        assert report.ok, report.error
        assert second_engine.status.last_error == ""
        assert [op_id for _, op_id, _ in server_ops(server, DEVICE)] == [op.op.op_id]
        assert second.pending_count() == 0
        for s in (first, second):
            s.close()
        for c in (c1, c2):
            c.close()
