"""Camera scanning through the real apps: a virtual camera feeds 1280x720 frames rendered from our own
labels, the camera driver decodes them on its thread, and the codes reach the active screen through
the same ScannerBridge as a hardware scan.

PVZ: a customer holds up a phone with the pickup QR; F11 opens the camera on the issuing screen, the
order opens, and a unit label held at an angle is fetched. Terminal: F6 opens the camera in the
header, a badge read by it reaches the login screen. With no camera the panel says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from shared.barcodes import ScanKind, make_badge_label, make_cell_label, parse
from shared.qt.camera import CameraPanel, FrameSource, ImageFrameSource
from shared.qt.scanner_bridge import ScannerBridge
from shared.qt.status import SCANNER_NONE
from shared.scanning.events import ScanEvent
from tests.qt.pvz_harness import PvzHarness
from tests.support.backend import BackendServer
from tests.support.camera_frames import LabelSpec, phone_frame, render_frame
from tests.support.world import World

pytest.importorskip("zxingcpp")


def camera(*frames: Any, name: str = "virtual camera") -> Any:
    """A source factory for a virtual camera showing `frames`, the last one held in view."""
    return lambda: ImageFrameSource(list(frames), name, interval_ms=30, hold_last=True)


class NoCamera(FrameSource):
    def start(self) -> bool:
        return False


# --- the PVZ issuing screen ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with BackendServer(tmp_path_factory.mktemp("backend")) as server, World.standard(server) as w:
        yield w


@pytest.fixture
def pvz(qapp: Any, qtbot: Any, tmp_path: Path, world: World) -> Iterator[PvzHarness]:
    h = PvzHarness.start(qapp, qtbot, tmp_path / "pvz", world.server.url, world.pvz1)
    yield h
    h.close()


def test_a_customer_s_phone_qr_through_the_camera_opens_the_order(pvz: PvzHarness, world: World) -> None:
    order = world.place_order(world.customer, world.pvz1, world.skus[:2])
    world.pay(order)
    box = world.ship(order)
    order = world.get_order(world.customer, order["id"])
    pvz.login(world.clerk1)
    pvz.sync()
    if pvz.current.key == "shift" and pvz.app.ctx.flows.shift.current() is None:
        pvz.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    pvz.key(Qt.Key.Key_F3)  # accept the box with the hardware scanner
    pvz.scan(box)
    acceptance: Any = pvz.current
    for unit in order["units"]:
        pvz.scan(unit["label"])
        pvz.scan(make_cell_label(world.pvz1, acceptance.session.placement.cell.number))
    pvz.close_box()

    pvz.key(Qt.Key.Key_F2)
    issuing: Any = pvz.current
    assert issuing.key == "issuing"
    assert not issuing.camera.isVisible()
    qr = world.pickup_code(order)["qr"]
    issuing.camera.source_factory = camera(phone_frame(qr))
    seen: list[ScanEvent] = []
    pvz.app.ctx.scanner.scanned.connect(seen.append)
    pvz.key(Qt.Key.Key_F11)
    assert issuing.camera.is_open
    assert "virtual camera" in issuing.camera.status.text()
    pvz.qtbot.waitUntil(lambda: issuing.session is not None, timeout=10_000)
    assert issuing.session.order_id == order["id"]
    assert len(issuing.session.ready) == 2
    # one scan for a phone held up over many frames: no repeat beeps, no second lookup
    pvz.qtbot.wait(300)
    camera_scans = [e for e in seen if e.source.startswith("camera:")]
    assert [parse(e.text).kind for e in camera_scans] == [ScanKind.PICKUP]
    assert camera_scans[0].symbology == "]Q1"
    # the status bar's scanner state is the hardware scanner's, not the camera's
    assert pvz.app.ctx.status.snapshot.scanner != SCANNER_NONE

    pvz.key(Qt.Key.Key_F11)  # closed
    assert not issuing.camera.is_open and not issuing.camera.isVisible()
    first = order["units"][0]
    spec = LabelSpec("unit", ScanKind.UNIT, first["label"], ("Иванова А. С.",))
    issuing.camera.source_factory = camera(render_frame(spec, "rotated"))
    pvz.key(Qt.Key.Key_F11)
    pvz.qtbot.waitUntil(lambda: first["id"] in issuing.session.fetched, timeout=10_000)

    pvz.key(Qt.Key.Key_F3)  # another flow: the camera stops watching
    assert not issuing.camera.is_open


# --- the terminal ----------------------------------------------------------------------------------


def test_the_terminal_reads_a_badge_with_its_camera(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    from scanner_app.__main__ import TerminalConfig, build

    config = TerminalConfig(
        backend_url="http://127.0.0.1:9",  # no server: the badge is read all the same
        data_dir=tmp_path / "terminal",
        device_id="TERM-CAMERA-1",
        lang="en",
        inline=True,
        wedge=False,
        sync_interval_ms=3_600_000,
    )
    t = build(config)
    window = t.window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the F-keys are the window's shortcuts
    try:
        badge = make_badge_label(123456789)
        spec = LabelSpec("badge", ScanKind.BADGE, badge, ("Сидоров П.",))
        window.camera.source_factory = camera(render_frame(spec, "dim"), name="rear camera")
        assert window.camera_button.text() == "F6 Camera"
        qtbot.keyClick(window, Qt.Key.Key_F6)
        assert window.camera.is_open and window.camera_button.isChecked()
        assert "rear camera" in window.camera.status.text()
        # the preview floats over the screen: the terminal stays 480x800 and the header thin
        assert window.stack.geometry().contains(window.camera.geometry())
        assert window.title.parentWidget().height() <= 48
        qtbot.waitUntil(lambda: window.login.badge == badge, timeout=10_000)
        assert "Badge read" in window.login.last_text
        qtbot.keyClick(window, Qt.Key.Key_F6)
        assert not window.camera.is_open and not window.camera_button.isChecked()
    finally:
        window.close()
        t.bridge.stop()
        t.store.close()


# --- the panel alone -------------------------------------------------------------------------------


def test_no_camera_is_said_in_the_status_line(qtbot: Any) -> None:
    bridge = ScannerBridge()
    panel = CameraPanel(bridge, source_factory=NoCamera)
    qtbot.addWidget(panel)
    assert not panel.open_camera()
    assert panel.isVisibleTo(panel.parentWidget() or panel)
    assert "No camera found" in panel.status.text()
    assert panel.scanner is None  # no camera, no decoder loaded
    panel.toggle()
    assert not panel.isVisible()


def test_frames_the_decoder_is_busy_with_are_not_converted(qtbot: Any) -> None:
    bridge = ScannerBridge()
    got: list[ScanEvent] = []
    bridge.set_target(got.append)
    spec = LabelSpec("cell", ScanKind.CELL, make_cell_label("PVZ-DEMO-1", 7), ("Ячейка 7",))
    frames = [render_frame(spec, "sharp")] * 40
    source = ImageFrameSource(frames, interval_ms=0)
    panel = CameraPanel(bridge, source_factory=lambda: source)
    qtbot.addWidget(panel)
    assert panel.open_camera()
    while source.step():  # 40 frames as fast as the GUI thread can send them
        pass
    assert panel.scanner is not None
    panel.scanner.wait_idle()
    qtbot.waitUntil(lambda: len(got) == 1)
    assert parse(got[0].text).code == spec.code
    assert panel.scanner.stats.decoded < 40  # the rest were skipped, not queued
    panel.close_camera()
