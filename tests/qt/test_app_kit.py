"""Both apps start from one kit built from the config: the scanner settings an admin saves (debounce
window, keyboard-wedge key gap and length) are the ones the terminal then scans with."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from scanner_app.__main__ import Terminal, TerminalConfig, build
from shared.config import ScannerSettings
from shared.domain import ManualClock
from shared.qt.feedback import Tone
from shared.scanning.events import ScanEvent

LABEL = "U000000000017"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))


@pytest.fixture
def terminals(tmp_path: Path, clock: ManualClock) -> Iterator[list[Terminal]]:
    made: list[Terminal] = []
    yield made
    for t in made:
        t.close()


def _terminal(
    made: list[Terminal], tmp: Path, clock: ManualClock, scanner: ScannerSettings, *, wedge: bool = False
) -> Terminal:
    config = TerminalConfig(
        backend_url="http://127.0.0.1:9",
        data_dir=tmp / f"terminal-{len(made)}",
        device_id=f"TERM-KIT-{len(made)}",
        lang="en",
        inline=True,
        wedge=wedge,
        sync_interval_ms=3_600_000,
        scanner=scanner,
    )
    t = build(config, clock=clock)
    made.append(t)
    return t


def _scan_twice(t: Terminal, clock: ManualClock, seconds_apart: float) -> list[ScanEvent]:
    """The same label twice, ``seconds_apart``; returns the scans the bridge took as new."""
    taken: list[ScanEvent] = []
    t.bridge.scanned.connect(taken.append)
    for _ in range(2):
        t.bridge.feed(ScanEvent(LABEL.encode(), LABEL, None, "virtual", clock.monotonic()))
        clock.advance(seconds_apart)
    return taken


def test_a_terminal_keeps_to_the_configured_debounce_window(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, terminals: list[Terminal]
) -> None:
    default = _terminal(terminals, tmp_path, clock, ScannerSettings())
    assert len(_scan_twice(default, clock, 2.0)) == 2  # 2 s apart: a second scan (window 0.8 s)
    slow = _terminal(terminals, tmp_path, clock, ScannerSettings(debounce_ms=5000))
    assert len(_scan_twice(slow, clock, 2.0)) == 1  # within the configured 5 s: the same scan
    assert slow.feedback.player.played[-1] is Tone.REPEAT  # the worker hears it was counted once


def _type_burst(field: QLineEdit, text: str, clock: ManualClock, gap_s: float) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, field, Qt.Key(ord(ch.upper())), ch, Qt.KeyboardModifier.NoModifier
        )
        clock.advance(gap_s)
    QTest.keyClick(field, Qt.Key.Key_Return)


def _wedge_scans(qtbot: QtBot, t: Terminal, clock: ManualClock, text: str, gap_s: float) -> list[str]:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    scans: list[str] = []
    t.bridge.scanned.connect(lambda event: scans.append(event.text))
    _type_burst(field, text, clock, gap_s)
    if not scans:
        qtbot.waitUntil(lambda: field.text() == text)  # typing: the field gets every key
    return scans


def test_a_terminal_tells_wedge_scans_from_typing_by_the_configured_gap_and_length(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, terminals: list[Terminal]
) -> None:
    # 6 keys 60 ms apart: typing for the default settings (a scan's keys come <= 40 ms apart)
    default = _terminal(terminals, tmp_path, clock, ScannerSettings(), wedge=True)
    assert _wedge_scans(qtbot, default, clock, "A12345", 0.06) == []
    default.close()
    terminals.remove(default)
    # a slower scanner set up with a 100 ms gap: the same burst is a scan, not typed into the field
    slow = _terminal(terminals, tmp_path, clock, ScannerSettings(max_key_interval_ms=100), wedge=True)
    assert _wedge_scans(qtbot, slow, clock, "A12345", 0.06) == ["A12345"]
    slow.close()
    terminals.remove(slow)
    # and one set up for codes of 8 characters or more: a quick 6-key burst is typing
    long_codes = _terminal(terminals, tmp_path, clock, ScannerSettings(min_length=8), wedge=True)
    assert _wedge_scans(qtbot, long_codes, clock, "A12345", 0.004) == []
