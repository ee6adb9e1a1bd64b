"""The receiving side of the handover at the PVZ, against a real backend: the warehouse closed the
route with a seal on the box; the clerk cannot close the box without saying what seal is on it.
Ctrl+J records that it came without one, Ctrl+K that the seal is broken (with photos of the box);
after a sync the PVZ lists what the server found different."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from shared.barcodes import make_badge_label, make_cell_label
from shared.qt.camera import ImageFrameSource
from shared.qt.photo_capture import PhotoCaptureDialog
from tests.qt.pvz_harness import PvzHarness
from tests.qt.test_pvz_evidence import _in_dialog
from tests.qt.test_pvz_flows import open_shift
from tests.support.backend import BackendServer
from tests.support.world import World


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


def sealed_box(world: World, sku: str, seal: str) -> tuple[dict[str, Any], str]:
    """An order shipped alone in a box the warehouse sealed with ``seal`` and handed to a courier."""
    order = world.place_order(world.customer, world.pvz1, [sku])
    world.pay(order)
    world.pick(order)
    box = world.pack(order)
    world.dispatch([box], world.pvz1, handover={"courier_badge": make_badge_label(31), "seals": {box: seal}})
    return world.get_order(world.customer, order["id"]), box


def accept_units(pvz: PvzHarness, world: World, order: dict[str, Any]) -> Any:
    screen: Any = pvz.current
    for unit in order["units"]:
        pvz.scan(unit["label"])
        pvz.scan(make_cell_label(world.pvz1, screen.session.placement.cell.number))
    return screen


def closes_of(pvz: PvzHarness, box: str) -> list[dict[str, Any]]:
    return [
        dict(op.payload)
        for op, _state in pvz.app.store.journal(limit=10_000)
        if op.type.value == "box.accept_close" and op.payload.get("box_id") == box
    ]


def test_a_box_without_a_seal_closes_only_when_the_clerk_says_so_and_both_see_it(
    pvz: PvzHarness, world: World
) -> None:
    order, box = sealed_box(world, world.skus[3], "S4400001")
    open_shift(pvz, world)
    pvz.key(Qt.Key.Key_F3)
    pvz.scan(box)
    screen = accept_units(pvz, world, order)
    assert "seal" in pvz.prompt  # every unit placed, the seal is still asked for

    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # close without a word on the seal
    assert pvz.tone == "error" and "Ctrl+J" in pvz.banner
    assert screen.session is not None and closes_of(pvz, box) == []  # still open, nothing journalled

    pvz.key(Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # "the box came without a seal"
    assert "close the box" in pvz.prompt
    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert screen.session is None
    assert [(c["seal"], c["seal_broken"]) for c in closes_of(pvz, box)] == [("", False)]

    pvz.sync()
    assert pvz.app.store.pending_count() == 0 and pvz.app.store.conflicts_count() == 0
    found = [d for d in pvz.app.store.discrepancies("forward") if d.box_id == box]
    assert [(d.kind, d.seal_sent, d.seal_received) for d in found] == [("seal_mismatch", "S4400001", "")]
    shown = screen.discrepancy_line.text()
    assert screen.discrepancy_line.isVisible() and box[-6:] in shown and "no seal" in shown


def test_a_broken_seal_is_photographed_and_the_photos_go_with_the_discrepancy(
    pvz: PvzHarness, world: World, qtbot: Any
) -> None:
    order, box = sealed_box(world, world.skus[4], "S4400002")
    open_shift(pvz, world)
    source = ImageFrameSource([Image.new("RGB", (640, 480), (200, 40, 40))], interval_ms=10, hold_last=True)
    pvz.app.ctx.ports.camera_source = lambda: source
    pvz.key(Qt.Key.Key_F3)
    pvz.scan(box)

    def shoot(dialog: PhotoCaptureDialog) -> None:
        try:
            qtbot.waitUntil(lambda: dialog._frame is not None, timeout=5000)
            dialog.take()
        finally:
            dialog.accept()

    _in_dialog(shoot)
    pvz.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # the seal is broken: photos of the box
    qtbot.waitUntil(pvz.app.window.isActiveWindow, timeout=5000)
    photos = [p.sha256 for p in pvz.app.store.photos_for(box)]
    assert len(photos) == 1 and "broken" in pvz.banner
    assert "seal" in pvz.prompt  # the broken seal's number is still asked for
    pvz.scan("S4400002")
    screen = accept_units(pvz, world, order)
    pvz.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert screen.session is None
    [close] = closes_of(pvz, box)
    assert (close["seal"], close["seal_broken"], close["photos"]) == ("S4400002", True, photos)

    pvz.sync()
    assert pvz.app.store.pending_count() == 0 and pvz.app.store.pending_photo_count() == 0
    found = [d for d in pvz.app.store.discrepancies("forward") if d.box_id == box]
    assert [(d.kind, d.photos) for d in found] == [("seal_broken", tuple(photos))]
    assert "photos: 1" in screen.discrepancy_line.text()
