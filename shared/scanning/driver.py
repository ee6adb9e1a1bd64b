"""The one interface every scanner driver implements, and a small helper for its callbacks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from shared.scanning.events import Health, HealthState, ScanEvent, ScanFault

log = logging.getLogger(__name__)

ScanCallback = Callable[[ScanEvent], None]
HealthCallback = Callable[[HealthState], None]
FaultCallback = Callable[[ScanFault], None]


@runtime_checkable
class ScannerDriver(Protocol):
    """A source of scans.

    Callbacks may be invoked on the driver's own thread: Qt code wraps a driver in
    `shared.qt.scanner_bridge.ScannerBridge`, which hands everything over to the GUI thread.
    `start()` returns at once (it never waits for the device); `stop()` joins the reader thread and
    closes the device; both are idempotent.
    """

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def on_scan(self, callback: ScanCallback) -> None:
        """Register a callback for every complete scan."""
        ...

    def on_health(self, callback: HealthCallback) -> None:
        """Register a callback for every change of health (called on change only)."""
        ...

    def on_fault(self, callback: FaultCallback) -> None:
        """Register a callback for input that had to be discarded (too long, garbled, incomplete)."""
        ...

    @property
    def health(self) -> HealthState: ...


class DriverCallbacks:
    """Thread-safe callback lists plus the current health; drivers compose this.

    A callback that raises is logged and does not stop the driver.
    """

    def __init__(self, source: str, initial: HealthState | None = None) -> None:
        self.source = source
        self._lock = threading.Lock()
        self._scan: list[ScanCallback] = []
        self._health_cbs: list[HealthCallback] = []
        self._fault: list[FaultCallback] = []
        self._health = initial or HealthState(Health.ABSENT, "not started", source)

    def on_scan(self, callback: ScanCallback) -> None:
        with self._lock:
            self._scan.append(callback)

    def on_health(self, callback: HealthCallback) -> None:
        with self._lock:
            self._health_cbs.append(callback)

    def on_fault(self, callback: FaultCallback) -> None:
        with self._lock:
            self._fault.append(callback)

    @property
    def health(self) -> HealthState:
        return self._health

    def emit_scan(self, event: ScanEvent) -> None:
        with self._lock:
            cbs = list(self._scan)
        for cb in cbs:
            try:
                cb(event)
            except Exception:
                log.exception("scan callback failed")

    def emit_fault(self, fault: ScanFault) -> None:
        log.warning("scanner %s: %s", self.source, fault.message)
        with self._lock:
            cbs = list(self._fault)
        for cb in cbs:
            try:
                cb(fault)
            except Exception:
                log.exception("fault callback failed")

    def set_health(self, state: Health, reason: str = "") -> None:
        """Record a new health; callbacks run only when state or reason changed."""
        new = HealthState(state, reason, self.source)
        with self._lock:
            if new == self._health:
                return
            self._health = new
            cbs = list(self._health_cbs)
        for cb in cbs:
            try:
                cb(new)
            except Exception:
                log.exception("health callback failed")
