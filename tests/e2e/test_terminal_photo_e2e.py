"""End to end: a picker photographs a damaged item at a pick line on the terminal and records the
short; after the sync the backend holds the photo once, and the short op names it, once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from backend_stub.db import evidence, op_results
from shared.qt.camera import ImageFrameSource
from shared.qt.photo_capture import PhotoCaptureDialog
from tests.qt.test_terminal_flows import Harness, location_label, paid_order
from tests.qt.test_terminal_photos import in_dialog
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendServer]:
    with BackendServer(tmp_path_factory.mktemp("terminal-photo")) as srv:
        yield srv


@pytest.fixture(scope="module")
def world(server: BackendServer) -> Iterator[World]:
    with World.standard(server) as w:
        yield w


def test_a_damage_photo_from_the_terminal_reaches_the_backend_once(
    qtbot: QtBot, server: BackendServer, world: World, tmp_path: Path
) -> None:
    _order, task = paid_order(world, world.pvz1, [world.skus[3]])
    h = Harness(qtbot, server, world, tmp_path)
    try:
        h.login()
        h.sync()
        h.window.navigate("pick", task["id"])
        pick: Any = h.window.screens["pick"]
        h.scan(location_label(pick.flow.current.location_id))
        source = ImageFrameSource(
            [Image.new("RGB", (640, 480), (90, 20, 160))], interval_ms=10, hold_last=True
        )
        pick.ctx.camera_source = lambda: source

        def shoot(dialog: PhotoCaptureDialog) -> None:
            try:
                qtbot.waitUntil(lambda: dialog._frame is not None, timeout=5000)
                dialog.take()
            finally:
                dialog.accept()

        in_dialog(shoot)
        h.key(Qt.Key.Key_F4)
        qtbot.waitUntil(h.window.isActiveWindow, timeout=5000)
        (sha,) = pick.photos
        h.key(Qt.Key.Key_F2)
        h.key(Qt.Key.Key_F2)
        h.sync()
        h.sync()  # a second sync sends nothing again
        assert h.t.store.pending_photo_count() == 0 and h.t.store.pending_count() == 0

        ctx = server.context()
        try:
            with ctx.db.read() as conn:
                held = conn.execute(
                    select(func.count()).select_from(evidence).where(evidence.c.sha256 == sha)
                )
                assert held.scalar() == 1
                rows = conn.execute(
                    select(op_results.c.payload, op_results.c.status).where(
                        op_results.c.device_id == h.config.device_id, op_results.c.type == "pick.skip"
                    )
                ).all()
        finally:
            ctx.db.dispose()
        assert len(rows) == 1 and rows[0].status == "applied" and f'"{sha}"' in rows[0].payload
        got = world.client(world.admin).get(f"/api/v1/evidence/{sha}")
        assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha
    finally:
        h.close()
