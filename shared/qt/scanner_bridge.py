"""Scans from any driver onto the GUI thread, debounced, and to the active screen only."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

from shared.scanning.debounce import Debouncer
from shared.scanning.driver import ScannerDriver
from shared.scanning.events import ScanEvent

ScanTarget = Callable[[ScanEvent], None]

_emit_leaks_true: bool | None = None


class _Probe(QObject):
    ping = Signal()


def _detect_emit_leak() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    leaked = sys.getrefcount(True) < before
    if leaked:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked


def emit_signal(signal: SignalInstance, *args: Any) -> None:
    """signal.emit(*args), safe from the PySide6 6.12 refcount bug on Python 3.11.

    There, every Python-side `Signal.emit()` drops one reference to `True` that it never took;
    after a few hundred emits the interpreter aborts ("bool_dealloc: deallocating True"). This
    gives the reference back when (and only when) the bug is detected, once, at first use. Use it
    for signals emitted many times (every scan); Qt's own C++ emits are not affected.
    """
    global _emit_leaks_true
    if _emit_leaks_true is None:
        _emit_leaks_true = _detect_emit_leak()
    signal.emit(*args)
    if _emit_leaks_true:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


class ScannerBridge(QObject):
    """Owns no device: it listens to drivers (serial, virtual) and wedge filters and re-emits.

    Signals, always on the GUI thread:
      scanned(ScanEvent)       a new scan (after debounce). Also passed to the target, see below.
      repeated(ScanEvent)      the same code again within the debounce window: ignored; sound
                               `Feedback.repeat()` so the user knows it was heard.
      faulted(ScanFault)       input a driver discarded (too long, garbled); show fault.message.
      healthChanged(HealthState)   a driver's health changed (state, reason, source).

    Routing: the main window calls `set_target(screen.handle_scan)` whenever the current screen
    changes (None while no screen takes scans). Only that callable gets scans, so a scan never
    lands in a focused text field or a hidden screen. Parsing is the target's job
    (`shared.barcodes.parse(event.text)`).
    """

    scanned = Signal(object)
    repeated = Signal(object)
    faulted = Signal(object)
    healthChanged = Signal(object)

    # Internal: driver threads emit these; the queued connection moves them to the GUI thread.
    _scan_in = Signal(object)
    _fault_in = Signal(object)
    _health_in = Signal(object)

    def __init__(
        self,
        driver: ScannerDriver | None = None,
        *,
        debounce_s: float = 0.8,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.debouncer = Debouncer(debounce_s)
        self._target: ScanTarget | None = None
        self._drivers: list[ScannerDriver] = []
        self._scan_in.connect(self.feed, Qt.ConnectionType.QueuedConnection)
        self._fault_in.connect(self.faulted, Qt.ConnectionType.QueuedConnection)
        self._health_in.connect(self.healthChanged, Qt.ConnectionType.QueuedConnection)
        if driver is not None:
            self.add_driver(driver)

    def add_driver(self, driver: ScannerDriver) -> None:
        """Listen to a driver (callbacks may come from its thread). Start it yourself, or `start()`."""
        driver.on_scan(lambda e: emit_signal(self._scan_in, e))
        driver.on_fault(lambda f: emit_signal(self._fault_in, f))
        driver.on_health(lambda h: emit_signal(self._health_in, h))
        self._drivers.append(driver)

    def add_wedge(self, wedge: QObject) -> None:
        """Listen to a `WedgeFilter` (it emits `scanned(ScanEvent)` on the GUI thread already)."""
        wedge.scanned.connect(self.feed)  # type: ignore[attr-defined]

    @property
    def drivers(self) -> list[ScannerDriver]:
        return list(self._drivers)

    def start(self) -> None:
        for d in self._drivers:
            d.start()

    def stop(self) -> None:
        for d in self._drivers:
            d.stop()

    def set_target(self, target: ScanTarget | None) -> None:
        """The active screen's scan handler; None sends scans nowhere (they still emit `scanned`)."""
        self._target = target

    @property
    def target(self) -> ScanTarget | None:
        return self._target

    @Slot(object)
    def feed(self, event: ScanEvent) -> None:
        """Handle one scan on the GUI thread: debounce, emit, route. Also usable directly in tests."""
        if not self.debouncer.accept(event):
            emit_signal(self.repeated, event)
            return
        emit_signal(self.scanned, event)
        if self._target is not None:
            self._target(event)
