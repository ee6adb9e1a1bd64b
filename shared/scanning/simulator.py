"""A virtual serial scanner: a pty pair whose slave side the real SerialScanner opens.

    python -m shared.scanning.simulator --labels labels.txt [--link /tmp/wb-scanner] [--interval 1.5]

prints the port path to give the app (WB_SCANNER_PORT or settings), then "scans" each label of the
file in turn. The Qt window in shared/qt/virtual_scanner.py drives the same class by hand.

Unplug closes the pty (the driver's reads fail, as with a pulled USB cable); replug opens a new pty,
which usually gets another /dev/pts/N name, so the scanner is reached through a stable symlink
(`port_name`) that replug re-points, and matching by port name keeps working.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import threading
import time
import tty
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# Fake USB ids the virtual device reports through `port_info()` (pid.codes test range).
VIRTUAL_VID = 0x1209
VIRTUAL_PID = 0x5C4E


@dataclass(frozen=True)
class VirtualPortInfo:
    """Looks like a serial.tools.list_ports ListPortInfo for the virtual device."""

    device: str
    description: str = "WB Ops virtual scanner"
    vid: int | None = VIRTUAL_VID
    pid: int | None = VIRTUAL_PID
    serial_number: str | None = "VIRTUAL-1"


class VirtualScanner:
    """A pty-backed scanner.

    link: the stable path to create (a symlink to the current pty slave); default a new temp dir.
    baudrate: only paces writes (10 bits a byte) so a frame takes as long as on a real wire; 0 or
        None writes at once.
    suffix: appended to every scan (CR by default; b"\\r\\n", b"\\t" or b"" for other settings).
    sleep: injected for tests that must not wait; defaults to time.sleep.

    `scan(text)` returns the time.perf_counter() when the last byte was written, which the latency
    benchmark measures from.
    """

    def __init__(
        self,
        link: str | os.PathLike[str] | None = None,
        *,
        baudrate: int | None = 9600,
        suffix: bytes = b"\r",
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        if link is None:
            self._tmpdir = tempfile.TemporaryDirectory(prefix="wb-vscan-")
            link = Path(self._tmpdir.name) / "scanner"
        self.port_name = str(link)
        Path(link).parent.mkdir(parents=True, exist_ok=True)
        self.baudrate = baudrate
        self.suffix = suffix
        self._sleep = sleep
        self._lock = threading.Lock()
        self._master: int | None = None
        self._slave: int | None = None
        self.slave_name: str | None = None
        self.replug()

    # -- device lifetime -------------------------------------------------------------------------
    @property
    def plugged(self) -> bool:
        return self._master is not None

    def replug(self) -> None:
        """Plug in (again): a new pty, the stable link pointed at it."""
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # no line discipline: CR stays CR, nothing is buffered or echoed
            self._master, self._slave = master, slave
            self.slave_name = os.ttyname(slave)
            tmp = f"{self.port_name}.{os.getpid()}.tmp"
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            os.symlink(self.slave_name, tmp)
            os.replace(tmp, self.port_name)

    def unplug(self) -> None:
        """Pull the cable: close the pty and remove the link; the driver's reads fail."""
        with self._lock:
            if self._master is None:
                return
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.port_name)
            for fd in (self._master, self._slave):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._master = self._slave = None
            self.slave_name = None

    def close(self) -> None:
        self.unplug()
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None

    def __enter__(self) -> VirtualScanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def port_info(self) -> list[VirtualPortInfo]:
        """What a port lister would report for this device now (empty while unplugged)."""
        return [VirtualPortInfo(self.port_name)] if self.plugged else []

    # -- scanning --------------------------------------------------------------------------------
    def write_raw(self, data: bytes, *, paced: bool = True) -> float:
        """Write bytes as the scanner would (paced at the baud rate); perf_counter of the last byte."""
        with self._lock:
            master = self._master
            if master is None:
                raise OSError("virtual scanner is unplugged")
            byte_time = 10 / self.baudrate if (paced and self.baudrate) else 0.0
            if byte_time <= 0 or len(data) <= 1:
                _write_all(master, data)
                return time.perf_counter()
            # Pace in chunks of about 2 ms so the reader sees a frame arrive in several pieces.
            chunk = max(1, int(0.002 / byte_time))
            start = time.perf_counter()
            sent = 0
            last = start
            while sent < len(data):
                piece = data[sent : sent + chunk]
                target = start + (sent + len(piece)) * byte_time
                delay = target - time.perf_counter()
                if delay > 0:
                    self._sleep(delay)
                _write_all(master, piece)
                last = time.perf_counter()
                sent += len(piece)
            return last

    def scan(self, text: str | bytes, *, paced: bool = True) -> float:
        """Send one code with the suffix; returns perf_counter() of the last byte written."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        return self.write_raw(data + self.suffix, paced=paced)

    def burst(self, texts: Iterable[str | bytes], gap_s: float = 0.0) -> None:
        """Several scans back to back (gap_s = 0: all in one write, as a fast batch scanner does)."""
        items = [(t.encode("utf-8") if isinstance(t, str) else t) + self.suffix for t in texts]
        if gap_s <= 0:
            self.write_raw(b"".join(items), paced=False)
            return
        for data in items:
            self.write_raw(data)
            self._sleep(gap_s)

    def bounce(self, text: str | bytes, times: int = 2, gap_s: float = 0.05) -> None:
        """The same code read `times` times in quick succession (trigger bounce / double read)."""
        for i in range(times):
            if i:
                self._sleep(gap_s)
            self.scan(text)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Virtual serial barcode scanner (pty)")
    parser.add_argument("--labels", type=Path, help="file with one code per line to scan in turn")
    parser.add_argument("--link", help="stable port path to create (default: a temp dir)")
    parser.add_argument("--interval", type=float, default=1.5, help="seconds between scans")
    parser.add_argument("--baud", type=int, default=9600, help="pace writes at this baud rate")
    parser.add_argument("--repeat", action="store_true", help="loop over the labels until stopped")
    parser.add_argument("--bounce", action="store_true", help="read every label twice, 50 ms apart")
    parser.add_argument(
        "--hold",
        type=float,
        default=2.0,
        help="seconds to keep the port after the last scan (let it be read)",
    )
    args = parser.parse_args(argv)
    labels: list[str] = []
    if args.labels:
        labels = [ln.strip() for ln in args.labels.read_text(encoding="utf-8").splitlines() if ln.strip()]
    with VirtualScanner(args.link, baudrate=args.baud) as vs:
        print(vs.port_name, flush=True)
        try:
            if not labels:
                for line in sys.stdin:  # no file: scan what is typed, one code a line
                    if line.strip():
                        vs.scan(line.strip())
                return 0
            while True:
                for code in labels:
                    time.sleep(args.interval)
                    if args.bounce:
                        vs.bounce(code)
                    else:
                        vs.scan(code)
                    print(f"scanned {code}", file=sys.stderr, flush=True)
                if not args.repeat:
                    break
            time.sleep(args.hold)  # closing the pty at once could drop the last scan unread
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
