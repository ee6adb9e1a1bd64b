"""Scan-to-screen latency: the last byte written to a pty -> the screen's model updated.

A VirtualScanner writes each unit label at 9600 baud (paced, ~1 ms a byte) from its own thread; the
real SerialScanner reads the pty; ScannerBridge brings the scan to the GUI thread; the "screen"
parses it, looks the unit up in a LocalStore holding 100,000 units, and appends a row to a
QStandardItemModel. Measured per scan from the perf_counter of the last byte written to the
perf_counter after the model changed. The wire time of the same frame at 9600 baud is the
physical floor a real scanner adds before that; the goal is p99 < 20 ms on top of it.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from tests.benchmarks import Row

N_UNITS = 100_000
N_SCANS = 1_000
BAUD = 9600


def _seed(store: object, n: int) -> list[str]:
    from shared.barcodes import make_unit_label

    labels = [make_unit_label(i) for i in range(1, n + 1)]
    batch = 5_000
    for start in range(0, n, batch):
        changes = [
            {
                "entity": "unit",
                "id": f"unit-{i:06d}",
                "op": "upsert",
                "data": {
                    "label": labels[i],
                    "order_id": f"order-{i // 3:06d}",
                    "sku": f"SKU-{i % 5000:05d}",
                    "pvz_id": "PVZ-DEMO-1",
                    "customer_id": f"cust-{i // 3:06d}",
                    "status": "SHIPPED",
                    "box_id": f"box-{i // 40:05d}",
                },
            }
            for i in range(start, min(n, start + batch))
        ]
        store.apply_pull_page(changes, f"c{start}")  # type: ignore[attr-defined]
    return labels


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def run() -> list[Row]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    from shared.barcodes import parse
    from shared.domain.clock import SystemClock
    from shared.qt.scanner_bridge import ScannerBridge
    from shared.scanning import Health, HealthState, ScanEvent, SerialScanner, VirtualScanner, wire_time_s
    from shared.store import LocalStore

    app = QApplication.instance() or QApplication([])
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="wb-bench-scan-") as tmp:
        seed_started = time.perf_counter()
        store = LocalStore.open(Path(tmp) / "store.db", "bench-device", SystemClock())
        labels = _seed(store, N_UNITS)
        seed_s = time.perf_counter() - seed_started
        assert store.unit_by_label(labels[-1]) is not None
        sample = random.Random(5).sample(labels, N_SCANS)

        model = QStandardItemModel(0, 4)
        model_at: dict[str, float] = {}
        missing: list[str] = []
        last_byte: dict[str, float] = {}
        done = threading.Event()
        next_scan = threading.Event()

        def screen(event: ScanEvent) -> None:  # what an acceptance screen does with a scan
            scan = parse(event.text)
            unit = store.unit_by_label(scan.code)
            if unit is None:
                missing.append(scan.code)
            else:
                model.appendRow(
                    [
                        QStandardItem(unit.label),
                        QStandardItem(unit.sku),
                        QStandardItem(""),
                        QStandardItem(str(unit.status)),
                    ]
                )
            model_at[event.text] = time.perf_counter()
            next_scan.set()

        with VirtualScanner(Path(tmp) / "scanner", baudrate=BAUD) as vs:
            driver = SerialScanner(vs.port_name, baudrate=BAUD)
            bridge = ScannerBridge(driver, debounce_s=0.8)
            bridge.set_target(screen)
            connected = threading.Event()

            def on_health(h: HealthState) -> None:
                if h.state is Health.CONNECTED:
                    connected.set()

            driver.on_health(on_health)
            bridge.start()
            if not connected.wait(10):
                raise RuntimeError("virtual scanner did not connect")

            def writer() -> None:
                for code in sample:
                    next_scan.clear()
                    last_byte[code] = vs.scan(code)
                    if not next_scan.wait(5):
                        break
                    time.sleep(0.003)  # a clerk's next trigger pull is far later; keep scans apart
                done.set()

            loop = QEventLoop()
            poll = QTimer()

            def check_done() -> None:
                if done.is_set():
                    loop.quit()

            poll.timeout.connect(check_done)
            poll.start(20)
            started = time.perf_counter()
            th = threading.Thread(target=writer, daemon=True)
            th.start()
            loop.exec()
            elapsed = time.perf_counter() - started
            poll.stop()
            bridge.stop()
            th.join(5)
            app.processEvents()
        store.close()

    latencies = [model_at[c] - last_byte[c] for c in sample if c in model_at and c in last_byte]
    if len(latencies) != N_SCANS or missing:
        raise RuntimeError(
            f"only {len(latencies)} of {N_SCANS} scans reached the model; missing {missing[:3]}"
        )
    ms = [v * 1000 for v in latencies]
    frame = len(sample[0]) + 1
    wire_ms = wire_time_s(frame, BAUD) * 1000
    note = f"{N_SCANS} scans, {N_UNITS:,} units in LocalStore, pty at {BAUD} baud"
    rows.append(Row("scanning", "last byte -> model p50", statistics.median(ms), "ms", "", note))
    rows.append(
        Row("scanning", "last byte -> model p99", _pct(ms, 99), "ms", "< 20", "goal: p99 above the wire time")
    )
    rows.append(Row("scanning", "last byte -> model max", max(ms), "ms", "", ""))
    rows.append(
        Row(
            "scanning",
            f"wire time of a {frame}-byte frame",
            wire_ms,
            "ms",
            "",
            "8N1 at 9600 baud: the physical floor",
        )
    )
    rows.append(Row("scanning", "trigger -> model p99 (wire + p99)", wire_ms + _pct(ms, 99), "ms", "", ""))
    rows.append(
        Row("scanning", "scans through the whole path", N_SCANS / elapsed, "scans/s", "", "sequential, paced")
    )
    rows.append(Row("scanning", "seed 100k units (setup)", seed_s, "s", "", "pull pages of 5,000"))
    rows.extend(_wedge_rows(sample))
    return rows


def _wedge_rows(codes: list[str]) -> list[Row]:
    """Keyboard wedge: the scanner's Enter key event -> the screen's model updated (same screen work
    minus the store), with a QLineEdit focused so every key goes through the app-wide filter."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLineEdit

    from shared.barcodes import parse
    from shared.qt.scanner_bridge import ScannerBridge
    from shared.qt.wedge import WedgeFilter
    from shared.scanning import ScanEvent

    app = QApplication.instance() or QApplication([])
    wedge = WedgeFilter()
    app.installEventFilter(wedge)
    try:
        bridge = ScannerBridge(debounce_s=0.8)
        bridge.add_wedge(wedge)
        model = QStandardItemModel(0, 1)
        done_at: list[float] = []

        def screen(event: ScanEvent) -> None:
            model.appendRow([QStandardItem(parse(event.text).code)])
            done_at.append(time.perf_counter())

        bridge.set_target(screen)
        field = QLineEdit()
        field.show()
        field.setFocus()
        enter_ms: list[float] = []
        per_key_us: list[float] = []
        for code in codes:
            t0 = time.perf_counter()
            for ch in code:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                    )
            t_enter = time.perf_counter()
            per_key_us.append((t_enter - t0) / len(code) * 1e6)
            QApplication.sendEvent(
                field,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"),
            )
            enter_ms.append((done_at[-1] - t_enter) * 1000 if done_at else float("nan"))
        if len(done_at) != len(codes) or field.text():
            raise RuntimeError(f"wedge: {len(done_at)} of {len(codes)} scans, field holds {field.text()!r}")
        field.close()
    finally:
        app.removeEventFilter(wedge)
    note = f"{len(codes)} scans typed into a focused QLineEdit"
    return [
        Row("scanning", "wedge: Enter -> model p99", _pct(enter_ms, 99), "ms", "< 20", note),
        Row(
            "scanning",
            "wedge: filter cost per key p50",
            statistics.median(per_key_us),
            "us",
            "",
            "press+release",
        ),
    ]
