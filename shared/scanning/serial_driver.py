"""Serial and USB-CDC scanners through pyserial: a reader thread, framing, health, reconnection."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import serial
from serial.tools import list_ports as _list_ports

from shared.domain.clock import Clock, SystemClock
from shared.scanning.driver import DriverCallbacks, FaultCallback, HealthCallback, ScanCallback
from shared.scanning.events import FaultKind, Health, HealthState, ScanEvent, ScanFault
from shared.scanning.framing import Fault, Frame, Framer

log = logging.getLogger(__name__)

PortLister = Callable[[], Iterable[Any]]  # items look like serial.tools.list_ports_common.ListPortInfo

BYTESIZES = {5: serial.FIVEBITS, 6: serial.SIXBITS, 7: serial.SEVENBITS, 8: serial.EIGHTBITS}
PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}
STOPBITS = {1: serial.STOPBITS_ONE, 2: serial.STOPBITS_TWO}


@dataclass(frozen=True)
class PortInfo:
    """A serial port settings can offer: device path, description and USB ids when known."""

    device: str
    description: str = ""
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None

    @property
    def label(self) -> str:
        ids = f" [{self.vid:04X}:{self.pid:04X}]" if self.vid is not None and self.pid is not None else ""
        return f"{self.device} — {self.description}{ids}" if self.description else f"{self.device}{ids}"


def list_ports(lister: PortLister | None = None) -> list[PortInfo]:
    """The serial ports present now (serial.tools.list_ports), for a settings drop-down."""
    found = (lister or _list_ports.comports)()
    ports = [
        PortInfo(
            device=p.device,
            description=getattr(p, "description", "") or "",
            vid=getattr(p, "vid", None),
            pid=getattr(p, "pid", None),
            serial_number=getattr(p, "serial_number", None),
        )
        for p in found
    ]
    return sorted(ports, key=lambda p: p.device)


class SerialScanner:
    """A scanner on a serial port (RS-232, USB-CDC ACM, or the VirtualScanner's pty).

    port: a device path ('/dev/ttyACM0', a stable symlink such as /dev/serial/by-id/...). Or give
        vid/pid (and optionally serial_number) to find the device among `list_ports()` whatever
        its name, e.g. after it was re-plugged into another USB socket.
    baudrate, bytesize (5-8), parity ('N', 'E', 'O'), stopbits (1, 2): the scanner's settings.
    suffix, inter_byte_timeout, max_length: framing, see `Framer`.
    encoding: how the scanner encodes text: UTF-8 (default), or 'cp1251' for scanners set to a
        Windows Cyrillic code page.
    reconnect_interval: seconds between attempts to find and open the device again.

    Reads in its own daemon thread. Health: ABSENT while the device does not exist, CONNECTED
    while open, RECONNECTING after a read or open error while it retries. DTR/RTS handshakes are
    off and modem-line ioctl errors are ignored (they fail on ptys and some USB-CDC devices).
    """

    def __init__(
        self,
        port: str | None = None,
        *,
        vid: int | None = None,
        pid: int | None = None,
        serial_number: str | None = None,
        baudrate: int = 9600,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: int = 1,
        suffix: bytes | None = b"\r",
        inter_byte_timeout: float | None = 0.05,
        incomplete_timeout: float = 1.0,
        max_length: int = 1024,
        encoding: str = "utf-8",
        reconnect_interval: float = 0.5,
        clock: Clock | None = None,
        port_lister: PortLister | None = None,
        source: str | None = None,
    ) -> None:
        if port is None and (vid is None or pid is None):
            raise ValueError("SerialScanner needs a port path or a USB vid and pid")
        if bytesize not in BYTESIZES or parity not in PARITIES or stopbits not in STOPBITS:
            raise ValueError("bad serial framing: bytesize 5-8, parity N/E/O, stopbits 1/2")
        self.port = port
        self.vid, self.pid, self.serial_number = vid, pid, serial_number
        self.baudrate = baudrate
        self.bytesize, self.parity, self.stopbits = bytesize, parity, stopbits
        self.reconnect_interval = reconnect_interval
        self._framer_args = dict(
            suffix=suffix,
            inter_byte_timeout=inter_byte_timeout,
            incomplete_timeout=incomplete_timeout,
            max_length=max_length,
            encoding=encoding,
        )
        Framer(**self._framer_args)  # type: ignore[arg-type]  # validate settings now
        self._clock = clock or SystemClock()
        self._lister = port_lister or _list_ports.comports
        name = port if port is not None else f"usb {vid:04X}:{pid:04X}"
        self.source = source or f"serial:{name}"
        self._cb = DriverCallbacks(self.source)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: serial.Serial | None = None
        self._ser_lock = threading.Lock()

    # -- ScannerDriver ---------------------------------------------------------------------------
    def on_scan(self, callback: ScanCallback) -> None:
        self._cb.on_scan(callback)

    def on_health(self, callback: HealthCallback) -> None:
        self._cb.on_health(callback)

    def on_fault(self, callback: FaultCallback) -> None:
        self._cb.on_fault(callback)

    @property
    def health(self) -> HealthState:
        return self._cb.health

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.source}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        with self._ser_lock:
            ser = self._serial
        if ser is not None:
            with contextlib.suppress(Exception):
                ser.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._cb.set_health(Health.ABSENT, "stopped")

    # -- device ------------------------------------------------------------------------------------
    def resolve_port(self) -> str | None:
        """The device path to open now, or None when the device is not present."""
        if self.vid is not None and self.pid is not None:
            for p in self._lister():
                if getattr(p, "vid", None) == self.vid and getattr(p, "pid", None) == self.pid:
                    sn = getattr(p, "serial_number", None)
                    if self.serial_number is None or sn == self.serial_number:
                        return str(p.device)
            return None
        assert self.port is not None
        return self.port if os.path.exists(self.port) else None

    def _open(self, path: str) -> serial.Serial:
        ser = serial.Serial()
        ser.port = path
        ser.baudrate = self.baudrate
        ser.bytesize = BYTESIZES[self.bytesize]
        ser.parity = PARITIES[self.parity]
        ser.stopbits = STOPBITS[self.stopbits]
        ser.xonxoff = False
        ser.rtscts = False
        ser.dsrdtr = False
        ser.timeout = 0.05
        if os.name == "posix":
            ser.exclusive = True  # a second copy of the app must not steal every other scan
        try:
            ser.open()
        except serial.SerialException as exc:
            # Modem-line ioctls (DTR/RTS) fail on ptys and some CDC devices; the port is usable.
            if getattr(ser, "is_open", False) and "ioctl" in str(exc).lower():
                log.info("ignoring modem-line error on %s: %s", path, exc)
            else:
                raise
        return ser

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set():
            path = self.resolve_port()
            if path is None:
                self._cb.set_health(
                    Health.RECONNECTING if lost else Health.ABSENT,
                    "Scanner disconnected: plug it back in, it reconnects by itself."
                    if lost
                    else f"Scanner not found ({self._wanted()}): plug it in or choose its port in settings.",
                )
                self._stop.wait(self.reconnect_interval)
                continue
            try:
                ser = self._open(path)
            except (serial.SerialException, OSError) as exc:
                lost = True
                if "lock" in str(exc).lower():
                    reason = (
                        f"The scanner port {path} is in use by another program (a second copy of the app?)."
                    )
                else:
                    reason = f"Cannot open the scanner port {path}: {exc}"
                self._cb.set_health(Health.RECONNECTING, reason)
                self._stop.wait(self.reconnect_interval)
                continue
            with self._ser_lock:
                self._serial = ser
            self._cb.set_health(Health.CONNECTED, f"Scanner connected on {path}.")
            try:
                self._read_loop(ser)
            except (serial.SerialException, OSError, TypeError) as exc:
                # TypeError: pyserial can raise it when the fd is closed under a pending read.
                if not self._stop.is_set():
                    lost = True
                    log.info("scanner %s lost: %s", self.source, exc)
                    self._cb.set_health(
                        Health.RECONNECTING, "Scanner disconnected: plug it back in, it reconnects by itself."
                    )
            finally:
                with self._ser_lock:
                    self._serial = None
                with contextlib.suppress(Exception):
                    ser.close()
            if not self._stop.is_set():
                self._stop.wait(min(self.reconnect_interval, 0.1))

    def _wanted(self) -> str:
        if self.vid is not None and self.pid is not None:
            return f"USB {self.vid:04X}:{self.pid:04X}"
        return str(self.port)

    def _read_loop(self, ser: serial.Serial) -> None:
        framer = Framer(**self._framer_args)  # type: ignore[arg-type]
        clock = self._clock
        while not self._stop.is_set():
            deadline = framer.deadline()
            now = clock.monotonic()
            wait = 0.25 if deadline is None else max(0.0, min(0.25, deadline - now))
            ser.timeout = wait
            data = ser.read(1)
            if data:
                waiting = ser.in_waiting
                if waiting:
                    data += ser.read(waiting)
                results = framer.feed(data, clock.monotonic())
            else:
                results = framer.poll(clock.monotonic())
            for item in results:
                self._deliver(item)

    def _deliver(self, item: Frame | Fault) -> None:
        t = self._clock.monotonic()
        if isinstance(item, Frame):
            event = ScanEvent(
                raw=item.raw,
                text=item.text,
                symbology=ScanEvent.aim_symbology(item.text),
                source=self.source,
                t_monotonic=t,
            )
            self._cb.emit_scan(event)
        else:
            self._cb.emit_fault(ScanFault(item.kind, item.message, item.raw, self.source, t))


__all__ = ["FaultKind", "PortInfo", "SerialScanner", "list_ports"]
