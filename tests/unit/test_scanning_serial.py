"""The real SerialScanner reading a real pty driven by the VirtualScanner."""

from __future__ import annotations

import queue
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.scanning import (
    FaultKind,
    Health,
    HealthState,
    ScanEvent,
    ScanFault,
    SerialScanner,
    VirtualScanner,
    list_ports,
)
from shared.scanning.simulator import VIRTUAL_PID, VIRTUAL_VID

WAIT = 10.0  # generous upper bound on waiting for an event; never a speed assertion


class Collector:
    def __init__(self, driver: SerialScanner) -> None:
        self.scans: queue.Queue[ScanEvent] = queue.Queue()
        self.faults: queue.Queue[ScanFault] = queue.Queue()
        self.health: queue.Queue[HealthState] = queue.Queue()
        driver.on_scan(self.scans.put)
        driver.on_fault(self.faults.put)
        driver.on_health(self.health.put)

    def scan(self) -> ScanEvent:
        return self.scans.get(timeout=WAIT)

    def texts(self, n: int) -> list[str]:
        return [self.scan().text for _ in range(n)]

    def wait_health(self, state: Health) -> HealthState:
        deadline = time.monotonic() + WAIT
        while True:
            h = self.health.get(timeout=max(0.01, deadline - time.monotonic()))
            if h.state is state:
                return h

    def assert_no_scan(self, settle: float = 0.3) -> None:
        with pytest.raises(queue.Empty):
            self.scans.get(timeout=settle)


@pytest.fixture
def vscan(tmp_path: Path) -> Iterator[VirtualScanner]:
    with VirtualScanner(tmp_path / "scanner", baudrate=9600) as vs:
        yield vs


def start(driver: SerialScanner) -> Collector:
    c = Collector(driver)
    driver.start()
    c.wait_health(Health.CONNECTED)
    return c


@pytest.fixture
def driver(vscan: VirtualScanner) -> Iterator[SerialScanner]:
    d = SerialScanner(vscan.port_name, baudrate=9600, reconnect_interval=0.05)
    yield d
    d.stop()


def test_scans_arrive_whole_and_in_order(vscan: VirtualScanner, driver: SerialScanner) -> None:
    c = start(driver)
    vscan.scan("U0000000000017")
    vscan.scan("C-PVZ-DEMO-1-0042")
    assert c.texts(2) == ["U0000000000017", "C-PVZ-DEMO-1-0042"]


def test_frame_split_across_reads(vscan: VirtualScanner, driver: SerialScanner) -> None:
    c = start(driver)
    vscan.write_raw(b"U00000", paced=False)
    time.sleep(0.03)  # the reader has certainly returned the first part by itself
    vscan.write_raw(b"000000", paced=False)
    time.sleep(0.03)
    vscan.write_raw(b"17\r", paced=False)
    assert c.scan().text == "U0000000000017"
    c.assert_no_scan()


def test_several_frames_in_one_read(vscan: VirtualScanner, driver: SerialScanner) -> None:
    c = start(driver)
    codes = [f"U{n:011d}7" for n in range(1, 21)]
    vscan.burst(codes)  # one write: the reader gets many frames in one read
    assert c.texts(20) == codes


def test_gs_survives_and_aim_symbology_reported(vscan: VirtualScanner, driver: SerialScanner) -> None:
    c = start(driver)
    marking = "]d2\x1d0104601234567893215Abc:d\x1d91EE06\x1d92abcDEF=="
    vscan.scan(marking)
    ev = c.scan()
    assert ev.text == marking
    assert ev.raw.count(b"\x1d") == 3
    assert ev.symbology == "]d2"
    assert ev.source == f"serial:{vscan.port_name}"


