"""Bounce suppression: the same code again within a short window is ignored, and reported."""

from __future__ import annotations

from shared.domain.clock import Clock
from shared.scanning.events import ScanEvent


class Debouncer:
    """Decide whether a scan is new or a repeat (a scanner bounce, or a code read twice).

    A scan is a repeat when the same text was seen less than `window_s` seconds ago. The window
    counts from the last time the code was *seen* (accepted or not), so a scanner that keeps
    re-reading a label while it is aimed at it produces one scan, not one per window. A different
    code in between resets nothing: scanning A, B, A quickly gives three scans.

    Times come from the event (`t_monotonic`), or from `clock` for `accept_text`.
    """

    def __init__(self, window_s: float = 0.8, clock: Clock | None = None) -> None:
        if window_s < 0:
            raise ValueError("debounce window must be >= 0")
        self.window_s = window_s
        self._clock = clock
        self._last_text: str | None = None
        self._last_t = float("-inf")

    def accept(self, event: ScanEvent) -> bool:
        """True for a new scan, False for a repeat the caller should ignore (and sound as such)."""
        return self._check(event.text, event.t_monotonic)

    def accept_text(self, text: str) -> bool:
        if self._clock is None:
            raise RuntimeError("Debouncer.accept_text needs a clock")
        return self._check(text, self._clock.monotonic())

    def reset(self) -> None:
        self._last_text = None
        self._last_t = float("-inf")

    def _check(self, text: str, t: float) -> bool:
        key = text.strip()
        repeat = key == self._last_text and (t - self._last_t) < self.window_s
        if key != self._last_text or not repeat:
            self._last_text = key
        self._last_t = t
        return not repeat
