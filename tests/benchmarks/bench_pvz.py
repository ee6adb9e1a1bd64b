"""PVZ app figures: cold start, memory after a busy day, scan-to-screen latency with 100,000 units.

Each measure runs in its own subprocess (``python -m tests.benchmarks.bench_pvz --child MODE``), so
start-up is truly cold and memory belongs to that run alone. The app is built by the production
composition root (``pvz_app.__main__.build``) against a server that is not there (the PVZ works
offline), with the operations hub's real worker-thread runner, offscreen.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks import Row

ROOT = Path(__file__).resolve().parents[2]
SITE = "PVZ-BENCH-1"
PASSWORD = "bench-password-1"


def _child(mode: str, *args: str, timeout: float = 240.0) -> dict[str, Any]:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring"
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_pvz", "--child", mode, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            result: dict[str, Any] = json.loads(line)
            return result
    raise RuntimeError(f"bench child {mode} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as data:
        t0 = time.perf_counter()
        assert _child("start", data)["ready"]
        first = (time.perf_counter() - t0) * 1000
        starts = []
        for _ in range(5):
            t0 = time.perf_counter()
            out = _child("start", data)
            starts.append((time.perf_counter() - t0) * 1000)
            assert out["ready"]
    rows.append(
        Row(
            "pvz",
            "cold start to interactive main window",
            statistics.median(starts),
            "ms",
            "< 1500",
            f"median of {len(starts)} new processes from source on an existing data dir (python start, imports, store, window shown)",
        )
    )
    rows.append(
        Row(
            "pvz",
            "first start on a new PC (database created)",
            first,
            "ms",
            "",
            "same, with an empty data dir",
        )
    )
    day = _child("day", timeout=600)
    rows.append(
        Row(
            "pvz",
            "memory after a busy day (RSS)",
            day["rss_mb"],
            "MB",
            "< 250",
            f"{day['accepted']} units accepted, {day['issued']} issued by scans through the screens (unpainted during the run); peak {day['peak_mb']:.0f} MB; {day['seconds']:.0f} s",
        )
    )
    rows.append(
        Row(
            "pvz",
            "busy day: accept (unit + cell scans) p50, unpainted",
            day["accept_p50_ms"],
            "ms",
            "",
            "scan fed to the bridge -> journalled -> table updated",
        )
    )
    lat = _child("latency", timeout=600)
    rows.append(
        Row(
            "pvz",
            "issuing scan-to-screen p50, 100k units stored",
            lat["unit_p50_ms"],
            "ms",
            "",
            f"pty scanner -> serial driver -> bridge -> worker lookup -> table row taken; n={lat['n']}, {lat['units']} units",
        )
    )
    rows.append(
        Row("pvz", "issuing scan-to-screen p95, 100k units stored", lat["unit_p95_ms"], "ms", "", "same runs")
    )
    rows.append(
        Row(
            "pvz",
            "pickup QR scan-to-order shown p50, 100k units",
            lat["qr_p50_ms"],
            "ms",
            "",
            "offline Ed25519 check + order units loaded and shown",
        )
    )
    return rows


# --------------------------------------------------------------------------- children


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    from tests.benchmarks import peak_rss_mb

    return peak_rss_mb()


def _build(tmp: Path, *, port: str = "", runner: Any = None) -> tuple[Any, Any, Any]:
    import socket

    from PySide6.QtWidgets import QApplication

    from pvz_app.__main__ import Options, build
    from pvz_app.context import PdfReports
    from pvz_app.ports import Ports

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    app = QApplication.instance() or QApplication([])
    built = build(
        Options(
            backend_url=f"http://127.0.0.1:{closed}",
            data_dir=tmp,
            site=SITE,
            scanner_port=port,
            lang="ru",
            device_id="pvz-bench",
        ),
        app,  # type: ignore[arg-type]
        runner=runner,
        reports=PdfReports(tmp / "printed"),
        sync_interval_ms=3_600_000,
        sounds=False,
        ports=Ports(choose=lambda _p, _t, _l, items: items[0], confirm=lambda *_a: True),
    )
    app._bench_feedback = lambda: built.ctx.feedback.last  # type: ignore[attr-defined]
    return app, built, built.window


def _login(app: Any, built: Any) -> None:
    from argon2 import PasswordHasher

    from shared.domain import Role, SiteKind
    from shared.store import CachedUser

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    built.store.remember_user(
        CachedUser("u-bench", "bench", Role.CLERK, SITE, SiteKind.PVZ, "bench", hasher.hash(PASSWORD), None)
    )
    login = built.window.login
    login.username.setText("bench")
    login.password.setText(PASSWORD)
    login.submit()
    _wait(app, lambda: built.ctx.actor is not None)
    if built.ctx.flows.shift.current() is None:
        built.window.flow("shift").trigger("open")
        _wait(app, lambda: built.ctx.flows.shift.current() is not None)


def _wait(app: Any, cond: Any, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not cond():
        app.processEvents()
        if time.perf_counter() > deadline:
            last = getattr(app, "_bench_feedback", None)
            raise TimeoutError(f"condition not met; last message: {last() if last else ''}")
        time.sleep(0.0005)


def child_start(data_dir: str) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    app, built, window = _build(Path(data_dir))
    window.resize(1280, 800)
    window.show()
    ready: list[bool] = []
    QTimer.singleShot(0, lambda: (ready.append(window.isVisible()), app.quit()))
    app.exec()
    built.close()
    return {"ready": bool(ready and ready[0])}


def child_day() -> dict[str, Any]:
    from datetime import UTC, datetime

    from shared.barcodes import make_cell_label
    from shared.scanning.events import ScanEvent
    from tests.support.demo_pvz import seed

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        app, built, window = _build(Path(tmp))
        window.resize(1280, 800)
        window.show()
        world = seed(built.store, SITE, datetime.now(UTC), cells=400, ready_orders=0, in_transit_orders=500)
        _login(app, built)
        window.hide()  # the day runs through the screens' code unpainted (speed); shown again to measure
        t = [0.0]

        def feed(text: str) -> None:
            t[0] += 2.0
            built.scanner.feed(ScanEvent(text.encode(), text, None, "bench", t[0]))

        window.show_flow("acceptance")
        acc = window.current
        accepted = 0
        accept_times: list[float] = []
        for box in world.boxes:
            feed(box)
            _wait(app, lambda b=box: acc.session is not None and acc.session.box_id == b)
            feed("S0000001")  # the seal on the box, asked before it closes
            _wait(app, lambda: acc.session.seal is not None)
            for unit in list(acc.session.units):
                if unit.status.value != "SHIPPED":
                    continue
                t0 = time.perf_counter()
                feed(unit.label)
                _wait(app, lambda: acc.session.placement is not None)
                feed(make_cell_label(SITE, acc.session.placement.cell.number))
                _wait(
                    app,
                    lambda lb=unit.label: (
                        acc.session.placement is None and acc.session.find(lb).status.value == "ACCEPTED"
                    ),
                )
                accept_times.append((time.perf_counter() - t0) * 1000)
                accepted += 1
            acc.trigger("close")
            _wait(app, lambda: acc.session is None)
            if accepted >= 2000:
                break
        window.show_flow("issuing")
        iss = window.current
        issued = 0
        for order_id, labels in world.orders.items():
            if issued >= 1500:
                break
            feed(world.qr(order_id, datetime.now(UTC)))
            _wait(app, lambda o=order_id: iss.session is not None and iss.session.order_id == o)
            ready = {u.label for u in iss.session.ready}
            if not ready:
                iss.trigger("cancel")
                continue
            for label in labels:
                if label not in ready:
                    continue
                feed(label)
                _wait(
                    app,
                    lambda lb=label: any(
                        u.label == lb and u.id in iss.session.fetched for u in iss.session.units
                    ),
                )
                if iss.session.awaiting_marking:
                    unit = iss.session.unit(iss.session.awaiting_marking)
                    feed(f"01{unit.gtin.zfill(14)}21sN7q2Lx9aPz0K\x1d91EE07\x1d92{'A' * 44}")
                    _wait(app, lambda: iss.session.awaiting_marking is None)
            n = len(iss.session.fetched)
            iss.trigger("complete")
            _wait(app, lambda: iss.session is None)
            issued += n
        window.show()
        window.repaint()
        for _ in range(20):
            app.processEvents()
        built.ctx.ops.runner.wait(10_000)
        import gc

        gc.collect()
        rss = _rss_mb()
        peak = _peak_mb()
        built.close()
    return {
        "rss_mb": rss,
        "peak_mb": peak,
        "accepted": accepted,
        "issued": issued,
        "seconds": time.perf_counter() - started,
        "accept_p50_ms": statistics.median(accept_times),
    }


def child_latency() -> dict[str, Any]:
    from datetime import UTC, datetime

    from shared.scanning.simulator import VirtualScanner
    from tests.support.demo_pvz import seed

    scanner = VirtualScanner(baudrate=None)
    with tempfile.TemporaryDirectory() as tmp:
        app, built, window = _build(Path(tmp), port=scanner.port_name)
        window.resize(1280, 800)
        window.show()
        world = seed(
            built.store,
            SITE,
            datetime.now(UTC),
            cells=400,
            ready_orders=80,
            in_transit_orders=0,
            extra_units=100_000,
        )
        units = sum(built.store.count_by_status().values())
        _wait(app, lambda: built.scanner.drivers[0].health.ok)
        _login(app, built)
        window.show_flow("issuing")
        iss = window.current
        qr_times: list[float] = []
        unit_times: list[float] = []
        ready_orders = [
            o
            for o, labels in world.orders.items()
            if built.store.unit_by_label(labels[0]).status.value == "ACCEPTED"
        ]
        time.sleep(1.0)  # past the debounce window of the login scans (none) and settle
        for order_id in ready_orders[:60]:
            written = scanner.scan(world.qr(order_id, datetime.now(UTC)))
            _wait(app, lambda o=order_id: iss.session is not None and iss.session.order_id == o)
            window.repaint()
            qr_times.append((time.perf_counter() - written) * 1000)
            label = world.orders[order_id][0]
            written = scanner.scan(label)
            _wait(
                app,
                lambda lb=label: any(
                    u.label == lb and u.id in iss.session.fetched for u in iss.session.units
                ),
            )
            window.repaint()
            unit_times.append((time.perf_counter() - written) * 1000)
            iss.trigger("cancel")
        built.close()
    scanner.close()
    unit_times.sort()
    return {
        "n": len(unit_times),
        "units": units,
        "unit_p50_ms": statistics.median(unit_times),
        "unit_p95_ms": unit_times[int(0.95 * (len(unit_times) - 1))],
        "qr_p50_ms": statistics.median(qr_times),
    }


def _child_main(mode: str, *args: str) -> None:
    runs: dict[str, Any] = {"start": child_start, "day": child_day, "latency": child_latency}
    result = runs[mode](*args)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        _child_main(sys.argv[2], *sys.argv[3:])
    else:
        for row in run():
            print(row)
