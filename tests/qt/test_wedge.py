"""Keyboard-wedge filter: scanner bursts are taken out of the key stream, people's typing is not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from shared.barcodes import ScanKind, parse
from shared.domain.clock import ManualClock
from shared.qt.wedge import WedgeFilter
from shared.scanning import ScanEvent

SCANNER_GAP = 0.004  # 4 ms a key: a USB scanner
HUMAN_GAP = 0.15  # 150 ms a key: a fast typist


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.first = QLineEdit()
        self.second = QLineEdit()
        self.returns = 0
        self.first.returnPressed.connect(self._ret)
        layout = QVBoxLayout(self)
        layout.addWidget(self.first)
        layout.addWidget(self.second)

    def _ret(self) -> None:
        self.returns += 1


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def wedge(qapp: QApplication, clock: ManualClock) -> Iterator[WedgeFilter]:
    w = WedgeFilter(max_gap_s=0.04, min_length=5, clock=clock)
    qapp.installEventFilter(w)
    yield w
    qapp.removeEventFilter(w)


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    f = Form()
    qtbot.addWidget(f)
    f.show()
    qtbot.waitExposed(f)
    f.activateWindow()
    f.first.setFocus()
    qtbot.waitUntil(f.first.hasFocus)
    return f


def key_for(ch: str) -> Qt.Key:
    if ch.isascii() and ch.isalnum():
        return Qt.Key(ord(ch.upper()))
    if ch == "-":
        return Qt.Key.Key_Minus
    return Qt.Key.Key_unknown


def type_text(widget: QWidget, text: str, clock: ManualClock, gap: float) -> None:
    """One key at a time (Cyrillic too), the clock moving `gap` between keys."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key_for(ch), ch, Qt.KeyboardModifier.NoModifier)
        clock.advance(gap)


def press(widget: QWidget, key: Qt.Key, clock: ManualClock, gap: float = 0.0) -> None:
    QTest.keyClick(widget, key)
    clock.advance(gap)


def collect(wedge: WedgeFilter) -> list[ScanEvent]:
    got: list[ScanEvent] = []
    wedge.scanned.connect(got.append)
    return got


def test_scanner_burst_is_consumed_and_emitted(form: Form, wedge: WedgeFilter, clock: ManualClock) -> None:
    got = collect(wedge)
    type_text(form.first, "U000000000017", clock, SCANNER_GAP)
    press(form.first, Qt.Key.Key_Return, clock)
    assert [e.text for e in got] == ["U000000000017"]
    assert got[0].source == "wedge"
    assert form.first.text() == ""  # nothing landed in the focused field
    assert form.returns == 0  # and the scanner's Enter did not submit the form


def test_person_typing_reaches_the_field_unchanged(
    qtbot: QtBot, form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    got = collect(wedge)
    type_text(form.first, "Иванова 12", clock, HUMAN_GAP)
    qtbot.waitUntil(lambda: form.first.text() == "Иванова 12")
    press(form.first, Qt.Key.Key_Return, clock)
    assert form.returns == 1
    assert got == []


def test_short_fast_burst_is_given_back_to_the_field(
    form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    got = collect(wedge)
    type_text(form.first, "42", clock, SCANNER_GAP)  # a quick "42" + Enter from a person
    press(form.first, Qt.Key.Key_Return, clock)
    assert form.first.text() == "42"
    assert form.returns == 1
    assert got == []


def test_burst_without_suffix_is_typing_unless_configured(
    qtbot: QtBot, qapp: QApplication, form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    got = collect(wedge)
    type_text(form.first, "ABCDEFG", clock, SCANNER_GAP)
    assert form.first.text() == ""  # still deciding
    clock.advance(0.1)
    qtbot.waitUntil(lambda: form.first.text() == "ABCDEFG")
    assert got == []

    form.first.clear()
    wedge.require_suffix = False
    type_text(form.first, "ABCDEFG", clock, SCANNER_GAP)
    clock.advance(0.1)
    qtbot.waitUntil(lambda: len(got) == 1)
    assert got[0].text == "ABCDEFG"
    assert form.first.text() == ""


def test_russian_layout_burst_is_one_scan_that_the_parser_repairs(
    form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    got = collect(wedge)
    # The scanner "types" U...; a Russian layout turns the U key into Г.
    type_text(form.first, "Г000000000017", clock, SCANNER_GAP)
    press(form.first, Qt.Key.Key_Return, clock)
    assert [e.text for e in got] == ["Г000000000017"]
    assert form.first.text() == ""
    scan = parse(got[0].text)
    assert scan.kind is ScanKind.UNIT and scan.code == "U000000000017"


def test_tab_suffix_does_not_move_focus(
    qtbot: QtBot, form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    got = collect(wedge)
    type_text(form.first, "C-PVZ-DEMO-1-0042", clock, SCANNER_GAP)
    press(form.first, Qt.Key.Key_Tab, clock)
    assert [e.text for e in got] == ["C-PVZ-DEMO-1-0042"]
    assert form.first.hasFocus()
    assert form.first.text() == "" and form.second.text() == ""


def test_typing_then_a_scan_keeps_both_apart(
    qtbot: QtBot, form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    got = collect(wedge)
    type_text(form.first, "abc", clock, HUMAN_GAP)
    type_text(form.first, "U0000000000024", clock, SCANNER_GAP)
    press(form.first, Qt.Key.Key_Return, clock)
    assert form.first.text() == "abc"
    assert [e.text for e in got] == ["U0000000000024"]


def test_gs_from_ctrl_bracket_stays_in_the_scan(form: Form, wedge: WedgeFilter, clock: ManualClock) -> None:
    got = collect(wedge)
    type_text(form.first, "0104601234567893215Abc", clock, SCANNER_GAP)
    QTest.sendKeyEvent(
        QTest.KeyAction.Click,
        form.first,
        Qt.Key.Key_BracketRight,
        "\x1d",
        Qt.KeyboardModifier.ControlModifier,
    )
    clock.advance(SCANNER_GAP)
    type_text(form.first, "91EE06", clock, SCANNER_GAP)
    press(form.first, Qt.Key.Key_Return, clock)
    assert [e.text for e in got] == ["0104601234567893215Abc\x1d91EE06"]


def test_shortcuts_and_editing_keys_pass_straight_through(
    form: Form, wedge: WedgeFilter, clock: ManualClock
) -> None:
    form.first.setText("hello")
    QTest.keyClick(form.first, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert form.first.selectedText() == "hello"
    QTest.keyClick(form.first, Qt.Key.Key_Backspace)
    assert form.first.text() == ""


def test_event_timestamps_win_over_arrival_time(qtbot: QtBot, form: Form, wedge: WedgeFilter) -> None:
    """Keys typed 120 ms apart that reach the filter together (the GUI thread was busy) are typing."""
    got = collect(wedge)
    for i, ch in enumerate("12345"):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ev = QKeyEvent(kind, key_for(ch), Qt.KeyboardModifier.NoModifier, ch)
            ev.setTimestamp(10_000 + i * 120)
            QApplication.sendEvent(form.first, ev)
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    enter.setTimestamp(10_000 + 5 * 120)
    QApplication.sendEvent(form.first, enter)
    assert form.first.text() == "12345"
    assert form.returns == 1
    assert got == []


def test_disabled_filter_lets_everything_through(form: Form, wedge: WedgeFilter, clock: ManualClock) -> None:
    wedge.enabled = False
    type_text(form.first, "U000000000017", clock, SCANNER_GAP)
    assert form.first.text() == "U000000000017"