def test_garbage_then_a_good_scan(vscan: VirtualScanner, driver: SerialScanner) -> None:
    c = start(driver)
    vscan.write_raw(b"\xff\xfe\x00\x81\xc3\r", paced=False)
    vscan.scan("U0000000000017")
    fault = c.faults.get(timeout=WAIT)
    assert fault.kind is FaultKind.GARBLED
    assert "baud" in fault.message  # says what to check
    assert c.scan().text == "U0000000000017"


def test_overlong_line_then_a_good_scan(vscan: VirtualScanner, tmp_path: Path) -> None:
    d = SerialScanner(vscan.port_name, max_length=256, reconnect_interval=0.05)
    try:
        c = start(d)
        vscan.write_raw(b"A" * 5000, paced=False)
        vscan.write_raw(b"\r", paced=False)
        vscan.scan("U0000000000017")
        assert c.faults.get(timeout=WAIT).kind is FaultKind.TOO_LONG
        assert c.scan().text == "U0000000000017"
        assert c.faults.empty()
    finally:
        d.stop()


def test_unplug_and_replug_reconnects_by_itself(vscan: VirtualScanner, driver: SerialScanner) -> None:
    c = start(driver)
    vscan.scan("BEFORE-1")
    assert c.scan().text == "BEFORE-1"
    old_name = vscan.slave_name
    vscan.unplug()
    lost = c.wait_health(Health.RECONNECTING)
    assert "plug" in lost.reason
    assert driver.health.state is not Health.CONNECTED
    vscan.replug()  # a new pty, usually with a new /dev/pts number; the link follows it
    c.wait_health(Health.CONNECTED)
    vscan.scan("AFTER-1")
    assert c.scan().text == "AFTER-1"
    assert vscan.slave_name is not None and old_name is not None


def test_absent_at_start_then_plugged_in(tmp_path: Path) -> None:
    link = tmp_path / "later"
    d = SerialScanner(str(link), reconnect_interval=0.05)
    c = Collector(d)
    d.start()
    try:
        absent = c.wait_health(Health.ABSENT)
        assert str(link) in absent.reason
        with VirtualScanner(link) as vs:
            c.wait_health(Health.CONNECTED)
            vs.scan("HELLO-1")
            assert c.scan().text == "HELLO-1"
    finally:
        d.stop()


def test_found_by_usb_vid_pid_across_replug(vscan: VirtualScanner) -> None:
    """Matched by VID/PID through a port lister (the virtual device reports its ids like a real one)."""
    d = SerialScanner(vid=VIRTUAL_VID, pid=VIRTUAL_PID, port_lister=vscan.port_info, reconnect_interval=0.05)
    try:
        c = start(d)
        vscan.scan("VIDPID-1")
        assert c.scan().text == "VIDPID-1"
        vscan.unplug()
        c.wait_health(Health.RECONNECTING)
        vscan.replug()
        c.wait_health(Health.CONNECTED)
        vscan.scan("VIDPID-2")
        assert c.scan().text == "VIDPID-2"
    finally:
        d.stop()


def test_other_vid_pid_is_not_opened(vscan: VirtualScanner) -> None:
    d = SerialScanner(vid=0x05E0, pid=0x1200, port_lister=vscan.port_info, reconnect_interval=0.05)
    try:
        c = Collector(d)
        d.start()
        assert "05E0:1200" in c.wait_health(Health.ABSENT).reason
    finally:
        d.stop()


@pytest.mark.parametrize("baud", [9600, 115200])
def test_baud_rates_set_on_the_line_and_paced_frames_arrive(tmp_path: Path, baud: int) -> None:
    with VirtualScanner(tmp_path / "s", baudrate=baud) as vs:
        d = SerialScanner(vs.port_name, baudrate=baud, reconnect_interval=0.05)
        try:
            c = start(d)
            assert vs._slave is not None
            speed = termios.tcgetattr(vs._slave)[4]  # the driver configured the line speed
            assert speed == getattr(termios, f"B{baud}")
            codes = [f"U{n:011d}7" for n in range(5)]
            for code in codes:
                vs.scan(code)  # paced at the baud rate, arrives in pieces
            assert c.texts(5) == codes
        finally:
            d.stop()


