"""Turn a byte stream from a scanner into frames: by suffix, or by a pause between bytes.

Pure logic with explicit times, so it is tested without a device; `SerialScanner` feeds it from its
reader thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.scanning.events import FaultKind

# Bytes a frame keeps although they are control characters: GS (FNC1 / GS1 separator), RS and EOT
# (ISO/IEC 15434 envelopes in DataMatrix codes).
KEPT_CONTROLS = frozenset(b"\x1d\x1e\x04")
# Characters trimmed from both ends of a frame (leftovers of CR LF or Tab suffixes).
TRIM = b"\r\n\t "


@dataclass(frozen=True)
class Frame:
    raw: bytes
    text: str


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    message: str
    raw: bytes


class Framer:
    """Collect bytes into frames.

    suffix: bytes ending a frame (b"\\r" by default; b"\\r\\n", b"\\n" or b"\\t" for other scanner
        settings); None frames by inter-byte timeout only.
    inter_byte_timeout: with no suffix, a pause this long ends the frame. With a suffix, a partial
        frame left without its suffix for `incomplete_timeout` seconds is dropped with a fault that
        says to check the scanner's suffix setting.
    max_length: a frame longer than this is dropped with a fault; bytes are then skipped up to the
        next suffix (or pause), so the next scan comes through whole.
    Control characters other than GS/RS/EOT are removed from a frame (line noise, stray NULs);
    bytes that are not UTF-8 make the frame a GARBLED fault (usually a wrong baud rate).
    """

    def __init__(
        self,
        suffix: bytes | None = b"\r",
        inter_byte_timeout: float | None = 0.05,
        incomplete_timeout: float = 1.0,
        max_length: int = 1024,
        encoding: str = "utf-8",
    ) -> None:
        if suffix == b"":
            suffix = None
        if suffix is None and not inter_byte_timeout:
            raise ValueError("without a suffix, frames need an inter-byte timeout")
        self.suffix = suffix
        self.inter_byte_timeout = inter_byte_timeout
        self.incomplete_timeout = incomplete_timeout
        self.max_length = max_length
        self.encoding = encoding
        self._buf = bytearray()
        self._last_t: float | None = None
        self._overflow = False  # skipping the rest of an over-long frame

    @property
    def pending(self) -> bool:
        return bool(self._buf) or self._overflow

    def deadline(self) -> float | None:
        """Monotonic time at which `poll` has something to do, or None while idle."""
        if not self.pending or self._last_t is None:
            return None
        if self.suffix is None:
            assert self.inter_byte_timeout is not None
            return self._last_t + self.inter_byte_timeout
        return self._last_t + self.incomplete_timeout

    def feed(self, data: bytes, t: float) -> list[Frame | Fault]:
        """Add bytes that arrived at monotonic time t; return the frames and faults they complete."""
        out: list[Frame | Fault] = []
        if not data:
            return out
        # A long pause before this data ends the previous frame first.
        out.extend(self.poll(t))
        self._last_t = t
        if self.suffix is None:
            self._append(data, out)
            return out
        rest = bytes(data)
        while rest:
            buf_and_rest = bytes(self._buf) + rest
            idx = buf_and_rest.find(self.suffix, max(0, len(self._buf) - len(self.suffix) + 1))
            if idx < 0:
                self._buf.clear()
                self._append(buf_and_rest, out)
                break
            frame = buf_and_rest[:idx]
            rest = buf_and_rest[idx + len(self.suffix) :]
            self._buf.clear()
            if self._overflow:
                self._overflow = False  # the over-long frame's end: resynchronised
                continue
            if len(frame) > self.max_length:
                out.append(self._too_long(frame))
                continue
            self._emit(frame, out)
        return out

    def poll(self, now: float) -> list[Frame | Fault]:
        """Handle the passage of time: end a frame by pause, or drop a stale partial frame."""
        deadline = self.deadline()
        if deadline is None or now < deadline:
            return []
        out: list[Frame | Fault] = []
        frame = bytes(self._buf)
        self._buf.clear()
        overflow, self._overflow = self._overflow, False
        if overflow:
            return out
        if self.suffix is None:
            self._emit(frame, out)
        elif frame.strip(TRIM):
            out.append(
                Fault(
                    FaultKind.INCOMPLETE,
                    "Incomplete scan discarded: the scanner sent no end-of-code character. "
                    "Scan again; if it keeps happening, set the scanner's suffix to Enter (CR).",
                    frame,
                )
            )
        return out

    def _append(self, data: bytes, out: list[Frame | Fault]) -> None:
        if self._overflow:
            return
        self._buf.extend(data)
        if len(self._buf) > self.max_length:
            out.append(self._too_long(bytes(self._buf)))
            self._buf.clear()
            self._overflow = True

    def _too_long(self, frame: bytes) -> Fault:
        return Fault(
            FaultKind.TOO_LONG,
            f"Scan discarded: more than {self.max_length} characters without an end of code. "
            "Scan the label again; if it keeps happening, check the scanner's suffix setting.",
            frame[: self.max_length + 16],
        )

    def _emit(self, frame: bytes, out: list[Frame | Fault]) -> None:
        cleaned = bytes(b for b in frame if b >= 0x20 or b in KEPT_CONTROLS or b in TRIM).strip(TRIM)
        if not cleaned:
            return
        try:
            text = cleaned.decode(self.encoding)
        except UnicodeDecodeError:
            out.append(
                Fault(
                    FaultKind.GARBLED,
                    "Unreadable data from the scanner discarded. Scan again; if it keeps "
                    "happening, check the scanner's baud rate and framing in settings.",
                    frame,
                )
            )
            return
        if "\ufffd" in text or (not text.isprintable() and not _only_kept_controls(text)):
            out.append(
                Fault(FaultKind.GARBLED, "Unreadable data from the scanner discarded. Scan again.", frame)
            )
            return
        out.append(Frame(cleaned, text))


def _only_kept_controls(text: str) -> bool:
    return all(ch.isprintable() or ord(ch) in KEPT_CONTROLS for ch in text)


def wire_time_s(n_bytes: int, baudrate: int, bits_per_byte: int = 10) -> float:
    """Seconds a frame of n_bytes takes on the wire (8N1 = 10 bits a byte)."""
    return n_bytes * bits_per_byte / baudrate
