"""Camera scanning without Qt: frames rendered from our own labels decode to what a hardware
scanner sends (AIM prefix, GS kept), a code in view is one scan, a slow decoder drops frames
instead of queueing them, and nothing loads zxing-cpp or Qt Multimedia before a camera opens."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from shared.barcodes import ScanKind, parse
from shared.domain.clock import ManualClock
from shared.scanning import ScannerDriver
from shared.scanning.camera import CameraScanner, Decoded, ZxingDecoder, aim_identifier
from shared.scanning.events import GS, Health, ScanEvent
from tests.support.camera_frames import DEGRADATIONS, MARKING, label_specs, render_frame

pytest.importorskip("zxingcpp")

LABELS = label_specs()
# What must read in every degradation (the 2D codes: a phone's QR, a marking code, every label's twin)
ALWAYS = {ScanKind.PICKUP, ScanKind.MARKING, ScanKind.UNIT, ScanKind.CELL, ScanKind.BOX}


@pytest.fixture(scope="module")
def decoder() -> ZxingDecoder:
    return ZxingDecoder(thorough_every=1)


@pytest.mark.parametrize("degradation", DEGRADATIONS)
def test_frames_from_our_labels_parse_back_to_the_label(decoder: ZxingDecoder, degradation: str) -> None:
    read: dict[ScanKind, bool] = {}
    for spec in LABELS:
        found = decoder(render_frame(spec, degradation))
        read[spec.kind] = any(parse(d.text).code == spec.code for d in found)
        for d in found:
            assert d.text == d.symbology + d.content
            assert parse(d.text).kind is spec.kind  # nothing else on the desk reads as a code
    missed = {k for k, ok in read.items() if not ok}
    assert not (missed & ALWAYS), f"{degradation}: {sorted(missed)} not read"


def test_a_marking_datamatrix_keeps_its_gs_and_says_gs1_datamatrix(decoder: ZxingDecoder) -> None:
    spec = next(s for s in LABELS if s.kind is ScanKind.MARKING)
    (found,) = decoder(render_frame(spec, "sharp"))
    assert found.format == "DataMatrix"
    assert found.symbology == "]d2"  # zxing-cpp says ']d8' for this symbol: mapped to GS1's ]d2
    assert found.content == MARKING
    assert f"{GS}91" in found.text and f"{GS}92" in found.text
    scan = parse(found.text)
    assert scan.kind is ScanKind.MARKING
    assert scan.symbology == "datamatrix"
    assert scan.code == MARKING


def test_the_phone_frame_reads_the_pickup_qr(decoder: ZxingDecoder) -> None:
    spec = next(s for s in LABELS if s.kind is ScanKind.PICKUP)
    (found,) = decoder(render_frame(spec, "phone"))
    assert found.symbology == "]Q1"
    assert parse(found.text).code == spec.code


def test_every_code_of_a_frame_when_asked_and_a_label_s_qr_twin_is_not_a_second_code() -> None:
    spec = next(s for s in LABELS if s.kind is ScanKind.UNIT)  # a long Code 128 with a QR twin
    found = ZxingDecoder(multi=True, thorough_every=1)(render_frame(spec, "sharp"))
    assert [parse(d.text).code for d in found] == [spec.code]


def test_gs1_content_gets_the_gs1_identifier_a_scanner_sends() -> None:
    assert aim_identifier("DataMatrix", "]d8", gs1=True) == "]d2"
    assert aim_identifier("QRCode", "]Q1", gs1=True) == "]Q3"
    assert aim_identifier("Code128", "]C0", gs1=True) == "]C1"
    assert aim_identifier("Code128", "]C0", gs1=False) == "]C0"
    assert aim_identifier("EAN13", "", gs1=False) == "]E0"


class FixedDecoder:
    """Finds the same codes in every frame, optionally slowly."""

    def __init__(self, *texts: str, delay_s: float = 0.0) -> None:
        self.found = [Decoded(t, t[3:], t[:3], "QRCode") for t in texts]
        self.delay_s = delay_s
        self.frames: list[Any] = []

    def __call__(self, frame: Any) -> list[Decoded]:
        self.frames.append(frame)
        if self.delay_s:
            time.sleep(self.delay_s)
        return list(self.found)


def test_a_code_in_view_is_one_scan_until_it_has_been_away_for_the_hold() -> None:
    clock = ManualClock()
    dec = FixedDecoder("]Q1WBP1.abc")
    cam = CameraScanner("test", decoder=dec, hold_s=0.8, clock=clock)
    got: list[ScanEvent] = []
    cam.on_scan(got.append)
    assert isinstance(cam, ScannerDriver)
    for _ in range(10):  # held up for 2 s, a frame every 0.2 s
        cam.decode_now("frame")
        clock.advance(0.2)
    assert len(got) == 1
    assert got[0].text == "]Q1WBP1.abc"
    assert got[0].symbology == "]Q1"
    assert got[0].source == "camera:test"
    assert got[0].raw == b"]Q1WBP1.abc"
    dec.found = []  # taken away for a second
    for _ in range(5):
        cam.decode_now("frame")
        clock.advance(0.2)
    dec.found = [Decoded("]Q1WBP1.abc", "WBP1.abc", "]Q1", "QRCode")]
    cam.decode_now("frame")
    assert len(got) == 2  # shown again: a new scan


def test_two_codes_in_one_frame_are_two_scans_and_a_twin_is_one() -> None:
    clock = ManualClock()
    cam = CameraScanner("test", decoder=FixedDecoder("]C0U000001", "]Q1C-PVZ-1-0001"), clock=clock)
    assert [e.text for e in cam.decode_now("frame")] == ["]C0U000001", "]Q1C-PVZ-1-0001"]


def test_a_slow_decoder_gets_the_newest_frame_and_the_rest_are_dropped() -> None:
    dec = FixedDecoder(delay_s=0.15)
    cam = CameraScanner("test", decoder=dec, min_interval_s=0.0)
    cam.start()
    try:
        assert cam.health.state is Health.CONNECTED
        assert cam.offer(0)
        deadline = time.monotonic() + 2
        while not dec.frames and time.monotonic() < deadline:
            time.sleep(0.005)
        assert not cam.wants_frame()  # busy: the capture side need not convert frames
        for i in range(1, 30):
            cam.offer(i)
        assert cam.wait_idle()
        assert dec.frames == [0, 29]  # the newest frame, not a queue of 29
        assert cam.stats.dropped == 28
        assert cam.wants_frame()
    finally:
        cam.stop()
    assert cam.health.state is Health.ABSENT
    assert not cam.offer(30)


def test_the_decode_rate_is_capped() -> None:
    dec = FixedDecoder()
    cam = CameraScanner("test", decoder=dec, min_interval_s=0.2)
    cam.start()
    try:
        stop = time.monotonic() + 0.5
        while time.monotonic() < stop:
            cam.offer("frame")
            time.sleep(0.01)
        cam.wait_idle()
    finally:
        cam.stop()
    assert 2 <= len(dec.frames) <= 4  # about one per 0.2 s, not fifty


def test_scans_come_from_the_decoder_thread_to_the_callbacks() -> None:
    spec = next(s for s in LABELS if s.kind is ScanKind.PICKUP)
    cam = CameraScanner("virtual")  # the real zxing-cpp decoder, made on start
    got: list[ScanEvent] = []
    done = threading.Event()
    cam.on_scan(lambda e: (got.append(e), done.set()))
    cam.start()
    try:
        cam.offer(render_frame(spec, "phone"))
        assert done.wait(5)
    finally:
        cam.stop()
    assert parse(got[0].text).code == spec.code


def test_nothing_loads_zxing_or_qt_multimedia_until_a_camera_opens() -> None:
    code = (
        "import sys\n"
        "import shared.scanning.camera, shared.qt.camera, pvz_app.screens.issuing, scanner_app.window\n"
        "bad = [m for m in ('zxingcpp', 'PySide6.QtMultimedia') if m in sys.modules]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
