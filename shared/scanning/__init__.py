"""Scanner drivers behind one interface (no Qt): serial (pyserial) and a virtual pty scanner.

Drivers deliver `ScanEvent`s (raw bytes and text, never parsed), `ScanFault`s for discarded input
and `HealthState` changes. Parsing is `shared.barcodes.parse(event.text)`'s job, in the screen or
app operation that receives the scan. Qt code wraps a driver in `shared.qt.scanner_bridge.ScannerBridge`.
"""

from typing import TYPE_CHECKING

from shared.scanning.debounce import Debouncer
from shared.scanning.driver import DriverCallbacks, ScannerDriver
from shared.scanning.events import FaultKind, Health, HealthState, ScanEvent, ScanFault
from shared.scanning.framing import Framer, wire_time_s
from shared.scanning.serial_driver import PortInfo, SerialScanner, list_ports

if TYPE_CHECKING:
    from shared.scanning.simulator import VirtualScanner


def __getattr__(name: str) -> object:
    # Imported on first use, so `python -m shared.scanning.simulator` runs the module only once.
    if name == "VirtualScanner":
        from shared.scanning.simulator import VirtualScanner

        return VirtualScanner
    raise AttributeError(name)


__all__ = [
    "Debouncer",
    "DriverCallbacks",
    "FaultKind",
    "Framer",
    "Health",
    "HealthState",
    "PortInfo",
    "ScanEvent",
    "ScanFault",
    "ScannerDriver",
    "SerialScanner",
    "VirtualScanner",
    "list_ports",
    "wire_time_s",
]
