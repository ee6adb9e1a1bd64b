"""Sortable ids (ULID layout: 48-bit milliseconds + 80 random bits, Crockford base32)."""

from __future__ import annotations

import os
from collections.abc import Callable

from .clock import Clock, SystemClock

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


class IdFactory:
    """Makes ids that sort by creation time and stay unique within one millisecond."""

    def __init__(self, clock: Clock | None = None, randbytes: Callable[[int], bytes] = os.urandom) -> None:
        self._clock = clock or SystemClock()
        self._randbytes = randbytes
        self._last_ms = -1
        self._last_rand = 0

    def new(self) -> str:
        ms = int(self._clock.now().timestamp() * 1000)
        if ms <= self._last_ms:
            ms = self._last_ms
            rand = (self._last_rand + 1) & ((1 << 80) - 1)
        else:
            rand = int.from_bytes(self._randbytes(10), "big")
        self._last_ms, self._last_rand = ms, rand
        return _encode(ms, 10) + _encode(rand, 16)


def is_valid_id(text: str) -> bool:
    return len(text) == 26 and all(c in _ALPHABET for c in text)


def new_id() -> str:
    """A one-off id from the system clock; code with a clock at hand uses IdFactory."""
    return IdFactory().new()
