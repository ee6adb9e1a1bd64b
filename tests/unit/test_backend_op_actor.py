"""An op's actor: a shared counter PC may push a colleague's offline work, but never borrow the role
of someone who never used that device."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from shared.domain import IdFactory, ManualClock, SystemClock, utc_iso
from tests.support.inprocess import InProcessBackend
from tests.support.world import Account, World

DEVICE = "pvz-counter-1"


@pytest.fixture
def w(tmp_path: Path, backend_database: str | None) -> Iterator[World]:
    """On SQLite and on PostgreSQL."""
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    with (
        InProcessBackend(tmp_path / "b", clock=clock, database_url=backend_database) as backend,
        World.standard(backend) as world,
    ):
        yield world


def _push(w: World, caller: Account, seq: int, actor: str) -> dict[str, Any]:
    op = {
        "op_id": IdFactory(SystemClock()).new(),
        "device_id": DEVICE,
        "seq": seq,
        "type": "shift.open",
        "payload": {"shift_id": f"S{seq}"},
        "actor": actor,
        "created_at": utc_iso(w.server.clock.now()),  # type: ignore[union-attr]
    }
    client = w.server.client(w.login(caller, DEVICE))
    resp = client.post("/api/v1/sync/push", json={"device_id": DEVICE, "ops": [op]})
    assert resp.status_code == 200, resp.text
    result: dict[str, Any] = resp.json()["results"][0]
    return result


def test_an_actor_must_have_used_the_device(w: World) -> None:
    colleague = w.add_user("clerk1b", "clerk", w.pvz1)
    # never logged in on this counter: the device cannot name them
    refused = _push(w, w.clerk1, 1, colleague.user_id)
    assert refused["status"] == "rejected" and refused["reason"]["code"] == "forbidden_role"
    # nor an admin it never saw, to borrow an admin's role
    assert _push(w, w.clerk1, 2, w.admin.user_id)["status"] == "rejected"
    # the colleague logs in on this counter once; their offline work, pushed later while clerk1 is
    # logged in again, is accepted
    w.login(colleague, DEVICE)
    assert _push(w, w.clerk1, 3, colleague.user_id)["status"] == "applied"
    assert _push(w, w.clerk1, 4, w.clerk1.user_id)["status"] == "applied"


def test_a_garbage_pull_cursor_is_a_400_not_a_500(w: World) -> None:
    client = w.server.client(w.login(w.clerk1, DEVICE))
    for cursor in ("²", "9" * 40, "-1", "abc"):
        resp = client.get("/api/v1/sync/pull", params={"cursor": cursor})
        assert resp.status_code == 400, (cursor, resp.text)
        assert resp.json()["error"]["code"] in {"invalid_cursor", "invalid_request"}
