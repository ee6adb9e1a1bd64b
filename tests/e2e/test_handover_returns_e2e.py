"""End to end, the return direction, two devices and a real uvicorn: the PVZ app hands two return
boxes to a courier (badge, a seal scanned per box, on the act); the warehouse terminal receives one
under another seal, broken, photographed with F4, and never gets the other; after a sync both devices
show the same discrepancies, the photo on them and on the server."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shared.barcodes import make_badge_label
from shared.qt.camera import ImageFrameSource
from shared.qt.photo_capture import PhotoCaptureDialog
from tests.qt.pvz_harness import PvzHarness
from tests.qt.test_pvz_evidence import _in_dialog
from tests.qt.test_pvz_flows import open_shift
from tests.qt.test_terminal_flows import Harness
from tests.support.backend import BackendServer
from tests.support.world import World

COURIER = make_badge_label(88)


def test_a_broken_other_seal_and_a_missing_return_box_show_on_both_devices(
    qapp: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    with BackendServer(tmp_path / "backend") as server, World.standard(server) as world:
        refused: list[dict[str, Any]] = []
        for sku in world.skus[:2]:  # two orders delivered to the PVZ and refused at the counter
            order = world.place_order(world.customer, world.pvz1, [sku])
            world.pay(order)
            box = world.ship(order)
            world.accept(order, box)
            world.issue(order, refuse=tuple(u["id"] for u in order["units"]))
            refused.append(world.get_order(world.customer, order["id"]))

        pvz = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", server.url, world.pvz1)
        try:
            open_shift(pvz, world)
            pvz.key(Qt.Key.Key_F4)
            returns: Any = pvz.current
            assert returns.key == "returns"
            boxes: list[str] = []
            for order in refused:  # one return box per refused unit, packed and closed
                pvz.key(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
                assert returns.box is not None
                boxes.append(returns.box.id)
                pvz.scan(order["units"][0]["label"])
                assert pvz.tone == "success", pvz.banner
                pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
                assert returns.box is None
            first, second = boxes

            pvz.key(Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)  # hand over to the courier
            pvz.scan(first)
            pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no badge yet: refused
            assert pvz.tone == "error" and "badge" in pvz.banner
            pvz.scan(COURIER)
            pvz.scan("S5000001")
            pvz.scan(second)
            pvz.scan("S5000002")
            pvz.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            assert pvz.tone == "success", pvz.banner
            [handover] = [
                op for op, _s in pvz.app.store.journal(limit=1000) if op.type.value == "return.handover"
            ]
            assert handover.payload["courier_badge"] == COURIER
            assert handover.payload["seals"] == {first: "S5000001", second: "S5000002"}
            pvz.sync()
            assert pvz.app.store.pending_count() == 0 and pvz.app.store.conflicts_count() == 0

            pvz.app.window.hide()  # the warehouse's turn: its keys (F2, F3, F4) go to the terminal alone
            term = Harness(qtbot, server, world, tmp_path / "t")
            try:
                term.window.activateWindow()
                qtbot.waitUntil(term.window.isActiveWindow, timeout=5000)
                term.login()
                term.sync()
                term.window.navigate("returns")
                screen: Any = term.window.screens["returns"]
                term.scan(first)
                assert term.tone == "ok" and "seal" in term.window.current.prompt.text.lower()
                source = ImageFrameSource(
                    [Image.new("RGB", (640, 480), (120, 30, 160))], interval_ms=10, hold_last=True
                )
                screen.ctx.camera_source = lambda: source

                def shoot(dialog: PhotoCaptureDialog) -> None:
                    try:
                        qtbot.waitUntil(lambda: dialog._frame is not None, timeout=5000)
                        dialog.take()  # the shutter (F1 on the handheld: tests/qt/test_terminal_photos.py)
                    finally:
                        dialog.accept()

                _in_dialog(shoot)
                term.key(Qt.Key.Key_F4)  # the seal is broken: photos of the box
                qtbot.waitUntil(term.window.isActiveWindow, timeout=5000)
                assert len(screen.flow.photos) == 1 and "(1)" in screen.broken.text()
                [sha] = screen.flow.photos
                term.scan("S5000099")  # the number on the broken seal is not the one sent
                term.scan(refused[0]["units"][0]["label"])
                term.key(Qt.Key.Key_F2)
                assert term.tone == "ok", screen.last_text
                [close] = [op for op in term.t.store.pending_ops() if op.type.value == "return.receipt_close"]
                assert (close.payload["seal"], close.payload["seal_broken"]) == ("S5000099", True)
                assert close.payload["photos"] == [sha]
                photo = term.t.store.photo(sha)
                assert photo is not None and (photo.subject, photo.subject_kind) == (first, "box")
                term.sync()
                assert term.t.store.pending_count() == 0 and term.t.store.conflicts_count() == 0
                assert term.t.store.pending_photo_count() == 0
                got = world.client(world.picker).get(f"/api/v1/evidence/{sha}")
                assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha

                expected = {(first, "seal_mismatch"), (first, "seal_broken"), (second, "not_received")}
                at_warehouse = {(d.box_id, d.kind) for d in term.t.store.discrepancies("return")}
                assert at_warehouse == expected
                broken = next(d for d in term.t.store.discrepancies() if d.kind == "seal_broken")
                assert broken.photos == (sha,) and broken.courier_badge == COURIER
                term.window.navigate("menu")
                term.window.navigate("returns")
                listed = [screen.units.item(i).text() for i in range(screen.units.count())]
                assert any(first[-6:] in line and "S5000099" in line for line in listed), listed
                assert any(first[-6:] in line and "photos: 1" in line for line in listed), listed
                assert any(second[-6:] in line and "not received" in line for line in listed), listed
            finally:
                term.close()

            pvz.app.window.show()
            pvz.app.window.activateWindow()
            qtbot.waitUntil(pvz.app.window.isActiveWindow, timeout=5000)
            pvz.sync()
            at_pvz = {(d.box_id, d.kind) for d in pvz.app.store.discrepancies("return")}
            assert at_pvz == expected
            pvz.key(Qt.Key.Key_F3)
            pvz.key(Qt.Key.Key_F4)  # the returns screen again, the pulled discrepancies on it
            shown = pvz.current.discrepancy_line.text()  # type: ignore[attr-defined]
            assert first[-6:] in shown and second[-6:] in shown and "S5000099" in shown
        finally:
            pvz.close()
