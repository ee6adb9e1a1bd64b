"""Camera scanning: zxing-cpp decode time per 1280x720 frame, and the share of test frames decoded.

Frames are rendered from our own labels (tests/support/camera_frames.py): six labels (Code 128 unit
and cell, GS1-128 box, EAN-13 product, pickup QR, GS1 DataMatrix marking) in each degradation
(sharp, blurred, rotated, dim) plus a phone showing a pickup QR. Each frame is decoded with the
app's decoder (shared.scanning.camera.ZxingDecoder) as the camera driver runs it:

* the fast pass most frames get (no 90-degree 1D search, no light-on-dark search): the goal row;
* the thorough pass every 4th frame gets;
* the fast pass over the scan area the panel actually hands over (the central 75 % each way);
* the fast pass over an empty desk (the whole search, nothing found: the camera's idle cost).

A frame counts as decoded when the thorough or the fast pass reads the label's own code (within one
4-frame cycle of the running camera, about a third of a second); the note gives the fast pass alone.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from tests.benchmarks import Row

ROUNDS = 3  # every frame decoded this many times per pass


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _timed(decode: Any, frame: Any, **kw: Any) -> tuple[float, list[Any]]:
    started = time.perf_counter()
    found = decode(frame, **kw)
    return (time.perf_counter() - started) * 1000, found


def run() -> list[Row]:
    from shared.barcodes import parse
    from shared.qt.camera import SCAN_AREA
    from shared.scanning.camera import ZxingDecoder
    from tests.support.camera_frames import DEGRADATIONS, FRAME_SIZE, empty_frame, label_specs, render_frame

    decoder = ZxingDecoder()
    frames: list[tuple[str, str, Any]] = []  # (degradation, the code it shows, frame)
    for degradation in (*DEGRADATIONS, "phone"):
        specs = (
            label_specs()
            if degradation != "phone"
            else [s for s in label_specs() if s.kind.value == "pickup"]
        )
        for spec in specs:
            frames.append((degradation, spec.code, render_frame(spec, degradation)))
    assert all(f.size == FRAME_SIZE for _d, _c, f in frames)
    w, h = FRAME_SIZE
    x, y, aw, ah = SCAN_AREA
    box = (round(x * w), round(y * h), round((x + aw) * w), round((y + ah) * h))

    def reads(found: list[Any], code: str) -> bool:
        for d in found:
            try:
                if parse(d.text).code == code:
                    return True
            except Exception:
                continue
        return False

    fast: list[float] = []
    thorough: list[float] = []
    area: list[float] = []
    ok: dict[str, list[bool]] = {}
    ok_fast: dict[str, list[bool]] = {}
    for degradation, code, frame in frames:
        crop = frame.crop(box)
        for _ in range(ROUNDS):
            ms, found_fast = _timed(decoder, frame, thorough=False)
            fast.append(ms)
            ms, found_all = _timed(decoder, frame, thorough=True)
            thorough.append(ms)
            ms, _found = _timed(decoder, crop, thorough=False)
            area.append(ms)
        ok.setdefault(degradation, []).append(reads(found_fast, code) or reads(found_all, code))
        ok_fast.setdefault(degradation, []).append(reads(found_fast, code))

    empty = empty_frame()
    idle = [_timed(decoder, empty, thorough=False)[0] for _ in range(30)]
    n = len(frames)
    note = f"{n} frames x {ROUNDS}, grayscale, 6 symbologies"
    rows = [
        Row("camera", "decode 1280x720 frame p50", statistics.median(fast), "ms", "< 30", note),
        Row("camera", "decode 1280x720 frame p95", _pct(fast, 95), "ms", "< 30", "fast pass (3 of 4 frames)"),
        Row(
            "camera",
            "decode 1280x720 thorough p95",
            _pct(thorough, 95),
            "ms",
            "",
            "every 4th frame: 90-degree 1D and inverted too",
        ),
        Row("camera", "decode empty 1280x720 frame p95", _pct(idle, 95), "ms", "< 30", "nothing in view"),
        Row(
            "camera",
            "decode scan area p95",
            _pct(area, 95),
            "ms",
            "< 30",
            f"{box[2] - box[0]}x{box[3] - box[1]}: what the panel hands over",
        ),
    ]
    for degradation, results in ok.items():
        fast_hits = sum(ok_fast[degradation])
        rows.append(
            Row(
                "camera",
                f"frames decoded: {degradation}",
                100.0 * sum(results) / len(results),
                "%",
                "",
                f"{sum(results)} of {len(results)}; fast pass alone {fast_hits}",
            )
        )
    return rows
