"""A real PVZ client (store + sync engine) works offline, reconnects, and `/metrics` follows its queue."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from shared.domain.operations import OpType
from tests.e2e.test_metrics_endpoint import parse, value
from tests.support.backend import BackendServer, free_port
from tests.support.client import open_client, pvz_scene

DEVICE = "pvz-metrics-pc-1"


class Recording(httpx.HTTPTransport):
    """The real transport, remembering what each request said about the device's queue."""

    def __init__(self) -> None:
        super().__init__()
        self.reports: list[tuple[str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.reports.append((request.url.path, request.headers.get("X-WB-Pending-Ops")))
        return super().handle_request(request)


def _scrape(server: BackendServer) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    token = (server.data_dir / "secrets" / "metrics_token").read_text().strip()
    answer = httpx.get(server.url + "/metrics", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert answer.status_code == 200
    return parse(answer.text)


@pytest.mark.timeout(240)
def test_a_device_queue_shows_in_metrics_and_drains_after_reconnect(tmp_path: Path) -> None:
    with BackendServer(tmp_path / "backend") as server:
        scene = pvz_scene(server, units=2, device_id=DEVICE)
        transport = Recording()
        store, engine, http = open_client(
            tmp_path / "pvz.sqlite3", server.url, scene.token, DEVICE, transport=transport
        )
        try:
            assert engine.sync_once().ok  # first sync: the accepted units arrive
            units = store.units_in_box(scene.box)
            assert len(units) == 2

            # offline: two moves wait in the journal
            http.base_url = httpx.URL(f"http://127.0.0.1:{free_port()}")
            engine.max_attempts = 1
            for unit, cell in zip(units, scene.cells[5:], strict=False):
                store.record(OpType.MOVE_UNIT, {"unit_id": unit.id, "cell_id": cell}, scene.actor)
            assert not engine.sync_once().ok
            assert engine.status.pending == 2

            # back online: the push says "2 waiting", the later requests "0", and so does /metrics
            http.base_url = httpx.URL(server.url)
            transport.reports.clear()
            assert engine.sync_once().ok
            pushes = [pending for path, pending in transport.reports if path.endswith("/sync/push")]
            assert pushes and pushes[0] == "2"
            assert transport.reports[-1][1] == "0"
        finally:
            http.close()
            store.close()

        samples = _scrape(server)
        assert value(samples, "wb_device_pending_ops", device=DEVICE) == 0
        pushed = value(samples, "wb_device_last_seq", device=DEVICE, site=scene.world.pvz1)
        assert pushed >= 2
        assert value(samples, "wb_sync_ops_total", status="applied") >= 2
