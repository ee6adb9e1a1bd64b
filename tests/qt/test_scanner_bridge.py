"""ScannerBridge: a real SerialScanner on a pty, scans delivered on the GUI thread to the active screen."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from shared.barcodes import make_cell_label, make_unit_label, parse
from shared.domain.clock import ManualClock
from shared.qt.feedback import Feedback, FeedbackBanner, SoundPlayer, Tone
from shared.qt.scanner_bridge import ScannerBridge
from shared.qt.virtual_scanner import VirtualScannerWindow
from shared.qt.wedge import WedgeFilter
from shared.scanning import (
    FaultKind,
    Health,
    HealthState,
    ScanEvent,
    ScanFault,
    SerialScanner,
    VirtualScanner,
)

WAIT_MS = 10_000


class Screen:
    """Stands for an app screen: records the scans it was given and on which thread."""

    def __init__(self) -> None:
        self.scans: list[str] = []
        self.on_gui_thread: list[bool] = []

    def handle_scan(self, event: ScanEvent) -> None:
        self.scans.append(event.text)
        app = QApplication.instance()
        assert app is not None
        self.on_gui_thread.append(QThread.currentThread() is app.thread())


@pytest.fixture
def vscan(tmp_path: Path) -> Iterator[VirtualScanner]:
    with VirtualScanner(tmp_path / "scanner", baudrate=115200) as vs:
        yield vs


@pytest.fixture
def bridge(qtbot: QtBot, vscan: VirtualScanner) -> Iterator[ScannerBridge]:
    driver = SerialScanner(vscan.port_name, baudrate=115200, reconnect_interval=0.05)
    b = ScannerBridge(driver, debounce_s=0.8)
    health: list[HealthState] = []
    b.healthChanged.connect(health.append)
    b.start()
    qtbot.waitUntil(lambda: any(h.state is Health.CONNECTED for h in health), timeout=WAIT_MS)
    yield b
    b.stop()


def test_scans_reach_the_active_screen_on_the_gui_thread(
    qtbot: QtBot, vscan: VirtualScanner, bridge: ScannerBridge
) -> None:
    accept, issue = Screen(), Screen()
    bridge.set_target(accept.handle_scan)
    unit = make_unit_label(17)
    vscan.scan(unit)
    qtbot.waitUntil(lambda: accept.scans == [unit], timeout=WAIT_MS)
    assert accept.on_gui_thread == [True]
    assert parse(accept.scans[0]).code == unit  # the screen parses; the driver did not

    bridge.set_target(issue.handle_scan)  # the main window switched screens
    cell = make_cell_label("PVZ-DEMO-1", 7)
    vscan.scan(cell)
    qtbot.waitUntil(lambda: issue.scans == [cell], timeout=WAIT_MS)
    assert accept.scans == [unit]  # the hidden screen got nothing

    bridge.set_target(None)
    with qtbot.waitSignal(bridge.scanned, timeout=WAIT_MS) as blocker:
        vscan.scan("NO-SCREEN-1")
    assert blocker.args[0].text == "NO-SCREEN-1"
    assert issue.scans == [cell]


def test_bounce_is_ignored_and_heard(qtbot: QtBot, vscan: VirtualScanner, bridge: ScannerBridge) -> None:
    screen = Screen()
    bridge.set_target(screen.handle_scan)
    player = SoundPlayer(enabled=False)
    feedback = Feedback(player)
    banner = FeedbackBanner(feedback)
    qtbot.addWidget(banner)
    bridge.repeated.connect(lambda e: feedback.repeat(e.text))
    unit = make_unit_label(18)
    with qtbot.waitSignal(bridge.repeated, timeout=WAIT_MS):
        vscan.bounce(unit, times=2, gap_s=0.05)
    assert screen.scans == [unit]
    assert player.played == [Tone.REPEAT]
    assert banner.tone is Tone.REPEAT and unit in banner.text


def test_faults_and_health_reach_the_gui(qtbot: QtBot, vscan: VirtualScanner, bridge: ScannerBridge) -> None:
    faults: list[ScanFault] = []
    health: list[HealthState] = []
    bridge.faulted.connect(faults.append)
    bridge.healthChanged.connect(health.append)
    vscan.write_raw(b"\xff\xfe\x80\r", paced=False)
    qtbot.waitUntil(lambda: len(faults) == 1, timeout=WAIT_MS)
    assert faults[0].kind is FaultKind.GARBLED
    vscan.unplug()
    qtbot.waitUntil(lambda: any(h.state is Health.RECONNECTING for h in health), timeout=WAIT_MS)
    vscan.replug()
    qtbot.waitUntil(lambda: health[-1].state is Health.CONNECTED, timeout=WAIT_MS)


def test_wedge_scan_with_focus_in_a_text_field_goes_to_the_screen(qtbot: QtBot, qapp: QApplication) -> None:
    clock = ManualClock()
    wedge = WedgeFilter(clock=clock)
    qapp.installEventFilter(wedge)
    try:
        bridge = ScannerBridge()
        bridge.add_wedge(wedge)
        screen = Screen()
        bridge.set_target(screen.handle_scan)
        field = QLineEdit()
        qtbot.addWidget(field)
        field.show()
        qtbot.waitExposed(field)
        field.setFocus()
        unit = make_unit_label(19)
        for ch in unit:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, field, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
            clock.advance(0.005)
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert screen.scans == [unit]
        assert field.text() == ""
    finally:
        qapp.removeEventFilter(wedge)


def test_virtual_scanner_window_drives_the_real_driver(
    qtbot: QtBot, vscan: VirtualScanner, bridge: ScannerBridge
) -> None:
    screen = Screen()
    bridge.set_target(screen.handle_scan)
    codes = [make_unit_label(n) for n in (21, 22, 23)]
    win = VirtualScannerWindow(vscan, codes)
    qtbot.addWidget(win)
    assert win.port.text() == vscan.port_name
    win.list.setCurrentRow(1)
    qtbot.mouseClick(win.scan_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.scans == [codes[1]], timeout=WAIT_MS)
    qtbot.mouseClick(win.burst_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.scans == [codes[1], *codes], timeout=WAIT_MS)

    health: list[HealthState] = []
    bridge.healthChanged.connect(health.append)
    qtbot.mouseClick(win.plug_btn, Qt.MouseButton.LeftButton)
    assert not win.scan_btn.isEnabled()
    qtbot.waitUntil(lambda: any(h.state is Health.RECONNECTING for h in health), timeout=WAIT_MS)
    qtbot.mouseClick(win.plug_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: health[-1].state is Health.CONNECTED, timeout=WAIT_MS)
    win.custom.setText("AFTER-REPLUG-1")  # a code typed into the window, sent on Enter
    QTest.keyClick(win.custom, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(screen.scans) == 5, timeout=WAIT_MS)
    assert screen.scans[-1] == "AFTER-REPLUG-1"


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_thousands_of_scans_do_not_exhaust_true(qtbot: QtBot) -> None:
    """PySide6 6.12 drops a reference to True on every Python-side emit; a scanning shift emits
    thousands. The bridge's emits give it back, so the refcount stays put (no abort later)."""
    import sys

    bridge = ScannerBridge(debounce_s=0)
    got: list[ScanEvent] = []
    bridge.scanned.connect(got.append)
    with _no_gc():  # a collection mid-loop would free unrelated references to True
        before = sys.getrefcount(True)
        for i in range(3000):
            bridge.feed(ScanEvent(b"x", f"CODE-{i}", None, "test", float(i)))
        after = sys.getrefcount(True)
    assert len(got) == 3000
    assert after > before - 100  # unfixed, it would be 3000 lower


