"""Regenerate the scan feedback sounds (16-bit mono WAV, 22.05 kHz) with the standard library.

    python assets/sounds/generate.py

success  one clean 1 kHz beep, 80 ms
warning  two tones, high then low (880 Hz, 660 Hz)
error    a low 300 ms buzz (180 Hz, square-ish), unmistakable across a noisy room
repeat   two very short ticks: "heard it, already counted"
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent


def tone(freq: float, ms: int, volume: float = 0.6, square: bool = False) -> list[float]:
    n = int(RATE * ms / 1000)
    fade = max(1, int(RATE * 0.005))  # 5 ms fades: no clicks
    out = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = math.tanh(4 * s)  # soft-clipped: a buzz without harsh aliasing
        env = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(volume * env * s)
    return out


def silence(ms: int) -> list[float]:
    return [0.0] * int(RATE * ms / 1000)


SOUNDS = {
    "success": tone(1000, 80),
    "warning": tone(880, 100) + silence(40) + tone(660, 140),
    "error": tone(180, 300, volume=0.7, square=True),
    "repeat": tone(1400, 25, volume=0.5) + silence(50) + tone(1400, 25, volume=0.5),
}


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767)) for s in samples))


def main() -> None:
    for name, samples in SOUNDS.items():
        write(HERE / f"{name}.wav", samples)


if __name__ == "__main__":
    main()
