"""Camera scanning without Qt: frames in, scans out, as one more scanner driver.

A camera is a `ScannerDriver` like the serial scanner: `CameraScanner.offer(frame)` hands it an image
(a grayscale `QImage`, a Pillow image, a numpy array: anything zxing-cpp reads), a worker thread
decodes it with zxing-cpp, and each code found becomes a `ScanEvent` whose text is what a hardware
scanner with AIM prefixes on would send (`]Q1WBP1.…`, `]d201046…<GS>91…`), so the same
`shared.barcodes.parse` and the same `ScannerBridge` handle it. Who captures the frames (Qt
Multimedia in the apps, a list of rendered labels in tests) is not this module's business.

Throttling: the worker holds one pending frame. `offer` replaces a frame not yet started (the
newest wins; the dropped one is counted), so a slow decoder never builds a queue and the preview
never waits; `wants_frame()` says whether a frame would be decoded now, so the capture side can
skip converting frames nobody will look at; `min_interval_s` caps the decode rate.

Debounce: a camera sees a code in every frame while it is in view. A code is reported once when it
appears and again only after it has been out of sight for `hold_s` (the bridge's double-scan window
by default): the hold counts from the last frame it was *seen* in, as the bridge's debouncer does,
so a customer holding a phone up gives one scan, not one per frame and not one beep per frame. A
label carrying the same data twice (a 1D code and its QR twin) is one scan.

zxing-cpp is imported when the first decoder is made, never at import time: an app whose camera
stays closed does not load it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from shared.domain.clock import Clock, SystemClock
from shared.scanning.driver import DriverCallbacks, FaultCallback, HealthCallback, ScanCallback
from shared.scanning.events import FaultKind, Health, HealthState, ScanEvent, ScanFault

log = logging.getLogger(__name__)

# What our labels and the codes customers and products bring use; fewer formats decode faster.
DEFAULT_FORMATS: Final = ("Code128", "EAN13", "EAN8", "UPCA", "QRCode", "DataMatrix")

# zxing-cpp reports the symbology identifier of the symbol as printed; for GS1 content the parser
# wants the GS1 modifier (FNC1 in first position). zxing-cpp 3.1 says ']d8' for some GS1
# DataMatrix symbols (ours included), which is not an AIM GS1 modifier: a GS1 content type is
# mapped to the identifier a hardware scanner sends for it.
GS1_AIM: Final = {
    "DataMatrix": "]d2",
    "QRCode": "]Q3",
    "Code128": "]C1",
    "DataBar": "]e0",
    "DataBarExp": "]e0",
    "DataBarLtd": "]e0",
    "Aztec": "]z1",
}
# When zxing-cpp reports no identifier at all (it always does for the formats above).
FALLBACK_AIM: Final = {"QRCode": "]Q1", "DataMatrix": "]d1", "Code128": "]C0", "EAN13": "]E0", "EAN8": "]E4"}


@dataclass(frozen=True)
class Decoded:
    """One code found in a frame.

    text: the AIM identifier followed by the content, GS (0x1D) between GS1 elements kept, exactly
        the shape of a hardware scanner's output (without its CR suffix).
    content: the content alone (what the hold and the per-frame dedupe compare).
    symbology: the AIM identifier (']Q1', ']d2', ']C1', ']E0').
    format: zxing-cpp's format name ('QRCode', 'DataMatrix', 'Code128', 'EAN13').
    """

    text: str
    content: str
    symbology: str
    format: str


FrameDecoder = Callable[[Any], list[Decoded]]


class ZxingDecoder:
    """Decode every code of a frame with zxing-cpp (imported here, on first use).

    The text mode is Plain: GS1 content comes with its GS separators as 0x1D, not the
    '(01)…(21)…' human-readable form, so a Честный знак code keeps the GS its short and long forms
    are told apart by. Grayscale frames are fastest (no conversion inside).

    Most frames get the fast pass: no search for 1D codes turned by 90 degrees and no search for
    light-on-dark codes (together they triple the time of a 1280x720 frame, and a label held in
    front of a camera is mostly upright and dark on light). Every `thorough_every`-th frame is
    searched with both, so a label on its side or a phone in dark mode still reads, a moment later.
    `thorough_every=1` searches every frame thoroughly.

    One code a frame (`multi=False`, the default) stops at the first code found, which halves the
    time of a frame with a code in it: a camera is aimed at one code at a time, like a hand scanner,
    and the scan area keeps the rest of the desk out. `multi=True` reads every code in the frame.
    """

    def __init__(
        self,
        formats: Sequence[str] = DEFAULT_FORMATS,
        *,
        try_downscale: bool = True,
        thorough_every: int = 4,
        multi: bool = False,
    ) -> None:
        import zxingcpp

        if thorough_every < 1:
            raise ValueError("thorough_every must be >= 1")
        self._zx = zxingcpp
        self._formats = [getattr(zxingcpp.BarcodeFormat, name) for name in formats]
        self._try_downscale = try_downscale
        self.thorough_every = thorough_every
        self.multi = multi
        self._count = 0

    def __call__(self, frame: Any, *, thorough: bool | None = None) -> list[Decoded]:
        """The codes in `frame`; `thorough` forces the pass (None: the frame count decides)."""
        zx = self._zx
        self._count += 1
        if thorough is None:
            thorough = self._count % self.thorough_every == 0
        options = {
            "formats": self._formats,
            "text_mode": zx.TextMode.Plain,
            "try_downscale": self._try_downscale,
            "try_rotate": thorough,
            "try_invert": thorough,
        }
        if self.multi:
            found = zx.read_barcodes(frame, **options)
        else:
            first = zx.read_barcode(frame, **options)
            found = [first] if first is not None else []
        out: list[Decoded] = []
        seen: set[str] = set()
        for barcode in found:
            content = str(barcode.text)
            if not content or content in seen:
                continue  # a label's 1D code and its QR twin carry the same data: one scan
            seen.add(content)
            fmt = barcode.format.name
            aim = aim_identifier(fmt, str(barcode.symbology_identifier), barcode.content_type == zx.GS1)
            out.append(Decoded(aim + content, content, aim, fmt))
        return out


def aim_identifier(fmt: str, reported: str, gs1: bool) -> str:
    """The AIM identifier a hardware scanner would send for this symbol (see GS1_AIM)."""
    if gs1 and fmt in GS1_AIM:
        return GS1_AIM[fmt]
    if reported:
        return reported
    return FALLBACK_AIM.get(fmt, "]X0")


@dataclass
class CameraStats:
    """Counters for the status line and the benchmark."""

    offered: int = 0  # frames handed to offer()
    dropped: int = 0  # replaced by a newer one before the worker took them
    decoded: int = 0  # frames the worker decoded
    with_codes: int = 0  # decoded frames in which at least one code was found
    scans: int = 0  # ScanEvents emitted (after the hold)
    last_decode_ms: float = 0.0


class CameraScanner:
    """A `ScannerDriver` fed with camera frames (see the module docstring).

    name: what the status line calls the camera ('Integrated Camera', 'virtual'); the events'
        source is 'camera:<name>'.
    decoder: frame -> list[Decoded]; a `ZxingDecoder` is made on `start()` when not given.
    hold_s: how long a code must be out of sight before it counts again.
    min_interval_s: at most one decode per this many seconds (real time: it saves CPU).
    clock: for the events' `t_monotonic` and the hold (the app's clock, so the bridge's debouncer
        compares times from one clock).
    """

    def __init__(
        self,
        name: str = "camera",
        *,
        decoder: FrameDecoder | None = None,
        hold_s: float = 0.8,
        min_interval_s: float = 0.08,
        clock: Clock | None = None,
    ) -> None:
        self.name = name
        self._decoder = decoder
        self.hold_s = hold_s
        self.min_interval_s = min_interval_s
        self._clock: Clock = clock or SystemClock()
        self._cb = DriverCallbacks(f"camera:{name}")
        self._cond = threading.Condition()
        self._pending: Any = None
        self._busy = False
        self._running = False
        self._thread: threading.Thread | None = None
        self._next_at = 0.0  # time.monotonic() before which no new decode starts
        self._last_seen: dict[str, float] = {}
        self.stats = CameraStats()

    # --- ScannerDriver -------------------------------------------------------------------------
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
        """Start the decoding thread (idempotent). A decoder that cannot be made (zxing-cpp
        missing) leaves the driver ABSENT with the reason, and offer() takes nothing."""
        with self._cond:
            if self._running:
                return
        if self._decoder is None:
            try:
                self._decoder = ZxingDecoder()
            except ImportError as exc:
                self._cb.set_health(Health.ABSENT, f"no barcode decoder: {exc}")
                return
        with self._cond:
            self._running = True
            self._pending = None
            self._last_seen.clear()
            self._thread = threading.Thread(target=self._run, name=f"camera-decoder-{self.name}", daemon=True)
            self._thread.start()
        self._cb.set_health(Health.CONNECTED, f"camera {self.name}")

    def stop(self) -> None:
        with self._cond:
            thread, self._thread = self._thread, None
            self._running = False
            self._pending = None
            self._cond.notify_all()
        if thread is not None:
            thread.join(timeout=5)
        self._cb.set_health(Health.ABSENT, "camera off")

    # --- frames --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def wants_frame(self) -> bool:
        """True when a frame offered now would be decoded soon (nothing waiting, the worker idle,
        the rate limit passed): the capture side converts a frame only then."""
        with self._cond:
            return (
                self._running
                and self._pending is None
                and not self._busy
                and time.monotonic() >= self._next_at
            )

    def offer(self, frame: Any) -> bool:
        """Hand over a frame (any thread). A frame still waiting is replaced by this newer one.
        False when the driver is not running."""
        with self._cond:
            if not self._running:
                return False
            self.stats.offered += 1
            if self._pending is not None:
                self.stats.dropped += 1
            self._pending = frame
            self._cond.notify_all()
            return True

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Block until no frame is waiting or being decoded (tests, the benchmark)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending is not None or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def decode_now(self, frame: Any) -> list[ScanEvent]:
        """Decode one frame on the caller's thread and return the scans it gives after the hold
        (also emitted to the callbacks). The worker uses this too."""
        decoder = self._decoder
        if decoder is None:
            raise RuntimeError("CameraScanner.decode_now before start() or without a decoder")
        started = time.perf_counter()
        try:
            found = decoder(frame)
        except Exception as exc:  # a frame the decoder cannot take (wrong format): say it, go on
            log.exception("camera frame could not be decoded")
            self._cb.emit_fault(
                ScanFault(FaultKind.DEVICE, f"camera frame not readable: {exc}", b"", self._cb.source, 0.0)
            )
            return []
        elapsed_ms = (time.perf_counter() - started) * 1000
        events = self._held(found)
        with self._cond:
            self.stats.decoded += 1
            self.stats.with_codes += 1 if found else 0
            self.stats.scans += len(events)
            self.stats.last_decode_ms = elapsed_ms
        for event in events:
            self._cb.emit_scan(event)
        return events

    def _held(self, found: list[Decoded]) -> list[ScanEvent]:
        t = self._clock.monotonic()
        events: list[ScanEvent] = []
        with self._cond:
            for d in found:
                last = self._last_seen.get(d.content)
                self._last_seen[d.content] = t
                if last is not None and t - last < self.hold_s:
                    continue  # still in view (or back too soon): not a new scan
                events.append(ScanEvent(d.text.encode("utf-8"), d.text, d.symbology, self._cb.source, t))
            stale = [k for k, seen in self._last_seen.items() if t - seen >= self.hold_s]
            for k in stale:
                del self._last_seen[k]
        return events

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._running and self._pending is None:
                    self._cond.wait()
                if not self._running:
                    return
                # the rate limit; a newer frame may replace this one meanwhile
                while self._running and (wait := self._next_at - time.monotonic()) > 0:
                    self._cond.wait(wait)
                if not self._running:
                    return
                frame, self._pending = self._pending, None
                self._busy = True
            try:
                if frame is not None:
                    self.decode_now(frame)
            finally:
                with self._cond:
                    self._busy = False
                    self._next_at = time.monotonic() + self.min_interval_s
                    self._cond.notify_all()
