"""Keyboard-wedge scanners: tell a scanner's key burst from a person typing, app-wide.

A USB scanner in keyboard mode types the code, key after key, a few milliseconds apart, then Enter
(or Tab). `WedgeFilter` is installed on the QApplication and holds back printable key presses while
it decides:
  - keys arriving at most `max_gap_s` apart, at least `min_length` of them, ended by the suffix
    key: a scan. The keys and the suffix are consumed (they never reach the focused field) and
    `scanned(ScanEvent)` is emitted with source 'wedge'.
  - anything else (a pause longer than `max_gap_s`, too few keys, no suffix when one is required):
    a person typing. The held keys are delivered to the widget they were meant for, in order, so
    the field gets exactly what was typed (only `max_gap_s` later).
Key auto-repeat and keys with Ctrl/Alt/Meta (other than Ctrl+] = GS) are never held.

The text is kept as the keys produced it: with a Russian layout a scanner's 'U123' arrives as
'Г123'; `shared.barcodes.parse` repairs that. Times come from the injected clock (each key's arrival),
and from QKeyEvent.timestamp() for inter-key gaps when the platform stamps events, so keys that
queued up while the GUI thread was busy are still judged by when they were typed.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from shared.domain.clock import Clock, SystemClock
from shared.qt.scanner_bridge import emit_signal
from shared.scanning.events import GS, ScanEvent

SUFFIX_KEYS = {
    "enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "tab": (Qt.Key.Key_Tab,),
}
_BLOCKING_MODS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
}


@dataclass
class _HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    t: float  # arrival, injected clock
    stamp: int  # QKeyEvent.timestamp(), ms; 0 when the platform gives none


class WedgeFilter(QObject):
    """App-wide event filter for keyboard-wedge scanners; `app.installEventFilter(wedge)`.

    max_gap_s: the longest pause between two keys of a scan (scanners: 1-30 ms; people: 80+ ms).
    min_length: the fewest characters a scan has (shorter bursts are typing).
    suffixes: which keys end a scan: ('enter',), ('tab',) or both.
    require_suffix: if False, a burst of `min_length`+ keys followed by a pause is a scan too.
    clock: Clock for arrival times (ManualClock in tests).
    """

    scanned = Signal(object)  # ScanEvent

    def __init__(
        self,
        *,
        max_gap_s: float = 0.04,
        min_length: int = 5,
        suffixes: tuple[str, ...] = ("enter", "tab"),
        require_suffix: bool = True,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_gap_s = max_gap_s
        self.min_length = min_length
        self._suffix_keys = {k for name in suffixes for k in SUFFIX_KEYS[name]}
        self.require_suffix = require_suffix
        self._clock = clock or SystemClock()
        self.enabled = True
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)

    # -- public --------------------------------------------------------------------------------
    @property
    def holding(self) -> str:
        """Characters held back right now while deciding (for tests and diagnostics)."""
        return "".join(h.text for h in self._held)

    def flush(self) -> None:
        """Decide about held keys now as if the pause had passed (called by the quiet timer)."""
        self._decide_after_pause()

    # -- event filter ------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget):
            return False  # the QWindow sees the key first; handle it once, at the widget
        assert isinstance(event, QKeyEvent)
        now = self._clock.monotonic()
        key = event.key()
        text = event.text()
        mods = event.modifiers()
        stamp = int(event.timestamp())
        if self._held and self._gap(now, stamp) > self.max_gap_s:
            self._decide_after_pause()
        if key in self._suffix_keys and not (mods & _BLOCKING_MODS):
            if self._held and len(self._held) >= self.min_length:
                self._emit_scan(now)
                return True  # the suffix is consumed with the scan
            self._release_held()
            return False
        if key in _MODIFIER_KEYS:
            return False  # scanners press Shift (capitals) and Ctrl (GS) inside a burst
        if event.isAutoRepeat() or not _is_scan_char(text, mods):
            self._release_held()
            return False
        self._held.append(_HeldKey(obj, key, mods, text, now, stamp))
        self._timer.start(max(1, int(self.max_gap_s * 1000) + 1))
        return True

    # -- internals ---------------------------------------------------------------------------------
    def _gap(self, now: float, stamp: int) -> float:
        last = self._held[-1]
        if stamp and last.stamp and stamp >= last.stamp:
            return (stamp - last.stamp) / 1000.0
        return now - last.t

    def _on_quiet(self) -> None:
        if not self._held:
            return
        remaining = self.max_gap_s - (self._clock.monotonic() - self._held[-1].t)
        if remaining > 0:
            # The clock says the pause is not over yet (an injected clock in tests): wait more.
            self._timer.start(max(1, int(remaining * 1000) + 1))
            return
        self._decide_after_pause()

    def _decide_after_pause(self) -> None:
        self._timer.stop()
        if not self._held:
            return
        if not self.require_suffix and len(self._held) >= self.min_length:
            self._emit_scan(self._held[-1].t)
        else:
            self._release_held()

    def _emit_scan(self, t: float) -> None:
        self._timer.stop()
        text = "".join(h.text for h in self._held)
        self._held.clear()
        event = ScanEvent(
            raw=text.encode("utf-8"),
            text=text,
            symbology=ScanEvent.aim_symbology(text),
            source="wedge",
            t_monotonic=t,
        )
        emit_signal(self.scanned, event)

    def _release_held(self) -> None:
        """Deliver held keys to their widgets: they were typed by a person."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for h in held:
                if not shiboken6.isValid(h.target):
                    continue  # the field was closed meanwhile
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    ev = QKeyEvent(kind, h.key, h.modifiers, h.text)
                    QCoreApplication.sendEvent(h.target, ev)
        finally:
            self._replaying = False


def _is_scan_char(text: str, mods: Qt.KeyboardModifier) -> bool:
    if text == GS:
        return True  # Ctrl+] or a scanner sending the GS character itself
    if mods & _BLOCKING_MODS:
        return False
    return len(text) == 1 and text.isprintable()