def test_timeout_framing_for_scanners_without_suffix(tmp_path: Path) -> None:
    """Without a suffix, a pause ends the frame. Each code goes in one write, so a busy machine cannot
    pause inside a code (a paced write could stall past the 80 ms and split it); the second code is
    sent once the first has arrived, not after a fixed sleep."""
    with VirtualScanner(tmp_path / "s", suffix=b"") as vs:
        d = SerialScanner(vs.port_name, suffix=None, inter_byte_timeout=0.08, reconnect_interval=0.05)
        try:
            c = start(d)
            vs.scan("NOSUFFIX-1", paced=False)
            assert c.scan().text == "NOSUFFIX-1"  # framed by the pause after it
            vs.scan("NOSUFFIX-2", paced=False)
            assert c.scan().text == "NOSUFFIX-2"
            c.assert_no_scan()  # nothing split off or left over
        finally:
            d.stop()


def test_stop_is_prompt_and_idempotent(vscan: VirtualScanner) -> None:
    d = SerialScanner(vscan.port_name)
    start(d)
    d.stop()
    d.stop()
    assert d.health.state is Health.ABSENT
    vscan.scan("NOBODY-LISTENS")  # the pty still accepts; nothing breaks


def test_second_reader_of_the_same_port_is_told_it_is_in_use(
    vscan: VirtualScanner, driver: SerialScanner
) -> None:
    c = start(driver)
    other = SerialScanner(vscan.port_name, reconnect_interval=0.05)
    oc = Collector(other)
    other.start()
    try:
        assert "in use" in oc.wait_health(Health.RECONNECTING).reason
        vscan.scan("ONLY-ONE-READER")
        assert c.scan().text == "ONLY-ONE-READER"  # the first reader keeps every scan
        oc.assert_no_scan()
        driver.stop()  # the first copy closes: the second takes over by itself
        oc.wait_health(Health.CONNECTED)
        vscan.scan("TAKEN-OVER")
        assert oc.scan().text == "TAKEN-OVER"
    finally:
        other.stop()


def test_cp1251_scanner(tmp_path: Path) -> None:
    with VirtualScanner(tmp_path / "s") as vs:
        d = SerialScanner(vs.port_name, encoding="cp1251", reconnect_interval=0.05)
        try:
            c = start(d)
            vs.scan("Ячейка-7".encode("cp1251"))
            assert c.scan().text == "Ячейка-7"
        finally:
            d.stop()


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        SerialScanner()
    with pytest.raises(ValueError):
        SerialScanner("/dev/null", parity="X")


def test_list_ports_reports_the_virtual_device(vscan: VirtualScanner) -> None:
    ports = list_ports(vscan.port_info)
    assert [p.device for p in ports] == [vscan.port_name]
    assert "1209:5C4E" in ports[0].label
    assert isinstance(list_ports(), list)  # the real system lister works here too


def test_simulator_script_feeds_the_driver(tmp_path: Path) -> None:
    labels = tmp_path / "labels.txt"
    labels.write_text("U0000000000017\nC-PVZ-DEMO-1-0042\n\nЯчейка-1\n", encoding="utf-8")
    link = tmp_path / "script-scanner"
    d = SerialScanner(str(link), reconnect_interval=0.05)
    c = Collector(d)
    d.start()
    cmd = [sys.executable, "-m", "shared.scanning.simulator", "--labels", str(labels), "--link", str(link)]
    proc = subprocess.Popen(
        [*cmd, "--interval", "0.5", "--hold", "1"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == str(link)
        assert c.texts(3) == ["U0000000000017", "C-PVZ-DEMO-1-0042", "Ячейка-1"]
        assert proc.wait(timeout=WAIT) == 0
    finally:
        proc.kill()
        d.stop()