def test_qt_binding_keeps_none_and_true_alive(qtbot: QtBot) -> None:
    """Guards the PySide6 pin: 6.12.0 on Python 3.11 dropped a reference to None on every void
    call (and to True on every emit), so a scanning shift aborted the app after ~20k calls."""
    import sys

    from PySide6.QtCore import QTimer

    timer = QTimer()
    probe = ScannerBridge(debounce_s=0)
    with _no_gc():
        none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
        for _ in range(3000):
            timer.start(1000)
            timer.stop()
        for i in range(3000):
            probe.scanned.emit(ScanEvent(b"", f"C{i}", None, "t", float(i)))
        none_after, true_after = sys.getrefcount(None), sys.getrefcount(True)
    assert none_after > none_before - 100
    assert true_after > true_before - 100


def test_a_scan_while_a_dialog_is_open_never_reaches_the_screen_behind(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """Any modal question blocks scans (the app sounds the error); a dialog that takes scans gets them."""
    behind = Screen()
    bridge = ScannerBridge(debounce_s=0.8)
    bridge.set_target(behind.handle_scan)
    blocked: list[str] = []
    bridge.blocked.connect(lambda e: blocked.append(e.text))

    class ScanningDialog(QDialog):
        def __init__(self) -> None:
            super().__init__()
            self.scans: list[str] = []

        def handle_scan(self, event: ScanEvent) -> None:
            self.scans.append(event.text)

    question = QMessageBox(QMessageBox.Icon.Question, "Close the box", "Close the box?")
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    question.setModal(True)
    question.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question, timeout=WAIT_MS)
    unit = make_unit_label(41)
    bridge.feed(ScanEvent(unit.encode(), unit, None, "test", 1.0))
    assert behind.scans == [] and blocked == [unit]
    assert question.isVisible()  # the scan did not answer the question either
    question.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)

    scanning = ScanningDialog()
    scanning.setModal(True)
    scanning.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is scanning, timeout=WAIT_MS)
    other = make_unit_label(42)
    bridge.feed(ScanEvent(other.encode(), other, None, "test", 2.0))
    assert scanning.scans == [other] and behind.scans == []
    scanning.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)

    third = make_unit_label(43)
    bridge.feed(ScanEvent(third.encode(), third, None, "test", 3.0))
    assert behind.scans == [third] and blocked == [unit]


def test_a_wedge_scan_while_a_question_is_open_does_not_press_its_default_button(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """A keyboard scanner's burst and its Enter are taken whole: «Да» is not pressed by the scan."""
    clock = ManualClock()
    wedge = WedgeFilter(clock=clock)
    bridge = ScannerBridge(debounce_s=0.8)
    bridge.add_wedge(wedge)
    behind = Screen()
    bridge.set_target(behind.handle_scan)
    blocked: list[str] = []
    bridge.blocked.connect(lambda e: blocked.append(e.text))
    qapp.installEventFilter(wedge)
    question = QMessageBox(QMessageBox.Icon.Question, "Close the box", "Close the box?")
    question.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    question.setDefaultButton(QMessageBox.StandardButton.Yes)
    try:
        question.setModal(True)
        question.show()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is question, timeout=WAIT_MS)
        unit = make_unit_label(44)
        target = question.focusWidget() or question
        for ch in unit:
            clock.advance(0.005)
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, target, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
        clock.advance(0.005)
        QTest.keyClick(target, Qt.Key.Key_Return)
        assert blocked == [unit] and behind.scans == []
        assert question.isVisible() and question.clickedButton() is None
    finally:
        qapp.removeEventFilter(wedge)
        question.reject()
