"""Scanner-input parser throughput over 100,000 mixed, realistic scans.

The mix follows a PVZ/warehouse shift: mostly unit labels and product EANs, then cells, boxes,
marking codes (with GS, without GS, GS written as '^]'), locations, pickup QRs, badges and documents;
wrapped in AIM prefixes and CR/LF/Tab suffixes as scanners send them, ~5% typed through a Russian
keyboard layout and ~5% bad (wrong check digit, garbage, empty).
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable

from shared.barcodes import (
    BarcodeError,
    make_badge_label,
    make_cell_label,
    make_document_label,
    make_gtin13,
    make_location_label,
    make_sscc,
    make_unit_label,
    parse,
)
from shared.barcodes.layout import to_russian_layout
from tests.benchmarks import Row

N = 100_000
GOAL = "> 100000"
GS = "\x1d"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
SUFFIXES = ["", "\r\n", "\r", "\n", "\t"]


def _marking(rng: random.Random) -> str:
    gtin = "0" + make_gtin13(f"46{rng.randrange(10**10):010d}")
    serial = "".join(rng.choice(B64[:62]) for _ in range(13))
    key = "".join(rng.choice(B64[:62]) for _ in range(4))
    crypto = "".join(rng.choice(B64) for _ in range(44))
    sep = rng.choice([GS, GS, "", "^]", "<GS>"])
    return f"]d201{gtin}21{serial}{sep}91{key}{sep}92{crypto}"


def make_scans(n: int = N, seed: int = 20261125) -> list[str | bytes]:
    rng = random.Random(seed)
    sites = ["PVZ-DEMO-1", "PVZ-MSK-0042", "PVZ-SPB-7"]
    gens: list[tuple[float, Callable[[], str]]] = [
        (30, lambda: rng.choice(["", "]C0"]) + make_unit_label(rng.randrange(10**9))),
        (15, lambda: rng.choice(["", "]E0"]) + make_gtin13(f"46{rng.randrange(10**10):010d}")),
        (10, lambda: make_cell_label(rng.choice(sites), rng.randrange(1, 2000))),
        (
            8,
            lambda: (
                rng.choice(["", "]C1" + "00"])
                + make_sscc(rng.randrange(10**8), kind_return=rng.random() < 0.3)
            ),
        ),
        (8, lambda: _marking(rng)),
        (5, lambda: make_location_label("WH-DEMO-1", f"{rng.choice('ABC')}-{rng.randrange(1, 40):02d}-01-2")),
        (5, lambda: "]Q1WBP1." + "".join(rng.choice(B64[:62] + "-_") for _ in range(86))),
        (3, lambda: make_badge_label(rng.randrange(1, 10**6))),
        (2, lambda: make_document_label(rng.randrange(1, 10**6))),
    ]
    weights = [w for w, _ in gens]
    out: list[str | bytes] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.05:  # bad input
            bad = rng.choice(
                [
                    make_unit_label(rng.randrange(10**6))[:-1] + "X",
                    "U000000012340",
                    "4601234567890",
                    "hello world",
                    "",
                    "\r\n",
                    "]C0C-PVZ-DEMO-1-00",
                ]
            )
            out.append(bad)
            continue
        text = rng.choices(gens, weights)[0][1]()
        if r < 0.10:  # typed through a Russian keyboard layout
            text = to_russian_layout(text, caps_lock=rng.random() < 0.2)
        text += rng.choice(SUFFIXES)
        out.append(text.encode("utf-8") if rng.random() < 0.2 else text)
    return out


def _run_once(scans: list[str | bytes]) -> tuple[float, int]:
    """(CPU seconds this process spent parsing `scans`, how many were errors). CPU time, not wall
    time: on a machine shared with other work, time spent running other processes is not ours."""
    errors = 0
    started = time.process_time()
    for raw in scans:
        try:
            parse(raw)
        except BarcodeError:
            errors += 1
    return time.process_time() - started, errors


CHUNK = 2_000
REPEATS = 5


def run() -> list[Row]:
    scans = make_scans()
    _run_once(scans[:CHUNK])  # warm caches
    one_pass, errors = _run_once(scans)
    gc.disable()
    try:
        # Each chunk of scans is timed (CPU time) 5 times and its best kept: the best run is the one
        # least disturbed by other processes' cache traffic. The sum covers all 100,000 scans.
        total = 0.0
        for start in range(0, N, CHUNK):
            chunk = scans[start : start + CHUNK]
            total += min(_run_once(chunk)[0] for _ in range(REPEATS))
        per: list[int] = []
        clock = time.perf_counter_ns
        for raw in scans:
            t0 = clock()
            try:  # noqa: SIM105 - contextlib.suppress would add its own cost to every timing
                parse(raw)
            except BarcodeError:
                pass
            per.append(clock() - t0)
    finally:
        gc.enable()
    per.sort()
    p50 = statistics.median(per) / 1000
    p99 = per[int(len(per) * 0.99)] / 1000
    note = f"{N:,} mixed scans, {errors / N:.1%} errors; CPU time, best of {REPEATS} per {CHUNK:,}-scan chunk"
    return [
        *_label_rows(),
        Row("barcodes", "parser throughput", N / total, "scans/s", GOAL, note),
        Row("barcodes", "parser mean", total / N * 1e6, "µs", "< 10", "the same runs"),
        Row(
            "barcodes", "parser, one plain pass", N / one_pass, "scans/s", GOAL, "CPU time, all 100,000 once"
        ),
        Row(
            "barcodes", "parse p50", p50, "µs", "", "one pass, each scan timed (incl. ~0.1 µs clock overhead)"
        ),
        Row("barcodes", "parse p99", p99, "µs", "", "same pass: Russian-layout repairs and errors"),
    ]


def _label_rows() -> list[Row]:
    """Label images are made per print, not per scan: shown for scale, no goal."""
    from shared.barcodes import ScanKind
    from shared.barcodes.labels import label_png

    lines = ["Иванова Анна Сергеевна", "Заказ № 123456, ячейка 42"]
    rows = []
    for kind, code in ((ScanKind.UNIT, make_unit_label(1234)), (ScanKind.PICKUP, "WBP1." + "x" * 200)):
        label_png(kind, code, lines)  # fonts loaded once
        best = min(_timed(lambda k=kind, c=code: label_png(k, c, lines)) for _ in range(20))
        rows.append(
            Row(
                "barcodes",
                f"{kind.value} label 58x40 PNG",
                best * 1000,
                "ms",
                "",
                "CPU time, best of 20, 203 dpi",
            )
        )
    return rows


def _timed(fn: Callable[[], object]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


if __name__ == "__main__":
    for row in run():
        print(row)
