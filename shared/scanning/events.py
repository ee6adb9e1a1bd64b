"""What every scanner driver delivers: scans, faults and health, as plain immutable values.

Drivers never parse: a ScanEvent carries the bytes and the decoded text exactly as the scanner sent
them (suffix removed, GS 0x1D kept). Screens or app operations hand `text` to
`shared.barcodes.parse`, which strips AIM prefixes and repairs Russian-layout input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

GS = "\x1d"
_AIM_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")


@dataclass(frozen=True)
class ScanEvent:
    """One scan as it came from a scanner.

    raw: the frame's bytes without the suffix (CR/LF/Tab), GS bytes kept.
    text: raw decoded (UTF-8); for the keyboard wedge, the characters the keys produced.
    symbology: the AIM symbology identifier (']E0', ']C1', ']d2', ']Q3') when the scanner sends
        one at the start of the text, else None. The text still starts with it; the parser strips it.
    source: which driver delivered it ('serial:/dev/ttyACM0', 'wedge', 'virtual', ...).
    t_monotonic: seconds on the driver's clock (Clock.monotonic) when the frame was complete.
    """

    raw: bytes
    text: str
    symbology: str | None
    source: str
    t_monotonic: float

    @staticmethod
    def aim_symbology(text: str) -> str | None:
        """The AIM identifier at the start of text (']E0'), or None when there is none."""
        m = _AIM_RE.match(text)
        return m.group(0) if m else None


class FaultKind(StrEnum):
    TOO_LONG = "too_long"  # more bytes than max_length without a suffix
    GARBLED = "garbled"  # bytes that are not text (wrong baud rate or framing, line noise)
    INCOMPLETE = "incomplete"  # a partial frame that never got its suffix
    DEVICE = "device"  # the device failed to open or read


@dataclass(frozen=True)
class ScanFault:
    """Input a driver had to throw away, with a message that says what to do about it.

    The driver keeps running: the next good scan is delivered as usual.
    """

    kind: FaultKind
    message: str
    raw: bytes
    source: str
    t_monotonic: float


class Health(StrEnum):
    CONNECTED = "connected"  # the device is open and being read
    RECONNECTING = "reconnecting"  # it was lost (or failed to open) and the driver is retrying
    ABSENT = "absent"  # no such device right now; the driver waits for it to appear


@dataclass(frozen=True)
class HealthState:
    """A driver's health with the reason in plain words ('scanner unplugged: waiting for it')."""

    state: Health
    reason: str = ""
    source: str = field(default="", compare=False)

    @property
    def ok(self) -> bool:
        return self.state is Health.CONNECTED
