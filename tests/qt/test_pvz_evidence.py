"""The PVZ's Disputes screen against a real backend: scan a unit, photograph it with a (virtual)
camera, the photo reaches the server with the next sync, and the dispute pack is saved as a ZIP."""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from shared.qt.camera import ImageFrameSource
from shared.qt.photo_capture import PhotoCaptureDialog
from tests.qt.pvz_harness import PvzHarness
from tests.qt.test_pvz_flows import open_shift, shipped_order
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


def _in_dialog(action: Any) -> None:
    """Run ``action(dialog)`` on the photo dialog once it is open (it runs modally)."""

    deadline = time.monotonic() + 20

    def poke() -> None:
        # look among the visible top-level widgets, not only the active modal one: a dialog another
        # test left behind must not hide the photo dialog (the test then waited forever)
        found = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, PhotoCaptureDialog) and w.isVisible()
        ]
        if not found:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poke)
            else:  # leave no modal loop running forever: close whatever modal is up
                modal = QApplication.activeModalWidget()
                if modal is not None:
                    modal.close()
            return
        action(found[-1])

    QTimer.singleShot(20, poke)


def test_photograph_a_unit_sync_it_and_save_its_dispute_pack(
    pvz: PvzHarness, world: World, qtbot: Any, tmp_path: Path
) -> None:
    order, box = shipped_order(world, 1, [world.skus[2]])
    open_shift(pvz, world)
    label = order["units"][0]["label"]
    frame = Image.new("RGB", (640, 480), (30, 90, 200))
    source = ImageFrameSource([frame], interval_ms=10, hold_last=True)
    pvz.app.ctx.ports.camera_source = lambda: source
    saved_to = tmp_path / "pack.zip"
    pvz.app.ctx.ports.ask_save_path = lambda _suggested: str(saved_to)

    pvz.key(Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert pvz.current.key == "dispute"
    pvz.scan(box)
    screen: Any = pvz.current
    assert screen.subject is not None and screen.subject.kind == "box"
    pvz.scan(label)
    assert screen.subject.kind == "unit" and screen.subject.shown == label

    def shoot(dialog: PhotoCaptureDialog) -> None:
        try:
            qtbot.waitUntil(lambda: dialog._frame is not None, timeout=5000)
            dialog.take()
        finally:
            dialog.accept()  # never leave a modal dialog open over the test

    _in_dialog(shoot)
    pvz.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pvz.app.window.isActiveWindow, timeout=5000)  # back to the window's shortcuts
    photos = pvz.app.store.photos_for(order["units"][0]["id"])
    assert len(photos) == 1 and photos[0].subject_kind == "unit"
    sha = photos[0].sha256
    assert pvz.app.store.pending_photo_count() == 1
    assert sha in screen.pack.photos

    pvz.sync()  # the same worker uploads the queued photo after the sync
    assert pvz.app.store.pending_photo_count() == 0
    got = world.client(world.clerk1).get(f"/api/v1/evidence/{sha}")
    assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha

    pvz.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with zipfile.ZipFile(saved_to) as zf:
        names = zf.namelist()
        assert "act.pdf" in names and any(n.startswith(f"photos/{sha}") for n in names)
    assert "saved" in pvz.banner.lower()


def test_no_camera_leaves_the_file_picker(pvz: PvzHarness, world: World, tmp_path: Path) -> None:
    picture = tmp_path / "damage.png"
    Image.new("RGB", (100, 80), (250, 200, 0)).save(picture)

    class NoCamera(ImageFrameSource):
        def start(self) -> bool:
            return False

    dialog = PhotoCaptureDialog(
        lambda data: hashlib.sha256(data).hexdigest(),
        source_factory=lambda: NoCamera([]),
        pick_file=lambda: str(picture),
    )
    assert not dialog.shutter.isEnabled() and "No camera" in dialog.preview.text()
    dialog.choose_file()
    assert dialog.taken == [hashlib.sha256(picture.read_bytes()).hexdigest()]  # kept byte for byte
    dialog.close()
