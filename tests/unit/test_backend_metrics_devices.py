"""Only an authenticated device's own sync requests put it in the metrics' device table: headers
alone (even on /health) add nothing, and a flood of made-up names cannot push real devices out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

import backend_stub.metrics as metrics
from shared.domain import ManualClock
from tests.support.inprocess import InProcessBackend
from tests.support.world import World

REAL = "pvz-real-pc-1"
SPOOF = {"X-WB-Device": "made-up-0", "X-WB-Pending-Ops": "7"}


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with InProcessBackend(tmp_path / "b", clock=clock) as backend, World.standard(backend) as world:
        yield world


def _devices(w: World) -> dict[str, int]:
    reports = w.server.app.state.metrics.snapshot()[4]  # type: ignore[union-attr]
    return {device: report.pending for device, report in reports.items()}


def test_headers_without_a_bound_token_register_no_device(w: World) -> None:
    anon = w.anonymous
    assert anon.get("/health", headers=SPOOF).status_code == 200
    assert anon.get("/api/v1/sync/pull", headers=SPOOF).status_code == 401
    # a clerk whose token is bound to no device, claiming one in the header
    unbound = w.login(w.clerk1)
    assert anon.get("/api/v1/sync/pull", headers={**SPOOF, "Authorization": f"Bearer {unbound}"}).is_success
    # a device-bound token on a route that is not sync does not report either
    bound = w.login(w.clerk2, REAL)
    assert anon.get("/api/v1/auth/me", headers={**SPOOF, "Authorization": f"Bearer {bound}"}).is_success
    assert _devices(w) == {}

    # the bound device's sync request counts, under its own id whatever the header claims
    assert anon.get("/api/v1/sync/pull", headers={**SPOOF, "Authorization": f"Bearer {bound}"}).is_success
    assert _devices(w) == {REAL: 7}
    # a garbage count is ignored, the last good one stays
    bad = {"X-WB-Pending-Ops": "-3", "Authorization": f"Bearer {bound}"}
    assert anon.get("/api/v1/sync/pull", headers=bad).is_success
    assert _devices(w) == {REAL: 7}


def test_a_flood_of_made_up_devices_cannot_hide_a_real_one(w: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "MAX_DEVICES", 5)
    for i in range(10):  # twice what the table holds; each used to take a slot
        headers = {"X-WB-Device": f"flood-{i}", "X-WB-Pending-Ops": "1"}
        assert w.anonymous.get("/health", headers=headers).status_code == 200
    bound = w.login(w.clerk1, REAL)
    pull = w.anonymous.get(
        "/api/v1/sync/pull", headers={"Authorization": f"Bearer {bound}", "X-WB-Pending-Ops": "2"}
    )
    assert pull.is_success
    assert _devices(w) == {REAL: 2}
