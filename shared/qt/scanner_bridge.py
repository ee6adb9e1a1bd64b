"""Scans from any driver onto the GUI thread, debounced, and to the active screen only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from shared.scanning.debounce import Debouncer
from shared.scanning.driver import ScannerDriver
from shared.scanning.events import ScanEvent

from .relay import GuiRelay, emit_signal

ScanTarget = Callable[[ScanEvent], None]

__all__ = ["ScanTarget", "ScannerBridge", "blocked_message", "emit_signal", "open_dialog"]


class ScannerBridge(QObject):
    """Owns no device: it listens to drivers (serial, virtual) and wedge filters and re-emits.

    Signals, always on the GUI thread:
      scanned(ScanEvent)       a new scan (after debounce). Also passed to the target, see below.
      repeated(ScanEvent)      the same code again within the debounce window: ignored; sound
                               `Feedback.repeat()` so the user knows it was heard.
      faulted(ScanFault)       input a driver discarded (too long, garbled); show fault.message.
      healthChanged(HealthState)   a driver's health changed (state, reason, source).

      blocked(ScanEvent)       a scan that arrived while a modal dialog (a question, a choice, a
                               print preview) was open: nothing was applied; sound the error and
                               say why with `blocked_message()`.

    Routing: the main window calls `set_target(screen.handle_scan)` whenever the current screen
    changes (None while no screen takes scans). Only that callable gets scans, so a scan never
    lands in a focused text field or a hidden screen. Parsing is the target's job
    (`shared.barcodes.parse(event.text)`).

    While a modal dialog is open the screen behind it never gets a scan: the dialog answers for
    the screen, and a scan there would change what the question is about. A dialog that takes
    scans itself has a ``handle_scan(ScanEvent)`` method and gets them; any other dialog blocks
    them (`blocked`).
    """

    scanned = Signal(object)
    repeated = Signal(object)
    faulted = Signal(object)
    healthChanged = Signal(object)
    blocked = Signal(object)

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
        self._relay = GuiRelay(self)  # driver threads post here; the GUI thread handles the scan
        if driver is not None:
            self.add_driver(driver)

    def add_driver(self, driver: ScannerDriver, *, health: bool = True) -> None:
        """Listen to a driver (callbacks may come from its thread). Start it yourself, or `start()`.

        ``health=False`` keeps its health out of `healthChanged` (which the status bar shows as the
        scanner's): a camera says whether it runs in its own panel."""
        relay = self._relay
        driver.on_scan(lambda e: relay.post_later(lambda: self.feed(e)))
        driver.on_fault(lambda f: relay.post_later(lambda: emit_signal(self.faulted, f)))
        if health:
            driver.on_health(lambda h: relay.post_later(lambda: emit_signal(self.healthChanged, h)))
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
        dialog = open_dialog()
        if dialog is not None:
            handler = getattr(dialog, "handle_scan", None)
            if callable(handler):
                handler(event)
            else:
                emit_signal(self.blocked, event)
            return
        if self._target is not None:
            self._target(event)


def open_dialog() -> QWidget | None:
    """The modal dialog on screen right now, if any (the innermost one)."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return None  # no widgets, no dialogs
    modal = QApplication.activeModalWidget()
    return modal if modal is not None and modal.isVisible() else None


def blocked_message() -> str:
    """What to tell the user about a scan refused because a dialog is open."""
    return QCoreApplication.translate(
        "ScannerBridge", "A question is open on the screen: answer it first. The scan was not applied."
    )
